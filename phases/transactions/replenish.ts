// Purchasing: after a period's sales are posted, every goods movement dated in the period is
// known, so purchasing plans stock replenishment that keeps each material's stock at or above
// zero on every day (receipts arrive on or before the day they are needed; on a day, receipts
// come before issues), and brings each good back to the plan's stock days of its demand (what
// was issued lately). It places the purchase orders the procure-to-pay volume reserves for
// stock: shortfalls first, then the least covered goods, splitting the orders of fast movers
// when the volume allows more.
// A shortfall beyond the volume still gets its order (the run reports how many orders went
// beyond it): stock never goes negative, and purchases follow demand, not the order count.
import { dlog, dpow } from "../../core/detmath.ts";
import { Rng, hash32 } from "../../core/rng.ts";
import { allocate } from "../../core/allocate.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { flowEnv, newLines, periodOfDay, post, type FlowEnv } from "../../ledger/flows.ts";
import { bankDayOnOrAfter } from "../../ledger/context.ts";
import { writeMovement } from "../../ledger/documents.ts";
import { stateTotals } from "../../ledger/totals.ts";
import { STOCK } from "../../ledger/slices.ts";
import type { RunState, Slice } from "../../ledger/state.ts";
import type { MainStep } from "../api.ts";
import { inventoryAccount, material, vendor } from "../master_data/index.ts";
import { assortment } from "../master_data/assortment.ts";
import { planYear } from "../../ledger/business.ts";
import { lag, stockOrders } from "./chains.ts";
import { grIrOpen, orderDates, purchase, sourceOf, vendorPools, type P2PParams } from "./p2p.ts";
import { PRODUCTION, type ContractTerms, type Production, type StockItem } from "../../ledger/capabilities.ts";
import { docOffset } from "./standalone.ts";
import { workDayOnOrAfter, workDayOnOrBefore } from "./dates.ts";

/** What purchasing carries from period to period, per company: orders placed beyond the volume. */
export interface Purchasing {
  extraOrders: number[];
}

export const PURCHASING: Slice<Purchasing, never> = {
  name: "purchasing",
  create: (cx) => ({ extraOrders: cx.companies.map(() => 0) }),
  fold: () => {},
  add: () => {},
  toJSON: (s) => s,
  fromJSON: (_cx, json) => json as Purchasing,
};

export interface Need {
  material: number;
  /** The receipt day (on or before the first day stock would be negative, for an urgent order) and the quantity. */
  day: number;
  qty: number;
  urgent: boolean;
  /** Standard cost of the quantity: the largest needs are ordered first. */
  value: number;
}

export const replenishStep: MainStep = {
  kind: "main",
  run(cx, phase, state, out, period) {
    const p = cx.periods[period!]!;
    const stock = state.get(STOCK);
    const params = cx.plan.processes.find((x) => x.id === "procure_to_pay")?.params as P2PParams | undefined;
    for (const c of cx.companies) {
      const seg = phase.layout.segments.find((s) => s.company === c.code && s.period === p.index && s.table === "procure_to_pay");
      const budget = seg ? stockOrders(cx, c, seg.units) : 0;
      const firstSeq = seg ? docOffset(phase, seg) + 1 : 0;
      const env = flowEnv(cx, new Rng(cx.seed, hash32("replenish"), c.index, p.index), stateTotals(state), out);
      // Without procure-to-pay there are no orders to reserve: every need is bought directly.
      const items = boughtItems(cx, c);
      const needs = planNeeds(cx, state, c, p.index, items, params ? budget : items.length, env.rng);
      if (needs.length === 0) continue;
      if (!params) {
        needs.forEach((n, i) => directPurchase(env, c, n, `${c.code}-${String(p.index).padStart(3, "0")}${String(i + 1).padStart(5, "0")}`));
        continue;
      }
      const pool = vendorPools(cx, c).goods;
      needs.forEach((n, i) => {
        // A period's replenishment can run to many orders: hand them to the output as they go.
        if (i % 500 === 499) out.flush?.();
        // Orders beyond the reserved numbers continue the company's sequence far above it.
        const seq = i < budget ? firstSeq + i : 900_000_000 + p.index * 10_000 + i;
        // The contract that counts is the one valid when the order is placed, a lead time before the receipt.
        const lead = lag(env.rng, params.lags.order_to_receipt);
        let source = sourceOf(env, c, n.material, n.day - lead, pool);
        const { ordered, promised } = orderDates(env, c, source.vendorIndex, n.day, params, lead);
        // A late vendor's order went out earlier, perhaps under the contract before: source again on that day.
        if (source.contract && !validOn(source.contract, ordered)) source = sourceOf(env, c, n.material, ordered, pool);
        const contract = source.contract;
        const v = vendor(cx, c.index, source.vendorIndex);
        purchase(env, c, { seq, vendor: v, vendorIndex: source.vendorIndex, contract, materialIndex: n.material, quantity: n.qty, orderDay: ordered, promisedDay: promised, receiptDays: [n.day], stock: true, inspect: !n.urgent }, params);
      });
      env.reval.post(env, `R${String(p.index).padStart(3, "0")}`);
      state.get(PURCHASING).extraOrders[c.index]! += Math.max(0, needs.length - budget);
    }
    stock.dropBefore(p.firstDay + p.days);
  },
};

