// The runtime contract of a phase folder: its spec and the implementation of each step it
// declares. Block steps run in workers, one fixed-size block at a time, and return deltas that
// the main thread folds into the run state in block order; main steps run on the main thread
// with that state (they are small: per company or per period).
import type { PhaseSpec } from "../specs/phase.ts";
import type { PlanPhase } from "../specs/plan.ts";
import type { TableOut, TableSpec } from "../specs/records/table.ts";
import type { Rng } from "../core/rng.ts";
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
  /** Runs once (setup, final) or for one period (posting, close, reporting), in period order. */
  run(cx: RunContext, phase: PlanPhase, state: RunState, out: TableOut, period: number | undefined): void;
}

/**
 * An overlay step: transforms the rows of tables other phases produce, inside the producing
 * block (or main step), with its own random stream: memory stays flat, workers still scale,
 * and the output is the same for any worker count. It may write its own tables (labels).
 */
export interface OverlayStep {
  kind: "overlay";
  transform(cx: RunContext, at: OverlayContext): void;
}

export interface OverlayContext {
  /** The phase whose step produced the rows, and its block (undefined for a main step). */
  phase: PlanPhase;
  block: number | undefined;
  period: number | undefined;
  table: TableSpec;
  /** The rows, as logical records in output order: change values, insert or remove rows. */
  rows: Record<string, unknown>[];
  /** This overlay's own stream for this block: (seed, overlay phase, producing phase, block, table). */
  rng: Rng;
  /** Writers of the overlay phase's own tables. */
  out: TableOut;
  /**
   * The producing block's (or main step's) state deltas: an overlay that changes postings keeps
   * them equal to its rows; a main step's are folded into the run state after the step.
   */
  deltas: Deltas | undefined;
}

export type StepImpl = BlockStep | MainStep | OverlayStep;

export interface PhaseModule {
  spec: PhaseSpec;
  /** The implementation of each step the spec declares, by name. */
  steps: Readonly<Record<string, StepImpl>>;
  /** State slices the phase keeps besides the core ones (ledger, subledger, stock). */
  slices?: readonly Slice[];
  /**
   * Implementations of the capabilities the phase takes over (by capability name), for the
   * default provider's generators to use through `cx.capability(name)`.
   */
  implements?: Readonly<Record<string, unknown>>;
  /** Figures for run-report.json under the phase's id, from the final run state (undefined in a shard). */
  report?(cx: RunContext, state: RunState | undefined): Record<string, unknown>;
}

/** Whether the runtime generates a phase: it declares steps. */
export const isImplemented = (m: { spec: PhaseSpec }) => m.spec.steps.length > 0;
