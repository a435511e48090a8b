// The phase's main steps, after the last period: the budget and its variances, then the KPIs
// with their targets and trends.
import { formatIso } from "../../core/calendar.ts";
import { planYear } from "../../ledger/business.ts";
import type { CompanyInfo } from "../../ledger/context.ts";
import { formatMinor } from "../../output/writers.ts";
import { paramsOf } from "../../specs/phase.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import type { MainStep } from "../api.ts";
import { costCenterId } from "../master_data/index.ts";
import { budgetOf } from "./budget.ts";
import { DIRECTION, kpisOf, type Kpi } from "./kpis.ts";
import { salesKpisBudgetsSpec } from "./spec.ts";
import { budgets, budgetVariances, kpis } from "./tables.ts";
import { favourable, variancesOf, type VarianceRow } from "./variances.ts";

const costCenter = (w: RowWriter, c: CompanyInfo, cc: number) => (cc >= 0 ? w.id(costCenterId(c.code, cc)) : w.empty());

export const budgetsStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out) {
    const threshold = paramsOf(salesKpisBudgetsSpec, cx).variance_threshold;
    const wb = out.table(budgets);
    const wv = out.table(budgetVariances);
    for (const c of cx.companies) {
      const lines = budgetOf(cx, c);
      for (const p of cx.periods) {
        for (const l of lines) {
          const amount = l.amounts[p.index]!;
          if (amount === 0) continue;
          wb.id(c.code); wb.int(p.fiscalYear); wb.int(p.fiscalPeriod); wb.int(planYear(p.index) + 1); wb.id(l.account.number);
          costCenter(wb, c, l.cc);
          wb.id(l.type); wb.id(l.driver); wb.money(amount, c.digits); wb.id(c.currency); wb.end();
        }
        for (const r of variancesOf(cx, state, c, p.index)) {
          if (r.budget === 0 && r.actual === 0) continue;
          writeVariance(wv, c, p.fiscalYear, p.fiscalPeriod, r, threshold);
        }
      }
    }
  },
};

function writeVariance(w: RowWriter, c: CompanyInfo, year: number, period: number, r: VarianceRow, threshold: number): void {
  const v = r.actual - r.budget;
  w.id(c.code); w.int(year); w.int(period); w.id(r.account.number); w.id(r.account.type);
  costCenter(w, c, r.cc);
  w.id(r.type); w.money(r.budget, c.digits); w.money(r.actual, c.digits); w.money(v, c.digits);
  if (r.budget === 0) w.empty();
  else w.decimal(fixed4(v / Math.abs(r.budget)));
  w.bool(favourable(r));
  w.bool(r.budget === 0 || Math.abs(v) >= threshold * Math.abs(r.budget));
  w.id(c.currency); w.end();
}

/** 4 decimals, never "-0.0000". */
export function fixed4(x: number): string {
  const s = x.toFixed(4);
  return s === "-0.0000" ? "0.0000" : s;
}

/** An amount in minor units that may end in a half (an average of two balances), as exact decimal text. */
export function exactMoney(minor: number, digits: number): string {
  return Number.isInteger(minor) ? formatMinor(minor, digits) : formatMinor(Math.round(minor * 10), digits + 1);
}

/** A KPI's published value: money in the currency's digits, everything else to 4 decimals. */
export function published(k: Kpi, x: number | undefined, digits: number): string | undefined {
  if (x === undefined) return undefined;
  return k.unit === "money" ? formatMinor(Math.round(x), digits) : k.unit === "count" ? String(x) : fixed4(x);
}

/** up / down beyond half a percent of the previous value, else flat. */
export function trendOf(value: string | undefined, previous: string | undefined): string {
  if (value === undefined || previous === undefined) return "none";
  const v = Number(value);
  const p = Number(previous);
  if (Math.abs(v - p) <= 0.005 * Math.abs(p)) return "flat";
  return v > p ? "up" : "down";
}

export const kpisStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out) {
    const w = out.table(kpis);
    for (const c of cx.companies) {
      const previous = new Map<string, string | undefined>();
      for (const p of cx.periods) {
        for (const k of kpisOf(cx, state, c, p.index)) {
          const value = published(k, k.value, c.digits);
          const target = published(k, k.target, c.digits);
          const before = previous.get(k.kpi);
          const part = (x: number | undefined) => (x === undefined ? undefined : k.numeratorIsMoney ? exactMoney(x, c.digits) : String(x));
          w.id(c.code); w.int(p.fiscalYear); w.int(p.fiscalPeriod); w.date(formatIso(p.firstDay + p.days - 1)); w.int(p.days); w.id(k.kpi); w.id(k.unit);
          for (const x of [value, part(k.numerator), part(k.denominator), target]) x === undefined ? w.empty() : w.decimal(x);
          w.id(k.basis);
          before === undefined ? w.empty() : w.decimal(before);
          w.id(p.index === 0 || !previous.has(k.kpi) ? "none" : trendOf(value, before));
          const direction = DIRECTION[k.kpi];
          if (value === undefined || target === undefined || direction === 0) w.empty();
          else w.bool(direction > 0 ? Number(value) >= Number(target) : Number(value) <= Number(target));
          w.id(c.currency); w.end();
          previous.set(k.kpi, value);
        }
      }
    }
  },
};
