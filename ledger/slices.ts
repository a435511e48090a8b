// The core slices of the run state: ledger totals (debits and credits per company, period and
// account), subledger figures (per company, period and kind) and stock (per company, material
// and period). All in integer minor units; small whatever the volume.
import type { RunContext } from "./context.ts";
import type { Slice } from "./state.ts";

export class LedgerTotals {
  /** [company][period] -> Float64Array(accounts * 2): debit at 2i, credit at 2i+1. */
  readonly cells: Float64Array[][];

  constructor(readonly companies: number, readonly periods: number, readonly accounts: number) {
    this.cells = Array.from({ length: companies }, () => Array.from({ length: periods }, () => new Float64Array(accounts * 2)));
  }

  cell(company: number, period: number): Float64Array {
    return this.cells[company]![period]!;
  }

  post(company: number, period: number, account: number, debit: number, credit: number): void {
    const c = this.cell(company, period);
    c[account * 2] = c[account * 2]! + debit;
    c[account * 2 + 1] = c[account * 2 + 1]! + credit;
  }

  /** Adds a block's totals (same layout as a cell). */
  fold(company: number, period: number, block: Float64Array): void {
    const c = this.cell(company, period);
    for (let i = 0; i < block.length; i++) if (block[i] !== 0) c[i] = c[i]! + block[i]!;
    assertSafe(c);
  }
}

/** Sums stay exact only below 2^53 minor units; beyond that we refuse rather than round. */
function assertSafe(c: Float64Array): void {
  for (let i = 0; i < c.length; i++) {
    if (c[i]! > Number.MAX_SAFE_INTEGER) throw new Error("ledger totals exceed 2^53 minor units: amounts too large to stay exact");
  }
}

/** A block's ledger delta: the cells it touched. */
export type LedgerDelta = { company: number; period: number; data: Float64Array }[];

export const LEDGER: Slice<LedgerTotals, LedgerDelta> = {
  name: "ledger",
  create: (cx) => new LedgerTotals(cx.companies.length, cx.periods.length, cx.chart.accounts.length),
  fold: (s, d) => {
    for (const c of d) s.fold(c.company, c.period, c.data);
  },
  add: (into, from) =>
    into.cells.forEach((byPeriod, ci) => byPeriod.forEach((_, pi) => into.fold(ci, pi, from.cell(ci, pi)))),
  toJSON: (s) => s.cells.map((byPeriod) => byPeriod.map((c) => Array.from(c))),
  fromJSON: (cx, json) => {
    const s = LEDGER.create(cx);
    s.cells.forEach((byPeriod, ci) => byPeriod.forEach((c, pi) => c.set((json as number[][][])[ci]![pi]!)));
    return s;
  },
  transferables: (d) => d.map((c) => c.data.buffer as ArrayBuffer),
};

/**
 * Subledger figures per company, period and kind ("ap", "ar_1_30", "ic_payable", ...): open
 * amounts at period end, in company currency. A phase adds kinds by using them.
 */
export class SubledgerTotals {
  private readonly byKind = new Map<string, Float64Array>();
  constructor(readonly companies: number, readonly periods: number) {}

  add(company: number, period: number, kind: string, amount: number): void {
    let a = this.byKind.get(kind);
    if (!a) this.byKind.set(kind, (a = new Float64Array(this.companies * this.periods)));
    a[company * this.periods + period] = a[company * this.periods + period]! + amount;
  }

  get(company: number, period: number, kind: string): number {
    return this.byKind.get(kind)?.[company * this.periods + period] ?? 0;
  }

  kinds(): string[] {
    return [...this.byKind.keys()].sort();
  }
}

/** A block's subledger delta: its kinds, and quadruples (company, period, kind index, amount). */
export interface SubledgerDelta {
  kinds: string[];
  values: Float64Array;
}

export const SUBLEDGER: Slice<SubledgerTotals, SubledgerDelta> = {
  name: "subledger",
  create: (cx) => new SubledgerTotals(cx.companies.length, cx.periods.length),
  fold: (s, d) => {
    for (let i = 0; i < d.values.length; i += 4) s.add(d.values[i]!, d.values[i + 1]!, d.kinds[d.values[i + 2]!]!, d.values[i + 3]!);
  },
  add: (into, from) => {
    for (const kind of from.kinds()) for (let c = 0; c < from.companies; c++) for (let p = 0; p < from.periods; p++) into.add(c, p, kind, from.get(c, p, kind));
  },
  toJSON: (s) => Object.fromEntries(s.kinds().map((k) => [k, Array.from({ length: s.companies * s.periods }, (_, i) => s.get(Math.floor(i / s.periods), i % s.periods, k))])),
  fromJSON: (cx, json) => {
    const s = SUBLEDGER.create(cx);
    for (const [kind, values] of Object.entries(json as Record<string, number[]>)) values.forEach((v, i) => v !== 0 && s.add(Math.floor(i / s.periods), i % s.periods, kind, v));
    return s;
  },
  transferables: (d) => [d.values.buffer as ArrayBuffer],
};

/**
 * Stock per company and material: movements per period (quantity, standard-cost value and the
 * quantity issued), and the window of quantities by day not yet planned by purchasing (what
 * keeps every material's stock from going negative on any day; purchasing drops the days it
 * has planned).
 */
export class StockTotals {
  /** key company:material -> Float64Array(periods * 3): quantity at 3p, value at 3p+1, quantity issued at 3p+2. */
  readonly byMaterial = new Map<string, Float64Array>();
  /** key company:material -> day -> net quantity moved that day (receipts +, issues -). */
  readonly window = new Map<string, Map<number, number>>();
  constructor(readonly periods: number) {}

