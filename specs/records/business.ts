// Record spec of the business plan report: each company's plan against what the ledger shows,
// per plan year (twelve months from the scenario start; a shorter last year is pro-rated).
import { c, table } from "./table.ts";

export const planVsActual = table("plan_vs_actual", "each company's business plan against the ledger, per plan year", {
  company_code: c.id("company code"),
  plan_year: c.int("plan year: 1 for the scenario's first twelve months, 2 for the next ..."),
  from_date: c.date("first day of the plan year"),
  to_date: c.date("last day of the plan year within the scenario"),
  months: c.int("months of the plan year within the scenario (plan amounts are pro-rated to them)"),
  metric: c.id("revenue, gross_margin, cost_of_sales, payroll, rent, utilities, marketing, other_opex, depreciation, ebit, net_result, net_margin, min_cash, credit_line_peak (plan: the committed line), shareholder_loans (lent when the line did not suffice), dso, dpo or stock_days"),
  unit: c.id("money (company currency), ratio or days"),
  plan: c.decimal("the business plan's figure"),
  actual: c.decimal("the figure the ledger shows"),
  difference: c.decimal("actual minus plan"),
  currency: c.id("company currency"),
});
