// sales_kpis_budgets: quotes derived from the real sales orders, budgets from the business plan
// against GL actuals (per cost center: it keeps cost-center actuals), and KPIs (see spec.ts).
import type { PhaseModule } from "../api.ts";
import { COST_CENTER_ACTUALS } from "../../ledger/capabilities.ts";
import { COST_CENTERS } from "../../ledger/cost-centers.ts";
import { salesKpisBudgetsSpec } from "./spec.ts";
import { quotesStep } from "./overlay.ts";
import { budgetsStep, kpisStep } from "./steps.ts";
import { COUNTS } from "./counts.ts";

export const salesKpisBudgetsPhase: PhaseModule = {
  spec: salesKpisBudgetsSpec,
  steps: { quotes: quotesStep, budgets: budgetsStep, kpis: kpisStep },
  slices: [COST_CENTERS, COUNTS],
  implements: { [COST_CENTER_ACTUALS]: COST_CENTERS },
};
