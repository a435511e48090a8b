// Volumes and block layout per phase: how much work, split into fixed-size blocks (the unit
// of deterministic randomness). Decided here, at compile time, so a run never re-decides it.
import { allocate } from "../core/allocate.ts";
import { periodAt, periodWeight, parseIso, resolveHolidayCalendar, type TemporalParams } from "../core/calendar.ts";
import type { Rate } from "../specs/fields.ts";
import type { PhaseId, PhaseParams } from "../specs/phases.ts";
import type { Layout, PlanCompany, Segment } from "../specs/plan.ts";

export interface LayoutContext {
  companies: PlanCompany[];
  startDate: string;
  months: number;
  fiscalStartMonth: number;
  params: PhaseParams;
  /** Enabled process chains (their volumes add segments to the transactions phase). */
  processes: { id: string; params: Record<string, unknown> }[];
}

type LayoutFn = (cx: LayoutContext) => Layout;

/** Units over the whole scenario for a rate such as 100k per year. */
export function rateTotal(rate: Rate, cx: Pick<LayoutContext, "startDate" | "months" | "fiscalStartMonth">): number {
  const days = () => {
    const end = periodAt(cx.startDate, cx.fiscalStartMonth, cx.months - 1);
    return end.firstDay + end.days - parseIso(cx.startDate);
  };
  const perScenario: Record<Rate["per"], () => number> = {
    year: () => (rate.amount * cx.months) / 12,
    quarter: () => (rate.amount * cx.months) / 3,
    month: () => rate.amount * cx.months,
    week: () => (rate.amount * days()) / 7,
    day: () => rate.amount * days(),
  };
  return Math.round(perScenario[rate.per]());
}

/** Lays out segments in order, numbering blocks consecutively. */
export function buildLayout(unit: string, blockSize: number, parts: Omit<Segment, "firstBlock" | "blocks">[]): Layout {
  let next = 0;
  let total = 0;
  const segments = parts.map((p) => {
    const blocks = Math.ceil(p.units / (p.blockSize ?? blockSize));
    const s: Segment = { ...p, firstBlock: next, blocks };
    next += blocks;
    total += p.units;
    return s;
  });
  return { unit, total, blockSize, blocks: next, segments };
}

const shares = (cx: LayoutContext) => cx.companies.map((c) => c.share);

/** Splits a total over companies by share, then over each company's periods by `weight`. */
function perCompanyPeriod(
  unit: string,
  blockSize: number,
  total: number,
  cx: LayoutContext,
  weight: (company: PlanCompany, period: number) => number,
): Layout {
  return buildLayout(unit, blockSize, companyPeriodParts(total, cx, weight));
}

function companyPeriodParts(total: number, cx: LayoutContext, weight: (company: PlanCompany, period: number) => number, table?: string): Omit<Segment, "firstBlock" | "blocks">[] {
  const byCompany = allocate(total, shares(cx));
  return cx.companies.flatMap((c, ci) => {
    const weights = Array.from({ length: cx.months }, (_, i) => weight(c, i));
    return allocate(byCompany[ci]!, weights).map((units, period) => (table ? { company: c.code, period, table, units } : { company: c.code, period, units }));
  });
}

/** Document chains, in a fixed order, each laid out per company (by share) and period. */
export const CHAIN_ORDER = ["procure_to_pay", "order_to_cash", "intercompany"] as const;

/**
 * A chain writes about as many rows as 8 standalone entries (its documents, postings, links and
 * open items), so its blocks hold 8 times fewer units: blocks stay alike in size and memory.
 */
export const CHAIN_BLOCK_DIVISOR = 8;

// Each company's months are weighted with its own holiday calendar (holidays = auto: its country's).
const transactions: LayoutFn = (cx) => {
  const p = cx.params.transactions;
  const total = rateTotal(p.volume, cx);
  const temporal = p.temporal as TemporalParams;
  const weight = (c: PlanCompany, i: number) =>
    periodWeight(periodAt(cx.startDate, cx.fiscalStartMonth, i), temporal, resolveHolidayCalendar(temporal.holidays, c.country));
  const parts = companyPeriodParts(total, cx, weight);
  for (const id of CHAIN_ORDER) {
    const process = cx.processes.find((x) => x.id === id);
    if (!process) continue;
    const blockSize = Math.max(16, Math.floor(p.block_size / CHAIN_BLOCK_DIVISOR));
    parts.push(...companyPeriodParts(rateTotal(process.params.volume as Rate, cx), cx, weight, id).map((s) => ({ ...s, blockSize })));
  }
  return buildLayout("entries", p.block_size, parts);
};

export const MASTER_TABLES = ["cost_centers", "employees", "vendors", "customers", "materials", "fixed_assets"] as const;

const masterData: LayoutFn = (cx) => {
  const p = cx.params.master_data;
  const parts = cx.companies.flatMap((c) => MASTER_TABLES.map((table) => ({ company: c.code, table, units: p[table] })));
  return buildLayout("records", p.block_size, parts);
};

/** One unit per company and period: close, reporting. */
const perPeriod = (unit: string): LayoutFn => (cx) =>
  buildLayout(unit, 1, cx.companies.flatMap((c) => Array.from({ length: cx.months }, (_, period) => ({ company: c.code, period, units: 1 }))));

/** One unit per company: set-up style phases. */
const perCompany = (unit: string): LayoutFn => (cx) => buildLayout(unit, 1, cx.companies.map((c) => ({ company: c.code, units: 1 })));

/** A rate-driven volume spread evenly over periods. */
const rated = (unit: string, rate: (p: PhaseParams) => Rate, blockSize = 1024): LayoutFn => (cx) =>
  perCompanyPeriod(unit, blockSize, rateTotal(rate(cx.params), cx), cx, () => 1);

const LAYOUTS: Partial<Record<PhaseId, LayoutFn>> = {
  initialize: (cx) => buildLayout("companies", 1, [{ units: cx.companies.length }]),
  master_data: masterData,
  opening_balances: perCompany("companies"),
  transactions,
  period_close: perPeriod("periods"),
  financial_reporting: perPeriod("periods"),
  hr: perPeriod("payroll periods"),
  manufacturing: rated("production orders", (p) => p.manufacturing.production_orders),
  sales_kpis_budgets: rated("quotes", (p) => p.sales_kpis_budgets.quotes),
};

export function layoutFor(id: PhaseId, cx: LayoutContext): Layout {
  return (LAYOUTS[id] ?? perCompany("companies"))(cx);
}
