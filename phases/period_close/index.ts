// period_close: depreciation, accruals, tax, year-end closing, trial balance, reconciliation,
// translation and consolidation, one period at a time; then plan versus actual.
import type { PhaseModule } from "../api.ts";
import { periodCloseSpec } from "./spec.ts";
import { CLOSE, closeStep } from "./close.ts";
import { planVsActualLines, planVsActualStep } from "./plan-vs-actual.ts";
import { NET_MARGIN_BANDS } from "../../specs/business.ts";

export const periodClosePhase: PhaseModule = {
  spec: periodCloseSpec,
  steps: { close: closeStep, plan_vs_actual: planVsActualStep },
  slices: [CLOSE],
  report: (cx, state) => (state ? { planVsActual: planVsActualLines(cx, state), netMarginBand: NET_MARGIN_BANDS[cx.plan.scenario.industry] } : {}),
};
