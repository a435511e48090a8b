// initialize: companies, chart of accounts, fiscal periods, daily exchange rates.
import type { PhaseModule } from "../api.ts";
import { initializeSpec } from "./spec.ts";
import { setupStep } from "./generate.ts";

export const initializePhase: PhaseModule = { spec: initializeSpec, steps: { setup: setupStep } };
