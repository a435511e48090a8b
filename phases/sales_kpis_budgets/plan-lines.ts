// The P&L lines the business plan implies beyond revenue, cost of sales, payroll and operating
// costs: every figure follows from the plan, the scenario's settings and the running phases'
// own planned figures (never from the ledger: a budget read from the actuals would be a plug).
// - bad debts: the period's invoiced sales at order-to-cash's `bad_debt` rate (the share of
//   invoices written off; with expected credit losses the provision expects the same loss);
// - cash discounts received: the period's budgeted purchases with recoverable tax at
//   procure-to-pay's `early_discount` share, at the vendors' average discount percent;
// - intercompany: the 1% of planned revenue every company recharges to the others a year
//   (revenue for the seller, charges for the buyers, evenly over the other companies);
// - bank charges: the bank's tariff (account fees a month and a fee per payment item for the
//   planned document volume) when statements book them, else transactions' 0.04% of revenue;
// - FX gains and losses: a documented allowance of 0.25% of revenue each when the company deals
//   in another currency (rates move both ways: the two lines net to about zero);
// - interest income: the opening cash (or the treasury's cash buffer if more) at the deposit rate;
// - manufacturing (capability production's plannedConversion): the planned conversion cost (the
//   made goods' yearly units x their routings' conversion with the planned scrap) is what is absorbed: production labour 55%, overhead 45%,
//   each with the expected 1% under-absorption, production costs absorbed its negative, and an
//   allowance of 0.5% of conversion for production variances; count differences an allowance
//   of 0.1% of the budgeted cost of sales (shrinkage outweighs surplus).
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { companyTargets, cashBuffer, periodShare, planYear } from "../../ledger/business.ts";
import { vatRate } from "../../ledger/tax.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { PRODUCTION, type Production } from "../../ledger/capabilities.ts";
import { counts, vendor } from "../master_data/index.ts";
import { segmentUnits } from "../transactions/chains.ts";
import { openingSheet } from "../opening_balances/sheet.ts";
import { budgetAccount, type BudgetLine, type Driver, type PeriodPlan } from "./lines.ts";

/** Share of planned revenue recharged to the group a year (intercompany's RECHARGE_SHARE). */
export const RECHARGE_SHARE = 0.01;
/** Allowances where the plan has no rate: FX result each way, production variances, count differences. */
export const FX_ALLOWANCE = 0.0025;
export const PRODUCTION_VARIANCE_ALLOWANCE = 0.005;
export const COUNT_ALLOWANCE = 0.001;
/** Expected under-absorption: actual spending is absorbed x (1 + 1% +/- 3%). */
export const UNDER_ABSORPTION = 0.01;
/** The bank's tariff in US dollars: account fees a month (main and payroll), the average fee per payment item. */
const ACCOUNT_FEES_USD = 42;
const ITEM_FEE_USD = 0.25;
/** Transactions' own bank fees: this share of revenue a year. */
const FEE_SHARE = 0.0004;

const running = (cx: RunContext, id: string) => cx.plan.processes.some((p) => p.id === id);
const phaseOn = (cx: RunContext, id: string) => cx.plan.phases.some((p) => p.id === id && p.status === "run");
const processParams = (cx: RunContext, id: string) => (cx.plan.processes.find((p) => p.id === id)?.params ?? {}) as Record<string, unknown>;
const phaseParams = (cx: RunContext, id: string) => (cx.plan.phases.find((p) => p.id === id)?.params ?? {}) as Record<string, unknown>;

