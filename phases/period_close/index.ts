// period_close: depreciation, accruals, tax, year-end closing, trial balance, reconciliation,
// translation and consolidation, one period at a time.
import type { PhaseModule } from "../api.ts";
import { periodCloseSpec } from "./spec.ts";
import { CLOSE, closeStep } from "./close.ts";

export const periodClosePhase: PhaseModule = { spec: periodCloseSpec, steps: { close: closeStep }, slices: [CLOSE] };
