// Procure-to-pay: purchase order -> goods receipt(s) -> vendor invoice(s) -> payment(s). Two
// kinds of purchases use it: stock replenishment (planned by purchasing from demand, see
// replenish.ts: the receipt debits inventory at standard cost) and purchased services and
// consumables (a block's share of the plan's purchased-opex budget: the receipt debits the
// expense). The invoice clears GR/IR, books input tax where it is recoverable, the price
// variance and any FX difference, and credits AP; blocked invoices are released before they are
// paid; payments go out on bank days, with cash discounts where taken.
import { formatIso } from "../../core/calendar.ts";
import { goodsReceipts, purchaseOrders } from "../../specs/records/flows.ts";
import { bankDayOnOrAfter, type BlockRef, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import { rateText } from "../../ledger/fx.ts";
import { hash32 } from "../../core/rng.ts";
import { PRODUCTION, PURCHASE_KICKBACKS, PURCHASE_PRICING, SOURCING_KINDS, type ContractTerms, type Production, type PurchaseKickbacks, type PurchasePricing } from "../../ledger/capabilities.ts";
import { formatMinor } from "../../output/writers.ts";
import { foreign, moneyOf, newLines, openItems, periodOfDay, post, reference, settle, type FlowEnv, type Money, type OpenInvoice, type Settlement } from "../../ledger/flows.ts";
import { counts, inventoryAccount, material, vendor, type Material, type Vendor } from "../master_data/index.ts";
import { amountModelOf, lag, segmentUnits, stockOrders, type ChainParams } from "./chains.ts";
import { vatRate } from "../../ledger/tax.ts";
import { dueDay, within, writeMovement, writePayment, writeVendorInvoice } from "../../ledger/documents.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import type { Account } from "../../ledger/chart.ts";
import { companyTargets, periodShare, planYear } from "../../ledger/business.ts";
import { segmentPlans, splitBudget, type SegmentPlan } from "./budget.ts";
import { assortment } from "../master_data/assortment.ts";

import { activityDay, workDayOnOrAfter, workDayOnOrBefore } from "./dates.ts";

export interface P2PParams extends ChainParams {
  match_tolerance: number;
  variance_share: number;
  early_discount: number;
}

/** One purchase order: what, how much, from whom, when it is ordered and received. */
export interface Purchase {
  seq: number;
  vendor: Vendor;
  materialIndex: number;
  quantity: number;
  orderDay: number;
  /** Days of the receipts (two for a partial delivery); quantities split by `split` when two. */
  receiptDays: number[];
  /** Stock purchases debit inventory at standard cost; the others an expense. */
  stock: boolean;
  /** A stock lot that may wait for the incoming inspection: not one a shortage is waiting for (released at once). */
  inspect?: boolean;
  /** The expense account of a non-stock purchase, and its agreed unit price (company currency). */
  expense?: Account;
  unitPrice?: number;
  /** The delivery date the vendor confirmed. */
  promisedDay: number;
  /** The contract the order falls under (source_to_contract), priced from it unless off contract. */
  contract?: ContractTerms;
  vendorIndex: number;
  /** A provider's kickback: the invoice is priced this fraction above the order and not blocked; `drawn` is the vendor the order was drawn for (its currency, terms and draws stay). */
  kickback?: { markup: number; drawn: Vendor };
}

/**
 * The vendor and contract of a purchase of a material: the contract's vendor at its price when
 * a sourcing contract covers the material on the order day (unless bought off contract), else
 * a vendor of the pool.
 */
export function sourceOf(env: FlowEnv, c: CompanyInfo, materialIndex: number, day: number, pool: number[]): { vendorIndex: number; contract?: ContractTerms } {
  const { cx, rng } = env;
  const pricing = cx.capability<PurchasePricing>(PURCHASE_PRICING);
  const picked = pool[rng.int(pool.length)]!;
  const contract = pricing?.terms(cx, c, materialIndex, day, rng.next());
  if (!contract) return { vendorIndex: picked };
  if (!contract.offContract) return { vendorIndex: contract.vendorIndex, contract };
  // Off contract: someone else than the awarded vendor.
  const other = picked !== contract.vendorIndex || pool.length < 2 ? picked : pool[(pool.indexOf(picked) + 1) % pool.length]!;
  return { vendorIndex: other, contract };
}

interface Receipt {
  id: string;
  day: number;
  qty: number;
  /** GR/IR credited at the receipt, company currency, and the rate used. */
  grIr: number;
  rate: number;
  /** Inspected at the dock, and the units returned to the vendor (qty and grIr are then what was kept). */
  inspected?: boolean;
  returned?: number;
}

const docNo = (prefix: string, c: CompanyInfo, seq: number) => `${prefix}-${c.code}-${String(seq).padStart(9, "0")}`;

/** Expense roles of purchased services and consumables, by vendor category (other operating expenses). */
const SERVICE_ROLE: Record<string, AccountRole> = {
  maintenance: "repairs", facilities: "repairs", professional_services: "professional_fees", staffing: "professional_fees",
  it: "it_services", software: "it_services", cloud: "it_services", data_services: "it_services", office_supplies: "office_supplies", marketing: "marketing",
};

/** Vendors of a company by what they supply: goods for stock, services and consumables, and marketing. */
export interface VendorPools {
  goods: number[];
  services: number[];
  marketing: number[];
}

export function vendorPools(cx: RunContext, c: CompanyInfo): VendorPools {
  let all = pools.get(cx);
  if (!all) pools.set(cx, (all = []));
  return (all[c.index] ??= splitVendors(cx, c));
}

const pools = new WeakMap<RunContext, VendorPools[]>();

// Utility and logistics vendors bill what the plan books elsewhere (direct debits, freight in):
// purchased services come from the other service categories.
const NOT_GOODS = new Set([...Object.keys(SERVICE_ROLE), "utilities", "logistics"]);

function splitVendors(cx: RunContext, c: CompanyInfo): VendorPools {
  const all = Array.from({ length: counts(cx).vendors }, (_, i) => i).filter((i) => vendor(cx, c.index, i).isActive);
  const category = (i: number) => vendor(cx, c.index, i).category;
  const services = all.filter((i) => SERVICE_ROLE[category(i)] !== undefined && category(i) !== "marketing");
  const marketing = all.filter((i) => category(i) === "marketing");
  const goods = all.filter((i) => !NOT_GOODS.has(category(i)));
  const any = all.length ? all : [0];
  const or = (list: number[], fallback: number[]) => (list.length ? list : fallback);
  return { goods: or(goods, any), services: or(services, any), marketing: or(marketing, or(services, any)) };
}

/** The expense roles purchased opex is spread over when a vendor's category names none. */
const OTHER_OPEX: AccountRole[] = ["it_services", "professional_fees", "repairs", "office_supplies"];

/** The purchased services of a company, period by period: other opex or marketing, each with its purchased budget. */
function servicePlans(cx: RunContext, c: CompanyInfo): SegmentPlan[] {
  const t = companyTargets(cx, c);
  const segment = (p: number) => segmentUnits(cx, c, p, "procure_to_pay");
  const annual = (p: number) => [t.cost("opex_purchased", planYear(p)), t.cost("marketing_purchased", planYear(p))];
  return segmentPlans(cx, "p2p", c, (p) => segment(p) - stockOrders(cx, c, segment(p)), annual, (p) => annual(p).map((a) => a * periodShare(cx, segment, p)));
}

/**
 * Where purchased other opex is expected to land, by expense role: the share of the services
 * pool's vendors whose category names the role (a vendor naming none spreads over OTHER_OPEX),
 * as servicePurchasesBlock picks them. For budgets (sales_kpis_budgets).
 */
export function purchasedOpexShares(cx: RunContext, c: CompanyInfo): Map<AccountRole, number> {
  const pool = vendorPools(cx, c).services;
  const out = new Map<AccountRole, number>();
  const add = (role: AccountRole, share: number) => out.set(role, (out.get(role) ?? 0) + share);
  for (const i of pool) {
    const role = SERVICE_ROLE[vendor(cx, c.index, i).category];
    if (role === undefined) for (const r of OTHER_OPEX) add(r, 1 / pool.length / OTHER_OPEX.length);
    else add(role === "marketing" ? "it_services" : role, 1 / pool.length);
  }
  return out;
}

/**
 * A block of purchased services: each order is marketing or other opex (exact counts per
 * segment), and each kind's orders share the block's slice of its purchased budget. A service
 * is received (and expensed) in the period it is budgeted for, ordered before; its order line is
 * a lump sum, or hours at a rate for professional services.
 */
export function servicePurchasesBlock(env: FlowEnv, c: CompanyInfo, ref: BlockRef, seqs: number[], firstSeq: number, p: P2PParams): void {
  const { cx, rng } = env;
  const period = ref.segment.period!;
  // Positions of the segment reserved for stock hold no service orders: kinds are over the rest.
  const reserved = stockOrders(cx, c, ref.segment.units);
  const plan = servicePlans(cx, c)[period]!;
  const kindOf = (seq: number) => plan.kinds[seq - firstSeq - reserved]!;
  const inBlock = [0, 1].map((k) => seqs.filter((q) => kindOf(q) === k).length);
  const values = [0, 1].map((k) => splitBudget(plan.counts[k]! > 0 ? (plan.budgets[k]! * inBlock[k]!) / plan.counts[k]! : 0, inBlock[k]!, amountModelOf(cx, c), rng));
  const next = [0, 0];
  const pool = vendorPools(cx, c);
  const a = assortment(cx, c);
  // Other opex orders a provider of purchase_kickbacks marks up go to its colluding vendor.
  const kickbacks = cx.capability<PurchaseKickbacks>(PURCHASE_KICKBACKS)?.orders(cx, c, ref.index, seqs.filter((q) => kindOf(q) === 0));
  for (const seq of seqs) {
    const k = kindOf(seq);
    const value = values[k]![next[k]!++]!;
    if (value <= 0) continue;
    const list = k === 1 ? pool.marketing : pool.services;
    const drawn = list[rng.int(list.length)]!;
    const v = vendor(cx, c.index, drawn);
    const role = k === 1 ? "marketing" : SERVICE_ROLE[v.category] ?? rng.pick(OTHER_OPEX);
    // A marked-up order goes to the colluding vendor; the service, its draws and currency stay those of the drawn one.
    const kick = kickbacks?.get(seq);
    const vi = kick ? kick.vendorIndex : drawn;
    const kv = kick ? vendor(cx, c.index, vi) : v;
    const accounts = cx.chart.role(role === "marketing" && k === 0 ? "it_services" : role);
    const received = activityDay(cx, c, period, rng);
    const { ordered, promised } = orderDates(env, c, drawn, received, p);
    const hours = role === "professional_fees" && value > 200 * 10 ** c.digits ? Math.round(value / (150 * 10 ** c.digits)) : 1;
    const mi = a.services.length ? a.services[rng.int(a.services.length)]! : rng.int(counts(cx).materials);
    purchase(env, c, { seq, vendor: kv, vendorIndex: vi, materialIndex: mi, quantity: Math.max(1, hours), unitPrice: Math.max(1, Math.round(value / Math.max(1, hours))), orderDay: ordered, promisedDay: promised, receiptDays: [received], stock: false, expense: accounts[rng.int(accounts.length)]!, ...(kick ? { kickback: { markup: kick.markup, drawn: v } } : {}) }, p);
  }
}

/**
 * When to order for a receipt on a day: a lead time before it, from the order day the vendor
 * confirms delivery that lead time later. Vendors keep their dates by their reliability (a
 * stable share per vendor); a late one was ordered earlier and promised for before the receipt.
 */
export function orderDates(env: FlowEnv, c: CompanyInfo, vendorIndex: number, receipt: number, p: P2PParams, lead = lag(env.rng, p.lags.order_to_receipt)): { ordered: number; promised: number } {
  const { cx, rng } = env;
  const reliability = 0.75 + 0.23 * (hash32(vendor(cx, c.index, vendorIndex).id) / 4294967296);
  const late = rng.chance(1 - reliability) ? 1 + rng.int(10) : 0;
  const ordered = Math.max(cx.periods[0]!.firstDay, workDayOnOrBefore(cx, c, receipt - lead - late));
  return { ordered, promised: Math.min(receipt, ordered + lead) };
}

/** Orders, receives, invoices and pays one purchase; receipts after the scenario end do not happen. */
export function purchase(env: FlowEnv, c: CompanyInfo, pu: Purchase, p: P2PParams): void {
  const { cx, rng } = env;
  const m = material(cx, c.index, pu.materialIndex);
  // A contract is in the buyer's currency: orders priced from it are too.
  const billing = pu.kickback?.drawn.currency ?? pu.vendor.currency;
  const vendorCurrency = cx.plan.fx.rates.some((r) => r.currency === billing) || billing === c.currency ? billing : c.currency;
  const doc = moneyOf(pu.contract && !pu.contract.offContract ? c.currency : vendorCurrency);
  // Stock is bought at its standard cost within a few percent (the difference is the purchase
  // price variance); a service at the price agreed for it.
  const onContract = pu.contract && !pu.contract.offContract ? pu.contract : undefined;
  const unitCost = onContract?.unitPrice ?? pu.unitPrice ?? Math.max(1, m.standardCost);
  const spread = pu.unitPrice === undefined && !onContract ? 1 + 0.02 * rng.normal() : 1;
  const priceDoc = Math.max(1, Math.round(env.fx.convert(unitCost, c.currency, c.digits, doc.currency, doc.digits, pu.orderDay) * spread));
  const po = docNo("PO", c, pu.seq);
  const receipts = planReceipts(po, pu, env.endDay);
  let invoiced = 0;
  for (const r of receipts) {
    const invoiceDay = workDayOnOrAfter(cx, c, r.day + lag(rng, p.lags.receipt_to_invoice));
    postReceipt(env, c, po, r, m, pu, priceDoc, doc, receipts.length > 1, invoiceDay);
    reference(env, c, po, "purchase_order", r.id, "goods_receipt", "received_as");
    if (invoiceDay < env.endDay) {
      invoiceReceipt(env, c, po, r, invoiceDay, pu, priceDoc, doc, p);
      invoiced++;
    }
  }
  const status = invoiced === receipts.length && receipts.length > 0 ? "closed" : receipts.length === 0 ? "cut_off" : "open";
  writeOrder(env, c, po, pu, m, priceDoc, doc, status);
  if (cx.capability(PURCHASE_PRICING)) recordSourcing(env, c, pu, m, pu.quantity * priceDoc, doc, receipts);
}

/** What sourcing analyses from a purchase: spend by material group, contract consumption, delivery. */
function recordSourcing(env: FlowEnv, c: CompanyInfo, pu: Purchase, m: Material, net: number, doc: Money, receipts: Receipt[]): void {
  const { cx, totals } = env;
  const period = periodOfDay(cx, pu.orderDay);
  // The order's value in company currency at the order day's rate.
  const value = doc.currency === c.currency ? net : Math.round(env.fx.convert(net, doc.currency, doc.digits, c.currency, c.digits, pu.orderDay));
  const add = (kind: string, v: number) => totals.subledger(c.index, period, kind, v);
  add(SOURCING_KINDS.spend(m.group), value);
  if (pu.contract?.offContract) add(SOURCING_KINDS.offContract(m.group), value);
  else if (pu.contract) {
    add(SOURCING_KINDS.consumedQty(`${pu.contract.contractId}:${pu.materialIndex}`), pu.quantity);
    add(SOURCING_KINDS.consumedValue(pu.contract.contractId), value);
  }
  // Deliveries count in the period they arrive.
  for (const r of receipts) {
    const at = periodOfDay(cx, r.day);
    totals.subledger(c.index, at, SOURCING_KINDS.receipts(pu.vendorIndex), 1);
    if (r.day > pu.promisedDay) totals.subledger(c.index, at, SOURCING_KINDS.late(pu.vendorIndex), 1);
    if (r.inspected) totals.subledger(c.index, at, SOURCING_KINDS.inspected(pu.vendorIndex), 1);
    if (r.returned) totals.subledger(c.index, at, SOURCING_KINDS.rejected(pu.vendorIndex), 1);
  }
}

function planReceipts(po: string, pu: Purchase, endDay: number): Receipt[] {
  const [d1, d2] = pu.receiptDays;
  const q1 = d2 === undefined ? pu.quantity : Math.max(1, Math.min(pu.quantity - 1, Math.round(pu.quantity * 0.6)));
  const parts: [number, number][] = d2 === undefined ? [[d1!, pu.quantity]] : [[d1!, q1], [d2, pu.quantity - q1]];
  return parts.filter(([day, q]) => day < endDay && q > 0).map(([day, q], k) => ({ id: `GR-${po.slice(3)}-${k + 1}`, day, qty: q, grIr: 0, rate: 1 }));
}

function postReceipt(env: FlowEnv, c: CompanyInfo, po: string, r: Receipt, m: Material, pu: Purchase, priceDoc: number, doc: Money, partial: boolean, invoiceDay: number): void {
  const { cx, fx } = env;
  r.rate = fx.rate(doc.currency, c.currency, r.day);
  r.grIr = fx.convert(r.qty * priceDoc, doc.currency, doc.digits, c.currency, c.digits, r.day);
  const received = { qty: r.qty, grIr: r.grIr };
  const lines = newLines(env);
  const debitValue = pu.stock ? r.qty * Math.max(1, m.standardCost) : r.grIr;
  if (pu.stock) {
    lines.add(inventoryAccount(cx, m), debitValue, 0, -1, "");
    // Order price against standard cost: the purchase price variance.
    const ppv = debitValue - r.grIr;
    if (ppv !== 0) lines.add(cx.chart.one("price_variance"), ppv < 0 ? -ppv : 0, ppv > 0 ? ppv : 0, -1, "");
    env.totals.movement(c.index, periodOfDay(cx, r.day), pu.materialIndex, r.qty, debitValue, r.day);
    writeMovement(env, c, r.id, m.id, r.day, "receipt", r.qty, debitValue);
  } else {
    lines.add(pu.expense!, debitValue, 0, env.rng.int(counts(cx).costCenters), "");
  }
  lines.add(cx.chart.one("gr_ir"), 0, r.grIr, -1, "");
  post(env, c, r.day, { documentId: `JE-${r.id}`, docType: "WE", source: "automated", event: "goods_receipt", postedBy: "SYS-MM", text: pu.stock ? "Goods receipt" : "Service entry", sourceId: r.id, sourceType: "goods_receipt" }, lines);
  // Production inspects its components at the dock; what fails goes back before it is invoiced.
  const lot = pu.stock && pu.inspect ? cx.capability<Production>(PRODUCTION)?.inspectReceipt(env, c, { id: r.id, materialIndex: pu.materialIndex, vendorIndex: pu.vendorIndex, day: r.day, qty: r.qty }) : undefined;
  if (lot) {
    r.inspected = true;
    reference(env, c, r.id, "goods_receipt", lot.id, "quality_inspection", "inspected_as");
    if (lot.returned > 0) returnToVendor(env, c, r, m, pu, priceDoc, doc, lot);
  }
  grIrOpen(env, c, r, invoiceDay);
  const w = env.out.table(goodsReceipts);
  w.id(c.code);
  w.id(r.id);
  w.id(po);
  w.id(m.id);
  w.date(formatIso(r.day));
  w.int(received.qty);
  w.int(received.qty - r.qty);
  w.money(debitValue, c.digits);
  w.money(received.grIr, c.digits);
  w.bool(partial);
  w.id(`JE-${r.id}`);
  w.end();
}

/** A rejected lot's defectives go back to the vendor on the receipt day: stock and GR/IR reversed, the invoice bills the rest. */
function returnToVendor(env: FlowEnv, c: CompanyInfo, r: Receipt, m: Material, pu: Purchase, priceDoc: number, doc: Money, lot: { id: string; returned: number }): void {
  const { cx, fx } = env;
  const qty = lot.returned;
  const value = qty * Math.max(1, m.standardCost);
  // What stays on GR/IR is the accepted quantity at the receipt's rate, so the invoice clears it exactly.
  const kept = fx.convert((r.qty - qty) * priceDoc, doc.currency, doc.digits, c.currency, c.digits, r.day);
  const back = r.grIr - kept;
  const lines = newLines(env);
  lines.add(cx.chart.one("gr_ir"), back, 0, -1, "");
  lines.add(inventoryAccount(cx, m), 0, value, -1, "");
  const ppv = back - value;
  if (ppv !== 0) lines.add(cx.chart.one("price_variance"), ppv < 0 ? -ppv : 0, ppv > 0 ? ppv : 0, -1, "");
  const id = `RT-${r.id.slice(3)}`;
  post(env, c, r.day, { documentId: `JE-${id}`, docType: "WE", source: "automated", event: "return_to_vendor", postedBy: "SYS-MM", text: "Return to vendor after incoming inspection", sourceId: lot.id, sourceType: "quality_inspection" }, lines);
  env.totals.movement(c.index, periodOfDay(cx, r.day), pu.materialIndex, -qty, -value, r.day);
  writeMovement(env, c, id, m.id, r.day, "return_to_vendor", -qty, -value, lot.id);
  r.qty -= qty;
  r.grIr = kept;
  r.returned = qty;
}

/** GR/IR carries the receipt from its day until its invoice (or payment): the GR/IR subledger. */
export function grIrOpen(env: FlowEnv, c: CompanyInfo, r: { day: number; grIr: number }, untilDay: number): void {
  const { cx } = env;
  for (let p = periodOfDay(cx, r.day); p >= 0 && p < cx.periods.length; p++) {
    const end = cx.periods[p]!.firstDay + cx.periods[p]!.days - 1;
    if (untilDay <= end) break;
    env.totals.subledger(c.index, p, "gr_ir", r.grIr);
  }
}

interface Variance {
  type: "none" | "price" | "quantity";
  /** Invoiced price and quantity. */
  price: number;
  qty: number;
  blocked: boolean;
}

/** Three-way match: most invoices match; some carry a price or quantity variance, blocked when it is beyond the tolerance. */
function variance(env: FlowEnv, r: Receipt, priceDoc: number, p: P2PParams): Variance {
  const { rng } = env;
  if (!rng.chance(p.variance_share)) return { type: "none", price: priceDoc, qty: r.qty, blocked: false };
  const outside = rng.chance(0.35);
  const size = p.match_tolerance * (outside ? 1.5 + 2.5 * rng.next() : 0.2 + 0.8 * rng.next());
  const sign = rng.chance(0.75) ? 1 : -1;
  const isPrice = rng.chance(0.7) || r.qty < 2;
  const price = isPrice ? Math.max(1, Math.round(priceDoc * (1 + sign * size))) : priceDoc;
  const qty = isPrice ? r.qty : Math.max(1, r.qty + sign * Math.max(1, Math.round(r.qty * size)));
  // Blocked when the variance as invoiced (after rounding) is beyond the tolerance.
  const actual = Math.abs(price * qty - priceDoc * r.qty) / (priceDoc * r.qty);
  return { type: price === priceDoc && qty === r.qty ? "none" : isPrice ? "price" : "quantity", price, qty, blocked: actual > p.match_tolerance };
}

function invoiceReceipt(env: FlowEnv, c: CompanyInfo, po: string, r: Receipt, day: number, pu: Purchase, priceDoc: number, doc: Money, p: P2PParams): void {
  const { cx, fx, rng } = env;
  const id = `VI-${po.slice(3)}-${r.id.slice(-1)}`;
  const drawnVr = variance(env, r, priceDoc, p);
  // A kickback: the colluding vendor bills above the order price and the invoice goes through unblocked.
  const vr: Variance = pu.kickback === undefined ? drawnVr : { type: "price", price: Math.max(priceDoc + 1, Math.round(priceDoc * (1 + pu.kickback.markup))), qty: r.qty, blocked: false };
  const net = vr.qty * vr.price;
  // US sales tax is not charged on goods bought for resale (resale certificate) nor, in most
  // states, on services: under it purchases carry no tax, and nothing is recovered.
  const taxRate = c.regime === "sales_tax" ? 0 : vatRate(c);
  const tax = Math.round(net * taxRate);
  const gross = net + tax;
  const rate = fx.rate(doc.currency, c.currency, day);
  const toCompany = (x: number) => Math.round(x * rate * 10 ** (c.digits - doc.digits));
  const grirDoc = r.qty * priceDoc;
  const taxC = toCompany(tax);
  const varianceDoc = net - grirDoc;
  let varianceC = toCompany(varianceDoc);
  if (varianceC === 0 && varianceDoc !== 0) varianceC = Math.sign(varianceDoc);
  const apC = toCompany(net) + taxC;
  // What the receipt's rate and the invoice's differ by is a realised FX difference.
  const fxDiff = apC - (r.grIr + taxC + varianceC);
  const lines = newLines(env);
  // GR/IR clears at the receipt's rate; when that makes no difference the day's rate says the same.
  lines.add(cx.chart.one("gr_ir"), r.grIr, 0, -1, "", grirDoc, doc.currency === c.currency || fxDiff === 0 ? "" : rateText(r.rate));
  if (taxC > 0) lines.add(c.regime === "vat" ? cx.chart.one("input_tax") : pu.expense ?? cx.chart.one("office_supplies"), taxC, 0, c.regime === "vat" ? -1 : 0, "", tax);
  const varianceAccount = pu.stock ? cx.chart.one("price_variance") : pu.expense!;
  if (varianceC !== 0) lines.add(varianceAccount, varianceC > 0 ? varianceC : 0, varianceC < 0 ? -varianceC : 0, pu.stock ? -1 : 0, "", Math.abs(varianceDoc));
  const ap = cx.chart.one("ap_control");
  lines.add(ap, 0, apC, -1, pu.vendor.id, gross);
  if (fxDiff > 0) lines.add(cx.chart.one("fx_loss"), fxDiff, 0, -1, "", 0);
  else if (fxDiff < 0) lines.add(cx.chart.one("fx_gain"), 0, -fxDiff, -1, "", 0);
  post(env, c, day, { documentId: `JE-${id}`, documentDay: Math.max(r.day, day - rng.int(4)), docType: "RE", source: "automated", event: "vendor_invoice", postedBy: "SYS-MM", text: "Vendor invoice", fx: foreign(doc, c, rate), sourceId: id, sourceType: "vendor_invoice" }, lines);
  reference(env, c, r.id, "goods_receipt", id, "vendor_invoice", "invoiced_as");
  if (cx.capability(PURCHASE_PRICING)) {
    const period = periodOfDay(cx, day);
    env.totals.subledger(c.index, period, SOURCING_KINDS.invoices(pu.vendorIndex), 1);
    if (vr.type === "price") env.totals.subledger(c.index, period, SOURCING_KINDS.priceDeviations(pu.vendorIndex), 1);
  }
  // A kickback keeps the terms of the order it replaces (its payment plan then gives nothing away).
  const terms = pu.kickback?.drawn.terms ?? pu.vendor.terms;
  const inv: OpenInvoice = {
    side: "ap", company: c, id, partner: pu.vendor.id, invoiceDay: day, dueDay: dueDay(day, terms), doc, gross, booked: apC, control: ap,
    paymentBlock: vr.blocked, releaseDay: vr.blocked ? workDayOnOrAfter(cx, c, day + rng.range(7, 30)) : undefined, inSubledger: true,
    rate: doc.currency === c.currency ? undefined : rateText(rate),
  };
  const settlements = pu.kickback ? kickbackPayment(env, inv, pu.kickback.drawn, drawnVr.blocked, p) : planPayments(env, inv, terms, p);
  settle(env, inv, settlements, cx.chart.one("bank"), { docType: "ZP", event: "vendor_payment", text: "Payment run", sourceType: "payment" }, cx.chart.one("discount_received"));
  openItems(env, inv, settlements);
  writeVendorInvoice(env, inv, po, r.id, terms, net, tax, vr, varianceDoc);
  for (const s of settlements) writePayment(env, inv, s);
}

/**
 * A kickback's payments: the plan the invoice it replaces would have had (its terms, its draws:
 * early with discount, on time, late or in two parts, never blocked), for the higher gross; so
 * its ids and the rest of the block are what they would be without the kickback.
 */
function kickbackPayment(env: FlowEnv, inv: OpenInvoice, drawn: Vendor, blocked: boolean, p: P2PParams): Settlement[] {
  if (blocked) env.rng.range(7, 30);
  return planPayments(env, { ...inv, releaseDay: blocked ? inv.invoiceDay : undefined }, drawn.terms, p);
}

/** Payment days (bank days) from terms and behaviour: early with discount, on time, late, or in two parts; never before a block is released. */
function planPayments(env: FlowEnv, inv: OpenInvoice, terms: { days: number; discountPercent: string; discountDays: number }, p: P2PParams): Settlement[] {
  const { rng } = env;
  const c = inv.company;
  const base = inv.id.replace(/^VI-/, "PY-");
  const pct = Number(terms.discountPercent);
  const release = inv.releaseDay ?? inv.invoiceDay;
  if (inv.releaseDay === undefined && pct > 0 && terms.discountDays > 0 && rng.chance(p.early_discount)) {
    const day = bankDayOnOrAfter(c, Math.max(inv.invoiceDay, inv.invoiceDay + terms.discountDays - 3 - rng.int(3)));
    if (day <= inv.invoiceDay + terms.discountDays) {
      const discount = Math.round((inv.gross * pct) / 100);
      return within(env, [{ day, amount: inv.gross - discount, discount, kind: "full", id: `${base}` }]);
    }
  }
  const onTime = inv.dueDay - rng.int(3);
  const day = bankDayOnOrAfter(c, Math.max(release, rng.chance(p.late_payment) ? inv.dueDay + rng.range(5, 45) : onTime, inv.invoiceDay));
  if (inv.gross > 1 && rng.chance(0.08)) {
    const first = Math.max(1, Math.min(inv.gross - 1, Math.round(inv.gross * (0.3 + 0.4 * rng.next()))));
    return within(env, [
      { day, amount: first, discount: 0, kind: "partial", id: `${base}-A` },
      { day: bankDayOnOrAfter(c, day + rng.range(10, 30)), amount: inv.gross - first, discount: 0, kind: "remainder", id: `${base}-B` },
    ]);
  }
  return within(env, [{ day, amount: inv.gross, discount: 0, kind: "full", id: base }]);
}

function writeOrder(env: FlowEnv, c: CompanyInfo, po: string, pu: Purchase, m: Material, price: number, doc: Money, status: string): void {
  const w = env.out.table(purchaseOrders);
  w.id(c.code);
  w.id(po);
  w.id(pu.vendor.id);
  w.id(m.id);
  w.date(formatIso(pu.orderDay));
  w.int(pu.quantity);
  w.decimal(formatMinor(price, doc.digits));
  w.id(doc.currency);
  w.money(pu.quantity * price, doc.digits);
  w.bool(!pu.stock);
  w.id(status);
  w.date(formatIso(pu.promisedDay));
  if (pu.contract) w.id(pu.contract.contractId);
  else w.empty();
  w.bool(pu.contract?.offContract ?? false);
  w.end();
}
