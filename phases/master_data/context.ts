// The per-company context every master record is computed from, built once per plan and company,
// and the per-record random streams: record i is a pure function of (plan, company, table, i).
import { hash32, Rng } from "../../core/rng.ts";
import { civilFromDays, daysFromCivil, parseIso } from "../../core/calendar.ts";
import { CURRENCIES, minorDigits } from "../../specs/currencies.ts";
import { masterDataSpec } from "./spec.ts";
import type { Plan } from "../../specs/plan.ts";
import type { PlanBusiness } from "../../specs/business.ts";
import { targetsOf } from "../../ledger/business.ts";
import type { Industry } from "../../specs/industries.ts";
import { COUNTRIES, countryProfile, PARTNER_COUNTRIES, type CountryProfile } from "../../data/countries.ts";
import type { W } from "../../data/industry.ts";
import { CH_NAMES, domainOf, NAMES, type PersonNames } from "./names.ts";
import { buildOrg, type Org } from "./org-chart.ts";
import { MASTER_TABLE_NAMES, type MasterCounts, type MasterTable } from "./records.ts";

const H_PHASE = hash32("master_data");
const H_TABLE: Record<MasterTable, number> = Object.fromEntries(MASTER_TABLE_NAMES.map((t) => [t, hash32(t)])) as Record<MasterTable, number>;

export interface Ctx {
  plan: Plan;
  index: number;
  code: string;
  currency: string;
  digits: number;
  industry: Industry;
  seed: number;
  counts: MasterCounts;
  profile: CountryProfile;
  partners: W<CountryProfile>;
  planCurrencies: Set<string>;
  startDay: number;
  startMonth: number;
  usdToMinor: number;
  salaryMinor: number;
  salaryUnit: number;
  domain: string;
  staffNames: PersonNames;
  nameMul: number;
  nameAdd: number;
  org: Org;
  /** The business plan the company's prices, credit limits and assets are sized for (absent in plans built before it). */
  business: PlanBusiness | undefined;
  /** Expected value of one sales order (company minor units): credit limits follow it. */
  averageOrder: number;
  /** Multiplies the asset register's costs so its gross value is the plan's PPE (computed on first use). */
  assetScale?: number;
}

const planCache = new WeakMap<Plan, Ctx[]>();

/** Master data counts per company from the plan (the phase's defaults when it has no master_data phase). */
export function masterCounts(plan: Plan): MasterCounts {
  const params = plan.phases.find((p) => p.id === "master_data")?.params ?? masterDataSpec.params.parse({});
  return Object.fromEntries(MASTER_TABLE_NAMES.map((t) => [t, Number(params[t] ?? 0)])) as MasterCounts;
}

export function context(plan: Plan, ci: number): Ctx {
  let list = planCache.get(plan);
  if (!list) planCache.set(plan, (list = []));
  return (list[ci] ??= buildCtx(plan, ci));
}

function usdRate(cur: string): number {
  return CURRENCIES[cur]?.usd ?? 1;
}

function buildCtx(plan: Plan, ci: number): Ctx {
  const company = plan.companies[ci];
  if (!company) throw new RangeError(`no company ${ci} in the plan`);
  const counts = masterCounts(plan);
  const profile = countryProfile(company.country);
  const digits = minorDigits(company.currency);
  const industry = plan.scenario.industry;
  const startDay = parseIso(plan.scenario.startDate);
  const start = civilFromDays(startDay);
  const salaryMajor = (profile.salary * usdRate(profile.currency)) / usdRate(company.currency);
  const names = company.country === "CH" ? CH_NAMES : NAMES[profile.locale];
  const m = names.first.names.length * names.last.names.length;
  return {
    plan, index: ci, code: company.code, currency: company.currency, digits, industry, seed: plan.scenario.seed, counts, profile,
    partners: PARTNER_COUNTRIES.filter(([c]) => c !== company.country).map(([c, w]) => [COUNTRIES[c]!, w] as const),
    planCurrencies: new Set([plan.scenario.groupCurrency, ...plan.companies.map((c) => c.currency), ...plan.fx.rates.map((r) => r.currency)]),
    startDay, startMonth: start.y * 12 + start.m - 1,
    usdToMinor: 10 ** digits / usdRate(company.currency),
    salaryMinor: salaryMajor * 10 ** digits,
    salaryUnit: salaryRounding(salaryMajor) * 10 ** digits,
    domain: domainOf(company.name, profile.tld),
    staffNames: names,
    nameMul: coprimeNear(m, Math.floor(m * 0.6180339887)),
    nameAdd: new Rng(plan.scenario.seed, H_PHASE, hash32("names"), ci).int(m),
    org: buildOrg(industry, counts.cost_centers, counts.employees),
    business: company.business,
    averageOrder: averageOrder(plan, ci),
  };
}

/** Invoiced revenue of the first plan year over the company's sales orders of a year. */
function averageOrder(plan: Plan, ci: number): number {
  const c = plan.companies[ci]!;
  const o2c = plan.processes.find((p) => p.id === "order_to_cash");
  const rate = o2c?.params.volume as { amount: number; per: string } | undefined;
  if (!c.business || !rate) return 0;
  const perYear = rate.amount * ({ day: 365, week: 52, month: 12, quarter: 4, year: 1 } as Record<string, number>)[rate.per]! * c.share;
  return perYear > 0 ? targetsOf(c).invoiced(0) / perYear : 0;
}

/** Salaries are rounded to the power of ten just under a thousandth of the typical salary: 100 USD, 10,000 JPY. */
function salaryRounding(typical: number): number {
  let unit = 1;
  while (unit * 1000 <= typical) unit *= 10;
  return unit;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
function coprimeNear(m: number, x: number): number {
  let a = Math.max(1, x);
  while (gcd(a, m) !== 1) a++;
  return a;
}

export const rngFor = (cx: Ctx, table: MasterTable, i: number) => new Rng(cx.seed, H_PHASE, H_TABLE[table], cx.index, i);

/** A date `months` months before the scenario start, on day 1..28. */
export function monthsBefore(cx: Ctx, rng: Rng, months: number): number {
  const mi = cx.startMonth - months;
  return daysFromCivil(Math.floor(mi / 12), (mi % 12) + 1, rng.range(1, 28));
}
