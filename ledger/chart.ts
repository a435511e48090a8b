// The group chart of accounts: a base chart where every posting account has a role, expanded
// to the plan's size preset (small ~100, medium ~400, large ~2500) by splitting revenue, cost
// and expense accounts into sub-accounts, then overlaid with the scenario's custom accounts.
import type { Plan } from "../specs/plan.ts";
import { ACCOUNT_ROLES, normalBalance, type AccountRole } from "../specs/accounts.ts";

export interface Account {
  number: string;
  name: string;
  type: "asset" | "liability" | "equity" | "revenue" | "expense";
  parent?: string;
  level: number;
  posting: boolean;
  role?: AccountRole;
  normal: "debit" | "credit";
  /** Dense index among all accounts (aggregate arrays are indexed by it). */
  index: number;
  /** Cash and bank accounts: the slot of the daily liquidity they move (0 bank, 1 cash on hand); -1 otherwise. */
  liquid: number;
}

type Base = [number: string, name: string, role: AccountRole | undefined, expand?: string];

const CLASSES: [string, string, Account["type"]][] = [
  ["1", "Assets", "asset"],
  ["2", "Liabilities", "liability"],
  ["3", "Equity", "equity"],
  ["4", "Revenue", "revenue"],
  ["5", "Cost of sales", "expense"],
  ["6", "Personnel expenses", "expense"],
  ["7", "Operating expenses", "expense"],
  ["8", "Financial result and taxes", "expense"],
];

const GROUPS: [string, string][] = [
  ["10", "Cash and cash equivalents"], ["11", "Receivables"], ["12", "Inventories"], ["13", "Other current assets"],
  ["15", "Property, plant and equipment"], ["20", "Payables"], ["21", "Tax liabilities"], ["22", "Accruals and other liabilities"],
  ["25", "Long-term debt"], ["30", "Capital and reserves"], ["40", "Sales revenue"], ["48", "Other income"], ["49", "Financial income"],
  ["50", "Cost of goods and variances"], ["60", "Personnel"], ["70", "Occupancy"], ["71", "Depreciation and amortisation"], ["72", "General and administrative"],
  ["73", "Credit losses"], ["80", "Financial expenses"], ["89", "Income taxes"],
];

// Expand keys name the word list used to split an account into sub-accounts.
const BASE: Base[] = [
  ["1000", "Petty cash", "cash"],
  ["1010", "Main bank account", "bank"],
  ["1020", "Payroll bank account", "payroll_bank"],
  ["1100", "Trade receivables", "ar_control"],
  ["1110", "Allowance for doubtful accounts", "allowance_doubtful"],
  ["1120", "Contract assets", "contract_asset"],
  ["1130", "Unbilled receivables", "unbilled_receivables"],
  ["1150", "Intercompany receivables", "ic_receivable"],
  ["1200", "Raw materials", "raw_materials", "plants"],
  ["1210", "Finished goods", "finished_goods", "plants"],
  ["1220", "Trading goods", "trading_goods", "plants"],
  ["1230", "Work in progress", "wip"],
  ["1300", "Input VAT", "input_tax"],
  ["1310", "Prepaid expenses", "prepaid_expenses"],
  ["1500", "Land", "ppe"],
  ["1510", "Buildings", "ppe"],
  ["1519", "Accumulated depreciation - buildings", "accumulated_depreciation"],
  ["1520", "Machinery and equipment", "ppe"],
  ["1529", "Accumulated depreciation - machinery", "accumulated_depreciation"],
  ["1530", "Vehicles", "ppe"],
  ["1539", "Accumulated depreciation - vehicles", "accumulated_depreciation"],
  ["1540", "IT equipment", "ppe"],
  ["1549", "Accumulated depreciation - IT equipment", "accumulated_depreciation"],
  ["1550", "Furniture and fixtures", "ppe"],
  ["1559", "Accumulated depreciation - furniture", "accumulated_depreciation"],
  ["2000", "Trade payables", "ap_control"],
  ["2010", "GR/IR clearing", "gr_ir"],
  ["2050", "Intercompany payables", "ic_payable"],
  ["2100", "Output VAT / sales tax payable", "output_tax"],
  ["2110", "Withholding tax payable", "withholding_payable"],
  ["2115", "Social security payable", "social_security_payable"],
  ["2120", "Income tax payable", "income_tax_payable"],
  ["2200", "Accrued liabilities", "accrued_liabilities"],
  ["2210", "Payroll payable", "payroll_payable"],
  ["2220", "Deferred revenue", "deferred_revenue"],
  ["2500", "Bank loans", "loans_payable"],
  ["2510", "Revolving credit facility", "credit_line"],
  ["2520", "Shareholder loans", "shareholder_loan"],
  ["3000", "Share capital", "share_capital"],
  ["3100", "Retained earnings", "retained_earnings"],
  ["3200", "Currency translation reserve", "fx_translation_reserve"],
  ["3300", "Consolidation differences", "consolidation_difference"],
  ["4000", "Product sales", "revenue", "regions"],
  ["4010", "Service revenue", "service_revenue", "regions"],
  ["4090", "Sales discounts", "sales_discounts"],
  ["4800", "Other operating income", "other_income"],
  ["4810", "Cash discounts received", "discount_received"],
  ["4820", "Intercompany revenue", "ic_revenue"],
  ["4900", "Interest income", "interest_income"],
  ["4910", "Foreign exchange gains", "fx_gain"],
  ["5000", "Cost of goods sold", "cogs", "lines"],
  ["5010", "Purchase price variances", "price_variance"],
  ["5020", "Freight in", "freight"],
  ["5030", "Production labour (agency)", "production_labour"],
  ["5040", "Manufacturing overhead (energy, maintenance)", "production_overhead"],
  ["5050", "Production costs absorbed into inventory", "production_absorbed"],
  ["5060", "Production variances", "production_variance"],
  ["5070", "Inventory count differences", "inventory_adjustment"],
  ["6000", "Salaries and wages", "salaries", "departments"],
  ["6010", "Social security contributions", "social_security", "departments"],
  ["7000", "Rent", "rent", "sites"],
  ["7010", "Utilities", "utilities", "sites"],
  ["7100", "Depreciation of property, plant and equipment", "depreciation_expense"],
  ["7110", "Impairment losses on property, plant and equipment", "impairment_loss"],
  ["7200", "Office supplies", "office_supplies", "departments"],
  ["7210", "Travel and entertainment", "travel", "departments"],
  ["7220", "IT services and software", "it_services", "departments"],
  ["7230", "Legal and professional fees", "professional_fees"],
  ["7240", "Marketing and advertising", "marketing", "regions"],
  ["7250", "Insurance", "insurance"],
  ["7260", "Repairs and maintenance", "repairs", "sites"],
  ["7270", "Telecommunications", "telecom"],
  ["7280", "Intercompany charges", "ic_expense"],
  ["7300", "Bad debt expense", "bad_debt_expense"],
  ["8000", "Bank charges", "bank_charges"],
  ["8010", "Interest expense", "interest_expense"],
  ["8100", "Foreign exchange losses", "fx_loss"],
  ["8900", "Income tax expense", "income_tax_expense"],
];

