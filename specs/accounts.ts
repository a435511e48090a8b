// Account roles: what an account is for in the ledger. Postings pick accounts by role, so a
// goods receipt always debits inventory and credits GR/IR, whatever the chart's numbering.
export const ACCOUNT_ROLES = {
  // assets (1xxx)
  cash: "asset",
  bank: "asset",
  ar_control: "asset",
  allowance_doubtful: "asset",
  inventory: "asset",
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
  income_tax_payable: "liability",
  ic_payable: "liability",
  loans_payable: "liability",
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
  salaries: "expense",
  social_security: "expense",
  rent: "expense",
  utilities: "expense",
  depreciation_expense: "expense",
  opex: "expense",
  bank_charges: "expense",
  interest_expense: "expense",
  income_tax_expense: "expense",
  bad_debt_expense: "expense",
  fx_loss: "expense",
  freight: "expense",
  ic_expense: "expense",
} as const;

export type AccountRole = keyof typeof ACCOUNT_ROLES;
export type AccountType = (typeof ACCOUNT_ROLES)[AccountRole];

/** Contra accounts sit in a class but carry the opposite normal balance. */
export const CONTRA_ROLES: ReadonlySet<AccountRole> = new Set(["allowance_doubtful", "accumulated_depreciation", "sales_discounts"]);

export function normalBalance(type: string, role?: string): "debit" | "credit" {
  const debitSide = type === "asset" || type === "expense";
  const contra = role !== undefined && CONTRA_ROLES.has(role as AccountRole);
  return debitSide !== contra ? "debit" : "credit";
}
