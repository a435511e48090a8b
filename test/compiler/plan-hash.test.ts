// Phase hashes say whether a phase's work changed: they follow what a phase does, not where
// its block was written.
import { describe, expect, test } from "bun:test";
import { compile } from "../../compiler/compile.ts";
import type { Plan } from "../../specs/plan.ts";

const SOURCE = `scenario "Hashes" { months = 2 }
company US01 { share = 60% }
company DE01 { country = DE; currency = EUR }
process procure_to_pay { volume = 100 per month }
phase transactions { volume = 2k per year }
`;

function plan(text: string): Plan {
  const r = compile(text);
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return r.plan;
}

const hashes = (p: Plan) => Object.fromEntries(p.phases.map((x) => [x.id, x.hash]));

describe("phase hashes", () => {
  test("a comment or blank lines above a block move its source but keep every phase hash", () => {
    const before = plan(SOURCE);
    const moved = SOURCE.replace("company US01", "// the parent\n\ncompany US01").replace("phase transactions", "# volume\nphase transactions");
    const after = plan(moved);
    expect(after.phases.find((p) => p.id === "transactions")!.source).not.toEqual(before.phases.find((p) => p.id === "transactions")!.source);
    expect(hashes(after)).toEqual(hashes(before));
    // The plan as a whole still notices the new source bytes.
    expect(after.planHash).not.toBe(before.planHash);
  });

  test("changing a phase's parameters changes its hash", () => {
    const before = hashes(plan(SOURCE));
    const after = hashes(plan(SOURCE.replace("2k per year", "3k per year")));
    expect(after.transactions).not.toBe(before.transactions);
  });
});
