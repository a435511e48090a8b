// A plan is trusted only when it is what the compiler wrote: valid against the schema, its hash
// matching its content, and its block layout consistent. Hand edits are refused, not guessed at.
import { hashOf } from "../core/canonical.ts";
import { Plan } from "../specs/plan.ts";
import { ConfigurationError } from "../core/errors.ts";
import { DEFAULT_MODULES, type Modules } from "./modules.ts";

const RECOMPILE = "recompile it with synth compile; plans are not edited by hand";

export function checkPlan(raw: unknown, modules: Modules = DEFAULT_MODULES): Plan {
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
  return plan;
}

function checkLayout(phase: Plan["phases"][number]): void {
  const l = phase.layout;
  let next = 0;
  let total = 0;
  for (const s of l.segments) {
    const ok = s.firstBlock === next && s.blocks === Math.ceil(s.units / (s.blockSize ?? l.blockSize));
    if (!ok) throw new ConfigurationError(`the plan's block layout of phase ${phase.id} is inconsistent`, RECOMPILE, phase.source);
    next += s.blocks;
    total += s.units;
  }
  if (next !== l.blocks || total !== l.total) throw new ConfigurationError(`the plan's block layout of phase ${phase.id} does not add up`, RECOMPILE, phase.source);
}
