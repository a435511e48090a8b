// Plan versus actual: after the last period, each company's business plan against what its
// ledger shows, per plan year: revenue, gross margin, every cost line, EBIT, the net result and
// margin, the treasury's lowest bank balance and credit line peak, and the working capital in
// days (DSO, DPO, stock days). The same figures go into run-report.json.
import { formatIso } from "../../core/calendar.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { COST_OF_SALES_ROLES, INVENTORY_ROLES, OPEX_ROLES } from "../../specs/accounts.ts";
import { planVsActual } from "../../specs/records/business.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { cashBuffer, companyTargets, creditLimit, periodsOfYear, planYear } from "../../ledger/business.ts";
import { LEDGER } from "../../ledger/slices.ts";
import type { RunState } from "../../ledger/state.ts";
import { formatMinor } from "../../output/writers.ts";
import type { MainStep } from "../api.ts";
import { roster } from "../master_data/index.ts";
import { TREASURY } from "../transactions/treasury.ts";
import { openingSheet } from "../opening_balances/sheet.ts";
import { CLOSE } from "./close.ts";
import { periodCloseSpec } from "./spec.ts";
import { paramsOf } from "../../specs/phase.ts";

export interface PlanLine {
  company: string;
  year: number;
  from: string;
  to: string;
  months: number;
  metric: string;
  unit: "money" | "ratio" | "days";
  /** Money in company minor units; ratios as fractions; days as days. */
  plan: number;
  actual: number;
}

const REVENUE: AccountRole[] = ["revenue", "service_revenue", "sales_discounts"];
const COST_OF_SALES = COST_OF_SALES_ROLES;
const PAYROLL: AccountRole[] = ["salaries", "social_security"];
const OTHER_OPEX = OPEX_ROLES.filter((r) => r !== "marketing");
const FINANCE_AND_TAX: AccountRole[] = ["interest_income", "interest_expense", "fx_gain", "fx_loss", "bank_charges", "income_tax_expense"];

/** Plan and actual figures of every company and plan year. */
export function planVsActualLines(cx: RunContext, state: RunState): PlanLine[] {
  const lines: PlanLine[] = [];
  for (const c of cx.companies) {
    for (let y = 0; y <= planYear(cx.periods.length - 1); y++) lines.push(...yearLines(cx, state, c, y));
  }
  return lines;
}

