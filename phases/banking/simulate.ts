// One customer over the whole scenario, month by month: its scheduled items, its cases' steps,
// the bank's postings and its own activity, booked in time order with exact running balances.
// The reserve of each account (what its scheduled items still need, computed backwards over
// the scenario) decides which discretionary debits are declined, so scheduled and case items,
// including transfers to and from other blocks, always find the funds the plan promised.
import { monthIndex } from "./months.ts";
import { hash32, Rng } from "../../core/rng.ts";
import { H_BANK, type Bank } from "./bank.ts";
import type { Account } from "./accounts.ts";
import { discretionary, type Month } from "./activity.ts";
import { caseEvents } from "./case-events.ts";
import { customerRng } from "./customers.ts";
import { compareEv, type Ev } from "./events.ts";
import { schedule, type Sched } from "./schedule.ts";
import type { CustomerRecord } from "./record.ts";
import { Booker, type SimIO } from "./book.ts";

const SEASON = [0.95, 0.9, 1, 1, 1.02, 1, 1.02, 1, 0.98, 1, 1.05, 1.25];

export interface SimResult {
  booker: Booker;
  /** Normal items beyond the customer's quota (its scheduled items needed more than the quota gave). */
  deficit: number;
}

/** Splits `total` over positive weights only (largest remainder; zero weights get nothing). */
export function allocatePositive(total: number, weights: readonly number[]): number[] {
  const out = weights.map(() => 0);
  const idx = weights.map((w, i) => [w, i] as const).filter(([w]) => w > 0);
  const sum = idx.reduce((s, [w]) => s + w, 0);
  if (total <= 0 || sum <= 0) return out;
  let rest = total;
  const rema: [number, number][] = [];
  for (const [w, i] of idx) {
    const exact = (total * w) / sum;
    out[i] = Math.floor(exact);
    rest -= out[i]!;
    rema.push([exact - out[i]!, i]);
  }
  rema.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % rema.length, rest--) out[rema[k]![1]]!++;
  return out;
}

/** Month weights of a customer's normal activity: the season, times the share of the month its current account is open. */
export function monthWeights(bank: Bank, open: number): number[] {
  return bank.periods.map((p) => {
    const days = Math.max(0, p.firstDay + p.days - Math.max(p.firstDay, open));
    return (SEASON[p.month - 1]! * days) / p.days;
  });
}

/** Backward pass: what account `acct` must keep before each of its known items so every later one can be paid. */
function reserves(list: Ev[], acct: number): Float64Array {
  const req = new Float64Array(list.length + 1);
  for (let i = list.length - 1; i >= 0; i--) {
    const e = list[i]!;
    const mine = e.acct === acct;
    const out = !mine || e.dir < 0 ? e.amount : 0;
    const inn = mine && e.dir > 0 ? e.amount : 0;
    req[i] = Math.max(0, out - inn + req[i + 1]!);
  }
  return req;
}

/** The customer's scheduled items and case steps, in time order. */
export function prepare(bank: Bank, rec: CustomerRecord, accts: Account[]): Sched {
  const s = schedule(bank, rec, accts);
  for (const ev of caseEvents(bank, rec)) s.events.push(ev);
  s.events.sort(compareEv);
  return s;
}

/** Normal items the customer will have whatever it does: its scheduled ones, card statements and savings interest (an estimate of the bank's postings). */
export function systemRows(bank: Bank, s: Sched): number {
  let n = 0;
  for (const e of s.events) if (e.normal) n += rows(e);
  for (const a of s.accts) {
    if (a.type !== "credit_card" && a.type !== "savings") continue;
    for (const p of bank.periods) if (a.open < p.firstDay) n += a.type === "credit_card" ? 2 : 1;
  }
  return n;
}

