// Sales quotes from the real sales orders of an order-to-cash block. A share of the orders
// started as a quote the customer accepted on the order date (same customer, material,
// quantity, price and currency); around them, lost and expired quotes are drawn the same way
// (a customer of the master, an item of the assortment sized like a won order, the
// order-to-cash price model) so that the configured share of decided quotes is won. Outcomes
// are as of the scenario end: a quote still undecided and valid then is open.
import { formatIso, parseIso } from "../../core/calendar.ts";
import type { Rng } from "../../core/rng.ts";
import { hash32 } from "../../core/rng.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { fxOf } from "../../ledger/fx.ts";
import { periodOfDay } from "../../ledger/flows.ts";
import { minorDigits } from "../../specs/currencies.ts";
import { documentReferences } from "../../specs/records/flows.ts";
import { paramsOf } from "../../specs/phase.ts";
import type { OverlayContext } from "../api.ts";
import { counts, customer, employeeRecord, masterParams, material, type Material } from "../master_data/index.ts";
import { assortment } from "../master_data/assortment.ts";
import { salePrice } from "../transactions/o2c.ts";
import { workDayOnOrAfter, workDayOnOrBefore } from "../transactions/dates.ts";
import { formatMinor } from "../../output/writers.ts";
import { count, K } from "./counts.ts";
import { salesKpisBudgetsSpec } from "./spec.ts";
import { quoteLines, salesQuotes } from "./tables.ts";

interface Quote {
  c: CompanyInfo;
  day: number;
  validUntil: number;
  customerId: string;
  currency: string;
  materialIndex: number;
  quantity: number;
  /** Per unit, quote currency minor units. */
  listPrice: number;
  unitPrice: number;
  status: "won" | "lost" | "expired" | "open";
  statusDay: number | undefined;
  reason: string | undefined;
  soId: string | undefined;
  /** Orders quotes within a day (drawn): ids follow the issue order. */
  key: number;
}

const REASONS: [string, number][] = [["price", 0.35], ["competitor", 0.25], ["lead_time", 0.1], ["budget_cut", 0.15], ["requirements", 0.15]];

