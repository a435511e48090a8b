// What the document chains and entries share: lags, the amount model of a company, and the
// units the layout gives each company, period and kind of work (budgets are shared out by it).
import type { Rng } from "../../core/rng.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { amountModel, type AmountModel } from "./amounts.ts";
import { transactionsSpec } from "./spec.ts";
import { paramsOf } from "../../specs/phase.ts";
import { companyTargets } from "../../ledger/business.ts";

export interface ChainParams {
  volume: { amount: number; per: string };
  lags: { order_to_receipt: Range; receipt_to_invoice: Range; invoice_to_payment: Range };
  partial_delivery: number;
  late_payment: number;
}

interface Range {
  min: number;
  max: number;
}

export function lag(rng: Rng, r: Range): number {
  return rng.range(r.min, r.max);
}

const models = new WeakMap<RunContext, Map<number, AmountModel>>();

/** The amount distribution of a company (shape of document sizes; budgets set their scale). */
export function amountModelOf(cx: RunContext, c: CompanyInfo): AmountModel {
  let byCompany = models.get(cx);
  if (!byCompany) models.set(cx, (byCompany = new Map()));
  let m = byCompany.get(c.index);
  if (!m) byCompany.set(c.index, (m = amountModel(cx, c, paramsOf(transactionsSpec, cx).amounts)));
  return m;
}

const unitsCache = new WeakMap<RunContext, Map<string, number>>();

/**
 * Units the transactions layout gives a company in a period for one kind of work: a process
 * chain (`procure_to_pay`, ...) or, with no table, standalone entries.
 */
export function segmentUnits(cx: RunContext, c: CompanyInfo, period: number, table?: string): number {
  let m = unitsCache.get(cx);
  if (!m) {
    unitsCache.set(cx, (m = new Map()));
    for (const s of cx.phase(transactionsSpec.id).layout.segments) m.set(`${s.company}|${s.period}|${s.table ?? ""}`, s.units);
  }
  return m.get(`${c.code}|${period}|${table ?? ""}`) ?? 0;
}

/** Purchase orders of a procure-to-pay segment reserved for stock: the goods side of the business. */
export function stockOrders(cx: RunContext, c: CompanyInfo, units: number): number {
  const goods = 1 - companyTargets(cx, c).serviceShare;
  // A company that sells no goods buys none for stock.
  return goods <= 0 ? 0 : Math.round(units * Math.min(0.85, Math.max(0.1, goods)));
}
