// The library API: .synth text -> plan + diagnostics. Stages collect diagnostics; nothing here
// prints or exits. A plan is returned only when there are no errors.
import { DiagnosticBag, sortDiagnostics, type Diagnostic } from "../core/diagnostics.ts";
import { loadSources, type SourceHost } from "./loader.ts";
import { Constants } from "./constants.ts";
import { convertFiles } from "./convert.ts";
import { resolveModel } from "./model.ts";
import { checkOutputTables, runChecks } from "./checks.ts";
import { buildPlan } from "./plan-builder.ts";
import { decidePhases } from "./phase-order.ts";
import { scheduleSteps } from "./step-order.ts";
import { LANGUAGE, type Language } from "./language.ts";
import { scaleModel } from "./scale.ts";
import type { Plan } from "../specs/plan.ts";

export interface CompileOptions {
  /** Project-relative path of the source (used in spans and the plan); default "main.synth". */
  path?: string;
  /** Reads imported files (project-relative paths). Default: imports cannot be resolved. */
  host?: SourceHost;
  /** Multiplies every volume and count (a preview or CI run at a fraction of the size); default 1. */
  scale?: number;
  /** The phases the language knows (default: the registry's). */
  language?: Language;
}

export interface CompileResult {
  /** Present when there are no errors. */
  plan?: Plan;
  /** Sorted by file and position. */
  diagnostics: Diagnostic[];
  /** Texts of every source read (root and imports), by project-relative path: for rendering. */
  sources: Map<string, string>;
}

export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const path = options.path ?? "main.synth";
  const host = options.host ?? { readFile: () => undefined };
  const diags = new DiagnosticBag();
  const loaded = loadSources(path, source, host, diags);
  const consts = new Constants(loaded.files, diags);
  const language = options.language ?? LANGUAGE;
  const converted = convertFiles(loaded.files, consts, diags, language);
  consts.reportUnused(diags);
  const model = resolveModel(converted, diags, language, path);
  let plan: Plan | undefined;
  if (model) {
    scaleModel(model, options.scale ?? 1);
    model.volumeScale = options.scale ?? 1;
    runChecks(model, diags);
    const phases = decidePhases(model, diags);
    if (phases) checkOutputTables(model, phases, diags);
    const schedule = phases && scheduleSteps(model, phases, diags);
    if (phases && schedule && !diags.hasErrors) plan = buildPlan(model, phases, schedule, loaded.sources, diags);
  }
  if (diags.hasErrors) plan = undefined;
  return { plan, diagnostics: sortDiagnostics(diags.items), sources: loaded.texts };
}
