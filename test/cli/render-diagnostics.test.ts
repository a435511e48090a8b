import { describe, expect, test } from "bun:test";
import type { Diagnostic, DiagnosticCode, Severity } from "../../core/diagnostics.ts";
import { countSummary, renderDiagnostics } from "../../cli/render-diagnostics.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const FILE = "examples/acme.synth";

/** A diagnostic over `text`, positions given as 1-based line / column like the compiler's. */
function diag(
  text: string,
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  [line, column]: [number, number],
  [endLine, endColumn]: [number, number],
  hint?: string,
): Diagnostic {
  const pos = (l: number, c: number) => ({ line: l, column: c, offset: offsetOf(text, l, c) });
  const d: Diagnostic = { code, severity, message, span: { file: FILE, start: pos(line, column), end: pos(endLine, endColumn) } };
  if (hint !== undefined) d.hint = hint;
  return d;
}

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split("\n").slice(0, line - 1);
  return lines.reduce((n, l) => n + l.length + 1, 0) + column - 1;
}

const render = (diags: Diagnostic[], text: string) => renderDiagnostics(diags, new Map([[FILE, text]]), { color: false });

const ACME = [
  'scenario "Acme" {',
  "  seed = 7",
  "  industry = retial",
  "}",
  "phase manufactring {",
  "  volume = 5k per year",
  "}",
  "",
].join("\n");

describe("renderDiagnostics", () => {
  test("one error with a hint after the carets and a summary", () => {
    const d = diag(ACME, "SYN2003", "error", 'unknown phase "manufactring"', [5, 7], [5, 19], "did you mean manufacturing?");
    expect(render([d], ACME)).toBe(
      [
        'error[SYN2003]: unknown phase "manufactring"',
        " --> examples/acme.synth:5:7",
        "  |",
        "5 | phase manufactring {",
        "  |       ^^^^^^^^^^^^ did you mean manufacturing?",
        "",
        "1 error emitted",
        "",
      ].join("\n"),
    );
  });

  test("gutter widens with the line number; errors and warnings are counted", () => {
    const text = "\n".repeat(11) + "phase manufactring {\n  seed = 7\n";
    const e = diag(text, "SYN2003", "error", 'unknown phase "manufactring"', [12, 7], [12, 19], "did you mean manufacturing?");
    const w = diag(text, "SYN2012", "warning", 'unused constant "x"', [13, 3], [13, 7]);
    expect(render([e, w, e], text)).toBe(
      [
        'error[SYN2003]: unknown phase "manufactring"',
        "  --> examples/acme.synth:12:7",
        "   |",
        "12 | phase manufactring {",
        "   |       ^^^^^^^^^^^^ did you mean manufacturing?",
        "",
        'warning[SYN2012]: unused constant "x"',
        "  --> examples/acme.synth:13:3",
        "   |",
        "13 |   seed = 7",
        "   |   ^^^^",
        "",
        'error[SYN2003]: unknown phase "manufactring"',
        "  --> examples/acme.synth:12:7",
        "   |",
        "12 | phase manufactring {",
        "   |       ^^^^^^^^^^^^ did you mean manufacturing?",
        "",
        "2 errors, 1 warning emitted",
        "",
      ].join("\n"),
    );
  });

  test("tabs are expanded in the line and before the carets alike", () => {
    const text = "company C01 {\n\tname =\t\"x\"\n}\n";
    const d = diag(text, "SYN3003", "error", "wrong value type", [2, 9], [2, 12], "expected a number");
    expect(render([d], text)).toBe(
      [
        "error[SYN3003]: wrong value type",
        " --> examples/acme.synth:2:9",
        "  |",
        '2 |     name =    "x"',
        "  |               ^^^ expected a number",
        "",
        "1 error emitted",
        "",
      ].join("\n"),
    );
  });

  test("a multi-line span is underlined to the end of its first line", () => {
    const d = diag(ACME, "SYN3004", "error", "missing required setting months", [1, 10], [4, 2]);
    expect(render([d], ACME)).toContain(['1 | scenario "Acme" {', "  |          ^^^^^^^^"].join("\n"));
  });

  test("a zero-width span at the end of the file gets one caret", () => {
    const text = "phase transactions {\n";
    const d = diag(text, "SYN1004", "error", "expected '}' but found end of file", [2, 1], [2, 1], "a block opened with '{' is not closed");
    expect(render([d], text)).toBe(
      [
        "error[SYN1004]: expected '}' but found end of file",
        " --> examples/acme.synth:2:1",
        "  |",
        "2 |",
        "  | ^ a block opened with '{' is not closed",
        "",
        "1 error emitted",
        "",
      ].join("\n"),
    );
  });

  test("without the source text, the hint goes on a `= hint:` line", () => {
    const d = diag(ACME, "SYN2007", "error", 'import "x.synth" not found', [3, 1], [3, 5], "check the path");
    const out = renderDiagnostics([d], new Map(), { color: false, summary: false, displayPath: (f) => `./${f}` });
    expect(out).toBe(['error[SYN2007]: import "x.synth" not found', " --> ./examples/acme.synth:3:1", "  = hint: check the path", ""].join("\n"));
  });

  test("CRLF line endings do not leak into the output", () => {
    const text = "seed = x\r\n";
    const d = diag(text, "SYN3003", "error", "wrong value type", [1, 8], [1, 9]);
    expect(render([d], text)).toContain("1 | seed = x\n  |        ^\n");
  });

  test("color on wraps the parts in ANSI codes, color off has none", () => {
    const d = diag(ACME, "SYN2006", "error", 'unknown value "retial"', [3, 14], [3, 20], "did you mean retail?");
    const colored = renderDiagnostics([d], new Map([[FILE, ACME]]), { color: true });
    expect(colored).toContain("\x1b[31m");
    expect(colored.replace(/\x1b\[\d+m/g, "")).toBe(render([d], ACME));
    expect(render([d], ACME)).not.toContain("\x1b[");
  });

  test("a very long line is cut around the span, marked with …, the carets still under it", () => {
    const text = `x = ${"a".repeat(5000)} @ ${"b".repeat(5000)}\n`;
    const column = text.indexOf("@") + 1;
    const out = render([diag(text, "SYN1001", "error", 'unexpected character "@"', [1, column], [1, column + 1])], text);
    const [, , , source, carets] = out.split("\n");
    expect(source!.length).toBeLessThan(200);
    expect(source).toStartWith("1 | …a");
    expect(source).toEndWith("b…");
    expect(source![carets!.indexOf("^")]).toBe("@");
  });

  test("no diagnostics, no output; info is not counted", () => {
    expect(render([], ACME)).toBe("");
    expect(countSummary([diag(ACME, "SYN3014", "info", "later", [1, 1], [1, 2])])).toBe("");
  });
});
