// The runtime contract of a phase folder: its spec and the implementation of each step it
// declares. Block steps run in workers, one fixed-size block at a time, and return deltas that
// the main thread folds into the run state in block order; main steps run on the main thread
// with that state (they are small: per company or per period).
import type { PhaseSpec } from "../specs/phase.ts";
import type { PlanPhase } from "../specs/plan.ts";
import type { TableOut } from "../specs/records/table.ts";
import type { BlockRef, RunContext } from "../ledger/context.ts";
import type { Deltas, RunState, Slice } from "../ledger/state.ts";

export interface BlockStep {
  kind: "blocks";
  /**
   * Pure: same (plan, block) -> same rows and totals. Runs in a worker; the totals it returns
   * are folded into the run state on the main thread, in block order.
   */
  block(cx: RunContext, phase: PlanPhase, ref: BlockRef, out: TableOut): Deltas | undefined;
}

export interface MainStep {
  kind: "main";
  run(cx: RunContext, phase: PlanPhase, state: RunState, out: TableOut): void;
}

export type StepImpl = BlockStep | MainStep;

export interface PhaseModule {
  spec: PhaseSpec;
  /** The implementation of each step the spec declares, by name. */
  steps: Readonly<Record<string, StepImpl>>;
  /** State slices the phase keeps besides the core ones (ledger, subledger, stock). */
  slices?: readonly Slice[];
  /** Figures for run-report.json under the phase's id. */
  report?(cx: RunContext): Record<string, unknown>;
}

/** Whether the runtime generates a phase: it declares steps. */
export const isImplemented = (m: { spec: PhaseSpec }) => m.spec.steps.length > 0;
