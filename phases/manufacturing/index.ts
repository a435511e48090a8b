// manufacturing: production orders on bills of material and routings, with WIP, variances,
// inspections and cycle counts; it takes production over from purchasing (see spec.ts).
import type { PhaseModule } from "../api.ts";
import { PRODUCTION, type Production as ProductionCapability } from "../../ledger/capabilities.ts";
import { manufacturingSpec } from "./spec.ts";
import { production } from "./bom.ts";
import { masterStep } from "./master.ts";
import { productionStep } from "./steps.ts";
import { countsStep } from "./counts.ts";
import { reconcileStep } from "./reconcile.ts";
import { inspectReceipt } from "./inspections.ts";
import { plannedConversion } from "./bom.ts";

const makes: ProductionCapability = {
  makes: (cx, c) => production(cx, c).made,
  components: (cx, c) => production(cx, c).components,
  inspectReceipt,
  plannedConversion,
};

export const manufacturingPhase: PhaseModule = {
  spec: manufacturingSpec,
  steps: { master: masterStep, production: productionStep, counts: countsStep, reconcile: reconcileStep },
  implements: { [PRODUCTION]: makes },
};