/** Daily demand of a good: what was issued over the last three periods (this one included), else the plan's forecast. */
function dailyDemand(cx: RunContext, state: RunState, c: CompanyInfo, period: number, material: number, forecast: number): number {
  const from = Math.max(0, period - 2);
  let days = 0;
  for (let q = from; q <= period; q++) days += cx.periods[q]!.days;
  const issued = state.get(STOCK).issued(c.index, material, from, period);
  // A young history is blended with the forecast so one quiet month does not empty the shelf.
  const weight = Math.min(1, (period + 1) / 3);
  return weight * (issued / days) + (1 - weight) * forecast;
}

/**
 * What replenishment buys: the goods the company sells, but those it makes (manufacturing), and
 * the materials production consumes.
 */
export function boughtItems(cx: RunContext, c: CompanyInfo): StockItem[] {
  const a = assortment(cx, c);
  const production = cx.capability<Production>(PRODUCTION);
  const made = production?.makes(cx, c);
  const goods = a.goods.flatMap((m, k) => (made?.has(m) ? [] : [{ material: m, yearly: a.yearlyUnits[k]! }]));
  return production ? [...goods, ...production.components(cx, c)] : goods;
}

/**
 * The replenishment orders of a company for a period (of the items given), as many as the volume reserves for stock
 * when it can: every good that would run short gets an urgent order arriving before it does;
 * every good whose stock ends the period below its stock days of demand gets an order for the
 * difference. Too many needs: the largest are ordered (urgent ones always); too few: the
 * largest orders are split.
 */
export function planNeeds(cx: RunContext, state: RunState, c: CompanyInfo, period: number, items: readonly StockItem[], budget: number, rng: Rng): Need[] {
  const p = cx.periods[period]!;
  const end = p.firstDay + p.days;
  const stock = state.get(STOCK);
  const stockDays = Math.max(7, c.business.stock_days);
  const growth = dpow(1 + c.business.growth, planYear(period));
  const urgent: Need[] = [];
  const regular: (Need & { cover: number })[] = [];
  // The stock the company aims to hold (value of every good's stock days) and what it will hold.
  let aim = 0;
  let held = 0;
  items.forEach(({ material: m, yearly }) => {
    const daily = dailyDemand(cx, state, c, period, m, (yearly * growth) / 365);
    const w = stock.window.get(`${c.index}:${m}`);
    let s = stock.quantityAfter(c.index, m, period - 1);
    let lowest = s;
    let short = -1;
    // The window from the period's first day (days before it are in the periods' totals).
    const days = w ? [...w.keys()].filter((d) => d >= p.firstDay && d < end).sort((x, y) => x - y) : [];
    for (const d of days) {
      s += w!.get(d)!;
      if (s < lowest) lowest = s;
      if (s < 0 && short < 0) short = d;
    }
    const cost = Math.max(1, material(cx, c.index, m).standardCost);
    const target = daily * stockDays;
    // What must arrive (the shortfall) and what would bring the period's end to the aim.
    const must = Math.max(0, -lowest);
    const want = Math.max(0, Math.ceil(target - s - must));
    aim += target * cost;
    held += Math.max(0, s) * cost;
    if (short >= 0) urgent.push({ material: m, day: receiptDay(cx, c, p.firstDay, short), qty: must, urgent: true, value: must * cost });
    if (want > 0 && (short >= 0 || want >= target * 0.2)) regular.push({ material: m, day: 0, qty: want, urgent: false, value: want * cost, cover: (s + must) / Math.max(1e-9, daily) });
  });
  // Lumpy demand leaves some goods above their aim: the others are topped up only while the
  // whole stock stays within the aim, least covered first, so stock days hold at the plan's.
  // A good that runs short gets its top-up on its urgent order.
  regular.sort((x, y) => x.cover - y.cover || x.material - y.material);
  let room = aim - held - urgent.reduce((sum, n) => sum + n.value, 0);
  const topUps: Need[] = [];
  const urgentOf = new Map(urgent.map((n) => [n.material, n]));
  for (const n of regular) {
    if (room <= 0) break;
    const u = urgentOf.get(n.material);
    if (!u && topUps.length + urgent.length >= budget) continue;
    const unit = n.value / n.qty;
    const qty = Math.min(n.qty, Math.ceil(room / unit));
    room -= qty * unit;
    if (u) [u.qty, u.value] = [u.qty + qty, u.value + qty * unit];
    else topUps.push({ ...n, qty, value: qty * unit });
  }
  const orders = splitOrders([...urgent, ...topUps], budget, rng);
  // Orders that are not urgent arrive on working days of the period's second half.
  for (const o of orders) if (!o.urgent) o.day = laterInPeriod(cx, c, p.firstDay, end, rng);
  return orders;
}

