// The one phase driver: the sequence of work a plan asks for, in order. Every way of running a
// plan walks this same sequence: a run on the worker pool (engine/run.ts), a shard (its slice
// of every block step), a merge (shard parts for block steps, main steps run there) and
// in-memory generation (testing/). Where it stands is its position, which checkpoints record.
import type { Plan, PlanPhase } from "../specs/plan.ts";
import type { StepSpec } from "../specs/phase.ts";
import type { Modules } from "./modules.ts";

/** A step to run: blocks [from, to) of a block step, or a main step. */
export interface Work {
  kind: "blocks" | "main";
  /** Index of this work in the run's sequence (checkpoints and shard parts are keyed by it). */
  position: number;
  phaseIndex: number;
  phase: PlanPhase;
  step: StepSpec;
  from: number;
  to: number;
  /** Units of the phase's layout this work covers (progress). */
  units: number;
}

/** A phase the sequence passes without work, and why. */
export interface PhaseMark {
  kind: "mark";
  phaseIndex: number;
  phase: PlanPhase;
  status: "skipped" | "disabled" | "not_implemented";
  reason?: string;
}

/** The last work of a phase is done. */
export interface PhaseDone {
  kind: "done";
  phaseIndex: number;
  phase: PlanPhase;
}

export type DriverEvent = Work | PhaseMark | PhaseDone;

export const NOT_IMPLEMENTED = "this runtime does not generate this phase yet";

/** The plan's work in order: each running phase's steps, phase after phase. */
export function* sequence(plan: Plan, modules: Modules): Generator<DriverEvent> {
  let position = 0;
  for (let phaseIndex = 0; phaseIndex < plan.phases.length; phaseIndex++) {
    const phase = plan.phases[phaseIndex]!;
    if (phase.status !== "run") {
      yield { kind: "mark", phaseIndex, phase, status: phase.status, reason: phase.reason };
      continue;
    }
    if (!modules.implemented(phase.id)) {
      yield { kind: "mark", phaseIndex, phase, status: "not_implemented", reason: NOT_IMPLEMENTED };
      continue;
    }
    for (const step of modules.get(phase.id)!.spec.steps) {
      const blocks = step.kind === "blocks" ? phase.layout.blocks : 0;
      yield { kind: step.kind, position: position++, phaseIndex, phase, step, from: 0, to: blocks, units: phase.layout.total };
    }
    yield { kind: "done", phaseIndex, phase };
  }
}

/** Units covered by blocks [0, blocks) of a phase (segments end in partial blocks). */
export function unitsInFirstBlocks(p: PlanPhase, blocks: number): number {
  let units = 0;
  for (const s of p.layout.segments) units += Math.min(s.units, Math.max(0, blocks - s.firstBlock) * (s.blockSize ?? p.layout.blockSize));
  return units;
}

/** Units of blocks [from, to) of a phase. */
export function unitsInBlocks(p: PlanPhase, from: number, to: number): number {
  return unitsInFirstBlocks(p, to) - unitsInFirstBlocks(p, from);
}
