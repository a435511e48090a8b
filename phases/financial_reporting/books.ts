// The figures statements are built from, read from the closed books (period_close's state) and
// the ledger totals, never from anything else: per account, the balance at the start and at
// the end of a period and its movements in between (without the opening entry and the
// year-end closing). A company's figures are in its own currency; translated into the group
// currency they follow period_close's translation exactly (balance sheet accounts at the
// closing rate, equity and P&L at historical rates, the difference in the translation reserve),
// movements at the period's average rate, so the group's figures tie to the consolidated trial
// balance to the cent.
import type { Period } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { fxOf } from "../../ledger/fx.ts";
import { LEDGER } from "../../ledger/slices.ts";
import type { RunState } from "../../ledger/state.ts";
import { minorDigits } from "../../specs/currencies.ts";
import { closedBooks } from "../period_close/index.ts";
import { openingSheet } from "../opening_balances/sheet.ts";

/** Debit-positive figures per account index. */
export interface Figures {
  start: Float64Array;
  end: Float64Array;
  /** Movements of the period (or year) without the opening entry and the year-end closing. */
  flow: Float64Array;
}

export function groupDigits(cx: RunContext): number {
  const g = cx.plan.scenario.groupCurrency;
  return cx.companies.find((c) => c.currency === g)?.digits ?? minorDigits(g);
}

/** The opening entry's balances (zero when the opening balances are not generated in this run). */
export function openingVector(cx: RunContext, c: CompanyInfo): Float64Array {
  const v = new Float64Array(cx.chart.accounts.length);
  if (cx.plan.phases.find((p) => p.id === "opening_balances")?.status !== "run") return v;
  for (const [a, amount] of openingSheet(cx, c).sheet) v[a.index] = v[a.index]! + amount;
  return v;
}

/** A company's figures of one period after its close, in company currency. */
export function localFigures(cx: RunContext, state: RunState, c: CompanyInfo, p: Period): Figures {
  const books = closedBooks(state)[c.index]!;
  const cell = state.get(LEDGER).cell(c.index, p.index);
  const closing = books.closings[p.index];
  const opening = p.index === 0 ? openingVector(cx, c) : undefined;
  const n = cx.chart.accounts.length;
  const end = Float64Array.from(books.cumulative);
  const start = new Float64Array(n);
  const flow = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const activity = cell[i * 2]! - cell[i * 2 + 1]!;
    const ob = opening?.[i] ?? 0;
    start[i] = end[i]! - activity + ob;
    flow[i] = activity - ob - (closing?.[i] ?? 0);
  }
  return { start, end, flow };
}

/** Rates and scale of a company's translation in a period. */
export interface Rates {
  closing: number;
  average: number;
  scale: number;
}

export function ratesOf(cx: RunContext, c: CompanyInfo, p: Period): Rates {
  const fx = fxOf(cx);
  const g = cx.plan.scenario.groupCurrency;
  const last = p.firstDay + p.days - 1;
  return { closing: fx.rate(c.currency, g, last), average: fx.average(c.currency, g, p.firstDay, last), scale: 10 ** (groupDigits(cx) - c.digits) };
}

/** The company's translated balances after the period's close: as period_close's translated trial balance has them. */
export function translatedEnd(cx: RunContext, state: RunState, c: CompanyInfo, r: Rates): Float64Array {
  const books = closedBooks(state)[c.index]!;
  const out = new Float64Array(cx.chart.accounts.length);
  let sum = 0;
  for (const a of cx.chart.posting) {
    const i = a.index;
    out[i] = a.type === "asset" || a.type === "liability" ? Math.round(books.cumulative[i]! * r.closing * r.scale) : books.translated[i]!;
    sum += out[i]!;
  }
  const reserve = cx.chart.one("fx_translation_reserve").index;
  out[reserve] = out[reserve]! - sum;
  return out;
}

/** Movements translated at the period's average rate, account by account (as the translation rounds them). */
export function translatedFlow(flow: Float64Array, r: Rates): Float64Array {
  return flow.map((v) => (v === 0 ? 0 : Math.round(v * r.average * r.scale)));
}

/** The opening balance sheet in the group currency: every account at the opening day's rate, rounding to the reserve. */
export function translatedOpening(cx: RunContext, c: CompanyInfo): Float64Array {
  const fx = fxOf(cx);
  const rate = fx.rate(c.currency, cx.plan.scenario.groupCurrency, cx.periods[0]!.firstDay);
  const scale = 10 ** (groupDigits(cx) - c.digits);
  const opening = openingVector(cx, c);
  const out = opening.map((v) => (v === 0 ? 0 : Math.round(v * rate * scale)));
  const reserve = cx.chart.one("fx_translation_reserve").index;
  out[reserve] = out[reserve]! - out.reduce((s, v) => s + v, 0);
  return out;
}

export function add(into: Float64Array, from: ArrayLike<number>): Float64Array {
  for (let i = 0; i < into.length; i++) into[i] = into[i]! + from[i]!;
  return into;
}
