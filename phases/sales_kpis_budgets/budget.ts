// The budget of a company: every line per period, in company minor units, from its business
// plan (ledger/business.ts) with the seasonality the business runs on. Revenue follows the
// period's order-to-cash and till activity; cost of sales the goods revenue at the goods
// margin; payroll the employees on the payroll at the start (by department account and cost
// center); rent, utilities, marketing and other operating costs a twelfth a month over all cost
// centers (generation books them on random cost centers; insurance on the first); depreciation
// the asset register; the other P&L lines the plan implies (plan-lines.ts); interest the opening
// loan; income tax the budgeted result. Balance-sheet lines are period-end balances (receivables, stock, payables)
// from the plan's DSO, stock days and DPO, never costs. The plan year's sums equal the plan
// figures of plan_vs_actual.
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { companyTargets, periodShare, planYear } from "../../ledger/business.ts";
import { vatRate } from "../../ledger/tax.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { INVENTORY_ROLES } from "../../specs/accounts.ts";
import { accumulatedAfter, assetsOf, masterParams, monthIndexOfDay, monthsInService, roster } from "../master_data/index.ts";
import { segmentUnits } from "../transactions/chains.ts";
import { CATEGORIES } from "../transactions/categories.ts";
import { departmentAccount } from "../transactions/payroll.ts";
import { purchasedOpexShares } from "../transactions/p2p.ts";
import { openingSheet } from "../opening_balances/sheet.ts";
import { planImpliedLines } from "./plan-lines.ts";
import { budgetAccount, type BudgetLine, type Driver, type PeriodPlan } from "./lines.ts";
export type { BudgetLine, Driver, PeriodPlan } from "./lines.ts";
import { REVENUE_RECOGNITION, type RevenueRecognition } from "../../ledger/capabilities.ts";



/** Roles budgeted per cost center, and the rest of the P&L budget's roles. */
const COST_CENTER_ROLES: AccountRole[] = ["rent", "utilities", "marketing", "office_supplies", "travel", "it_services", "professional_fees", "repairs", "telecom", "insurance"];
export const NONCURRENT_ROLES: readonly AccountRole[] = ["ppe", "accumulated_depreciation", "loans_payable", "credit_line", "shareholder_loan"];
export const STOCK_ROLES: readonly AccountRole[] = [...INVENTORY_ROLES, "wip"];

const cache = new WeakMap<RunContext, BudgetLine[][]>();

export function budgetOf(cx: RunContext, c: CompanyInfo): BudgetLine[] {
  let list = cache.get(cx);
  if (!list) cache.set(cx, (list = []));
  return (list[c.index] ??= build(cx, c));
}


export function periodPlans(cx: RunContext, c: CompanyInfo): PeriodPlan[] {
  const t = companyTargets(cx, c);
  const b = c.business;
  const o2c = (p: number) => segmentUnits(cx, c, p, "order_to_cash");
  const entries = (p: number) => segmentUnits(cx, c, p);
  const loan = -(openingSheet(cx, c).sheet.get(cx.chart.one("loans_payable")) ?? 0);
  const direct = otherOpexSplit(t);
  const purchased = purchasedOpexShares(cx, c);
  const bundleShare = cx.capability<RevenueRecognition>(REVENUE_RECOGNITION)?.plannedBundleShare?.(cx, c) ?? 0;
  return cx.periods.map((q) => {
    const y = planYear(q.index);
    const byO2c = periodShare(cx, o2c, q.index);
    const byEntries = periodShare(cx, entries, q.index);
    const month = periodShare(cx, () => 1, q.index);
    const invoiced = t.invoiced(y) * byO2c;
    // Order-to-cash sells services for their share of revenue, goods for the rest (its own split).
    const serviceValue = t.invoiced(y) > 0 ? Math.min(1, (t.revenue(y) * t.serviceShare) / t.invoiced(y)) : 0;
    // Services bundled with goods orders (accounting_standards' multi-element deals) take their
    // expected part of the goods orders' value: fewer goods, no cost of goods.
    const bundled = invoiced * (1 - serviceValue) * bundleShare;
    const goods = invoiced * (1 - serviceValue) - bundled + t.cashSales(y) * byEntries;
    const services = invoiced * serviceValue + bundled + t.serviceFees(y) * byEntries;
    const cogs = goods * (1 - b.goods_margin);
    const costs = new Map<AccountRole, number>([
      ["rent", t.cost("rent", y) * month],
      ["utilities", t.cost("utilities", y) * month],
      ["marketing", (t.cost("marketing_direct", y) + t.cost("marketing_purchased", y)) * month],
    ]);
    // Other opex as the plan books it: direct expenses in their categories' shares, purchased
    // services by the roles of the vendors procure-to-pay buys them from, prepaid items as insurance.
    const add = (role: AccountRole, amount: number) => costs.set(role, (costs.get(role) ?? 0) + amount);
    for (const [role, share] of direct) add(role, t.cost("opex_direct", y) * month * share);
    for (const [role, share] of purchased) add(role, t.cost("opex_purchased", y) * month * share);
    add("insurance", t.cost("prepaid", y) * month);
    const purchases = cogs + (t.cost("opex_purchased", y) + t.cost("marketing_purchased", y)) * month;
    return { goods, services, invoiced, cogs, costs, purchases, interest: loan * b.loan_rate * month };
  });
}

/** The plan's direct other operating costs by role, in the shares of its expense categories. */
function otherOpexSplit(t: ReturnType<typeof companyTargets>): [AccountRole, number][] {
  const weights = CATEGORIES.filter((k) => k.kind === "expense" && k.role && !["rent", "utilities", "marketing"].includes(k.role)).map((k) => [k.role!, k.budget!(t, 0)] as [AccountRole, number]);
  const total = weights.reduce((s, [, w]) => s + w, 0);
  return total > 0 ? weights.map(([r, w]) => [r, w / total]) : [];
}

