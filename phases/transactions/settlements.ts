// Settlements that pay real balances, each from the closed figures of the period before: the
// VAT / sales tax return pays the net tax liability (the 10th), withholdings and social security
// are remitted (the 15th), income tax is paid quarterly, the term loan carries interest on its
// balance and is repaid in instalments, the bank charges its fees, insurance and licences are
// prepaid yearly and expensed monthly, and dividends are paid four months after a profitable fiscal year.
import { formatIso, type Period } from "../../core/calendar.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { bankDayOnOrAfter, bankDayOnOrBefore, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import { documentNumber, stateTarget, writeDocument, type PostingTarget } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import { LEDGER } from "../../ledger/slices.ts";
import type { RunState } from "../../ledger/state.ts";
import { companyTargets, planYear } from "../../ledger/business.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import type { MainStep } from "../api.ts";
import { openingSheet } from "../opening_balances/sheet.ts";
import { costCenterId } from "../master_data/index.ts";
import { BANK_CHARGES } from "../../ledger/capabilities.ts";

/** Net balance (debit positive) of a role's accounts after the close of the period before `p` (the opening balance for p = 0). */
export function balanceBefore(cx: RunContext, state: RunState, c: CompanyInfo, role: AccountRole, p: number): number {
  const accounts = cx.chart.roles([role]);
  if (p === 0) {
    const sheet = openingSheet(cx, c).sheet;
    return accounts.reduce((s, a) => s + (sheet.get(a) ?? 0), 0);
  }
  const ledger = state.get(LEDGER);
  let net = 0;
  for (let q = 0; q < p; q++) {
    const cell = ledger.cell(c.index, q);
    for (const a of accounts) net += cell[a.index * 2]! - cell[a.index * 2 + 1]!;
  }
  return net;
}

interface Poster {
  cx: RunContext;
  c: CompanyInfo;
  p: Period;
  w: RowWriter;
  target: PostingTarget;
  n: number;
}

/** Posts a two-or-more-line settlement on a bank day, skipping it when it moves nothing. */
function postEntry(x: Poster, day: number, event: string, text: string, lines: Lines): void {
  if (lines.n === 0) return;
  writeDocument(x.w, {
    company: x.c, documentId: documentNumber("ST", x.c.code, x.p.index * 20 + ++x.n), day, postingDate: formatIso(day), documentDate: formatIso(day),
    period: x.p, docType: "ZT", source: "automated", event, postedBy: "SYS-TREASURY", text,
  }, lines, x.target, (i) => costCenterId(x.c.code, i));
}

/** Pays a liability's balance (credit side) from the bank; a debit balance is refunded. */
function payBalance(x: Poster, roles: AccountRole[], balances: number[], lines: Lines): number {
  let cash = 0;
  roles.forEach((role, i) => {
    const owed = -balances[i]!;
    if (owed === 0) return;
    const account = x.cx.chart.one(role);
    lines.add(account, owed > 0 ? owed : 0, owed < 0 ? -owed : 0, -1, "");
    cash += owed;
  });
  if (cash > 0) lines.add(x.cx.chart.one("bank"), 0, cash, -1, "");
  else if (cash < 0) lines.add(x.cx.chart.one("bank"), -cash, 0, -1, "");
  return cash;
}

export const settlementsStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = cx.periods[period!]!;
    for (const c of cx.companies) {
      const x: Poster = { cx, c, p, w: out.table(journalEntries), target: stateTarget(state), n: 0 };
      const before = (role: AccountRole) => balanceBefore(cx, state, c, role, p.index);
      const day = (dom: number) => bankDayOnOrAfter(c, p.firstDay + Math.min(dom, p.days) - 1);
      const last = bankDayOnOrBefore(c, p.firstDay + p.days - 1);
      taxReturn(x, day(10), before);
      remittance(x, day(15), before);
      if ((p.fiscalPeriod - 1) % 3 === 0) incomeTax(x, day(15), before);
      financing(x, last, before);
      prepaid(x, day(1), last);
      dividends(x, state, day(20));
    }
  },
};