export function simulate(bank: Bank, s: Sched, quota: number, io: SimIO): SimResult {
  const { rec, accts } = s;
  const lists: Ev[][] = accts.map(() => []);
  for (const ev of s.events) {
    if (!ev.known) continue;
    lists[ev.acct]!.push(ev);
    if (ev.pair) lists[ev.pair.acct]!.push(ev.pair);
    if (ev.alsoReserves !== undefined) lists[ev.alsoReserves]!.push(ev);
  }
  for (const l of lists) l.sort(compareEv);
  const req = lists.map((l, k) => reserves(l, k));
  const booker = new Booker(bank, rec, accts, io, lists, req);
  openBalances(bank, s, booker, req);
  const byMonth: Ev[][] = bank.periods.map(() => []);
  for (const ev of s.events) byMonth[monthIndex(bank, ev.day)]!.push(ev);
  const weights = monthWeights(bank, accts[0]!.open);
  const quotas = allocatePositive(quota, weights);
  let deficit = 0;
  bank.periods.forEach((p, m) => {
    const month: Month = { index: m, first: p.firstDay, days: p.days };
    const dyn = booker.monthStart(month);
    const scheduled = byMonth[m]!;
    const system = dyn.reduce((n, e) => n + rows(e), 0) + scheduled.reduce((n, e) => n + (e.normal ? rows(e) : 0), 0);
    const want = quotas[m]! - deficit;
    const n = Math.max(0, want - system);
    deficit = Math.max(0, system - want);
    const budget = budgetOf(bank, s, scheduled, booker, m);
    const own = discretionary(s, month, n, budget);
    let ord = 1e9;
    for (const e of own) e.ord = ord++;
    const all = [...scheduled, ...dyn, ...own].sort(compareEv);
    for (const e of all) booker.book(e);
    booker.monthEnd(m);
  });
  return { booker, deficit };
}

const rows = (e: Ev) => (e.pair ? 2 : 1);

/** The balance each account starts the scenario with (or 0 from its opening day, a new current account paid in). */
function openBalances(bank: Bank, s: Sched, booker: Booker, req: Float64Array[]): void {
  const rng = customerRng(bank, s.h.i, "opening");
  const card = s.accts.find((a) => a.type === "credit_card");
  s.accts.forEach((a, k) => {
    if (a.open >= bank.firstDay) return booker.setOpening(k, 0);
    if (a.type === "current") {
      const owed = card && card.open < bank.firstDay ? -Math.max(card.start, card.floor + (card.subscription?.amount ?? 0)) : 0;
      const drawn = Math.round(s.h.income * (0.2 + 2.5 * rng.next() * rng.next()));
      return booker.setOpening(k, Math.max(drawn, a.floor + req[k]![0]! + owed));
    }
    if (a.type === "credit_card") return booker.setOpening(k, Math.max(a.start, a.floor + (a.subscription?.amount ?? 0)));
    booker.setOpening(k, a.start);
  });
  const cur = s.accts[0]!;
  if (cur.open >= bank.firstDay) {
    // A new relationship starts with a deposit that covers what its scheduled items need.
    const amount = Math.max(Math.round(s.h.income * (0.3 + rng.next())), cur.floor + req[0]![0]!, 10 ** bank.digits);
    s.events.push({ day: cur.open, sec: 0, ord: -1, acct: 0, dir: 1, amount, must: true, known: false, normal: true, type: "initial_deposit", channel: "branch", rail: "domestic", ref: "Initial deposit", country: bank.country });
  }
}

/**
 * What the month's own activity spends and earns: the income left after scheduled items, spent in
 * part, plus a fifth of what the account holds beyond the month's scheduled debits (so balances
 * hover around a month or so of income instead of growing all year); a business's takings.
 */
function budgetOf(bank: Bank, s: Sched, scheduled: Ev[], booker: Booker, m: number): { spend: number; earn: number } {
  let inn = 0;
  let out = 0;
  for (const e of scheduled) {
    if (!e.normal) continue;
    if (e.dir > 0 && e.acct === 0) inn += e.amount;
    if (e.dir < 0 && (e.acct === 0 || e.alsoReserves === 0)) out += e.amount;
  }
  const rng = new Rng(bank.seed, H_BANK, hash32("budget"), s.h.i, m);
  const spare = Math.max(0, booker.available(0) - out);
  if (s.h.kind === "business") {
    const earn = Math.max(0, Math.round(s.h.income * (0.85 + 0.3 * rng.next())) - inn);
    return { earn, spend: Math.max(0, Math.round((inn + earn) * (0.8 + 0.15 * rng.next())) - out + Math.round(spare * 0.2)) };
  }
  const ratio = 0.7 + 0.25 * rng.next();
  return { earn: Math.round(s.h.income * 0.04), spend: Math.max(Math.round(s.h.income * 0.05), Math.round((inn - out) * ratio + spare * 0.2)) };
}
