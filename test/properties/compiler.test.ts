// Compiler properties: determinism, formatter idempotence and meaning preservation, literal
// round trips, and robustness on mutated or random input.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { compile, type CompileResult } from "../../compiler/compile.ts";
import { canonicalJson } from "../../core/canonical.ts";
import { formatSynth } from "../../compiler/format.ts";
import { parseText } from "../../grammar/parse.ts";
import { buildAst } from "../../compiler/ast-builder.ts";
import type { QuantityExpr } from "../../compiler/ast.ts";
import { DiagnosticBag } from "../../core/diagnostics.ts";
import * as U from "../../specs/units.ts";
import { formatIso, parseIso, daysFromCivil } from "../../core/calendar.ts";
import { CURRENCIES } from "../../specs/currencies.ts";
import { Plan } from "../../specs/plan.ts";
import { memoryHost, mutatedScenarioArb, scenarioTextArb } from "../helpers/arbitraries.ts";
import { allSpanProblems } from "../helpers/spans.ts";
import { meaningHash } from "../helpers/plans.ts";
import { diagnosticsText } from "../helpers/golden.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const PATH = "gen.synth";
/** FC_FACTOR=50 bun test test/properties runs every property 50 times longer (deep fuzzing). */
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FC_FACTOR ?? 1)));
const build = (text: string): CompileResult => compile(text, { path: PATH, host: memoryHost });

/** Plan (when any) and diagnostics as one comparable string. */
function snapshot(r: CompileResult): string {
  return (r.plan ? canonicalJson(r.plan) : "no plan\n") + diagnosticsText(r.diagnostics);
}

describe("determinism", () => {
  test("compiling the same scenario twice gives byte-identical output", () => {
    fc.assert(
      fc.property(scenarioTextArb, scenarioTextArb, (text, other) => {
        const first = build(text);
        build(other); // anything shared between compilations (the one parser) must not leak
        const second = build(text);
        expect(snapshot(second)).toBe(snapshot(first));
        if (first.plan) expect(Plan.safeParse(first.plan).success).toBe(true);
      }),
      { numRuns: runs(150) },
    );
  });
});

describe("formatter", () => {
  const anyText = fc.oneof({ weight: 3, arbitrary: scenarioTextArb }, { weight: 1, arbitrary: mutatedScenarioArb });

  test("formatting is idempotent and keeps every comment", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = formatSynth(text, { path: PATH });
        if (once.diagnostics.length > 0) {
          expect(once.text).toBe(text);
          return;
        }
        expect(formatSynth(once.text, { path: PATH })).toEqual({ text: once.text, diagnostics: [] });
        expect(commentCount(once.text)).toBe(commentCount(text));
      }),
      { numRuns: runs(250) },
    );
  });

  test("a formatted scenario means the same: same plan content, same diagnostics", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const formatted = formatSynth(text, { path: PATH });
        if (formatted.diagnostics.length > 0) return;
        const before = build(text);
        const after = build(formatted.text);
        expect(codes(after)).toEqual(codes(before));
        expect(after.plan === undefined).toBe(before.plan === undefined);
        // planHash also covers the source bytes (a reformatted file makes a plan stale), so
        // what must survive formatting is the plan minus source hashes and positions.
        if (before.plan && after.plan) expect(meaningHash(after.plan)).toBe(meaningHash(before.plan));
        if (formatted.text === text && before.plan) expect(after.plan!.planHash).toBe(before.plan.planHash);
      }),
      { numRuns: runs(200) },
    );
  });

  test("refused input: the formatter reports exactly the compiler's syntax errors", () => {
    fc.assert(
      fc.property(mutatedScenarioArb, (text) => {
        const formatted = formatSynth(text, { path: PATH });
        const syntax = build(text).diagnostics.filter((d) => d.code.startsWith("SYN1") && d.span.file === PATH);
        expect(diagnosticsText(formatted.diagnostics)).toBe(diagnosticsText(syntax));
      }),
      { numRuns: runs(150) },
    );
  });
});

function codes(r: CompileResult): string[] {
  return r.diagnostics.map((d) => `${d.severity} ${d.code}`).sort();
}

/** Comments as the lexer sees them (outside strings), by a tiny scanner. */
function commentCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== "\n" && text[i] !== "\r"; i++) if (text[i] === "\\") i++;
    } else if (ch === "#" || text.startsWith("//", i)) {
      n++;
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) continue; // not a comment: the lexer reports the stray characters
      n++;
      i = end + 1;
    }
  }
  return n;
}

// --- literal round trips: format a value, lex + parse the text back through the grammar ---

function quantity(literal: string): QuantityExpr {
  const diags = new DiagnosticBag();
  const ast = buildAst(parseText(`x = ${literal}`, "lit.synth", diags).cst, "lit.synth");
  const value = ast.entries[0]?.kind === "attribute" ? ast.entries[0].value : undefined;
  if (diags.items.length > 0 || value?.kind !== "quantity") throw new Error(`${literal} is not one quantity literal`);
  return value;
}

function parsed<T>(r: U.UnitResult<T>, literal: string): T {
  if (!r.ok) throw new Error(`${literal}: ${r.message}`);
  return r.value;
}

