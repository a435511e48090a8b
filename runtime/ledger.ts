// The run's folded state: debits and credits per company, period and account, in integer minor
// units. Blocks return their own totals; the main thread folds them in block order. It is small
// (companies x periods x accounts) whatever the volume.
import type { RunContext } from "./context.ts";

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

  static fromJSON(data: number[][][], accounts: number): LedgerTotals {
    const t = new LedgerTotals(data.length, data[0]?.length ?? 0, accounts);
    data.forEach((byPeriod, ci) => byPeriod.forEach((cell, pi) => t.cells[ci]![pi]!.set(cell)));
    return t;
  }
}

/** Sums stay exact only below 2^53 minor units; beyond that we refuse rather than round. */
function assertSafe(c: Float64Array): void {
  for (let i = 0; i < c.length; i++) {
    if (c[i]! > Number.MAX_SAFE_INTEGER) throw new Error("ledger totals exceed 2^53 minor units: amounts too large to stay exact");
  }
}

/** Mutable state phases share on the main thread. */
export interface RunState {
  ledger: LedgerTotals;
}
