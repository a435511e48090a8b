// The business plan a company runs on: revenue and growth, margins, cost structure, working
// capital, financing and dividends. Derived from the industry (presets below), overridable in
// the language for the whole group (`business { }`) or one company (`company X { business { } }`).
// The compiler resolves it per company into the plan; generation is calibrated to it and the
// run reports plan versus actual.
import { z } from "zod";
import { f } from "./fields.ts";
import type { Industry } from "./industries.ts";

export const BusinessBlock = z
  .object({
    revenue: f.autoOrMoney("annual revenue in the first fiscal year, in the company currency unless given (auto: the payroll cost of the employee master divided by payroll_share)").default("auto"),
    growth: f.signedPercent("revenue growth per year").default(0.04),
    gross_margin: f.percent("revenue minus cost of goods sold, over revenue (services carry no cost of goods: 100% sells services only)").default(0.4),
    goods_margin: f.percent("margin of goods over their standard cost (price minus cost, over price); never above gross_margin (lowered to it): the rest of the gross margin comes from services").max(0.9).default(0.4),
    payroll_share: f.percent("payroll cost (gross salaries and employer costs) as a share of revenue, for revenue = auto").min(0.02).max(0.9).default(0.2),
    employer_costs: f.percent("employer social security, retirement and benefits on gross salaries (default: typical for the company's country, EMPLOYER_COSTS)").max(0.6).default(0.21),
    withholding: f.percent("income tax and employee contributions withheld from gross salaries").max(0.6).default(0.28),
    rent: f.percent("rent, as a share of revenue").max(0.5).default(0.02),
    utilities: f.percent("energy, water and telecom, as a share of revenue").max(0.5).default(0.012),
    marketing: f.percent("marketing and advertising, as a share of revenue").max(0.5).default(0.015),
    other_opex: f.percent("purchased services, consumables, travel, insurance, IT and fees, as a share of revenue").max(0.6).default(0.05),
    cash_sales: f.percent("share of goods revenue sold for cash at the point of sale (retail); the rest is invoiced").default(0),
    ppe_intensity: f.number("gross property, plant and equipment over annual revenue (sizes the asset register)").min(0.01).max(20).default(0.5),
    dso: f.duration("days sales outstanding: how long customers take to pay on average").max(365).default(45),
    dpo: f.duration("days payables outstanding").max(365).default(40),
    stock_days: f.duration("days of cost of sales held in stock").max(730).default(60),
    min_cash: f.duration("cash kept in the bank, in days of cash expenses").max(365).default(12),
    credit_line: f.percent("committed credit line, as a share of annual revenue").max(2).default(0.12),
    credit_rate: f.percent("interest rate of the credit line, per year").max(0.5).default(0.065),
    equity_ratio: f.percent("equity as a share of opening total assets; a term loan funds what equity and trade credit do not").min(0.05).max(0.95).default(0.4),
    loan_rate: f.percent("interest rate of the term loan, per year").max(0.5).default(0.05),
    loan_years: f.count("years over which the term loan is repaid in equal monthly instalments").min(1).max(40).default(8),
    dividend_payout: f.percent("share of the prior fiscal year's profit paid out as dividends").default(0.3),
    distress: f.bool("the company may run short of cash or equity (going-concern and audit scenarios): the treasury may overdraw").default(false),
  })
  .meta({ doc: "the business plan: revenue, margins, costs, working capital and financing (per company: company X { business { } })" });

export type BusinessSettings = z.infer<typeof BusinessBlock>;

