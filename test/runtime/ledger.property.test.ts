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

describe("reconciliation and exchange rates are recomputed from the numbers, never read from a status", () => {
  // Two companies in two currencies with many sales: foreign-currency customer invoices exist.
  const p = { seed: 3, industry: "manufacturing" as const, start: "2024-01-01", months: 3, fiscalYear: "calendar" as const, companies: [{ country: "US", currency: "USD" }, { country: "DE", currency: "EUR" }], entriesPerYear: 400, blockSize: 64, lineItems: { two: 61, three: 6, four: 17, even: 88, max: 20 }, chains: { procureToPay: 150, orderToCash: 1500, intercompany: 40 } };
  const ledger = generateInMemory(compileParams(p));
  const fresh = () => new Map([...ledger.tables].map(([k, v]) => [k, v.map((r) => ({ ...r }))]));
  const checks = (t: ReturnType<typeof fresh>) => new Set(verifyFlows(t).map((v) => v.check));

  test("the healthy ledger has foreign-currency customer invoices and passes", () => {
    expect(ledger.tables.get("journal_entries")!.some((l) => l.document_type === "RV" && l.document_currency !== l.currency)).toBe(true);
    expect(verifyFlows(ledger.tables)).toEqual([]);
  });

  test("a reconciliation that says reconciled with difference 0 while the balances differ is reported", () => {
    // The GL side off by 1.00 but the row still claims reconciled.
    const t = fresh();
    const row = t.get("reconciliation")!.find((r) => r.subledger === "inventory")!;
    row.gl_balance = (Number(row.gl_balance) + 1).toFixed(2);
    expect(checks(t)).toEqual(new Set(["reconciliation", "reconciliation-arithmetic", "reconciliation-status", "reconciliation-gl"]));
    // The subledger really short by an open item; the table still says reconciled everywhere.
    const u = fresh();
    const dropped = u.get("ar_open_items")!.splice(0, 1)[0]!;
    expect(checks(u)).toContain("reconciliation-subledger");
    expect(verifyFlows(u).find((v) => v.check === "reconciliation-subledger")!.message).toContain(`${dropped.company_code} ${dropped.fiscal_year}/${dropped.fiscal_period} accounts_receivable`);
    // An honest row with a real difference is a violation too.
    const w = fresh();
    const honest = w.get("reconciliation")!.find((r) => r.subledger === "gr_ir")!;
    honest.subledger_balance = (Number(honest.subledger_balance) + 1).toFixed(2);
    honest.difference = "-1.00";
    honest.status = "difference";
    expect(checks(w)).toContain("reconciliation");
  });

  /** Foreign-currency customer invoice lines re-dated to the previous day's published rate. */
  function previousDayRate(keepRate: boolean) {
    const t = fresh();
    const rates = new Map(t.get("fx_rates")!.map((r) => [`${r.rate_date}|${r.from_currency}|${r.to_currency}`, String(r.rate)]));
    const day = (iso: unknown, d: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + d * 864e5).toISOString().slice(0, 10);
    for (const l of t.get("journal_entries")!) {
      if (l.document_type !== "RV" || l.document_currency === l.currency) continue;
      const prev = rates.get(`${day(l.posting_date, -1)}|${l.document_currency}|${l.currency}`)!;
      const amount = (Number(l.document_amount) * Number(prev)).toFixed(2);
      if (Number(l.debit_amount) !== 0) l.debit_amount = amount;
      else l.credit_amount = amount;
      if (!keepRate) l.exchange_rate = prev;
    }
    return checks(t);
  }

  test("customer invoices converted at the previous day's rate are reported: the rate, or the amounts", () => {
    expect(previousDayRate(false)).toContain("fx-rate");
    expect(previousDayRate(true)).toContain("fx-amount");
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
