// The bank side of each company's bank accounts: the cash lines every phase posted get their
// value dates here, and the items the bank posts on its own (charges, interest, direct debits,
// returned payments) are created and, once the company knows them, booked. A company books
// only when its account holds the money on every day after (cash never goes below zero in the
// ledger); what it cannot book stays an unbooked reconciling item.
import { formatIso, type Period } from "../../core/calendar.ts";
import { bankDayOnOrAfter, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import { documentNumber, stateTarget, writeDocument, type PostingTarget } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import type { RunState } from "../../ledger/state.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import { closedBooks } from "../period_close/index.ts";
import { openingVector } from "./books.ts";
import { lineRng, methodOf, valueDayOf } from "./methods.ts";
import type { CashLine } from "../../ledger/cash-lines.ts";
import { SCENARIO_BANK, type ScenarioBank } from "../../ledger/bank-link.ts";
import { unmatched, type GlView } from "./gl-view.ts";
import { REPORTING, type BankItem, type BankItemKind, type CompanyBank, type ReportingState } from "./state.ts";

/** Journal events that book a bank item: their cash lines are the item itself, not new statement lines. */
const BOOKING_EVENTS: Record<BankItemKind, string> = { charges: "bank_charges", interest: "bank_interest", direct_debit: "direct_debit", returned_payment: "returned_payment" };
const BOOKINGS = new Set(Object.values(BOOKING_EVENTS));

export const lastDayOf = (p: Period) => p.firstDay + p.days - 1;
export const scenarioEnd = (cx: RunContext) => lastDayOf(cx.periods[cx.periods.length - 1]!);

/** Whether the company banks at the scenario's own bank (banking phase, group_accounts = on): its statements are that bank's transactions. */
export function banksAtScenarioBank(cx: RunContext, c: CompanyInfo): boolean {
  return cx.capability<ScenarioBank>(SCENARIO_BANK)?.holds(cx, c) ?? false;
}

/** The accounts a company banks on: its bank and payroll bank accounts. */
export function bankAccounts(cx: RunContext) {
  return cx.chart.posting.filter((a) => a.liquid === 0);
}

export const bankAccountId = (c: CompanyInfo, number: string) => `BA-${c.code}-${number}`;

/** The phase's own bookings of the bank's items (its journal does not pass its own overlay). */
const own = (l: CashLine) => l.docType === "BK" && (BOOKINGS.has(l.event) || l.event === "payment_representation");

/**
 * Sorts the cash lines received so far into each company's pending lines, with their value dates,
 * and matches them with the GL lines of the same postings: what differs is an unexplained difference.
 */
export function drain(cx: RunContext, s: ReportingState, gl: GlView): void {
  // At the scenario's bank the statement is the bank's own record of the journal as written: nothing to match here.
  const at = cx.companies.map((c) => banksAtScenarioBank(cx, c));
  for (const u of unmatched(s.incoming.filter((l) => !at[l.company]), gl.incoming.filter((l) => !at[l.company]), own)) (s.banks[u.company]!.unexplained ??= []).push(u);
  gl.incoming = [];
  for (const l of s.incoming) {
    const bank = s.banks[l.company]!;
    if (l.event === "opening_balance") {
      // The bank's balance when the scenario starts is the ledger's: nothing is in transit.
      bank.balances[l.account] = (bank.balances[l.account] ?? 0) + l.amount;
      continue;
    }
    if (BOOKINGS.has(l.event) && l.docType === "BK") continue;
    const c = cx.companies[l.company]!;
    const rng = lineRng(cx, l);
    const method = methodOf(cx, c, l, rng);
    bank.pending.push({ ...l, method, valueDay: valueDayOf(c, l, method, rng) });
  }
  s.incoming = [];
}

/** The ledger's end-of-day balance of a bank account over a period, from what is posted so far. */
export class DailyBalance {
  readonly days: Float64Array;

  constructor(readonly p: Period, start: number) {
    this.days = new Float64Array(p.days).fill(start);
  }

  static of(cx: RunContext, state: RunState, c: CompanyInfo, account: number, p: Period): DailyBalance {
    const start = p.index === 0 ? openingVector(cx, c)[account]! : closedBooks(state)[c.index]!.cumulative[account]!;
    const b = new DailyBalance(p, start);
    for (const l of state.get(REPORTING).banks[c.index]!.pending) if (l.account === account) b.move(l.day, l.amount);
    return b;
  }

  move(day: number, amount: number): void {
    for (let d = Math.max(0, day - this.p.firstDay); d < this.days.length; d++) this.days[d] = this.days[d]! + amount;
  }

  /** Lowest balance from `day` to `until` (inclusive; days of the period only). */
  lowest(day: number, until = lastDayOf(this.p)): number {
    let low = Infinity;
    for (let d = Math.max(0, day - this.p.firstDay); d <= until - this.p.firstDay && d < this.days.length; d++) low = Math.min(low, this.days[d]!);
    return low;
  }
}

export interface NewItem {
  account: number;
  kind: BankItemKind;
  valueDay: number;
  bookDay: number;
  amount: number;
  partner: string;
  text: string;
  reference: string;
  counter: BankItem["counter"];
}

/** A bank item with its statement line id and (when the company books it within the scenario) its journal entry id. */
export function newItem(cx: RunContext, c: CompanyInfo, bank: CompanyBank, x: NewItem & { id?: string }): BankItem {
  // At the scenario's bank the item is the bank's transaction: its id.
  const id = x.id ?? documentNumber("BT", c.code, ++bank.lineSeq);
  const documentId = x.bookDay <= scenarioEnd(cx) ? documentNumber("BK", c.code, ++bank.docSeq) : "";
  const item: BankItem = { ...x, id, company: c.index, documentId, booked: false };
  bank.items.push(item);
  bank.stats[x.kind] = (bank.stats[x.kind] ?? 0) + 1;
  return item;
}

/** Posts the company's booking of a bank item on its book day. */
export function bookItem(cx: RunContext, c: CompanyInfo, item: BankItem, w: RowWriter, target: PostingTarget): void {
  const lines = new Lines();
  for (const [account, debit, credit, partner] of item.counter) lines.add(cx.chart.accounts[account]!, debit, credit, -1, partner);
  const bank = cx.chart.accounts[item.account]!;
  lines.add(bank, item.amount > 0 ? item.amount : 0, item.amount < 0 ? -item.amount : 0, -1, "");
  const date = formatIso(item.bookDay);
  const period = cx.periods.find((p) => item.bookDay >= p.firstDay && item.bookDay <= lastDayOf(p))!;
  writeDocument(w, {
    company: c, documentId: item.documentId, day: item.bookDay, postingDate: date, documentDate: formatIso(item.valueDay), period,
    docType: "BK", source: "automated", event: BOOKING_EVENTS[item.kind], postedBy: "SYS-BANK", text: item.text,
    sourceId: item.id, sourceType: "bank_statement_line",
  }, lines, target, () => "");
  item.booked = true;
}

/** Books the items whose book day falls in the period, if the money is there; the rest wait. */
export function bookDue(cx: RunContext, state: RunState, c: CompanyInfo, p: Period, daily: Map<number, DailyBalance>, w: RowWriter): void {
  const bank = state.get(REPORTING).banks[c.index]!;
  const due = bank.items.filter((i) => !i.booked && i.documentId !== "" && i.bookDay <= lastDayOf(p)).sort((a, b) => a.bookDay - b.bookDay || (a.id < b.id ? -1 : 1));
  for (const item of due) {
    // Deferred from an earlier period: booked on the first bank day the money is there.
    if (item.bookDay < p.firstDay) item.bookDay = bankDayOnOrAfter(c, p.firstDay);
    const balance = daily.get(item.account)!;
    if (item.amount < 0 && balance.lowest(item.bookDay) < -item.amount) {
      bank.deferred++;
      continue;
    }
    bookItem(cx, c, item, w, stateTarget(state));
    balance.move(item.bookDay, item.amount);
  }
}
