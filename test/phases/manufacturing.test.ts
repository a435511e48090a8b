// Manufacturing: production orders at standard cost with WIP that reconciles, variances that
// clear each order, goods made (not bought), components bought, inspections by the sampling
// table, cycle count differences equal to their postings; the ledger and going concern hold.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { compile } from "../../compiler/compile.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyFlows, verifyLedger, minorOf } from "../../testing/verify.ts";
import { verifyEconomics } from "../../testing/economics.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import { samplingPlan } from "../../phases/manufacturing/inspections.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();
type Row = Record<string, unknown>;

const scenario = (mfg: string, months = 8) => `
scenario "MFG" { seed = 21 industry = manufacturing start = 2025-01-01 months = ${months} group_currency = EUR }
company DE1 { country = DE currency = EUR share = 60% }
company US1 { country = US currency = USD }
fx { USD = 0.92 }
phase master_data { vendors = 40 customers = 40 materials = 160 fixed_assets = 15 employees = 50 cost_centers = 6 }
phase transactions { volume = 3k per year }
process procure_to_pay { volume = 1200 per year }
process order_to_cash { volume = 1500 per year }
${mfg}
`;

function tablesOf(source: string) {
  const r = compile(source, { path: "mfg.synth" });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return generateInMemory(r.plan!).tables;
}

const on = tablesOf(scenario("phase manufacturing { production_orders = 600 per year inspection_rate = 40% cycle_counts = 12 per year }"));
const t = (name: string) => (on.get(name) ?? []) as Row[];
const sum = (rows: Row[], col: string) => rows.reduce((s, r) => s + minorOf(r[col]), 0);
const key = (...parts: unknown[]) => parts.map(String).join("|");

