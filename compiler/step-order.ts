// The step schedule: in which order the steps of the running phases run. Stages come in their
// order (setup, then in every period posting, close, reporting, then final); within a stage, a
// step runs after the steps of phases it follows (needs, after) and after the steps that post
// what it reads (data flow). Ties keep the phase order, then the order a spec declares its
// steps, so the schedule is stable. A cycle is reported at the phase that closes it.
import { STAGES, type StepSpec } from "../specs/phase.ts";
import type { PlanStep } from "../specs/plan.ts";
import { fileSpan, type DiagnosticBag } from "../core/diagnostics.ts";
import type { Model } from "./model.ts";
import { phaseSpan, type PhaseDecision } from "./phase-order.ts";


interface Node {
  phase: string;
  phaseIndex: number;
  step: StepSpec;
}

export function scheduleSteps(m: Model, phases: PhaseDecision[], diags: DiagnosticBag): PlanStep[] | undefined {
  const running = phases.filter((d) => d.status === "run");
  const nodes: Node[] = running.flatMap((d, phaseIndex) => m.language.spec(d.id).steps.map((step) => ({ phase: d.id, phaseIndex, step })));
  const schedule: PlanStep[] = [];
  for (const stage of STAGES) {
    const ordered = orderStage(nodes.filter((n) => n.step.stage === stage), running, m, diags);
    if (!ordered) return undefined;
    schedule.push(...ordered.map((n) => ({ phase: n.phase, step: n.step.name, stage, kind: n.step.kind })));
  }
  return schedule;
}

/** Kahn's algorithm over the stage's steps; the first ready node in (phase, declaration) order wins. */
function orderStage(nodes: Node[], phases: PhaseDecision[], m: Model, diags: DiagnosticBag): Node[] | undefined {
  const before = new Map(nodes.map((n) => [n, nodes.filter((o) => o !== n && mustPrecede(m, o, n, phases))]));
  const out: Node[] = [];
  const placed = new Set<Node>();
  while (out.length < nodes.length) {
    const next = nodes.find((n) => !placed.has(n) && before.get(n)!.every((o) => placed.has(o)));
    if (!next) return reportStepCycle(nodes.filter((n) => !placed.has(n)), m, diags);
    out.push(next);
    placed.add(next);
  }
  return out;
}

/** a before b: b's phase follows a's (transitively, by the phase order's edges), or a posts what b reads. */
function mustPrecede(m: Model, a: Node, b: Node, phases: PhaseDecision[]): boolean {
  const feeds = (b.step.reads ?? []).some((r) => (a.step.posts ?? []).includes(r));
  if (a.phase === b.phase) return declared(m, a) < declared(m, b) && feeds;
  if (follows(m, b.phase, a.phase, phases)) return true;
  return feeds && !follows(m, a.phase, b.phase, phases);
}

function declared(m: Model, n: Node): number {
  return m.language.spec(n.phase).steps.indexOf(n.step);
}

/** Whether phase `later` depends on `earlier` through needs or after edges (of running phases). */
function follows(m: Model, later: string, earlier: string, phases: PhaseDecision[]): boolean {
  const direct = (id: string) => [...m.language.spec(id).needs, ...(phases.find((d) => d.id === id)?.after ?? [])];
  const seen = new Set<string>();
  const stack = [later];
  while (stack.length) {
    const id = stack.pop()!;
    for (const d of direct(id)) {
      if (d === earlier) return true;
      if (!seen.has(d) && m.language.has(d)) seen.add(d), stack.push(d);
    }
  }
  return false;
}

function reportStepCycle(left: Node[], m: Model, diags: DiagnosticBag): undefined {
  const names = left.map((n) => `${n.phase}.${n.step.name}`);
  const span = left.map((n) => phaseSpan(m, n.phase)).find((s) => s) ?? fileSpan(m.rootFile);
  diags.report("SYN3005", `step dependency cycle in the ${left[0]!.step.stage} stage: ${names.join(", ")} each wait for another`, span, "the steps read what the others post; change one phase's `after`");
  return undefined;
}
