// A company's business plan turned into targets generation is calibrated to: revenue per plan
// year (growing), split into services, invoiced goods and cash sales; cost budgets per period;
// working capital and financing. Every figure is in company minor units and follows from the
// plan alone, so every thread computes the same targets.
import { dpow } from "../core/detmath.ts";
import type { PlanBusiness } from "../specs/business.ts";
import type { CompanyInfo, RunContext } from "./context.ts";

export interface Targets {
  plan: PlanBusiness;
  channels: Channels;
  /** Share of revenue from services (they carry no cost of goods): from the gross and goods margins. */
  serviceShare: number;
  /** Revenue of plan year y (years from the scenario start). */
  revenue(y: number): number;
  /** Revenue of goods sold for cash at the point of sale, of plan year y. */
  cashSales(y: number): number;
  /** Revenue invoiced through order-to-cash (services and invoiced goods) of plan year y. */
  invoiced(y: number): number;
  /** Service revenue paid straight to the bank (only without order-to-cash) of plan year y. */
  serviceFees(y: number): number;
  /** Expected cost of goods sold in plan year y. */
  cogs(y: number): number;
  /** Annual budget of a cost line in plan year y. */
  cost(line: CostLine, y: number): number;
}

/**
 * Cost lines a plan year budgets: rent, utilities, marketing and other opex are shared between
 * direct expenses (standalone entries), purchased services (procure-to-pay) and prepaid items.
 */
export type CostLine = "rent" | "utilities" | "marketing_direct" | "marketing_purchased" | "opex_direct" | "opex_purchased" | "prepaid";

const SPLIT: Record<CostLine, [keyof PlanBusiness, number]> = {
  rent: ["rent", 1],
  utilities: ["utilities", 1],
  marketing_direct: ["marketing", 0.5],
  marketing_purchased: ["marketing", 0.5],
  opex_direct: ["other_opex", 0.45],
  opex_purchased: ["other_opex", 0.45],
  prepaid: ["other_opex", 0.1],
};

/** Which document chains run: without them their budgets go to standalone entries. */
export interface Channels {
  /** Order-to-cash invoices sales (else they are direct sales: cash at the till, service fees to the bank). */
  invoiced: boolean;
  /** Procure-to-pay buys services (else they are expenses paid directly). */
  purchased: boolean;
}

/** A cost line's share of its plan setting; without procure-to-pay the direct lines take the purchased ones' shares. */
function splitOf(line: CostLine, channels: Channels): number {
  const [, share] = SPLIT[line];
  if (channels.purchased) return share;
  if (line === "marketing_purchased" || line === "opex_purchased") return 0;
  if (line === "marketing_direct") return share + SPLIT.marketing_purchased[1];
  if (line === "opex_direct") return share + SPLIT.opex_purchased[1];
  return share;
}

export function targetsOf(company: { business: PlanBusiness }, channels: Channels = { invoiced: true, purchased: true }): Targets {
  const b = company.business;
  const serviceShare = Math.min(1, Math.max(0, (b.gross_margin - b.goods_margin) / (1 - b.goods_margin)));
  const revenue = (y: number) => Math.round(b.revenue * dpow(1 + b.growth, y));
  const goods = (y: number) => revenue(y) * (1 - serviceShare);
  // Without order-to-cash every good is sold at the till and services are paid straight to the bank.
  const cashShare = channels.invoiced ? b.cash_sales : 1;
  const cashSales = (y: number) => Math.round(goods(y) * cashShare);
  return {
    plan: b,
    channels,
    serviceShare,
    revenue,
    cashSales,
    invoiced: (y) => (channels.invoiced ? revenue(y) - cashSales(y) : 0),
    serviceFees: (y) => (channels.invoiced ? 0 : Math.round(revenue(y) * serviceShare)),
    cogs: (y) => Math.round(goods(y) * (1 - b.goods_margin)),
    cost: (line, y) => Math.round(revenue(y) * (b[SPLIT[line][0]] as number) * splitOf(line, channels)),
  };
}

/** Plan year of a period: whole years from the scenario start. */
export const planYear = (period: number) => Math.floor(period / 12);

/** Periods of plan year y within the scenario. */
export function periodsOfYear(cx: RunContext, y: number): number[] {
  return cx.periods.filter((p) => planYear(p.index) === y).map((p) => p.index);
}

/**
 * A period's share of its plan year by activity (units of a layout's segments of the company),
 * scaled so a scenario shorter than a year still plans a whole year's rate.
 */
export function periodShare(cx: RunContext, unitsOf: (period: number) => number, period: number): number {
  const year = periodsOfYear(cx, planYear(period));
  const units = year.reduce((s, p) => s + unitsOf(p), 0);
  if (units === 0) return 0;
  return (unitsOf(period) / units) * (year.length / 12);
}

export function companyTargets(cx: RunContext, company: CompanyInfo): Targets {
  let t = cache.get(cx);
  if (!t) {
    const running = (id: string) => cx.plan.processes.some((p) => p.id === id);
    const channels = { invoiced: running("order_to_cash"), purchased: running("procure_to_pay") };
    cache.set(cx, (t = cx.companies.map((c) => targetsOf(c, channels))));
  }
  return t[company.index]!;
}

const cache = new WeakMap<RunContext, Targets[]>();

/** The cash buffer the treasury keeps in the bank: min_cash days of the year's cash expenses (about 90% of revenue). */
export function cashBuffer(cx: RunContext, c: CompanyInfo, period: number): number {
  return Math.round((companyTargets(cx, c).revenue(planYear(period)) * 0.9 * c.business.min_cash) / 365);
}

/** The committed credit line of the plan year of a period. */
export function creditLimit(cx: RunContext, c: CompanyInfo, period: number): number {
  return Math.round(companyTargets(cx, c).revenue(planYear(period)) * c.business.credit_line);
}