describe("unit round trips", () => {
  const safeNat = fc.oneof(fc.nat(5000), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(1000, 1500, 10_000, 2_500_000, 1e9, 12e9));

  test("counts", () => {
    fc.assert(
      fc.property(safeNat, (n) => {
        const text = U.formatCount(n);
        expect(parsed(U.parseCount(quantity(text)), text)).toBe(n);
      }),
      { numRuns: runs(300) },
    );
  });

  test("percentages", () => {
    const fraction = fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 10_000));
    fc.assert(
      fc.property(fraction, (x) => {
        const text = U.formatPercent(x);
        expect(parsed(U.parsePercent(quantity(text)), text)).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: runs(300) },
    );
  });

  test("sizes in bytes", () => {
    const bytes = fc.oneof(fc.nat(1 << 20), fc.integer({ min: 1, max: 4096 }).map((k) => k * 2 ** 20), fc.integer({ min: 0, max: 2 ** 52 }));
    fc.assert(
      fc.property(bytes, (n) => {
        const text = U.formatBytes(n);
        expect(parsed(U.parseBytes(quantity(text)), text)).toBe(n);
      }),
      { numRuns: runs(300) },
    );
  });

  test("durations", () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(3000), fc.nat(100).map((n) => n * 365)), (days) => {
        const text = U.formatDuration(days);
        expect(parsed(U.parseDuration(quantity(text)), text)).toBe(days);
      }),
      { numRuns: runs(300) },
    );
  });

  test("money, in every currency and in the company's", () => {
    const currency = fc.option(fc.constantFrom(...Object.keys(CURRENCIES)), { nil: undefined });
    const minor = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: -1e15, max: 1e15 }));
    fc.assert(
      fc.property(minor, currency, (m, cur) => {
        const text = U.formatMoney(m, cur);
        const back = parsed(U.parseMoney(quantity(text)), text);
        expect(back).toEqual(cur ? { minor: m, currency: cur } : { minor: m });
      }),
      { numRuns: runs(300) },
    );
  });

  test("dates: calendar and literal checks agree", () => {
    const first = daysFromCivil(1000, 1, 1);
    const last = daysFromCivil(9999, 12, 31);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const text = formatIso(day);
        expect(U.isValidDate(text)).toBe(true);
        expect(parseIso(text)).toBe(day);
      }),
      { numRuns: runs(300) },
    );
    // Any YYYY-MM-DD is valid exactly when the calendar gives it back unchanged.
    const ymd = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
    fc.assert(
      fc.property(ymd, ([y, m, d]) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const roundTrips = m >= 1 && m <= 12 && d >= 1 && formatIso(parseIso(text)) === text;
        expect(U.isValidDate(text)).toBe(roundTrips);
      }),
      { numRuns: runs(500) },
    );
  });
});

// --- robustness ---

describe("robustness", () => {
  const check = (text: string) => {
    const r = build(text);
    expect(allSpanProblems(r.diagnostics, r.sources)).toEqual([]);
    if (r.plan) expect(Plan.safeParse(r.plan).success).toBe(true);
    formatSynth(text, { path: PATH });
  };

  test("mutated scenarios never crash the compiler and every span is valid", () => {
    fc.assert(fc.property(mutatedScenarioArb, check), { numRuns: runs(400) });
  });

  test("line endings do not matter: \\r\\n and \\r give the same diagnostics at the same lines", () => {
    const at = (r: CompileResult) => r.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`);
    fc.assert(
      fc.property(fc.oneof(scenarioTextArb, mutatedScenarioArb), fc.constantFrom("\r\n", "\r"), (text, eol) => {
        const unix = text.replace(/\r\n?/g, "\n");
        const other = unix.replaceAll("\n", eol);
        const r = build(other);
        expect(allSpanProblems(r.diagnostics, r.sources)).toEqual([]);
        expect(at(r)).toEqual(at(build(unix)));
      }),
      { numRuns: runs(200) },
    );
  });

  test("random unicode never crashes the compiler", () => {
    const noise = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }));
    fc.assert(fc.property(noise, check), { numRuns: runs(300) });
  });

  test("any input ends in diagnostics: huge random input, deep nesting, endless errors each get their own code", () => {
    // A deterministic soup (no fast-check: one big input, not many small ones).
    const words = ["scenario", "phase", "{", "}", "[", "]", "=", ",", "..", "-", "per", "year", "const", '"x"', "USD", "10k", "5%", "@", "\n", "#c\n", "/*x*/", "A"];
    let seed = 7;
    const soup = (bytes: number) => {
      const parts: string[] = [];
      for (let n = 0; n < bytes; ) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const w = words[seed % words.length]!;
        parts.push(w);
        n += w.length + 1;
      }
      return parts.join(" ");
    };
    const codes = (text: string) => {
      const r = build(text);
      expect(allSpanProblems(r.diagnostics, r.sources)).toEqual([]);
      expect(formatSynth(text, { path: PATH }).diagnostics.length).toBeGreaterThan(0);
      return new Set(r.diagnostics.map((d) => d.code));
    };
    const flat = (bytes: number) => soup(bytes).replace(/[[\]{}]/g, " ");
    expect(codes(flat(1_000_000))).toContain("SYN1008");
    expect(codes(soup(1_000_000))).toContain("SYN1007");
    expect([...codes(soup(2_000_000))]).toEqual(["SYN1006"]);
    for (const [open, close] of [["[", "]"], ["a {", "}"]] as const) {
      expect(codes(`x = ${open.repeat(4000)}${close.repeat(4000)}`)).toContain("SYN1007");
    }
    expect(codes("@".repeat(100_000)).has("SYN1001")).toBe(true);
    expect(codes("@ ".repeat(500)).has("SYN1008")).toBe(true);
  });

  test("random token soup never crashes the compiler", () => {
    const word = fc.constantFrom("scenario", "phase", "transactions", "company", "{", "}", "[", "]", "=", ",", ";", "..", "-", "per", "year", "const", "import", '"x"', "USD", "10k", "5%", "2024-01-01", "auto", "\n", "#c\n", "/*", "*/", "A");
    fc.assert(fc.property(fc.array(word, { maxLength: 60 }).map((ws) => ws.join(" ")), check), { numRuns: runs(300) });
  });
});