/** The tax return: output tax (or sales tax) less recoverable input tax of the period before. */
function taxReturn(x: Poster, day: number, before: (r: AccountRole) => number): void {
  const lines = new Lines();
  payBalance(x, ["output_tax", "input_tax"], [before("output_tax"), before("input_tax")], lines);
  postEntry(x, day, "tax_return", x.c.regime === "vat" ? "VAT return" : "Sales tax return", lines);
}

function remittance(x: Poster, day: number, before: (r: AccountRole) => number): void {
  const lines = new Lines();
  payBalance(x, ["withholding_payable", "social_security_payable"], [before("withholding_payable"), before("social_security_payable")], lines);
  postEntry(x, day, "payroll_remittance", "Withholdings and social security remitted", lines);
}

function incomeTax(x: Poster, day: number, before: (r: AccountRole) => number): void {
  const owed = before("income_tax_payable");
  if (owed >= 0) return;
  const lines = new Lines();
  payBalance(x, ["income_tax_payable"], [owed], lines);
  postEntry(x, day, "income_tax_payment", "Income tax instalment", lines);
}

/** Interest on the term loan's balance, the loan instalment and bank fees (the credit line's interest is the treasury's). */
function financing(x: Poster, day: number, before: (r: AccountRole) => number): void {
  const { cx, c } = x;
  const b = c.business;
  const loan = -before("loans_payable");
  const interest = Math.round((loan * b.loan_rate) / 12);
  const opening = -openingSheet(cx, c).sheet.get(cx.chart.one("loans_payable"))! || 0;
  const instalment = Math.min(loan, Math.round(opening / (b.loan_years * 12)));
  // Another phase may book the bank's charges from its statements (capability bank_charges).
  const fees = cx.provides("transactions", BANK_CHARGES) ? Math.max(10 ** c.digits, Math.round(companyTargets(cx, c).revenue(planYear(x.p.index)) * 0.0004 / 12)) : 0;
  const lines = new Lines();
  if (interest > 0) lines.add(cx.chart.one("interest_expense"), interest, 0, -1, "");
  if (instalment > 0) lines.add(cx.chart.one("loans_payable"), instalment, 0, -1, "");
  if (fees > 0) lines.add(cx.chart.one("bank_charges"), fees, 0, -1, "");
  if (interest + instalment + fees > 0) lines.add(cx.chart.one("bank"), 0, interest + instalment + fees, -1, "");
  postEntry(x, day, "debt_service", "Loan interest, instalment and bank fees", lines);
}

/** Insurance and licences paid once a plan year, expensed a twelfth a month. */
function prepaid(x: Poster, first: number, last: number): void {
  const { cx, c, p } = x;
  const annual = companyTargets(cx, c).cost("prepaid", planYear(p.index));
  if (annual <= 0) return;
  if (p.index % 12 === 0) {
    const pay = new Lines();
    pay.add(cx.chart.one("prepaid_expenses"), annual, 0, -1, "");
    pay.add(cx.chart.one("bank"), 0, annual, -1, "");
    postEntry(x, first, "prepayment", "Insurance and licences for the year", pay);
  }
  const month = Math.round(annual / 12);
  const use = new Lines();
  use.add(cx.chart.one("insurance"), month, 0, 0, "");
  use.add(cx.chart.one("prepaid_expenses"), 0, month, -1, "");
  postEntry(x, last, "prepaid_amortization", "Insurance and licences expensed", use);
}

/** A share of the last fiscal year's profit (its closing credit to retained earnings), four months after its end. */
function dividends(x: Poster, state: RunState, day: number): void {
  const { cx, c, p } = x;
  const q = p.index - 4;
  if (q < 0 || !cx.periods[q]!.isYearEnd || c.business.dividend_payout <= 0) return;
  const re = cx.chart.one("retained_earnings");
  const cell = state.get(LEDGER).cell(c.index, q);
  const profit = cell[re.index * 2 + 1]! - cell[re.index * 2]!;
  const unit = 1000 * 10 ** c.digits;
  const amount = Math.floor((profit * c.business.dividend_payout) / unit) * unit;
  if (amount <= 0) return;
  const lines = new Lines();
  lines.add(re, amount, 0, -1, "");
  lines.add(cx.chart.one("bank"), 0, amount, -1, "");
  postEntry(x, day, "dividend", "Dividend paid to shareholders", lines);
}
