// source_to_contract: sourcing projects, contracts and scorecards; it prices procure-to-pay's
// purchases from its contracts (the purchase_pricing capability, see spec.ts).
import type { PhaseModule } from "../api.ts";
import { PURCHASE_PRICING } from "../../ledger/capabilities.ts";
import { sourceToContractSpec } from "./spec.ts";
import { contractPricing } from "./pricing.ts";
import { contractsStep, scorecardsStep, sourcingStep, spendStep } from "./steps.ts";

export const sourceToContractPhase: PhaseModule = {
  spec: sourceToContractSpec,
  steps: { sourcing: sourcingStep, spend: spendStep, scorecards: scorecardsStep, contracts: contractsStep },
  implements: { [PURCHASE_PRICING]: contractPricing },
};
