// Phase DAG: which phases run, are skipped (a need is not running) or disabled, and in what
// order (topological; ties broken by stage, then the reference order, so the order is stable).
import { fileSpan, type DiagnosticBag, type Span } from "../core/diagnostics.ts";
import type { Model } from "./model.ts";

export interface PhaseDecision {
  id: string;
  status: "run" | "skipped" | "disabled";
  reason?: string;
  after: string[];
}

export function decidePhases(m: Model, diags: DiagnosticBag): PhaseDecision[] | undefined {
  const enabled = new Map<string, boolean>(m.language.specs.map((p) => [p.id, isEnabled(m, p.id)]));
  const after = new Map<string, string[]>(m.language.specs.map((p) => [p.id, afterOf(m, p.id)]));
  reportIdleOrderings(m, enabled, diags);
  const order = topoOrder(after, enabled, m, diags);
  if (!order) return undefined;
  const status = new Map<string, PhaseDecision>();
  for (const id of order) status.set(id, decide(id, enabled, status, after.get(id)!, m, diags));
  return order.map((id) => status.get(id)!);
}

function isEnabled(m: Model, id: string): boolean {
  if (!m.explicitPhases.has(id)) return m.language.spec(id).defaultEnabled ?? false;
  return (m.params[id]!.enabled as boolean | undefined) ?? true;
}

function afterOf(m: Model, id: string): string[] {
  const user = m.explicitPhases.has(id) ? ((m.params[id]!.after as string[] | undefined) ?? []) : [];
  return [...new Set([...(m.language.spec(id).after ?? []), ...user])].sort();
}

/** `after = [x]` where x is disabled: allowed, but it orders nothing (SYN3017). */
function reportIdleOrderings(m: Model, enabled: Map<string, boolean>, diags: DiagnosticBag): void {
  for (const id of m.explicitPhases) {
    if (!enabled.get(id)) continue;
    for (const other of new Set((m.params[id]!.after as string[] | undefined) ?? [])) {
      if (enabled.get(other)) continue;
      const span = m.spans.get(["phase", id, "after"]) ?? phaseSpan(m, id) ?? fileSpan(m.rootFile);
      const hint = `enable it with phase ${other} { }, or remove it from after`;
      diags.report("SYN3017", `phase ${id} runs after ${other}, which is disabled: the ordering has no effect`, span, hint);
    }
  }
}

function decide(
  id: string,
  enabled: Map<string, boolean>,
  done: Map<string, PhaseDecision>,
  after: string[],
  m: Model,
  diags: DiagnosticBag,
): PhaseDecision {
  if (!enabled.get(id)) return { id, status: "disabled", after };
  const blocked = m.language.spec(id).needs.find((n) => done.get(n)?.status !== "run");
  if (!blocked) return { id, status: "run", after };
  const why = done.get(blocked)?.status === "skipped" ? "skipped" : "disabled";
  const reason = `needs ${blocked}, which is ${why}`;
  const span = phaseSpan(m, id) ?? phaseSpan(m, blocked) ?? fileSpan(m.rootFile);
  diags.report("SYN3006", `phase ${id} is skipped: it ${reason}`, span, `enable ${blocked}, or disable ${id}`);
  return { id, status: "skipped", reason, after };
}

export function phaseSpan(m: Model, id: string): Span | undefined {
  return m.spans.get(["phase", id]);
}

/** Kahn's algorithm over needs + after edges (after only towards enabled phases). */
function topoOrder(after: Map<string, string[]>, enabled: Map<string, boolean>, m: Model, diags: DiagnosticBag): string[] | undefined {
  const preds = new Map<string, Set<string>>();
  for (const p of m.language.specs) {
    const soft = after.get(p.id)!.filter((a) => enabled.get(a));
    preds.set(p.id, new Set([...p.needs, ...soft]));
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < m.language.specs.length) {
    const next = m.language.byStage.find((p) => !placed.has(p.id) && [...preds.get(p.id)!].every((q) => placed.has(q)));
    if (!next) return reportCycle(preds, placed, m, diags);
    order.push(next.id);
    placed.add(next.id);
  }
  return order;
}

function reportCycle(preds: Map<string, Set<string>>, placed: Set<string>, m: Model, diags: DiagnosticBag): undefined {
  const cycle = findCycle(m, preds, placed);
  const culprit = cycle.find((id) => m.spans.get(["phase", id, "after"])) ?? cycle[0]!;
  const span = m.spans.get(["phase", culprit, "after"]) ?? phaseSpan(m, culprit) ?? fileSpan(m.rootFile);
  diags.report("SYN3005", `phase dependency cycle: ${[...cycle, cycle[0]].join(" -> ")}`, span, `remove one of the "after" orderings`);
  return undefined;
}

/** Walks predecessors among unplaced phases until one repeats. */
function findCycle(m: Model, preds: Map<string, Set<string>>, placed: Set<string>): string[] {
  let cur = m.language.specs.find((p) => !placed.has(p.id))!.id;
  const path: string[] = [];
  while (!path.includes(cur)) {
    path.push(cur);
    cur = [...preds.get(cur)!].find((q) => !placed.has(q))!;
  }
  // path runs against the edges (from a phase to what must come first); show it forwards.
  return path.slice(path.indexOf(cur)).reverse();
}
