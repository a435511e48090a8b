// Order-to-cash: sales order -> delivery(ies) -> customer invoice(s) -> receipt(s) or write-off.
// The delivery debits cost of goods sold and credits inventory at standard cost; the invoice
// debits AR and credits revenue and output tax; the receipt debits the bank and credits AR on a
// bank day. A block's orders share the block's slice of the planned invoiced revenue (goods and
// services apart); each order's first delivery falls in the block's period and is invoiced in
// the same month, so revenue lands on the business plan period by period; customers pay as
// their behaviour says.
import { formatIso } from "../../core/calendar.ts";
import { deliveries, salesOrders } from "../../specs/records/flows.ts";
import { bankDayOnOrAfter, type BlockRef, type CompanyInfo } from "../../ledger/context.ts";
import type { Customer, Material } from "../master_data/index.ts";
import { foreign, moneyOf, newLines, openItems, periodOfDay, post, rateText, reference, settle, type FlowEnv, type Money, type OpenInvoice, type Settlement } from "../../ledger/flows.ts";
import { counts, customer, inventoryAccount, material } from "../master_data/index.ts";
import { assortment } from "../master_data/assortment.ts";
import { amountModelOf, lag, segmentUnits, type ChainParams } from "./chains.ts";
import { vatRate } from "../../ledger/tax.ts";
import { dueDay, optional, within, writeCustomerInvoice, writeMovement, writeReceipt } from "../../ledger/documents.ts";
import { formatMinor } from "../../output/writers.ts";
import { companyTargets, periodShare, planYear } from "../../ledger/business.ts";
import { Dither, blockBudget, segmentPlans, splitBudget, type SegmentPlan } from "./budget.ts";
import { activityDay, workDayOnOrAfter, workDayOnOrBefore } from "./dates.ts";
import { CREDIT_LOSSES, REVENUE_RECOGNITION, type Bundle, type ContractBook, type ContractLine, type CreditLosses, type OpenContract, type RevenueRecognition } from "../../ledger/capabilities.ts";
import type { Deltas } from "../../ledger/state.ts";
import type { Account } from "../../ledger/chart.ts";
import { Rng, hash32 } from "../../core/rng.ts";

export interface O2CParams extends ChainParams {
  backorder: number;
  bad_debt: number;
  dunning: boolean;
}

export interface Order {
  id: string;
  c: CompanyInfo;
  cust: Customer;
  m: Material;
  mi: number;
  doc: Money;
  /** Price per unit in the order currency. */
  price: number;
}

/** The sales orders of a company, period by period: goods or services, each kind with its share of the invoiced revenue. */
function salesPlans(cx: FlowEnv["cx"], c: CompanyInfo): SegmentPlan[] {
  const t = companyTargets(cx, c);
  const units = (p: number) => segmentUnits(cx, c, p, "order_to_cash");
  const serviceValue = (y: number) => Math.min(1, (t.revenue(y) * t.serviceShare) / Math.max(1, t.invoiced(y)));
  return segmentPlans(cx, "o2c", c, units, (p) => [1 - serviceValue(planYear(p)), serviceValue(planYear(p))], (p) => {
    const y = planYear(p);
    const invoiced = t.invoiced(y) * periodShare(cx, units, p);
    return [invoiced * (1 - serviceValue(y)), invoiced * serviceValue(y)];
  });
}

/**
 * A block of sales orders: goods and service orders, each group sharing its slice of the period's
 * plan. When a phase provides revenue recognition, each order is a contract in its book (the
 * book's deltas are returned for its state).
 */
export function orderToCashBlock(env: FlowEnv, c: CompanyInfo, ref: BlockRef, firstSeq: number, p: O2CParams): Deltas | undefined {
  const { cx } = env;
  const period = ref.segment.period!;
  const plan = salesPlans(cx, c)[period]!;
  const model = amountModelOf(cx, c);
  const values = [0, 1].map((k) => {
    const { n, budget } = blockBudget(plan, ref, k);
    return splitBudget(budget, n, model, env.rng);
  });
  const dither = [new Dither(), new Dither()];
  const next = [0, 0];
  const book = cx.capability<RevenueRecognition>(REVENUE_RECOGNITION)?.book(env, c);
  for (let i = 0; i < ref.units; i++) {
    const k = plan.kinds[ref.offset + i]!;
    orderToCash(env, c, period, firstSeq + i, values[k]![next[k]!++]!, k === 1, dither[k]!, p, book);
  }
  return book?.deltas();
}

