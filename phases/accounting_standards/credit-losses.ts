// Expected credit losses (IFRS 9 simplified approach / ASC 326 CECL): lifetime losses on trade
// receivables by a provision matrix over the real aging of the open items at each period end,
// and on contract assets and unbilled receivables at the current rate. Write-offs of the period
// have used the allowance (the credit_losses capability order-to-cash asks for); the step posts
// the difference to the required allowance and rolls it forward against the GL.
import { formatIso } from "../../core/calendar.ts";
import type { CreditLosses } from "../../ledger/capabilities.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { stateTarget, writeDocument } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import { LEDGER, SUBLEDGER } from "../../ledger/slices.ts";
import type { RunState } from "../../ledger/state.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import type { RowWriter, TableOut } from "../../specs/records/table.ts";
import { paramsOf } from "../../specs/phase.ts";
import type { MainStep } from "../api.ts";
import { accountingStandardsSpec, type AccountingStandardsParams } from "./spec.ts";
import { creditLossStandard, frameworkOf } from "./frameworks.ts";
import { glBalance } from "./revenue-steps.ts";
import { creditLossAllowance } from "./tables.ts";

export const creditLosses: CreditLosses = {
  writeOffAccount: (cx) => (paramsOf(accountingStandardsSpec, cx).credit_losses ? cx.chart.one("allowance_doubtful") : undefined),
};

/** The aging buckets of the AR subledger figures (ledger/flows.ts) and the matrix's rate of each. */
const BUCKETS: [label: string, kind: string, rate: keyof AccountingStandardsParams["loss_rates"]][] = [
  ["current", "ar_current", "current"],
  ["1-30", "ar_1_30", "days_1_30"],
  ["31-60", "ar_31_60", "days_31_60"],
  ["61-90", "ar_61_90", "days_61_90"],
  ["over_90", "ar_over_90", "over_90"],
];

interface Bucket {
  label: string;
  gross: number;
  historical: number;
  rate: number;
  ecl: number;
}

export const creditLossStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = paramsOf(accountingStandardsSpec, cx);
    if (!p.credit_losses) return;
    for (const c of cx.companies) allowance(cx, state, out, c, period!, p);
  },
};

function allowance(cx: RunContext, state: RunState, out: TableOut, c: CompanyInfo, period: number, p: AccountingStandardsParams): void {
  const sub = state.get(SUBLEDGER);
  // Rates as written (8 decimals): the allowance is recomputable from the table.
  const rate = (historical: number) => Number(Math.max(0, Math.min(1, historical * (1 + p.forward_looking))).toFixed(RATE_DIGITS));
  const bucket = (label: string, gross: number, historical: number): Bucket => ({ label, gross, historical, rate: rate(historical), ecl: Math.max(0, Math.round(gross * rate(historical))) });
  const rows = BUCKETS.map(([label, kind, key]) => bucket(label, sub.get(c.index, period, kind), p.loss_rates[key]));
  const contractAssets = glBalance(cx, state, c, period, ["contract_asset", "unbilled_receivables"], false);
  rows.push(bucket("contract_assets", contractAssets, p.loss_rates.current));
  const required = rows.reduce((s, r) => s + r.ecl, 0);
  const account = cx.chart.one("allowance_doubtful");
  const opening = period > 0 ? glBalance(cx, state, c, period - 1, ["allowance_doubtful"], true) : 0;
  const cell = state.get(LEDGER).cell(c.index, period);
  // Write-offs debit the allowance; nothing else posts to it before this step.
  const writtenOff = cell[account.index * 2]! - cell[account.index * 2 + 1]!;
  const charge = required - (opening - writtenOff);
  const pe = cx.periods[period]!;
  const documentId = `JE-EC-${c.code}-${pe.fiscalYear}-${String(pe.fiscalPeriod).padStart(2, "0")}`;
  if (charge !== 0) post(cx, state, out, c, period, documentId, charge);
  const gl = glBalance(cx, state, c, period, ["allowance_doubtful"], true);
  const w = out.table(creditLossAllowance);
  const standard = creditLossStandard(frameworkOf(cx, c));
  for (const r of rows) writeRow(w, cx, c, period, standard, r, p.forward_looking);
  const gross = rows.reduce((s, r) => s + r.gross, 0);
  writeRow(w, cx, c, period, standard, { label: "total", gross, historical: NaN, rate: gross > 0 ? required / gross : 0, ecl: required }, p.forward_looking, {
    opening, writtenOff, charge, closing: opening - writtenOff + charge, gl, journal: charge !== 0 ? documentId : undefined,
  });
}

function post(cx: RunContext, state: RunState, out: TableOut, c: CompanyInfo, period: number, documentId: string, charge: number): void {
  const pe = cx.periods[period]!;
  const day = pe.firstDay + pe.days - 1;
  const lines = new Lines();
  const expense = cx.chart.one("bad_debt_expense");
  const account = cx.chart.one("allowance_doubtful");
  if (charge > 0) lines.add(expense, charge, 0, -1, ""), lines.add(account, 0, charge, -1, "");
  else lines.add(account, -charge, 0, -1, ""), lines.add(expense, 0, -charge, -1, "");
  const label = creditLossStandard(frameworkOf(cx, c)) === "asc_326" ? "CECL" : "IFRS 9";
  writeDocument(out.table(journalEntries), {
    company: c, documentId, day, postingDate: formatIso(day), documentDate: formatIso(day), period: pe, docType: "EC", source: "automated",
    event: charge > 0 ? "expected_credit_loss" : "expected_credit_loss_release", postedBy: "SYS-ECL", text: `Expected credit loss allowance (${label})`,
  }, lines, stateTarget(state), () => "");
}

interface RollForward {
  opening: number;
  writtenOff: number;
  charge: number;
  closing: number;
  gl: number;
  journal?: string;
}

const RATE_DIGITS = 8;

function writeRow(w: RowWriter, cx: RunContext, c: CompanyInfo, period: number, standard: string, r: Bucket, forward: number, total?: RollForward): void {
  const pe = cx.periods[period]!;
  w.id(c.code);
  w.int(pe.fiscalYear);
  w.int(pe.fiscalPeriod);
  w.date(formatIso(pe.firstDay + pe.days - 1));
  w.id(standard);
  w.id(r.label);
  w.money(r.gross, c.digits);
  if (total) w.empty(), w.empty();
  else w.decimal(r.historical.toFixed(RATE_DIGITS)), w.decimal(forward.toFixed(RATE_DIGITS));
  w.decimal(r.rate.toFixed(RATE_DIGITS));
  w.money(r.ecl, c.digits);
  for (const v of total ? [total.opening, total.writtenOff, total.charge, total.closing, total.gl, total.gl - total.closing] : []) w.money(v, c.digits);
  if (!total) for (let i = 0; i < 6; i++) w.empty();
  if (total?.journal) w.id(total.journal);
  else w.empty();
  w.id(c.currency);
  w.end();
}
