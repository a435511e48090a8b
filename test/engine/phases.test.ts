// The phase folders keep their promises: every phase in the registry has a spec that matches
// its folder, the steps a spec declares are implemented, and the tables a phase declares are
// exactly the tables its steps write (writing an undeclared table fails at run time).
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { fsHost } from "../../compiler/project.ts";
import { PHASE_MODULES } from "../../phases/registry.ts";
import { PHASE_SPECS } from "../../phases/specs.ts";
import { phaseFolders } from "../../scripts/gen-registry.ts";
import { DEFAULT_MODULES, Modules } from "../../engine/modules.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import type { Plan } from "../../specs/plan.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const ROOT = join(import.meta.dir, "..", "..");

function examplePlan(file: string, scale = 0.02): Plan {
  const r = compile(readFileSync(join(ROOT, "examples", file), "utf8"), { path: `examples/${file}`, host: fsHost(ROOT), scale });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.plan;
}

/**
 * Runs a plan in memory and records, per phase, the tables its steps wrote rows to. An overlay
 * step writes its own tables inside the blocks of the phase it overlays: a table the producer
 * does not declare is the overlay phase's; one both declare (document_references) counts for both.
 * A capability's provider's tables written from the asking phase's blocks count as the provider's.
 */
function tablesWritten(plan: Plan): Map<string, Set<string>> {
  const written = new Map<string, Set<string>>();
  const declares = (id: string, table: string) => PHASE_MODULES.find((m) => m.spec.id === id)?.spec.tables.some((t) => t.name === table) ?? false;
  const overlays = DEFAULT_MODULES.overlays(plan);
  const add = (id: string, table: string) => written.set(id, (written.get(id) ?? new Set()).add(table));
  // A capability's provider writes its own tables when the asking phase calls it: they count as the provider's.
  const lent = new Map<string, string>();
  for (const id of Object.values(plan.capabilities)) for (const t of plan.phases.find((p) => p.id === id)?.outputs ?? []) lent.set(t, id);
  generateInMemory(plan, DEFAULT_MODULES, (w, c) => {
    const on = overlays.filter((o) => o.phase.id !== w.phase.id && [...o.tables].some((t) => declares(w.phase.id, t)) && declares(o.phase.id, c.table)).map((o) => o.phase.id);
    const fallback = lent.get(c.table) ?? w.phase.id;
    for (const id of declares(w.phase.id, c.table) ? [w.phase.id, ...on] : on.length ? on : [fallback]) add(id, c.table);
  });
  return written;
}

describe("phase folders", () => {
  test("every folder under phases/ is one registered phase, with a unique id and rank", () => {
    expect(PHASE_SPECS.map((s) => s.id).sort()).toEqual(phaseFolders());
    expect(PHASE_MODULES.map((m) => m.spec.id).sort()).toEqual(phaseFolders());
    expect(new Set(PHASE_SPECS.map((s) => s.rank)).size).toBe(PHASE_SPECS.length);
  });

  test("every declared step is implemented with the declared kind, and nothing else is", () => {
    for (const m of PHASE_MODULES) {
      expect(Object.keys(m.steps).sort()).toEqual(m.spec.steps.map((s) => s.name).sort());
      for (const s of m.spec.steps) expect(m.steps[s.name]!.kind).toBe(s.kind);
    }
  });

  test("needs and orderings name registered phases", () => {
    const ids = new Set(PHASE_SPECS.map((s) => s.id));
    for (const s of PHASE_SPECS) for (const n of [...s.needs, ...(s.after ?? [])]) expect(ids.has(n)).toBe(true);
  });

  test("each running phase writes exactly the tables its spec declares", () => {
    const written = new Map<string, Set<string>>();
    // At a tenth of its volume the all-phases example has enough documents for its anomaly rates to round to some.
    for (const [file, scale] of [["all-phases.synth", 0.1], ["manufacturing-group.synth", 0.02]] as const) {
      for (const [phase, tables] of tablesWritten(examplePlan(file, scale))) for (const t of tables) written.set(phase, (written.get(phase) ?? new Set()).add(t));
    }
    for (const m of PHASE_MODULES.filter((x) => x.spec.steps.length > 0)) {
      expect({ phase: m.spec.id, tables: [...(written.get(m.spec.id) ?? [])].sort() }).toEqual({ phase: m.spec.id, tables: m.spec.tables.map((t) => t.name).sort() });
    }
  });

  test("a step that writes a table its phase does not declare fails the run", () => {
    const plan = examplePlan("quickstart.synth", 0.01);
    const init = PHASE_MODULES.find((m) => m.spec.id === "initialize")!;
    const rogue = { ...init, spec: { ...init.spec, tables: init.spec.tables.filter((t) => t.name !== "fx_rates") } };
    const modules = new Modules(PHASE_MODULES.map((m) => (m === init ? rogue : m)));
    const plan2 = { ...plan, phases: plan.phases.map((p) => (p.id === "initialize" ? { ...p, outputs: p.outputs.filter((t) => t !== "fx_rates") } : p)) };
    expect(() => generateInMemory(plan2, modules)).toThrow(/writes fx_rates, which its spec does not declare/);
  });
});
