// The .synth formatter: canonical layout, literals as written, comments kept, syntax errors refused.
import { describe, expect, test } from "bun:test";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { formatSynth } from "../../compiler/format.ts";
import { compile } from "../../compiler/compile.ts";
import { folderHost, goldenCases } from "../helpers/golden.ts";
import { meaningHash } from "../helpers/plans.ts";

const fmt = (text: string) => {
  const r = formatSynth(text);
  expect(r.diagnostics).toEqual([]);
  return r.text;
};

const lines = (...l: string[]) => l.join("\n") + "\n";

describe("layout", () => {
  test("trailing comments of a run of settings line up; a blank line or comment line ends the run", () => {
    const input = "runtime {\n  workers = 2 // two\n  memory_soft = 256MiB // soft\n\n  batch_size = auto\n}\n";
    expect(fmt(input)).toBe(lines("runtime {", "  workers     = 2       // two", "  memory_soft = 256MiB  // soft", "", "  batch_size = auto", "}"));
  });

  test("one setting per line, 2-space indent, `key = value` aligned in runs, blank line between top-level blocks", () => {
    const input = 'scenario "Acme"{name="x";months=12\n  seed=  1_000}\ncompany C01{share=40%,\ncountry=DE} phase transactions { amounts {\n sigma = 1.5 } }';
    expect(fmt(input)).toBe(
      lines(
        'scenario "Acme" {',
        '  name   = "x"',
        "  months = 12",
        "  seed   = 1_000",
        "}",
        "",
        "company C01 {",
        "  share   = 40%",
        "  country = DE",
        "}",
        "",
        "phase transactions {",
        "  amounts {",
        "    sigma = 1.5",
        "  }",
        "}",
      ),
    );
  });

  test("a short block written on one line stays on one line, settings two spaces apart; a long one, or one with a comment inside, is opened up", () => {
    expect(fmt("company C01{share=40%,country=DE}\nphase transactions { volume = 5k per year  amounts { sigma = 1.5 } }")).toBe(
      lines("company C01 { share = 40%  country = DE }", "", "phase transactions { volume = 5k per year  amounts { sigma = 1.5 } }"),
    );
    const long = `company C01 { name = "${"x".repeat(100)}"  country = DE }`;
    expect(fmt(long)).toBe(lines("company C01 {", `  name    = "${"x".repeat(100)}"`, "  country = DE", "}"));
    expect(fmt("company C01 { share = 40% /* why */ country = DE }")).toBe(lines("company C01 {", "  share   = 40%  /* why */", "  country = DE", "}"));
    // A block written over several lines is never folded.
    expect(fmt("company C01 {\n  share = 40%\n}")).toBe(lines("company C01 {", "  share = 40%", "}"));
  });

  test("a list too long for one line wraps, its items under the first; a short one is joined", () => {
    const items = Array.from({ length: 12 }, (_, i) => `anomaly_type_${i}`);
    const out = fmt(`phase anomalies {\n  rate = 1%\n  types = [${items.join(", ")}] // why\n}`);
    expect(out).toBe(
      lines(
        "phase anomalies {",
        "  rate  = 1%",
        "  types = [anomaly_type_0, anomaly_type_1, anomaly_type_2, anomaly_type_3, anomaly_type_4,",
        "           anomaly_type_5, anomaly_type_6, anomaly_type_7, anomaly_type_8, anomaly_type_9,",
        "           anomaly_type_10, anomaly_type_11]  // why",
        "}",
      ),
    );
    expect(fmt(out)).toBe(out);
    expect(fmt("output {\n  formats = [csv,\n    ndjson]\n}")).toBe(lines("output {", "  formats = [csv, ndjson]", "}"));
  });

  test("consecutive one-line blocks of one kind line up as a table and stay together; trailing comments line up", () => {
    const input = 'company DE10 { name = "Demo Werke AG" country = DE  currency = EUR share = 70% } // parent\ncompany CH2 { name = "Demo Instruments SA" country = CH currency = CHF }\nfx { CHF = 1.04 }';
    expect(fmt(input)).toBe(
      lines(
        'company DE10 { name = "Demo Werke AG"        country = DE  currency = EUR  share = 70% }  // parent',
        'company CH2  { name = "Demo Instruments SA"  country = CH  currency = CHF }',
        "",
        "fx { CHF = 1.04 }",
      ),
    );
  });

  test("imports first, then consts, then blocks, each group in its original order", () => {
    const input = 'scenario { months = M }\nconst M = 2\nimport "b.synth"\nconst N = 3\nimport "a.synth"\n';
    expect(fmt(input)).toBe(lines('import "b.synth"', 'import "a.synth"', "", "const M = 2", "const N = 3", "", "scenario { months = M }"));
  });

  test("literals are printed exactly as written; only spacing around them changes", () => {
    const input =
      'x { a = 10k; b = 1_000.00   USD; c = - 1.5; d = 0.07%; e = 5d .. 15d; f = 100k  per  year; g = [ csv ,ndjson ]; h = 2024-02-01; i = "a \\"q\\"\\t"; j = 1GiB; k = 100USD; l = [] }';
    expect(fmt(input)).toBe(
      lines(
        "x {",
        "  a = 10k",
        "  b = 1_000.00 USD",
        "  c = -1.5",
        "  d = 0.07%",
        "  e = 5d..15d",
        "  f = 100k per year",
        "  g = [csv, ndjson]",
        "  h = 2024-02-01",
        '  i = "a \\"q\\"\\t"',
        "  j = 1GiB",
        "  k = 100USD",
        "  l = []",
        "}",
      ),
    );
  });

  test("three-letter constant names; a list's trailing comma is dropped", () => {
    expect(fmt("const VOL = [csv,\n  ndjson,\n]\noutput{formats=VOL}")).toBe(lines("const VOL = [csv, ndjson]", "", "output { formats = VOL }"));
  });

  test("empty blocks stay on one line; empty text formats to empty text", () => {
    expect(fmt("runtime {   }\nfx{}")).toBe(lines("runtime {}", "", "fx {}"));
    expect(fmt("")).toBe("");
    expect(fmt(" \n\t\n")).toBe("");
  });

  test("blank lines inside blocks are kept (one at most), never at a block's edges", () => {
    const input = "phase transactions {\n\n  users = 3\n\n\n\n  block_size = 64\n\n}\n";
    const expected = lines("phase transactions {", "  users = 3", "", "  block_size = 64", "}");
    expect(fmt(input)).toBe(expected);
    // \r\n and a lone \r are read as line breaks; output always uses \n.
    expect(fmt(input.replaceAll("\n", "\r\n"))).toBe(expected);
    expect(fmt(input.replaceAll("\n", "\r"))).toBe(expected);
  });
});