function orderToCash(env: FlowEnv, c: CompanyInfo, period: number, seq: number, value: number, service: boolean, dither: Dither, p: O2CParams, book?: ContractBook): void {
  const { cx, rng } = env;
  const cust = customer(cx, c.index, rng.int(counts(cx).customers));
  const mi = itemFor(env, c, value, service);
  const m = material(cx, c.index, mi);
  const known = cust.currency === c.currency || cx.plan.fx.rates.some((r) => r.currency === cust.currency);
  const doc = moneyOf(known ? cust.currency : c.currency);
  // The delivery falls on a working day of the period (what the plan's revenue budgets); the
  // order comes before it by the lag (never before the scenario start), the invoice after it.
  const planned = activityDay(cx, c, period, rng);
  const ordered = Math.max(cx.periods[0]!.firstDay, workDayOnOrBefore(cx, c, planned - lag(rng, p.lags.order_to_receipt)));
  // A service worth far more than its unit rate is sold as one engagement at a lump sum.
  const listed = salePrice(m, c.business.goods_margin, rng.next());
  const unitPrice = service && value > 200 * listed ? Math.max(1, Math.round(value)) : listed;
  const id = `SO-${c.code}-${String(seq).padStart(9, "0")}`;
  // A multi-element deal: the services sold with the goods take their part of the order's value.
  const bundle = book && !service ? book.bundle(id, value) : undefined;
  const qty = dither.quantity(bundle ? value - bundle.value : value, unitPrice);
  const price = Math.max(1, env.fx.convert(unitPrice, c.currency, c.digits, doc.currency, doc.digits, ordered));
  const o: Order = { id, c, cust, m, mi, doc, price };
  // Over the credit limit: credit management releases the order after a review (delivery waits
  // for it, within the month); an order over three times the limit is rejected, and its value
  // passes to the next orders (the plan's revenue stands).
  let check = "passed";
  let first = planned;
  if (qty * unitPrice > cust.creditLimit && cust.creditLimit > 0) {
    if (qty * unitPrice > 3 * cust.creditLimit && rng.chance(0.5)) {
      dither.cancel(qty * unitPrice);
      writeOrder(env, o, ordered, qty, "blocked", "credit_blocked");
      return;
    }
    check = "released";
    const p0 = cx.periods[period]!;
    first = Math.max(first, Math.min(workDayOnOrAfter(cx, c, ordered + rng.range(1, 5)), workDayOnOrBefore(cx, c, p0.firstDay + p0.days - 1)));
  }
  const backorder = qty > 1 && rng.chance(p.backorder);
  // A backorder delivers part now and the rest later: both parts have at least one unit.
  const q1 = backorder ? Math.min(qty - 1, Math.max(1, Math.round(qty * (0.4 + 0.4 * rng.next())))) : qty;
  const later = backorder ? workDayOnOrAfter(cx, c, first + rng.range(10, 30)) : 0;
  const parts: [number, number, number][] = [[first, invoiceDay(env, c, first, p), q1]];
  if (backorder) parts.push([later, invoiceDay(env, c, later, p), qty - q1]);
  const contract = book ? openContract(env, book, o, ordered, qty, parts, bundle, check, p) : undefined;
  let billed = 0;
  parts.forEach(([day, invoiceDay, q], k) => {
    if (day >= env.endDay) return;
    const delivery = `DL-${o.id.slice(3)}-${k + 1}`;
    deliver(env, o, delivery, day, q, k > 0);
    if (invoiceDay >= env.endDay) return;
    bill(env, o, delivery, invoiceDay, q, p, contract?.open);
    billed++;
  });
  const status = billed === parts.length ? "closed" : billed === 0 && first >= env.endDay ? "cut_off" : backorder ? "backordered" : "open";
  writeOrder(env, o, ordered, qty, check, status);
  contract?.close();
}

/**
 * A delivery is invoiced after the lag, but within its own month: the month-end billing run
 * invoices whatever was delivered, so revenue and its cost of sales fall in the same period.
 */