const SPLITS: Record<string, string[]> = {
  plants: ["Main plant", "Plant 2", "Central warehouse", "Regional warehouse", "Distribution center", "Consignment stock", "Transit stock", "Returns stock"],
  regions: ["North America", "Latin America", "Western Europe", "Central Europe", "Nordics", "UK and Ireland", "Middle East", "Africa", "Greater China", "Japan", "Korea", "South East Asia", "India", "Oceania", "Online", "Key accounts", "Distributors", "Government", "OEM", "Aftermarket"],
  lines: ["Product line A", "Product line B", "Product line C", "Product line D", "Spare parts", "Accessories", "Consumables", "Services", "Licences", "Bundles", "Private label", "Premium range", "Economy range", "Seasonal range"],
  departments: ["Production", "Sales", "Administration", "IT", "Logistics", "Research and development", "Finance", "Human resources", "Procurement", "Quality", "Customer service", "Marketing", "Legal", "Facilities", "Executive office"],
  sites: ["Headquarters", "Plant", "Warehouse", "Sales office", "Branch office", "Data center", "Research center", "Retail outlets", "Service center", "Training center"],
};

const TARGET: Record<Plan["chartOfAccounts"]["size"], number> = { small: 100, medium: 400, large: 2500 };

export class Chart {
  readonly accounts: Account[];
  readonly posting: Account[];
  private readonly byNumber = new Map<string, Account>();
  private readonly roles_ = new Map<AccountRole, Account[]>();

  constructor(accounts: Account[]) {
    this.accounts = accounts;
    this.posting = accounts.filter((a) => a.posting);
    for (const a of accounts) this.byNumber.set(a.number, a);
    for (const a of this.posting) if (a.role) this.roles_.set(a.role, [...(this.roles_.get(a.role) ?? []), a]);
  }

  get(number: string): Account | undefined {
    return this.byNumber.get(number);
  }

  /** Posting accounts with a role (sub-accounts of a split account included). */
  role(role: AccountRole): Account[] {
    const list = this.roles_.get(role);
    if (!list || list.length === 0) throw new Error(`chart of accounts has no posting account for role ${role}`);
    return list;
  }

  /** The one account of a control role (control accounts are never split). */
  one(role: AccountRole): Account {
    return this.role(role)[0]!;
  }

