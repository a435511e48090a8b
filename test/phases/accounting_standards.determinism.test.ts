// Accounting standards under scale-out: the contract rows blocks hand over, the impairments a
// main step keeps and the allowance are the same bytes for any worker count, for shards merged
// and for an interrupted run resumed.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { run } from "../../engine/run.ts";
import { mergeShards } from "../../engine/merge.ts";
import { Interrupted } from "../../core/errors.ts";
import type { Progress } from "../../engine/progress.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const root = mkdtempSync(join(tmpdir(), "synth-standards-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SOURCE = `
scenario "Standards scale-out" { seed = 31 industry = manufacturing start = 2025-01-01 months = 6 group_currency = USD }
company US1 { country = US currency = USD share = 60% }
company DE1 { country = DE currency = EUR }
fx { EUR = 1.085 }
phase master_data { vendors = 20 customers = 30 materials = 30 fixed_assets = 20 employees = 10 cost_centers = 16 block_size = 64 }
phase transactions { volume = 600 per year block_size = 64 }
process order_to_cash { volume = 500 per year }
phase accounting_standards { bundles = 30% subscription_months = 9 }
`;
const compiled = compile(SOURCE, { path: "standards.synth" });
const plan = compiled.plan!;
const quiet = { progress: "none" as const, formats: ["csv" as const] };
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const TABLES = ["revenue_contracts", "performance_obligations", "revenue_schedule", "contract_balances", "credit_loss_allowance", "impairment_tests", "journal_entries"];

function same(dir: string, reference: string): void {
  expect(manifest(dir).files).toEqual(manifest(reference).files);
  for (const t of TABLES) expect(readFileSync(join(dir, `${t}.csv`), "utf8")).toBe(readFileSync(join(reference, `${t}.csv`), "utf8"));
}

describe("accounting standards scale-out", () => {
  const single = join(root, "single");

  test("1 and 2 workers give the same bytes, and the phase's tables are not empty", async () => {
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    await run(plan, { ...quiet, out: single, workers: 0 }).done;
    for (const t of TABLES) expect(readFileSync(join(single, `${t}.csv`), "utf8").split("\n").length).toBeGreaterThan(2);
    const two = join(root, "two");
    await run(plan, { ...quiet, out: two, workers: 2, batchSize: 3 }).done;
    same(two, single);
  });

  test("3 shards merged equal the single run", async () => {
    const dirs = [0, 1, 2].map((i) => join(root, `shard-${i}`));
    for (let i = 0; i < 3; i++) await run(plan, { ...quiet, out: dirs[i], workers: 0, shard: { index: i, count: 3 } }).done;
    const merged = join(root, "merged");
    await mergeShards([dirs[1]!, dirs[2]!, dirs[0]!], { out: merged, progress: "none" });
    same(merged, single);
  });

  for (const [label, at] of [["in the middle of the transactions", (p: Progress) => p.phase === "transactions" && p.percent > 50], ["in this phase", (p: Progress) => p.phase === "accounting_standards"]] as const) {
    test(`a run interrupted ${label} resumes to the same bytes`, async () => {
      const out = join(root, `resumed-${label.length}`);
      let stopped = false;
      const r = run(plan, {
        ...quiet, out, workers: 1, batchSize: 2, checkpointEveryMs: 0,
        onProgress: (p) => {
          if (!stopped && at(p)) (stopped = true), r.stop();
        },
      });
      await expect(r.done).rejects.toBeInstanceOf(Interrupted);
      await run(plan, { ...quiet, out, workers: 2, resume: true }).done;
      same(out, single);
    });
  }
});
