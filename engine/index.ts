// Public surface of the runtime: run a plan (to files or memory), with pause / resume / stop and
// progress callbacks; the typed errors; the record specs of what it writes.
export { run, SynthRun, type RunOptions, type RunResult } from "./run.ts";
export { ConfigurationError, GenerationError, Interrupted, MemoryExceeded, OutputError, RunError } from "../core/errors.ts";
export type { Progress, ProgressMode } from "./progress.ts";
export { tableSpecs } from "./phases.ts";
export { checkPlan } from "./plan-check.ts";
export { scenarioParams, scenarioSource, planArbitrary, ledgerArbitrary, generateInMemory, compileParams, type GeneratedLedger, type ScenarioParams } from "../testing/arbitraries.ts";
export { verifyLedger, verifyYearEndClose, minorOf, type Violation, type Tables } from "../testing/verify.ts";
