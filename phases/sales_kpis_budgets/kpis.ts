// KPIs per company and period from the closed books (books.ts), the counts the overlay kept
// (quotes, first deliveries, hires and leavers) and the budget (targets). Each indicator is a
// numerator over a denominator as docs/sales-kpis-budgets.md defines it in SQL; values are
// rounded to 4 decimals (money to the currency's digits) once, and trends and targets compare
// those published values.
import type { Account } from "../../ledger/chart.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { RunState } from "../../ledger/state.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { roster } from "../master_data/index.ts";
import { booksOf, startOf, sumOf, type Books } from "./books.ts";
import { budgetOf, NONCURRENT_ROLES, STOCK_ROLES, type BudgetLine } from "./budget.ts";
import { COUNTS, K } from "./counts.ts";
import type { KPI_NAMES } from "./tables.ts";
import { paramsOf } from "../../specs/phase.ts";
import { salesKpisBudgetsSpec } from "./spec.ts";

export type KpiName = keyof typeof KPI_NAMES;
export type Unit = "ratio" | "days" | "times" | "money" | "count";

export interface Kpi {
  kpi: KpiName;
  unit: Unit;
  /** Money in company minor units (averages may end in .5), counts as counts. */
  numerator: number | undefined;
  denominator: number | undefined;
  numeratorIsMoney: boolean;
  value: number | undefined;
  target: number | undefined;
  basis: "budget" | "plan" | "none";
}

export const REVENUE_ROLES: readonly AccountRole[] = ["revenue", "service_revenue", "sales_discounts"];
export const COST_OF_SALES_ROLES: readonly AccountRole[] = ["cogs", "price_variance", "freight"];
export const FINANCE_TAX_ROLES: readonly AccountRole[] = ["interest_income", "interest_expense", "fx_gain", "fx_loss", "bank_charges", "income_tax_expense"];

/** Which way is good: up, down, or neither (headcount). */
export const DIRECTION: Record<KpiName, 1 | -1 | 0> = {
  revenue_growth: 1, gross_margin: 1, operating_margin: 1, net_margin: 1, dso: -1, dpo: 1, stock_days: -1, inventory_turnover: 1,
  current_ratio: 1, quick_ratio: 1, working_capital: 1, order_fill_rate: 1, quote_win_rate: 1, headcount: 0, employee_turnover: -1, defect_rate: -1,
};

/** The acceptance quality limit manufacturing samples lots at (quality_inspections: ISO 2859-1, AQL 2.5): the defect rate's target. */
const AQL = 0.025;

interface Groups {
  revenue: Account[];
  cos: Account[];
  pnl: Account[];
  financeTax: Account[];
  ar: Account[];
  ap: Account[];
  stock: Account[];
  currentAssets: Account[];
  currentLiabilities: Account[];
}

function groupsOf(cx: RunContext): Groups {
  const posting = cx.chart.posting;
  const current = (type: Account["type"]) => posting.filter((a) => a.type === type && !(a.role && NONCURRENT_ROLES.includes(a.role)));
  return {
    revenue: cx.chart.roles(REVENUE_ROLES),
    cos: cx.chart.roles(COST_OF_SALES_ROLES),
    pnl: posting.filter((a) => a.type === "revenue" || a.type === "expense"),
    financeTax: cx.chart.roles(FINANCE_TAX_ROLES),
    ar: cx.chart.roles(["ar_control"]),
    ap: cx.chart.roles(["ap_control"]),
    stock: cx.chart.roles(STOCK_ROLES),
    currentAssets: current("asset"),
    currentLiabilities: current("liability"),
  };
}

const ratio = (n: number | undefined, d: number | undefined, factor = 1) => (n === undefined || d === undefined || d <= 0 ? undefined : (n / d) * factor);