function yearLines(cx: RunContext, state: RunState, c: CompanyInfo, y: number): PlanLine[] {
  const periods = periodsOfYear(cx, y);
  const first = cx.periods[periods[0]!]!;
  const last = cx.periods[periods[periods.length - 1]!]!;
  const months = periods.length;
  const days = last.firstDay + last.days - first.firstDay;
  const f = figures(cx, state, c, periods);
  const t = companyTargets(cx, c);
  const b = c.business;
  const share = months / 12;
  const revenue = t.revenue(y) * share;
  const payroll = roster(cx, c).reduce((s, e) => s + e.monthly, 0) * months * (1 + b.employer_costs);
  const cost = (...lines: Parameters<typeof t.cost>[0][]) => lines.reduce((s, l) => s + t.cost(l, y), 0) * share;
  const plan = {
    cogs: revenue * (1 - b.gross_margin),
    rent: cost("rent"),
    utilities: cost("utilities"),
    marketing: cost("marketing_direct", "marketing_purchased"),
    other: cost("opex_direct", "opex_purchased", "prepaid"),
  };
  const ebit = revenue - plan.cogs - payroll - plan.rent - plan.utilities - plan.marketing - plan.other - f.depreciation;
  const loan = -(openingSheet(cx, c).sheet.get(cx.chart.one("loans_payable")) ?? 0);
  const interest = loan * b.loan_rate * share;
  const taxRate = c.incomeTaxRate ?? paramsOf(periodCloseSpec, cx).tax_rate;
  const net = (ebit - interest) * (1 - taxRate);
  const treasury = state.get(TREASURY)[c.index]!.years[y];
  const row = (metric: string, unit: PlanLine["unit"], planned: number, actual: number): PlanLine => ({
    company: c.code, year: y + 1, from: formatIso(first.firstDay), to: formatIso(last.firstDay + last.days - 1), months, metric, unit, plan: planned, actual,
  });
  return [
    row("revenue", "money", revenue, f.revenue),
    row("gross_margin", "ratio", b.gross_margin, ratio(f.revenue - f.cogs, f.revenue)),
    row("cost_of_sales", "money", plan.cogs, f.cogs),
    row("payroll", "money", payroll, f.payroll),
    row("rent", "money", plan.rent, f.rent),
    row("utilities", "money", plan.utilities, f.utilities),
    row("marketing", "money", plan.marketing, f.marketing),
    row("other_opex", "money", plan.other, f.other),
    row("depreciation", "money", f.depreciation, f.depreciation),
    row("ebit", "money", ebit, f.ebit),
    row("net_result", "money", net, f.net),
    row("net_margin", "ratio", ratio(net, revenue), ratio(f.net, f.revenue)),
    row("min_cash", "money", cashBuffer(cx, c, first.index), treasury?.minBank ?? 0),
    row("credit_line_peak", "money", creditLimit(cx, c, first.index), treasury?.peak ?? 0),
    row("shareholder_loans", "money", 0, treasury?.shareholderLoans ?? 0),
    row("dso", "days", b.dso, ratio(f.ar * days, f.arDebits)),
    row("dpo", "days", b.dpo, ratio(f.ap * days, f.apCredits)),
    row("stock_days", "days", b.stock_days, ratio(f.inventory * days, f.cogs)),
  ];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** What the ledger shows for a company over some periods: P&L before the year-end closing, balances at the end. */
function figures(cx: RunContext, state: RunState, c: CompanyInfo, periods: number[]) {
  const ledger = state.get(LEDGER);
  const closings = state.get(CLOSE)[c.index]!.closings;
  const n = cx.chart.accounts.length;
  const activity = new Float64Array(n);
  const debits = new Float64Array(n);
  const credits = new Float64Array(n);
  for (const p of periods) {
    const cell = ledger.cell(c.index, p);
    const closing = closings[p];
    for (let i = 0; i < n; i++) {
      activity[i] = activity[i]! + cell[i * 2]! - cell[i * 2 + 1]! - (closing?.[i] ?? 0);
      debits[i] = debits[i]! + cell[i * 2]!;
      credits[i] = credits[i]! + cell[i * 2 + 1]!;
    }
  }
  const balance = new Float64Array(n);
  for (let p = 0; p <= periods[periods.length - 1]!; p++) {
    const cell = ledger.cell(c.index, p);
    for (let i = 0; i < n; i++) balance[i] = balance[i]! + cell[i * 2]! - cell[i * 2 + 1]!;
  }
  const sum = (a: Float64Array, roles: readonly AccountRole[]) => cx.chart.roles(roles).reduce((s, x) => s + a[x.index]!, 0);
  const pnl = cx.chart.posting.filter((a) => a.type === "revenue" || a.type === "expense");
  const net = -pnl.reduce((s, a) => s + activity[a.index]!, 0);
  // The opening entry's receivables and payables are no sales or purchases of the year.
  const opening = periods[0] === 0 ? openingSheet(cx, c).sheet : new Map();
  const openingOf = (role: AccountRole) => cx.chart.roles([role]).reduce((s, a) => s + (opening.get(a) ?? 0), 0);
  return {
    revenue: -sum(activity, REVENUE),
    cogs: sum(activity, COST_OF_SALES),
    payroll: sum(activity, PAYROLL),
    rent: sum(activity, ["rent"]),
    utilities: sum(activity, ["utilities"]),
    marketing: sum(activity, ["marketing"]),
    other: sum(activity, OTHER_OPEX),
    depreciation: sum(activity, ["depreciation_expense"]),
    ebit: net + sum(activity, FINANCE_AND_TAX),
    net,
    ar: sum(balance, ["ar_control"]),
    arDebits: sum(debits, ["ar_control"]) - Math.max(0, openingOf("ar_control")),
    ap: -sum(balance, ["ap_control"]),
    apCredits: sum(credits, ["ap_control"]) + Math.min(0, openingOf("ap_control")),
    inventory: sum(balance, INVENTORY_ROLES),
  };
}

export const planVsActualStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out) {
    const w = out.table(planVsActual);
    for (const l of planVsActualLines(cx, state)) {
      const c = cx.companies[cx.companyIndex.get(l.company)!]!;
      const text = (v: number) => (l.unit === "money" ? formatMinor(Math.round(v), c.digits) : l.unit === "ratio" ? v.toFixed(4) : v.toFixed(1));
      w.id(l.company);
      w.int(l.year);
      w.date(l.from);
      w.date(l.to);
      w.int(l.months);
      w.id(l.metric);
      w.id(l.unit);
      w.decimal(text(l.plan));
      w.decimal(text(l.actual));
      w.decimal(text(l.actual - l.plan));
      w.id(c.currency);
      w.end();
    }
  },
};
