// Numbers the docs state about a scenario are checked against what the compiler makes of it,
// so a comment such as "about 1,250 journal entries" cannot drift from the plan again.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { fsHost } from "../../compiler/project.ts";
import { rateTotal } from "../../specs/layout.ts";
import type { Rate } from "../../specs/fields.ts";
import { ProcessesBlock } from "../../specs/scenario.ts";

const ROOT = join(import.meta.dir, "..", "..");

/** What the plan says: standalone entries (the transactions volume), chains on top, all units. */
function figures(source: string, path: string) {
  const r = compile(source, { path, host: fsHost(ROOT) });
  if (!r.plan) throw new Error(`${path} does not compile`);
  const tx = r.plan.phases.find((p) => p.id === "transactions")!;
  const s = r.plan.scenario;
  const standalone = rateTotal((tx.params as { volume: Rate }).volume, { startDate: s.startDate, months: s.months, fiscalStartMonth: s.fiscalYearStartMonth });
  return { standalone, chains: tx.layout.total - standalone, units: tx.layout.total };
}

const CLAIMS: [RegExp, keyof ReturnType<typeof figures>][] = [
  [/([\d,]+) standalone (?:journal )?entries/g, "standalone"],
  [/is ([\d,]+) entries/g, "standalone"],
  [/([\d,]+) document\s+(?:\/\/\s*)?chains/g, "chains"],
  [/([\d,]+) units of work/g, "units"],
];

/** Every number claimed in `text`, with what it claims to be. */
function claims(text: string): { kind: keyof ReturnType<typeof figures>; stated: number }[] {
  return CLAIMS.flatMap(([re, kind]) => [...text.matchAll(re)].map((m) => ({ kind, stated: Number(m[1]!.replaceAll(",", "")) })));
}

function check(text: string, source: string, path: string): void {
  const actual = figures(source, path);
  const found = claims(text);
  // Not vacuous: the text states the figures it is about.
  const kinds = new Set(found.map((c) => c.kind));
  expect(kinds.has("standalone") && kinds.has("chains")).toBe(true);
  for (const c of found) expect({ [c.kind]: c.stated }).toEqual({ [c.kind]: actual[c.kind] });
}

describe("numbers in the docs match the plans", () => {
  test("examples/quickstart.synth: its comments state the plan's entries, chains and units", () => {
    const text = readFileSync(join(ROOT, "examples", "quickstart.synth"), "utf8");
    check(text, text, "examples/quickstart.synth");
    expect(claims(text).some((c) => c.kind === "units")).toBe(true);
  });

  test("docs/language.md: the first example's comments state its plan's figures", () => {
    const md = readFileSync(join(ROOT, "docs", "language.md"), "utf8");
    const example = /```synth\n([\s\S]*?)```/.exec(md)![1]!;
    check(example, example, "first-example.synth");
  });

  test("docs/language.md's label table names every process chain", () => {
    const md = readFileSync(join(ROOT, "docs", "language.md"), "utf8");
    const row = /^\| `process` \| required; (.*?) \|/m.exec(md)![1]!;
    for (const id of Object.keys(ProcessesBlock.shape)) expect(row).toContain("`" + id + "`");
  });

  test("the claims are read: a wrong number fails", () => {
    const text = readFileSync(join(ROOT, "examples", "quickstart.synth"), "utf8");
    expect(() => check(text.replace("1,250 standalone", "1,300 standalone"), text, "examples/quickstart.synth")).toThrow();
  });
});
