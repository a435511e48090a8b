// Golden folders: test/golden/<case>/input.synth (+ imported files) -> expected.plan.json
// (canonical plan, when one is produced) and expected.diagnostics.txt (when there are any).
//
// Refresh after an intended change, then review the diff:
//   bun test test/compiler --update-snapshots      (Linux: the flag is read from /proc/self/cmdline)
//   UPDATE_GOLDEN=1 bun test test/compiler         (anywhere)
import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile, type CompileResult } from "../../compiler/compile.ts";
import { canonicalJson } from "../../core/canonical.ts";
import { CATALOG, type DiagnosticCode } from "../../core/diagnostics.ts";
import { Plan } from "../../specs/plan.ts";
import { diagnosticsText, folderHost, goldenCases, isUpdateMode } from "../helpers/golden.ts";
import { allSpanProblems } from "../helpers/spans.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const GOLDEN = join(import.meta.dir, "..", "golden");
const PLAN_FILE = "expected.plan.json";
const DIAG_FILE = "expected.diagnostics.txt";
const UPDATE = isUpdateMode();
const HOW = "run `bun test test/compiler --update-snapshots` (or UPDATE_GOLDEN=1 bun test test/compiler) and review it";

/**
 * Catalog codes the compiler has no code path for yet (the lead decides: wire or remove).
 * SYN4xxx belong to plan loading in the CLI / runtime, not to compile(), and are not listed.
 */
const NOT_EMITTED: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([]);

function compileCase(name: string): CompileResult {
  const dir = join(GOLDEN, name);
  return compile(readFileSync(join(dir, "input.synth"), "utf8"), { path: "input.synth", host: folderHost(dir) });
}

/** Compares (or, in update mode, rewrites) one expected file; `actual` undefined = must not exist. */
function golden(dir: string, file: string, actual: string | undefined): void {
  const path = join(dir, file);
  if (UPDATE) {
    if (actual === undefined) rmSync(path, { force: true });
    else writeFileSync(path, actual);
    return;
  }
  const exists = existsSync(path);
  if (actual === undefined) {
    if (exists) throw new Error(`${path} exists but the compiler produced nothing for it; ${HOW}`);
    return;
  }
  if (!exists) throw new Error(`missing ${path}: to create it, ${HOW}`);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

const cases = goldenCases(GOLDEN);

describe("golden", () => {
  test("there are golden cases", () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  for (const name of cases) {
    test(name, () => {
      const dir = join(GOLDEN, name);
      const r = compileCase(name);
      expect(allSpanProblems(r.diagnostics, r.sources)).toEqual([]);
      if (r.plan) expect(Plan.safeParse(r.plan).success).toBe(true);
      golden(dir, PLAN_FILE, r.plan ? canonicalJson(r.plan) : undefined);
      golden(dir, DIAG_FILE, r.diagnostics.length ? diagnosticsText(r.diagnostics) : undefined);
    });
  }
});

describe("golden case conventions", () => {
  const results = new Map(cases.map((name) => [name, compileCase(name)]));

  test("ok-* cases produce a plan with no warnings or errors", () => {
    for (const [name, r] of results) {
      if (!name.startsWith("ok-")) continue;
      const bad = r.diagnostics.filter((d) => d.severity !== "info").map((d) => `${name}: ${d.code} ${d.message}`);
      expect(bad).toEqual([]);
      expect(r.plan, name).toBeDefined();
    }
  });

  test("synNNNN-* cases report their code", () => {
    for (const [name, r] of results) {
      const m = /^(syn\d{4})-/.exec(name);
      if (!m) continue;
      expect(r.diagnostics.map((d) => d.code.toLowerCase()), name).toContain(m[1]!);
      // Only warnings and infos leave a plan.
      expect(r.plan === undefined, name).toBe(CATALOG[m[1]!.toUpperCase() as DiagnosticCode].severity === "error");
    }
  });

  test("every compiler code in the catalog has a golden case", () => {
    const seen = new Set([...results.values()].flatMap((r) => r.diagnostics.map((d) => d.code)));
    // SYN4xxx are the plan file's, SYN5xxx synth import's (test/cli/import.test.ts): not the compiler's
    const compilerCodes = (Object.keys(CATALOG) as DiagnosticCode[]).filter((c) => !c.startsWith("SYN4") && !c.startsWith("SYN5"));
    const missing = compilerCodes.filter((c) => !seen.has(c) && !NOT_EMITTED.has(c));
    expect(missing).toEqual([]);
    // When a code gets wired, add a golden case for it and drop it from NOT_EMITTED.
    expect([...NOT_EMITTED].filter((c) => seen.has(c))).toEqual([]);
    for (const code of compilerCodes) {
      if (NOT_EMITTED.has(code)) continue;
      expect(cases.some((n) => n.startsWith(code.toLowerCase() + "-")), `a case named ${code.toLowerCase()}-*`).toBe(true);
    }
  });

  test("many-errors reports every problem in one run, each at its own line", () => {
    const r = results.get("many-errors")!;
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThanOrEqual(15);
    expect(new Set(errors.map((d) => d.span.start.line)).size).toBeGreaterThanOrEqual(15);
    const stages = new Set(errors.map((d) => d.code.slice(0, 4)));
    expect([...stages].sort()).toEqual(["SYN1", "SYN2", "SYN3"]);
  });

  test("the skipped phase carries its reason in the plan", () => {
    const plan = results.get("syn3006-phase-skipped")!.plan!;
    const audit = plan.phases.find((p) => p.id === "audit")!;
    expect(audit.status).toBe("skipped");
    expect(audit.reason).toBe("needs period_close, which is disabled");
    expect(audit.layout.blocks).toBe(0);
  });

  test("a diamond import reads the shared file once and lists every source", () => {
    const dir = join(GOLDEN, "ok-imports-diamond");
    const host = folderHost(dir);
    const r = compile(readFileSync(join(dir, "input.synth"), "utf8"), { path: "input.synth", host });
    expect(host.reads.filter((p) => p === "shared/base.synth")).toHaveLength(1);
    expect(r.plan!.sources.map((s) => s.path)).toEqual([
      "input.synth",
      "parts/procurement.synth",
      "parts/sales.synth",
      "shared/base.synth",
    ]);
  });
});
