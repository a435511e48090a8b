// kickback: a colluding vendor-approver pair; the anomalies phase tells procure-to-pay (capability
// purchase_kickbacks) which service orders go to the vendor and by how much their invoice is
// marked up, and procure-to-pay posts, pays and carries them through its normal code.
// Recomputed from the raw tables: the mark-up is visible, labels point at exactly the changed
// rows, every other procure-to-pay row is what the run without the fraud wrote, the AP
// reconciliation and the verifiers hold, the same bytes for any worker count and for shards
// merged; none when procure_to_pay is off.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyLabelled } from "../../testing/verify-labels.ts";
import { generousTimeout } from "../setup.ts";
import { ANOMALY_STATS } from "../../phases/anomalies/stats.ts";
import { minor, planOf, rows, sameEverywhere, type Row } from "./anomalies-fixture.ts";

generousTimeout();

const root = mkdtempSync(join(tmpdir(), "synth-kickback-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const scenario = (anomalies: string, p2p = "process procure_to_pay { volume = 900 per year }") => `
scenario "Kickbacks" { seed = 13  industry = manufacturing  start = 2024-01-01  months = 6 }
chart_of_accounts { size = small }
company A1 { currency = USD }
company B1 { country = DE  currency = EUR }
phase master_data { vendors = 60 customers = 40 materials = 20 fixed_assets = 5 employees = 30 cost_centers = 5 }
phase transactions { volume = 6k per year  block_size = 64  users = 8 }
phase source_to_contract { }
${p2p}
${anomalies}
`;
const KICK = `phase anomalies { types = [kickback]  rates { kickback = 4% } }`;
const plan = planOf(scenario(KICK));
const dirty = generateInMemory(plan);
const clean = generateInMemory(planOf(scenario("phase anomalies { enabled = false }")));
// The anomalies phase without the type: procure-to-pay as without the phase.
const other = generateInMemory(planOf(scenario(`phase anomalies { types = [self_approval]  rates { self_approval = 1% } }`)));
const labels = rows(dirty, "anomaly_labels").filter((l) => l.anomaly_type === "kickback");
const invoiceIds = new Set(labels.filter((l) => l.table_name === "vendor_invoices").map((l) => `${l.company_code}|${l.document_id}`));
const isKick = (r: Row) => invoiceIds.has(`${r.company_code}|${r.invoice_id}`);
const baseOf = (id: unknown) => /-([A-Z0-9]+-\d{9})/.exec(String(id))?.[1] ?? "";
const bases = new Set([...invoiceIds].map((k) => `${k.split("|")[0]}|${baseOf(k.split("|")[1])}`));
const key = (...xs: unknown[]) => xs.join("|");
const P2P = ["purchase_orders", "goods_receipts", "vendor_invoices", "payments", "ap_open_items"];

describe("kickback", () => {
  test("the planned count: every planned kickback is placed, one colluding vendor and approver per company", () => {
    const state = dirty.state!.get(ANOMALY_STATS);
    const planned = [...plan.phases.find((p) => p.id === "anomalies")!.layout.segments].filter((s) => s.table === "kickback").reduce((s, x) => s + x.units, 0);
    expect(planned).toBeGreaterThan(4);
    expect(invoiceIds.size).toBe(planned - (state.get("short|A1|kickback") ?? 0) - (state.get("short|B1|kickback") ?? 0));
    expect(invoiceIds.size).toBeGreaterThan(planned * 0.8);
    for (const c of ["A1", "B1"]) {
      const own = labels.filter((l) => l.company_code === c);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map((l) => l.related_entities)).size).toBe(1);
      expect(new Set(own.map((l) => l.scheme_id)).size).toBe(1);
      const vendors = new Set(rows(dirty, "vendor_invoices").filter((r) => r.company_code === c && isKick(r)).map((r) => r.vendor_id));
      expect(vendors.size).toBe(1);
      expect(String(own[0]!.related_entities).split(" ")[0]).toBe(String([...vendors][0]));
      expect(String(own[0]!.related_entities).split(" ")[1]).toMatch(new RegExp(`^U${c}-A0\\d$`));
      // Recurring over months.
      const months = new Set(rows(dirty, "vendor_invoices").filter((r) => r.company_code === c && isKick(r)).map((r) => String(r.posting_date).slice(0, 7)));
      expect(months.size).toBeGreaterThan(1);
    }
  });

  test("the mark-up is visible: 5-15% above the order price, unblocked, paid in full, the entry's variance line and AP credit", () => {
    const orders = new Map(rows(dirty, "purchase_orders").map((o) => [`${o.company_code}|${o.po_id}`, o]));
    const je = rows(dirty, "journal_entries");
    for (const inv of rows(dirty, "vendor_invoices").filter(isKick)) {
      const po = orders.get(`${inv.company_code}|${inv.po_id}`)!;
      const was = minor(inv.net_amount) - minor(inv.variance_amount);
      expect(was).toBe(minor(po.net_amount));
      const up = minor(inv.variance_amount) / was;
      expect(inv.variance_type).toBe("price");
      expect(up).toBeGreaterThan(0.049);
      expect(up).toBeLessThan(0.151);
      expect(inv.payment_block).toBe(false);
      // Paid as the replaced invoice would have been (same ids and plan), for the higher gross.
      const pays = rows(dirty, "payments").filter((p) => p.company_code === inv.company_code && p.invoice_id === inv.invoice_id);
      if (pays.length) expect(pays.map((p) => p.payment_id)).toEqual(rows(clean, "payments").filter((p) => p.company_code === inv.company_code && p.invoice_id === inv.invoice_id).map((p) => p.payment_id));
      if (pays.some((p) => p.kind === "full" || p.kind === "remainder")) expect(pays.reduce((s, p) => s + minor(p.amount) + minor(p.discount_amount), 0)).toBe(minor(inv.gross_amount));
      const lines = je.filter((j) => j.company_code === inv.company_code && j.document_id === `JE-${inv.invoice_id}`);
      expect(lines.reduce((s, j) => s + minor(j.debit_amount), 0)).toBe(lines.reduce((s, j) => s + minor(j.credit_amount), 0));
      const ap = lines.filter((j) => j.partner_id === inv.vendor_id);
      expect(ap.length).toBe(1);
      expect(minor(ap[0]!.credit_amount)).toBe(minor(inv.company_amount));
    }
  });

  test("labels point at exactly the changed rows: order, invoice, payments, open items, invoice and payment entries", () => {
    const want = new Set<string>();
    const inBases = (c: unknown, id: unknown) => bases.has(`${c}|${baseOf(id)}`);
    for (const r of rows(dirty, "purchase_orders")) if (inBases(r.company_code, r.po_id)) want.add(key("purchase_orders", r.company_code, r.po_id));
    for (const r of rows(dirty, "vendor_invoices")) if (isKick(r)) want.add(key("vendor_invoices", r.company_code, r.invoice_id));
    for (const r of rows(dirty, "payments")) if (isKick(r)) want.add(key("payments", r.company_code, r.payment_id));
    for (const r of rows(dirty, "ap_open_items")) if (isKick(r)) want.add(key("ap_open_items", r.company_code, `${r.invoice_id} ${r.period_end}`));
    for (const r of rows(dirty, "journal_entries")) if (/^JE-(VI|PY)-/.test(String(r.document_id)) && inBases(r.company_code, r.document_id)) want.add(key("journal_entries", r.company_code, r.document_id));
    const got = labels.map((l) => key(l.table_name, l.company_code, l.document_id));
    expect(new Set(got)).toEqual(want);
    expect(got.filter((g) => g.startsWith("payments|")).length).toBeGreaterThan(0);
    expect(got.filter((g) => g.startsWith("ap_open_items|")).length).toBeGreaterThan(0);
    for (const l of labels) expect(l.is_fraud).toBe(true);
  });

  test("every other procure-to-pay row is what the run without the fraud wrote; without the type listed, all of it", () => {
    for (const t of P2P) {
      const a = rows(dirty, t).filter((r) => !bases.has(`${r.company_code}|${baseOf(r.invoice_id ?? r.po_id ?? r.gr_id)}`)).map((r) => JSON.stringify(r));
      const b = rows(clean, t).filter((r) => !bases.has(`${r.company_code}|${baseOf(r.invoice_id ?? r.po_id ?? r.gr_id)}`)).map((r) => JSON.stringify(r));
      expect(a).toEqual(b);
      expect(rows(other, t).map((r) => JSON.stringify(r))).toEqual(rows(clean, t).map((r) => JSON.stringify(r)));
    }
    const p2pJe = (g: typeof dirty) => rows(g, "journal_entries").filter((j) => /^JE-(GR|VI|PY)-/.test(String(j.document_id))).map((r) => JSON.stringify(r));
    expect(p2pJe(other)).toEqual(p2pJe(clean));
    // And without the phase in the scenario at all.
    const none = generateInMemory(planOf(scenario("")));
    for (const t of P2P) expect(rows(none, t).map((r) => JSON.stringify(r))).toEqual(rows(clean, t).map((r) => JSON.stringify(r)));
    expect(p2pJe(none)).toEqual(p2pJe(clean));
    for (const t of ["sourcing_contracts", "vendor_scorecards"]) if (clean.tables.has(t)) expect(rows(other, t)).toEqual(rows(clean, t));
  });

  test("the ledger, the AP reconciliation and ageing, flows and economics stay green", () => {
    expect(verifyLabelled(dirty.tables, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
    const rec = rows(dirty, "reconciliation");
    expect(rec.some((r) => String(r.subledger).toLowerCase().includes("ap") || String(r.subledger).includes("payable"))).toBe(true);
    for (const r of rec) expect([r.subledger, r.status, minor(r.difference)]).toEqual([r.subledger, "reconciled", 0]);
    // Open items of a kickback carry its higher gross until paid.
    for (const o of rows(dirty, "ap_open_items").filter(isKick)) {
      const inv = rows(dirty, "vendor_invoices").find((r) => r.company_code === o.company_code && r.invoice_id === o.invoice_id)!;
      expect(minor(o.open_amount)).toBe(minor(inv.gross_amount));
    }
  });

  test("the detection predicate (upward price variance beyond the match tolerance) finds every kickback", () => {
    const state = dirty.state!.get(ANOMALY_STATS);
    expect(state.get("lab|kickback")).toBe(invoiceIds.size);
    expect(state.get("tp|kickback")).toBe(invoiceIds.size);
  });

  test("same bytes for any worker count and for shards merged", async () => {
    const f = await sameEverywhere(plan, root);
    expect(f.byType.kickback).toMatchObject({ injected: invoiceIds.size, recall: 1 });
  });

  test("without procure_to_pay: none placed", () => {
    const g = generateInMemory(planOf(scenario(KICK, "process procure_to_pay { enabled = false }")));
    expect(rows(g, "anomaly_labels").filter((l) => l.anomaly_type === "kickback")).toEqual([]);
  });
});
