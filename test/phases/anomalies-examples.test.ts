// The all-phases and the fraud-training examples produce labelled anomalies: every count the
// plan lays out, labels that match the data, schemes linked by scheme_id, an as-extracted copy.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { fsHost } from "../../compiler/project.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyLabels } from "../../testing/verify-labels.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const ROOT = join(import.meta.dir, "..", "..");

function example(file: string, scale: number) {
  const r = compile(readFileSync(join(ROOT, "examples", file), "utf8"), { path: `examples/${file}`, host: fsHost(ROOT), scale });
  expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  return r.plan!;
}

describe("examples with anomalies", () => {
  for (const [file, scale] of [["all-phases.synth", 0.25], ["fraud-training.synth", 0.05]] as const) {
    test(`${file} injects what its plan lays out, labelled, with ml_labels for every journal line`, () => {
      const plan = example(file, scale);
      const g = generateInMemory(plan);
      const planned = plan.phases.find((p) => p.id === "anomalies")!.layout.total;
      const labels = g.tables.get("anomaly_labels") ?? [];
      expect(planned).toBeGreaterThan(10);
      expect(new Set(labels.filter((l) => l.table_name !== "vendors").map((l) => l.anomaly_id)).size).toBe(planned);
      expect(verifyLabels(g.tables, plan)).toEqual([]);
      expect(g.tables.get("ml_labels")!.length).toBe(g.tables.get("journal_entries")!.length);
      expect((g.tables.get("dirty_journal_entries") ?? []).length).toBeGreaterThanOrEqual(g.tables.get("journal_entries")!.length);
    });
  }

  test("the fraud-training set links its schemes by scheme_id: ghost vendors, channel stuffing, round trips", () => {
    const g = generateInMemory(example("fraud-training.synth", 0.1));
    const schemes = new Map<string, Set<string>>();
    for (const l of g.tables.get("anomaly_labels")!) if (l.scheme_id) schemes.set(String(l.anomaly_type), (schemes.get(String(l.anomaly_type)) ?? new Set()).add(String(l.scheme_id)));
    expect([...schemes.keys()].sort()).toEqual(["channel_stuffing", "ghost_vendor", "kickback", "round_tripping"]);
    const fraud = g.tables.get("ml_labels")!.filter((m) => m.is_fraud).length;
    expect(fraud / g.tables.get("ml_labels")!.length).toBeGreaterThan(0.01);
  });
});
