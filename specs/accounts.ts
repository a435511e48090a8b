// Account roles: what an account is for in the ledger. Postings pick accounts by role, so a
// goods receipt always debits inventory and credits GR/IR, whatever the chart's numbering.
export const ACCOUNT_ROLES = {
  // assets (1xxx)
  cash: "asset",
  bank: "asset",
  payroll_bank: "asset",
  ar_control: "asset",
  allowance_doubtful: "asset",
  contract_asset: "asset",
  unbilled_receivables: "asset",
  raw_materials: "asset",
  finished_goods: "asset",
  trading_goods: "asset",
  wip: "asset",
  input_tax: "asset",
  prepaid_expenses: "asset",
  ic_receivable: "asset",
  ppe: "asset",
  accumulated_depreciation: "asset",
  // liabilities (2xxx)
  ap_control: "liability",
  gr_ir: "liability",
  output_tax: "liability",
  accrued_liabilities: "liability",
  payroll_payable: "liability",
  withholding_payable: "liability",
  social_security_payable: "liability",
  income_tax_payable: "liability",
  ic_payable: "liability",
  loans_payable: "liability",
  credit_line: "liability",
  shareholder_loan: "liability",
  deferred_revenue: "liability",
  // equity (3xxx)
  share_capital: "equity",
  retained_earnings: "equity",
  fx_translation_reserve: "equity",
  consolidation_difference: "equity",
  // revenue (4xxx)
  revenue: "revenue",
  service_revenue: "revenue",
  other_income: "revenue",
  interest_income: "revenue",
  fx_gain: "revenue",
  discount_received: "revenue",
  sales_discounts: "revenue",
  ic_revenue: "revenue",
  // expenses (5xxx-8xxx)
  cogs: "expense",
  price_variance: "expense",
  production_labour: "expense",
  production_overhead: "expense",
  production_absorbed: "expense",
  production_variance: "expense",
  inventory_adjustment: "expense",
  salaries: "expense",
  social_security: "expense",
  rent: "expense",
  utilities: "expense",
  depreciation_expense: "expense",
  impairment_loss: "expense",
  office_supplies: "expense",
  travel: "expense",
  it_services: "expense",
  professional_fees: "expense",
  marketing: "expense",
  insurance: "expense",
  repairs: "expense",
  telecom: "expense",
  bank_charges: "expense",
  interest_expense: "expense",
  income_tax_expense: "expense",
  bad_debt_expense: "expense",
  fx_loss: "expense",
  freight: "expense",
  ic_expense: "expense",
} as const;

export type AccountRole = keyof typeof ACCOUNT_ROLES;

/** Every role, for the language (a custom account may take one). */
export const ACCOUNT_ROLE_NAMES = Object.keys(ACCOUNT_ROLES) as [AccountRole, ...AccountRole[]];

/** Roles that hold stock (the inventory subledger reconciles against them; WIP has its own). */
export const INVENTORY_ROLES: readonly AccountRole[] = ["raw_materials", "finished_goods", "trading_goods"];

/** Operating expenses other than rent, utilities and personnel: accruals and purchased services post here. */
export const OPEX_ROLES: readonly AccountRole[] = ["office_supplies", "travel", "it_services", "professional_fees", "marketing", "insurance", "repairs", "telecom"];

/** Cash and bank accounts: the treasury keeps their daily balances. */
export const LIQUID_ROLES: readonly AccountRole[] = ["bank", "payroll_bank", "cash"];
export type AccountType = (typeof ACCOUNT_ROLES)[AccountRole];

/** Contra accounts sit in a class but carry the opposite normal balance. */
export const CONTRA_ROLES: ReadonlySet<AccountRole> = new Set(["allowance_doubtful", "accumulated_depreciation", "sales_discounts", "production_absorbed"]);

/** Cost of sales: goods sold at standard cost, their variances, freight in, and production's own costs net of what it absorbed into stock. */
export const COST_OF_SALES_ROLES: readonly AccountRole[] = ["cogs", "price_variance", "freight", "production_labour", "production_overhead", "production_absorbed", "production_variance", "inventory_adjustment"];

export function normalBalance(type: string, role?: string): "debit" | "credit" {
  const debitSide = type === "asset" || type === "expense";
  const contra = role !== undefined && CONTRA_ROLES.has(role as AccountRole);
  return debitSide !== contra ? "debit" : "credit";
}
