// Every example compiles clean and runs small (at 2% of its volume), with every ledger and
// document-flow invariant holding; the two-company, two-currency example also runs on files.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { fsHost } from "../../compiler/project.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyFlows, verifyLedger } from "../../testing/verify.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import { run } from "../../engine/run.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const ROOT = join(import.meta.dir, "..", "..");
const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".synth"));
const out = mkdtempSync(join(tmpdir(), "synth-examples-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function planOf(file: string, scale = 0.02) {
  const r = compile(readFileSync(join(ROOT, "examples", file), "utf8"), { path: `examples/${file}`, host: fsHost(ROOT), scale });
  expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  return r.plan!;
}

describe("examples", () => {
  test("there are examples for every industry and the whole pipeline", () => {
    expect(examples).toEqual(expect.arrayContaining(["quickstart.synth", "manufacturing-group.synth", "retail.synth", "all-phases.synth"]));
  });

  for (const file of examples) {
    test(`${file} compiles and generates a coherent ledger`, () => {
      const ledger = generateInMemory(planOf(file));
      expect(verifyLedger(ledger.tables, DEFAULT_MODULES.tables())).toEqual([]);
      expect(verifyFlows(ledger.tables)).toEqual([]);
    });
  }

  test("the manufacturing group writes every document-flow table, reconciled, on files with 2 workers", async () => {
    const plan = planOf("manufacturing-group.synth");
    expect(plan.companies.map((c) => c.currency).sort()).toEqual(["EUR", "USD"]);
    const res = await run(plan, { out: join(out, "mg"), workers: 2, formats: ["csv"], progress: "none" }).done;
    const tables = new Set(res.files.map((f) => f.table));
    for (const t of ["purchase_orders", "goods_receipts", "vendor_invoices", "payments", "sales_orders", "deliveries", "customer_invoices", "customer_receipts", "document_references", "ap_open_items", "ar_open_items", "inventory_movements", "reconciliation", "intercompany_matches", "fx_rates", "consolidated_trial_balance"]) {
      expect(tables.has(t)).toBe(true);
    }
    const rec = readFileSync(join(out, "mg", "reconciliation.csv"), "utf8").trim().split("\n").slice(1);
    expect(rec.length).toBeGreaterThan(0);
    expect(rec.every((line) => line.includes(",0.00,reconciled,"))).toBe(true);
  });
});

describe("deployment examples", () => {
  test("the Kubernetes Indexed Job runs one shard per completion index, then a merge", async () => {
    const YAML = (await import("yaml")).default;
    const docs = YAML.parseAllDocuments(readFileSync(join(ROOT, "examples", "deploy", "k8s-indexed-job.yaml"), "utf8")).map((d) => d.toJS());
    const shards = docs.find((d) => d.metadata?.name === "synth-shards");
    expect(shards.spec.completionMode).toBe("Indexed");
    const args = shards.spec.template.spec.containers[0].args.join(" ");
    expect(args).toContain("--shard \"${JOB_COMPLETION_INDEX}/" + shards.spec.completions + "\"");
    expect(docs.find((d) => d.metadata?.name === "synth-merge").spec.template.spec.containers[0].args.join(" ")).toContain("synth merge");
  });
});
