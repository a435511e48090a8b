// A plan is trusted only when it is what the compiler wrote: valid against the (strict) schema,
// its hash matching its content, its block layout consistent, and every value one the compiler
// would write (plan-values.ts). Hand edits are refused, not guessed at, even with a recomputed hash.
import { hashOf } from "../core/canonical.ts";
import { formatVersionProblem, Plan } from "../specs/plan.ts";
import { ConfigurationError } from "../core/errors.ts";
import { DEFAULT_MODULES, type Modules } from "./modules.ts";
import { planValueProblems } from "./plan-values.ts";

const RECOMPILE = "recompile it with synth compile; plans are not edited by hand";

export function checkPlan(raw: unknown, modules: Modules = DEFAULT_MODULES): Plan {
  checkFormatVersion(raw);
  const parsed = Plan.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigurationError(`the plan is not valid: ${issue.path.join(".") || "plan"}: ${issue.message}`, RECOMPILE);
  }
  const plan = parsed.data;
  const { planHash, ...body } = plan;
  if (hashOf(body) !== planHash) throw new ConfigurationError("the plan's content does not match its planHash (was it edited by hand?)", RECOMPILE);
  for (const phase of plan.phases) {
    if (!modules.get(phase.id)) throw new ConfigurationError(`the plan names phase ${phase.id}, which this version of synth does not know`, "recompile the scenario with this version of synth", phase.source);
    checkLayout(phase);
  }
  for (const s of plan.schedule) checkStep(plan, s, modules);
  const problem = planValueProblems(plan, modules)[0];
  if (problem) throw new ConfigurationError(`the plan holds values the compiler would never write: ${problem.path}: ${problem.message}`, RECOMPILE);
  return plan;
}

function checkLayout(phase: Plan["phases"][number]): void {
  const l = phase.layout;
  let next = 0;
  let total = 0;
  let period = -1;
  for (const s of l.segments) {
    // Period by period: the blocks of a period form one range (engine/driver.ts).
    const ok = s.firstBlock === next && s.blocks === Math.ceil(s.units / (s.blockSize ?? l.blockSize)) && (s.period ?? -1) >= period;
    period = s.period ?? -1;
    if (!ok) throw new ConfigurationError(`the plan's block layout of phase ${phase.id} is inconsistent`, RECOMPILE, phase.source);
    next += s.blocks;
    total += s.units;
  }
  if (next !== l.blocks || total !== l.total) throw new ConfigurationError(`the plan's block layout of phase ${phase.id} does not add up`, RECOMPILE, phase.source);
}

/** A scheduled step belongs to a running phase, which implements it with the same kind. */
function checkStep(plan: Plan, s: Plan["schedule"][number], modules: Modules): void {
  const phase = plan.phases.find((p) => p.id === s.phase);
  const declared = modules.get(s.phase)?.spec.steps.find((x) => x.name === s.step);
  if (phase?.status !== "run" || !declared || declared.kind !== s.kind || declared.stage !== s.stage) {
    throw new ConfigurationError(`the plan schedules step ${s.step} of phase ${s.phase}, which this version of synth does not run that way`, RECOMPILE);
  }
}

/** A plan of another format version is refused with what to do, before its fields are judged. */
function checkFormatVersion(raw: unknown): void {
  const problem = formatVersionProblem(raw);
  if (problem) throw new ConfigurationError(problem.message, problem.hint);
}
