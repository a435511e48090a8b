// sales_kpis_budgets: sales quotes, budgets with variances, and KPIs, all from the run's own
// data. Quotes are derived from the real sales orders: inside each order-to-cash block a share
// of the orders starts from a quote (won, at the order's price and quantity), and lost or
// expired quotes like them are added so the configured share of decided quotes is won. Budgets
// come from the business plan with its seasonality and are set against the GL actuals (per
// cost center where the budget is: it keeps cost-center actuals through a capability); KPIs per
// company and period are computed from the closed ledger and the subledgers.
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";
import { documentReferences } from "../../specs/records/flows.ts";
import { budgets, budgetVariances, kpis, quoteLines, salesQuotes } from "./tables.ts";

const params = z.object({
  quoted_share: f.percent("share of sales orders that start from a quote (the rest are repeat and catalog orders)").default(0.6),
  quote_win_rate: f.percent("share of decided quotes (won, lost or expired) that are won").min(0.02).default(0.3),
  quote_validity: f.duration("days a quote stays valid").min(7).max(180).default(30),
  expired_share: f.percent("of the quotes not won, the share that lapse without an answer (the rest are declined with a reason)").default(0.25),
  variance_threshold: f.percent("a budget variance at least this share of the budget is flagged significant").default(0.1),
});

export type SalesKpisParams = z.infer<typeof params>;

export const salesKpisBudgetsSpec = {
  id: "sales_kpis_budgets",
  title: "Sales quotes, KPIs and budgets",
  rank: 19,
  stage: "reporting",
  params,
  // KPIs and budget actuals read the closed books (the year-end closing is taken out of P&L actuals).
  needs: ["transactions", "period_close"],
  tables: [salesQuotes, quoteLines, budgets, budgetVariances, kpis, documentReferences],
  steps: [
    // Inside the blocks that write sales orders and deliveries (order-to-cash) and employee
    // events (hr), and the steps that write quality inspections (manufacturing): quotes of the
    // block's orders, and the counts the KPIs need.
    { name: "quotes", stage: "posting", kind: "overlay", posts: ["sales_orders", "deliveries", "employee_events", "quality_inspections"] },
    // After the last period (quotes of a period come from orders of the next one too).
    { name: "budgets", stage: "final", kind: "main", reads: ["ledger", "cost_centers", "period_close"] },
    { name: "kpis", stage: "final", kind: "main", reads: ["ledger", "period_close", "sales_kpis"] },
  ],
  layout: perCompany("companies"),
  provides: ["cost_center_actuals"],
} satisfies PhaseSpec<typeof params>;
