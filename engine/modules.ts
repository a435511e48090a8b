// The phase modules a run knows: the generated registry, or (tests, extensions) a list given to
// the run. The engine finds every phase, step, table and state slice through this, never by name.
import { PHASE_MODULES } from "../phases/registry.ts";
import { isImplemented, type PhaseModule, type StepImpl } from "../phases/api.ts";
import type { TableSpec } from "../specs/records/table.ts";
import type { Plan } from "../specs/plan.ts";
import { CORE_SLICES } from "../ledger/slices.ts";
import type { Slice } from "../ledger/state.ts";

export class Modules {
  private readonly byId: Map<string, PhaseModule>;

  constructor(readonly list: readonly PhaseModule[] = PHASE_MODULES) {
    this.byId = new Map(list.map((m) => [m.spec.id, m]));
  }

  get(id: string): PhaseModule | undefined {
    return this.byId.get(id);
  }

  /** Whether the runtime generates this phase (it is registered and declares steps). */
  implemented(id: string): boolean {
    const m = this.byId.get(id);
    return m !== undefined && isImplemented(m);
  }

  step(phase: string, step: string): StepImpl {
    const impl = this.byId.get(phase)?.steps[step];
    if (!impl) throw new Error(`internal: phase ${phase} has no implementation of step ${step}`);
    return impl;
  }

  /** Every table any phase can write, by name (the record specs sinks and the dictionary use). */
  tables(): Map<string, TableSpec> {
    const m = new Map<string, TableSpec>();
    for (const mod of this.list) for (const t of mod.spec.tables) m.set(t.name, t);
    return m;
  }

  /** The state slices of a plan's run: the core ones, then those of its running phases. */
  slices(plan: Plan): Slice[] {
    const own = plan.phases.filter((p) => p.status === "run").flatMap((p) => this.byId.get(p.id)?.slices ?? []);
    return [...CORE_SLICES, ...own];
  }
}

/** The registry's modules (what `synth run` uses). */
export const DEFAULT_MODULES = new Modules();
