// opening_balances: the opening balance sheet and the open items and stock behind it.
import type { PhaseModule } from "../api.ts";
import { openingBalancesSpec } from "./spec.ts";
import { openingStep } from "./sheet.ts";

export const openingBalancesPhase: PhaseModule = { spec: openingBalancesSpec, steps: { opening: openingStep } };
