// Accounting standards: revenue from the schedule only (IFRS 15 / ASC 606), contract balances
// that roll forward and equal the GL and the contracts' positions, the ECL allowance on the real
// aging, impairment losses posted and followed by depreciation. Figures are recomputed from the
// raw output tables; the contract arithmetic is a fast-check property.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { compile } from "../../compiler/compile.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyFlows, verifyLedger, minorOf } from "../../testing/verify.ts";
import { verifyEconomics } from "../../testing/economics.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import { planContract, split } from "../../phases/accounting_standards/revenue-contract.ts";
import type { ContractLine } from "../../ledger/capabilities.ts";
import type { Account } from "../../ledger/chart.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();
type Row = Record<string, unknown>;

// US1 reports under US GAAP (ASC 606 / 360 / 326), DE1 under IFRS. Few employees over many cost
// centers leave assets idle: impairment losses happen.
const source = (standards: string) => `
scenario "Standards" { seed = 11 industry = manufacturing start = 2025-01-01 months = 12 group_currency = USD }
company US1 { country = US currency = USD share = 60% }
company DE1 { country = DE currency = EUR }
fx { EUR = 1.085 }
phase master_data { vendors = 30 customers = 40 materials = 60 fixed_assets = 30 employees = 12 cost_centers = 24 }
phase transactions { volume = 1500 per year }
process order_to_cash { volume = 900 per year }
${standards}
`;

function tablesOf(standards: string) {
  const r = compile(source(standards), { path: "standards.synth" });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return generateInMemory(r.plan!).tables;
}

const on = tablesOf("phase accounting_standards { bundles = 30% }");
const t = (name: string) => (on.get(name) ?? []) as Row[];
const key = (...v: unknown[]) => v.map(String).join("|");
const roleOf = new Map(t("chart_of_accounts").map((a) => [String(a.account_number), String(a.role ?? "")]));
const journal = t("journal_entries");
const REVENUE = new Set(["revenue", "service_revenue"]);

/** A GL balance (debit positive) of accounts with these roles, per company, up to a day. */
function gl(company: string, roles: string[], until: string): number {
  let net = 0;
  for (const j of journal) {
    if (j.company_code !== company || String(j.posting_date) > until || !roles.includes(roleOf.get(String(j.account_number))!)) continue;
    net += minorOf(j.debit_amount) - minorOf(j.credit_amount);
  }
  return net;
}

