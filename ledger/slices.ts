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

/** Stock movements per company, material and period (quantity and standard-cost value). */
export class StockTotals {
  /** key company:material -> Float64Array(periods * 2): quantity at 2p, value at 2p+1. */
  readonly byMaterial = new Map<string, Float64Array>();
  constructor(readonly periods: number) {}
  add(company: number, period: number, material: number, quantity: number, value: number): void {
    const key = `${company}:${material}`;
    let a = this.byMaterial.get(key);
    if (!a) this.byMaterial.set(key, (a = new Float64Array(this.periods * 2)));
    a[period * 2] = a[period * 2]! + quantity;
    a[period * 2 + 1] = a[period * 2 + 1]! + value;
  }
}

/** A block's stock delta: quintuples (company, period, material index, quantity, value). */
export type StockDelta = Float64Array;

export const STOCK: Slice<StockTotals, StockDelta> = {
  name: "stock",
  create: (cx) => new StockTotals(cx.periods.length),
  fold: (s, d) => {
    for (let i = 0; i < d.length; i += 5) s.add(d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!, d[i + 4]!);
  },
  add: (into, from) => {
    for (const [key, deltas] of from.byMaterial) {
      const [c, m] = key.split(":").map(Number) as [number, number];
      for (let p = 0; p < into.periods; p++) into.add(c, p, m, deltas[p * 2]!, deltas[p * 2 + 1]!);
    }
  },
  toJSON: (s) => [...s.byMaterial].map(([k, a]) => [k, Array.from(a)]),
  fromJSON: (cx, json) => {
    const s = STOCK.create(cx);
    for (const [k, a] of json as [string, number[]][]) s.byMaterial.set(k, Float64Array.from(a));
    return s;
  },
  transferables: (d) => [d.buffer as ArrayBuffer],
};

export const CORE_SLICES: readonly Slice[] = [LEDGER as Slice, SUBLEDGER as Slice, STOCK as Slice];
