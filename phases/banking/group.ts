// The group's own companies as customers of the bank (group_accounts = on): each company in the
// bank's currency holds one current account per bank-role ledger account, opened with its
// opening balance; every journal line on those ledger accounts becomes a bank transaction with
// the same amount and value date (its posting date), the document id in the reference. Within
// a day credits come before debits (the treasury keeps every day's closing balance above zero).
import { formatIso } from "../../core/calendar.ts";
import type { RunContext } from "../../ledger/context.ts";
import type { RunState } from "../../ledger/state.ts";
import type { RowWriter, TableOut } from "../../specs/records/table.ts";
import { customer as mdCustomer, vendor as mdVendor } from "../master_data/index.ts";
import { bankOf, usd, type Bank } from "./bank.ts";
import { BANK_STATEMENT_FEED, type BankFeedSink, type ScenarioBank } from "../../ledger/bank-link.ts";
import { BANK_FEED, groupCompanies, type FeedLine, type GroupCompany } from "./feed.ts";
import { BANK_FLOWS, BANK_LEDGER } from "./gl.ts";
import { ownAccount, pad } from "./ids.ts";
import * as T from "./tables.ts";
import * as A from "./tables-aml.ts";
import type { TxType } from "./events.ts";

export const groupCustomerId = (code: string) => `BC-G${code}`;
export const groupAccountId = (code: string, k: number) => `BA-G${code}-${pad(k + 1, 2)}`;

export function groupFlows(cx: RunContext, bank: Bank, state: RunState, out: TableOut, period: number): void {
  const list = groupCompanies(cx, bank);
  if (list.length === 0) return;
  const feed = state.get(BANK_FEED);
  const p = bank.periods[period]!;
  const end = p.firstDay + p.days;
  const now = feed.lines.filter((l) => l.day < end);
  feed.lines = feed.lines.filter((l) => l.day >= end);
  const led = state.get(BANK_LEDGER);
  if (period === 0) openAccounts(bank, state, out, list, now);
  const flows = state.get(BANK_FLOWS);
  const sink = cx.capability<BankFeedSink>(BANK_STATEMENT_FEED);
  let rows = 0;
  list.forEach((g) => {
    const mine = now.filter((l) => l.company === g.company.index && l.docType !== "OB");
    // Credits first within a day; otherwise the order the ledger posted them in.
    const ordered = mine.map((l, n) => ({ l, n })).sort((a, b) => a.l.day - b.l.day || Number(a.l.amount < 0) - Number(b.l.amount < 0) || a.n - b.n).map((x) => x.l);
    const internal = internalDocs(mine);
    const bal = (led.group[g.company.code] ??= g.accounts.map(() => 0));
    for (const l of ordered) {
      const id = writeRow(cx, bank, out.table(T.bankTransactions), g, l, bal, internal.has(l.doc), ++led.groupSeq);
      // The company's statement (financial_reporting, when it runs) is these transactions, one to one.
      sink?.record(state, { company: g.company.index, account: g.accounts[l.k]!.index, id, valueDay: l.day, amount: l.amount, kind: "company", documentId: l.doc, type: internal.has(l.doc) ? "internal_transfer" : l.event === "cash_deposit" ? "cash_deposit" : l.amount > 0 ? "transfer_in" : "transfer_out", counterparty: l.partner, text: l.text });
      const other = internal.has(l.doc) ? "2090" : l.event === "cash_deposit" ? "1000" : "1100";
      if (l.amount > 0) flows.post(period, other, "2000", l.amount);
      else flows.post(period, "2000", other, -l.amount);
      rows++;
    }
    // The bank's tariff for the group's current accounts: a monthly fee per account and a charge per item, debited to the
    // main account on the month's last day; the accounts pay no interest (rate 0). The company books the charge from its
    // statement (financial_reporting, which takes the bank charges over from the settlements' flat fee).
    // Only when a phase books the statement (the sink): otherwise the ledger's own bank charges (transactions' settlements)
    // reach the bank through the feed like any payment, and charging here too would charge twice.
    if (sink) {
      const k = Math.max(0, g.accounts.findIndex((a) => a.role === "bank"));
      const fee = usd(bank, GROUP_TARIFF.account * g.accounts.length + GROUP_TARIFF.item * mine.length);
      const id = feeRow(bank, out.table(T.bankTransactions), g, k, end - 1, fee, bal, ++led.groupSeq);
      flows.post(period, "2000", "4100", fee);
      sink.record(state, { company: g.company.index, account: g.accounts[k]!.index, id, valueDay: end - 1, amount: -fee, kind: "charges", documentId: "", type: "fee", counterparty: "", text: "Account and transaction charges" });
      rows++;
    }
    for (const b of bal) if (b < 0) flows.addOverdraft(period, -b);
  });
  flows.count("groupRows", rows);
}

/** Documents that move money between two of the company's own accounts here (payroll funding). */
function internalDocs(lines: FeedLine[]): Set<string> {
  const accounts = new Map<string, Set<number>>();
  for (const l of lines) accounts.set(l.doc, (accounts.get(l.doc) ?? new Set()).add(l.k));
  return new Set([...accounts].filter(([, ks]) => ks.size > 1).map(([doc]) => doc));
}