describe("manufacturing", () => {
  test("the ledger stays whole: documents balance, inventory and WIP reconcile every period, stock never negative", () => {
    expect(verifyLedger(on, DEFAULT_MODULES.tables())).toEqual([]);
    expect(verifyFlows(on)).toEqual([]);
    expect(verifyEconomics(on, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
    const wip = t("reconciliation").filter((r) => r.subledger === "work_in_progress");
    expect(wip.length).toBe(2 * 8);
    expect(wip.every((r) => r.status === "reconciled")).toBe(true);
    // Orders run over period ends: WIP is really held at some month end.
    expect(wip.some((r) => minorOf(r.gl_balance) > 0)).toBe(true);
    expect(t("reconciliation").filter((r) => r.subledger === "inventory").every((r) => r.status === "reconciled")).toBe(true);
  });

  test("every order's WIP clears: components + conversion = received + variances; each from the raw movements, confirmations and journal", () => {
    const orders = t("production_orders");
    expect(orders.length).toBeGreaterThan(300);
    const byOrder = (rows: Row[], col: string, valueCol: string, filter: (r: Row) => boolean = () => true) => {
      const m = new Map<string, number>();
      for (const r of rows) if (filter(r)) m.set(key(r.company_code, r[col]), (m.get(key(r.company_code, r[col])) ?? 0) + minorOf(r[valueCol]));
      return m;
    };
    const issued = byOrder(t("inventory_movements"), "reference_document_id", "value", (r) => r.movement_type === "production_issue");
    const receivedMv = byOrder(t("inventory_movements"), "reference_document_id", "value", (r) => r.movement_type === "production_receipt");
    const confirmed = byOrder(t("production_confirmations"), "order_id", "conversion_cost");
    const wipAccounts = new Set(t("chart_of_accounts").filter((a) => a.role === "wip").map((a) => String(a.account_number)));
    const wipNet = new Map<string, number>();
    for (const l of t("journal_entries")) {
      if (!wipAccounts.has(String(l.account_number))) continue;
      const k = key(l.company_code, l.source_document_id);
      wipNet.set(k, (wipNet.get(k) ?? 0) + minorOf(l.debit_amount) - minorOf(l.credit_amount));
    }
    let closed = 0;
    for (const o of orders) {
      const k = key(o.company_code, o.order_id);
      expect(-(issued.get(k) ?? 0)).toBe(minorOf(o.material_cost));
      expect(confirmed.get(k) ?? 0).toBe(minorOf(o.conversion_cost));
      expect(receivedMv.get(k) ?? 0).toBe(minorOf(o.received_value));
      const variances = ["usage_variance", "efficiency_variance", "scrap_variance", "other_variance"].reduce((s, c) => s + minorOf(o[c]), 0);
      if (o.status === "closed") {
        closed++;
        expect(minorOf(o.material_cost) + minorOf(o.conversion_cost)).toBe(minorOf(o.received_value) + variances);
        expect(minorOf(o.received_value)).toBe(Number(o.good_quantity) * minorOf(o.standard_cost));
        expect(wipNet.get(k) ?? 0).toBe(0);
      } else {
        expect(variances).toBe(0);
        expect(wipNet.get(k) ?? 0).toBe(minorOf(o.material_cost) + minorOf(o.conversion_cost));
      }
    }
    expect(closed).toBeGreaterThan(orders.length * 0.8);
  });

  test("standard costs roll up from the bills and routings (with the planned scrap); variances stay small", () => {
    const std = new Map(t("materials").map((m) => [key(m.company_code, m.material_id), minorOf(m.standard_cost)]));
    const inputs = new Map<string, number>();
    for (const b of t("bills_of_material")) inputs.set(key(b.company_code, b.parent_material_id), (inputs.get(key(b.company_code, b.parent_material_id)) ?? 0) + minorOf(b.component_cost));
    for (const r of t("routings")) inputs.set(key(r.company_code, r.material_id), (inputs.get(key(r.company_code, r.material_id)) ?? 0) + minorOf(r.conversion_cost));
    expect(inputs.size).toBeGreaterThan(10);
    for (const [k, v] of inputs) expect(v).toBe(Math.round(std.get(k)! / 1.02));
    // A semi-finished component has a bill of its own: the bills are multi-level.
    expect(t("bills_of_material").some((b) => b.level === 2)).toBe(true);
    const orders = t("production_orders").filter((o) => o.status === "closed");
    const variance = orders.reduce((s, o) => s + ["usage_variance", "efficiency_variance", "scrap_variance", "other_variance"].reduce((x, c) => x + minorOf(o[c]), 0), 0);
    expect(Math.abs(variance)).toBeLessThan(0.03 * sum(orders, "received_value"));
  });

  test("made goods are not bought; their components are, and production takes them from stock", () => {
    const made = new Set(t("bills_of_material").map((b) => key(b.company_code, b.parent_material_id)));
    const bought = t("purchase_orders").filter((p) => !p.is_service);
    expect(bought.length).toBeGreaterThan(100);
    for (const p of bought) expect(made.has(key(p.company_code, p.material_id))).toBe(false);
    const components = new Set(t("bills_of_material").map((b) => key(b.company_code, b.component_material_id)));
    expect(bought.some((p) => components.has(key(p.company_code, p.material_id)))).toBe(true);
    // Sales deliver what production made.
    const receipts = new Set(t("inventory_movements").filter((m) => m.movement_type === "production_receipt").map((m) => key(m.company_code, m.material_id)));
    expect(t("inventory_movements").some((m) => m.movement_type === "issue" && receipts.has(key(m.company_code, m.material_id)))).toBe(true);
  });

  test("inspections sample by the ISO 2859-1 table; the usage decision follows the acceptance number", () => {
    const lots = t("quality_inspections");
    expect(lots.length).toBeGreaterThan(50);
    for (const q of lots) {
      const plan = samplingPlan(Number(q.lot_size));
      expect([q.code_letter, Number(q.sample_size), Number(q.accept_number)]).toEqual([plan.letter, plan.sample, plan.accept]);
      expect(q.usage_decision === "accept").toBe(Number(q.defects) <= Number(q.accept_number));
    }
    const results = new Map<string, number>();
    for (const r of t("inspection_results")) results.set(String(r.inspection_id), (results.get(String(r.inspection_id)) ?? 0) + Number(r.out_of_limits));
    for (const q of lots) expect(results.get(String(q.inspection_id))).toBe(Number(q.defects));
    for (const r of t("inspection_results")) if (Number(r.out_of_limits) > 0) expect(Number(r.sample_min) < Number(r.lower_limit) || Number(r.sample_max) > Number(r.upper_limit)).toBe(true);
  });

  test("cycle count differences are what was posted: book quantities from the movements, A every month", () => {
    const counts = t("cycle_counts");
    expect(counts.length).toBeGreaterThan(50);
    const adjustment = new Set(t("chart_of_accounts").filter((a) => a.role === "inventory_adjustment").map((a) => String(a.account_number)));
    const posted = t("journal_entries").filter((l) => adjustment.has(String(l.account_number)));
    // Shrinkage debits the adjustment account.
    expect(posted.reduce((s, l) => s + minorOf(l.debit_amount) - minorOf(l.credit_amount), 0)).toBe(-sum(counts, "difference_value"));
    expect(counts.some((c) => Number(c.difference) !== 0)).toBe(true);
    // The book quantity is the stock after every movement up to the count day.
    const movements = t("inventory_movements");
    for (const c of counts.slice(0, 40)) {
      const book = movements.filter((m) => m.company_code === c.company_code && m.material_id === c.material_id && String(m.movement_date) <= String(c.count_date) && m.reference_document_id !== c.count_id).reduce((s, m) => s + Number(m.quantity), 0);
      expect(book).toBe(Number(c.book_quantity));
      expect(Number(c.counted_quantity)).toBe(Number(c.book_quantity) + Number(c.difference));
    }
    const a = new Set(counts.filter((c) => c.abc_class === "A").map((c) => String(c.count_date).slice(0, 7)));
    expect(a.size).toBe(8);
  });

  test("incoming inspection: bought components sampled at the dock; a rejected lot's defectives go back to the vendor and only the rest is invoiced", () => {
    const rx = tablesOf(scenario("phase manufacturing { production_orders = 600 per year receipt_inspection_rate = 100% }\nphase source_to_contract { }", 6));
    const r = (name: string) => (rx.get(name) ?? []) as Row[];
    expect(verifyLedger(rx, DEFAULT_MODULES.tables())).toEqual([]);
    expect(verifyFlows(rx)).toEqual([]);
    const lots = r("quality_inspections").filter((q) => q.inspection_type === "goods_receipt");
    const receipts = new Map(r("goods_receipts").map((g) => [key(g.company_code, g.gr_id), g]));
    const components = new Set(r("bills_of_material").map((b) => key(b.company_code, b.component_material_id)));
    expect(lots.length).toBeGreaterThan(20);
    for (const q of lots) {
      const g = receipts.get(key(q.company_code, q.gr_id))!;
      expect(g).toBeDefined();
      expect(components.has(key(q.company_code, g.material_id))).toBe(true);
      expect(Number(q.lot_size)).toBe(Number(g.quantity));
      expect(Number(q.sample_size)).toBe(samplingPlan(Number(q.lot_size)).sample);
      // Rejected exactly when the sample holds more defectives than the plan accepts.
      expect(q.usage_decision).toBe(Number(q.defects) > Number(q.accept_number) ? "return_to_vendor" : "accept");
      expect(Number(q.units_returned)).toBe(Number(g.returned_quantity));
    }
    const returned = lots.filter((q) => q.usage_decision === "return_to_vendor");
    expect(returned.length).toBeGreaterThan(0);
    const moves = new Map(r("inventory_movements").filter((m) => m.movement_type === "return_to_vendor").map((m) => [key(m.company_code, m.reference_document_id), m]));
    const entries = r("journal_entries");
    const invoices = r("vendor_invoices");
    const ppv = new Set(r("chart_of_accounts").filter((a) => a.role === "price_variance").map((a) => a.account_number));
    for (const q of returned) {
      const g = receipts.get(key(q.company_code, q.gr_id))!;
      const m = moves.get(key(q.company_code, q.inspection_id))!;
      expect(Number(m.quantity)).toBe(-Number(q.units_returned));
      // The return's entry credits inventory by the movement's value and debits GR/IR.
      const lines = entries.filter((e) => e.company_code === q.company_code && e.source_document_id === q.inspection_id);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(sum(lines, "debit_amount")).toBe(sum(lines, "credit_amount"));
      expect(sum(lines.filter((e) => !ppv.has(e.account_number)), "credit_amount")).toBe(-minorOf(m.value));
      // The invoice clears what stayed on GR/IR: received minus returned, nothing more.
      const inv = invoices.find((i) => i.company_code === q.company_code && i.gr_id === g.gr_id);
      if (inv && inv.variance_type === "none" && inv.currency === "EUR") {
        const kept = minorOf(g.gr_ir_value) - sum(lines.filter((e) => !ppv.has(e.account_number)), "debit_amount");
        expect(minorOf(inv.net_amount)).toBe(kept);
      }
    }
    // Supplier scorecards rate quality from these lots: inspected and rejected per vendor and quarter.
    const vendorOf = new Map(r("purchase_orders").map((p) => [key(p.company_code, p.po_id), p.vendor_id]));
    const quarterOf = (d: unknown) => Math.floor((Number(String(d).slice(5, 7)) - 1) / 3);
    const counted = new Map<string, [number, number]>();
    for (const q of lots) {
      const v = vendorOf.get(key(q.company_code, receipts.get(key(q.company_code, q.gr_id))!.po_id));
      const k = key(q.company_code, v, quarterOf(q.inspection_date));
      const [n, bad] = counted.get(k) ?? [0, 0];
      counted.set(k, [n + 1, bad + (q.usage_decision === "return_to_vendor" ? 1 : 0)]);
    }
    const cards = r("supplier_scorecards");
    let rated = 0;
    for (const c of cards) {
      const [n, bad] = counted.get(key(c.company_code, c.vendor_id, Math.floor((Number(c.fiscal_period) - 1) / 3))) ?? [0, 0];
      expect([Number(c.lots_inspected), Number(c.lots_rejected)]).toEqual([n, bad]);
      if (n > 0) rated++;
      expect(c.quality_rate === null || c.quality_rate === undefined ? undefined : Number(c.quality_rate)).toEqual(n > 0 ? Number(((n - bad) / n).toFixed(4)) : undefined);
    }
    expect(rated).toBeGreaterThan(0);
  });

  test("production orders start and finish on weekdays, and so do the goods receipts their components need", () => {
    const weekend = (d: unknown) => [0, 6].includes(new Date(`${String(d)}T00:00:00Z`).getUTCDay());
    const orders = t("production_orders");
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.filter((o) => weekend(o.start_date) || weekend(o.finish_date))).toEqual([]);
    expect(t("goods_receipts").filter((g) => weekend(g.receipt_date))).toEqual([]);
  });

  test("sampling plans: the sample never exceeds the lot and grows with it", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 1_000_000 }), fc.integer({ min: 2, max: 1_000_000 }), (x, y) => {
      const [small, large] = x <= y ? [x, y] : [y, x];
      const a = samplingPlan(small);
      const b = samplingPlan(large);
      return a.sample <= small && a.sample <= Math.max(b.sample, small) && a.accept <= b.accept + (a.sample > b.sample ? 21 : 0);
    }));
  });

  test("without the phase, purchasing buys the finished goods and nothing is produced", () => {
    const off = tablesOf(scenario("", 3));
    expect(off.get("production_orders")).toBeUndefined();
    const finished = new Set((off.get("materials") as Row[]).filter((m) => m.material_type === "finished").map((m) => key(m.company_code, m.material_id)));
    expect((off.get("purchase_orders") as Row[]).some((p) => finished.has(key(p.company_code, p.material_id)))).toBe(true);
  });

  test("with hr and source_to_contract too: the same files for 1 and 3 workers, after an interrupted run resumes, and from 2 shards merged", async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { run: runPlan } = await import("../../engine/run.ts");
    const { mergeShards } = await import("../../engine/merge.ts");
    const { Interrupted } = await import("../../core/errors.ts");
    const plan = compile(scenario("phase manufacturing { production_orders = 300 per year receipt_inspection_rate = 100% }\nphase hr { pay_frequency = biweekly }\nphase source_to_contract { }", 3), { path: "mfg.synth" }).plan!;
    const dir = mkdtempSync(join(tmpdir(), "synth-mfg-"));
    const quiet = { formats: ["csv" as const], progress: "none" as const };
    const digests = (d: string) => JSON.parse(readFileSync(join(d, "manifest.json"), "utf8")).files.map((f: { path: string; sha256: string }) => `${f.path}:${f.sha256}`);
    try {
      const a = join(dir, "a");
      const done = await runPlan(plan, { ...quiet, out: a, workers: 1 }).done;
      for (const table of ["production_orders", "payroll_lines", "contracts", "quality_inspections"]) expect(done.files.some((f) => f.table === table && f.rows > 0)).toBe(true);
      await runPlan(plan, { ...quiet, out: join(dir, "b"), workers: 3, batchSize: 1 }).done;
      expect(digests(join(dir, "b"))).toEqual(digests(a));
      const c = join(dir, "c");
      let stopped = false;
      const r = runPlan(plan, { ...quiet, out: c, workers: 2, batchSize: 2, checkpointEveryMs: 0, onProgress: (pr) => !stopped && pr.phase === "transactions" && ((stopped = true), r.stop()) });
      await expect(r.done).rejects.toBeInstanceOf(Interrupted);
      await runPlan(plan, { ...quiet, out: c, workers: 2, resume: true }).done;
      expect(digests(c)).toEqual(digests(a));
      const shards = [0, 1].map((i) => join(dir, `s${i}`));
      for (let i = 0; i < 2; i++) await runPlan(plan, { ...quiet, out: shards[i]!, workers: i, shard: { index: i, count: 2 } }).done;
      await mergeShards(shards, { out: join(dir, "merged"), progress: "none" });
      expect(digests(join(dir, "merged"))).toEqual(digests(a));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
