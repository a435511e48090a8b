// Properties over random scenarios: the generated ledger always balances and reconciles.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { ledgerArbitrary, generateInMemory, compileParams, scenarioParams } from "../../runtime/testing.ts";
import { verifyLedger, verifyYearEndClose } from "../../runtime/verify.ts";
import { tableSpecs } from "../../runtime/phases.ts";
import { run } from "../../runtime/run.ts";

const specs = tableSpecs();

describe("generated ledgers", () => {
  test("every entry balances, the trial balance sums to zero and equals the journal, A = L + E + result, rows match their specs", () => {
    fc.assert(
      fc.property(ledgerArbitrary({ maxEntriesPerYear: 1500 }), (ledger) => {
        expect(verifyLedger(ledger.tables, specs)).toEqual([]);
        expect(ledger.tables.get("journal_entries")!.length).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
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
