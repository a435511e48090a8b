// The whole .synth language: the static blocks of specs/scenario.ts with a set of phases (the
// registry's, unless a caller brings its own: tests, extensions) and every table they write.
// The converter, the model, the checks, the phase and step order and the docs read this one
// value; a compile never reaches for the registry behind its back.
import { PHASE_SPECS } from "../phases/specs.ts";
import { scenarioDocument } from "../specs/scenario.ts";
import { PRESETS } from "../specs/presets.ts";
import { BUSINESS_PRESETS } from "../specs/business.ts";
import { STAGES, type PhaseSpec } from "../specs/phase.ts";
import type { Industry } from "../specs/industries.ts";

export class Language {
  /** The phases, in reference order (rank). */
  readonly specs: readonly PhaseSpec[];
  /** Every table some phase writes, in phase order: what `output { tables = [...] }` may name. */
  readonly knownTables: [string, ...string[]];
  /** The document schema the converter and zod walk. */
  readonly document: ReturnType<typeof scenarioDocument>;
  /** The phases by stage, then rank: the tie-break of the phase order. */
  readonly byStage: readonly PhaseSpec[];
  private readonly byId: Map<string, PhaseSpec>;

  constructor(specs: readonly PhaseSpec[]) {
    this.specs = [...specs].sort((a, b) => a.rank - b.rank);
    this.byId = new Map(this.specs.map((p) => [p.id, p]));
    this.knownTables = [...new Set(this.specs.flatMap((p) => p.tables.map((t) => t.name)))] as [string, ...string[]];
    this.document = scenarioDocument(this.specs, this.knownTables);
    this.byStage = [...this.specs].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.rank - b.rank);
  }

  spec(id: string): PhaseSpec {
    const s = this.byId.get(id);
    if (!s) throw new Error(`internal: no phase ${id} in this language`);
    return s;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** An industry's presets: the scenario-level blocks, and each phase's own under `phase`. */
  presets(industry: Industry): Record<string, unknown> {
    const phase = Object.fromEntries(this.specs.flatMap((s) => (s.presets?.[industry] ? [[s.id, s.presets[industry]]] : [])));
    return { ...PRESETS[industry], business: BUSINESS_PRESETS[industry], phase };
  }
}

/** The language of the registry's phases: what `synth` compiles. */
export const LANGUAGE = new Language(PHASE_SPECS);
