// transactions: standalone journal entries and the document chains (procure-to-pay,
// order-to-cash, intercompany) with their subledgers.
import type { PhaseModule } from "../api.ts";
import { transactionsSpec } from "./spec.ts";
import { entriesStep } from "./blocks.ts";
import { meanLinesPerEntry } from "./standalone.ts";

export const transactionsPhase: PhaseModule = {
  spec: transactionsSpec,
  steps: { entries: entriesStep },
  report: (cx) => ({ meanLinesPerEntry: Number(meanLinesPerEntry(cx).toFixed(3)) }),
};
