// Properties over random scenarios: the generated ledger always balances and reconciles.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { ledgerArbitrary, generateInMemory, compileParams, scenarioParams } from "../../testing/arbitraries.ts";
import { verifyFlows, verifyLedger, verifyYearEndClose } from "../../testing/verify.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import { run } from "../../engine/run.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const specs = DEFAULT_MODULES.tables();

describe("generated ledgers", () => {
  test("every entry balances, the trial balance sums to zero and equals the journal, A = L + E + result, rows match their specs", () => {
    fc.assert(
      fc.property(ledgerArbitrary({ maxEntriesPerYear: 1500 }), (ledger) => {
        expect(verifyLedger(ledger.tables, specs)).toEqual([]);
        expect(ledger.tables.get("journal_entries")!.length).toBeGreaterThan(0);
      }),
      { numRuns: 20 },
    );
  });

  test("document flows: references resolve, nothing is overpaid, subledgers reconcile to the GL, intercompany eliminates, group TBs balance", () => {
    fc.assert(
      fc.property(ledgerArbitrary({ maxEntriesPerYear: 600 }), (ledger) => {
        expect(verifyFlows(ledger.tables)).toEqual([]);
        const rec = ledger.tables.get("reconciliation") ?? [];
        expect(rec.length).toBeGreaterThan(0);
        expect(rec.every((r) => r.status === "reconciled" && r.difference === "0.00" || r.difference === "0")).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  test("closing leaves every P&L account at zero at fiscal year end", () => {
    const arb = scenarioParams({ maxEntriesPerYear: 800 }).map((p) => ({ ...p, months: 12 + (p.months % 3) }));
    fc.assert(
      fc.property(arb, (p) => {
        const ledger = generateInMemory(compileParams(p));
        const tb = ledger.tables.get("trial_balance")!;
        expect(tb.some((r) => r.fiscal_period === 12)).toBe(true);
        expect(verifyYearEndClose(ledger.tables)).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });

  test("the in-memory generator and the orchestrated run produce the same rows", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioParams({ maxEntriesPerYear: 600, maxMonths: 4 }), async (p) => {
        const plan = compileParams(p);
        const direct = generateInMemory(plan);
        const viaRun = await run(plan, { memory: true, workers: 0, progress: "none", batchSize: 3 }).done;
        expect([...viaRun.tables!.keys()].sort()).toEqual([...direct.tables.keys()].sort());
        for (const [t, rows] of direct.tables) expect(viaRun.tables!.get(t)).toEqual(rows);
      }),
      { numRuns: 6 },
    );
  });
});

describe("the invariant checks catch broken ledgers", () => {
  const p = { seed: 3, industry: "manufacturing" as const, start: "2024-01-01", months: 3, fiscalYear: "calendar" as const, companies: [{ country: "US", currency: "USD" }, { country: "DE", currency: "EUR" }], entriesPerYear: 400, blockSize: 64, lineItems: { two: 61, three: 6, four: 17, even: 88, max: 20 }, chains: { procureToPay: 150, orderToCash: 150, intercompany: 40 } };
  const fresh = () => generateInMemory(compileParams(p));
  const mutate = (table: string, f: (rows: Record<string, unknown>[]) => void) => {
    const l = fresh();
    f(l.tables.get(table)!);
    return l.tables;
  };

  test("a healthy ledger passes", () => {
    const l = fresh();
    expect(verifyLedger(l.tables, specs)).toEqual([]);
    expect(verifyFlows(l.tables)).toEqual([]);
  });

  test("an unbalanced line, a missing open item, an overpayment and a dangling reference are each reported", () => {
    const unbalanced = mutate("journal_entries", (rows) => (rows[5]!.debit_amount = "999999.99"));
    expect(verifyLedger(unbalanced).map((v) => v.check)).toContain("document-balance");
    const dropped = mutate("ar_open_items", (rows) => rows.splice(0, 1));
    expect(verifyFlows(dropped).map((v) => v.check)).toContain("open-items");
    const overpaid = mutate("payments", (rows) => (rows[0]!.amount = "99999999.00"));
    expect(verifyFlows(overpaid).map((v) => v.check)).toContain("overpaid");
    const dangling = mutate("document_references", (rows) => (rows[0]!.to_document_id = "NOPE"));
    expect(verifyFlows(dangling).map((v) => v.check)).toContain("ref-flow");
    const elim = mutate("consolidated_trial_balance", (rows) => {
      const r = rows.find((x) => x.account_number === "1150")!;
      r.debit_balance = "1.00";
    });
    expect(verifyFlows(elim).map((v) => v.check)).toContain("elimination");
  });
});

describe("violation reports", () => {
  test("past 20 of a kind, the rest are counted, never dropped silently", () => {
    const p = { seed: 4, industry: "technology" as const, start: "2024-01-01", months: 2, fiscalYear: "calendar" as const, companies: [{ country: "US", currency: "USD" }], entriesPerYear: 600, blockSize: 64, lineItems: { two: 61, three: 6, four: 17, even: 88, max: 10 }, chains: { procureToPay: 0, orderToCash: 0, intercompany: 0 } };
    const l = generateInMemory(compileParams(p));
    const je = l.tables.get("journal_entries")!;
    for (const r of je.slice(0, 200)) r.debit_amount = "123456.78";
    const v = verifyLedger(l.tables).filter((x) => x.check === "document-balance");
    expect(v.length).toBe(21);
    expect(v.at(-1)!.message).toMatch(/^and \d+ more$/);
  });
});
