// The statement lines: every statement's lines in order, and where each account of the chart
// goes (its balance sheet or income statement line, its cash flow line, its equity component),
// from the account's role, else its parent's, else its class and number group; a scenario may
// move any account to another line (phase financial_reporting { account 1640 { line = ... } }).
import type { Account, Chart } from "../../ledger/chart.ts";
import type { AccountRole } from "../../specs/accounts.ts";

export const STATEMENTS = ["balance_sheet", "income_statement", "comprehensive_income", "cash_flow", "equity_changes"] as const;
export type Statement = (typeof STATEMENTS)[number];

/** Where a line appears: in every entity's statement, or only in the consolidated one. */
export type Scope = "all" | "group";

export interface LineDef {
  code: string;
  name: string;
  kind: "item" | "subtotal" | "total";
  /** Subtotals and totals: the lines they add up. */
  sum?: readonly string[];
  scope?: Scope;
}

const item = (code: string, name: string, scope?: Scope): LineDef => ({ code, name, kind: "item", scope });
const sub = (code: string, name: string, sum: string[], scope?: Scope): LineDef => ({ code, name, kind: "subtotal", sum, scope });
const total = (code: string, name: string, sum: string[], scope?: Scope): LineDef => ({ code, name, kind: "total", sum, scope });

/** Balance sheet items an account can be mapped to, by side. */
export const ASSET_LINES = ["property_plant_equipment", "other_non_current_assets", "inventories", "trade_receivables", "group_receivables", "other_current_assets", "cash_and_equivalents"] as const;
export const LIABILITY_LINES = ["borrowings", "other_non_current_liabilities", "trade_payables", "group_payables", "short_term_borrowings", "tax_liabilities", "accruals_and_other_liabilities"] as const;
export const EQUITY_LINES = ["share_capital", "retained_earnings", "translation_reserve", "consolidation_differences", "other_reserves"] as const;
export const PNL_LINES = ["revenue", "other_operating_income", "materials_and_goods", "personnel_expenses", "depreciation", "other_operating_expenses", "finance_income", "finance_costs", "income_tax"] as const;
export const MAPPABLE_LINES = [...ASSET_LINES, ...LIABILITY_LINES, ...EQUITY_LINES, ...PNL_LINES] as const;
export type MappableLine = (typeof MAPPABLE_LINES)[number];

export const BALANCE_SHEET: readonly LineDef[] = [
  item("property_plant_equipment", "Property, plant and equipment"),
  item("other_non_current_assets", "Other non-current assets"),
  sub("total_non_current_assets", "Total non-current assets", ["property_plant_equipment", "other_non_current_assets"]),
  item("inventories", "Inventories"),
  item("trade_receivables", "Trade receivables"),
  item("group_receivables", "Receivables from group companies"),
  item("other_current_assets", "Other current assets"),
  item("cash_and_equivalents", "Cash and cash equivalents"),
  sub("total_current_assets", "Total current assets", ["inventories", "trade_receivables", "group_receivables", "other_current_assets", "cash_and_equivalents"]),
  total("total_assets", "Total assets", ["total_non_current_assets", "total_current_assets"]),
  item("share_capital", "Share capital"),
  item("retained_earnings", "Retained earnings (with the result of the current year)"),
  item("translation_reserve", "Currency translation reserve"),
  item("consolidation_differences", "Consolidation differences", "group"),
  item("other_reserves", "Other reserves"),
  sub("equity_owners", "Equity attributable to owners of the parent", ["share_capital", "retained_earnings", "translation_reserve", "consolidation_differences", "other_reserves"], "group"),
  item("non_controlling_interests", "Non-controlling interests", "group"),
  sub("total_equity", "Total equity", ["share_capital", "retained_earnings", "translation_reserve", "consolidation_differences", "other_reserves", "non_controlling_interests"]),
  item("borrowings", "Borrowings (term loan, shareholder loans)"),
  item("other_non_current_liabilities", "Other non-current liabilities"),
  sub("total_non_current_liabilities", "Total non-current liabilities", ["borrowings", "other_non_current_liabilities"]),
  item("trade_payables", "Trade payables (with goods received not invoiced)"),
  item("group_payables", "Payables to group companies"),
  item("short_term_borrowings", "Short-term borrowings (credit line)"),
  item("tax_liabilities", "Tax liabilities"),
  item("accruals_and_other_liabilities", "Accruals and other liabilities"),
  sub("total_current_liabilities", "Total current liabilities", ["trade_payables", "group_payables", "short_term_borrowings", "tax_liabilities", "accruals_and_other_liabilities"]),
  sub("total_liabilities", "Total liabilities", ["total_non_current_liabilities", "total_current_liabilities"]),
  total("total_equity_and_liabilities", "Total equity and liabilities", ["total_equity", "total_liabilities"]),
];

