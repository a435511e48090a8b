// transactions: the business of every company, calibrated to its business plan (see spec.ts).
import type { PhaseModule } from "../api.ts";
import { transactionsSpec } from "./spec.ts";
import { entriesStep } from "./blocks.ts";
import { meanLinesPerEntry } from "./standalone.ts";
import { PURCHASING, replenishStep } from "./replenish.ts";
import { payrollStep } from "./payroll.ts";
import { settlementsStep } from "./settlements.ts";
import { TREASURY, treasuryStep } from "./treasury.ts";

export const transactionsPhase: PhaseModule = {
  spec: transactionsSpec,
  steps: { entries: entriesStep, replenish: replenishStep, payroll: payrollStep, settlements: settlementsStep, treasury: treasuryStep },
  slices: [PURCHASING, TREASURY],
  report: (cx, state) => ({
    meanLinesPerEntry: Number(meanLinesPerEntry(cx).toFixed(3)),
    replenishmentOrdersBeyondVolume: Object.fromEntries(cx.companies.map((c) => [c.code, state?.get(PURCHASING).extraOrders[c.index] ?? 0])),
  }),
};