/** Industry presets of the business plan, under what the scenario says. */
export const BUSINESS_PRESETS: Record<Industry, Partial<Record<keyof BusinessSettings, unknown>>> = {
  manufacturing: { equity_ratio: 0.42, gross_margin: 0.4, goods_margin: 0.4, payroll_share: 0.2, rent: 0.012, utilities: 0.015, marketing: 0.012, other_opex: 0.05, ppe_intensity: 0.55, dso: 50, dpo: 45, stock_days: 75 },
  retail: { equity_ratio: 0.35, gross_margin: 0.32, goods_margin: 0.32, payroll_share: 0.12, rent: 0.06, utilities: 0.012, marketing: 0.025, other_opex: 0.025, cash_sales: 0.6, ppe_intensity: 0.3, dso: 8, dpo: 35, stock_days: 60, growth: 0.03 },
  financial_services: { equity_ratio: 0.3, gross_margin: 1, goods_margin: 0.3, payroll_share: 0.35, rent: 0.05, utilities: 0.01, marketing: 0.05, other_opex: 0.3, ppe_intensity: 0.25, dso: 30, dpo: 30, stock_days: 20, min_cash: 30 },
  healthcare: { equity_ratio: 0.45, gross_margin: 0.78, goods_margin: 0.3, payroll_share: 0.5, rent: 0.03, utilities: 0.02, marketing: 0.005, other_opex: 0.1, ppe_intensity: 0.8, dso: 55, dpo: 40, stock_days: 40 },
  technology: { equity_ratio: 0.55, gross_margin: 0.72, goods_margin: 0.3, payroll_share: 0.38, rent: 0.04, utilities: 0.01, marketing: 0.08, other_opex: 0.07, ppe_intensity: 0.2, dso: 50, dpo: 35, stock_days: 30, growth: 0.12 },
};

/**
 * Typical employer on-costs (social security within its ceilings, retirement and benefits) by
 * country, as the hr phase's rate table (phases/hr/rates.ts) works them out for a mid-level
 * salary: a company's employer_costs when the scenario does not set it.
 */
export const EMPLOYER_COSTS: Record<string, number> = { US: 0.21, DE: 0.26, GB: 0.19, FR: 0.37, JP: 0.19, CH: 0.17 };

/** Net margin an expert would accept for a healthy company of the industry: the run reports against it. */
export const NET_MARGIN_BANDS: Record<Industry, readonly [number, number]> = {
  manufacturing: [0.02, 0.12],
  retail: [0.01, 0.06],
  healthcare: [0.02, 0.1],
  financial_services: [0.05, 0.25],
  technology: [0.05, 0.25],
};

/** Sales tax regimes: VAT/GST with input tax recovery, or US-style sales tax (collected, no recovery). */
export type TaxRegime = "vat" | "sales_tax";

export function taxRegimeOf(country: string): TaxRegime {
  return country === "US" ? "sales_tax" : "vat";
}

/** A field without its default: what a company block may override. */
function overridable(s: z.ZodType): z.ZodType {
  const def = s.def as { type: string; innerType?: z.ZodType };
  return (def.type === "default" ? def.innerType! : s).optional();
}

/** A company's own business block: any setting, no defaults (the group's block fills the rest). */
export const CompanyBusinessBlock = z
  .object(Object.fromEntries(Object.entries(BusinessBlock.shape).map(([k, s]) => [k, overridable(s as z.ZodType)])) as { [K in keyof typeof BusinessBlock.shape]: z.ZodOptional<z.ZodType> })
  .meta({ doc: "this company's business plan: settings given here override the group's business block" });

/** The resolved business plan of a company in the plan: every setting, revenue in company minor units. */
export const PlanBusiness = z.object({
  ...Object.fromEntries(Object.entries(BusinessBlock.shape).map(([k, s]) => [k, unwrapDefault(s as z.ZodType)])),
  revenue: z.number().int().positive(),
  /** Where the revenue came from: the scenario, the payroll of the employee master, or (no employees) the default size. */
  revenueFrom: z.enum(["scenario", "payroll", "default"]),
}) as unknown as z.ZodObject<{ [K in Exclude<keyof BusinessSettings, "revenue">]: z.ZodType<BusinessSettings[K]> } & { revenue: z.ZodNumber; revenueFrom: z.ZodEnum<{ scenario: "scenario"; payroll: "payroll"; default: "default" }> }>;
export type PlanBusiness = Omit<BusinessSettings, "revenue"> & { revenue: number; revenueFrom: "scenario" | "payroll" | "default" };

/** Revenue of a company with a 100% share and no employees (group currency, major units): revenue = auto needs people to size by. */
export const DEFAULT_REVENUE = 50_000_000;

function unwrapDefault(s: z.ZodType): z.ZodType {
  const def = s.def as { type: string; innerType?: z.ZodType };
  return def.type === "default" ? def.innerType! : s;
}