/** The quotes of a block's sales orders, written with their lines; counts by period for the KPIs. */
export function quoteOrders(cx: RunContext, at: OverlayContext): void {
  const p = paramsOf(salesKpisBudgetsSpec, cx);
  const byCompany = new Map<string, Record<string, unknown>[]>();
  for (const r of at.rows) byCompany.set(String(r.company_code), [...(byCompany.get(String(r.company_code)) ?? []), r]);
  for (const [code, rows] of byCompany) {
    const c = cx.companies[cx.companyIndex.get(code)!]!;
    const won = rows.filter(() => at.rng.chance(p.quoted_share)).map((r) => wonQuote(cx, c, r, at.rng));
    const expected = (won.length * (1 - p.quote_win_rate)) / p.quote_win_rate;
    const lost = Math.floor(expected) + (at.rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    const others = won.length === 0 ? [] : Array.from({ length: lost }, () => otherQuote(cx, c, won[at.rng.int(won.length)]!, at.rng));
    const all = [...won, ...others].sort((a, b) => a.day - b.day || a.key - b.key);
    write(cx, at, c, all);
  }
}

/** Days from issue to decision: most customers answer within days, some near the end of the validity. */
function decisionLag(rng: Rng, validity: number): number {
  const u = rng.next();
  return Math.floor((validity - 7) * u * u);
}

function wonQuote(cx: RunContext, c: CompanyInfo, r: Record<string, unknown>, rng: Rng): Quote {
  const validity = paramsOf(salesKpisBudgetsSpec, cx).quote_validity;
  const ordered = parseIso(String(r.order_date));
  const day = workDayOnOrBefore(cx, c, ordered - decisionLag(rng, validity));
  const currency = String(r.currency);
  const mi = indexOf(String(r.material_id));
  const unitPrice = minorOf(String(r.unit_price), minorDigits(currency));
  // The list price as the order priced it (the order day's rate); a lump-sum engagement is its own list.
  const listPrice = Math.max(unitPrice, listIn(cx, c, material(cx, c.index, mi), currency, ordered));
  return {
    c, day, validUntil: day + validity - 1, customerId: String(r.customer_id), currency, materialIndex: mi, quantity: Number(r.quantity),
    listPrice, unitPrice, status: "won", statusDay: ordered, reason: undefined, soId: String(r.so_id), key: rng.next(),
  };
}

/** A quote that was not won: drawn like the won one it stands beside (size, kind of item, timing). */
function otherQuote(cx: RunContext, c: CompanyInfo, like: Quote, rng: Rng): Quote {
  const p = paramsOf(salesKpisBudgetsSpec, cx);
  const fx = fxOf(cx);
  const cust = customer(cx, c.index, rng.int(counts(cx).customers));
  const known = cust.currency === c.currency || cx.plan.fx.rates.some((x) => x.currency === cust.currency);
  const currency = known ? cust.currency : c.currency;
  const digits = minorDigits(currency);
  const day = workDayOnOrBefore(cx, c, like.day + rng.range(-7, 7));
  const likeMaterial = material(cx, c.index, like.materialIndex);
  const value = fx.convert(like.quantity * like.unitPrice, like.currency, minorDigits(like.currency), c.currency, c.digits, like.statusDay ?? like.day);
  const mi = itemFor(cx, c, value, likeMaterial.type === "service", rng);
  const m = material(cx, c.index, mi);
  const listed = salePrice(m, c.business.goods_margin, rng.next());
  const unitC = m.type === "service" && value > 200 * listed ? Math.max(1, Math.round(value)) : listed;
  const quantity = Math.max(1, Math.round(value / unitC));
  const unitPrice = Math.max(1, fx.convert(unitC, c.currency, c.digits, currency, digits, day));
  const listPrice = Math.max(unitPrice, listIn(cx, c, m, currency, day));
  const validUntil = day + p.quote_validity - 1;
  const expired = rng.chance(p.expired_share);
  const decided = expired ? validUntil + 1 : Math.min(validUntil, workDayOnOrAfter(cx, c, day + decisionLag(rng, p.quote_validity)));
  const discount = 1 - unitPrice / listPrice;
  const reason = expired ? "no_response" : pick(rng, REASONS.map(([k, w]) => [k, k === "price" && discount < 0.05 ? 2 * w : w]));
  const base = { c, day, validUntil, customerId: cust.id, currency, materialIndex: mi, quantity, listPrice, unitPrice, soId: undefined, key: rng.next() };
  return decided >= endDay(cx) ? { ...base, status: "open", statusDay: undefined, reason: undefined } : { ...base, status: expired ? "expired" : "lost", statusDay: decided, reason };
}

/** An item for a quote worth `value` (company minor units): as order-to-cash picks one, cheaper when a unit costs over half of it. */
function itemFor(cx: RunContext, c: CompanyInfo, value: number, service: boolean, rng: Rng): number {
  const a = assortment(cx, c);
  const draw = () => (service && a.services.length ? a.services[rng.int(a.services.length)]! : a.goods.length ? a.goods[a.goodsTable.sample(rng)]! : rng.int(counts(cx).materials));
  let mi = draw();
  let price = material(cx, c.index, mi).listPrice;
  for (let k = 0; k < 6 && price * 2 > value; k++) {
    const other = draw();
    const q = material(cx, c.index, other).listPrice;
    if (q < price) [mi, price] = [other, q];
  }
  return mi;
}

function listIn(cx: RunContext, c: CompanyInfo, m: Material, currency: string, day: number): number {
  return Math.max(1, fxOf(cx).convert(Math.max(1, m.listPrice), c.currency, c.digits, currency, minorDigits(currency), day));
}

function pick(rng: Rng, weights: [string, number][]): string {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let u = rng.next() * total;
  for (const [k, w] of weights) if ((u -= w) < 0) return k;
  return weights[weights.length - 1]![0];
}

const endDay = (cx: RunContext) => cx.periods[cx.periods.length - 1]!.firstDay + cx.periods[cx.periods.length - 1]!.days;

/** The 0-based index of a master record from its id (PREFIX-COMPANY-000123). */
const indexOf = (id: string) => Number(id.slice(id.lastIndexOf("-") + 1)) - 1;

function minorOf(text: string, digits: number): number {
  const [i = "0", f = ""] = text.split(".");
  return Number(i) * 10 ** digits + Number((f + "0".repeat(digits)).slice(0, digits) || "0");
}

function write(cx: RunContext, at: OverlayContext, c: CompanyInfo, quotes: Quote[]): void {
  const wq = at.out.table(salesQuotes);
  const wl = at.out.table(quoteLines);
  const refs = at.out.table(documentReferences);
  const reps = salesReps(cx, c);
  quotes.forEach((q, n) => {
    const id = `QT-${c.code}-${String(at.block ?? 0).padStart(6, "0")}-${String(n + 1).padStart(4, "0")}`;
    const digits = minorDigits(q.currency);
    const list = q.quantity * q.listPrice;
    const net = q.quantity * q.unitPrice;
    wq.id(c.code); wq.id(id); wq.id(q.customerId);
    if (reps.length) wq.id(reps[hash32(q.customerId) % reps.length]!);
    else wq.empty();
    wq.date(formatIso(q.day)); wq.date(formatIso(q.validUntil)); wq.id(q.currency);
    wq.money(list, digits); wq.money(list - net, digits); wq.money(net, digits); wq.id(q.status);
    if (q.statusDay === undefined) wq.empty();
    else wq.date(formatIso(q.statusDay));
    if (q.reason) wq.id(q.reason);
    else wq.empty();
    if (q.soId) wq.id(q.soId);
    else wq.empty();
    wq.end();
    wl.id(c.code); wl.id(id); wl.int(1); wl.id(material(cx, c.index, q.materialIndex).id); wl.int(q.quantity);
    wl.decimal(formatMinor(q.listPrice, digits)); wl.decimal(discountPercent(q.unitPrice, q.listPrice)); wl.decimal(formatMinor(q.unitPrice, digits)); wl.money(net, digits); wl.end();
    if (q.soId) {
      refs.id(c.code); refs.id(id); refs.id("sales_quote"); refs.id(q.soId); refs.id("sales_order"); refs.id("ordered_as"); refs.end();
    }
    const period = periodOfDay(cx, q.day);
    if (period >= 0 && at.deltas) count(at.deltas, c.index, period, K.quote(q.status));
  });
}

/** 1 - unit / list to 4 decimals, half up, in integers (a tie such as 0.02425 never rounds by float noise). */
export function discountPercent(unit: number, list: number): string {
  const n = list - unit;
  const q = Math.floor((2 * n * 10_000 + list) / (2 * list));
  return `${Math.floor(q / 10_000)}.${String(q % 10_000).padStart(4, "0")}`;
}

const reps = new WeakMap<RunContext, string[][]>();

/** Active sales staff of the employee master: each customer has one as its account owner. */
function salesReps(cx: RunContext, c: CompanyInfo): string[] {
  let list = reps.get(cx);
  if (!list) reps.set(cx, (list = []));
  return (list[c.index] ??= Array.from({ length: masterParams(cx).employees }, (_, i) => employeeRecord(cx.plan, c.index, i))
    .filter((e) => e.isActive && e.department === "sales" && e.level !== "executive" && e.level !== "director")
    .map((e) => e.id));
}
