// The one phase driver: the sequence of work a plan asks for, in order. Every way of running a
// plan walks this same sequence: a run on the worker pool (engine/run.ts), a shard (its slice
// of every block step), a merge (shard parts for block steps, main steps run there) and
// in-memory generation (testing/). Where a run stands is its position, which checkpoints record.
//
// The sequence steps through periods: the setup steps once, then for every period in order its
// posting steps (block-parallel), close steps and reporting steps, then the final steps once.
// A step of period p reads the run state as the steps before it left it: the closed figures of
// earlier periods, never of later ones.
import type { Plan, PlanPhase, PlanStep } from "../specs/plan.ts";
import type { Segment } from "../specs/layout.ts";
import type { Modules } from "./modules.ts";

/** A step to run: blocks [from, to) of a block step, or a main step (for one period, or once). */
export interface Work {
  kind: "blocks" | "main";
  /** Index of this work in the run's sequence (checkpoints and shard parts are keyed by it). */
  position: number;
  phaseIndex: number;
  phase: PlanPhase;
  step: PlanStep;
  /** The period of a posting, close or reporting step; undefined for setup and final steps. */
  period?: number;
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
  status: "skipped" | "disabled" | "planned";
  reason?: string;
}

/** The last work of a phase is done; `next` is the position after it. */
export interface PhaseDone {
  kind: "done";
  phaseIndex: number;
  phase: PlanPhase;
  next: number;
}

export type DriverEvent = Work | PhaseMark | PhaseDone;


const PERIOD_STAGES = ["posting", "close", "reporting"] as const;

/** Every work of the plan in run order, without the marks: setup, then period by period, then final. */
export function works(plan: Plan): Work[] {
  const index = new Map(plan.phases.map((p, i) => [p.id, i]));
  const out: Work[] = [];
  const add = (step: PlanStep, period?: number) => {
    const phaseIndex = index.get(step.phase)!;
    const phase = plan.phases[phaseIndex]!;
    const range = step.kind === "blocks" ? blockRange(phase, period) : { from: 0, to: 0 };
    // A phase's units are its blocks' when it has any: its main steps (replenishment, treasury, ...) add none.
    const counted = step.kind === "blocks" || !plan.schedule.some((x) => x.phase === step.phase && x.kind === "blocks");
    const units = !counted ? 0 : period === undefined ? phase.layout.total : unitsOfPeriod(phase, period);
    out.push({ kind: step.kind as Work["kind"], position: out.length, phaseIndex, phase, step, period, ...range, units });
  };
  // Overlay steps have no work of their own: they run inside the steps that produce their tables.
  const steps = (stage: string) => plan.schedule.filter((x) => x.stage === stage && x.kind !== "overlay");
  for (const s of steps("setup")) add(s);
  for (let p = 0; p < plan.scenario.months; p++) for (const stage of PERIOD_STAGES) for (const s of steps(stage)) add(s, p);
  for (const s of steps("final")) add(s);
  return out;
}

/** The plan's events in order: phases passed without work, then every work, each phase's end after its last work. */
export function* sequence(plan: Plan, modules: Modules): Generator<DriverEvent> {
  for (const [phaseIndex, phase] of plan.phases.entries()) {
    if (phase.status !== "run") yield { kind: "mark", phaseIndex, phase, status: phase.status, reason: phase.reason };
  }
  const all = works(plan);
  const last = new Map(all.map((w) => [w.phase.id, w.position]));
  for (const w of all) {
    yield w;
    if (last.get(w.phase.id) === w.position) yield { kind: "done", phaseIndex: w.phaseIndex, phase: w.phase, next: w.position + 1 };
  }
}

/** The blocks of a phase's segments in a period (all of them for setup and final steps). */
export function blockRange(phase: PlanPhase, period?: number): { from: number; to: number } {
  if (period === undefined) return { from: 0, to: phase.layout.blocks };
  const segs = phase.layout.segments.filter((s) => s.period === period);
  if (segs.length === 0) return { from: 0, to: 0 };
  return { from: segs[0]!.firstBlock, to: segs.at(-1)!.firstBlock + segs.at(-1)!.blocks };
}

function unitsOfPeriod(phase: PlanPhase, period: number): number {
  return phase.layout.segments.reduce((s: number, seg: Segment) => s + (seg.period === period ? seg.units : 0), 0);
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