/** The P&L and balance figures of a period, in company minor units (natural sign). */
function figures(g: Groups, b: Books, p: number) {
  const act = b.activity[p]!;
  const end = b.closing[p]!;
  const start = startOf(b, p);
  const net = -sumOf(act, g.pnl);
  return {
    revenue: -sumOf(act, g.revenue),
    cos: sumOf(act, g.cos),
    net,
    operating: net + sumOf(act, g.financeTax),
    avgAr: (sumOf(start, g.ar) + sumOf(end, g.ar)) / 2,
    avgAp: -(sumOf(start, g.ap) + sumOf(end, g.ap)) / 2,
    purchases: sumOf(b.credits[p]!, g.ap),
    avgStock: (sumOf(start, g.stock) + sumOf(end, g.stock)) / 2,
    ca: sumOf(end, g.currentAssets),
    cl: -sumOf(end, g.currentLiabilities),
    stock: sumOf(end, g.stock),
  };
}

/** The budget's own figures of a period: flows by role group and the balance lines. */
function budgetFigures(lines: BudgetLine[], g: Groups, p: number) {
  const has = (l: BudgetLine, list: Account[]) => list.includes(l.covers[0]!);
  const flow = (pick: (l: BudgetLine) => boolean) => lines.reduce((s, l) => s + (l.type === "flow" && pick(l) ? (l.account.type === "revenue" ? 1 : -1) * l.amounts[p]! : 0), 0);
  const balance = (list: Account[], at: number) => lines.filter((l) => l.type === "balance" && has(l, list)).reduce((s, l) => s + l.amounts[at]!, 0);
  return {
    revenue: flow((l) => has(l, g.revenue)),
    cos: -flow((l) => has(l, g.cos)),
    operating: flow((l) => !has(l, g.financeTax)),
    net: flow(() => true),
    ar: (at: number) => balance(g.ar, at),
    ap: (at: number) => balance(g.ap, at),
    stock: (at: number) => balance(g.stock, at),
  };
}

/** Every KPI of a company and period. */
export function kpisOf(cx: RunContext, state: RunState, c: CompanyInfo, p: number): Kpi[] {
  const g = groupsOf(cx);
  const b = booksOf(cx, state, c);
  const lines = budgetOf(cx, c);
  const days = cx.periods[p]!.days;
  const f = figures(g, b, p);
  const bf = budgetFigures(lines, g, p);
  const open = { ar: sumOf(b.opening, g.ar), ap: -sumOf(b.opening, g.ap), stock: sumOf(b.opening, g.stock), ca: sumOf(b.opening, g.currentAssets), cl: -sumOf(b.opening, g.currentLiabilities) };
  const budgetStart = (balance: (at: number) => number, opening: number) => (p === 0 ? opening : balance(p - 1));
  const bAr = (budgetStart(bf.ar, open.ar) + bf.ar(p)) / 2;
  const bStock = (budgetStart(bf.stock, open.stock) + bf.stock(p)) / 2;
  // The budget's balance sheet: the opening one with receivables, stock and payables at their budgets.
  const bCa = open.ca + (bf.ar(p) - open.ar) + (bf.stock(p) - open.stock);
  const bCl = open.cl + (bf.ap(p) - open.ap);
  const base = p >= 12 ? p - 12 : p - 1;
  const baseRevenue = base >= 0 ? figures(g, b, base).revenue : undefined;
  const baseBudget = base >= 0 ? budgetFigures(lines, g, base).revenue : undefined;
  const money = (kpi: KpiName, unit: Unit, n: number | undefined, d: number | undefined, value: number | undefined, target: number | undefined, basis: Kpi["basis"] = "budget"): Kpi => ({
    kpi, unit, numerator: n, denominator: d, numeratorIsMoney: true, value, target, basis: target === undefined ? "none" : basis,
  });
  const growth = (n: number, d: number | undefined) => (d === undefined || d <= 0 ? undefined : n / d - 1);
  const out: Kpi[] = [
    money("revenue_growth", "ratio", base >= 0 ? f.revenue : undefined, baseRevenue, base >= 0 ? growth(f.revenue, baseRevenue) : undefined, base >= 0 ? growth(bf.revenue, baseBudget) : undefined),
    money("gross_margin", "ratio", f.revenue - f.cos, f.revenue, ratio(f.revenue - f.cos, f.revenue), ratio(bf.revenue - bf.cos, bf.revenue)),
    money("operating_margin", "ratio", f.operating, f.revenue, ratio(f.operating, f.revenue), ratio(bf.operating, bf.revenue)),
    money("net_margin", "ratio", f.net, f.revenue, ratio(f.net, f.revenue), ratio(bf.net, bf.revenue)),
    money("dso", "days", f.avgAr, f.revenue, ratio(f.avgAr, f.revenue, days), ratio(bAr, bf.revenue, days)),
    money("dpo", "days", f.avgAp, f.purchases, ratio(f.avgAp, f.purchases, days), c.business.dpo, "plan"),
    money("stock_days", "days", f.avgStock, f.cos, ratio(f.avgStock, f.cos, days), ratio(bStock, bf.cos, days)),
    money("inventory_turnover", "times", f.cos, f.avgStock, ratio(f.cos, f.avgStock, 365 / days), ratio(bf.cos, bStock, 365 / days)),
    money("current_ratio", "times", f.ca, f.cl, ratio(f.ca, f.cl), ratio(bCa, bCl)),
    money("quick_ratio", "times", f.ca - f.stock, f.cl, ratio(f.ca - f.stock, f.cl), ratio(bCa - bf.stock(p), bCl)),
    money("working_capital", "money", f.ca, f.cl, f.ca - f.cl, bCa - bCl),
  ];
  return [...out, ...countKpis(cx, state, c, p, days)];
}

