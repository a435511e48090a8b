// Daily exchange rates, deterministic from the plan: each currency follows a random walk against
// the group currency (the plan's drift and volatility; no fixing on weekends), anchored at the
// plan's rate on the scenario start. Published rates have 8 significant digits, and every
// conversion uses the published rate, so a user can redo any conversion from fx_rates.
import { Rng, hash32 } from "../core/rng.ts";
import { dexp } from "../core/detmath.ts";
import { weekday } from "../core/calendar.ts";
import type { RunContext } from "./context.ts";

/** Days of history before the start (opening open items are dated up to this far back). */
export const FX_HISTORY_DAYS = 400;

/** A rate as a plain decimal (never exponent notation). */
export function rateText(rate: number): string {
  const s = String(rate);
  return s.includes("e") ? rate.toFixed(20).replace(/\.?0+$/, "") : s;
}

export function roundSignificant(x: number, digits = 8): number {
  return Number(x.toPrecision(digits));
}

export class FxTable {
  /** Units of group currency per unit of the currency, by day offset from firstDay. */
  private readonly series = new Map<string, Float64Array>();
  readonly firstDay: number;
  readonly lastDay: number;

  constructor(private readonly cx: RunContext) {
    const start = cx.periods[0]!.firstDay;
    const last = cx.periods[cx.periods.length - 1]!;
    this.firstDay = start - FX_HISTORY_DAYS;
    this.lastDay = last.firstDay + last.days - 1;
    for (const r of cx.plan.fx.rates) this.series.set(r.currency, this.walk(r.currency, Number(r.rate), start));
  }

  private walk(currency: string, anchor: number, startDay: number): Float64Array {
    const n = this.lastDay - this.firstDay + 1;
    const out = new Float64Array(n);
    const { volatility, drift } = this.cx.plan.fx;
    const dailyDrift = drift / 365;
    const rng = new Rng(this.cx.seed, hash32("fx"), hash32(currency));
    const steps = new Float64Array(n);
    for (let i = 1; i < n; i++) {
      const business = weekday(this.firstDay + i) < 5;
      steps[i] = business ? dailyDrift + volatility * rng.normal() : 0;
    }
    // Log-rate relative to the anchor day, accumulated outwards from it.
    const anchorAt = startDay - this.firstDay;
    const log = new Float64Array(n);
    for (let i = anchorAt + 1; i < n; i++) log[i] = log[i - 1]! + steps[i]!;
    for (let i = anchorAt - 1; i >= 0; i--) log[i] = log[i + 1]! - steps[i + 1]!;
    for (let i = 0; i < n; i++) out[i] = roundSignificant(anchor * dexp(log[i]!));
    return out;
  }

  /** Units of group currency per unit of `currency` on a day (clamped to the table's range). */
  toGroup(currency: string, day: number): number {
    if (currency === this.cx.plan.scenario.groupCurrency) return 1;
    const s = this.series.get(currency);
    if (!s) throw new Error(`internal: no exchange rate for ${currency}`);
    const i = Math.min(Math.max(day - this.firstDay, 0), s.length - 1);
    return s[i]!;
  }

  /** Published rate: units of `to` per unit of `from` on a day. */
  private readonly cross = new Map<string, Float64Array>();

  rate(from: string, to: string, day: number): number {
    if (from === to) return 1;
    const key = from + to;
    let days = this.cross.get(key);
    // Published cross rates are cached per pair and day: rounding through toPrecision is slow.
    if (!days) this.cross.set(key, (days = new Float64Array(this.lastDay - this.firstDay + 1).fill(NaN)));
    const i = Math.min(Math.max(day - this.firstDay, 0), days.length - 1);
    let r = days[i]!;
    if (Number.isNaN(r)) r = days[i] = roundSignificant(this.toGroup(from, day) / this.toGroup(to, day));
    return r;
  }

  /** Mean of the daily published rates over [first, last]. */
  average(from: string, to: string, first: number, last: number): number {
    let s = 0;
    for (let d = first; d <= last; d++) s += this.rate(from, to, d);
    return roundSignificant(s / (last - first + 1));
  }

  /** Converts minor units of one currency into minor units of another at a day's rate. */
  convert(minor: number, from: string, fromDigits: number, to: string, toDigits: number, day: number): number {
    if (from === to) return minor;
    return Math.round(minor * this.rate(from, to, day) * 10 ** (toDigits - fromDigits));
  }
}

const tables = new WeakMap<RunContext, FxTable>();

export function fxOf(cx: RunContext): FxTable {
  let t = tables.get(cx);
  if (!t) tables.set(cx, (t = new FxTable(cx)));
  return t;
}
