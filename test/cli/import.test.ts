// `synth import datasynth`: the reference system's sample configs import, compile and run at a
// small scale with a whole ledger; every top-level section of the format is handled; what is not
// imported is reported at its place in the YAML and documented in docs/import.md; bad input
// gives one line and its own exit code.
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { formatSynth } from "../../compiler/format.ts";
import { EXIT } from "../../cli/exit-codes.ts";
import { importDatasynth, sectionCoverage } from "../../importers/datasynth/import.ts";
import { ALIASES } from "../../importers/datasynth/reader.ts";
import { DATASYNTH_KEYS } from "../../importers/datasynth/schema-keys.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { minorOf, verifyFlows, verifyLedger } from "../../testing/verify.ts";
import { verifyEconomics } from "../../testing/economics.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import { generousTimeout } from "../setup.ts";
import { runIn, tempProject } from "./helpers.ts";

generousTimeout();

const SAMPLES = join(import.meta.dir, "../../../shared/reference/datasynth-configs");
const FIXTURES = join(import.meta.dir, "../fixtures/datasynth");
const DOC = readFileSync(join(import.meta.dir, "../../docs/import.md"), "utf8");
const samplePath = (name: string) => (existsSync(join(SAMPLES, name)) ? join(SAMPLES, name) : join(FIXTURES, name));

type Row = Record<string, unknown>;

function imported(path: string) {
  const text = readFileSync(path, "utf8");
  const file = path.split("/").pop()!;
  const r = importDatasynth(text, { file });
  return { ...r, yaml: text, file };
}

/** 1-based line of the first YAML line that starts (after indentation) with `key:` at or after line `from`. */
function lineOf(yaml: string, key: string, from = 1): number {
  const lines = yaml.split("\n");
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.trimStart().startsWith(`${key}:`)) return i + 1;
  throw new Error(`${key} not in the YAML`);
}

/** Every key the import did not map is a documented one: its path (or its section) is in docs/import.md. */
function undocumented(diags: ReturnType<typeof importDatasynth>["diagnostics"]): string[] {
  const out: string[] = [];
  for (const d of diags.filter((x) => (x.code === "SYN5001" || x.code === "SYN5002") && !x.message.includes("; imported as "))) {
    const path = d.message.split(/[\s:]/)[0]!.replace(/\[[^\]]*\]/g, "");
    if (!DOC.includes("`" + path + "`")) out.push(path);
  }
  return out;
}

function generate(synth: string, scale: number) {
  const r = compile(synth, { path: "imported.synth", scale });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return generateInMemory(r.plan!);
}

