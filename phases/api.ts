// The two shapes of phase implementation. Block phases run in workers, one fixed-size block at
// a time, and may return totals that the main thread folds in block order. Main phases run on
// the main thread with the folded state (they are small: per company or per period).
import type { PlanPhase } from "../specs/plan.ts";
import type { TableSpec } from "../specs/records/table.ts";
import type { BlockRef, RunContext } from "../ledger/context.ts";
import type { RunState } from "../ledger/state.ts";
import type { RowWriter } from "../output/writers.ts";
import type { PackedTotals } from "../ledger/totals.ts";

/** Gives a generator the writer of each table it fills. */
export interface TableOut {
  table(spec: TableSpec): RowWriter;
}

export interface BlockPhaseImpl {
  kind: "blocks";
  tables: TableSpec[];
  /**
   * Pure: same (plan, block) -> same rows and totals. Runs in a worker; the totals it returns
   * are folded into the run state on the main thread, in block order.
   */
  block(cx: RunContext, phase: PlanPhase, ref: BlockRef, out: TableOut): PackedTotals | undefined;
}

export interface MainPhaseImpl {
  kind: "main";
  tables: TableSpec[];
  run(cx: RunContext, phase: PlanPhase, state: RunState, out: TableOut): void;
}

export type PhaseImpl = BlockPhaseImpl | MainPhaseImpl;
