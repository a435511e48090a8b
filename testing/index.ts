// Public surface for property tests: random scenarios, their plans and in-memory ledgers
// (fast-check arbitraries), and the invariant checks every generated ledger passes.
export { scenarioParams, scenarioSource, planArbitrary, ledgerArbitrary, generateInMemory, compileParams, type GeneratedLedger, type ScenarioParams } from "./arbitraries.ts";
export { verifyFlows, verifyLedger, verifyYearEndClose, minorOf, type Violation, type Tables } from "./verify.ts";
export { verifyEconomics, type EconomicsOptions } from "./economics.ts";
export { verifyLabelled, verifyLabels } from "./verify-labels.ts";
