// period_close: depreciation, accruals, tax, year-end closing, trial balance, reconciliation,
// translation and consolidation, one period at a time; then plan versus actual.
import type { PhaseModule } from "../api.ts";
import { periodCloseSpec } from "./spec.ts";
import { CLOSE, closeStep, type CloseState } from "./close.ts";
import type { RunState } from "../../ledger/state.ts";
import { planVsActualLines, planVsActualStep } from "./plan-vs-actual.ts";
import { NET_MARGIN_BANDS } from "../../specs/business.ts";

export const periodClosePhase: PhaseModule = {
  spec: periodCloseSpec,
  steps: { close: closeStep, plan_vs_actual: planVsActualStep },
  slices: [CLOSE],
  report: (cx, state) => (state ? { planVsActual: planVsActualLines(cx, state), netMarginBand: NET_MARGIN_BANDS[cx.plan.scenario.industry] } : {}),
};

/**
 * The closed books, for phases that report on them (read only): per company, the net balance of
 * every account after the last closed period, equity and P&L translated at historical rates so
 * far, and each year-end closing entry (P&L before closing is the period's postings minus it).
 */
export function closedBooks(state: RunState): Readonly<CloseState> {
  return state.get(CLOSE);
}
