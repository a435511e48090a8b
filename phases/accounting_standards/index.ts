// accounting_standards: revenue from contracts (IFRS 15 / ASC 606), impairment (IAS 36 / ASC 360)
// and expected credit losses (IFRS 9 / CECL); it takes revenue recognition, write-offs and the
// carrying amounts of impaired assets over from their default providers (see spec.ts).
import type { PhaseModule } from "../api.ts";
import { ASSET_VALUATION, CREDIT_LOSSES, REVENUE_RECOGNITION } from "../../ledger/capabilities.ts";
import { accountingStandardsSpec } from "./spec.ts";
import { revenueRecognition } from "./revenue-book.ts";
import { CONTRACT_ROWS } from "./revenue-rows.ts";
import { contractsStep } from "./revenue-steps.ts";
import { creditLosses, creditLossStep } from "./credit-losses.ts";
import { impairmentStep } from "./impairment.ts";
import { assetValuation, IMPAIRMENTS } from "./valuation.ts";

export const accountingStandardsPhase: PhaseModule = {
  spec: accountingStandardsSpec,
  steps: { contracts: contractsStep, credit_losses: creditLossStep, impairment: impairmentStep },
  slices: [CONTRACT_ROWS, IMPAIRMENTS],
  implements: { [REVENUE_RECOGNITION]: revenueRecognition, [CREDIT_LOSSES]: creditLosses, [ASSET_VALUATION]: assetValuation },
};
