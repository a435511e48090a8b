// Shared choices of the document chains: order values, order days, lags, due dates, tax rates.
import { civilFromDays, daysFromCivil, daysInMonth, weekday } from "../../core/calendar.ts";
import type { Rng } from "../../core/rng.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { amountModel, sampleAmount, type AmountModel } from "./amounts.ts";
import { transactionsSpec } from "./spec.ts";
import { paramsOf } from "../../specs/phase.ts";
import type { FlowEnv } from "../../ledger/flows.ts";

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

/** An order value in company minor units, from the plan's amount distribution (larger than an entry). */
export function chainAmount(env: FlowEnv, c: CompanyInfo): number {
  let byCompany = models.get(env.cx);
  if (!byCompany) models.set(env.cx, (byCompany = new Map()));
  let m = byCompany.get(c.index);
  if (!m) byCompany.set(c.index, (m = amountModel(env.cx, c, paramsOf(transactionsSpec, env.cx).amounts)));
  return sampleAmount(m, env.rng) * 2;
}

/** A business day of the period (orders are entered on working days). */
export function orderDay(env: FlowEnv, period: number): number {
  const p = env.cx.periods[period]!;
  let day = p.firstDay + env.rng.int(p.days);
  for (let i = 0; i < 3 && weekday(day) >= 5; i++) day = day + 1 < p.firstDay + p.days ? day + 1 : day - 2;
  return day;
}


