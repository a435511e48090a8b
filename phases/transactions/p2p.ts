// Procure-to-pay: purchase order -> goods receipt(s) -> vendor invoice(s) -> payment(s), one
// chain at a time, wholly inside its block. The receipt debits inventory at standard cost (or
// expense for services) and credits GR/IR at the order price; the invoice clears GR/IR, books
// input tax and the price variance and credits AP; the payment debits AP and credits the bank,
// with cash discounts and realised FX differences on their own accounts.
import { formatIso } from "../../core/calendar.ts";
import { goodsReceipts, inventoryMovements, payments, purchaseOrders, vendorInvoices } from "../../specs/records/flows.ts";
import type { CompanyInfo } from "../../ledger/context.ts";
import { rateText } from "../../ledger/fx.ts";
import { formatMinor } from "../../output/writers.ts";
import { foreign, moneyOf, newLines, openItems, periodOfDay, post, reference, settle, type FlowEnv, type Money, type OpenInvoice, type Settlement } from "../../ledger/flows.ts";
import { counts, inventoryAccount, material, vendor } from "../master_data/index.ts";
import { chainAmount, lag, orderDay, type ChainParams } from "./chains.ts";
import { vatRate } from "../../ledger/tax.ts";
import { dueDay, within, writeMovement, writePayment, writeVendorInvoice } from "../../ledger/documents.ts";

export interface P2PParams extends ChainParams {
  match_tolerance: number;
  variance_share: number;
  early_discount: number;
}

interface Receipt {
  id: string;
  day: number;
  qty: number;
  grIr: number;
}

const docNo = (prefix: string, c: CompanyInfo, seq: number) => `${prefix}-${c.code}-${String(seq).padStart(9, "0")}`;

export function procureToPay(env: FlowEnv, c: CompanyInfo, period: number, seq: number, p: P2PParams): void {
  const { cx, rng } = env;
  const n = counts(cx);
  const vi = rng.int(n.vendors);
  const v = vendor(cx, c.index, vi);
  const mi = rng.int(n.materials);
  const m = material(cx, c.index, mi);
  const doc = moneyOf(cx.plan.fx.rates.some((r) => r.currency === v.currency) || v.currency === c.currency ? v.currency : c.currency);
  const ordered = orderDay(env, period);
  const unitCost = Math.max(1, m.standardCost);
  const qty = Math.max(1, Math.min(100_000, Math.round(chainAmount(env, c) / unitCost)));
  const priceDoc = Math.max(1, Math.round(env.fx.convert(unitCost, c.currency, c.digits, doc.currency, doc.digits, ordered) * (1 + 0.03 * rng.normal())));
  const po = docNo("PO", c, seq);
  const service = m.type === "service";
  const receipts = planReceipts(env, po, ordered, qty, p);
  let invoiced = 0;
  for (const r of receipts) {
    const invoiceDay = r.day + lag(rng, p.lags.receipt_to_invoice);
    postReceipt(env, c, po, r, m.id, mi, unitCost, priceDoc, doc, service, receipts.length > 1, invoiceDay);
    reference(env, c, po, "purchase_order", r.id, "goods_receipt", "received_as");
    if (invoiceDay < env.endDay) {
      invoiceReceipt(env, c, po, r, invoiceDay, v.id, v.terms, priceDoc, doc, p);
      invoiced++;
    }
  }
  writeOrder(env, c, po, v.id, m.id, ordered, qty, priceDoc, doc, service, invoiced === receipts.length && receipts.length > 0 ? "closed" : receipts.length === 0 ? "cut_off" : "open");
}

/** One receipt, or two for a partial delivery; none that fall after the scenario end. */
function planReceipts(env: FlowEnv, po: string, ordered: number, qty: number, p: P2PParams): Receipt[] {
  const { rng } = env;
  const first = ordered + lag(rng, p.lags.order_to_receipt);
  const split = qty > 1 && rng.chance(p.partial_delivery);
  const q1 = split ? Math.max(1, Math.min(qty - 1, Math.round(qty * (0.3 + 0.4 * rng.next())))) : qty;
  const parts: [number, number][] = split ? [[first, q1], [first + rng.range(5, 20), qty - q1]] : [[first, qty]];
  return parts.filter(([day]) => day < env.endDay).map(([day, q], k) => ({ id: `GR-${po.slice(3)}-${k + 1}`, day, qty: q, grIr: 0 }));
}

