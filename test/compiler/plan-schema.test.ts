// The Plan contract: its JSON Schema can be produced, compiled plans satisfy it, and it rejects
// plans that break it.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { Plan } from "../../specs/plan.ts";
import { compile } from "../../compiler/compile.ts";
import { goldenCases } from "../helpers/golden.ts";

const GOLDEN = join(import.meta.dir, "..", "golden");

describe("Plan JSON Schema", () => {
  const schema = z.toJSONSchema(Plan) as {
    type?: string;
    properties?: Record<string, { type?: string }>;
    required?: string[];
  };

  test("is an object schema naming every top-level field of the plan", () => {
    expect(schema.type).toBe("object");
    const fields = Object.keys(Plan.shape).sort();
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(fields);
    expect([...(schema.required ?? [])].sort()).toEqual(fields);
    expect(schema.properties?.phases?.type).toBe("array");
  });

  test("survives a JSON round trip (it can be written to a file)", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe("compiled plans satisfy the Plan schema", () => {
  const plans = goldenCases(GOLDEN).flatMap((name) => {
    const file = join(GOLDEN, name, "expected.plan.json");
    try {
      return [{ name, plan: JSON.parse(readFileSync(file, "utf8")) as unknown }];
    } catch {
      return [];
    }
  });

  test("every committed golden plan parses", () => {
    expect(plans.length).toBeGreaterThan(15);
    for (const { name, plan } of plans) {
      const r = Plan.safeParse(plan);
      expect(r.success ? "ok" : `${name}: ${r.error.message}`).toBe("ok");
    }
  });

  test("a plan that breaks the contract is rejected", () => {
    const plan = compile("scenario { months = 1 }").plan!;
    const broken: unknown[] = [
      { ...plan, planHash: "not a hash" },
      { ...plan, companies: [] },
      { ...plan, formatVersion: 999 },
      { ...plan, phases: [{ ...plan.phases[0]!, status: "maybe" }] },
      { ...plan, scenario: { ...plan.scenario, startDate: "2025-1-1" } },
    ];
    for (const b of broken) expect(Plan.safeParse(b).success).toBe(false);
    expect(Plan.safeParse(JSON.parse(JSON.stringify(plan))).success).toBe(true);
  });
});
