// Order-to-cash: sales order -> delivery(ies) -> customer invoice(s) -> receipt(s) or write-off.
// The delivery debits cost of goods sold and credits inventory at standard cost; the invoice
// debits AR and credits revenue and output tax; the receipt debits the bank and credits AR.
// Orders over the customer's credit limit are blocked; customers pay as their behaviour says.
import { formatIso } from "../../core/calendar.ts";
import { customerInvoices, customerReceipts, deliveries, salesOrders } from "../../specs/records/flows.ts";
import type { CompanyInfo } from "../../ledger/context.ts";
import type { Customer, Material } from "../master_data/index.ts";
import { rateText } from "../../ledger/fx.ts";
import { foreign, moneyOf, newLines, openItems, periodOfDay, post, reference, settle, type FlowEnv, type Money, type OpenInvoice, type Settlement } from "../../ledger/flows.ts";
import { counts, customer, inventoryAccount, material } from "../master_data/index.ts";
import { chainAmount, lag, orderDay, type ChainParams } from "./chains.ts";
import { vatRate } from "../../ledger/tax.ts";
import { dueDay, optional, within, writeCustomerInvoice, writeMovement, writeReceipt } from "../../ledger/documents.ts";
import { formatMinor } from "../../output/writers.ts";

export interface O2CParams extends ChainParams {
  backorder: number;
  bad_debt: number;
  dunning: boolean;
}

interface Order {
  id: string;
  c: CompanyInfo;
  cust: Customer;
  m: Material;
  mi: number;
  doc: Money;
  price: number;
}

export function orderToCash(env: FlowEnv, c: CompanyInfo, period: number, seq: number, p: O2CParams): void {
  const { cx, rng } = env;
  const n = counts(cx);
  const cust = customer(cx, c.index, rng.int(n.customers));
  const mi = rng.int(n.materials);
  const m = material(cx, c.index, mi);
  const known = cust.currency === c.currency || cx.plan.fx.rates.some((r) => r.currency === cust.currency);
  const doc = moneyOf(known ? cust.currency : c.currency);
  const ordered = orderDay(env, period);
  const listPrice = Math.max(1, m.listPrice);
  const qty = Math.max(1, Math.min(100_000, Math.round(chainAmount(env, c) / listPrice)));
  const price = Math.max(1, Math.round(env.fx.convert(listPrice, c.currency, c.digits, doc.currency, doc.digits, ordered) * (1 - 0.05 * rng.next())));
  const o: Order = { id: `SO-${c.code}-${String(seq).padStart(9, "0")}`, c, cust, m, mi, doc, price };
  if (qty * listPrice > cust.creditLimit && cust.creditLimit > 0) {
    writeOrder(env, o, ordered, qty, "blocked", "credit_blocked");
    return;
  }
  const first = ordered + lag(rng, p.lags.order_to_receipt);
  const backorder = qty > 1 && rng.chance(p.backorder);
  const q1 = backorder ? Math.max(1, Math.round(qty * (0.4 + 0.4 * rng.next()))) : qty;
  const parts: [number, number][] = backorder ? [[first, q1], [first + rng.range(10, 30), qty - q1]] : [[first, qty]];
  let billed = 0;
  parts.forEach(([day, q], k) => {
    if (day >= env.endDay) return;
    const delivery = `DL-${o.id.slice(3)}-${k + 1}`;
    deliver(env, o, delivery, day, q, k > 0);
    const invoiceDay = day + lag(rng, p.lags.receipt_to_invoice);
    if (invoiceDay >= env.endDay) return;
    bill(env, o, delivery, invoiceDay, q, p);
    billed++;
  });
  const status = billed === parts.length ? "closed" : billed === 0 && first >= env.endDay ? "cut_off" : backorder ? "backordered" : "open";
  writeOrder(env, o, ordered, qty, "passed", status);
}

