// The whole .synth language: the static blocks of specs/scenario.ts with every registered
// phase's parameters and every table a phase writes. Built once; the converter, the model, the
// docs and the test arbitraries walk this one schema.
import { PHASE_SPECS } from "../phases/specs.ts";
import { scenarioDocument } from "../specs/scenario.ts";
import { PRESETS } from "../specs/presets.ts";
import type { Industry } from "../specs/industries.ts";

/** Every table some phase writes, in phase order: what `output { tables = [...] }` may name. */
export const KNOWN_TABLES = [...new Set(PHASE_SPECS.flatMap((p) => p.tables.map((t) => t.name)))] as [string, ...string[]];

export const LANGUAGE = scenarioDocument(PHASE_SPECS, KNOWN_TABLES);

export { PHASE_SPECS };

/** An industry's presets: the scenario-level blocks, and each phase's own under `phase`. */
export function industryPresets(industry: Industry): Record<string, unknown> {
  const phase = Object.fromEntries(PHASE_SPECS.flatMap((s) => (s.presets?.[industry] ? [[s.id, s.presets[industry]]] : [])));
  return { ...PRESETS[industry], phase };
}