function invoiceDay(env: FlowEnv, c: CompanyInfo, delivered: number, p: O2CParams): number {
  const { cx } = env;
  const period = cx.periods[periodOfDay(cx, delivered)];
  const day = workDayOnOrAfter(cx, c, delivered + lag(env.rng, p.lags.receipt_to_invoice));
  if (!period) return day;
  const last = workDayOnOrBefore(cx, c, period.firstDay + period.days - 1);
  return Math.max(delivered, Math.min(day, last));
}

/**
 * The agreed price of a unit: what earns the plan's goods margin on its standard cost, within
 * 1.5 points either way, never above the list price (customers negotiate off the list). Services
 * carry no standard cost of sales: they sell at list less up to 5%.
 */
export function salePrice(m: Material, margin: number, u: number): number {
  const list = Math.max(1, m.listPrice);
  if (m.type === "service" || m.standardCost <= 0) return Math.max(1, Math.round(list * (1 - 0.05 * u)));
  return Math.max(1, Math.min(list, Math.round(m.standardCost / (1 - Math.min(0.95, margin + 0.03 * (u - 0.5))))));
}

/**
 * The item of an order: by popularity, but an order buys several units of what it orders, so a
 * draw priced above half the order's value gives way to a cheaper draw (a few tries).
 */
function itemFor(env: FlowEnv, c: CompanyInfo, value: number, service: boolean): number {
  const { cx, rng } = env;
  const a = assortment(cx, c);
  const draw = () => (service && a.services.length ? a.services[rng.int(a.services.length)]! : a.goods.length ? a.goods[a.goodsTable.sample(rng)]! : rng.int(counts(cx).materials));
  let mi = draw();
  let price = material(cx, c.index, mi).listPrice;
  for (let k = 0; k < 6 && price * 2 > value; k++) {
    const other = draw();
    const p = material(cx, c.index, other).listPrice;
    if (p < price) [mi, price] = [other, p];
  }
  return mi;
}

export function deliver(env: FlowEnv, o: Order, id: string, day: number, qty: number, isBackorder: boolean): void {
  const { cx } = env;
  const service = o.m.type === "service";
  const cost = service ? 0 : qty * o.m.standardCost;
  if (!service) {
    const lines = newLines(env);
    const cogs = cx.chart.role("cogs");
    lines.add(cogs[o.mi % cogs.length]!, cost, 0, env.rng.int(counts(cx).costCenters), "");
    lines.add(inventoryAccount(cx, o.m), 0, cost, -1, "");
    post(env, o.c, day, { documentId: `JE-${id}`, docType: "WL", source: "automated", event: "goods_issue", postedBy: "SYS-SD", text: "Goods issue for delivery", sourceId: id, sourceType: "delivery" }, lines);
    env.totals.movement(o.c.index, periodOfDay(cx, day), o.mi, -qty, -cost, day);
    writeMovement(env, o.c, id, o.m.id, day, "issue", -qty, -cost);
  }
  reference(env, o.c, o.id, "sales_order", id, "delivery", "delivered_as");
  const w = env.out.table(deliveries);
  w.id(o.c.code);
  w.id(id);
  w.id(o.id);
  w.id(o.m.id);
  w.date(formatIso(day));
  w.int(qty);
  w.money(cost, o.c.digits);
  w.bool(isBackorder);
  if (service) w.empty();
  else w.id(`JE-${id}`);
  w.end();
}

/** An invoice's amounts: net and tax in the document currency, and in company currency at the invoice day's rate. */
export function invoiceAmounts(env: FlowEnv, o: Order, day: number, qty: number) {
  const c = o.c;
  const net = qty * o.price;
  const tax = Math.round(net * vatRate(c));
  const rate = env.fx.rate(o.doc.currency, c.currency, day);
  const scale = 10 ** (c.digits - o.doc.digits);
  return { net, tax, gross: net + tax, rate, netC: Math.round(net * rate * scale), taxC: Math.round(tax * rate * scale) };
}

/** The revenue account of an order's item: goods or service revenue, split by the customer's region. */
export function revenueAccount(env: FlowEnv, o: Order): Account {
  const revenue = env.cx.chart.role(o.m.type === "service" ? "service_revenue" : "revenue");
  return revenue[regionOf(o.cust.country) % revenue.length]!;
}

