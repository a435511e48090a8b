// Record specs of sales quotes, budgets and KPIs: the quotes sales issued (won ones are real
// sales orders), their lines, the budget per company, account, cost center and period from the
// business plan, the budget against the GL actuals, and the KPIs of every company and period.
import { c, MONEY_DECIMAL, table } from "../../specs/records/table.ts";

const company = c.id("company code");
const fiscalYear = c.int("fiscal year");
const fiscalPeriod = c.int("fiscal period (1-12)");
const currency = c.id("company currency");
const EXACT = { precision: 24, scale: 4 };

export const QUOTE_STATUS = {
  won: "accepted: the customer ordered (so_id)",
  lost: "declined by the customer before it expired (lost_reason)",
  expired: "no answer by valid_until",
  open: "still valid and undecided at the scenario end",
} as const;

export const LOST_REASONS = {
  price: "a lower price elsewhere",
  competitor: "awarded to a competitor on other terms",
  lead_time: "delivery time too long",
  budget_cut: "the customer's budget was cut",
  requirements: "the offer did not meet the requirements",
  no_response: "the customer never answered (expired quotes)",
} as const;

export const salesQuotes = table("sales_quotes", "quotes issued to customers; a won quote became the sales order it names, at its price and quantity", {
  company_code: company,
  quote_id: c.id("quote id"),
  customer_id: c.id("customer (customers.customer_id)"),
  sales_rep_id: c.optional(c.id("sales employee who owns the customer (employees.employee_id); empty when the company has no sales staff")),
  quote_date: c.date("issued (a working day); quotes of orders placed early in the scenario may predate it"),
  valid_until: c.date("last day the customer may accept it"),
  currency: c.id("quote currency (the customer's, as its orders)"),
  list_amount: c.money("quantity x list price, quote currency"),
  discount_amount: c.money("list amount minus net amount"),
  net_amount: c.money("what the customer pays, net of tax, quote currency"),
  status: c.code(QUOTE_STATUS, "outcome as of the scenario end"),
  status_date: c.optional(c.date("day of the outcome: order date (won), decline (lost), day after valid_until (expired); empty when open")),
  lost_reason: c.optional(c.code(LOST_REASONS, "why it was not won (lost and expired quotes)")),
  so_id: c.optional(c.id("the sales order it became (sales_orders.so_id), won quotes only")),
}, { documents: { sales_quote: "quote_id" } });

export const quoteLines = table("quote_lines", "the items of a quote at the material's list price less the discount offered", {
  company_code: company,
  quote_id: c.id("quote (sales_quotes.quote_id)"),
  line_number: c.int("1-based line"),
  material_id: c.id("material (materials.material_id)"),
  quantity: c.int("units offered"),
  list_price: c.decimal("the material's list price per unit, in the quote currency at the pricing day's rate", MONEY_DECIMAL),
  discount_percent: c.decimal("discount on the list price: 1 - unit_price / list_price", { precision: 9, scale: 4 }),
  unit_price: c.decimal("agreed price per unit, quote currency (a won line's equals its order's)", MONEY_DECIMAL),
  net_amount: c.money("quantity x unit price"),
});

export const BUDGET_DRIVERS = {
  revenue_plan: "the plan year's revenue by activity (order-to-cash and till volumes of the period)",
  cost_of_sales_plan: "goods revenue of the period at the plan's goods margin",
  payroll_roster: "monthly gross of the employees on the payroll at the start, by department account and cost center, plus employer costs",
  cost_plan: "the plan year's cost line a twelfth a month (other opex: direct expenses by category, purchased services by the vendors' roles, prepaid items as insurance), over all cost centers (insurance: on the first)",
  asset_register: "scheduled depreciation of the fixed assets, by their cost center",
  loan_plan: "interest on the opening term loan at the plan's loan rate",
  tax_plan: "the budgeted result before tax at the company's income tax rate",
  dso: "closing receivables: the period's invoiced sales (with output tax) per day x the plan's DSO",
  stock_days: "closing stock: the period's budgeted cost of sales per day x the plan's stock days",
  dpo: "closing payables: the period's budgeted purchases (with recoverable tax) per day x the plan's DPO",
  credit_loss_plan: "the period's invoiced sales at order-to-cash's bad-debt rate (the expected credit loss)",
  discount_plan: "budgeted purchases with recoverable tax at procure-to-pay's early-discount share and the vendors' average cash discount",
  intercompany_plan: "the 1% of planned revenue each company recharges to the group a year: revenue of the seller, charges of the buyers (evenly over the other companies)",
  bank_tariff: "the bank's tariff (account fees a month and a fee per planned payment item) or transactions' fee share of revenue; interest income: the cash buffer at the deposit rate",
  fx_allowance: "a documented allowance of 0.25% of planned revenue each way for companies dealing in another currency",
  conversion_plan: "manufacturing's planned conversion cost (made goods' yearly units x their routings' conversion, with planned scrap): labour 55% and overhead 45% with the expected 1% under-absorption, absorbed its negative, variances an allowance of 0.5%",
  count_allowance: "an allowance of 0.1% of the budgeted cost of sales for cycle-count differences",
} as const;

