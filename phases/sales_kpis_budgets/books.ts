// What the closed books say, per company and period, in company minor units: each account's
// activity without the year-end closing entry (P&L as earned), its balance at period end and at
// the period's start (the opening balance sheet for the first period), and the credits posted
// to it (without the opening entry). Read from the ledger totals and the close's own slice.
import type { Account } from "../../ledger/chart.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { LEDGER } from "../../ledger/slices.ts";
import type { RunState } from "../../ledger/state.ts";
import { CLOSE } from "../period_close/close.ts";
import { openingSheet } from "../opening_balances/sheet.ts";

export interface Books {
  /** Per period: net (debit - credit) per account index, without the year-end closing entry. */
  activity: Float64Array[];
  /** Per period: credits per account index, without the opening entry. */
  credits: Float64Array[];
  /** Per period: balance (debit positive) per account index at the period's end. */
  closing: Float64Array[];
  /** Balance per account index after the opening entry: where the first period starts. */
  opening: Float64Array;
}

const cache = new WeakMap<RunState, Books[]>();

export function booksOf(cx: RunContext, state: RunState, c: CompanyInfo): Books {
  let list = cache.get(state);
  if (!list) cache.set(state, (list = []));
  return (list[c.index] ??= build(cx, state, c));
}

function build(cx: RunContext, state: RunState, c: CompanyInfo): Books {
  const n = cx.chart.accounts.length;
  const ledger = state.get(LEDGER);
  const closings = state.get(CLOSE)[c.index]!.closings;
  const opening = new Float64Array(n);
  for (const [a, v] of openingSheet(cx, c).sheet) opening[a.index] = v;
  const books: Books = { activity: [], credits: [], closing: [], opening };
  const balance = new Float64Array(n);
  for (const p of cx.periods) {
    const cell = ledger.cell(c.index, p.index);
    const closing = closings[p.index];
    const activity = new Float64Array(n);
    const credits = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      balance[i] = balance[i]! + cell[i * 2]! - cell[i * 2 + 1]!;
      activity[i] = cell[i * 2]! - cell[i * 2 + 1]! - (closing?.[i] ?? 0);
      // The opening entry credits what the opening sheet owes (negative balances).
      credits[i] = cell[i * 2 + 1]! - (p.index === 0 ? Math.max(0, -opening[i]!) : 0);
    }
    books.activity.push(activity);
    books.credits.push(credits);
    books.closing.push(Float64Array.from(balance));
  }
  return books;
}

/** Balance at the start of a period: the previous period's end, or the opening balance sheet. */
export function startOf(b: Books, period: number): Float64Array {
  return period === 0 ? b.opening : b.closing[period - 1]!;
}

/** Sum of some accounts' values. */
export function sumOf(values: Float64Array, accounts: readonly Account[]): number {
  let s = 0;
  for (const a of accounts) s += values[a.index]!;
  return s;
}
