// The run's folded state: debits and credits per company, period and account, in integer minor
// units. Blocks return their own totals; the main thread folds them in block order. It is small
// (companies x periods x accounts) whatever the volume.
import type { RunContext } from "./context.ts";
import { KIND_INDEX, SUBLEDGER_KINDS, type PackedTotals, type SubledgerKind } from "./totals.ts";

export class LedgerTotals {
  /** [company][period] -> Float64Array(accounts * 2): debit at 2i, credit at 2i+1. */
  readonly cells: Float64Array[][];

  constructor(readonly companies: number, readonly periods: number, readonly accounts: number) {
    this.cells = Array.from({ length: companies }, () => Array.from({ length: periods }, () => new Float64Array(accounts * 2)));
  }

  static for(cx: RunContext): LedgerTotals {
    return new LedgerTotals(cx.companies.length, cx.periods.length, cx.chart.accounts.length);
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

  toJSON(): number[][][] {
    return this.cells.map((byPeriod) => byPeriod.map((c) => Array.from(c)));
  }

}

/** Sums stay exact only below 2^53 minor units; beyond that we refuse rather than round. */
function assertSafe(c: Float64Array): void {
  for (let i = 0; i < c.length; i++) {
    if (c[i]! > Number.MAX_SAFE_INTEGER) throw new Error("ledger totals exceed 2^53 minor units: amounts too large to stay exact");
  }
}

/** Subledger figures per company, period and kind (see SUBLEDGER_KINDS). */
export class SubledgerTotals {
  readonly data: Float64Array;
  constructor(readonly companies: number, readonly periods: number) {
    this.data = new Float64Array(companies * periods * SUBLEDGER_KINDS.length);
  }
  private at(company: number, period: number, kind: number): number {
    return (company * this.periods + period) * SUBLEDGER_KINDS.length + kind;
  }
  add(company: number, period: number, kind: number, amount: number): void {
    const i = this.at(company, period, kind);
    this.data[i] = this.data[i]! + amount;
  }
  get(company: number, period: number, kind: SubledgerKind): number {
    return this.data[this.at(company, period, KIND_INDEX[kind])]!;
  }
}

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

/** Mutable state phases share on the main thread. */
export interface RunState {
  ledger: LedgerTotals;
  sub: SubledgerTotals;
  stock: StockTotals;
}

export function emptyState(cx: RunContext): RunState {
  return { ledger: LedgerTotals.for(cx), sub: new SubledgerTotals(cx.companies.length, cx.periods.length), stock: new StockTotals(cx.periods.length) };
}

/** Adds a block's packed totals to the state (main thread, block order). */
export function foldTotals(state: RunState, t: PackedTotals): void {
  for (const c of t.cells) state.ledger.fold(c.company, c.period, c.data);
  for (let i = 0; i < t.sub.length; i += 4) state.sub.add(t.sub[i]!, t.sub[i + 1]!, t.sub[i + 2]!, t.sub[i + 3]!);
  for (let i = 0; i < t.stock.length; i += 5) state.stock.add(t.stock[i]!, t.stock[i + 1]!, t.stock[i + 2]!, t.stock[i + 3]!, t.stock[i + 4]!);
}

/** The checkpointed form of the state. */
export function stateToJSON(s: RunState): unknown {
  return {
    ledger: s.ledger.toJSON(),
    sub: Array.from(s.sub.data),
    stock: [...s.stock.byMaterial].map(([k, a]) => [k, Array.from(a)]),
  };
}

export function stateFromJSON(cx: RunContext, json: unknown): RunState {
  const j = json as { ledger: number[][][]; sub: number[]; stock: [string, number[]][] };
  const s = emptyState(cx);
  s.ledger.cells.forEach((byPeriod, ci) => byPeriod.forEach((c, pi) => c.set(j.ledger[ci]![pi]!)));
  s.sub.data.set(j.sub);
  for (const [k, a] of j.stock) s.stock.byMaterial.set(k, Float64Array.from(a));
  return s;
}

/** Adds one state into another (shard totals into the merge's state). */
export function addState(into: RunState, from: RunState): void {
  into.ledger.cells.forEach((byPeriod, ci) =>
    byPeriod.forEach((cell, pi) => {
      const other = from.ledger.cell(ci, pi);
      for (let i = 0; i < cell.length; i++) if (other[i] !== 0) cell[i] = cell[i]! + other[i]!;
    }),
  );
  for (let i = 0; i < into.sub.data.length; i++) into.sub.data[i] = into.sub.data[i]! + from.sub.data[i]!;
  for (const [key, deltas] of from.stock.byMaterial) {
    const [c, m] = key.split(":").map(Number) as [number, number];
    for (let p = 0; p < into.stock.periods; p++) into.stock.add(c, p, m, deltas[p * 2]!, deltas[p * 2 + 1]!);
  }
}
