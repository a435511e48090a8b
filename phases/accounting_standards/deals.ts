// Multi-element deals: a share of goods orders is sold with an installation and a support
// subscription, service items of the company's own master priced at their list price less a
// bundle discount. The services take their part of the order's value (the goods sell that much
// less), so revenue stays on the business plan. Decisions come from a stream keyed by the order,
// not from order-to-cash's: the orders around a deal draw as they would without it.
import { Rng, hash32 } from "../../core/rng.ts";
import { civilFromDays, daysFromCivil, daysInMonth } from "../../core/calendar.ts";
import { bankDayOnOrAfter, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import type { Bundle, BundleLine, BundleTiming } from "../../ledger/capabilities.ts";
import { assortment } from "../master_data/assortment.ts";
import { material } from "../master_data/index.ts";
import { paramsOf } from "../../specs/phase.ts";
import { accountingStandardsSpec } from "./spec.ts";

/** Service items that install or commission what was sold, and those that support it over time (by their master description). */
const INSTALLS = /install|commission|implement|assembl|set-?up|migration|onboard/i;
const SUPPORTS = /maint|support|subscri|licen|warrant|managed|cloud|backup|service contract|field service|health check/i;

/** A service line never takes more than this share of the order's value (else the deal goes without it). */
const MAX_LINE_SHARE = 0.2;

const services = new WeakMap<RunContext, { install: number[]; support: number[] }[]>();

function serviceItems(cx: RunContext, c: CompanyInfo): { install: number[]; support: number[] } {
  let list = services.get(cx);
  if (!list) services.set(cx, (list = []));
  return (list[c.index] ??= pick(cx, c));
}

function pick(cx: RunContext, c: CompanyInfo): { install: number[]; support: number[] } {
  const all = assortment(cx, c).services;
  const matching = (re: RegExp) => all.filter((i) => re.test(material(cx, c.index, i).description));
  const or = (list: number[]) => (list.length ? list : all);
  return { install: or(matching(INSTALLS)), support: or(matching(SUPPORTS)) };
}

/** The services sold with a goods order worth `value` (company minor units), or none. */
export function bundleFor(cx: RunContext, c: CompanyInfo, soId: string, value: number): Bundle | undefined {
  const p = paramsOf(accountingStandardsSpec, cx);
  const rng = new Rng(cx.seed, hash32("accounting_standards:bundle"), hash32(soId));
  if (!rng.chance(p.bundles)) return undefined;
  const items = serviceItems(cx, c);
  if (items.install.length === 0) return undefined;
  const discount = 0.1 + 0.15 * rng.next();
  // A stream of its own: the other draws stay as they are whatever the billing.
  const arrears = new Rng(cx.seed, hash32("accounting_standards:billing"), hash32(soId)).chance(p.arrears_billing);
  const line = (kind: BundleLine["kind"], pool: number[], share: number): BundleLine | undefined => {
    const mi = pool[rng.int(pool.length)]!;
    const list = Math.max(1, material(cx, c.index, mi).listPrice);
    const quantity = Math.max(1, Math.round((value * share) / list));
    const unitPrice = Math.max(1, Math.round(list * (1 - discount)));
    if (quantity * unitPrice > value * MAX_LINE_SHARE) return undefined;
    // Billed monthly in arrears, a subscription is sold by the unit-month: each month's bill is a whole share of it.
    const months = kind === "subscription" && arrears ? p.subscription_months : 1;
    return { kind, materialIndex: mi, quantity: quantity * months, unitPrice: Math.max(1, Math.round(unitPrice / months)), standalone: quantity * list, arrears: months > 1 || undefined };
  };
  // Installation: 3-8% of the deal; support: 4-10% of it a year, over the subscription's term.
  const installation = line("installation", items.install, 0.03 + 0.05 * rng.next());
  const subscription = line("subscription", items.support, (0.04 + 0.06 * rng.next()) * Math.min(1, p.subscription_months / 12));
  const lines = [installation, subscription].filter((l): l is BundleLine => l !== undefined);
  if (lines.length === 0) return undefined;
  return { lines, value: lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0) };
}

/**
 * When a deal's services run: the installation starts a few days after the first delivery and
 * takes up to two weeks (invoiced on completion); the subscription goes live the next bank day
 * and runs its term, invoiced in advance on its first day or, for a share of deals, monthly in
 * arrears: a service entry at each month end (and the term's last day) and its invoice the next
 * bank day, so what was earned by a month end and not yet invoiced is an unbilled receivable.
 */
export function timingOf(cx: RunContext, c: CompanyInfo, soId: string, bundle: Bundle, first: number): BundleTiming[] {
  const p = paramsOf(accountingStandardsSpec, cx);
  const rng = new Rng(cx.seed, hash32("accounting_standards:timing"), hash32(soId));
  let ready = first;
  return bundle.lines.map((line) => {
    if (line.kind === "installation") {
      const start = bankDayOnOrAfter(c, first + rng.range(1, 5));
      const end = bankDayOnOrAfter(c, start + rng.range(2, 12));
      ready = end;
      return { start, end, bills: [{ entry: end, invoice: end, quantity: line.quantity }] };
    }
    const start = bankDayOnOrAfter(c, ready + 1);
    const end = addMonths(start, p.subscription_months) - 1;
    if (!line.arrears) return { start, end, bills: [{ entry: start, invoice: start, quantity: line.quantity }] };
    return { start, end, bills: monthlyBills(c, start, end, line.quantity) };
  });
}

/** Monthly bills in arrears: the quantity spread by days elapsed (whole units; a month with none is not billed). */
function monthlyBills(c: CompanyInfo, start: number, end: number, quantity: number): BundleTiming["bills"] {
  const bills: BundleTiming["bills"] = [];
  const days = end - start + 1;
  let billed = 0;
  for (let day = start; day <= end; ) {
    const { y, m } = civilFromDays(day);
    const entry = Math.min(end, daysFromCivil(y, m, daysInMonth(y, m)));
    const cumulative = entry === end ? quantity : Math.floor((quantity * (entry - start + 1)) / days);
    if (cumulative > billed) bills.push({ entry, invoice: bankDayOnOrAfter(c, entry + 1), quantity: cumulative - billed });
    billed = cumulative;
    day = entry + 1;
  }
  return bills;
}

/** The same day `months` later (the month's last day when it is shorter). */
export function addMonths(day: number, months: number): number {
  const { y, m, d } = civilFromDays(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return daysFromCivil(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * The share of a goods order's value its bundle is expected to take: `bundles` of the orders
 * carry installation (3-8% of the deal) and support (4-10% a year over the subscription's
 * term), both at a 10-25% discount on list; 0 without service items to bundle.
 */
export function plannedBundleShare(cx: RunContext, c: CompanyInfo): number {
  const p = paramsOf(accountingStandardsSpec, cx);
  if (!p.revenue_recognition || serviceItems(cx, c).install.length === 0) return 0;
  return p.bundles * (0.055 + 0.07 * Math.min(1, p.subscription_months / 12)) * (1 - 0.175);
}