/** Posts and writes a customer invoice; with a contract its net goes to the contract's balances, not to revenue. */
export function bill(env: FlowEnv, o: Order, delivery: string, day: number, qty: number, p: O2CParams, contract?: OpenContract): void {
  const { cx } = env;
  const c = o.c;
  const id = `CI-${delivery.slice(3)}`;
  const { net, tax, gross, rate, netC, taxC } = invoiceAmounts(env, o, day, qty);
  const ar = cx.chart.one("ar_control");
  const lines = newLines(env);
  lines.add(ar, netC + taxC, 0, -1, o.cust.id, gross);
  if (contract) contract.credit(id, lines, net);
  else lines.add(revenueAccount(env, o), 0, netC, -1, "", net);
  if (taxC > 0) lines.add(cx.chart.one("output_tax"), 0, taxC, -1, "", tax);
  post(env, c, day, { documentId: `JE-${id}`, docType: "RV", source: "automated", event: "customer_invoice", postedBy: "SYS-SD", text: "Customer invoice", fx: foreign(o.doc, c, rate), sourceId: id, sourceType: "customer_invoice" }, lines);
  reference(env, c, delivery, "delivery", id, "customer_invoice", "billed_as");
  const inv: OpenInvoice = {
    side: "ar", company: c, id, partner: o.cust.id, invoiceDay: day, dueDay: dueDay(day, o.cust.terms), doc: o.doc, gross, booked: netC + taxC, control: ar, inSubledger: true,
    rate: o.doc.currency === c.currency ? undefined : rateText(rate),
  };
  const settlements = planReceipts(env, inv, o.cust.behaviour, p);
  // With expected credit losses on, a write-off uses the allowance.
  const writeOff = cx.capability<CreditLosses>(CREDIT_LOSSES)?.writeOffAccount(cx) ?? cx.chart.one("bad_debt_expense");
  settle(env, inv, settlements, cx.chart.one("bank"), { docType: "DZ", event: "customer_receipt", text: "Incoming payment", sourceType: "customer_receipt" }, undefined, writeOff);
  openItems(env, inv, settlements, p.dunning ? dunningLevel : undefined);
  writeCustomerInvoice(env, inv, o.id, delivery, net, tax);
  for (const s of settlements) writeReceipt(env, inv, s);
}

/** A stable revenue sub-account per customer country (the chart splits revenue by region). */
function regionOf(country: string): number {
  return (country.charCodeAt(0) * 31 + country.charCodeAt(1)) >>> 0;
}

const dunningLevel = (overdue: number) => (overdue > 60 ? 3 : overdue > 30 ? 2 : overdue > 7 ? 1 : 0);

/** When customers pay (on bank days), by their payment behaviour; some never do and are written off. */
function planReceipts(env: FlowEnv, inv: OpenInvoice, behaviour: string, p: O2CParams): Settlement[] {
  const { rng } = env;
  const c = inv.company;
  const base = inv.id.replace(/^CI-/, "CR-");
  if (rng.chance(p.bad_debt)) {
    return within(env, [{ day: bankDayOnOrAfter(c, inv.dueDay + rng.range(120, 180)), amount: inv.gross, discount: 0, kind: "write_off", id: `${base}-W` }]);
  }
  const shift: Record<string, () => number> = {
    prompt: () => -rng.range(0, 10),
    normal: () => rng.range(-2, 5),
    late: () => rng.range(10, 45),
    very_late: () => rng.range(45, 150),
  };
  let day = inv.dueDay + (shift[behaviour] ?? shift.normal!)();
  if (rng.chance(p.late_payment)) day += rng.range(5, 30);
  day = bankDayOnOrAfter(c, Math.max(inv.invoiceDay, day));
  if (inv.gross > 1 && rng.chance(0.08)) {
    const first = Math.max(1, Math.min(inv.gross - 1, Math.round(inv.gross * (0.3 + 0.4 * rng.next()))));
    return within(env, [
      { day, amount: first, discount: 0, kind: "partial", id: `${base}-A` },
      { day: bankDayOnOrAfter(c, day + rng.range(10, 40)), amount: inv.gross - first, discount: 0, kind: "remainder", id: `${base}-B` },
    ]);
  }
  return within(env, [{ day, amount: inv.gross, discount: 0, kind: "full", id: base }]);
}