describe("the reference system's sample configs", () => {
  const cases = [
    { file: "fraud-detection-basic.yaml", scale: 0.02, companies: [["1000", "USD"]] },
    { file: "data-quality-testing.yaml", scale: 0.2, companies: [["1000", "USD"]] },
    { file: "process-mining-full.yaml", scale: 0.004, companies: [["1000", "USD"], ["2000", "EUR"], ["3000", "CNY"]] },
  ] as const;

  for (const c of cases) {
    test(`${c.file}: imports without errors, leaves unmapped only documented keys, runs with a whole ledger`, () => {
      const r = imported(samplePath(c.file));
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(r.text).toBeDefined();
      expect(undocumented(r.diagnostics)).toEqual([]);
      expect(formatSynth(r.text!, { path: "x.synth" }).text).toBe(r.text!); // as synth fmt writes it
      // Every diagnostic points at a real key of the YAML: the line it names holds the key it names.
      for (const d of r.diagnostics.filter((x) => / is not (imported|a key)/.test(x.message))) {
        const line = r.yaml.split("\n")[d.span.start.line - 1]!;
        const key = /^(?:\S+\.)?([a-z_0-9]+)(?: = \S+)? is/.exec(d.message)?.[1];
        if (key) expect(line.slice(d.span.start.column - 1)).toStartWith(key);
      }
      const ledger = generate(r.text!, c.scale);
      const t = (name: string) => (ledger.tables.get(name) ?? []) as Row[];
      expect(t("companies").map((x) => [x.company_code, x.currency])).toEqual(c.companies.map((x) => [...x]));
      expect(verifyLedger(ledger.tables, DEFAULT_MODULES.tables())).toEqual([]);
      expect(verifyFlows(ledger.tables)).toEqual([]);
      // Benford is left out: at these small scales a company has too few distinct amounts.
      expect(verifyEconomics(ledger.tables, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
      // Every entry balances, recomputed from the rows.
      const net = new Map<string, number>();
      for (const l of t("journal_entries")) net.set(String(l.document_id), (net.get(String(l.document_id)) ?? 0) + minorOf(l.debit_amount) - minorOf(l.credit_amount));
      expect(net.size).toBeGreaterThan(50);
      expect([...net.values()].filter((v) => v !== 0)).toEqual([]);
    });
  }

  test("fraud-detection-basic: the settings land where they belong, each with the YAML key it came from", () => {
    const r = imported(samplePath("fraud-detection-basic.yaml"));
    const plan = compile(r.text!, { path: "f.synth" }).plan!;
    expect(plan.scenario).toMatchObject({ seed: 42, industry: "retail", months: 12, startDate: "2024-01-01", groupCurrency: "USD" });
    expect(r.text).toContain("rate      = 5%    // fraud.fraud_rate");
    expect(r.text).toContain("volume = 100_000 per year");
    expect(r.text).toMatch(/formats\s+= \[csv, ndjson\]/);
    // clustering_factor is reported where it is, with the reason
    const d = r.diagnostics.find((x) => x.message.startsWith("fraud.clustering_factor"))!;
    expect(d).toMatchObject({ code: "SYN5001", severity: "warning" });
    expect(d.span).toMatchObject({ file: "fraud-detection-basic.yaml", start: { line: lineOf(r.yaml, "clustering_factor"), column: 3 } });
    expect(d.message).toContain("synth places anomalies uniformly");
  });

  test("process-mining-full: volumes split by weight, keys its own templates misspell read as the key they stand for", () => {
    const r = imported(samplePath("process-mining-full.yaml"));
    const plan = compile(r.text!, { path: "p.synth" }).plan!;
    // 1M x 0.5 + 100k x 0.3 + 100k x 0.2 = 550k entries a year; shares 500/550, 30/550, the rest
    expect(r.text).toContain("volume = 550_000 per year");
    const shares = plan.companies.map((c) => c.share);
    expect(shares.map((s) => Math.round((s ?? 0) * 10000) / 100)).toEqual([90.91, 5.45, 3.64]);
    expect(r.text).toMatch(/vendors\s+= 500\s+\/\/ master_data\.vendors\.count/);
    expect(r.text).toMatch(/volume\s+= 2_000 per month\s+\/\/ document_flows\.p2p\.chains_per_month/);
    const alias = r.diagnostics.find((x) => x.message.startsWith("master_data.vendors.count_per_company"))!;
    expect(alias).toMatchObject({ code: "SYN5002", severity: "warning" });
    expect(alias.message).toContain("imported as count");
    // a key datasynth ignores and synth cannot use either: reported, not imported
    const bom = r.diagnostics.find((x) => x.message.startsWith("master_data.materials.bom_enabled"))!;
    expect(bom).toMatchObject({ code: "SYN5002" });
    expect(bom.span.start.line).toBe(lineOf(r.yaml, "bom_enabled"));
    expect(r.text).toContain("EUR = 1.085");
  });
});

describe("every section of the format", () => {
  test("each top-level section of datasynth's schema has a handler or a documented reason, and a row in docs/import.md", () => {
    const cover = sectionCoverage();
    expect(cover.length).toBe(DATASYNTH_KEYS[""]!.length);
    expect(cover.length).toBeGreaterThanOrEqual(60);
    for (const s of cover) {
      expect(s.mapped || s.reason !== undefined).toBe(true);
      expect(DOC).toContain(`| \`${s.section}\` |`);
    }
    // the aliases are documented too
    for (const [path, names] of Object.entries(ALIASES)) for (const n of names) expect(DOC).toContain(`${path.split(".").slice(0, -1).concat(n).join(".")}`);
  });

  test("a config with every section imports, compiles and runs; each unmapped section is reported once, at its key", () => {
    const r = imported(join(FIXTURES, "every-section.yaml"));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(undocumented(r.diagnostics)).toEqual([]);
    const top = r.diagnostics.filter((d) => d.span.start.column === 1);
    for (const s of ["internal_controls", "business_processes", "project_accounting", "country_packs", "temporal_patterns"]) {
      const hits = top.filter((d) => d.message.startsWith(`${s} is not imported`));
      expect(hits.length).toBe(1);
      expect(hits[0]!.span.start.line).toBe(lineOf(r.yaml, s));
    }
    for (const s of ["treasury", "esg", "session"]) expect(top.filter((d) => d.message.startsWith(`${s} is disabled`)).map((d) => d.code)).toEqual(["SYN5006"]);
    const plan = compile(r.text!, { path: "e.synth" }).plan!;
    const enabled = plan.phases.map((p) => p.id);
    for (const p of ["anomalies", "graphs", "audit", "banking", "accounting_standards", "llm_enrichment", "diffusion", "causal_overlay", "source_to_contract", "financial_reporting", "hr", "manufacturing", "sales_kpis_budgets"]) expect(enabled).toContain(p);
    expect(plan.scenario).toMatchObject({ fiscalYear: "april", startDate: "2024-04-01", groupCurrency: "EUR", industry: "technology" });
    expect(plan.companies.map((c) => [c.code, c.currency, c.vatRate])).toEqual([
      ["DE10", "EUR", 0.19],
      ["GB10", "GBP", 0.2],
    ]);
    const ledger = generate(r.text!, 0.05);
    expect(verifyLedger(ledger.tables, DEFAULT_MODULES.tables())).toEqual([]);
    expect(verifyFlows(ledger.tables)).toEqual([]);
    // the hr phase ran biweekly: 26 pay dates a year, so 13 in the six months, for each company
    const runs = (ledger.tables.get("payroll_runs") ?? []) as Row[];
    expect(new Set(runs.filter((x) => x.company_code === "DE10").map((x) => x.pay_date)).size).toBe(13);
    // 1 - yield as planned scrap (the group sells services: there is nothing for manufacturing to make)
    expect(r.text).toMatch(/scrap_rate\s+= 3%/);
  });

  test("YAML anchors are followed: an aliased value imports as the value it points at", () => {
    const yaml = 'x-rates: &rate 0.02\nglobal: {seed: 3, start_date: "2024-01-01", period_months: 2}\ncompanies:\n  - {code: A1, currency: USD, country: US}\nfraud: {enabled: true, fraud_rate: *rate}\n';
    const r = importDatasynth(yaml, { file: "a.yaml" });
    expect(r.text).toContain("rate  = 2%  // fraud.fraud_rate");
    expect(r.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["SYN5002", 1]]);
  });

  test("an unknown top-level key is reported with a did-you-mean, not dropped", () => {
    const r = importDatasynth("global:\n  seed: 1\ncompanies:\n  - code: A1\n    currency: USD\n    country: US\nfruad:\n  enabled: true\n", { file: "x.yaml" });
    const d = r.diagnostics.find((x) => x.code === "SYN5002")!;
    expect(d.message).toBe("fruad is not a key of the datasynth format (datasynth ignores it, so does the import)");
    expect(d.hint).toBe("did you mean fraud?");
    expect(d.span.start).toMatchObject({ line: 7, column: 1 });
  });
});

describe("synth import on the command line", () => {
  const project = tempProject();
  afterAll(() => project.remove());
  const sample = samplePath("fraud-detection-basic.yaml");

  test("-o writes a scenario that synth check accepts; stdout without -o; diagnostics on stderr with file:line:col", async () => {
    const r = await runIn(project.dir, "import", "datasynth", sample, "-o", "fraud.synth");
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/warning\[SYN5001\]: fraud\.clustering_factor is not imported/);
    expect(r.err).toMatch(/fraud-detection-basic\.yaml:43:3/);
    expect(r.err).toContain("wrote fraud.synth");
    expect((await runIn(project.dir, "check", "fraud.synth")).code).toBe(EXIT.ok);
    const again = await runIn(project.dir, "import", "datasynth", sample);
    expect(again.code).toBe(EXIT.ok);
    expect(again.out).toBe(readFileSync(join(project.dir, "fraud.synth"), "utf8"));
  });

  test("bad input: one line and a distinct exit code each", async () => {
    project.write("bad.yaml", "global:\n  seed: [1\n");
    project.write("list.yaml", "- a\n- b\n");
    project.write("wrong.yaml", "global:\n  seed: 1\ncompanies:\n  - code: A1\n    country: US\nfraud:\n  fraud_rate: high\n");
    const cases: [string[], number, RegExp][] = [
      [["import", "datasynth", "missing.yaml"], EXIT.noInput, /^synth: cannot read missing\.yaml: no such file\n$/],
      [["import", "snowfakery", sample], EXIT.usage, /^synth: import: unknown format "snowfakery"; synth imports: datasynth\n$/],
      [["import", "datasynth"], EXIT.usage, /missing CONFIG/],
      [["import", "datasynth", sample, "-o", "fraud.synth"], EXIT.exists, /^synth: import: fraud\.synth exists; nothing was written/],
      [["import", "datasynth", sample, "-o", "x.txt"], EXIT.usage, /--output must name a \.synth file/],
      [["import", "datasynth", "bad.yaml"], EXIT.failed, /error\[SYN5005\]: not valid YAML[\s\S]*bad\.yaml:\d+:\d+/],
      [["import", "datasynth", "list.yaml"], EXIT.failed, /error\[SYN5005\]: not a datasynth config/],
      [["import", "datasynth", "wrong.yaml", "-o", "wrong.synth"], EXIT.failed, /error\[SYN5004\]: fraud\.fraud_rate must be a number, got "high"[\s\S]*wrong\.yaml:7:15/],
      [["import", "datasynth", sample, "--strict", "-o", "strict.synth"], EXIT.failed, /keys are not imported \(--strict\); nothing was written/],
    ];
    for (const [argv, code, err] of cases) {
      const r = await runIn(project.dir, ...argv);
      expect({ argv, code: r.code }).toEqual({ argv, code });
      expect(r.err).toMatch(err);
      expect(r.out).toBe("");
    }
    expect(existsSync(join(project.dir, "wrong.synth"))).toBe(false);
    expect(existsSync(join(project.dir, "strict.synth"))).toBe(false);
  });

  test("--help says what it does, the exit codes and an example", async () => {
    const r = await runIn(project.dir, "import", "--help");
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("synth import datasynth CONFIG.yaml [-o FILE.synth]");
    expect(r.out).toContain("docs/import.md");
    expect(r.out).toContain("5 FILE exists");
    writeFileSync(join(project.dir, "unused"), "");
  });
});
