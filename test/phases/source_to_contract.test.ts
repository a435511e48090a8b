// Source-to-contract: contracts price procure-to-pay's orders, off-contract buying at the
// configured rate, consumption and spend recomputed from the orders, scorecards from receipts.
import { describe, expect, test } from "bun:test";
import { compile } from "../../compiler/compile.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyFlows, verifyLedger, minorOf } from "../../testing/verify.ts";
import { verifyEconomics } from "../../testing/economics.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();
type Row = Record<string, unknown>;

const source = (s2c: string) => `
scenario "S2C" { seed = 5 industry = manufacturing start = 2025-01-01 months = 12 group_currency = USD }
company US1 { country = US currency = USD share = 60% }
company DE1 { country = DE currency = EUR }
fx { EUR = 1.085 }
phase master_data { vendors = 40 customers = 40 materials = 60 fixed_assets = 15 employees = 40 cost_centers = 5 }
phase transactions { volume = 2k per year }
process procure_to_pay { volume = 2400 per year }
process order_to_cash { volume = 1200 per year }
${s2c}
`;

function tablesOf(s2c: string) {
  const r = compile(source(s2c), { path: "s2c.synth" });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return generateInMemory(r.plan!).tables;
}

const on = tablesOf("phase source_to_contract { sourcing_events = 10 contracts = 8 maverick_rate = 10% }");
const t = (name: string) => (on.get(name) ?? []) as Row[];