export const INCOME_STATEMENT: readonly LineDef[] = [
  item("revenue", "Revenue"),
  item("other_operating_income", "Other operating income"),
  item("materials_and_goods", "Cost of materials and goods"),
  item("personnel_expenses", "Personnel expenses"),
  item("depreciation", "Depreciation and impairment"),
  item("other_operating_expenses", "Other operating expenses"),
  sub("operating_profit", "Operating profit", ["revenue", "other_operating_income", "materials_and_goods", "personnel_expenses", "depreciation", "other_operating_expenses"]),
  item("finance_income", "Finance income"),
  item("finance_costs", "Finance costs"),
  sub("profit_before_tax", "Profit before tax", ["operating_profit", "finance_income", "finance_costs"]),
  item("income_tax", "Income tax expense"),
  total("profit_for_period", "Profit for the period", ["profit_before_tax", "income_tax"]),
  item("profit_attributable_to_nci", "of which attributable to non-controlling interests", "group"),
  item("profit_attributable_to_owners", "of which attributable to owners of the parent", "group"),
];

export const COMPREHENSIVE_INCOME: readonly LineDef[] = [
  item("profit_for_period", "Profit for the period"),
  item("translation_differences", "Exchange differences on translating foreign operations (may be reclassified to profit or loss)"),
  sub("other_comprehensive_income", "Other comprehensive income", ["translation_differences"]),
  total("total_comprehensive_income", "Total comprehensive income", ["profit_for_period", "other_comprehensive_income"]),
  item("tci_attributable_to_nci", "of which attributable to non-controlling interests", "group"),
  item("tci_attributable_to_owners", "of which attributable to owners of the parent", "group"),
];

export const CASH_FLOW: readonly LineDef[] = [
  item("profit_for_period", "Profit for the period"),
  item("depreciation", "Depreciation and impairment (non-cash)"),
  item("change_in_receivables", "(Increase) / decrease in trade receivables"),
  item("change_in_inventories", "(Increase) / decrease in inventories"),
  item("change_in_other_assets", "(Increase) / decrease in other current assets"),
  item("change_in_payables", "Increase / (decrease) in trade payables"),
  item("change_in_tax_liabilities", "Increase / (decrease) in tax liabilities"),
  item("change_in_other_liabilities", "Increase / (decrease) in accruals and other liabilities"),
  item("intercompany_differences", "Intercompany eliminations (exchange differences between group companies)", "group"),
  sub("operating_cash_flow", "Net cash from operating activities", ["profit_for_period", "depreciation", "change_in_receivables", "change_in_inventories", "change_in_other_assets", "change_in_payables", "change_in_tax_liabilities", "change_in_other_liabilities", "intercompany_differences"]),
  item("purchase_of_ppe", "Purchases of property, plant and equipment, net of disposals"),
  item("other_investing", "Other investing activities"),
  sub("investing_cash_flow", "Net cash from investing activities", ["purchase_of_ppe", "other_investing"]),
  item("change_in_borrowings", "Borrowings raised / (repaid)"),
  item("change_in_short_term_borrowings", "Credit line drawn / (repaid)"),
  item("intercompany_financing", "Intercompany loans and balances"),
  item("capital_contributions", "Capital contributions"),
  item("dividends_paid", "Dividends paid"),
  item("other_financing", "Other financing activities"),
  sub("financing_cash_flow", "Net cash from financing activities", ["change_in_borrowings", "change_in_short_term_borrowings", "intercompany_financing", "capital_contributions", "dividends_paid", "other_financing"]),
  item("fx_effect_on_cash", "Effect of exchange rate changes on cash", "group"),
  total("net_change_in_cash", "Net change in cash and cash equivalents", ["operating_cash_flow", "investing_cash_flow", "financing_cash_flow", "fx_effect_on_cash"]),
  item("cash_at_start", "Cash and cash equivalents at the start of the period"),
  total("cash_at_end", "Cash and cash equivalents at the end of the period", ["cash_at_start", "net_change_in_cash"]),
];

/** Rows of the statement of changes in equity; its columns are the equity components. */
export const EQUITY_CHANGES: readonly LineDef[] = [
  item("opening_balance", "Balance at the start of the period"),
  item("profit_for_period", "Profit for the period"),
  item("translation_differences", "Other comprehensive income: exchange differences on translation"),
  item("dividends", "Dividends"),
  item("capital_changes", "Capital increases / (decreases)"),
  item("intercompany_eliminations", "Intercompany eliminations (exchange and booking differences)", "group"),
  item("year_end_transfer", "Transfer of eliminated intercompany results at year end", "group"),
  item("other_movements", "Other movements"),
  total("closing_balance", "Balance at the end of the period", ["opening_balance", "profit_for_period", "translation_differences", "dividends", "capital_changes", "intercompany_eliminations", "year_end_transfer", "other_movements"]),
];

