// The scenario month of a day, cached per bank: simulation groups events by it and the books
// post by it (its own file so neither imports the other).
import type { Bank } from "./bank.ts";

const monthCache = new WeakMap<Bank, Int16Array>();

/** The scenario month of a day (days outside the scenario: the nearest month). */
export function monthIndex(bank: Bank, day: number): number {
  let a = monthCache.get(bank);
  if (!a) {
    a = new Int16Array(bank.endDay - bank.firstDay);
    bank.periods.forEach((p, m) => a!.fill(m, p.firstDay - bank.firstDay, p.firstDay - bank.firstDay + p.days));
    monthCache.set(bank, a);
  }
  const d = day - bank.firstDay;
  return d < 0 ? 0 : d >= a.length ? bank.periods.length - 1 : a[d]!;
}
