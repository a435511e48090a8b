// The plan's phase DAG as text: Mermaid (renders in GitHub and docs) or Graphviz DOT.
// Nodes are phases, styled by status; `needs` edges are solid, `after` edges dashed.
import type { PlanPhase } from "../specs/plan.ts";

/** The part of a plan the graph needs, so tests and tools can pass a small object. */
export interface GraphPlan {
  scenario?: { name: string };
  phases: readonly Pick<PlanPhase, "id" | "title" | "status" | "reason" | "needs" | "after">[];
}

type Status = PlanPhase["status"];

interface Edge {
  from: string;
  to: string;
  kind: "needs" | "after";
}

const STYLE: Record<Status, { fill: string; stroke: string; text: string; dashed: boolean }> = {
  run: { fill: "#d8f0dc", stroke: "#2e7d32", text: "#1b4d1f", dashed: false },
  // Enabled, but nothing is generated for it yet: drawn hollow, so it never looks like it ran.
  planned: { fill: "#ffffff", stroke: "#5c6bc0", text: "#3949ab", dashed: true },
  skipped: { fill: "#fff3cd", stroke: "#b7791f", text: "#6b4a00", dashed: true },
  disabled: { fill: "#eeeeee", stroke: "#9e9e9e", text: "#757575", dashed: true },
};

/** Edges in phase order; an `after` that repeats a `need` adds nothing, unknown ids are dropped. */
export function phaseEdges(plan: GraphPlan): Edge[] {
  const ids = new Set(plan.phases.map((p) => p.id));
  const edges: Edge[] = [];
  for (const p of plan.phases) {
    for (const n of p.needs) if (ids.has(n)) edges.push({ from: n, to: p.id, kind: "needs" });
    for (const a of p.after) if (ids.has(a) && !p.needs.includes(a)) edges.push({ from: a, to: p.id, kind: "after" });
  }
  return edges;
}

/** Title, plus the status line a reader needs: why a phase is skipped, or that it is off. */
function labelLines(p: GraphPlan["phases"][number]): string[] {
  if (p.status === "skipped") return [p.title, `skipped: ${p.reason ?? "a need is not running"}`];
  if (p.status === "disabled") return [p.title, "disabled"];
  if (p.status === "planned") return [p.title, "planned: not generated yet"];
  return [p.title];
}

export function toMermaid(plan: GraphPlan): string {
  const lines = ["flowchart TD"];
  if (plan.scenario) lines.push(`  %% scenario: ${plan.scenario.name.replace(/\s+/g, " ")}`);
  for (const p of plan.phases) lines.push(`  ${p.id}["${labelLines(p).map(mermaidText).join("<br/>")}"]`);
  for (const e of phaseEdges(plan)) lines.push(`  ${e.from} ${e.kind === "needs" ? "-->" : "-.->"} ${e.to}`);
  for (const status of ["run", "planned", "skipped", "disabled"] as const) {
    const s = STYLE[status];
    const dash = s.dashed ? ",stroke-dasharray:5 5" : "";
    lines.push(`  classDef ${status} fill:${s.fill},stroke:${s.stroke},color:${s.text}${dash}`);
    const members = plan.phases.filter((p) => p.status === status).map((p) => p.id);
    if (members.length > 0) lines.push(`  class ${members.join(",")} ${status}`);
  }
  return lines.join("\n") + "\n";
}

/** Mermaid label text: quotes and angle brackets as entity codes, so no label breaks the syntax. */
function mermaidText(s: string): string {
  return s.replace(/[\r\n]+/g, " ").replaceAll("#", "#35;").replaceAll('"', "#quot;").replaceAll("<", "#lt;").replaceAll(">", "#gt;");
}

export function toDot(plan: GraphPlan): string {
  const lines = [`digraph ${dotId(plan.scenario?.name ?? "synth")} {`];
  lines.push("  rankdir=TB;", '  node [shape=box, style="rounded,filled", fontname="Helvetica"];');
  for (const p of plan.phases) {
    const s = STYLE[p.status];
    const style = s.dashed ? "rounded,filled,dashed" : "rounded,filled";
    const label = labelLines(p).map(dotText).join("\\n");
    lines.push(`  ${dotId(p.id)} [label="${label}", style="${style}", fillcolor="${s.fill}", color="${s.stroke}", fontcolor="${s.text}"];`);
  }
  for (const e of phaseEdges(plan)) {
    lines.push(`  ${dotId(e.from)} -> ${dotId(e.to)}${e.kind === "after" ? " [style=dashed]" : ""};`);
  }
  return lines.concat("}").join("\n") + "\n";
}

const DOT_KEYWORDS = new Set(["node", "edge", "graph", "digraph", "subgraph", "strict"]);

/** A DOT id: bare when it is a plain identifier (not a keyword), otherwise quoted. */
function dotId(s: string): string {
  const bare = /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !DOT_KEYWORDS.has(s.toLowerCase());
  return bare ? s : `"${dotText(s)}"`;
}

function dotText(s: string): string {
  return s.replace(/[\r\n]+/g, " ").replaceAll("\\", "\\\\").replaceAll('"', '\\"');
}