function build(cx: RunContext, c: CompanyInfo): BudgetLine[] {
  const plans = periodPlans(cx, c);
  const n = cx.periods.length;
  const lines: BudgetLine[] = [];
  const flow = (role: AccountRole, driver: Driver, amount: (p: number) => number) => {
    const g = budgetAccount(cx, [role]);
    if (g) lines.push({ ...g, cc: -1, type: "flow", driver, amounts: plans.map((_, p) => Math.round(amount(p))) });
  };
  flow("revenue", "revenue_plan", (p) => plans[p]!.goods);
  flow("service_revenue", "revenue_plan", (p) => plans[p]!.services);
  flow("cogs", "cost_of_sales_plan", (p) => plans[p]!.cogs);
  lines.push(...payroll(cx, c, n));
  for (const role of COST_CENTER_ROLES) {
    const g = budgetAccount(cx, [role]);
    if (!g || plans.every((q) => !q.costs.get(role))) continue;
    // Insurance and licences are expensed on the first cost center (the prepaid amortisation
    // posts there). The other operating costs have no cost-center key: generation books each
    // entry on a cost center drawn at random and reallocates amounts between random pairs of
    // cost centers, so they are budgeted over all cost centers (a per-cost-center budget would
    // only measure the draw).
    if (role === "insurance") {
      lines.push({ ...g, cc: 0, type: "flow", driver: "cost_plan", amounts: plans.map((q) => Math.round(q.costs.get(role) ?? 0)) });
      continue;
    }
    lines.push({ ...g, cc: -1, type: "flow", driver: "cost_plan", amounts: plans.map((q) => Math.round(q.costs.get(role) ?? 0)) });
  }
  lines.push(...planImpliedLines(cx, c, plans));
  lines.push(...depreciation(cx, c));
  flow("interest_expense", "loan_plan", (p) => plans[p]!.interest);
  const rate = c.incomeTaxRate ?? (cx.params("period_close").tax_rate as number);
  const results = plans.map((_, p) => lines.reduce((s, l) => s + (l.account.type === "revenue" ? 1 : -1) * l.amounts[p]!, 0));
  flow("income_tax_expense", "tax_plan", (p) => results[p]! * rate);
  lines.push(...balances(cx, c, plans));
  return lines;
}


/** Salaries and employer costs of the payroll at the start, by department account and cost center. */
function payroll(cx: RunContext, c: CompanyInfo, n: number): BudgetLine[] {
  const byKey = new Map<string, BudgetLine>();
  const add = (role: AccountRole, department: string, cc: number, monthly: number) => {
    const account = departmentAccount(cx.chart, role, department);
    const key = `${account.number}|${cc}`;
    let l = byKey.get(key);
    if (!l) byKey.set(key, (l = { account, covers: [account], cc, type: "flow", driver: "payroll_roster", amounts: new Array<number>(n).fill(0) }));
    for (let p = 0; p < n; p++) l.amounts[p] = l.amounts[p]! + monthly;
  };
  for (const e of roster(cx, c)) {
    add("salaries", e.department, e.costCenter, e.monthly);
    add("social_security", e.department, e.costCenter, e.monthly * c.business.employer_costs);
  }
  const out = [...byKey.values()].sort((a, b) => (a.account.number < b.account.number ? -1 : a.account.number > b.account.number ? 1 : a.cc - b.cc));
  for (const l of out) l.amounts = l.amounts.map(Math.round);
  return out;
}

/** Scheduled depreciation of the asset register, by the assets' cost centers. */
function depreciation(cx: RunContext, c: CompanyInfo): BudgetLine[] {
  const account = cx.chart.one("depreciation_expense");
  const byCc = new Map<number, number[]>();
  for (const a of assetsOf(cx, c.index)) {
    if (!a.accumulated || a.lifeMonths <= 0) continue;
    const cc = Number(a.costCenter.slice(a.costCenter.lastIndexOf("-") + 1)) - 1;
    const amounts = byCc.get(cc) ?? cx.periods.map(() => 0);
    cx.periods.forEach((q, p) => {
      const month = monthIndexOfDay(q.firstDay);
      amounts[p] = amounts[p]! + accumulatedAfter(a, monthsInService(a, month)) - accumulatedAfter(a, monthsInService(a, month - 1));
    });
    byCc.set(cc, amounts);
  }
  return [...byCc].sort((x, y) => x[0] - y[0]).map(([cc, amounts]) => ({ account, covers: [account], cc, type: "flow", driver: "asset_register", amounts }));
}

/** Period-end receivables, stock and payables for the plan's days on the period's budgeted flows. */
function balances(cx: RunContext, c: CompanyInfo, plans: PeriodPlan[]): BudgetLine[] {
  const b = c.business;
  const vat = vatRate(c);
  const days = (p: number) => cx.periods[p]!.days;
  const out: BudgetLine[] = [];
  const line = (roles: readonly AccountRole[], driver: Driver, amount: (p: number) => number) => {
    const g = budgetAccount(cx, roles);
    if (g) out.push({ ...g, cc: -1, type: "balance", driver, amounts: plans.map((_, p) => Math.round(amount(p))) });
  };
  line(["ar_control"], "dso", (p) => (plans[p]!.invoiced * (1 + vat) * b.dso) / days(p));
  line(STOCK_ROLES, "stock_days", (p) => (plans[p]!.cogs * b.stock_days) / days(p));
  line(["ap_control"], "dpo", (p) => (plans[p]!.purchases * (1 + (c.regime === "vat" ? vat : 0)) * b.dpo) / days(p));
  return out;
}