/**
 * Splits orders until the volume is used: the extra orders go to goods in proportion to their
 * units (fast movers are ordered often, a slow, costly good stays one order), and each good's
 * quantity breaks at random points (uniform stick-breaking), which spreads order sizes over
 * orders of magnitude as real order books are. Parts of an urgent order all arrive before the
 * shortfall. An order never splits below one unit a part.
 */
function splitOrders(orders: Need[], budget: number, rng: Rng): Need[] {
  const extra = budget - orders.length;
  if (extra <= 0) return orders;
  const more = allocate(extra, orders.map((o) => o.qty - 1));
  const out: Need[] = [];
  orders.forEach((o, i) => {
    const parts = Math.min(o.qty, 1 + more[i]!);
    const unit = o.value / o.qty;
    // Dirichlet(1) weights: exponential draws, then an exact split with at least one unit each.
    const sizes = allocate(o.qty - parts, Array.from({ length: parts }, () => -dlog(1 - rng.next())));
    for (const q of sizes) out.push({ ...o, qty: q + 1, value: (q + 1) * unit });
  });
  return out;
}

/** A receipt on or before the day stock would run short, within the period (that day itself if it must). */
function receiptDay(cx: RunContext, c: CompanyInfo, first: number, short: number): number {
  const d = workDayOnOrBefore(cx, c, short);
  return d >= first ? d : short;
}

/** A working day in the second half of the period, for orders that are not urgent. */
function laterInPeriod(cx: RunContext, c: CompanyInfo, first: number, end: number, rng: Rng): number {
  const mid = first + Math.floor((end - first) / 2);
  const d = workDayOnOrBefore(cx, c, mid + rng.int(end - mid));
  return d >= first ? d : workDayOnOrAfter(cx, c, first);
}

/**
 * A purchase without procure-to-pay: the goods are received at standard cost against GR/IR on
 * their day and paid (at cost) on the next bank day, which clears GR/IR.
 */
function directPurchase(env: FlowEnv, c: CompanyInfo, n: Need, ref: string): void {
  const { cx } = env;
  const m = material(cx, c.index, n.material);
  const value = n.qty * Math.max(1, m.standardCost);
  const id = `GR-DIRECT-${ref}`;
  const grIr = cx.chart.one("gr_ir");
  const receipt = newLines(env);
  receipt.add(inventoryAccount(cx, m), value, 0, -1, "");
  receipt.add(grIr, 0, value, -1, "");
  post(env, c, n.day, { documentId: `JE-${id}`, docType: "WE", source: "automated", event: "goods_receipt", postedBy: "SYS-MM", text: "Goods received, paid on delivery" }, receipt);
  env.totals.movement(c.index, periodOfDay(cx, n.day), n.material, n.qty, value, n.day);
  writeMovement(env, c, id, m.id, n.day, "receipt", n.qty, value);
  const payDay = bankDayOnOrAfter(c, n.day);
  if (payDay >= env.endDay) return grIrOpen(env, c, { day: n.day, grIr: value }, payDay);
  grIrOpen(env, c, { day: n.day, grIr: value }, payDay);
  const pay = newLines(env);
  pay.add(grIr, value, 0, -1, "");
  pay.add(cx.chart.one("bank"), 0, value, -1, "");
  post(env, c, payDay, { documentId: `JE-PY-DIRECT-${ref}`, docType: "ZP", source: "automated", event: "vendor_payment", postedBy: "SYS-PAYRUN", text: "Payment on delivery" }, pay);
}

/** Whether a contract runs on a day (an order a late vendor needed earlier may predate it). */
function validOn(k: ContractTerms, day: number): boolean {
  return day >= k.validFrom && day <= k.validTo;
}
