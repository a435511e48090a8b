// The runtime trusts a plan only when it is what the compiler writes: strict keys, exact
// parameters, the compiler's ranges, codes, checks and layouts, even when an editor recomputed
// the planHash; and a plan of another format version says which way to go.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { fsHost } from "../../compiler/project.ts";
import { hashOf } from "../../core/canonical.ts";
import { ConfigurationError } from "../../core/errors.ts";
import { checkPlan } from "../../engine/plan-check.ts";
import type { Plan } from "../../specs/plan.ts";
import { goldenCases } from "../helpers/golden.ts";

const ROOT = join(import.meta.dir, "..", "..");
const GOLDEN = join(ROOT, "test", "golden");

const SOURCE = `
scenario "Checked" { seed = 2  industry = retail  start = 2024-01-01  months = 2  group_currency = USD }
company A1 { currency = USD  share = 60% }
company B1 { country = DE  currency = EUR }
phase transactions { volume = 2k per year }
`;
const plan = compile(SOURCE, { path: "checked.synth" }).plan!;

/** A copy edited by `edit`, its planHash recomputed (what a careful hand edit looks like). */
function edited(edit: (p: Plan & Record<string, unknown>) => void): unknown {
  const p = structuredClone(JSON.parse(JSON.stringify(plan))) as Plan & Record<string, unknown>;
  edit(p);
  const { planHash: _h, ...body } = p;
  return { ...body, planHash: hashOf(body) };
}

const refusal = (raw: unknown): string => {
  try {
    checkPlan(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return (e as Error).message;
  }
  return "accepted";
};

const tx = (p: Plan) => p.phases.find((x) => x.id === "transactions")!;

describe("plans the compiler wrote are accepted", () => {
  test("every golden plan and every example", () => {
    const golden = goldenCases(GOLDEN).flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(join(GOLDEN, name, "expected.plan.json"), "utf8"))];
      } catch {
        return [];
      }
    });
    const examples = ["quickstart", "retail", "all-phases", "manufacturing-group", "healthcare", "financial-services"].map((n) => {
      const path = `examples/${n}.synth`;
      return compile(readFileSync(join(ROOT, path), "utf8"), { path, host: fsHost(ROOT) }).plan!;
    });
    for (const p of [plan, ...golden, ...examples]) expect(refusal(p)).toBe("accepted");
  });
});

describe("plans the compiler would never write are refused, even with a recomputed planHash", () => {
  const cases: [string, (p: Plan & Record<string, unknown>) => void, string][] = [
    ["an unknown top-level key", (p) => (p.extra = 1), 'Unrecognized key: "extra"'],
    ["an unknown key in the scenario", (p) => Object.assign(p.scenario, { colour: "red" }), 'Unrecognized key: "colour"'],
    ["an unknown phase parameter", (p) => Object.assign(tx(p).params, { turbo: true }), 'phases.3.params: Unrecognized key: "turbo"'],
    ["a missing phase parameter", (p) => delete (tx(p).params as Record<string, unknown>).block_size, "phases.3.params: is not what the compiler writes"],
    ["a parameter out of range", (p) => ((tx(p).params as Record<string, unknown>).block_size = 1), "phases.3.params.block_size"],
    ["months = 10000", (p) => (p.scenario.months = 10_000), "scenario.months"],
    ["group currency XXX", (p) => (p.scenario.groupCurrency = p.scenario.presentationCurrency = "XXX"), "XXX is not a currency synth knows"],
    ["a company currency synth does not know", (p) => (p.companies[1]!.currency = "QQQ"), "companies.1.currency: QQQ"],
    ["shares over 100%", (p) => (p.companies[0]!.share = 0.9), "shares add up to 1.3"],
    ["a missing exchange rate", (p) => (p.fx.rates = []), "no exchange rate for EUR"],
    ["a start that is not the first of a month", (p) => (p.scenario.startDate = "2024-01-15"), "scenario.startDate"],
    ["a volume changed without its layout", (p) => ((tx(p).params as { volume: { amount: number } }).volume.amount = 9_000), "phases.3.layout: is not the layout phase transactions gives"],
    ["an output table no phase writes", (p) => (p.output.tables = ["journal_entries", "anomaly_scores"]), "no phase writes a table anomaly_scores"],
    ["memory limits the wrong way round", (p) => (p.runtime.memorySoft = p.runtime.memoryHard), "runtime.memorySoft"],
  ];
  for (const [what, edit, message] of cases) {
    test(what, () => expect(refusal(edited(edit))).toContain(message));
  }

  test("a plan from a newer or older synth says which way to go", () => {
    expect(refusal({ ...plan, formatVersion: 4 })).toBe("the plan is in format 4, written by a newer synth; this one reads format 3");
    expect(refusal({ ...plan, formatVersion: 2 })).toBe("the plan is in format 2, written by an older synth; this one reads format 3");
  });
});
