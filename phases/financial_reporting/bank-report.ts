// Bank statements and reconciliations, every month after the close. The statement of a bank
// account lists what the bank cleared in the month: the company's postings at their value
// dates and the bank's own items, closing with this month's interest and charges (the company
// books those next month, from the statement). The reconciliation starts from the GL balance
// the closed trial balance holds, lists the payments and deposits the bank has not cleared and
// the bank items the company has not booked, and states the difference: it is zero because the
// bank's figures and the ledger's come from the same postings, not because it is solved for.
import { formatIso, type Period } from "../../core/calendar.ts";
import { Rng, hash32 } from "../../core/rng.ts";
import type { Account } from "../../ledger/chart.ts";
import { bankDayOnOrBefore, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import type { RunState } from "../../ledger/state.ts";
import { documentNumber } from "../../ledger/journal.ts";
import type { RowWriter, TableOut } from "../../specs/records/table.ts";
import { paramsOf } from "../../specs/phase.ts";
import { closedBooks } from "../period_close/index.ts";
import { bankAccountId, bankAccounts, banksAtScenarioBank, drain, lastDayOf, newItem, scenarioEnd } from "./bank.ts";
import { ACCOUNT_FEE, bankDaysAfter, dollars, itemFee, RETURN_FEE, type Method } from "./methods.ts";
import { financialReportingSpec } from "./spec.ts";
import { GL_VIEW } from "./gl-view.ts";
import { REPORTING, type BankItem, type CompanyBank, type PendingLine } from "./state.ts";
import { bankReconciliations, bankStatementLines, bankStatements, reconcilingItems } from "./tables.ts";

interface StatementLine {
  valueDay: number;
  amount: number;
  company?: PendingLine;
  bank?: BankItem;
}

const ym = (p: Period) => `${p.fiscalYear}-${String(p.fiscalPeriod).padStart(2, "0")}`;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function bankReport(cx: RunContext, state: RunState, out: TableOut, p: Period): void {
  const s = state.get(REPORTING);
  drain(cx, s, state.get(GL_VIEW));
  const main = cx.chart.one("bank");
  for (const c of cx.companies) {
    const bank = s.banks[c.index]!;
    if (banksAtScenarioBank(cx, c)) {
      fedReport(cx, out, state, c, p);
      continue;
    }
    const accounts = bankAccounts(cx).map((a) => ({ a, lines: statementLines(bank, a, p) }));
    // Interest on each account; the charges of all of them debited to the main account.
    let usd = 0;
    for (const { a, lines } of accounts) {
      interestItems(cx, c, bank, a, p, lines);
      usd += feesOf(lines, a.role === "payroll_bank" ? ACCOUNT_FEE.payroll : ACCOUNT_FEE.main);
    }
    chargesItem(cx, c, bank, main, p, usd, accounts.find((x) => x.a === main)!.lines);
    for (const { a, lines } of accounts) {
      lines.sort(lineOrder);
      const statementId = `BST-${c.code}-${a.number}-${ym(p)}`;
      const opening = bank.balances[a.index] ?? 0;
      const closing = writeStatement(out, c, bank, a, p, statementId, opening, lines);
      bank.balances[a.index] = closing;
      reconcile(cx, out, state, c, bank, a, p, statementId, closing);
    }
    const end = lastDayOf(p);
    bank.pending = bank.pending.filter((l) => l.valueDay > end);
    bank.items = bank.items.filter((i) => !(i.valueDay <= end && i.booked));
  }
}

/**
 * A company banking at the scenario's bank: each statement line is one of the bank's transactions
 * on the account (same id, amount, value date, in the bank's booking order); the bank charges and
 * pays what it decides and nothing else is added. The reconciliation is the same: GL against statement.
 */
function fedReport(cx: RunContext, out: TableOut, state: RunState, c: CompanyInfo, p: Period): void {
  const s = state.get(REPORTING);
  const bank = s.banks[c.index]!;
  const end = lastDayOf(p);
  const fed = s.fed ?? [];
  // The bank's charges (and interest, were it to pay any) become items the company books from the statement, next month.
  for (const l of fed) {
    if (l.company !== c.index || l.kind === "company" || l.valueDay > end) continue;
    const a = cx.chart.accounts[l.account]!;
    const counter: BankItem["counter"] = l.kind === "charges"
      ? [[cx.chart.one("bank_charges").index, Math.max(0, -l.amount), Math.max(0, l.amount), ""]]
      : [[cx.chart.one(l.amount >= 0 ? "interest_income" : "interest_expense").index, Math.max(0, -l.amount), Math.max(0, l.amount), ""]];
    newItem(cx, c, bank, { id: l.id, account: a.index, kind: l.kind === "charges" ? "charges" : "interest", valueDay: l.valueDay, bookDay: statementBookDay(cx, c, a, p), amount: l.amount, partner: "", text: l.text, reference: l.id, counter });
  }
  for (const a of bankAccounts(cx)) {
    const mine = fed.filter((l) => l.company === c.index && l.account === a.index && l.valueDay <= end);
    const statementId = `BST-${c.code}-${a.number}-${ym(p)}`;
    const opening = bank.balances[a.index] ?? 0;
    const w = out.table(bankStatementLines);
    let balance = opening;
    let credits = 0;
    let debits = 0;
    mine.forEach((l, k) => {
      balance += l.amount;
      if (l.amount > 0) credits += l.amount;
      else debits -= l.amount;
      const company = l.kind === "company";
      w.id(l.id); w.id(statementId); w.int(k + 1); w.id(c.code); w.id(bankAccountId(c, a.number)); w.date(formatIso(l.valueDay));
      w.money(l.amount, c.digits); w.id(l.amount >= 0 ? "credit" : "debit");
      w.id((company ? (l.type === "internal_transfer" ? "internal" : l.type === "cash_deposit" ? "cash_deposit" : "credit_transfer") : "bank") satisfies Method);
      w.id(company ? "company" : "bank"); w.id(company ? l.type : l.kind);
      if (l.counterparty) w.id(l.counterparty); else w.empty();
      w.id(l.documentId || l.id); w.text(l.text || l.type.replaceAll("_", " "));
      const item = company ? undefined : bank.items.find((i) => i.id === l.id);
      const doc = company ? l.documentId : item?.booked ? item.documentId : "";
      if (doc) w.id(doc); else w.empty();
      // The bank books the company's lines on their posting date (value date = posting date).
      if (company) w.date(formatIso(l.valueDay)); else if (doc) w.date(formatIso(item!.bookDay)); else w.empty();
      w.money(balance, c.digits);
      w.end();
    });
    const ws = out.table(bankStatements);
    ws.id(statementId); ws.id(c.code); ws.id(bankAccountId(c, a.number)); ws.id(a.number); ws.int(p.fiscalYear); ws.int(p.fiscalPeriod);
    ws.date(formatIso(end)); ws.money(opening, c.digits); ws.money(credits, c.digits); ws.money(debits, c.digits);
    ws.money(balance, c.digits); ws.int(mine.length); ws.id(c.currency); ws.id("scenario_bank");
    ws.end();
    bank.balances[a.index] = balance;
    reconcile(cx, out, state, c, bank, a, p, statementId, balance, true);
  }
  s.fed = fed.filter((l) => l.company !== c.index || l.valueDay > end);
  // The company's postings are on the statement the day they are posted: nothing waits for the bank.
  bank.pending = bank.pending.filter((l) => l.day > end);
  bank.items = bank.items.filter((i) => !(i.valueDay <= end && i.booked));
}

/** What the bank cleared on the account in the month, in value-date order. */
function statementLines(bank: CompanyBank, a: Account, p: Period): StatementLine[] {
  const end = lastDayOf(p);
  const lines: StatementLine[] = [];
  for (const l of bank.pending) if (l.account === a.index && l.valueDay >= p.firstDay && l.valueDay <= end) lines.push({ valueDay: l.valueDay, amount: l.amount, company: l });
  for (const i of bank.items) if (i.account === a.index && i.valueDay >= p.firstDay && i.valueDay <= end) lines.push({ valueDay: i.valueDay, amount: i.amount, bank: i });
  return lines;
}

function lineOrder(x: StatementLine, y: StatementLine): number {
  if (x.valueDay !== y.valueDay) return x.valueDay - y.valueDay;
  if (!!x.bank !== !!y.bank) return x.bank ? 1 : -1;
  if (x.company && y.company) return x.company.day - y.company.day || byId(x.company.documentId, y.company.documentId) || x.company.line - y.company.line;
  return byId(x.bank!.id, y.bank!.id);
}

/** When the company books what the month's statement shows: in the first bank days of the next month. */
function statementBookDay(cx: RunContext, c: CompanyInfo, a: Account, p: Period): number {
  const next = cx.periods[p.index + 1];
  if (!next) return scenarioEnd(cx) + 1;
  return bankDaysAfter(c, next.firstDay, 1 + new Rng(cx.seed, hash32("financial_reporting:statement_booking"), c.index, a.index, p.index).int(3));
}

function monthItem(cx: RunContext, c: CompanyInfo, bank: CompanyBank, a: Account, p: Period, lines: StatementLine[], kind: BankItem["kind"], amount: number, text: string, counter: BankItem["counter"]): void {
  if (amount === 0) return;
  const day = bankDayOnOrBefore(c, lastDayOf(p));
  const item = newItem(cx, c, bank, { account: a.index, kind, valueDay: day, bookDay: statementBookDay(cx, c, a, p), amount, partner: "", text, reference: `${kind.toUpperCase()}-${c.code}-${a.number}-${ym(p)}`, counter });
  lines.push({ valueDay: day, amount, bank: item });
}

/** The month's interest on the bank's daily balance of the account, on its last bank day. */
function interestItems(cx: RunContext, c: CompanyInfo, bank: CompanyBank, a: Account, p: Period, lines: StatementLine[]): void {
  const params = paramsOf(financialReportingSpec, cx);
  const [credit, debit] = interestOf(bank.balances[a.index] ?? 0, [...lines].sort(lineOrder), p, params.deposit_rate, params.overdraft_rate);
  monthItem(cx, c, bank, a, p, lines, "interest", credit, "Credit interest", [[cx.chart.one("interest_income").index, 0, credit, ""]]);
  monthItem(cx, c, bank, a, p, lines, "interest", -debit, "Overdraft interest", [[cx.chart.one("interest_expense").index, debit, 0, ""]]);
}

/** The month's charges of every account of the company (the tariff in US dollars), debited to the main account. */
function chargesItem(cx: RunContext, c: CompanyInfo, bank: CompanyBank, main: Account, p: Period, usd: number, lines: StatementLine[]): void {
  const fees = paramsOf(financialReportingSpec, cx).bank_fees ? dollars(cx, c, usd) : 0;
  monthItem(cx, c, bank, main, p, lines, "charges", -fees, "Account and transaction charges", [[cx.chart.one("bank_charges").index, fees, 0, ""]]);
}

/** Interest on each day's closing balance as the bank sees it: [credit interest, overdraft interest]. */
function interestOf(opening: number, lines: StatementLine[], p: Period, deposit: number, overdraft: number): [number, number] {
  let balance = opening;
  let k = 0;
  let credit = 0;
  let debit = 0;
  for (let d = p.firstDay; d <= lastDayOf(p); d++) {
    while (k < lines.length && lines[k]!.valueDay <= d) balance += lines[k++]!.amount;
    if (balance > 0) credit += (balance * deposit) / 365;
    else debit -= (balance * overdraft) / 365;
  }
  return [Math.floor(credit), Math.round(debit)];
}

/** The month's charges in US dollars: the account fee, each item by method, each returned payment. */
function feesOf(lines: StatementLine[], accountFee: number): number {
  let usd = accountFee;
  for (const l of lines) {
    if (l.company) usd += itemFee(l.company.method, l.amount);
    else if (l.bank!.kind === "direct_debit") usd += itemFee("direct_debit", l.amount);
    else if (l.bank!.kind === "returned_payment") usd += RETURN_FEE;
  }
  return usd;
}

function writeStatement(out: TableOut, c: CompanyInfo, bank: CompanyBank, a: Account, p: Period, id: string, opening: number, lines: StatementLine[]): number {
  const w = out.table(bankStatementLines);
  let balance = opening;
  let credits = 0;
  let debits = 0;
  let n = 1;
  for (const l of lines) {
    balance += l.amount;
    if (l.amount > 0) credits += l.amount;
    else debits -= l.amount;
    // Company postings get the bank's transaction ids when they reach a statement.
    const lineId = l.company ? documentNumber("BT", c.code, ++bank.lineSeq) : l.bank!.id;
    writeLine(w, c, a, id, lineId, n++, l, balance);
  }
  const ws = out.table(bankStatements);
  ws.id(id); ws.id(c.code); ws.id(bankAccountId(c, a.number)); ws.id(a.number); ws.int(p.fiscalYear); ws.int(p.fiscalPeriod);
  ws.date(formatIso(lastDayOf(p))); ws.money(opening, c.digits); ws.money(credits, c.digits); ws.money(debits, c.digits);
  ws.money(balance, c.digits); ws.int(lines.length); ws.id(c.currency); ws.id("derived");
  ws.end();
  return balance;
}

function writeLine(w: RowWriter, c: CompanyInfo, a: Account, statementId: string, lineId: string, n: number, l: StatementLine, balance: number): void {
  const company = l.company;
  const item = l.bank;
  w.id(lineId);
  w.id(statementId); w.int(n); w.id(c.code); w.id(bankAccountId(c, a.number)); w.date(formatIso(l.valueDay));
  w.money(l.amount, c.digits); w.id(l.amount >= 0 ? "credit" : "debit");
  w.id(company ? company.method : ("bank" satisfies Method));
  w.id(company ? "company" : "bank");
  w.id(company ? company.event : item!.kind);
  const partner = company ? company.partner : item!.partner;
  if (partner) w.id(partner); else w.empty();
  w.id(company ? company.sourceId || company.documentId : item!.reference);
  w.text(company ? describe(company) : item!.text);
  const doc = company ? company.documentId : item!.booked ? item!.documentId : "";
  if (doc) w.id(doc); else w.empty();
  const posted = company ? company.day : item!.booked ? item!.bookDay : -1;
  if (posted >= 0) w.date(formatIso(posted)); else w.empty();
  w.money(balance, c.digits);
  w.end();
}

function describe(l: PendingLine): string {
  const what = l.event.replaceAll("_", " ");
  return l.partner ? `${what} ${l.partner}` : what;
}

/** The reconciliation of one account at the month end, and its open items. */
function reconcile(cx: RunContext, out: TableOut, state: RunState, c: CompanyInfo, bank: CompanyBank, a: Account, p: Period, statementId: string, statementBalance: number, atScenarioBank = false): void {
  const end = lastDayOf(p);
  const prevEnd = p.firstDay - 1;
  const gl = closedBooks(state)[c.index]!.cumulative[a.index]!;
  const id = `BR-${c.code}-${a.number}-${ym(p)}`;
  const items: ItemRow[] = [];
  for (const l of atScenarioBank ? [] : bank.pending) {
    if (l.account !== a.index || l.day > end || l.valueDay <= end) continue;
    items.push({ type: l.amount < 0 ? "outstanding_payment" : "deposit_in_transit", amount: Math.abs(l.amount), method: l.method, doc: l.documentId, line: "", origin: l.day, carried: l.day <= prevEnd, clears: l.valueDay <= scenarioEnd(cx) ? l.valueDay : -1 });
  }
  for (const i of bank.items) {
    if (i.account !== a.index || i.valueDay > end || i.booked) continue;
    items.push({ type: i.amount < 0 ? "unbooked_bank_debit" : "unbooked_bank_credit", amount: Math.abs(i.amount), method: "bank", doc: "", line: i.id, origin: i.valueDay, carried: i.valueDay <= prevEnd, clears: -1 });
  }
  items.push(...unexplainedItems(bank, a, end, prevEnd));
  items.sort((x, y) => x.origin - y.origin || byId(x.type, y.type) || byId(x.doc + x.line, y.doc + y.line));
  const sum = (t: ItemRow["type"]) => items.reduce((s, i) => s + (i.type === t ? i.amount : 0), 0);
  const adjustedBank = statementBalance - sum("outstanding_payment") + sum("deposit_in_transit");
  const adjustedBook = gl + sum("unbooked_bank_credit") - sum("unbooked_bank_debit") - sum("unexplained_difference");
  const w = out.table(bankReconciliations);
  w.id(id); w.id(c.code); w.id(bankAccountId(c, a.number)); w.id(a.number); w.int(p.fiscalYear); w.int(p.fiscalPeriod); w.date(formatIso(end)); w.id(statementId);
  for (const v of [statementBalance, sum("outstanding_payment"), sum("deposit_in_transit"), adjustedBank, gl, sum("unbooked_bank_credit"), sum("unbooked_bank_debit"), sum("unexplained_difference"), adjustedBook, adjustedBank - adjustedBook]) w.money(v, c.digits);
  const investigating = items.some((i) => i.type === "unexplained_difference");
  const status = adjustedBank !== adjustedBook ? "difference" : investigating ? "under_investigation" : "reconciled";
  w.int(items.length); w.id(status); w.id(c.currency);
  bank.stats[status] = (bank.stats[status] ?? 0) + 1;
  w.end();
  writeItems(out, c, a, id, end, items);
}

/**
 * The journal documents whose lines on the account, up to the month end, differ from what their
 * postings showed the bank (net per document, ledger minus bank): open until the net is zero.
 */
function unexplainedItems(bank: CompanyBank, a: Account, end: number, prevEnd: number): ItemRow[] {
  const docs = new Map<string, { amount: number; before: number; origin: number }>();
  for (const u of bank.unexplained ?? []) {
    if (u.account !== a.index || u.day > end) continue;
    const d = docs.get(u.documentId) ?? { amount: 0, before: 0, origin: u.day };
    d.amount += u.amount;
    if (u.day <= prevEnd) d.before += u.amount;
    d.origin = Math.min(d.origin, u.day);
    docs.set(u.documentId, d);
  }
  const items: ItemRow[] = [];
  for (const [doc, d] of docs) {
    if (d.amount === 0) continue;
    items.push({ type: "unexplained_difference", amount: d.amount, method: "unmatched", doc, line: "", origin: d.origin, carried: d.before !== 0, clears: -1 });
  }
  return items;
}

interface ItemRow {
  type: "outstanding_payment" | "deposit_in_transit" | "unbooked_bank_debit" | "unbooked_bank_credit" | "unexplained_difference";
  amount: number;
  method: Method | "unmatched";
  doc: string;
  line: string;
  origin: number;
  carried: boolean;
  clears: number;
}

function writeItems(out: TableOut, c: CompanyInfo, a: Account, id: string, end: number, items: ItemRow[]): void {
  const w = out.table(reconcilingItems);
  items.forEach((i, k) => {
    w.id(`${id}-${String(k + 1).padStart(5, "0")}`); w.id(id); w.id(c.code); w.id(bankAccountId(c, a.number)); w.id(i.type);
    w.money(i.amount, c.digits); w.id(i.method);
    if (i.doc) w.id(i.doc); else w.empty();
    if (i.line) w.id(i.line); else w.empty();
    w.date(formatIso(i.origin)); w.int(end - i.origin); w.bool(i.carried);
    if (i.clears >= 0) w.date(formatIso(i.clears)); else w.empty();
    w.end();
  });
}
