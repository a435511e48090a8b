// The rows of the revenue tables, as order-to-cash blocks hand them over: a state slice that holds
// the contracts opened since the last period's main step (it writes and empties it), so memory
// stays with one period's orders. Blocks fold in block order, so rows come out in that order on
// any number of workers, and a shard's rows append to the merge's in shard (block) order.
import { formatIso, periodAt } from "../../core/calendar.ts";
import { civilFromDays, parseIso } from "../../core/calendar.ts";
import type { ContractOrder } from "../../ledger/capabilities.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { Slice } from "../../ledger/state.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import { minorDigits } from "../../specs/currencies.ts";
import { material } from "../master_data/index.ts";
import type { ContractPlan } from "./revenue-contract.ts";

export interface ContractRow {
  company: string; id: string; customer: string; soId: string; day: number; standard: string; docCurrency: string;
  price: number; transactionPrice: number; standalone: number; obligations: number; bundle: boolean;
  recognised: number; billed: number; status: string; currency: string;
}

export interface ObligationRow {
  company: string; id: string; contract: string; line: number; soId: string; material: string; type: string; quantity: number;
  docCurrency: string; price: number; standalone: number; allocated: number; pattern: string; start?: number; end?: number;
  account: string; recognised: number; billed: number; currency: string;
}

export interface ScheduleOut {
  company: string; obligation: string; contract: string; line: number; day: number; fiscalYear: number; fiscalPeriod: number;
  amount: number; cumulative: number; progress: string; delivery?: string; journal?: string; currency: string;
}

export interface ContractRows {
  contracts: ContractRow[];
  obligations: ObligationRow[];
  schedule: ScheduleOut[];
}

const empty = (): ContractRows => ({ contracts: [], obligations: [], schedule: [] });

function append(into: ContractRows, from: ContractRows): void {
  for (const r of from.contracts) into.contracts.push(r);
  for (const r of from.obligations) into.obligations.push(r);
  for (const r of from.schedule) into.schedule.push(r);
}

export const CONTRACT_ROWS: Slice<ContractRows, ContractRows> = {
  name: "revenue_contracts",
  create: empty,
  fold: append,
  add: append,
  toJSON: (s) => s,
  fromJSON: (_cx, json) => {
    const s = empty();
    append(s, json as ContractRows);
    return s;
  },
};

/** Fiscal year and period of any day, also after the scenario (schedules run past it). */
export function fiscalOf(cx: RunContext, day: number): { fiscalYear: number; fiscalPeriod: number } {
  const s = civilFromDays(parseIso(cx.plan.scenario.startDate));
  const d = civilFromDays(day);
  const p = periodAt(cx.plan.scenario.startDate, cx.plan.scenario.fiscalYearStartMonth, d.y * 12 + d.m - (s.y * 12 + s.m));
  return { fiscalYear: p.fiscalYear, fiscalPeriod: p.fiscalPeriod };
}

/** The rows of one contract: the contract, its obligations and every schedule row (posted ones with their entry). */
export function contractRows(cx: RunContext, c: CompanyInfo, id: string, order: ContractOrder, plan: ContractPlan, journal: Map<string, string>, endDay: number, out: ContractRows, standard: string): void {
  let recognised = 0;
  let billed = 0;
  let complete = true;
  plan.obligations.forEach((o, i) => {
    const line = o.line;
    const obligation = `${id}-${i + 1}`;
    let done = 0;
    o.schedule.forEach((r, k) => {
      const posted = r.day < endDay;
      if (posted) done += r.amount;
      else complete = false;
      out.schedule.push({
        company: c.code, obligation, contract: id, line: k + 1, day: r.day, ...fiscalOf(cx, r.day), amount: r.amount, cumulative: r.cumulative,
        progress: (o.allocated > 0 ? r.cumulative / o.allocated : 1).toFixed(6), delivery: posted ? r.delivery : undefined, journal: posted ? journal.get(`${i}:${k}`) : undefined, currency: c.currency,
      });
    });
    if (o.schedule.length === 0 && o.allocated > 0) complete = false;
    const lineBilled = line.invoices.reduce((s, inv) => s + (inv.day < endDay ? inv.net : 0), 0);
    const days = line.service ? [line.service.start, line.service.end] : line.deliveries.map((d) => d.day);
    out.obligations.push({
      company: c.code, id: obligation, contract: id, line: i + 1, soId: line.soId, material: material(cx, c.index, line.materialIndex).id, type: line.kind,
      quantity: line.quantity, docCurrency: order.currency, price: line.price, standalone: line.standalone, allocated: o.allocated, pattern: o.pattern,
      start: days.length ? Math.min(...days) : undefined, end: days.length ? Math.max(...days) : undefined, account: line.revenue.number,
      recognised: done, billed: lineBilled, currency: c.currency,
    });
    recognised += done;
    billed += lineBilled;
  });
  out.contracts.push({
    company: c.code, id, customer: order.customer, soId: order.soId, day: order.orderDay, standard, docCurrency: order.currency,
    price: order.lines.reduce((s, l) => s + l.price, 0), transactionPrice: plan.transactionPrice, standalone: plan.standalone,
    obligations: plan.obligations.length, bundle: plan.obligations.length > 1, recognised, billed,
    status: recognised === 0 && plan.transactionPrice > 0 ? "not_started" : complete ? "fulfilled" : "in_progress", currency: c.currency,
  });
}

const optionalDate = (w: RowWriter, day: number | undefined) => (day === undefined ? w.empty() : w.date(formatIso(day)));
const optionalId = (w: RowWriter, v: string | undefined) => (v === undefined ? w.empty() : w.id(v));

export function writeContract(w: RowWriter, r: ContractRow, digits: number): void {
  w.id(r.company);
  w.id(r.id);
  w.id(r.customer);
  w.id(r.soId);
  w.date(formatIso(r.day));
  w.id(r.standard);
  w.id(r.docCurrency);
  w.money(r.price, minorDigits(r.docCurrency));
  w.money(r.transactionPrice, digits);
  w.money(r.standalone, digits);
  w.money(r.standalone - r.transactionPrice, digits);
  w.int(r.obligations);
  w.bool(r.bundle);
  w.money(r.recognised, digits);
  w.money(r.billed, digits);
  w.id(r.status);
  w.id(r.currency);
  w.end();
}

export function writeObligation(w: RowWriter, r: ObligationRow, digits: number): void {
  w.id(r.company);
  w.id(r.id);
  w.id(r.contract);
  w.int(r.line);
  w.id(r.soId);
  w.id(r.material);
  w.id(r.type);
  w.int(r.quantity);
  w.money(r.price, minorDigits(r.docCurrency));
  w.money(r.standalone, digits);
  w.money(r.allocated, digits);
  w.id(r.pattern);
  optionalDate(w, r.start);
  optionalDate(w, r.end);
  w.id(r.account);
  w.money(r.recognised, digits);
  w.money(r.billed, digits);
  w.id(r.currency);
  w.end();
}

export function writeSchedule(w: RowWriter, r: ScheduleOut, digits: number): void {
  w.id(r.company);
  w.id(r.obligation);
  w.id(r.contract);
  w.int(r.line);
  w.date(formatIso(r.day));
  w.int(r.fiscalYear);
  w.int(r.fiscalPeriod);
  w.money(r.amount, digits);
  w.money(r.cumulative, digits);
  w.decimal(r.progress);
  optionalId(w, r.delivery);
  w.id(r.journal ? "recognised" : "planned");
  optionalId(w, r.journal);
  w.end();
}
