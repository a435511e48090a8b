// Doc regions that come from the code rather than the schemas' tables, so they cannot drift:
// the process chains (on by default, at each industry preset's volume) for docs/language.md,
// and a real phase entry of the compiled quickstart plan for docs/plan-format.md.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { compile } from "../compiler/compile.ts";
import { fsHost } from "../compiler/project.ts";
import { canonicalize } from "../core/canonical.ts";
import { metaOf, unwrap, type Rate } from "../specs/fields.ts";
import { INDUSTRIES } from "../specs/industries.ts";
import { PRESETS } from "../specs/presets.ts";
import { ProcessesBlock } from "../specs/scenario.ts";

const code = (s: string) => "`" + s + "`";

function defaultOf(schema: z.ZodType | undefined): unknown {
  const def = schema?.def as { type?: string; defaultValue?: unknown } | undefined;
  return def?.type === "default" ? def.defaultValue : undefined;
}

/** The chains, whether they run when not written, and their volume in each industry preset. */
export function processesRegion(): string {
  const head = `| Chain | What it generates | On by default | Volume per year by industry (${INDUSTRIES.join(", ")}) |\n|---|---|---|---|`;
  const rows = Object.entries(ProcessesBlock.shape as Record<string, z.ZodType>).map(([id, field]) => {
    const inner = unwrap(field) as z.ZodObject;
    const shape = inner.shape as Record<string, z.ZodType>;
    const on = defaultOf(shape.enabled) === true ? (id === "intercompany" ? "yes, in groups of two or more companies" : "yes") : "no";
    const volumes = INDUSTRIES.map((ind) => {
      const preset = (PRESETS[ind].process as Record<string, { volume?: Rate }> | undefined)?.[id]?.volume;
      const v = preset ?? (defaultOf(shape.volume) as Rate);
      return `${v.amount.toLocaleString("en-US")}${v.per === "year" ? "" : ` per ${v.per}`}`;
    });
    return `| ${code(`process ${id}`)} | ${metaOf(inner).doc ?? ""} | ${on} | ${volumes.join(", ")} |`;
  });
  return `${head}\n${rows.join("\n")}`;
}

/** One phase entry of the compiled quickstart plan, as JSON; most parameters elided. */
export function planPhaseRegion(root: string, id: string): string {
  const path = "examples/quickstart.synth";
  const r = compile(readFileSync(join(root, path), "utf8"), { path, host: fsHost(root) });
  const phase = r.plan?.phases.find((p) => p.id === id);
  if (!phase) throw new Error(`docs: ${path} does not compile to a plan with phase ${id}`);
  const params = phase.params as Record<string, unknown>;
  const shown = { ...phase, params: { volume: params.volume, block_size: params.block_size, "...": "..." }, hash: `${phase.hash.slice(0, 8)}…` };
  return "```json\n" + compactJson(canonicalize(shown)) + "\n```";
}

/** Two-space JSON with every array of objects' items (and short arrays) on one line each, as a reader scans a plan. */
function compactJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\{\n\s+([^{}[\]]*?)\n\s*\}/g, (_m, body: string) => `{ ${body.split(/,\n\s*/).join(", ")} }`).replace(/\[\n\s+([^[\]{}]*?)\n\s*\]/g, (_m, body: string) => `[${body.split(/,\n\s*/).join(", ")}]`);
}