/** The companies' customer, KYC, label and account rows, opened with the opening balance sheet's bank balances. */
function openAccounts(bank: Bank, state: RunState, out: TableOut, list: GroupCompany[], now: FeedLine[]): void {
  const led = state.get(BANK_LEDGER);
  const flows = state.get(BANK_FLOWS);
  const first = formatIso(bank.firstDay);
  for (const g of list) {
    const c = g.company;
    const id = groupCustomerId(c.code);
    const w = out.table(T.bankCustomers);
    w.id(id); w.id("group_company"); w.text(c.name); w.id("group"); w.empty(); w.empty(); w.empty(); w.id(c.country); w.text(bank.profile.cities[0]![0]); w.id("-"); w.text("-");
    w.empty(); w.date(first); w.empty(); w.id(c.code); w.empty(); w.end();
    const k = out.table(T.kycProfiles);
    k.id(id); k.id("company_register"); k.id(`REG-${c.code}`); k.bool(true); k.date(first); k.empty(); k.id("group"); k.id("group_operations"); k.id("group_operations"); k.bool(true);
    k.money(Math.round(c.business.revenue / 12), bank.digits); k.id(bank.currency); k.bool(false); k.empty(); k.id("clear"); k.id("low"); k.int(10); k.id("none"); k.bool(false); k.date(first); k.date(formatIso(bank.firstDay + 3 * 365)); k.end();
    const cl = out.table(A.amlCustomerLabels);
    cl.id(id); cl.bool(false); cl.id("none"); cl.empty(); cl.empty(); cl.empty(); cl.bool(true); cl.end();
    const bal = (led.group[c.code] ??= g.accounts.map(() => 0));
    g.accounts.forEach((a, k2) => {
      bal[k2] = now.filter((l) => l.company === c.index && l.k === k2 && l.docType === "OB").reduce((s, l) => s + l.amount, 0);
      flows.addOpening("2000", -bal[k2]!);
      const n = ownAccount(bank.profile, bank.bankCode, bank.customers + c.index, k2);
      const aw = out.table(T.bankAccounts);
      aw.id(groupAccountId(c.code, k2)); aw.id(id); aw.id("current"); aw.id(`group_${a.role ?? "bank"}`); if (n.iban) aw.id(n.iban); else aw.empty(); aw.id(n.account); aw.id(n.code); aw.id(bank.bic); aw.id(bank.currency);
      aw.date(first); aw.id("active"); aw.money(c.business.distress ? -Math.round(c.business.revenue) : 0, bank.digits); aw.decimal("0.000"); aw.money(bal[k2]!, bank.digits); aw.date(first); aw.id("2000"); aw.end();
      const al = out.table(A.amlAccountLabels);
      al.id(groupAccountId(c.code, k2)); al.id(id); al.bool(false); al.id("none"); al.empty(); al.bool(false); al.bool(false); al.end();
    });
  }
}

function partnerName(cx: RunContext, company: number, partner: string): string | undefined {
  const m = /^([VC])-.+-(\d+)$/.exec(partner);
  if (!m) return undefined;
  const i = Number(m[2]) - 1;
  try {
    return m[1] === "V" ? mdVendor(cx, company, i).name : mdCustomer(cx, company, i).name;
  } catch {
    return undefined;
  }
}

/** The bank's tariff for the group's accounts, in US dollars: per account and month, per item. */
export const GROUP_TARIFF = { account: 25, item: 0.2 };

function feeRow(bank: Bank, w: RowWriter, g: GroupCompany, k: number, day: number, fee: number, bal: number[], seq: number): string {
  const before = bal[k]!;
  bal[k] = before - fee;
  const code = g.company.code;
  const date = formatIso(day);
  const id = `BT-G${code}-${pad(seq, 9)}`;
  w.id(id); w.id(groupAccountId(code, k)); w.id(groupCustomerId(code)); w.date(date); w.id("23:30:00"); w.date(date);
  w.id("debit"); w.money(fee, bank.digits); w.id(bank.currency); w.money(before, bank.digits); w.money(bal[k]!, bank.digits); w.id("booked");
  w.id("fee"); w.id("system"); w.id("book"); w.empty();
  w.empty();
  w.empty(); w.empty(); w.empty(); w.empty(); w.empty();
  w.text("Account and transaction charges"); w.empty(); w.id(bank.country); w.empty(); w.empty(); w.empty(); w.end();
  return id;
}

/** Holds whether a company banks here (the capability SCENARIO_BANK lends). */
export const scenarioBank: ScenarioBank = {
  holds: (cx, company) => groupCompanies(cx, bankOf(cx.plan)).some((g) => g.company.index === company.index),
};

/** Writes the transaction; returns its id. */
function writeRow(cx: RunContext, bank: Bank, w: RowWriter, g: GroupCompany, l: FeedLine, bal: number[], internal: boolean, seq: number): string {
  const before = bal[l.k]!;
  const after = before + l.amount;
  bal[l.k] = after;
  const code = g.company.code;
  const credit = l.amount > 0;
  const type: TxType = internal ? "internal_transfer" : l.event === "cash_deposit" ? "cash_deposit" : credit ? "transfer_in" : "transfer_out";
  const date = formatIso(l.day);
  const id = `BT-G${code}-${pad(seq, 9)}`;
  w.id(id); w.id(groupAccountId(code, l.k)); w.id(groupCustomerId(code)); w.date(date); w.id("00:00:00"); w.date(date);
  w.id(credit ? "credit" : "debit"); w.money(Math.abs(l.amount), bank.digits); w.id(bank.currency); w.money(before, bank.digits); w.money(after, bank.digits); w.id("booked");
  w.id(type); w.id(internal ? "system" : l.event === "cash_deposit" ? "branch" : "online_banking"); w.id(internal ? "internal" : l.event === "cash_deposit" ? "cash" : "domestic"); w.empty();
  const name = l.partner ? partnerName(cx, g.company.index, l.partner) : undefined;
  if (name) w.text(name);
  else w.empty();
  w.empty(); w.empty(); w.empty(); w.empty(); w.empty();
  w.text(`${l.doc} ${l.text}`); if (internal) w.id(l.doc); else w.empty(); w.id(bank.country); w.empty(); w.empty(); w.empty(); w.end();
  return id;
}