export const COMPONENTS = ["share_capital", "retained_earnings", "translation_reserve", "consolidation_differences", "other_reserves"] as const;
export type Component = (typeof COMPONENTS)[number];
/** Columns of the statement of changes in equity: the components, then (group) owners' total and NCI, then the total. */
export const GROUP_COLUMNS = [...COMPONENTS, "owners_total", "non_controlling_interests", "total"] as const;
export const COMPANY_COLUMNS = ["share_capital", "retained_earnings", "translation_reserve", "other_reserves", "total"] as const;

export const STATEMENT_LINES: Record<Statement, readonly LineDef[]> = {
  balance_sheet: BALANCE_SHEET,
  income_statement: INCOME_STATEMENT,
  comprehensive_income: COMPREHENSIVE_INCOME,
  cash_flow: CASH_FLOW,
  equity_changes: EQUITY_CHANGES,
};

const BY_ROLE: Partial<Record<AccountRole, MappableLine>> = {
  cash: "cash_and_equivalents", bank: "cash_and_equivalents", payroll_bank: "cash_and_equivalents",
  ar_control: "trade_receivables", allowance_doubtful: "trade_receivables", unbilled_receivables: "trade_receivables", ic_receivable: "group_receivables",
  contract_asset: "other_current_assets",
  raw_materials: "inventories", finished_goods: "inventories", trading_goods: "inventories", wip: "inventories",
  input_tax: "other_current_assets", prepaid_expenses: "other_current_assets",
  ppe: "property_plant_equipment", accumulated_depreciation: "property_plant_equipment",
  ap_control: "trade_payables", gr_ir: "trade_payables", ic_payable: "group_payables",
  output_tax: "tax_liabilities", withholding_payable: "tax_liabilities", social_security_payable: "tax_liabilities", income_tax_payable: "tax_liabilities",
  accrued_liabilities: "accruals_and_other_liabilities", payroll_payable: "accruals_and_other_liabilities", deferred_revenue: "accruals_and_other_liabilities",
  loans_payable: "borrowings", shareholder_loan: "borrowings", credit_line: "short_term_borrowings",
  share_capital: "share_capital", retained_earnings: "retained_earnings", fx_translation_reserve: "translation_reserve", consolidation_difference: "consolidation_differences",
  revenue: "revenue", service_revenue: "revenue", sales_discounts: "revenue", ic_revenue: "revenue",
  other_income: "other_operating_income", discount_received: "other_operating_income",
  cogs: "materials_and_goods", price_variance: "materials_and_goods", freight: "materials_and_goods",
  salaries: "personnel_expenses", social_security: "personnel_expenses", depreciation_expense: "depreciation", impairment_loss: "depreciation",
  rent: "other_operating_expenses", utilities: "other_operating_expenses", office_supplies: "other_operating_expenses", travel: "other_operating_expenses",
  it_services: "other_operating_expenses", professional_fees: "other_operating_expenses", marketing: "other_operating_expenses", insurance: "other_operating_expenses",
  repairs: "other_operating_expenses", telecom: "other_operating_expenses", ic_expense: "other_operating_expenses", bad_debt_expense: "other_operating_expenses",
  interest_income: "finance_income", fx_gain: "finance_income", interest_expense: "finance_costs", bank_charges: "finance_costs", fx_loss: "finance_costs",
  income_tax_expense: "income_tax",
};

/** Cash flow lines by role where the balance sheet line does not decide it. */
const CF_BY_ROLE: Partial<Record<AccountRole, string>> = { accumulated_depreciation: "depreciation", ppe: "purchase_of_ppe" };

const CF_BY_LINE: Record<string, string> = {
  property_plant_equipment: "purchase_of_ppe", other_non_current_assets: "other_investing", inventories: "change_in_inventories",
  trade_receivables: "change_in_receivables", group_receivables: "intercompany_financing", other_current_assets: "change_in_other_assets",
  share_capital: "capital_contributions", retained_earnings: "dividends_paid", translation_reserve: "other_financing",
  consolidation_differences: "intercompany_differences", other_reserves: "other_financing",
  borrowings: "change_in_borrowings", other_non_current_liabilities: "other_financing", trade_payables: "change_in_payables",
  group_payables: "intercompany_financing", short_term_borrowings: "change_in_short_term_borrowings", tax_liabilities: "change_in_tax_liabilities",
  accruals_and_other_liabilities: "change_in_other_liabilities",
};