describe("accounting standards", () => {
  test("the ledger stays whole and plausible", () => {
    expect(verifyLedger(on, DEFAULT_MODULES.tables())).toEqual([]);
    expect(verifyFlows(on)).toEqual([]);
    expect(verifyEconomics(on, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
  });

  test("revenue comes from the schedule only: each RR entry is its schedule rows, no invoice credits revenue", () => {
    const byDoc = new Map<string, number>();
    for (const j of journal) {
      if (!REVENUE.has(roleOf.get(String(j.account_number))!)) continue;
      expect(["RR", "CL"]).toContain(String(j.document_type));
      if (j.document_type === "RR") byDoc.set(key(j.company_code, j.document_id), (byDoc.get(key(j.company_code, j.document_id)) ?? 0) + minorOf(j.credit_amount) - minorOf(j.debit_amount));
    }
    const scheduled = new Map<string, number>();
    for (const s of t("revenue_schedule")) {
      if (s.status !== "recognised") continue;
      const k = key(s.company_code, s.journal_document_id);
      scheduled.set(k, (scheduled.get(k) ?? 0) + minorOf(s.amount));
    }
    expect(byDoc.size).toBeGreaterThan(500);
    expect([...byDoc].filter(([, v]) => v !== 0).length).toBe([...scheduled].filter(([, v]) => v !== 0).length);
    for (const [k, v] of scheduled) expect(byDoc.get(k) ?? 0).toBe(v);
    // Every invoice of a contract order credits contract balances, not revenue.
    const invoiceDocs = new Set(t("customer_invoices").filter((i) => i.so_id !== null).map((i) => key(i.company_code, i.journal_document_id)));
    const balanceRoles = new Set(["deferred_revenue", "contract_asset", "unbilled_receivables"]);
    const credited = new Set(journal.filter((j) => invoiceDocs.has(key(j.company_code, j.document_id)) && balanceRoles.has(roleOf.get(String(j.account_number))!)).map((j) => key(j.company_code, j.document_id)));
    expect(credited.size).toBe(invoiceDocs.size);
  });

  test("schedules sum to allocated prices, obligations to the transaction price; deals carry services", () => {
    const scheduled = new Map<string, number>();
    for (const s of t("revenue_schedule")) scheduled.set(key(s.company_code, s.obligation_id), (scheduled.get(key(s.company_code, s.obligation_id)) ?? 0) + minorOf(s.amount));
    const allocated = new Map<string, number>();
    for (const o of t("performance_obligations")) {
      expect(scheduled.get(key(o.company_code, o.obligation_id)) ?? 0).toBe(minorOf(o.allocated_price));
      allocated.set(key(o.company_code, o.contract_id), (allocated.get(key(o.company_code, o.contract_id)) ?? 0) + minorOf(o.allocated_price));
    }
    const contracts = t("revenue_contracts");
    for (const k of contracts) expect(allocated.get(key(k.company_code, k.contract_id))).toBe(minorOf(k.transaction_price));
    const bundles = contracts.filter((k) => k.is_bundle === true);
    expect(bundles.length).toBeGreaterThan(20);
    // A single order is sold at its standalone price; a deal's services are discounted off their list price.
    for (const k of contracts) if (k.is_bundle === false) expect(minorOf(k.bundle_discount)).toBe(0);
    expect(bundles.filter((k) => minorOf(k.bundle_discount) > 0).length).toBeGreaterThan(bundles.length * 0.9);
    const types = new Set(t("performance_obligations").map((o) => o.obligation_type));
    expect(types.has("installation") && types.has("subscription")).toBe(true);
    // Every obligation's order is a real sales order, and services are recognised over time.
    const orders = new Set(t("sales_orders").map((s) => key(s.company_code, s.so_id)));
    for (const o of t("performance_obligations")) {
      expect(orders.has(key(o.company_code, o.so_id))).toBe(true);
      expect(o.recognition_pattern).toBe(o.obligation_type === "subscription" || o.obligation_type === "installation" ? "over_time" : "point_in_time");
    }
    // Subscriptions billed monthly in arrears: a service entry at each month end (or the term's last day), invoiced after it.
    const entries = new Map(t("deliveries").map((d) => [key(d.company_code, d.delivery_id), String(d.delivery_date)]));
    const monthly = t("performance_obligations").filter((o) => o.obligation_type === "subscription" && t("customer_invoices").filter((i) => i.company_code === o.company_code && i.so_id === o.so_id).length >= 3);
    expect(monthly.length).toBeGreaterThan(5);
    for (const o of monthly) {
      for (const i of t("customer_invoices").filter((x) => x.company_code === o.company_code && x.so_id === o.so_id)) {
        const entry = entries.get(key(i.company_code, i.delivery_id))!;
        const next = new Date(`${entry}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(next.getUTCDate() === 1 || entry === String(o.end_date)).toBe(true);
        expect(String(i.invoice_date) > entry).toBe(true);
      }
    }
    const deliveries = new Set(t("deliveries").map((d) => key(d.company_code, d.delivery_id)));
    for (const s of t("revenue_schedule")) if (s.delivery_id !== null) expect(deliveries.has(key(s.company_code, s.delivery_id))).toBe(true);
  });

  test("contract balances roll forward and equal the GL and the contracts' positions recomputed from invoices and schedules", () => {
    const rows = t("contract_balances");
    expect(rows.length).toBe(2 * 12 * 3);
    const previous = new Map<string, number>();
    for (const r of rows) {
      const k = key(r.company_code, r.balance_type);
      expect(minorOf(r.opening_balance)).toBe(previous.get(k) ?? 0);
      expect(minorOf(r.closing_balance)).toBe(minorOf(r.opening_balance) + minorOf(r.billed) + minorOf(r.recognised));
      expect(minorOf(r.closing_balance)).toBe(minorOf(r.contract_balance));
      previous.set(k, minorOf(r.closing_balance));
      const role = r.balance_type === "contract_liability" ? "deferred_revenue" : r.balance_type === "contract_asset" ? "contract_asset" : "unbilled_receivables";
      const side = r.balance_type === "contract_liability" ? -1 : 1;
      expect(minorOf(r.gl_balance)).toBe(side * gl(String(r.company_code), [role], String(r.period_end)));
      expect(r.status).toBe("reconciled");
    }
    // The contracts' positions: recognised schedule rows minus invoices (net, company currency: what each invoice credits the balances).
    const contractOf = new Map(t("performance_obligations").map((o) => [key(o.company_code, o.so_id), String(o.contract_id)]));
    const balanceRoles = new Set(["deferred_revenue", "contract_asset", "unbilled_receivables"]);
    const netOf = new Map<string, number>();
    for (const j of journal) if (balanceRoles.has(roleOf.get(String(j.account_number))!)) netOf.set(key(j.company_code, j.document_id), (netOf.get(key(j.company_code, j.document_id)) ?? 0) + minorOf(j.credit_amount) - minorOf(j.debit_amount));
    const moves: { company: string; contract: string; day: string; amount: number }[] = [];
    for (const i of t("customer_invoices")) {
      const contract = contractOf.get(key(i.company_code, i.so_id));
      if (contract) moves.push({ company: String(i.company_code), contract, day: String(i.invoice_date), amount: -netOf.get(key(i.company_code, i.journal_document_id))! });
    }
    for (const s of t("revenue_schedule")) if (s.status === "recognised") moves.push({ company: String(s.company_code), contract: String(s.contract_id), day: String(s.recognition_date), amount: minorOf(s.amount) });
    let liabilities = 0;
    for (const end of new Set(rows.map((r) => String(r.period_end)))) {
      for (const company of ["US1", "DE1"]) {
        const position = new Map<string, number>();
        for (const m of moves) if (m.company === company && m.day <= end) position.set(m.contract, (position.get(m.contract) ?? 0) + m.amount);
        const liability = [...position.values()].reduce((s, p) => s + Math.max(0, -p), 0);
        const assets = [...position.values()].reduce((s, p) => s + Math.max(0, p), 0);
        const at = rows.filter((r) => r.company_code === company && r.period_end === end);
        expect(minorOf(at.find((r) => r.balance_type === "contract_liability")!.contract_balance)).toBe(liability);
        expect(at.filter((r) => r.balance_type !== "contract_liability").reduce((s, r) => s + minorOf(r.contract_balance), 0)).toBe(assets);
        liabilities += liability;
      }
    }
    expect(liabilities).toBeGreaterThan(0);
    // Subscriptions billed in advance leave contract liabilities, installations in progress contract
    // assets, and subscriptions billed monthly in arrears unbilled receivables at month ends.
    for (const type of ["contract_asset", "unbilled_receivable"]) expect(rows.some((r) => r.balance_type === type && minorOf(r.contract_balance) > 0)).toBe(true);
  });

  test("the ECL allowance is the provision matrix on the receivables aging, rolls forward and equals the GL", () => {
    const aging = new Map<string, number>();
    for (const a of t("ar_open_items")) aging.set(key(a.company_code, a.fiscal_period, a.aging_bucket), (aging.get(key(a.company_code, a.fiscal_period, a.aging_bucket)) ?? 0) + minorOf(a.open_amount_company));
    const rows = t("credit_loss_allowance");
    const totals = rows.filter((r) => r.aging_bucket === "total");
    expect(totals.length).toBe(24);
    const previous = new Map<string, number>();
    let writtenOff = 0;
    for (const total of totals) {
      const company = String(total.company_code);
      const buckets = rows.filter((r) => r.company_code === company && r.fiscal_period === total.fiscal_period && r.aging_bucket !== "total");
      let required = 0;
      for (const b of buckets) {
        const gross = b.aging_bucket === "contract_assets" ? gl(company, ["contract_asset", "unbilled_receivables"], String(b.period_end)) : aging.get(key(company, b.fiscal_period, b.aging_bucket)) ?? 0;
        expect(minorOf(b.gross_amount)).toBe(gross);
        const rate = Number((Number(b.historical_loss_rate) * (1 + Number(b.forward_looking_adjustment))).toFixed(8));
        expect(Number(b.loss_rate)).toBeCloseTo(rate, 9);
        expect(minorOf(b.expected_credit_loss)).toBe(Math.round(gross * rate));
        required += minorOf(b.expected_credit_loss);
      }
      expect(minorOf(total.expected_credit_loss)).toBe(required);
      expect(minorOf(total.closing_allowance)).toBe(required);
      expect(minorOf(total.opening_allowance)).toBe(previous.get(company) ?? 0);
      expect(minorOf(total.closing_allowance)).toBe(minorOf(total.opening_allowance) - minorOf(total.written_off) + minorOf(total.charge));
      expect(minorOf(total.gl_balance)).toBe(-gl(company, ["allowance_doubtful"], String(total.period_end)));
      expect(minorOf(total.gl_balance)).toBe(required);
      previous.set(company, required);
      writtenOff += minorOf(total.written_off);
    }
    // Write-offs debit the allowance: bad debt expense only comes from the EC entries (and the closing).
    expect(writtenOff).toBeGreaterThan(0);
    for (const j of journal) if (roleOf.get(String(j.account_number)) === "bad_debt_expense") expect(["EC", "CL"]).toContain(String(j.document_type));
  });

  test("impairment losses follow the standard, are posted, and later depreciation follows the carrying amount", () => {
    const tests = t("impairment_tests");
    expect(new Set(tests.map((r) => r.standard))).toEqual(new Set(["ias_36", "asc_360"]));
    const losses = tests.filter((r) => minorOf(r.impairment_loss) > 0 && r.trigger !== "allocation");
    expect(losses.length).toBeGreaterThan(0);
    for (const r of tests) {
      expect(minorOf(r.carrying_after)).toBe(minorOf(r.carrying_amount) - minorOf(r.impairment_loss));
      if (r.trigger === "allocation") continue;
      const carrying = minorOf(r.carrying_amount);
      const recoverable = r.standard === "ias_36" ? Math.max(minorOf(r.value_in_use ?? 0), minorOf(r.fair_value) - minorOf(r.costs_of_disposal)) : minorOf(r.fair_value);
      expect(minorOf(r.recoverable_amount)).toBe(recoverable);
      if (r.standard === "asc_360") expect(r.recoverable_by_cash_flows).toBe(minorOf(r.undiscounted_cash_flows) >= carrying);
      const due = r.standard === "asc_360" && r.recoverable_by_cash_flows ? 0 : carrying - recoverable;
      expect(minorOf(r.impairment_loss)).toBe(due > 0 && due >= carrying * 0.005 ? due : 0);
    }
    // The ledger's impairment expense is the tested losses, entry by entry.
    const posted = new Map<string, number>();
    for (const j of journal) if (roleOf.get(String(j.account_number)) === "impairment_loss" && j.document_type === "IM") posted.set(key(j.company_code, j.document_id), (posted.get(key(j.company_code, j.document_id)) ?? 0) + minorOf(j.debit_amount) - minorOf(j.credit_amount));
    const tested = new Map<string, number>();
    for (const r of losses) tested.set(key(r.company_code, r.journal_document_id), (tested.get(key(r.company_code, r.journal_document_id)) ?? 0) + minorOf(r.impairment_loss));
    expect(posted).toEqual(tested);
    // An impaired idle asset is tested again next quarter: in between it depreciated its new
    // carrying amount, less a residual value scaled down with it, over its remaining life
    // (straight line, cumulative amounts floored to the cent), not its old schedule.
    const assets = new Map(t("fixed_assets").map((a) => [key(a.company_code, a.asset_id), a]));
    const assetTests = tests.filter((r) => r.unit_type === "asset");
    let followed = 0;
    for (const r of assetTests) {
      if (minorOf(r.impairment_loss) <= 0) continue;
      const next = assetTests.find((x) => x.company_code === r.company_code && x.unit_id === r.unit_id && String(x.test_date) > String(r.test_date));
      const a = assets.get(key(r.company_code, r.unit_id))!;
      const life = Number(a.useful_life_months);
      if (!next || life <= 0) continue;
      const before = minorOf(r.carrying_amount);
      const after = minorOf(r.carrying_after);
      const residual = Math.min(after, Math.round((minorOf(a.salvage_value) * after) / before));
      const [ty, tm] = String(r.test_date).split("-").map(Number) as [number, number];
      const [ay, am] = String(a.acquisition_date).split("-").map(Number) as [number, number];
      const served = ty * 12 + tm - (ay * 12 + am);
      const drop = after - minorOf(next.carrying_amount);
      const months = [served - 1, served, served + 1].map((s) => life - s);
      const fits = months.some((left) => (left <= 0 ? drop === 0 : drop === Math.floor(((after - residual) * Math.min(3, left)) / left)));
      expect(fits).toBe(true);
      const old = Math.round(((minorOf(a.acquisition_cost) - minorOf(a.salvage_value)) * 3) / life);
      if (drop > 0 && drop < old * 0.9) followed++;
    }
    expect(followed).toBeGreaterThan(3);
    // The fixed-asset register (impaired carrying amounts, depreciated over the remaining life) equals the GL every period.
    const fixed = t("reconciliation").filter((r) => r.subledger === "fixed_assets");
    expect(fixed.length).toBe(24);
    for (const r of fixed) expect(minorOf(r.difference)).toBe(0);
  });

  test("parts switch off on their own; the scenario's framework overrides the countries'", () => {
    const part = tablesOf("phase accounting_standards { framework = us_gaap revenue_recognition = false impairment = false }");
    const rows = (name: string) => (part.get(name) ?? []) as Row[];
    expect(verifyLedger(part, DEFAULT_MODULES.tables())).toEqual([]);
    expect(rows("revenue_contracts")).toEqual([]);
    expect(rows("contract_balances")).toEqual([]);
    expect(rows("impairment_tests")).toEqual([]);
    const allowance = rows("credit_loss_allowance");
    expect(allowance.length).toBe(2 * 12 * 7);
    expect(new Set(allowance.map((r) => r.standard))).toEqual(new Set(["asc_326"]));
    for (const r of allowance) if (r.aging_bucket === "contract_assets") expect(minorOf(r.gross_amount)).toBe(0);
    for (const r of allowance) if (r.aging_bucket === "total") expect(minorOf(r.difference)).toBe(0);
    const types = new Set(rows("journal_entries").filter((j) => j.document_type === "RR" || j.document_type === "IM").map((j) => j.document_type));
    expect(types.size).toBe(0);
  });

  test("with the phase off, invoices post revenue as before and no contract table is written", () => {
    const off = tablesOf("");
    const roles = new Map((off.get("chart_of_accounts") as Row[]).map((a) => [String(a.account_number), String(a.role ?? "")]));
    const types = new Set((off.get("journal_entries") as Row[]).filter((j) => REVENUE.has(roles.get(String(j.account_number))!)).map((j) => String(j.document_type)));
    expect(types.has("RV")).toBe(true);
    expect(types.has("RR")).toBe(false);
    expect(off.get("revenue_contracts") ?? []).toEqual([]);
  });
});

// The contract arithmetic itself, on arbitrary contracts: allocation, schedules and balances.
const account = { number: "4000" } as Account;
const lineArb = fc.record({
  standalone: fc.integer({ min: 1, max: 5_000_000 }),
  service: fc.option(fc.record({ start: fc.integer({ min: 20_000, max: 20_300 }), days: fc.integer({ min: 0, max: 400 })}), { nil: undefined }),
  deliveries: fc.array(fc.record({ day: fc.integer({ min: 20_000, max: 20_400 }), quantity: fc.integer({ min: 0, max: 50 }) }), { minLength: 1, maxLength: 3 }),
  invoices: fc.array(fc.record({ day: fc.integer({ min: 20_000, max: 20_500 }), lag: fc.integer({ min: 0, max: 40 }), net: fc.integer({ min: 0, max: 3_000_000 }) }), { minLength: 1, maxLength: 3 }),
});

describe("contract arithmetic (property)", () => {
  test("schedules sum to the allocation, allocations to the transaction price, balances to the position", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 20_000, max: 20_600 }), (arb, endDay) => {
        const lines: ContractLine[] = arb.map((l, i) => ({
          soId: `SO-${i}`, materialIndex: 0, kind: l.service ? "subscription" : "goods", quantity: 1, price: l.standalone, standalone: l.standalone, revenue: account,
          deliveries: l.service ? [] : [...l.deliveries].sort((a, b) => a.day - b.day).map((d, k) => ({ id: `DL-${i}-${k}`, day: d.day, quantity: d.quantity })),
          service: l.service ? { start: l.service.start, end: l.service.start + l.service.days } : undefined,
          invoices: l.invoices.map((v, k) => ({ id: `CI-${i}-${k}`, day: v.day + v.lag, net: v.net, billable: v.day })),
        }));
        const plan = planContract({ soId: "SO-0", customer: "C", orderDay: 20_000, currency: "USD", lines }, endDay);
        const price = lines.reduce((s, l) => s + l.invoices.reduce((t, v) => t + v.net, 0), 0);
        expect(plan.transactionPrice).toBe(price);
        expect(plan.obligations.reduce((s, o) => s + o.allocated, 0)).toBe(price);
        let recognised = 0;
        for (const o of plan.obligations) {
          const rows = o.schedule;
          expect(rows.reduce((s, r) => s + r.amount, 0)).toBe(o.allocated);
          for (const r of rows) {
            expect(r.amount).toBeGreaterThan(0);
            if (r.day < endDay) recognised += r.amount;
          }
          for (let k = 1; k < rows.length; k++) expect(rows[k]!.day).toBeGreaterThanOrEqual(rows[k - 1]!.day);
        }
        // Revenue posted is the schedule rows before the end; the balances are the sum of every change and the split of the position.
        expect(plan.recognitions.reduce((s, r) => s + r.revenue.reduce((t, x) => t + x.amount, 0), 0)).toBe(recognised);
        const billed = [...plan.billings.values()].reduce((s, b) => s + b.net, 0);
        const changes = [...plan.recognitions.map((r) => r.change), ...[...plan.billings.values()].map((b) => b.change)];
        const sum = changes.reduce((s, c) => ({ liability: s.liability + c.liability, asset: s.asset + c.asset, unbilled: s.unbilled + c.unbilled }), { liability: 0, asset: 0, unbilled: 0 });
        const last = plan.positions[plan.positions.length - 1]?.balances ?? { liability: 0, asset: 0, unbilled: 0 };
        expect(sum).toEqual(last);
        expect(last.asset + last.unbilled - last.liability).toBe(recognised - billed);
        expect(last.liability >= 0 && last.asset >= 0 && last.unbilled >= 0).toBe(true);
        expect(split(recognised - billed, Number.MAX_SAFE_INTEGER).liability).toBe(last.liability);
      }),
      { numRuns: 300 },
    );
  });
});