/** KPIs from the overlay's counts: order fill and quote win rates (order-to-cash), headcount and turnover (HR), defect rate (manufacturing). */
function countKpis(cx: RunContext, state: RunState, c: CompanyInfo, p: number, days: number): Kpi[] {
  const counts = state.get(COUNTS);
  const n = (kind: string, at = p) => counts.get(c.index, at, kind);
  const out: Kpi[] = [];
  const kpi = (name: KpiName, unit: Unit, num: number | undefined, den: number | undefined, value: number | undefined, target: number | undefined, basis: Kpi["basis"]): Kpi => ({
    kpi: name, unit, numerator: num, denominator: den, numeratorIsMoney: false, value, target, basis: target === undefined ? "none" : basis,
  });
  const o2c = cx.plan.processes.find((x) => x.id === "order_to_cash");
  if (o2c) {
    const backorder = Number((o2c.params as { backorder?: number }).backorder ?? 0);
    out.push(kpi("order_fill_rate", "ratio", n(K.completeDeliveries), n(K.firstDeliveries), ratio(n(K.completeDeliveries), n(K.firstDeliveries)), 1 - backorder, "plan"));
    const decided = n(K.quote("won")) + n(K.quote("lost")) + n(K.quote("expired"));
    out.push(kpi("quote_win_rate", "ratio", n(K.quote("won")), decided, ratio(n(K.quote("won")), decided), paramsOf(salesKpisBudgetsSpec, cx).quote_win_rate, "plan"));
  }
  if (hrRuns(cx)) {
    const headcount = (at: number) => {
      let h = n(K.employedAtStart, 0);
      for (let q = 0; q <= at; q++) h += n(K.hired, q) - n(K.left, q);
      return h;
    };
    const before = p === 0 ? n(K.employedAtStart, 0) : headcount(p - 1);
    const now = headcount(p);
    const turnover = Number((cx.params("hr") as { turnover?: number }).turnover ?? 0);
    out.push(kpi("headcount", "count", undefined, undefined, now, roster(cx, c).length, "budget"));
    out.push(kpi("employee_turnover", "ratio", n(K.left), (before + now) / 2, ratio(n(K.left), (before + now) / 2), (turnover * days) / 365, "plan"));
  }
  if (writes(cx, "quality_inspections")) {
    out.push(kpi("defect_rate", "ratio", n(K.defective), n(K.inspected), ratio(n(K.defective), n(K.inspected)), AQL, "plan"));
  }
  return out;
}

/** Whether HR runs: some running phase writes employee events. */
export function hrRuns(cx: RunContext): boolean {
  return writes(cx, "employee_events");
}

/** Whether some running phase writes a table. */
function writes(cx: RunContext, table: string): boolean {
  return cx.plan.phases.some((x) => x.status === "run" && x.outputs.includes(table));
}
