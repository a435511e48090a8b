// Period close, one period at a time, per company: depreciation from the asset register,
// accruals (reversed the next period), the income tax provision, and at fiscal year end the
// closing of P&L into retained earnings. Then the trial balance after close, the subledger
// reconciliation, stock per material, and the translated and consolidated trial balances.
import { Rng } from "../../core/rng.ts";
import { formatIso, type Period } from "../../core/calendar.ts";
import { journalEntries, trialBalance, type DocumentType } from "../../specs/records/ledger.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import type { Account } from "../../ledger/chart.ts";
import { accumulatedAfter, assetsOf, monthIndexOfDay, monthsInService } from "../master_data/index.ts";
import { documentNumber, stateTarget, writeDocument, type DocHeader, type PostingTarget } from "../../ledger/journal.ts";
import { OPEX_ROLES } from "../../specs/accounts.ts";
import { openingSheet } from "../opening_balances/sheet.ts";
import { Lines } from "../../ledger/lines.ts";
import { costCenterId, masterParams } from "../master_data/index.ts";
import { periodCloseSpec } from "./spec.ts";
import { paramsOf } from "../../specs/phase.ts";
import type { MainStep } from "../api.ts";
import { LEDGER } from "../../ledger/slices.ts";
import { inventoryBalances, reconcilePeriod, reconciliation, stockAt, writeInventoryBalances } from "./reconcile.ts";
import { consolidatedTrialBalance, Translation, translatedTrialBalance, writeConsolidated } from "./group.ts";
import type { RunState, Slice } from "../../ledger/state.ts";
import { ASSET_VALUATION, type AssetValuation } from "../../ledger/capabilities.ts";

const isPnl = (a: Account) => a.type === "revenue" || a.type === "expense";

interface CloseCx {
  cx: RunContext;
  company: CompanyInfo;
  w: RowWriter;
  /** Running document number of close documents of the company. */
  seq: number;
  /** Cost center id -> index, for writing. */
  ccIndex: Map<string, number>;
  ccIds: string[];
  /** Last period's accrual, reversed at the start of the next one. */
  openAccrual: Lines | undefined;
  target: PostingTarget;
}

function header(c: CloseCx, p: Period, day: number, docType: DocumentType, event: string, text: string): DocHeader {
  const date = formatIso(day);
  return {
    company: c.company,
    documentId: documentNumber("CL", c.company.code, ++c.seq),
    day,
    postingDate: date,
    documentDate: date,
    period: p,
    docType,
    source: "automated",
    event,
    postedBy: "SYS-CLOSE",
    text,
  };
}

function post(c: CloseCx, h: DocHeader, lines: Lines): void {
  if (lines.n > 0) writeDocument(c.w, h, lines, c.target, (i) => c.ccIds[i]!);
}