function postReceipt(env: FlowEnv, c: CompanyInfo, po: string, r: Receipt, materialId: string, mi: number, unitCost: number, priceDoc: number, doc: Money, service: boolean, partial: boolean, invoiceDay: number): void {
  const { cx, fx } = env;
  r.grIr = fx.convert(r.qty * priceDoc, doc.currency, doc.digits, c.currency, c.digits, r.day);
  const lines = newLines(env);
  const grir = cx.chart.one("gr_ir");
  let debitValue: number;
  if (service) {
    debitValue = r.grIr;
    lines.add(env.rng.pick(cx.chart.role("opex")), debitValue, 0, env.rng.int(counts(cx).costCenters), "");
  } else {
    debitValue = r.qty * unitCost;
    lines.add(inventoryAccount(cx, material(cx, c.index, mi)), debitValue, 0, -1, "");
    // Order price against standard cost: the purchase price variance.
    const ppv = debitValue - r.grIr;
    if (ppv > 0) lines.add(cx.chart.one("price_variance"), 0, ppv, -1, "");
    else if (ppv < 0) lines.add(cx.chart.one("price_variance"), -ppv, 0, -1, "");
    env.totals.movement(c.index, periodOfDay(cx, r.day), mi, r.qty, debitValue);
    writeMovement(env, c, r.id, materialId, r.day, "receipt", r.qty, debitValue);
  }
  lines.add(grir, 0, r.grIr, -1, "");
  post(env, c, r.day, { documentId: `JE-${r.id}`, docType: "WE", source: "automated", event: "goods_receipt", postedBy: "SYS-MM", text: service ? "Service entry" : "Goods receipt", sourceId: r.id, sourceType: "goods_receipt" }, lines);
  grIrOpen(env, c, r, invoiceDay);
  const w = env.out.table(goodsReceipts);
  w.id(c.code);
  w.id(r.id);
  w.id(po);
  w.id(materialId);
  w.date(formatIso(r.day));
  w.int(r.qty);
  w.money(debitValue, c.digits);
  w.money(r.grIr, c.digits);
  w.bool(partial);
  w.id(`JE-${r.id}`);
  w.end();
}

/** GR/IR carries the receipt from its day until its invoice: the GR/IR subledger. */
function grIrOpen(env: FlowEnv, c: CompanyInfo, r: Receipt, untilDay: number): void {
  const { cx } = env;
  for (let p = periodOfDay(cx, r.day); p >= 0 && p < cx.periods.length; p++) {
    const end = cx.periods[p]!.firstDay + cx.periods[p]!.days - 1;
    if (untilDay <= end) break;
    env.totals.subledger(c.index, p, "gr_ir", r.grIr);
  }
}


/** Three-way match outcome: most invoices match; some carry a price or quantity variance. */
function variance(env: FlowEnv, p: P2PParams): { type: "none" | "price" | "quantity"; factor: number; blocked: boolean } {
  const { rng } = env;
  if (!rng.chance(p.variance_share)) return { type: "none", factor: 0, blocked: false };
  const outside = rng.chance(0.35);
  const size = p.match_tolerance * (outside ? 1.5 + 2.5 * rng.next() : 0.2 + 0.8 * rng.next());
  return { type: rng.chance(0.7) ? "price" : "quantity", factor: size * (rng.chance(0.75) ? 1 : -1), blocked: outside };
}

