// Going concern: over random scenarios and every example, the ledger describes a business that
// could exist (testing/economics.ts), and each check catches the break it is written for.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { fsHost } from "../../compiler/project.ts";
import { ledgerArbitrary, generateInMemory } from "../../testing/arbitraries.ts";
import { verifyEconomics } from "../../testing/economics.ts";
import type { Plan } from "../../specs/plan.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const ROOT = join(import.meta.dir, "..", "..");
type Row = Record<string, unknown>;

function example(file: string, scale: number): Plan {
  return compile(readFileSync(join(ROOT, "examples", file), "utf8"), { path: `examples/${file}`, host: fsHost(ROOT), scale }).plan!;
}

const checks = (v: { check: string }[]) => [...new Set(v.map((x) => x.check))].sort();

describe("going concern over random scenarios", () => {
  test("cash never below zero, assets and equity positive, liabilities on their side, stock never negative, bank days only, balanced documents", () => {
    fc.assert(
      fc.property(ledgerArbitrary({ maxEntriesPerYear: 800 }), (ledger) => {
        // Random scenarios hold few documents: plan tolerances are for the examples below.
        expect(verifyEconomics(ledger.tables, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

describe("going concern in the examples", () => {
  const files = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".synth"));
  for (const file of files) {
    test(`${file} at a quarter of its volume lands on its plan, in its industry's margin band`, () => {
      const plan = example(file, 0.25);
      const ledger = generateInMemory(plan);
      const yearLong = plan.scenario.months >= 12;
      expect(verifyEconomics(ledger.tables, { industry: yearLong ? plan.scenario.industry : undefined, benfordLines: 2000 })).toEqual([]);
      expect((ledger.tables.get("plan_vs_actual") ?? []).length).toBeGreaterThan(0);
    });
  }
});

describe("each check catches its break", () => {
  const base = generateInMemory(example("manufacturing-group.synth", 0.05));
  const healthy = () => new Map([...base.tables].map(([k, v]) => [k, v.map((r) => ({ ...r }))]));

  test("the healthy ledger passes the hard invariants", () => {
    expect(verifyEconomics(base.tables, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
  });

  test("an overdrawn bank, a weekend payment, a zero line and a document off in its currency are reported", () => {
    const t = healthy();
    const je = t.get("journal_entries")! as Row[];
    const bank = je.find((r) => r.account_number === "1010" && r.business_event === "vendor_payment")!;
    // A payment of a billion (more than the company owns) on a Saturday, a document amount that does not balance, an empty line.
    je.push({ ...bank, document_id: "X-1", line_number: 1, posting_date: "2025-01-04", debit_amount: "0.00", credit_amount: "1000000000.00", document_amount: "1000000000.00" });
    je.push({ ...bank, document_id: "X-1", line_number: 2, account_number: "2000", posting_date: "2025-01-04", debit_amount: "1000000000.00", credit_amount: "0.00", document_amount: "999.00" });
    je.push({ ...bank, document_id: "X-2", line_number: 1, debit_amount: "0.00", credit_amount: "0.00" });
    expect(checks(verifyEconomics(t, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER }))).toEqual(["assets-not-positive", "bank-holiday", "cash-negative", "document-currency-balance", "zero-line"]);
  });

  test("negative stock, negative equity and a tax liability in debit are reported", () => {
    const t = healthy();
    const mv = t.get("inventory_movements")! as Row[];
    mv.push({ ...mv[0]!, movement_id: "MV-X", movement_date: "2025-01-02", quantity: -10_000_000, movement_type: "issue" });
    const je = t.get("journal_entries")! as Row[];
    const line = je.find((r) => r.account_number === "1010")!;
    // A huge loss against the bank's opposite side keeps documents balanced but wipes out equity.
    je.push({ ...line, document_id: "X-3", line_number: 1, account_number: "7300", debit_amount: "9000000000.00", credit_amount: "0.00", document_amount: "9000000000.00", business_event: "x" });
    je.push({ ...line, document_id: "X-3", line_number: 2, account_number: "2200", debit_amount: "0.00", credit_amount: "9000000000.00", document_amount: "9000000000.00", business_event: "x" });
    je.push({ ...line, document_id: "X-4", line_number: 1, account_number: "2100", debit_amount: "5000000.00", credit_amount: "0.00", document_amount: "5000000.00", business_event: "x" });
    je.push({ ...line, document_id: "X-4", line_number: 2, account_number: "2200", debit_amount: "0.00", credit_amount: "5000000.00", document_amount: "5000000.00", business_event: "x" });
    expect(checks(verifyEconomics(t, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER }))).toEqual(["equity-not-positive", "liability-in-debit", "stock-negative"]);
  });

  test("revenue and margin off the plan, payroll off the master, a margin out of band and made-up digits are reported", () => {
    const t = healthy();
    for (const r of t.get("plan_vs_actual")! as Row[]) {
      if (r.metric === "revenue") r.actual = String(Number(r.plan) * 0.9);
      if (r.metric === "gross_margin") r.actual = String(Number(r.plan) - 0.05);
      if (r.metric === "payroll") r.actual = String(Number(r.plan) * 3);
      if (r.metric === "net_margin") r.actual = "0.5";
    }
    for (const r of t.get("journal_entries")! as Row[]) if (r.debit_amount !== "0.00") r.debit_amount = "5" + String(r.debit_amount).slice(1);
    expect(checks(verifyEconomics(t, { industry: "manufacturing", benfordLines: 100 }))).toEqual(expect.arrayContaining(["benford", "margin-off-plan", "net-margin-out-of-band", "payroll-off-master", "revenue-off-plan"]));
  });
});
