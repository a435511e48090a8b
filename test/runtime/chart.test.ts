// The chart of accounts: preset names are unique at every size, and the accounts a user
// declares with a role are the ones the generators post to (the preset's accounts of the role
// leave the chart).
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildChart } from "../../ledger/chart.ts";
import { compile } from "../../compiler/compile.ts";
import { fsHost } from "../../compiler/project.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { COA_SIZES } from "../../specs/scenario.ts";
import type { Plan } from "../../specs/plan.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();
const ROOT = join(import.meta.dir, "..", "..");

describe("chart of accounts", () => {
  test("preset account names are unique at every size", () => {
    for (const size of COA_SIZES) {
      const names = buildChart({ chartOfAccounts: { size, custom: [] } } as unknown as Plan).accounts.map((a) => a.name.toLowerCase());
      expect(names.length - new Set(names).size).toBe(0);
    }
  });

  test("declared accounts with a role receive that role's postings; the preset's accounts of the role are gone", () => {
    const file = "manufacturing-group.synth";
    const plan = compile(readFileSync(join(ROOT, "examples", file), "utf8"), { path: `examples/${file}`, host: fsHost(ROOT), scale: 0.05 }).plan!;
    const ledger = generateInMemory(plan);
    const posted = new Set((ledger.tables.get("journal_entries") ?? []).map((r) => String(r.account_number)));
    const chart = new Set((ledger.tables.get("chart_of_accounts") ?? []).map((r) => String(r.account_number)));
    // GR/IR, intercompany payables and revenue, cost of goods sold, price variance and stock.
    for (const n of ["2150", "2160", "4110", "4190", "5110", "5140", "1430"]) expect(posted.has(n)).toBe(true);
    for (const n of ["2010", "2050", "4820", "5000", "5010", "1210"]) expect(chart.has(n)).toBe(false);
  });
});