  add(company: number, period: number, material: number, quantity: number, value: number, day: number): void {
    const key = `${company}:${material}`;
    let a = this.byMaterial.get(key);
    if (!a) this.byMaterial.set(key, (a = new Float64Array(this.periods * 3)));
    a[period * 3] = a[period * 3]! + quantity;
    a[period * 3 + 1] = a[period * 3 + 1]! + value;
    if (quantity < 0) a[period * 3 + 2] = a[period * 3 + 2]! - quantity;
    let w = this.window.get(key);
    if (!w) this.window.set(key, (w = new Map()));
    w.set(day, (w.get(day) ?? 0) + quantity);
  }

  /** Quantity on hand at the end of period `p` (all movements of periods up to it). */
  quantityAfter(company: number, material: number, p: number): number {
    const a = this.byMaterial.get(`${company}:${material}`);
    let q = 0;
    if (a) for (let i = 0; i <= p && i < this.periods; i++) q += a[i * 3]!;
    return q;
  }

  /** Quantity issued in periods from..to (inclusive). */
  issued(company: number, material: number, from: number, to: number): number {
    const a = this.byMaterial.get(`${company}:${material}`);
    let q = 0;
    if (a) for (let i = Math.max(0, from); i <= to && i < this.periods; i++) q += a[i * 3 + 2]!;
    return q;
  }

  /** Forgets the daily window before `day` (purchasing has planned those days). */
  dropBefore(day: number): void {
    for (const [key, w] of this.window) {
      for (const d of w.keys()) if (d < day) w.delete(d);
      if (w.size === 0) this.window.delete(key);
    }
  }
}

/** A block's stock delta: sextuples (company, period, material index, quantity, value, day). */
export type StockDelta = Float64Array;

export const STOCK: Slice<StockTotals, StockDelta> = {
  name: "stock",
  create: (cx) => new StockTotals(cx.periods.length),
  fold: (s, d) => {
    for (let i = 0; i < d.length; i += 6) s.add(d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!, d[i + 4]!, d[i + 5]!);
  },
  add: (into, from) => {
    for (const [key, deltas] of from.byMaterial) {
      const a = into.byMaterial.get(key) ?? new Float64Array(into.periods * 3);
      for (let i = 0; i < a.length; i++) a[i] = a[i]! + deltas[i]!;
      into.byMaterial.set(key, a);
    }
    for (const [key, days] of from.window) {
      const w = into.window.get(key) ?? new Map<number, number>();
      for (const [d, q] of days) w.set(d, (w.get(d) ?? 0) + q);
      into.window.set(key, w);
    }
  },
  toJSON: (s) => ({ periods: [...s.byMaterial].map(([k, a]) => [k, Array.from(a)]), window: [...s.window].map(([k, w]) => [k, [...w]]) }),
  fromJSON: (cx, json) => {
    const j = json as { periods: [string, number[]][]; window: [string, [number, number][]][] };
    const s = STOCK.create(cx);
    for (const [k, a] of j.periods) s.byMaterial.set(k, Float64Array.from(a));
    for (const [k, w] of j.window) s.window.set(k, new Map(w));
    return s;
  },
  transferables: (d) => [d.buffer as ArrayBuffer],
};

/**
 * Daily movements of each company's cash and bank accounts (slot 0: bank accounts, slot 1: cash
 * on hand), by day from the scenario's first day: the treasury keeps balances from them.
 */
export class Liquidity {
  readonly data: Float64Array;
  constructor(readonly companies: number, readonly firstDay: number, readonly days: number) {
    this.data = new Float64Array(companies * days * 2);
  }
  add(company: number, day: number, slot: number, amount: number): void {
    const d = day - this.firstDay;
    // Movements outside the scenario (opening items dated before it) are in the opening balance.
    if (d < 0 || d >= this.days) return;
    const i = (company * this.days + d) * 2 + slot;
    this.data[i] = this.data[i]! + amount;
  }
  get(company: number, day: number, slot: number): number {
    const d = day - this.firstDay;
    return d < 0 || d >= this.days ? 0 : this.data[(company * this.days + d) * 2 + slot]!;
  }
}

/** A block's liquidity delta: quadruples (company, day, slot, amount). */
export type LiquidityDelta = Float64Array;

export const LIQUIDITY: Slice<Liquidity, LiquidityDelta> = {
  name: "liquidity",
  create: (cx) => {
    const first = cx.periods[0]!.firstDay;
    const last = cx.periods[cx.periods.length - 1]!;
    return new Liquidity(cx.companies.length, first, last.firstDay + last.days - first);
  },
  fold: (s, d) => {
    for (let i = 0; i < d.length; i += 4) s.add(d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!);
  },
  add: (into, from) => {
    for (let i = 0; i < into.data.length; i++) into.data[i] = into.data[i]! + from.data[i]!;
  },
  toJSON: (s) => sparse(s.data),
  fromJSON: (cx, json) => {
    const s = LIQUIDITY.create(cx);
    for (const [i, v] of json as [number, number][]) s.data[i] = v;
    return s;
  },
  transferables: (d) => [d.buffer as ArrayBuffer],
};

/** Non-zero entries of an array as [index, value] pairs: checkpoints stay small. */
function sparse(a: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) out.push([i, a[i]!]);
  return out;
}

export const CORE_SLICES: readonly Slice[] = [LEDGER as Slice, SUBLEDGER as Slice, STOCK as Slice, LIQUIDITY as Slice];