const IC_ROLES: ReadonlySet<string> = new Set(["ic_receivable", "ic_payable", "ic_revenue", "ic_expense"]);

/** Where an account goes, in a company's own statements and in the consolidated ones. */
export interface AccountMapping {
  account: Account;
  statement: "balance_sheet" | "income_statement";
  line: MappableLine;
  /** How the debit-positive balance enters the line: assets +1; liabilities, equity and P&L -1 (income positive). */
  sign: 1 | -1;
  /** The cash flow line of its movements; "" for cash itself. */
  cashFlowLine: string;
  /** Equity component (equity and P&L accounts), else undefined. */
  component?: Component;
  /** In the consolidated statements intercompany accounts are eliminated into consolidation differences. */
  groupLine: MappableLine;
  groupSign: 1 | -1;
  groupCashFlowLine: string;
  groupComponent?: Component;
  mappedBy: "role" | "parent" | "class" | "scenario";
}

export type Mapping = Map<number, AccountMapping>;

/** The mapping of every posting account; `overrides` by account number from the scenario. */
export function accountMapping(chart: Chart, overrides: Readonly<Record<string, { line: MappableLine }>>): Mapping {
  const out: Mapping = new Map();
  for (const a of chart.posting) out.set(a.index, mapAccount(chart, a, overrides[a.number]?.line));
  return out;
}

function mapAccount(chart: Chart, a: Account, override: MappableLine | undefined): AccountMapping {
  const [line, mappedBy] = override ? [override, "scenario" as const] : defaultLine(chart, a);
  const pnl = (PNL_LINES as readonly string[]).includes(line);
  const sign = signOf(line);
  const cashFlowLine = line === "cash_and_equivalents" ? "" : pnl ? "profit_for_period" : (mappedBy !== "scenario" && a.role && CF_BY_ROLE[a.role]) || CF_BY_LINE[line]!;
  const component = pnl ? "retained_earnings" : (EQUITY_LINES as readonly string[]).includes(line) ? (line as Component) : undefined;
  // The consolidated trial balance eliminates intercompany accounts by role, whatever their line.
  const ic = a.role !== undefined && IC_ROLES.has(a.role);
  return {
    account: a, statement: pnl ? "income_statement" : "balance_sheet", line, sign, cashFlowLine, component,
    groupLine: ic ? "consolidation_differences" : line,
    groupSign: ic ? -1 : sign,
    groupCashFlowLine: ic ? "intercompany_differences" : cashFlowLine,
    groupComponent: ic ? "consolidation_differences" : component,
    mappedBy,
  };
}

/** Assets are shown at their debit balance; liabilities, equity and P&L at their credit balance (income positive). */
export function signOf(line: string): 1 | -1 {
  return (ASSET_LINES as readonly string[]).includes(line) ? 1 : -1;
}

function defaultLine(chart: Chart, a: Account): [MappableLine, AccountMapping["mappedBy"]] {
  if (a.role && BY_ROLE[a.role]) return [BY_ROLE[a.role]!, "role"];
  for (let p = a.parent ? chart.get(a.parent) : undefined; p; p = p.parent ? chart.get(p.parent) : undefined) {
    if (p.role && BY_ROLE[p.role] && p.type === a.type) return [BY_ROLE[p.role]!, "parent"];
  }
  return [byClass(a), "class"];
}

/** An account without a role: by its type and number group (the chart's classes and groups). */
function byClass(a: Account): MappableLine {
  const n = a.number;
  switch (a.type) {
    case "asset":
      return n.slice(0, 2) < "15" ? "other_current_assets" : "other_non_current_assets";
    case "liability":
      return n.slice(0, 2) < "25" ? "accruals_and_other_liabilities" : "other_non_current_liabilities";
    case "equity":
      return "other_reserves";
    case "revenue":
      return n.startsWith("49") ? "finance_income" : n.startsWith("48") ? "other_operating_income" : "revenue";
    default:
      return n.startsWith("5") ? "materials_and_goods" : n.startsWith("6") ? "personnel_expenses" : n.startsWith("71") ? "depreciation" : n.startsWith("89") ? "income_tax" : n.startsWith("8") ? "finance_costs" : "other_operating_expenses";
  }
}

/** The lines an account of a class may be moved to (first digit: 1 assets, 2 liabilities, 3 equity, 4-8 P&L). */
export function linesForClass(digit: string): readonly string[] {
  return digit === "1" ? ASSET_LINES : digit === "2" ? LIABILITY_LINES : digit === "3" ? EQUITY_LINES : PNL_LINES;
}

export function lineName(statement: Statement, code: string): string {
  return STATEMENT_LINES[statement].find((l) => l.code === code)?.name ?? code;
}
