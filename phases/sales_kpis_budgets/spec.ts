// sales_kpis_budgets: sales quotes, budgets with variances, and KPIs from the ledger.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { ratedLayout } from "../../specs/layout.ts";

const params = z.object({
  quotes: f.rate("sales quotes").default({ amount: 3000, per: "year" }),
  quote_win_rate: f.percent("share of quotes won").default(0.3),
  budget_variance: f.percent("typical budget-to-actual variance").default(0.08),
});

export const salesKpisBudgetsSpec = {
  id: "sales_kpis_budgets",
  title: "Sales quotes, KPIs and budgets",
  rank: 19,
  stage: "reporting",
  params,
  needs: ["transactions"],
  tables: [],
  steps: [],
  layout: (cx) => ratedLayout("quotes", (cx.params.sales_kpis_budgets as z.infer<typeof params>).quotes, cx),
} satisfies PhaseSpec<typeof params>;
