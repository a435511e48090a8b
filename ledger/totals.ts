// What a block adds to the run's folded state, in a transferable form: ledger cells per
// (company, period) it touched, subledger amounts per (company, period, kind), and stock per
// (company, period, material). Document chains span periods (and companies, when
// intercompany), so a block may touch many cells.
import type { RunContext } from "./context.ts";

/** Subledger figures folded per company and period (company currency, minor units). */
export const SUBLEDGER_KINDS = [
  "ap",
  "ar",
  "gr_ir",
  "ap_current",
  "ap_1_30",
  "ap_31_60",
  "ap_61_90",
  "ap_over_90",
  "ar_current",
  "ar_1_30",
  "ar_31_60",
  "ar_61_90",
  "ar_over_90",
  "ic_receivable",
  "ic_payable",
] as const;
export type SubledgerKind = (typeof SUBLEDGER_KINDS)[number];
export const KIND_INDEX = Object.fromEntries(SUBLEDGER_KINDS.map((k, i) => [k, i])) as Record<SubledgerKind, number>;

export interface PackedTotals {
  /** Flat (company, period, then accounts * 2 values) per touched cell. */
  cells: { company: number; period: number; data: Float64Array }[];
  /** Flat quadruples: company, period, kind index, amount. */
  sub: Float64Array;
  /** Flat quintuples: company, period (movement period), material index, quantity, value. */
  stock: Float64Array;
}

export class BlockTotals {
  private readonly cells = new Map<number, Float64Array>();
  private readonly sub: number[] = [];
  private readonly stock: number[] = [];
  private readonly periods: number;
  private readonly width: number;

  constructor(cx: RunContext) {
    this.periods = cx.periods.length;
    this.width = cx.chart.accounts.length * 2;
  }

  /** The dense debit/credit cell of a company and period (debit at 2i, credit at 2i+1). */
  cell(company: number, period: number): Float64Array {
    const key = company * this.periods + period;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = new Float64Array(this.width)));
    return c;
  }

  subledger(company: number, period: number, kind: SubledgerKind, amount: number): void {
    if (amount !== 0) this.sub.push(company, period, KIND_INDEX[kind], amount);
  }

  movement(company: number, period: number, material: number, quantity: number, value: number): void {
    this.stock.push(company, period, material, quantity, value);
  }

  pack(): PackedTotals {
    const cells = [...this.cells].sort(([a], [b]) => a - b).map(([key, data]) => ({ company: Math.floor(key / this.periods), period: key % this.periods, data }));
    return { cells, sub: Float64Array.from(this.sub), stock: Float64Array.from(this.stock) };
  }
}

export function transferables(t: PackedTotals): ArrayBuffer[] {
  return [...t.cells.map((c) => c.data.buffer as ArrayBuffer), t.sub.buffer as ArrayBuffer, t.stock.buffer as ArrayBuffer];
}
