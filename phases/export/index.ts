// export: the data dictionary of the run.
import type { PhaseModule } from "../api.ts";
import { exportSpec } from "./spec.ts";
import { dictionaryStep } from "./dictionary.ts";

export const exportPhase: PhaseModule = { spec: exportSpec, steps: { dictionary: dictionaryStep } };
