// Plan files on disk: canonical JSON or YAML (chosen by extension), parsed and validated.
import { extname } from "node:path";
import YAML from "yaml";
import { canonicalize, canonicalJson } from "../core/canonical.ts";
import { CATALOG } from "../core/diagnostics.ts";
import { formatVersionProblem, Plan } from "../specs/plan.ts";
import { EXIT } from "./exit-codes.ts";
import { CliError } from "./io.ts";

export const PLAN_FORMATS = ["json", "yaml"] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** YAML for .yaml / .yml, JSON otherwise. */
export function formatOf(file: string): PlanFormat {
  const ext = extname(file).toLowerCase();
  return ext === ".yaml" || ext === ".yml" ? "yaml" : "json";
}

export function isPlanFile(file: string): boolean {
  return [".json", ".yaml", ".yml"].includes(extname(file).toLowerCase());
}

/** Deterministic text: canonical JSON, or YAML with the same sorted keys. */
export function serializePlan(plan: Plan, format: PlanFormat): string {
  if (format === "json") return canonicalJson(plan);
  return YAML.stringify(canonicalize(plan), { sortMapEntries: true, lineWidth: 0 });
}

/** Parses and validates a plan file's text; anything wrong is one SYN4001 line, exit 1. */
export function parsePlan(text: string, file: string): Plan {
  let data: unknown;
  try {
    data = formatOf(file) === "yaml" ? YAML.parse(text) : JSON.parse(text);
  } catch (e) {
    throw invalidPlan(file, `not ${formatOf(file) === "yaml" ? "YAML" : "JSON"}: ${firstLine(e)}`);
  }
  // Another format version is said as such (older: recompile; newer: upgrade), not as a field error.
  const version = formatVersionProblem(data);
  if (version) throw invalidPlan(file, `${version.message} (${version.hint})`);
  const parsed = Plan.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw invalidPlan(file, `${where}${issue?.message ?? "does not match the plan schema"}`);
}

function invalidPlan(file: string, detail: string): CliError {
  return new CliError(`error[SYN4001]: ${file}: ${CATALOG.SYN4001.title}: ${detail}`, EXIT.failed);
}

function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return (m.split("\n")[0] ?? m).trim();
}