function invoiceReceipt(env: FlowEnv, c: CompanyInfo, po: string, r: Receipt, day: number, vendorId: string, terms: { days: number; discountPercent: string; discountDays: number; code: string }, priceDoc: number, doc: Money, p: P2PParams): void {
  const { cx, fx, rng } = env;
  const id = `VI-${po.slice(3)}-${r.id.slice(-1)}`;
  const vr = variance(env, p);
  const price = vr.type === "price" ? Math.max(1, Math.round(priceDoc * (1 + vr.factor))) : priceDoc;
  const qty = vr.type === "quantity" ? Math.max(1, r.qty + Math.max(1, Math.round(r.qty * Math.abs(vr.factor))) * Math.sign(vr.factor)) : r.qty;
  const net = qty * price;
  const tax = Math.round(net * vatRate(c));
  const gross = net + tax;
  const rate = fx.rate(doc.currency, c.currency, day);
  const scale = 10 ** (c.digits - doc.digits);
  const netC = Math.round(net * rate * scale);
  const taxC = Math.round(tax * rate * scale);
  const lines = newLines(env);
  lines.add(cx.chart.one("gr_ir"), r.grIr, 0, -1, "", r.qty * priceDoc);
  if (taxC > 0) lines.add(cx.chart.one("input_tax"), taxC, 0, -1, "", tax);
  const ppv = netC - r.grIr;
  if (ppv > 0) lines.add(cx.chart.one("price_variance"), ppv, 0, -1, "", 0);
  else if (ppv < 0) lines.add(cx.chart.one("price_variance"), 0, -ppv, -1, "", 0);
  const ap = cx.chart.one("ap_control");
  lines.add(ap, 0, netC + taxC, -1, vendorId, gross);
  post(env, c, day, { documentId: `JE-${id}`, documentDay: Math.max(r.day, day - rng.int(4)), docType: "RE", source: "automated", event: "vendor_invoice", postedBy: "SYS-MM", text: "Vendor invoice", fx: foreign(doc, c, rate), sourceId: id, sourceType: "vendor_invoice" }, lines);
  reference(env, c, r.id, "goods_receipt", id, "vendor_invoice", "invoiced_as");
  const due = dueDay(day, terms);
  const inv: OpenInvoice = { side: "ap", company: c, id, partner: vendorId, invoiceDay: day, dueDay: due, doc, gross, booked: netC + taxC, control: ap, paymentBlock: vr.blocked, inSubledger: true };
  const settlements = planPayments(env, inv, terms, p, vr.blocked);
  settle(env, inv, settlements, cx.chart.role("bank")[0]!, { docType: "ZP", event: "vendor_payment", text: "Payment run", sourceType: "payment" }, cx.chart.one("discount_received"));
  openItems(env, inv, settlements);
  writeVendorInvoice(env, inv, po, r.id, terms, net, tax, vr, net - r.qty * priceDoc);
  for (const s of settlements) writePayment(env, inv, s);
}

/** Payment dates from terms and behaviour: early with discount, on time, late, or in two parts. */
function planPayments(env: FlowEnv, inv: OpenInvoice, terms: { days: number; discountPercent: string; discountDays: number }, p: P2PParams, blocked: boolean): Settlement[] {
  const { rng } = env;
  const base = inv.id.replace(/^VI-/, "PY-");
  const pct = Number(terms.discountPercent);
  const release = blocked ? inv.invoiceDay + rng.range(7, 30) : inv.invoiceDay;
  if (!blocked && pct > 0 && terms.discountDays > 0 && rng.chance(p.early_discount)) {
    const day = Math.max(inv.invoiceDay, inv.invoiceDay + terms.discountDays - rng.int(3));
    const discount = Math.round((inv.gross * pct) / 100);
    return within(env, [{ day, amount: inv.gross - discount, discount, kind: "full", id: `${base}` }]);
  }
  const onTime = inv.dueDay - rng.int(3);
  const day = Math.max(release, rng.chance(p.late_payment) ? inv.dueDay + rng.range(5, 45) : onTime, inv.invoiceDay);
  if (inv.gross > 1 && rng.chance(0.08)) {
    const first = Math.max(1, Math.min(inv.gross - 1, Math.round(inv.gross * (0.3 + 0.4 * rng.next()))));
    return within(env, [
      { day, amount: first, discount: 0, kind: "partial", id: `${base}-A` },
      { day: day + rng.range(10, 30), amount: inv.gross - first, discount: 0, kind: "remainder", id: `${base}-B` },
    ]);
  }
  return within(env, [{ day, amount: inv.gross, discount: 0, kind: "full", id: base }]);
}





function writeOrder(env: FlowEnv, c: CompanyInfo, po: string, vendorId: string, materialId: string, day: number, qty: number, price: number, doc: Money, service: boolean, status: string): void {
  const w = env.out.table(purchaseOrders);
  w.id(c.code);
  w.id(po);
  w.id(vendorId);
  w.id(materialId);
  w.date(formatIso(day));
  w.int(qty);
  w.decimal(formatMinor(price, doc.digits));
  w.id(doc.currency);
  w.money(qty * price, doc.digits);
  w.bool(service);
  w.id(status);
  w.end();
}
