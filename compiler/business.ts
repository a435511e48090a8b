// Each company's business plan, resolved for the plan: the group's business block (industry
// preset under what the scenario says) under the company's own, and an absolute revenue. With
// revenue = auto the revenue follows the company's people: the payroll cost of its employee
// master divided by the industry's payroll share, so the cost structure, and with it the
// margin, is that of a real company of the industry, whatever the head count. A company with no
// employees gets the default size (DEFAULT_REVENUE for a 100% share).
import type { Plan, PlanCompany } from "../specs/plan.ts";
import { DEFAULT_REVENUE, EMPLOYER_COSTS, type BusinessSettings, type PlanBusiness } from "../specs/business.ts";
import type { Money } from "../specs/fields.ts";
import { CURRENCIES, minorDigits } from "../specs/currencies.ts";
import { employeeRecord, masterDataSpec } from "../phases/master_data/index.ts";
import { planParamsOf } from "../specs/phase.ts";
import type { Model } from "./model.ts";
import { fileSpan, type DiagnosticBag } from "../core/diagnostics.ts";
import { formatPercent } from "../specs/units.ts";

type Company = Omit<PlanCompany, "business">;

/** The business plan of every company; `plan` is the plan built so far (master data reads it). */
export function resolveBusiness(m: Model, companies: Company[], plan: Omit<Plan, "planHash">): PlanBusiness[] {
  return companies.map((c, ci) => {
    const own = (m.doc.company[c.code]?.business ?? {}) as Partial<BusinessSettings>;
    const merged = { ...m.doc.business, ...stripUndefined(own) } as BusinessSettings;
    // Employer on-costs follow the country unless the scenario says otherwise.
    const writtenCosts = own.employer_costs !== undefined || m.spans.get(["business", "employer_costs"]) !== undefined;
    if (!writtenCosts) merged.employer_costs = EMPLOYER_COSTS[c.country] ?? merged.employer_costs;
    // Services carry no cost of goods, so the gross margin cannot be below the goods margin:
    // a plan that sets it lower sells goods at that margin.
    const settings = { ...merged, goods_margin: Math.min(merged.goods_margin, merged.gross_margin) };
    const written = own.revenue ?? (m.doc.business.revenue === "auto" ? "auto" : scaled(m.doc.business.revenue, c.share));
    const { revenue, revenueFrom } = revenueOf(written, settings, c, ci, plan);
    return { ...settings, revenue, revenueFrom };
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A group amount, for a company with this share. */
function scaled(money: Money, share: number): Money {
  return { ...money, minor: Math.round(money.minor * share) };
}

function revenueOf(written: Money | "auto", s: BusinessSettings, c: Company, ci: number, plan: Omit<Plan, "planHash">): { revenue: number; revenueFrom: PlanBusiness["revenueFrom"] } {
  if (written !== "auto") return { revenue: Math.max(1, inCurrency(written, c.currency, plan)), revenueFrom: "scenario" };
  const payroll = annualPayroll(plan as Plan, ci) * (1 + s.employer_costs);
  if (payroll > 0) return { revenue: Math.round(payroll / s.payroll_share), revenueFrom: "payroll" };
  return { revenue: Math.max(1, Math.round(inCurrency({ minor: DEFAULT_REVENUE * 100 }, c.currency, plan) * c.share)), revenueFrom: "default" };
}

/** Annual gross salaries of the employees on the payroll at the start (company minor units). */
function annualPayroll(plan: Plan, ci: number): number {
  let sum = 0;
  for (let i = 0; i < planParamsOf(masterDataSpec, plan).employees; i++) {
    const e = employeeRecord(plan, ci, i);
    if (e.isActive) sum += e.annualSalary;
  }
  return sum;
}

/** An amount of the scenario in the company's minor units (no currency written: the group currency). */
function inCurrency(money: Money, currency: string, plan: Omit<Plan, "planHash">): number {
  const from = money.currency ?? plan.scenario.groupCurrency;
  const fromDigits = money.currency ? minorDigits(money.currency) : 2;
  const toGroup = (cur: string) => (cur === plan.scenario.groupCurrency ? 1 : Number(plan.fx.rates.find((r) => r.currency === cur)?.rate ?? (CURRENCIES[cur]?.usd ?? 1) / (CURRENCIES[plan.scenario.groupCurrency]?.usd ?? 1)));
  return Math.round((money.minor / 10 ** fromDigits) * (toGroup(from) / toGroup(currency)) * 10 ** minorDigits(currency));
}

/** Depreciation a plan can expect per unit of gross PPE and year (assets of about 15 years on average). */
const DEPRECIATION_RATE = 0.065;

/**
 * Warnings about plans that describe no going concern: costs above the gross margin (the
 * company would run out of cash; SYN3019 unless distress is declared), or a stated revenue the
 * employee master's payroll does not fit (SYN3020).
 */
export function checkBusiness(m: Model, companies: Company[], business: PlanBusiness[], plan: Omit<Plan, "planHash">, diags: DiagnosticBag): void {
  companies.forEach((c, ci) => {
    const b = business[ci]!;
    const at = (key: string) => m.spans.nearest(["company", c.code, "business", key]) ?? m.spans.nearest(["business", key]) ?? m.spans.nearest(["company", c.code]) ?? fileSpan(m.rootFile);
    const payroll = (annualPayroll(plan as Plan, ci) * (1 + b.employer_costs)) / b.revenue;
    if (b.revenueFrom === "scenario" && (payroll > 2 * b.payroll_share || payroll < b.payroll_share / 2)) {
      diags.report("SYN3020", `the employee master's payroll is ${formatPercent(Math.round(payroll * 1000) / 1000)} of company ${c.code}'s stated revenue; payroll_share plans ${formatPercent(b.payroll_share)}`, at("revenue"), "set revenue = auto (sized by the payroll), change the revenue, or change master_data employees");
    }
    const costs = payroll + b.rent + b.utilities + b.marketing + b.other_opex + b.ppe_intensity * DEPRECIATION_RATE;
    if (!b.distress && b.gross_margin < costs) {
      diags.report("SYN3019", `company ${c.code}'s gross margin of ${formatPercent(b.gross_margin)} does not cover its costs of about ${formatPercent(Math.round(costs * 1000) / 1000)} of revenue: it would run out of cash`, at("gross_margin"), "raise gross_margin or lower the cost shares; for a going-concern scenario declare business { distress = true }");
    }
  });
}