describe("source to contract", () => {
  test("the ledger stays whole with contract pricing", () => {
    expect(verifyLedger(on, DEFAULT_MODULES.tables())).toEqual([]);
    expect(verifyFlows(on)).toEqual([]);
    expect(verifyEconomics(on, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
  });

  test("every order that references a contract is priced from its line, in the contract's currency, unless off contract", () => {
    const lines = new Map(t("contract_lines").map((l) => [`${l.company_code}|${l.contract_id}|${l.material_id}`, l]));
    const contracts = new Map(t("contracts").map((k) => [`${k.company_code}|${k.contract_id}`, k]));
    const referencing = t("purchase_orders").filter((p) => p.contract_id !== null);
    expect(referencing.length).toBeGreaterThan(100);
    for (const p of referencing) {
      const k = contracts.get(`${p.company_code}|${p.contract_id}`)!;
      expect(k).toBeDefined();
      expect(String(p.order_date) >= String(k.start_date) && String(p.order_date) <= String(k.end_date)).toBe(true);
      if (p.off_contract) {
        expect(p.vendor_id).not.toBe(k.vendor_id);
        continue;
      }
      const line = lines.get(`${p.company_code}|${p.contract_id}|${p.material_id}`)!;
      expect(p.unit_price).toBe(line.unit_price);
      expect(p.vendor_id).toBe(k.vendor_id);
      expect(p.currency).toBe(k.currency);
    }
  });

  test("orders in an awarded category during a contract reference it; off-contract buying is near the configured 10%", () => {
    const categories = new Map(t("materials").map((m) => [`${m.company_code}|${m.material_id}`, String(m.material_group)]));
    const contracts = t("contracts");
    const listed = new Set(t("contract_lines").map((l) => `${l.company_code}|${l.contract_id}|${l.material_id}`));
    let covered = 0;
    let off = 0;
    for (const p of t("purchase_orders")) {
      if (p.is_service) continue;
      const category = categories.get(`${p.company_code}|${p.material_id}`);
      // A contract lists the goods of its category the company sells; others stay off it.
      const k = contracts.find((x) => x.company_code === p.company_code && x.category === category && listed.has(`${p.company_code}|${x.contract_id}|${p.material_id}`) && String(p.order_date) >= String(x.start_date) && String(p.order_date) <= String(x.end_date));
      if (!k) continue;
      covered++;
      expect(p.contract_id).not.toBeNull();
      if (p.off_contract) off++;
    }
    expect(covered).toBeGreaterThan(200);
    expect(Math.abs(off / covered - 0.1)).toBeLessThan(0.04);
  });

  test("a good is on one contract at a time: lots split a category, renewals start after the running contract", () => {
    const contracts = new Map(t("contracts").map((k) => [`${k.company_code}|${k.contract_id}`, k]));
    const byGood = new Map<string, Row[]>();
    for (const l of t("contract_lines")) {
      const key = `${l.company_code}|${l.material_id}`;
      byGood.set(key, [...(byGood.get(key) ?? []), contracts.get(`${l.company_code}|${l.contract_id}`)!]);
    }
    expect(t("contracts").length).toBeGreaterThanOrEqual(6);
    for (const list of byGood.values()) {
      const sorted = [...list].sort((a, b) => String(a.start_date).localeCompare(String(b.start_date)));
      for (let i = 1; i < sorted.length; i++) expect(String(sorted[i]!.start_date) > String(sorted[i - 1]!.end_date)).toBe(true);
    }
  });

  test("contract consumption and spend by category are the orders' own sums", () => {
    for (const k of t("contracts")) {
      const orders = t("purchase_orders").filter((p) => p.company_code === k.company_code && p.contract_id === k.contract_id && p.off_contract === false);
      expect(orders.reduce((s, p) => s + minorOf(p.net_amount), 0)).toBe(minorOf(k.consumed_value));
    }
    // Spend per company, month and category: every order (goods and services) at the order day's published rate.
    const currencyOf: Record<string, string> = { US1: "USD", DE1: "EUR" };
    const rates = new Map(t("fx_rates").map((r) => [`${r.rate_date}|${r.from_currency}|${r.to_currency}`, Number(r.rate)]));
    const categories = new Map(t("materials").map((m) => [`${m.company_code}|${m.material_id}`, String(m.material_group)]));
    const expected = new Map<string, { spend: number; contracted: number; off: number }>();
    for (const p of t("purchase_orders")) {
      const own = currencyOf[String(p.company_code)]!;
      const net = minorOf(p.net_amount);
      const value = p.currency === own ? net : Math.round(net * rates.get(`${p.order_date}|${p.currency}|${own}`)!);
      const key = `${p.company_code}|${Number(String(p.order_date).slice(5, 7))}|${categories.get(`${p.company_code}|${p.material_id}`)}`;
      const e = expected.get(key) ?? { spend: 0, contracted: 0, off: 0 };
      e.spend += value;
      if (p.contract_id !== null && !p.off_contract) e.contracted += value;
      if (p.off_contract) e.off += value;
      expected.set(key, e);
    }
    const rows = t("spend_analysis");
    expect(rows.length).toBe(expected.size);
    for (const r of rows) {
      const e = expected.get(`${r.company_code}|${r.fiscal_period}|${r.category}`)!;
      expect([minorOf(r.spend), minorOf(r.contracted_spend), minorOf(r.off_contract_spend)]).toEqual([e.spend, e.contracted, e.off]);
    }
  });

  test("scorecards count the quarter's receipts of each vendor and rate them", () => {
    const cards = t("supplier_scorecards");
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      expect(Number(c.late_receipts)).toBeLessThanOrEqual(Number(c.receipts));
      expect(Number(c.on_time_rate)).toBeCloseTo((Number(c.receipts) - Number(c.late_receipts)) / Number(c.receipts), 3);
    }
    const late = t("purchase_orders").filter((p) => !p.is_service).length;
    expect(late).toBeGreaterThan(0);
  });

  test("every bid, evaluation, RFx and contract points at its project; awards go to the best bid that saves money", () => {
    const projects = new Set(t("sourcing_projects").map((p) => p.project_id));
    const rfx = new Set(t("rfx_events").map((r) => r.rfx_id));
    for (const r of t("rfx_events")) expect(projects.has(r.project_id)).toBe(true);
    for (const b of t("supplier_bids")) expect(rfx.has(b.rfx_id)).toBe(true);
    for (const k of t("contracts")) expect(projects.has(k.project_id)).toBe(true);
    const bids = new Map(t("supplier_bids").map((b) => [b.bid_id, b]));
    for (const e of t("bid_evaluations").filter((x) => x.awarded === true)) {
      expect(e.rank).toBe(1);
      expect(Number(bids.get(e.bid_id)!.discount)).toBeGreaterThan(0);
    }
  });

  test("without the phase, procure-to-pay prices from standard costs and references no contract", () => {
    const off = tablesOf("");
    expect((off.get("purchase_orders") ?? []).every((p) => p.contract_id === null && p.off_contract === false)).toBe(true);
  });
});
