// What every generator may read: the plan and what follows from it alone (chart, calendar,
// per-company constants). Built once per thread; never mutated during a run.
import type { Plan, PlanPhase } from "../specs/plan.ts";
import type { Segment } from "../specs/layout.ts";
import type { TableSpec } from "../specs/records/table.ts";
import { minorDigits } from "../specs/currencies.ts";
import { holidayCalendarFor, isBusinessDay, periodAt, type HolidayCalendar, type Period } from "../core/calendar.ts";
import { taxRegimeOf, type PlanBusiness, type TaxRegime } from "../specs/business.ts";
import { buildChart, type Chart } from "./chart.ts";

export interface CompanyInfo {
  index: number;
  code: string;
  name: string;
  country: string;
  currency: string;
  digits: number;
  share: number;
  /** Units of group currency per unit of the company currency. */
  toGroup: number;
  /** Overrides from the scenario (else: the country's VAT, the period_close tax rate). */
  vatRate?: number;
  incomeTaxRate?: number;
  /** The business plan the company runs on. */
  business: PlanBusiness;
  /** VAT with input tax recovery, or US sales tax (no recovery: tax on purchases is cost). */
  regime: TaxRegime;
  /** The public holidays of the company's country: banks are closed on them. */
  holidays: HolidayCalendar;
}

export interface RunContext {
  plan: Plan;
  seed: number;
  chart: Chart;
  periods: Period[];
  companies: CompanyInfo[];
  companyIndex: Map<string, number>;
  phase(id: string): PlanPhase;
  /** A phase's parameters (typed through its spec: `paramsOf(spec, cx)`). */
  params(id: string): Record<string, unknown>;
  /** Every table a phase of the registry can write, by name. */
  tables: ReadonlyMap<string, TableSpec>;
  /** Whether this phase provides a capability in this run (it yields when another phase takes it over). */
  provides(phase: string, capability: string): boolean;
  /** Rate between two currencies from the plan's FX table (units of `to` per unit of `from`). */
  rate(from: string, to: string): number;
  /** The implementation a phase lends for a capability it takes over (ledger/capabilities.ts), if one runs. */
  capability<T>(name: string): T | undefined;
}

export function buildContext(plan: Plan, tables: ReadonlyMap<string, TableSpec> = new Map(), implementations: ReadonlyMap<string, unknown> = new Map()): RunContext {
  const byId = new Map(plan.phases.map((p) => [p.id, p]));
  const fx = new Map(plan.fx.rates.map((r) => [r.currency, Number(r.rate)]));
  const toGroup = (cur: string) => (cur === plan.scenario.groupCurrency ? 1 : fx.get(cur) ?? 1);
  const companies = plan.companies.map((c, index) => ({
    index,
    code: c.code,
    name: c.name,
    country: c.country,
    currency: c.currency,
    digits: minorDigits(c.currency),
    share: c.share,
    toGroup: toGroup(c.currency),
    vatRate: c.vatRate,
    incomeTaxRate: c.incomeTaxRate,
    business: c.business,
    regime: taxRegimeOf(c.country),
    holidays: holidayCalendarFor(c.country),
  }));
  return {
    plan,
    seed: plan.scenario.seed,
    chart: buildChart(plan),
    periods: Array.from({ length: plan.scenario.months }, (_, i) => periodAt(plan.scenario.startDate, plan.scenario.fiscalYearStartMonth, i)),
    companies,
    companyIndex: new Map(companies.map((c) => [c.code, c.index])),
    phase: (id) => byId.get(id)!,
    params: (id) => byId.get(id)!.params,
    tables,
    provides: (phase, capability) => plan.capabilities[capability] === phase,
    rate: (from, to) => toGroup(from) / toGroup(to),
    capability: <T>(name: string) => implementations.get(name) as T | undefined,
  };
}

/** A block of a phase: which segment it belongs to and which units of it it covers. */
export interface BlockRef {
  index: number;
  segment: Segment;
  /** Units of the segment before this block. */
  offset: number;
  units: number;
}

export function blockRef(phase: PlanPhase, index: number): BlockRef {
  const segs = phase.layout.segments;
  // Segments are ordered by firstBlock: binary search for the one holding the block.
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.firstBlock <= index) lo = mid;
    else hi = mid - 1;
  }
  const segment = segs[lo]!;
  const size = segment.blockSize ?? phase.layout.blockSize;
  const offset = (index - segment.firstBlock) * size;
  return { index, segment, offset, units: Math.min(size, segment.units - offset) };
}

/** A plan amount (minor units, optional currency) in the company's minor units. */
export function moneyIn(cx: RunContext, company: CompanyInfo, m: { minor: number; currency?: string }): number {
  // Amounts written without a currency were parsed with 2 decimals and are in the group currency,
  // so a yen subsidiary of a dollar group gets yen-sized amounts.
  if (!m.currency) return Math.round((m.minor / 100) * cx.rate(cx.plan.scenario.groupCurrency, company.currency) * 10 ** company.digits);
  if (m.currency === company.currency) return m.minor;
  const fromDigits = minorDigits(m.currency);
  return Math.round((m.minor / 10 ** fromDigits) * cx.rate(m.currency, company.currency) * 10 ** company.digits);
}


/** Whether banks of the company's country are open: weekdays that are not public holidays. */
export function isBankDay(c: CompanyInfo, day: number): boolean {
  return isBusinessDay(day, c.holidays);
}

/** The first bank day on or after `day`. */
export function bankDayOnOrAfter(c: CompanyInfo, day: number): number {
  while (!isBusinessDay(day, c.holidays)) day++;
  return day;
}

/** The last bank day on or before `day`. */
export function bankDayOnOrBefore(c: CompanyInfo, day: number): number {
  while (!isBusinessDay(day, c.holidays)) day--;
  return day;
}
