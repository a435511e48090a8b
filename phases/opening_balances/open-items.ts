// What stands behind the opening balance sheet: the receivables and payables open at the start
// (invoices dated before it, settled in the first months) and the stock on hand per material.
// The opening balances of AR, AP and inventory are the sums of these, so every subledger
// reconciles from day one.
import { allocate } from "../../core/allocate.ts";
import { formatIso } from "../../core/calendar.ts";
import { Rng, hash32 } from "../../core/rng.ts";
import { inventoryMovements } from "../../specs/records/flows.ts";
import { bankDayOnOrAfter, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import { assortment } from "../master_data/assortment.ts";
import { moneyOf, openItems, settle, type FlowEnv, type OpenInvoice, type Settlement } from "../../ledger/flows.ts";
import { counts, customer, inventoryAccount, material, vendor } from "../master_data/index.ts";
import { dueDay, within, writeCustomerInvoice, writePayment, writeReceipt, writeVendorInvoice } from "../../ledger/documents.ts";
import type { Account } from "../../ledger/chart.ts";

/** Quantity on hand per good at the start: about `stockDays` of its planned sales (services hold no stock). */
export function openingStock(cx: RunContext, c: CompanyInfo, stockDays: number): { index: number; qty: number; value: number; account: Account }[] {
  const rng = new Rng(cx.seed, hash32("opening_stock"), c.index);
  const a = assortment(cx, c);
  const out = a.goods.map((i, k) => {
    const m = material(cx, c.index, i);
    const qty = Math.max(0, Math.round(((a.yearlyUnits[k]! * stockDays) / 365) * (0.7 + 0.6 * rng.next())));
    return { index: i, qty, value: qty * Math.max(1, m.standardCost), account: inventoryAccount(cx, m) };
  });
  return out.filter((s) => s.qty > 0).sort((x, y) => x.index - y.index);
}

export function writeOpeningStock(env: FlowEnv, c: CompanyInfo, stock: ReturnType<typeof openingStock>): void {
  const day = formatIso(env.cx.periods[0]!.firstDay);
  const w = env.out.table(inventoryMovements);
  for (const s of stock) {
    const m = material(env.cx, c.index, s.index);
    env.totals.movement(c.index, 0, s.index, s.qty, s.value, env.cx.periods[0]!.firstDay);
    w.id(c.code);
    w.id(`MV-OB-${m.id}`);
    w.id(m.id);
    w.date(day);
    w.id("opening");
    w.int(s.qty);
    w.money(s.value, c.digits);
    w.id(`OB-${c.code}-000000001`);
    w.end();
  }
}

/**
 * Invoices open at the start that sum exactly to the opening AR (or AP) balance, dated within
 * about twice the plan's DSO (DPO) before it and settled on bank days from the start on.
 */
export function openingInvoices(env: FlowEnv, c: CompanyInfo, side: "ar" | "ap", total: number): void {
  if (total <= 0) return;
  const { cx } = env;
  const rng = new Rng(cx.seed, hash32(`opening_${side}`), c.index);
  const partners = side === "ar" ? counts(cx).customers : counts(cx).vendors;
  const n = Math.max(1, Math.min(partners * 2, 120, Math.floor(total / 10 ** c.digits)));
  const amounts = allocate(total, Array.from({ length: n }, () => 0.2 + rng.next()));
  const start = cx.periods[0]!.firstDay;
  const spread = Math.max(10, Math.min(180, 2 * (side === "ar" ? c.business.dso : c.business.dpo)));
  const control = cx.chart.one(side === "ar" ? "ar_control" : "ap_control");
  amounts.forEach((amount, k) => {
    if (amount <= 0) return;
    const pi = rng.int(partners);
    const partner = side === "ar" ? customer(cx, c.index, pi) : vendor(cx, c.index, pi);
    const invoiceDay = start - 1 - rng.int(spread);
    const id = `OI-${side.toUpperCase()}-${c.code}-${String(k + 1).padStart(6, "0")}`;
    const inv: OpenInvoice = { side, company: c, id, partner: partner.id, invoiceDay, dueDay: dueDay(invoiceDay, partner.terms), doc: moneyOf(c.currency), gross: amount, booked: amount, control, inSubledger: true };
    const payDay = bankDayOnOrAfter(c, Math.max(start + rng.int(10), inv.dueDay + rng.range(-5, 25)));
    const settlements: Settlement[] = within(env, [{ day: payDay, amount, discount: 0, kind: "full", id: `${id.replace(/^OI/, side === "ar" ? "CR" : "PY")}` }]);
    const h = side === "ar"
      ? { docType: "DZ" as const, event: "customer_receipt", text: "Incoming payment", sourceType: "customer_receipt" }
      : { docType: "ZP" as const, event: "vendor_payment", text: "Payment run", sourceType: "payment" };
    settle(env, inv, settlements, cx.chart.role("bank")[0]!, h);
    openItems(env, inv, settlements);
    // Opening items carry no tax split: the tax was settled before the start.
    const journal = `OB-${c.code}-000000001`;
    if (side === "ar") writeCustomerInvoice(env, inv, null, null, amount, 0, journal);
    else writeVendorInvoice(env, inv, null, null, partner.terms, amount, 0, { type: "none", blocked: false }, 0, journal);
    for (const s of settlements) (side === "ar" ? writeReceipt : writePayment)(env, inv, s);
  });
}