describe("comments", () => {
  const input = [
    "# header, set apart by a blank line",
    "",
    'scenario "Acme" { # after the brace',
    "  months = 12 // trailing",
    "  /* before seed */ seed = 7",
    "  # dangling at the end of the block",
    "}",
    "const K = [1, # inside a list",
    "  2]",
    "output { formats = [csv]; } ; # after a separator",
    "/* two",
    "   lines */",
    "# end of file",
  ].join("\n");

  test("every comment is kept, next to the code it belongs to", () => {
    expect(fmt(input)).toBe(
      lines(
        "# header, set apart by a blank line",
        "",
        "# inside a list",
        "const K = [1, 2]",
        "",
        'scenario "Acme" { # after the brace',
        "  months = 12 // trailing",
        "  /* before seed */",
        "  seed = 7",
        "  # dangling at the end of the block",
        "}",
        "",
        "output { formats = [csv] }  # after a separator",
        "/* two",
        "   lines */",
        "# end of file",
      ),
    );
  });

  test("comment markers inside strings are not comments", () => {
    const text = 'scenario { name = "a # b // c /* d */" }';
    expect(fmt(text)).toBe(lines('scenario { name = "a # b // c /* d */" }'));
  });

  test("formatting twice changes nothing", () => {
    const once = fmt(input);
    expect(fmt(once)).toBe(once);
  });
});

describe("syntax errors", () => {
  test("text with syntax errors is returned unchanged, with the errors", () => {
    const text = "scenario { months = 12\nphase { @ }\n";
    const r = formatSynth(text, { path: "broken.synth" });
    expect(r.text).toBe(text);
    expect(r.diagnostics.map((d) => `${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.code}`)).toEqual([
      "broken.synth:2:9 SYN1001",
      "broken.synth:3:1 SYN1004",
    ]);
  });

  test("the syntax errors the AST builder reports are refused too: a missing '=', a malformed number", () => {
    const text = "scenario { months 12; seed = 1__0 }\n/* open";
    const r = formatSynth(text);
    expect(r.text).toBe(text);
    expect(r.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`)).toEqual([
      "1:19 SYN1004 expected '=' after months",
      "1:30 SYN1005 malformed number 1__0",
      "2:1 SYN1002 unterminated comment",
    ]);
  });

  test("semantic errors do not stop formatting", () => {
    expect(formatSynth("scenery{nmae=1}").diagnostics).toEqual([]);
  });
});

describe("golden inputs", () => {
  const root = join(import.meta.dir, "..", "golden");
  const synthFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? synthFiles(full) : name.endsWith(".synth") ? [full] : [];
    });

  test("every golden .synth formats idempotently", () => {
    const files = synthFiles(root);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const r = formatSynth(readFileSync(file, "utf8"), { path: relative(root, file) });
      if (r.diagnostics.length > 0) continue; // syntax-error cases are refused, checked above
      expect(formatSynth(r.text).text, relative(root, file)).toBe(r.text);
    }
  });

  test("a formatted golden input compiles to the same plan content and the same diagnostics", () => {
    for (const name of goldenCases(root)) {
      const dir = join(root, name);
      const text = readFileSync(join(dir, "input.synth"), "utf8");
      const formatted = formatSynth(text);
      if (formatted.diagnostics.length > 0) continue;
      const before = compile(text, { path: "input.synth", host: folderHost(dir) });
      const after = compile(formatted.text, { path: "input.synth", host: folderHost(dir) });
      const codes = (r: typeof before) => r.diagnostics.map((d) => `${d.severity} ${d.code}`).sort();
      expect(codes(after), name).toEqual(codes(before));
      expect(after.plan && meaningHash(after.plan), name).toBe(before.plan && meaningHash(before.plan));
    }
  });
});
