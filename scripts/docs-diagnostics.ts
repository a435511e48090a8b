// The diagnostics table of docs/language.md: one example per catalog code, compiled here so
// the "message it gives" column is the compiler's real output (used by scripts/gen-docs.ts).
import { compile } from "../compiler/compile.ts";
import { CATALOG, type Diagnostic, type DiagnosticCode } from "../core/diagnostics.ts";

const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");
const code = (s: string) => (s ? "`" + s + "`" : "");

interface DiagExample {
  /** The root file (examples/demo.synth) and any files it imports, by project-relative path. */
  source?: string;
  files?: Record<string, string>;
  /** For codes the compiler does not raise (CLI-level or reserved): what to write instead. */
  note?: string;
  /** What the Example column shows when the source is too long to (a generated one). */
  shown?: string;
}

const S = 'scenario "Demo" { }\n';
const MiB = 1 << 20;

const DIAG_EXAMPLES: Record<DiagnosticCode, DiagExample> = {
  SYN1001: { source: `${S}company C01 { name = "Acme" @ }` },
  SYN1002: { source: `scenario "Demo { }` },
  SYN1003: { source: `${S}company C01 { name = "Acme" } }` },
  SYN1004: { source: `${S}company C01 { name = "Acme"` },
  SYN1005: { source: `scenario "Demo" { seed = 1__000 }` },
  SYN1006: { source: `${S}# ${"x".repeat(MiB)}\n`, shown: "a source file over 1 MiB" },
  SYN1007: { source: `${S}x = ${"[".repeat(33)}${"]".repeat(33)}`, shown: "33 lists nested in one another: `x = [[[ ... ]]]`" },
  SYN1008: { source: `${S}${"@ ".repeat(101)}`, shown: "more than 100 syntax errors, for example 101 stray `@`" },
  SYN2001: { source: `${S}companie C01 { }` },
  SYN2002: { source: `scenario "Demo" { mnths = 12 }` },
  SYN2003: { source: `${S}phase transaction { }` },
  SYN2004: { source: `${S}phase transactions { volume = BASE_VOLUME per year }` },
  SYN2005: { source: `scenario "Demo" { months = 12  months = 6 }` },
  SYN2006: { source: `scenario "Demo" { industry = retial }` },
  SYN2007: { source: `import "shared/missing.synth"\n${S}` },
  SYN2008: {
    source: `import "a.synth"\n${S}`,
    files: { "examples/a.synth": 'import "b.synth"\n', "examples/b.synth": 'import "a.synth"\n' },
  },
  SYN2009: { source: `import "../../outside.synth"\n${S}` },
  SYN2010: { source: `const auto = 4\n${S}runtime { workers = auto }` },
  SYN2011: { source: `${S}process procure_to_cash { }` },
  SYN2012: { source: `const VOLUME = 10k\n${S}` },
  SYN3001: { source: `scenario "Demo" { months = 12d }` },
  SYN3002: { source: `scenario "Demo" { months = 240 }` },
  SYN3003: { source: `${S}company C01 { name = Acme }` },
  SYN3004: { source: `${S}chart_of_accounts { account 1950 { name = "Petty cash" } }` },
  SYN3005: { source: `${S}phase opening_balances { after = [period_close] }` },
  SYN3006: { source: `${S}phase transactions { enabled = false }` },
  SYN3007: { source: `${S}company C01 { share = 70% }\ncompany C02 { share = 40% }` },
  SYN3008: { source: `scenario "Demo" { start = 2025-02-30 }` },
  SYN3009: { source: `${S}company { name = "Acme" }` },
  SYN3010: { source: `${S}fx main { volatility = 0.5% }` },
  SYN3011: { source: `${S}phase transactions { sources { manual = 30% automated = 60% recurring = 20% } }` },
  SYN3012: { source: `scenario "Demo" { group_currency = EUX }` },
  SYN3013: { source: `${S}process procure_to_pay { lags { invoice_to_payment = 60d..30d } }` },
  SYN3014: { source: `${S}phase audit { samples = 60 }` },
  SYN3015: { source: `company C01 { name = "Acme" }` },
  SYN3016: { source: `${S}chart_of_accounts { account 4100 { name = "Rent" type = expense } }` },
  SYN3017: { source: `${S}phase graphs { after = [audit] }` },
  SYN3018: { source: `${S}phase period_close { enabled = false }\noutput { tables = [journal_entries, trial_balance] }` },
  SYN3019: { source: `${S}business { gross_margin = 20% }` },
  SYN3020: { source: `${S}business { revenue = 1M }` },
  SYN4001: { note: "`synth compile --check plan.json` or `synth run plan.json` on a file that is not a valid plan (hand-edited, truncated, another format version)" },
  SYN4002: { note: "`synth compile --check plan.json` after a source changed: the committed plan is stale; recompile and commit it" },
  SYN4003: { note: "reserved for a source or plan file that exists but cannot be read" },
  SYN5001: { note: "`synth import datasynth`: a key of the datasynth config synth cannot express, positioned in the YAML, with the reason (see [import.md](import.md))" },
  SYN5002: { note: "`synth import datasynth`: a key that is not part of the datasynth format (datasynth ignores it silently; the import says so, with a did-you-mean)" },
  SYN5003: { note: "`synth import datasynth`: a key imported as the nearest synth setting (say, fraud type weights kept as a list of types)" },
  SYN5004: { note: "`synth import datasynth`: a value of the wrong type or out of range (`fraud_rate: high`); the import writes nothing and exits 1" },
  SYN5005: { note: "`synth import datasynth`: the file is not YAML, or not a map of sections; exits 1" },
  SYN5006: { note: "`synth import datasynth`: a section with `enabled: false`: its other keys are not read" },
};

function runExample(c: DiagnosticCode, ex: DiagExample): Diagnostic {
  const path = "examples/demo.synth";
  const files = ex.files ?? {};
  const result = compile(ex.source!, { path, host: { readFile: (p) => files[p] } });
  const hit = result.diagnostics.find((d) => d.code === c);
  if (!hit) {
    const got = result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ") || "nothing";
    throw new Error(`docs: the example for ${c} does not raise it (got: ${got})`);
  }
  return hit;
}

export function diagnosticsRegion(): string {
  const rows = (Object.keys(CATALOG) as DiagnosticCode[]).map((c) => {
    const { severity, title } = CATALOG[c];
    const ex = DIAG_EXAMPLES[c];
    if (!ex.source) return `| ${c} | ${severity} | ${title} | ${cell(ex.note!)} | |`;
    const d = runExample(c, ex);
    if (ex.shown) return `| ${c} | ${severity} | ${title} | ${cell(ex.shown)} | ${cell(d.message)} |`;
    const src = ex.source.trim().split("\n").filter((l) => l !== S.trim()).map((l) => code(cell(l)));
    const others = Object.entries(ex.files ?? {}).map(([f, t]) => `${f.replace(/^examples\//, "")}: ${code(cell(t.trim()))}`);
    return `| ${c} | ${severity} | ${title} | ${[...src, ...others].join("<br>")} | ${cell(d.message)} |`;
  });
  return `| Code | Severity | Meaning | Example | Message it gives |\n|---|---|---|---|---|\n${rows.join("\n")}`;
}
