// The phase modules a run knows: the generated registry, or (tests, extensions) a list given to
// the run. The engine finds every phase, step, table and state slice through this, never by name.
import { PHASE_MODULES } from "../phases/registry.ts";
import { isImplemented, type OverlayStep, type PhaseModule, type StepImpl } from "../phases/api.ts";
import type { TableSpec } from "../specs/records/table.ts";
import type { Plan, PlanPhase } from "../specs/plan.ts";
import { CORE_SLICES } from "../ledger/slices.ts";
import type { Slice } from "../ledger/state.ts";

/** An overlay step of a running phase, and the tables it transforms. */
export interface ActiveOverlay {
  phase: PlanPhase;
  step: OverlayStep;
  tables: ReadonlySet<string>;
}

export class Modules {
  private readonly byId: Map<string, PhaseModule>;

  constructor(
    readonly list: readonly PhaseModule[] = PHASE_MODULES,
    /** Module files beyond the registry (each exports its PhaseModule as default): workers load them too. */
    readonly extensions: readonly string[] = [],
  ) {
    this.byId = new Map(list.map((m) => [m.spec.id, m]));
  }

  /** The registry's modules plus phase modules from files (URLs or paths), each exporting its module as default. */
  static async withExtensions(files: readonly string[]): Promise<Modules> {
    if (files.length === 0) return DEFAULT_MODULES;
    const loaded = await Promise.all(files.map(async (f) => (await import(f)).default as PhaseModule));
    return new Modules([...PHASE_MODULES, ...loaded], files);
  }

  /** Whether workers can rebuild these modules (the registry, or the registry plus extension files). */
  get portable(): boolean {
    return this.list.length === PHASE_MODULES.length + this.extensions.length;
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

  /** The overlay steps of a plan's running phases, in phase order, with the tables each transforms. */
  overlays(plan: Plan): ActiveOverlay[] {
    let list = this.overlayCache.get(plan);
    if (list) return list;
    list = plan.phases.filter((p) => p.status === "run").flatMap((phase) => {
      const m = this.byId.get(phase.id);
      return (m?.spec.steps ?? []).filter((s) => s.kind === "overlay").map((s) => ({ phase, step: m!.steps[s.name] as OverlayStep, tables: new Set(s.posts ?? []) }));
    });
    this.overlayCache.set(plan, list);
    return list;
  }

  private readonly overlayCache = new WeakMap<Plan, ActiveOverlay[]>();

  /** The implementation of each capability of the plan whose provider lends one (ledger/capabilities.ts). */
  implementations(plan: Plan): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const [capability, phase] of Object.entries(plan.capabilities)) {
      const impl = this.byId.get(phase)?.implements?.[capability];
      if (impl !== undefined) out.set(capability, impl);
    }
    return out;
  }

  /** The state slices of a plan's run: the core ones, then those of its running phases. */
  slices(plan: Plan): Slice[] {
    const own = plan.phases.filter((p) => p.status === "run").flatMap((p) => this.byId.get(p.id)?.slices ?? []);
    return [...CORE_SLICES, ...own];
  }
}

/** The registry's modules (what `synth run` uses). */
export const DEFAULT_MODULES = new Modules();