  /** The posting accounts of several roles (a group such as every inventory or opex account). */
  roles(roles: readonly AccountRole[]): Account[] {
    return roles.flatMap((r) => this.roles_.get(r) ?? []);
  }

  has(role: AccountRole): boolean {
    return (this.roles_.get(role)?.length ?? 0) > 0;
  }
}

export function buildChart(plan: Plan): Chart {
  const list: Omit<Account, "index" | "liquid">[] = [];
  for (const [number, name, type] of CLASSES) list.push(node(number, name, type, undefined, 1));
  for (const [number, name] of GROUPS) list.push(node(number, name, classType(number), number[0], 2));
  const perSplit = splitCount(plan.chartOfAccounts.size);
  for (const base of BASE) list.push(...expand(base, perSplit));
  overlayCustom(list, plan.chartOfAccounts.custom);
  list.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  return new Chart(list.map((a, index) => ({ ...a, index, liquid: liquidSlot(a.role) })));
}

function liquidSlot(role: AccountRole | undefined): number {
  return role === "bank" || role === "payroll_bank" ? 0 : role === "cash" ? 1 : -1;
}

function node(number: string, name: string, type: Account["type"], parent: string | undefined, level: number): Omit<Account, "index" | "liquid"> {
  return { number, name, type, parent, level, posting: false, normal: normalBalance(type) };
}

function classType(number: string): Account["type"] {
  return CLASSES.find(([n]) => n === number[0])?.[2] ?? "expense";
}

/** Sub-accounts per splittable account so the chart lands near its size target. */
function splitCount(size: Plan["chartOfAccounts"]["size"]): number {
  const splittable = BASE.filter((b) => b[3]).length;
  const fixed = CLASSES.length + GROUPS.length + BASE.length;
  return Math.max(0, Math.round((TARGET[size] - fixed) / splittable));
}

function expand([number, name, role, split]: Base, perSplit: number): Omit<Account, "index" | "liquid">[] {
  const type = role ? ACCOUNT_ROLES[role] : classType(number);
  const parent = number.slice(0, 2);
  const leaf = { number, name, type, parent, level: 3, posting: true, role, normal: normalBalance(type, role) };
  if (!split || perSplit < 2) return [leaf];
  const words = SPLITS[split]!;
  const subs = Array.from({ length: perSplit }, (_, k) => ({
    ...leaf,
    number: number + String(k + 1).padStart(3, "0"),
    name: `${name} - ${words[k % words.length]}${k >= words.length ? ` ${Math.floor(k / words.length) + 1}` : ""}`,
    parent: number,
    level: 4,
  }));
  return [{ ...leaf, posting: false, role: undefined }, ...subs];
}

/**
 * Custom accounts replace preset accounts with the same number, or join the nearest group. A
 * custom account with a role takes the role over: the preset's accounts of that role leave the
 * chart (with a split account's header), so postings of the role go to the user's accounts.
 */
function overlayCustom(list: Omit<Account, "index" | "liquid">[], custom: Plan["chartOfAccounts"]["custom"]): void {
  const taken = new Set(custom.flatMap((c) => (c.role ? [c.role] : [])));
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.role && taken.has(list[i]!.role!) && !custom.some((c) => c.number === list[i]!.number)) list.splice(i, 1);
  // A split account's header left without sub-accounts goes too.
  for (let i = list.length - 1; i >= 0; i--) {
    const a = list[i]!;
    if (a.level === 3 && !a.posting && !list.some((b) => b.parent === a.number)) list.splice(i, 1);
  }
  for (const c of custom) {
    const i = list.findIndex((a) => a.number === c.number);
    const role = c.role ?? (i >= 0 && list[i]!.type === c.type ? list[i]!.role : undefined);
    const parent = c.parent ?? nearestParent(list, c.number);
    const account = {
      number: c.number,
      name: c.name,
      type: c.type,
      parent,
      level: (list.find((a) => a.number === parent)?.level ?? 2) + 1,
      posting: true,
      role,
      normal: normalBalance(c.type, role),
    };
    if (i >= 0) list[i] = account;
    else list.push(account);
  }
}

/** Roles a chart holds one account for: every generator posts them to chart.one(role). */
export const SINGLE_ROLES: ReadonlySet<AccountRole> = new Set(
  BASE.filter(([, , role, split]) => role && !split && BASE.filter((b) => b[2] === role).length === 1).map(([, , role]) => role!),
);

function nearestParent(list: Omit<Account, "index" | "liquid">[], number: string): string {
  let best = number[0]!;
  for (const a of list) if (!a.posting && number.startsWith(a.number) && a.number.length > best.length && a.number !== number) best = a.number;
  return best;
}