function deliver(env: FlowEnv, o: Order, id: string, day: number, qty: number, isBackorder: boolean): void {
  const { cx } = env;
  const service = o.m.type === "service";
  const cost = service ? 0 : qty * o.m.standardCost;
  if (!service) {
    const lines = newLines(env);
    lines.add(env.rng.pick(cx.chart.role("cogs")), cost, 0, env.rng.int(counts(cx).costCenters), "");
    lines.add(inventoryAccount(cx, o.m), 0, cost, -1, "");
    post(env, o.c, day, { documentId: `JE-${id}`, docType: "WL", source: "automated", event: "goods_issue", postedBy: "SYS-SD", text: "Goods issue for delivery", sourceId: id, sourceType: "delivery" }, lines);
    env.totals.movement(o.c.index, periodOfDay(cx, day), o.mi, -qty, -cost);
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

function bill(env: FlowEnv, o: Order, delivery: string, day: number, qty: number, p: O2CParams): void {
  const { cx, fx } = env;
  const c = o.c;
  const id = `CI-${delivery.slice(3)}`;
  const net = qty * o.price;
  const tax = Math.round(net * vatRate(c));
  const gross = net + tax;
  const rate = fx.rate(o.doc.currency, c.currency, day);
  const scale = 10 ** (c.digits - o.doc.digits);
  const netC = Math.round(net * rate * scale);
  const taxC = Math.round(tax * rate * scale);
  const ar = cx.chart.one("ar_control");
  const lines = newLines(env);
  lines.add(ar, netC + taxC, 0, -1, o.cust.id, gross);
  lines.add(env.rng.pick(cx.chart.role(o.m.type === "service" ? "service_revenue" : "revenue")), 0, netC, -1, "", net);
  if (taxC > 0) lines.add(cx.chart.one("output_tax"), 0, taxC, -1, "", tax);
  post(env, c, day, { documentId: `JE-${id}`, docType: "RV", source: "automated", event: "customer_invoice", postedBy: "SYS-SD", text: "Customer invoice", fx: foreign(o.doc, c, rate), sourceId: id, sourceType: "customer_invoice" }, lines);
  reference(env, c, delivery, "delivery", id, "customer_invoice", "billed_as");
  const inv: OpenInvoice = { side: "ar", company: c, id, partner: o.cust.id, invoiceDay: day, dueDay: dueDay(day, o.cust.terms), doc: o.doc, gross, booked: netC + taxC, control: ar, inSubledger: true };
  const settlements = planReceipts(env, inv, o.cust.behaviour, p);
  settle(env, inv, settlements, cx.chart.role("bank")[0]!, { docType: "DZ", event: "customer_receipt", text: "Incoming payment", sourceType: "customer_receipt" }, undefined, cx.chart.one("bad_debt_expense"));
  openItems(env, inv, settlements, p.dunning ? dunningLevel : undefined);
  writeCustomerInvoice(env, inv, o.id, delivery, net, tax);
  for (const s of settlements) writeReceipt(env, inv, s);
}

const dunningLevel = (overdue: number) => (overdue > 60 ? 3 : overdue > 30 ? 2 : overdue > 7 ? 1 : 0);

/** When customers pay, by their payment behaviour; some never do and are written off. */
function planReceipts(env: FlowEnv, inv: OpenInvoice, behaviour: string, p: O2CParams): Settlement[] {
  const { rng } = env;
  const base = inv.id.replace(/^CI-/, "CR-");
  if (rng.chance(p.bad_debt)) {
    return within(env, [{ day: inv.dueDay + rng.range(120, 180), amount: inv.gross, discount: 0, kind: "write_off", id: `${base}-W` }]);
  }
  const shift: Record<string, () => number> = {
    prompt: () => -rng.range(0, 10),
    normal: () => rng.range(-2, 5),
    late: () => rng.range(10, 45),
    very_late: () => rng.range(45, 150),
  };
  let day = inv.dueDay + (shift[behaviour] ?? shift.normal!)();
  if (rng.chance(p.late_payment)) day += rng.range(5, 30);
  day = Math.max(inv.invoiceDay, day);
  if (inv.gross > 1 && rng.chance(0.08)) {
    const first = Math.max(1, Math.min(inv.gross - 1, Math.round(inv.gross * (0.3 + 0.4 * rng.next()))));
    return within(env, [
      { day, amount: first, discount: 0, kind: "partial", id: `${base}-A` },
      { day: day + rng.range(10, 40), amount: inv.gross - first, discount: 0, kind: "remainder", id: `${base}-B` },
    ]);
  }
  return within(env, [{ day, amount: inv.gross, discount: 0, kind: "full", id: base }]);
}



function writeOrder(env: FlowEnv, o: Order, day: number, qty: number, credit: string, status: string): void {
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
