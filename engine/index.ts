// Public surface of the runtime: run a plan (to files or memory), with pause / resume / stop and
// progress callbacks; the typed errors; the record specs of what it writes. Property-testing
// helpers (arbitraries, invariant checks) are the other entry point: testing/index.ts.
export { run, SynthRun, type RunOptions, type RunResult } from "./run.ts";
export { ConfigurationError, GenerationError, Interrupted, MemoryExceeded, OutputError, RunError } from "../core/errors.ts";
export type { Progress, ProgressMode } from "./progress.ts";
export { DEFAULT_MODULES, Modules } from "./modules.ts";
export { checkPlan } from "./plan-check.ts";