function depreciation(c: CloseCx, p: Period, cell: Float64Array, state: RunState): void {
  const month = monthIndexOfDay(p.firstDay);
  const byKey = new Map<string, { acc: Account; cc: string; amount: number }>();
  // An impaired asset depreciates its new carrying amount (a phase provides asset valuation).
  const valuation = c.cx.capability<AssetValuation>(ASSET_VALUATION);
  for (const [i, a] of assetsOf(c.cx, c.company.index).entries()) {
    if (!a.accumulated || a.lifeMonths <= 0) continue;
    const amount = valuation ? valuation.depreciation(c.cx, state, c.company, i, month) : accumulatedAfter(a, monthsInService(a, month)) - accumulatedAfter(a, monthsInService(a, month - 1));
    if (amount <= 0) continue;
    const key = `${a.accumulated.number}|${a.costCenter}`;
    const e = byKey.get(key) ?? { acc: a.accumulated, cc: a.costCenter, amount: 0 };
    e.amount += amount;
    byKey.set(key, e);
  }
  const lines = new Lines();
  const expense = c.cx.chart.one("depreciation_expense");
  for (const [, e] of [...byKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.add(expense, e.amount, 0, ccIndexOf(c, e.cc), "");
    lines.add(e.acc, 0, e.amount, -1, "");
  }
  post(c, header(c, p, p.firstDay + p.days - 1, "AF", "depreciation", "Monthly depreciation"), lines);
}

function ccIndexOf(c: CloseCx, id: string): number {
  let i = c.ccIndex.get(id);
  if (i === undefined) {
    i = c.ccIds.length;
    c.ccIds.push(id);
    c.ccIndex.set(id, i);
  }
  return i;
}

/** Reverses last period's accrual on day 1, then accrues unbilled costs at period end. */
function accruals(c: CloseCx, p: Period, cell: Float64Array, rng: Rng, opexThisPeriod: number): void {
  if (c.openAccrual) {
    const rev = new Lines();
    const a = c.openAccrual;
    for (let i = 0; i < a.n; i++) rev.add(a.account[i]!, a.credit[i]!, a.debit[i]!, a.costCenter[i]!, "");
    post(c, header(c, p, p.firstDay, "AC", "accrual_reversal", "Reversal of prior period accrual"), rev);
  }
  const total = Math.round(opexThisPeriod * (0.02 + rng.next() * 0.04));
  if (total <= 0) {
    c.openAccrual = undefined;
    return;
  }
  const lines = new Lines();
  const opex = c.cx.chart.roles(OPEX_ROLES);
  const n = 1 + rng.int(3);
  let left = total;
  for (let k = 0; k < n; k++) {
    const v = k === n - 1 ? left : Math.floor(total / n);
    left -= v;
    lines.add(rng.pick(opex), v, 0, rng.int(c.ccIds.length), "");
  }
  lines.add(c.cx.chart.one("accrued_liabilities"), 0, total, -1, "");
  post(c, header(c, p, p.firstDay + p.days - 1, "AC", "accrual", "Accrual of unbilled costs"), lines);
  c.openAccrual = lines;
}

/** Year-to-date provision: book the difference between tax on YTD profit and tax booked so far. */
function taxProvision(c: CloseCx, p: Period, cell: Float64Array, ytd: Float64Array, rate: number): void {
  const taxExpense = c.cx.chart.one("income_tax_expense");
  let profit = 0;
  for (const a of c.cx.chart.posting) {
    if (!isPnl(a) || a === taxExpense) continue;
    profit -= ytd[a.index]! + (cell[a.index * 2]! - cell[a.index * 2 + 1]!);
  }
  const booked = ytd[taxExpense.index]! + (cell[taxExpense.index * 2]! - cell[taxExpense.index * 2 + 1]!);
  const payable = c.cx.chart.one("income_tax_payable");
  const owed = -(ytd[payable.index]! + (cell[payable.index * 2]! - cell[payable.index * 2 + 1]!));
  // A weaker month releases provision, but never more than is still owed: what was paid in
  // instalments is settled with the authority at year end, not refunded mid-year.
  const delta = Math.max(-Math.max(0, owed), Math.max(0, Math.round(profit * rate)) - booked);
  if (delta === 0) return;
  const lines = new Lines();
  if (delta > 0) lines.add(taxExpense, delta, 0, -1, ""), lines.add(payable, 0, delta, -1, "");
  else lines.add(payable, -delta, 0, -1, ""), lines.add(taxExpense, 0, -delta, -1, "");
  post(c, header(c, p, p.firstDay + p.days - 1, "TX", "tax_provision", "Income tax provision"), lines);
}

/** Moves every P&L balance into retained earnings; afterwards all P&L accounts are zero. */
/** Returns the closing entry's net per account (debit positive), for translation. */
function closeYear(c: CloseCx, p: Period, cell: Float64Array, ytd: Float64Array): Float64Array | undefined {
  const lines = new Lines();
  let net = 0;
  for (const a of c.cx.chart.posting) {
    if (!isPnl(a)) continue;
    const balance = ytd[a.index]! + (cell[a.index * 2]! - cell[a.index * 2 + 1]!);
    if (balance === 0) continue;
    lines.add(a, balance < 0 ? -balance : 0, balance > 0 ? balance : 0, -1, "");
    net += balance;
  }
  if (lines.n === 0) return undefined;
  const re = c.cx.chart.one("retained_earnings");
  lines.add(re, net > 0 ? net : 0, net < 0 ? -net : 0, -1, "");
  post(c, header(c, p, p.firstDay + p.days - 1, "CL", "year_end_close", "Closing of profit and loss to retained earnings"), lines);
  const closing = new Float64Array(c.cx.chart.accounts.length);
  for (let i = 0; i < lines.n; i++) closing[lines.account[i]!.index] = lines.debit[i]! - lines.credit[i]!;
  return closing;
}

function writeTrialBalance(w: RowWriter, cx: RunContext, company: CompanyInfo, p: Period, cell: Float64Array, cumulative: Float64Array): void {
  const end = formatIso(p.firstDay + p.days - 1);
  for (const a of cx.chart.posting) {
    const dr = cell[a.index * 2]!;
    const cr = cell[a.index * 2 + 1]!;
    const bal = cumulative[a.index]!;
    if (dr === 0 && cr === 0 && bal === 0) continue;
    w.id(company.code);
    w.int(p.fiscalYear);
    w.int(p.fiscalPeriod);
    w.date(end);
    w.id(a.number);
    w.id(a.type);
    w.money(dr, company.digits);
    w.money(cr, company.digits);
    w.money(bal > 0 ? bal : 0, company.digits);
    w.money(bal < 0 ? -bal : 0, company.digits);
    w.id(company.currency);
    w.end();
  }
}

/** Net operating expenses of the period (reallocations between cost centers cancel out). */
function opexOf(cx: RunContext, cell: Float64Array): number {
  let s = 0;
  for (const a of cx.chart.roles(OPEX_ROLES)) s += cell[a.index * 2]! - cell[a.index * 2 + 1]!;
  return Math.max(0, s);
}

/** What the close carries from one period to the next, per company. */
interface CompanyClose {
  /** Close documents numbered so far. */
  seq: number;
  /** Net balance per account (debit - credit) since inception, after the last closed period. */
  cumulative: Float64Array;
  /** Equity and P&L translated at historical rates so far (see Translation). */
  translated: Float64Array;
  /** Last period's accrual, reversed on the first day of the next (account index, debit, credit, cost center). */
  accrual: [number, number, number, number][] | undefined;
  /** The year-end closing entry's net per account (debit positive), by period index: P&L before closing is the cell minus it. */
  closings: Record<number, number[]>;
}

export type CloseState = CompanyClose[];

/** The close's own slice of the run state: checkpointed, so a resumed run continues the next period. */
export const CLOSE: Slice<CloseState, never> = {
  name: "period_close",
  create: (cx) => cx.companies.map(() => ({ seq: 0, cumulative: new Float64Array(cx.chart.accounts.length), translated: new Float64Array(cx.chart.accounts.length), accrual: undefined, closings: {} })),
  fold: () => {},
  // Shards run no main steps: their close state is always the initial one.
  add: () => {},
  toJSON: (s) => s.map((c) => ({ seq: c.seq, cumulative: Array.from(c.cumulative), translated: Array.from(c.translated), accrual: c.accrual, closings: c.closings })),
  fromJSON: (_cx, json) =>
    (json as { seq: number; cumulative: number[]; translated: number[]; accrual?: [number, number, number, number][]; closings: Record<number, number[]> }[]).map((c) => ({
      seq: c.seq,
      cumulative: Float64Array.from(c.cumulative),
      translated: Float64Array.from(c.translated),
      accrual: c.accrual ?? undefined,
      closings: c.closings,
    })),
};

/** Closes one period for every company, then writes the group's consolidated trial balance of it. */
export const closeStep: MainStep = {
  kind: "main",
  run(cx, phase, state, out, period) {
    const p = cx.periods[period!]!;
    const params = paramsOf(periodCloseSpec, cx);
    const ccCount = Math.max(1, masterParams(cx).cost_centers);
    const stock = stockAt(cx, state, p.index);
    const group = new Float64Array(cx.chart.accounts.length);
    for (const company of cx.companies) {
      const carried = state.get(CLOSE)[company.index]!;
      const ccIds = Array.from({ length: ccCount }, (_, i) => costCenterId(company.code, i));
      const c: CloseCx = { cx, company, w: out.table(journalEntries), seq: carried.seq, ccIndex: new Map(ccIds.map((id, i) => [id, i])), ccIds, openAccrual: linesOf(cx, carried.accrual), target: stateTarget(state) };
      const cell = state.get(LEDGER).cell(company.index, p.index);
      const cumulative = carried.cumulative;
      const rng = Rng.forBlock(cx.seed, phase.id, company.index * cx.periods.length + p.index);
      if (params.depreciation) depreciation(c, p, cell, state);
      if (params.accruals) accruals(c, p, cell, rng, opexOf(cx, cell));
      taxProvision(c, p, cell, cumulative, company.incomeTaxRate ?? params.tax_rate);
      const closing = p.isYearEnd && params.close_years ? closeYear(c, p, cell, cumulative) : undefined;
      if (closing) carried.closings[p.index] = Array.from(closing);
      const activity = new Float64Array(cumulative.length);
      for (let i = 0; i < cumulative.length; i++) {
        activity[i] = cell[i * 2]! - cell[i * 2 + 1]!;
        cumulative[i] = cumulative[i]! + activity[i]!;
      }
      writeTrialBalance(out.table(trialBalance), cx, company, p, cell, cumulative);
      const materials = stock.get(company.index) ?? [];
      reconcilePeriod(cx, state, company, p, cumulative, materials.reduce((s, m) => s + m.value, 0), out.table(reconciliation));
      const translated = new Translation(cx, company, carried.translated, openingEquity(cx, company)).period(p, activity, closing, cumulative, out.table(translatedTrialBalance));
      for (let i = 0; i < group.length; i++) group[i] = group[i]! + translated[i]!;
      writeInventoryBalances(company, p, materials, out.table(inventoryBalances));
      carried.seq = c.seq;
      carried.accrual = accrualOf(c.openAccrual);
    }
    writeConsolidated(cx, p, group, out.table(consolidatedTrialBalance));
  },
};

/** The opening entry's equity balances (when the opening balances are generated in this run). */
function openingEquity(cx: RunContext, c: CompanyInfo): Map<number, number> {
  if (cx.plan.phases.find((p) => p.id === "opening_balances")?.status !== "run") return new Map();
  return new Map([...openingSheet(cx, c).sheet].filter(([a]) => a.type === "equity").map(([a, v]) => [a.index, v]));
}

function linesOf(cx: RunContext, accrual: CompanyClose["accrual"]): Lines | undefined {
  if (!accrual) return undefined;
  const lines = new Lines();
  for (const [account, debit, credit, cc] of accrual) lines.add(cx.chart.accounts[account]!, debit, credit, cc, "");
  return lines;
}

function accrualOf(lines: Lines | undefined): CompanyClose["accrual"] {
  if (!lines) return undefined;
  return Array.from({ length: lines.n }, (_, i) => [lines.account[i]!.index, lines.debit[i]!, lines.credit[i]!, lines.costCenter[i]!]);
}
