// The phase's own slice of the run state: counts per company, period and kind that the overlay
// collects inside the blocks (quotes by outcome, first deliveries, hires and leavers, inspected and defective units) and the
// KPIs read after the last period. It is a subledger-shaped store under its own name.
import { SUBLEDGER, SubledgerTotals, type SubledgerDelta } from "../../ledger/slices.ts";
import type { Deltas, Slice } from "../../ledger/state.ts";

export const COUNTS: Slice<SubledgerTotals, SubledgerDelta> = { ...SUBLEDGER, name: "sales_kpis" };

/** Kinds of the counts slice. */
export const K = {
  /** Quotes issued in the period (by quote date), by outcome as of the scenario end. */
  quote: (status: string) => `q_${status}`,
  /** Orders whose first delivery falls in the period, and of them those delivered complete. */
  firstDeliveries: "fill_orders",
  completeDeliveries: "fill_complete",
  /** Employed at the scenario start (period 0), hired and left in the period. */
  employedAtStart: "hc_start",
  hired: "hc_hired",
  left: "hc_left",
  /** Units inspected (sample sizes) and defective units found in the period. */
  inspected: "qi_units",
  defective: "qi_defects",
} as const;

/** Counts a block adds; pack() puts them into its deltas under the slice's name. */
class Collector {
  readonly kinds = new Map<string, number>();
  readonly values: number[] = [];
}

const collectors = new WeakMap<Deltas, Collector>();

export function count(deltas: Deltas, company: number, period: number, kind: string, n = 1): void {
  let c = collectors.get(deltas);
  if (!c) collectors.set(deltas, (c = new Collector()));
  let k = c.kinds.get(kind);
  if (k === undefined) c.kinds.set(kind, (k = c.kinds.size));
  c.values.push(company, period, k, n);
}

/** Writes the block's counts so far into its deltas (after each table the overlay saw). */
export function pack(deltas: Deltas): void {
  const c = collectors.get(deltas);
  if (c) deltas[COUNTS.name] = { kinds: [...c.kinds.keys()], values: Float64Array.from(c.values) } satisfies SubledgerDelta;
}
