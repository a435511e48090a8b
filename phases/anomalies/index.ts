// anomalies: the phase module (see spec.ts): the user master, the overlay that injects and
// labels, the counters of its slice and the summary in run-report.json.
import type { PhaseModule } from "../api.ts";
import { anomaliesSpec } from "./spec.ts";
import { injectStep } from "./inject.ts";
import { usersStep } from "./users.ts";
import { payrollExtras } from "./ghost-employees.ts";
import { PAYROLL_EXTRAS, PURCHASE_KICKBACKS } from "../../ledger/capabilities.ts";
import { purchaseKickbacks } from "./kickbacks.ts";
import { ANOMALY_STATS, anomalyReport } from "./stats.ts";

export const anomaliesPhase: PhaseModule = {
  spec: anomaliesSpec,
  steps: { users: usersStep, inject: injectStep },
  slices: [ANOMALY_STATS],
  report: anomalyReport,
  implements: { [PAYROLL_EXTRAS]: payrollExtras, [PURCHASE_KICKBACKS]: purchaseKickbacks },
};