export function planImpliedLines(cx: RunContext, c: CompanyInfo, plans: PeriodPlan[]): BudgetLine[] {
  const t = companyTargets(cx, c);
  const out: BudgetLine[] = [];
  const flow = (role: AccountRole, driver: Driver, amount: (p: number) => number) => {
    const g = budgetAccount(cx, [role]);
    if (!g) return;
    const amounts = plans.map((_, p) => Math.round(amount(p)));
    if (amounts.some((x) => x !== 0)) out.push({ ...g, cc: -1, type: "flow", driver, amounts });
  };
  const month = (p: number) => periodShare(cx, () => 1, p);
  const revenue = (p: number) => t.revenue(planYear(p));
  const vat = vatRate(c);

  if (running(cx, "order_to_cash")) {
    const rate = Number(processParams(cx, "order_to_cash").bad_debt ?? 0.01);
    flow("bad_debt_expense", "credit_loss_plan", (p) => plans[p]!.invoiced * rate);
  }
  if (running(cx, "procure_to_pay")) {
    const share = Number(processParams(cx, "procure_to_pay").early_discount ?? 0.15);
    let sum = 0;
    let n = 0;
    for (let i = 0; i < counts(cx).vendors; i++) {
      const terms = vendor(cx, c.index, i).terms;
      n++;
      if (terms.discountDays > 0) sum += Number(terms.discountPercent) / 100;
    }
    const pct = n ? sum / n : 0;
    const recoverable = c.regime === "vat" ? vat : 0;
    flow("discount_received", "discount_plan", (p) => plans[p]!.purchases * (1 + recoverable) * share * pct);
  }
  if (running(cx, "intercompany") && cx.companies.length > 1) {
    const units = (co: CompanyInfo) => (p: number) => segmentUnits(cx, co, p, "intercompany");
    flow("ic_revenue", "intercompany_plan", (p) => revenue(p) * RECHARGE_SHARE * periodShare(cx, units(c), p));
    const others = cx.companies.filter((o) => o.index !== c.index);
    flow("ic_expense", "intercompany_plan", (p) =>
      others.reduce((s, o) => {
        const toC = cx.rate(o.currency, c.currency) * 10 ** (c.digits - o.digits);
        const perBuyer = companyTargets(cx, o).revenue(planYear(p)) * RECHARGE_SHARE * periodShare(cx, units(o), p) / (cx.companies.length - 1);
        return s + perBuyer * toC;
      }, 0));
  }
  if (phaseOn(cx, "financial_reporting")) {
    const usd = cx.plan.scenario.groupCurrency === "USD" || cx.plan.fx.rates.some((r) => r.currency === "USD") ? cx.rate("USD", c.currency) : cx.rate(cx.plan.scenario.groupCurrency, c.currency);
    const toMinor = (x: number) => x * usd * 10 ** c.digits;
    if (phaseParams(cx, "financial_reporting").bank_fees !== false) flow("bank_charges", "bank_tariff", (p) => toMinor(ACCOUNT_FEES_USD * 12 * month(p) + ITEM_FEE_USD * segmentUnits(cx, c, p)));
    const deposit = Number(phaseParams(cx, "financial_reporting").deposit_rate ?? 0.005);
    // Interest on every bank account's balance: the opening cash of the plan's balance sheet, or the treasury's buffer if that is more.
    const sheet = openingSheet(cx, c).sheet;
    const cash = cx.chart.roles(["bank", "payroll_bank"]).reduce((s, a) => s + Math.max(0, sheet.get(a) ?? 0), 0);
    flow("interest_income", "bank_tariff", (p) => Math.max(cash, cashBuffer(cx, c, p)) * deposit * month(p));
  } else {
    flow("bank_charges", "bank_tariff", (p) => Math.max(10 ** c.digits * 12 * month(p), revenue(p) * FEE_SHARE * month(p)));
  }
  const foreign = cx.companies.some((o) => o.currency !== c.currency) || cx.plan.fx.rates.length > 0;
  if (foreign) {
    flow("fx_gain", "fx_allowance", (p) => revenue(p) * FX_ALLOWANCE * month(p));
    flow("fx_loss", "fx_allowance", (p) => revenue(p) * FX_ALLOWANCE * month(p));
  }
  const planned = cx.capability<Production>(PRODUCTION)?.plannedConversion;
  if (planned) {
    const conversion = planned(cx, c);
    const o2c = (p: number) => segmentUnits(cx, c, p, "order_to_cash");
    const share = (p: number) => (running(cx, "order_to_cash") ? periodShare(cx, o2c, p) : month(p));
    const conv = (p: number) => conversion * share(p);
    flow("production_labour", "conversion_plan", (p) => conv(p) * (1 + UNDER_ABSORPTION) * 0.55);
    flow("production_overhead", "conversion_plan", (p) => conv(p) * (1 + UNDER_ABSORPTION) * 0.45);
    flow("production_absorbed", "conversion_plan", (p) => -conv(p));
    flow("production_variance", "conversion_plan", (p) => conv(p) * PRODUCTION_VARIANCE_ALLOWANCE);
    flow("inventory_adjustment", "count_allowance", (p) => plans[p]!.cogs * COUNT_ALLOWANCE);
  }
  return out;
}
