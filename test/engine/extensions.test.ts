// What a phase folder can contribute without edits to shared code, shown with two test phases
// loaded as extension modules (test/fixtures/phases): an overlay that transforms rows inside
// the blocks that produce them (with its own labels and a non-table stream), and a phase that
// takes over a capability (payroll postings) from its default provider.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { Language } from "../../compiler/language.ts";
import { Modules } from "../../engine/modules.ts";
import { run } from "../../engine/run.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyLedger } from "../../testing/verify.ts";
import type { Plan } from "../../specs/plan.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const FIXTURES = join(import.meta.dir, "..", "fixtures", "phases");
const modules = await Modules.withExtensions([join(FIXTURES, "shout.ts"), join(FIXTURES, "payroll-demo.ts")]);
const language = new Language(modules.list.map((m) => m.spec));
const root = mkdtempSync(join(tmpdir(), "synth-ext-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const BASE = `
scenario "Extensions" { seed = 3  industry = technology  start = 2024-01-01  months = 2 }
chart_of_accounts { size = small }
company A1 { currency = USD }
company B1 { country = DE  currency = EUR }
phase master_data { vendors = 10 customers = 10 materials = 10 fixed_assets = 5 employees = 10 cost_centers = 3 }
phase transactions { volume = 20k per year  block_size = 64 }
`;

function plan(extra: string): Plan {
  const r = compile(BASE + extra, { path: "ext.synth", language });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.plan;
}

const digests = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).files.map((f: { path: string; sha256: string }) => `${f.path}:${f.sha256}`);

describe("overlays", () => {
  const shouted = plan("phase shout { share = 0.2 }");
  const quiet = plan("");

  test("the overlay is scheduled as a posting step of its own phase and has no work of its own", () => {
    expect(shouted.schedule.filter((s) => s.phase === "shout")).toEqual([
      { phase: "shout", step: "upper", stage: "posting", kind: "overlay" },
      { phase: "shout", step: "summary", stage: "final", kind: "main" },
    ]);
  });

  test("it changes exactly the rows its labels name; every other row is byte for byte the same", () => {
    const a = generateInMemory(quiet, modules).tables.get("journal_entries")!;
    const b = generateInMemory(shouted, modules);
    const je = b.tables.get("journal_entries")!;
    const labels = b.tables.get("shout_labels")!;
    expect(labels.length).toBeGreaterThan(10);
    expect(je.length).toBe(a.length);
    const changed = new Set(labels.map((l) => `${l.document_id}|${l.line_number}`));
    let differing = 0;
    je.forEach((row, i) => {
      const key = `${row.document_id}|${row.line_number}`;
      if (JSON.stringify(row) !== JSON.stringify(a[i])) {
        differing++;
        expect(changed.has(key)).toBe(true);
        expect(row.line_text).toBe(String(a[i]!.line_text).toUpperCase());
      }
    });
    // Texts already upper case do not change, so at most as many rows differ as labels say.
    expect(differing).toBeGreaterThan(0);
    expect(differing).toBeLessThanOrEqual(changed.size);
    expect(verifyLedger(b.tables)).toEqual([]);
  });

  test("its rows, labels and stream are the same for any worker count, and the stream is in the manifest", async () => {
    const outs = [];
    for (const workers of [0, 2]) {
      const out = join(root, `shout-${workers}`);
      await run(shouted, { out, workers, progress: "none", modules, batchSize: 1 }).done;
      outs.push(out);
    }
    expect(digests(outs[1]!)).toEqual(digests(outs[0]!));
    const files = JSON.parse(readFileSync(join(outs[0]!, "manifest.json"), "utf8")).files as { path: string; format: string; sha256: string }[];
    const stream = files.find((f) => f.path === "shout/summary.txt")!;
    expect(stream.format).toBe("stream");
    expect(stream.sha256).toBe(new Bun.CryptoHasher("sha256").update(readFileSync(join(outs[0]!, "shout/summary.txt"))).digest("hex"));
  });
});

describe("capabilities", () => {
  const events = (p: Plan) => generateInMemory(p, modules).tables.get("journal_entries")!;

  test("by default the transactions phase posts payroll", () => {
    const p = plan("");
    expect(p.capabilities.payroll_postings).toBe("transactions");
    expect(events(p).some((r) => r.business_event === "payroll")).toBe(true);
  });

  test("a phase that takes payroll over posts it once per company and period; the default provider yields", () => {
    const p = plan("phase payroll_demo { }");
    expect(p.capabilities.payroll_postings).toBe("payroll_demo");
    const je = events(p);
    expect(je.filter((r) => r.business_event === "payroll" || r.business_event === "payroll_payment")).toEqual([]);
    const docs = new Set(je.filter((r) => r.business_event === "demo_payroll").map((r) => `${r.company_code}|${r.fiscal_period}|${r.document_id}`));
    expect(docs.size).toBe(2 * 2);
    const ledger = generateInMemory(p, modules);
    expect(verifyLedger(ledger.tables)).toEqual([]);
  });
});