export function writeOrder(env: FlowEnv, o: Order, day: number, qty: number, credit: string, status: string): void {
  const w = env.out.table(salesOrders);
  w.id(o.c.code);
  w.id(o.id);
  w.id(o.cust.id);
  w.id(o.m.id);
  w.date(formatIso(day));
  w.int(qty);
  w.decimal(formatMinor(o.price, o.doc.digits));
  w.id(o.doc.currency);
  w.money(qty * o.price, o.doc.digits);
  w.id(credit);
  w.id(status);
  w.end();
}

// Order-to-cash when a phase provides revenue recognition (ledger/capabilities.ts): each order
// is a contract. Its lines are the order itself and, in a multi-element deal, the services sold
// with it (an installation, a support subscription), each its own sales order with a service
// entry and an invoice. The contract is planned whole before anything posts: the provider
// allocates the price and lends the invoices their contract-balance lines instead of revenue,
// then posts the revenue from its schedule.
/** A delivery of the order: its day, its invoice's day and the quantity. */
type Part = [day: number, invoiceDay: number, qty: number];

export interface Contract {
  open: OpenContract;
  /** Writes the bundle's documents and posts the contract's revenue. */
  close(): void;
}

export function openContract(env: FlowEnv, book: ContractBook, o: Order, ordered: number, qty: number, parts: Part[], bundle: Bundle | undefined, check: string, p: O2CParams): Contract {
  const { cx } = env;
  const invoices = parts.map(([day, invoiceDay, q], k) => ({ id: `CI-${o.id.slice(3)}-${k + 1}`, day: invoiceDay, net: invoiceAmounts(env, o, invoiceDay, q).netC, billable: day }));
  // What is ordered sells on its own at its agreed price: its standalone selling price is what it is invoiced (company currency).
  const lines: ContractLine[] = [{
    soId: o.id, materialIndex: o.mi, kind: o.m.type === "service" ? "service" : "goods", quantity: qty, price: qty * o.price,
    standalone: invoices.reduce((s, i) => s + i.net, 0), revenue: revenueAccount(env, o),
    deliveries: parts.map(([day, , q], k) => ({ id: `DL-${o.id.slice(3)}-${k + 1}`, day, quantity: q })),
    invoices,
  }];
  const timing = bundle ? book.timing(o.id, bundle, parts[0]![0]) : [];
  const services = (bundle?.lines ?? []).map((l, k) => {
    const m = material(cx, o.c.index, l.materialIndex);
    const s: Order = { ...o, id: `${o.id}-${l.kind === "installation" ? "I" : "S"}`, m, mi: l.materialIndex, price: Math.max(1, env.fx.convert(l.unitPrice, o.c.currency, o.c.digits, o.doc.currency, o.doc.digits, ordered)) };
    const t = timing[k]!;
    // Each bill's amount is billable once its service entry is made (in advance: on the first day).
    lines.push({
      soId: s.id, materialIndex: l.materialIndex, kind: l.kind, quantity: l.quantity, price: l.quantity * s.price,
      standalone: l.standalone, revenue: revenueAccount(env, s), deliveries: [], service: { start: t.start, end: t.end },
      invoices: t.bills.map((b, n) => ({ id: `CI-${s.id.slice(3)}-${n + 1}`, day: b.invoice, net: invoiceAmounts(env, s, b.invoice, b.quantity).netC, billable: b.entry })),
    });
    return { s, quantity: l.quantity, t };
  });
  const open = book.open({ soId: o.id, customer: o.cust.id, orderDay: ordered, currency: o.doc.currency, lines });
  return {
    open,
    close() {
      // The services' documents draw from a stream of their own: the orders after a deal draw as without it.
      const own = { ...env, rng: new Rng(cx.seed, hash32("o2c_bundle"), hash32(o.id)) };
      for (const { s, quantity, t } of services) {
        t.bills.forEach((b, n) => {
          const delivery = `DL-${s.id.slice(3)}-${n + 1}`;
          if (b.entry < env.endDay) deliver(own, s, delivery, b.entry, b.quantity, false);
          if (b.entry < env.endDay && b.invoice < env.endDay) bill(own, s, delivery, b.invoice, b.quantity, p, open);
        });
        const billed = t.bills.every((b) => b.invoice < env.endDay);
        writeOrder(own, s, ordered, quantity, check, billed ? "closed" : t.start < env.endDay ? "open" : "cut_off");
      }
      book.close(open);
    },
  };
}