export const LINE_TYPES = {
  flow: "P&L: the period's activity (revenue credit-positive, expenses debit-positive)",
  balance: "balance sheet: the balance at period end (assets debit-positive, liabilities credit-positive)",
} as const;

export const budgets = table("budgets", "the budget per company, account, cost center and period, from the business plan with its seasonality", {
  company_code: company,
  fiscal_year: fiscalYear,
  fiscal_period: fiscalPeriod,
  plan_year: c.int("plan year: 1 for the scenario's first twelve months, 2 for the next ..."),
  account_number: c.id("budgeted account (chart_of_accounts): a summary account covers its posting sub-accounts"),
  cost_center_id: c.optional(c.id("cost center (cost_centers.cost_center_id); empty: the account over all cost centers")),
  line_type: c.code(LINE_TYPES, "what the amount measures"),
  driver: c.code(BUDGET_DRIVERS, "where the amount comes from"),
  budget_amount: c.money("budgeted amount, company currency"),
  currency,
});

export const budgetVariances = table("budget_variances", "budget against GL actuals per company, account, cost center and period; unbudgeted P&L actuals appear with a zero budget", {
  company_code: company,
  fiscal_year: fiscalYear,
  fiscal_period: fiscalPeriod,
  account_number: c.id("account (chart_of_accounts): a summary account sums its posting sub-accounts"),
  account_type: c.code({ asset: "asset", liability: "liability", revenue: "revenue", expense: "expense" }, "the account's type"),
  cost_center_id: c.optional(c.id("cost center; empty: all cost centers, or (next to cost-center rows) lines posted without one")),
  line_type: c.code(LINE_TYPES, "what the amounts measure"),
  budget_amount: c.money("budget (0 when not budgeted)"),
  actual_amount: c.money("GL actual in the same sign: P&L activity of the period without the year-end closing entry, or the period-end balance"),
  variance: c.money("actual minus budget"),
  variance_percent: c.optional(c.decimal("variance over the budget's absolute value; empty when the budget is 0", { precision: 18, scale: 4 })),
  favourable: c.bool("revenue above or expense below budget; for balances, assets below or liabilities above budget (less working capital tied up)"),
  significant: c.bool("the variance is at least the phase's variance_threshold of the budget (or there was no budget)"),
  currency,
});

export const KPI_NAMES = {
  revenue_growth: "revenue over the same period of the prior year (first year: the prior period) minus 1",
  gross_margin: "(revenue - cost of sales) / revenue",
  operating_margin: "operating result (before interest, FX, bank charges and income tax) / revenue",
  net_margin: "net result / revenue",
  dso: "average receivables / revenue x days",
  dpo: "average payables / purchases x days",
  stock_days: "average inventory / cost of sales x days",
  inventory_turnover: "cost of sales x 365 / days / average inventory (a year's rate)",
  current_ratio: "current assets / current liabilities",
  quick_ratio: "(current assets - inventory) / current liabilities",
  working_capital: "current assets - current liabilities",
  order_fill_rate: "orders delivered complete with their first delivery / orders first delivered in the period",
  quote_win_rate: "won / (won + lost + expired) of the quotes issued in the period",
  headcount: "employees employed at period end (HR on)",
  employee_turnover: "leavers in the period / average headcount (HR on)",
  defect_rate: "defective units found / units inspected in the period's quality inspections (manufacturing on)",
} as const;

export const kpis = table("kpis", "key performance indicators per company and period, computed from the ledger and subledgers; docs/sales-kpis-budgets.md defines each as SQL", {
  company_code: company,
  fiscal_year: fiscalYear,
  fiscal_period: fiscalPeriod,
  period_end: c.date("last day of the period"),
  days: c.int("days in the period"),
  kpi: c.code(KPI_NAMES, "indicator"),
  unit: c.code({ ratio: "a fraction (0.25 = 25%)", days: "days", times: "a multiple", money: "company currency", count: "people" }, "unit of value and target"),
  value: c.optional(c.decimal("the indicator; empty when its denominator is not positive or it has no basis", EXACT)),
  numerator: c.optional(c.decimal("the figure over the denominator (see kpi): money in company currency, or a count", EXACT)),
  denominator: c.optional(c.decimal("the figure it is divided by (working capital: subtracted)", EXACT)),
  target: c.optional(c.decimal("target for the period (target_basis)", EXACT)),
  target_basis: c.code({ budget: "computed like the value from the budgets rows", plan: "from a plan setting (business plan days, configured win rate, service level, staff turnover, the inspections' acceptance quality limit)", none: "no target" }, "where the target comes from"),
  previous_value: c.optional(c.decimal("value of the period before", EXACT)),
  trend: c.code({ up: "more than 0.5% above the previous value", down: "more than 0.5% below it", flat: "within 0.5% of it", none: "no previous value" }, "direction against the period before"),
  on_target: c.optional(c.bool("value at or beyond the target in the indicator's good direction; empty for headcount or without a target")),
  currency,
});
