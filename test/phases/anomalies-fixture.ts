// A small two-company, two-currency scenario with every anomaly type at a rate that gives each
// company a handful of each, generated once with anomalies and once without (same plan
// otherwise), shared by the anomaly tests.
import { compile } from "../../compiler/compile.ts";
import { generateInMemory, type GeneratedLedger } from "../../testing/arbitraries.ts";
import { ANOMALY_CATALOG } from "../../phases/anomalies/catalog.ts";
import type { Plan } from "../../specs/plan.ts";
import { expect } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../engine/run.ts";
import { mergeShards } from "../../engine/merge.ts";

export type Row = Record<string, unknown>;

// Service purchases are a fifth of this manufacturer's orders: p2p types get a share of all orders that its services can carry.
const rateOf = (carrier: string) => (carrier === "procure_to_pay" ? "1%" : carrier === "dirty" ? "0.3%" : "0.4%");

export const ALL_TYPES = ANOMALY_CATALOG.map((t) => t.id);

export function source(anomalies: string, seed = 5, months = 4): string {
  return `
scenario "Anomalies" { seed = ${seed}  industry = manufacturing  start = 2024-01-01  months = ${months} }
chart_of_accounts { size = small }
company A1 { currency = USD }
company B1 { country = DE  currency = EUR }
phase master_data { vendors = 300 customers = 60 materials = 40 fixed_assets = 5 employees = 30 cost_centers = 5 }
phase transactions { volume = 24k per year  block_size = 512  users = 8 }
process procure_to_pay { volume = 3000 per year }
${anomalies}
`;
}

export const EVERY_TYPE = `phase anomalies {
  types = [${ALL_TYPES.join(", ")}]
  rates { ${ANOMALY_CATALOG.map((t) => `${t.id} = ${rateOf(t.carrier)}`).join("  ")} }
  data_quality { preset = normal }
}`;

export function planOf(text: string): Plan {
  const r = compile(text, { path: "anomalies.synth" });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.plan;
}

let cached: { plan: Plan; dirty: GeneratedLedger; clean: GeneratedLedger } | undefined;

/** The scenario with every type, and the same scenario without anomalies. */
export function fixture(): { plan: Plan; dirty: GeneratedLedger; clean: GeneratedLedger } {
  if (cached) return cached;
  const plan = planOf(source(EVERY_TYPE));
  const clean = generateInMemory(planOf(source("phase anomalies { enabled = false }")));
  return (cached = { plan, dirty: generateInMemory(plan), clean });
}

export const rows = (g: GeneratedLedger, table: string): Row[] => (g.tables.get(table) ?? []) as Row[];

/** Journal rows by company|document. */
export function byDocument(list: Row[]): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of list) {
    const k = `${r.company_code}|${r.document_id}`;
    const l = m.get(k);
    if (l) l.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Integer minor units of a decimal text. */
export function minor(v: unknown): number {
  const [i = "0", f = ""] = String(v).replace("-", "").split(".");
  const n = Number(i) * 10 ** f.length + (f ? Number(f) : 0);
  return String(v).startsWith("-") ? -n : n;
}

export const debits = (doc: Row[]) => doc.reduce((s, r) => s + minor(r.debit_amount), 0);

/**
 * Runs the plan with 0 and 2 workers and as 2 shards merged under `root`, expects the same
 * files and anomaly figures from each, and returns the figures (run-report.json).
 */
export async function sameEverywhere(plan: Plan, root: string): Promise<{ byType: Record<string, unknown> }> {
  const quiet = { progress: "none" as const, formats: ["csv" as const] };
  const files = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).files.map((f: { path: string; sha256: string }) => `${f.path}:${f.sha256}`);
  const figures = (dir: string) => JSON.parse(readFileSync(join(dir, "run-report.json"), "utf8")).figures.anomalies;
  const [a, b] = [join(root, "w0"), join(root, "w2")];
  await run(plan, { ...quiet, out: a, workers: 0 }).done;
  await run(plan, { ...quiet, out: b, workers: 2, batchSize: 1 }).done;
  expect(files(b)).toEqual(files(a));
  expect(figures(b)).toEqual(figures(a));
  const dirs = [0, 1].map((i) => join(root, `shard-${i}`));
  for (let i = 0; i < 2; i++) await run(plan, { ...quiet, out: dirs[i]!, workers: 0, shard: { index: i, count: 2 } }).done;
  const merged = join(root, "merged");
  await mergeShards(dirs, { out: merged, progress: "none" });
  expect(files(merged)).toEqual(files(a));
  return figures(a);
}
