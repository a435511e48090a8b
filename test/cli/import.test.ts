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
import { anomalyType } from "../../phases/anomalies/catalog.ts";
import { generousTimeout } from "../setup.ts";
import { runIn, tempProject } from "./helpers.ts";

generousTimeout();

// The reference system's three sample configs, copied into the fixtures (see their README).
const FIXTURES = join(import.meta.dir, "../fixtures/datasynth");
const DOC = readFileSync(join(import.meta.dir, "../../docs/import.md"), "utf8");
const samplePath = (name: string) => join(FIXTURES, name);

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
    // fraud_rate x each type's weight, under synth's type names
    expect(r.text).toMatch(/fictitious_entry\s+= 1%\s+\/\/ fraud\.fraud_rate x fraud\.fraud_type_distribution\.fictitious_transaction/);
    expect(r.text).toMatch(/data_quality \{\s+preset = noisy \/\/ data_quality\.preset/);
    expect(r.text).toContain("volume = 100_000 per year");
    expect(r.text).toMatch(/formats\s+= \[csv, ndjson\]/);
    // clustering_factor is reported where it is, with the reason
    const d = r.diagnostics.find((x) => x.message.startsWith("fraud.clustering_factor"))!;
    expect(d).toMatchObject({ code: "SYN5001", severity: "warning" });
    expect(d.span).toMatchObject({ file: "fraud-detection-basic.yaml", start: { line: lineOf(r.yaml, "clustering_factor"), column: 3 } });
    expect(d.message).toContain("not a factor; clustering_enabled sets it");
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
    const enabled = plan.phases.filter((p) => p.status !== "disabled").map((p) => p.id);
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
    expect(r.text).toMatch(/unusual_account_pair\s+= 0\.5%\s+\/\/ fraud\.fraud_rate x datasynth's default weight of suspense_account_abuse/);
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

describe("anomalies and data quality", () => {
  const head = 'global: {seed: 7, industry: retail, start_date: "2024-01-01", period_months: 2}\ncompanies:\n  - {code: A1, currency: USD, country: US, annual_transaction_volume: ten_k}\n';
  const settings = (text: string) => compile(text, { path: "x.synth" }).plan!.phases.find((p) => p.id === "anomalies")!.params as Record<string, any>;

  test("data_quality imports to the anomalies phase's data-quality settings; the run writes a quality-labelled copy at those rates", () => {
    const yaml = `${head}data_quality:
  enabled: true
  preset: custom
  missing_values: {enabled: true, rate: 0.06}
  typos: {enabled: true, char_error_rate: 0.03}
  format_variations:
    enabled: true
    dates: {rate: 0.04}
    amounts: {enabled: false}
  duplicates: {enabled: false, rate: 0.2}
  encoding_issues: {enabled: true, rate: 0.02, mojibake: true}
  sink_profiles: {csv: {missing_rate: 0.1}}
`;
    const r = importDatasynth(yaml, { file: "dq.yaml" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.text).toMatch(/missing\s+= 6%\s+\/\/ data_quality\.missing_values\.rate/);
    expect(r.text).toMatch(/formats\s+= 6%\s+\/\/ data_quality\.format_variations: dates 4% \+ amounts off \+ identifiers 2% \(default\)/);
    expect(r.text).toMatch(/duplicates\s+= 0%\s+\/\/ data_quality\.duplicates\.enabled: false/);
    expect(r.text).toMatch(/rate\s+= 0%\s+\/\/ the config injects no anomalies/);
    const p = settings(r.text!);
    expect(p.rate).toBe(0);
    expect(p.data_quality).toMatchObject({ preset: "none", missing: 0.06, typos: 0.03, formats: 0.06, duplicates: 0, encoding: 0.02 });
    // what is not imported is said at its key, with its reason
    const where = (msg: string) => r.diagnostics.find((d) => d.message.startsWith(msg));
    expect(where("data_quality.sink_profiles is not imported")!.span.start).toMatchObject({ line: lineOf(yaml, "sink_profiles"), column: 3 });
    expect(where("data_quality.encoding_issues.mojibake is not imported")!.message).toContain("the rate is imported");
    expect(where("data_quality.typos.char_error_rate")!.code).toBe("SYN5003");
    expect(undocumented(r.diagnostics)).toEqual([]);
    // The run: every clean row extracted once (no duplicates), issues at the imported rates.
    const ledger = generate(r.text!, 1);
    const rows = (ledger.tables.get("journal_entries") ?? []) as Row[];
    const dirty = (ledger.tables.get("dirty_journal_entries") ?? []) as Row[];
    const labels = (ledger.tables.get("quality_labels") ?? []) as Row[];
    expect(rows.length).toBeGreaterThan(1000);
    expect(dirty.length).toBe(rows.length);
    expect((ledger.tables.get("anomaly_labels") ?? []).length).toBe(0);
    const share = (type: string) => new Set(labels.filter((l) => l.issue_type === type).map((l) => l.record_id)).size / rows.length;
    expect(share("duplicate")).toBe(0);
    expect(share("missing_value")).toBeGreaterThan(0.04);
    expect(share("missing_value")).toBeLessThan(0.08);
    expect(share("format_variation")).toBeGreaterThan(0.04);
    expect(share("format_variation")).toBeLessThan(0.08);
    expect(share("encoding_issue")).toBeGreaterThan(0);
    expect(share("encoding_issue")).toBeLessThan(0.035);
    // every label names a row of the copy, and the cell's last label holds the value that is there
    const byId = new Map(dirty.map((d) => [String(d.record_id), d]));
    const last = new Map(labels.filter((x) => x.field_name).map((l) => [`${l.record_id}|${l.field_name}`, l]));
    for (const l of last.values()) expect(String(byId.get(String(l.record_id))![String(l.field_name)] ?? "")).toBe(String(l.modified_value ?? ""));
  });

  test("a fraud type distribution maps to synth's types, each at fraud_rate x its weight; anomaly_injection's categories spread over synth's types", () => {
    const yaml = `${head}fraud:
  enabled: true
  fraud_rate: 0.02
  clustering_enabled: false
  fraud_type_distribution: {suspense_account_abuse: 0.5, expense_capitalization: 0.25, timing_anomaly: 0.25, duplicate_payment: 0.0}
anomaly_injection:
  enabled: true
  rates: {total_rate: 0.05, fraud_rate: 0.02, error_rate: 0.01, process_rate: 0.01}
  near_miss: {enabled: true, proportion: 0.3}
`;
    const r = importDatasynth(yaml, { file: "f.yaml" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const p = settings(r.text!);
    expect(p.rates).toMatchObject({ unusual_account_pair: 0.01, improper_capitalization: 0.005, });
    expect(p.rates.duplicate_payment).toBeUndefined(); // weight 0
    expect(p.clustering).toBe(0);
    expect(p.near_misses).toBe(true);
    // error and process rates spread over synth's types of those categories (backdated_entry is an error type too)
    const byCategory = (cat: string) => (p.types as string[]).filter((t) => anomalyType(t).category === cat && !["unusual_account_pair", "improper_capitalization"].includes(t)).reduce((a, t) => a + (p.rates[t] ?? 0), 0);
    expect(byCategory("error")).toBeCloseTo(0.01 + 0.005, 4);
    expect(byCategory("process")).toBeCloseTo(0.01, 4);
    // total_rate's remainder (5% - 4%) is shared by the statistical and relational types
    expect(p.rate).toBeCloseTo(0.01, 9);
    expect((p.types as string[]).filter((t) => p.rates[t] === undefined).every((t) => ["statistical", "relational"].includes(anomalyType(t).category))).toBe(true);
    // the fraud section's types stand for the fraud category: anomaly_injection's fraud_rate is said to be set aside, at its key
    const d = r.diagnostics.find((x) => x.message.startsWith("anomaly_injection.rates.fraud_rate"))!;
    expect(d).toMatchObject({ code: "SYN5003" });
    expect(d.span.start.line).toBe(lineOf(yaml, "rates"));
    expect(r.text).toMatch(/unusual_account_pair\s+= 1%\s+\/\/ fraud\.fraud_rate x fraud\.fraud_type_distribution\.suspense_account_abuse/);
    const ledger = generate(r.text!, 1);
    const labels = (ledger.tables.get("anomaly_labels") ?? []) as Row[];
    expect(new Set(labels.map((l) => l.anomaly_type))).toContain("unusual_account_pair");
    expect(labels.some((l) => l.anomaly_type === "duplicate_payment")).toBe(false);
  });

  test("accounting_standards maps to the phase's real settings", () => {
    const yaml = `${head}accounting_standards:
  enabled: true
  framework: us_gaap
  revenue_recognition: {enabled: true, avg_obligations_per_contract: 1.5, contract_count: 40}
  expected_credit_loss: {enabled: true, pessimistic_scenario_weight: 0.5, pessimistic_scenario_multiplier: 1.6}
  leases: {enabled: true}
`;
    const r = importDatasynth(yaml, { file: "a.yaml" });
    const p = compile(r.text!, { path: "a.synth" }).plan!.phases.find((x) => x.id === "accounting_standards")!.params as Record<string, unknown>;
    // bundles: (1.5 - 1) / 2; forward-looking: (0.5 x 1 + 0.3 x 0.8 + 0.5 x 1.6) / 1.3 - 1
    expect(p).toMatchObject({ framework: "us_gaap", revenue_recognition: true, bundles: 0.25, credit_losses: true });
    expect(p.forward_looking as number).toBeCloseTo((0.5 + 0.24 + 0.8) / 1.3 - 1, 6);
    expect(r.text).toMatch(/bundles\s+= 25%\s+\/\/ \(accounting_standards\.revenue_recognition\.avg_obligations_per_contract - 1\) \/ 2/);
    for (const k of ["accounting_standards.leases", "accounting_standards.revenue_recognition.contract_count"]) expect(r.diagnostics.find((d) => d.message.startsWith(`${k} is not imported`))?.code).toBe("SYN5001");
    expect(undocumented(r.diagnostics)).toEqual([]);
  });
  test("every key of data_quality, anomaly_injection and accounting_standards is mapped or reported with a documented reason, at its place", () => {
    const yaml = `${head}data_quality:
  enabled: true
  preset: custom
  generate_labels: false
  missing_values: {enabled: true, rate: 0.02, strategy: mar, field_rates: {cost_center: 0.1}, protected_fields: [document_id]}
  typos: {enabled: true, char_error_rate: 0.01, type_weights: {substitution: 0.5}, protected_fields: [gl_account]}
  format_variations:
    enabled: true
    dates: {enabled: true, rate: 0.03, iso_format: true, us_format: true, eu_format: false, long_format: false}
    amounts: {enabled: true, rate: 0.01, us_comma_format: true, eu_format: false, currency_prefix: false, accounting_format: false}
    identifiers: {enabled: true, rate: 0.01, case_variations: true, padding_variations: false, separator_variations: false}
  duplicates: {enabled: true, rate: 0.01, exact_duplicate_ratio: 0.4, near_duplicate_ratio: 0.35, fuzzy_duplicate_ratio: 0.25, max_date_offset_days: 3, max_amount_variance: 0.01}
  encoding_issues: {enabled: true, rate: 0.005, mojibake: true, html_entities: true, bom_issues: false}
  sink_profiles: {json: {typo_rate: 0.1}}
anomaly_injection:
  enabled: true
  rates: {total_rate: 0.03}
  multi_stage_schemes: {enabled: true}
  correlated_injection:
    enabled: true
    fraud_concealment: true
    error_cascade: true
    temporal_clustering: true
    temporal_clustering_config: {period_end_multiplier: 2.5, period_end_days: 5, quarter_end_multiplier: 2, year_end_multiplier: 3}
    co_occurrence_patterns: []
  near_miss: {enabled: false, proportion: 0.3}
  difficulty_classification: {enabled: true}
  context_aware: {enabled: true}
  labeling: {severity_scoring: true}
accounting_standards:
  enabled: true
  framework: dual_reporting
  revenue_recognition: {enabled: true, generate_contracts: true, avg_obligations_per_contract: 2, variable_consideration_rate: 0.1, over_time_recognition_rate: 0.3, contract_count: 10}
  impairment: {enabled: true, test_count: 5, impairment_rate: 0.1, generate_projections: true, include_goodwill: true}
  expected_credit_loss: {enabled: true, base_scenario_weight: 0.6}
  leases: {enabled: true}
  fair_value: {enabled: true}
  business_combinations: {enabled: true}
  generate_differences: true
`;
    const r = importDatasynth(yaml, { file: "all.yaml" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === "SYN5002")).toEqual([]); // every key is the format's
    expect(undocumented(r.diagnostics)).toEqual([]);
    // each reported key is reported at its own line
    for (const d of r.diagnostics.filter((x) => x.code === "SYN5001")) {
      const key = /^\S*?([a-z_0-9]+)(?: = \S+)? is not imported/.exec(d.message)![1]!;
      expect(yaml.split("\n")[d.span.start.line - 1]!.slice(d.span.start.column - 1)).toStartWith(key);
    }
    const p = settings(r.text!);
    expect(p.data_quality).toEqual({ preset: "none", missing: 0.02, typos: 0.01, duplicates: 0.01, formats: 0.05, encoding: 0.005 });
    expect(p.period_end).toBe(2);
    expect(p.near_misses).toBe(false);
    const a = compile(r.text!, { path: "all.synth" }).plan!.phases.find((x) => x.id === "accounting_standards")!.params as Record<string, unknown>;
    expect(a).toMatchObject({ framework: "ifrs", bundles: 0.5, impairment: true, credit_losses: true });
    expect(a.forward_looking as number).toBeCloseTo((0.6 + 0.24 + 0.28) / 1.1 - 1, 6);
  });
});

describe("banking and financial_reporting", () => {
  const head = 'global: {seed: 11, industry: retail, start_date: "2024-01-01", period_months: 2}\ncompanies:\n  - {code: A1, currency: USD, country: US, annual_transaction_volume: ten_k}\n';
  /** The settings of a phase the scenario runs (undefined when it is off). */
  const paramsOf = (text: string, id: string) => compile(text, { path: "x.synth" }).plan!.phases.find((p) => p.id === id && p.status === "run")?.params as Record<string, any> | undefined;
  /** Each reported key is reported at its own line and column. */
  function atTheirKeys(yaml: string, diags: ReturnType<typeof importDatasynth>["diagnostics"]) {
    for (const d of diags.filter((x) => x.code === "SYN5001")) {
      const key = /^\S*?([a-z_0-9]+)(?: = \S+)? is not imported/.exec(d.message)![1]!;
      expect(yaml.split("\n")[d.span.start.line - 1]!.slice(d.span.start.column - 1)).toStartWith(key);
    }
  }

  test("a banking section imports to the banking phase's real settings; the scenario runs with the bank's tables and the configured share of suspicious customers", () => {
    const yaml = `${head}banking:
  enabled: true
  population:
    retail_customers: 400
    business_customers: 80
    trusts: 20
    period_months: 2
    start_date: "2024-01-01"
  products: {avg_accounts_retail: 1.5, avg_accounts_business: 2.5}
  compliance: {pep_rate: 0.02}
  typologies:
    suspicious_rate: 0.05
    structuring_rate: 0.01
    layering_rate: 0.01
    mule_rate: 0.02
    fraud_rate: 0.01
    trade_based_rate: 0.0
    sophistication: {basic: 0.5, standard: 0.3, professional: 0.15, advanced: 0.05}
`;
    const r = importDatasynth(yaml, { file: "bank.yaml" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // the population's period is the scenario's: nothing to report there
    expect(r.diagnostics.filter((d) => d.code === "SYN5001" || d.code === "SYN5002")).toEqual([]);
    expect(r.text).toMatch(/customers\s+= 500\s+\/\/ banking\.population: retail_customers \+ business_customers \+ trusts/);
    expect(r.text).toMatch(/accounts_per_customer\s+= 1\.7\s+\/\/ banking\.products/);
    expect(r.text).toMatch(/basic\s+= 50%\s+\/\/ banking\.typologies\.sophistication\.basic/);
    const p = paramsOf(r.text!, "banking")!;
    // (400 x 1.5 + 100 x 2.5) / 500 accounts; mules are synth's money_mule, datasynth's fraud its three fraud typologies
    expect(p).toMatchObject({ customers: 500, business_share: 0.16, trust_share: 0.04, accounts_per_customer: 1.7, pep_rate: 0.02, suspicious_rate: 0.05 });
    expect(p.typologies).toEqual(["structuring", "layering", "money_mule", "account_takeover", "authorised_push_payment", "business_email_compromise"]);
    expect(p.sophistication).toEqual({ basic: 0.5, standard: 0.3, professional: 0.15, advanced: 0.05 });
    expect(r.diagnostics.find((d) => d.message.startsWith("banking.typologies.fraud_rate"))).toMatchObject({ code: "SYN5003", span: { start: { line: lineOf(yaml, "fraud_rate") } } });
    expect(r.diagnostics.find((d) => d.message.startsWith("banking.products.avg_accounts_retail"))?.code).toBe("SYN5003");

    const ledger = generate(r.text!, 1);
    const t = (name: string) => (ledger.tables.get(name) ?? []) as Row[];
    for (const name of ["bank_customers", "kyc_profiles", "bank_accounts", "bank_transactions", "aml_cases", "aml_transaction_labels", "aml_customer_labels", "bank_gl", "bank_trial_balance"]) expect(t(name).length).toBeGreaterThan(0);
    const customers = t("bank_customers");
    expect(customers.length).toBe(500);
    // exactly round(500 x 5%) suspicious customers, labelled so
    const labels = t("aml_customer_labels");
    expect(labels.length).toBe(500);
    expect(labels.filter((l) => l.is_suspicious === true || l.is_suspicious === "true").length).toBe(25);
    // the cases are of the imported typologies only, in the imported sophistication mix (largest remainder)
    const cases = t("aml_cases");
    expect(new Set(cases.map((c) => String(c.typology)))).toEqual(new Set(p.typologies));
    const bySoph = (s: string) => cases.filter((c) => c.sophistication === s).length;
    expect(Math.abs(bySoph("basic") - cases.length * 0.5)).toBeLessThan(1);
    // businesses and trusts are drawn: near their shares
    const kinds = (k: string) => customers.filter((c) => Object.values(c).includes(k)).length;
    expect(kinds("business")).toBeGreaterThan(55);
    expect(kinds("business")).toBeLessThan(105);
    expect(verifyLedger(ledger.tables, DEFAULT_MODULES.tables())).toEqual([]);
  });

  test("every key of banking and financial_reporting is mapped or reported with a documented reason, at its place", () => {
    const yaml = `${head}banking:
  enabled: true
  population:
    retail_customers: 900
    retail_persona_weights: {student: 0.5, retiree: 0.5}
    business_customers: 100
    business_persona_weights: {small_business: 1.0}
    trusts: 0
    household_rate: 0.4
    avg_household_size: 2.3
    period_months: 24
    start_date: "2023-01-01"
  products: {cash_intensity: 0.15, cross_border_rate: 0.05, card_vs_transfer: 0.6, avg_accounts_retail: 1.5, avg_accounts_business: 2.5, debit_card_rate: 0.85, international_rate: 0.1}
  compliance: {risk_appetite: medium, kyc_completeness: 0.95, high_risk_tolerance: 0.05, pep_rate: 0.01, edd_threshold: 50000}
  typologies:
    suspicious_rate: 0.02
    structuring_rate: 0.004
    funnel_rate: 0.003
    layering_rate: 0.003
    mule_rate: 0.005
    fraud_rate: 0.005
    sophistication: {basic: 2, standard: 1, professional: 1, advanced: 0}
    detectability: 0.5
    round_tripping_rate: 0.001
    trade_based_rate: 0.001
  spoofing: {enabled: true, intensity: 0.3, spoof_timing: true, spoof_amounts: true, spoof_merchants: true, spoof_geography: false, add_delays: true}
  output:
    directory: banking
    include_customers: true
    include_accounts: false
    include_transactions: true
    include_counterparties: true
    include_beneficial_ownership: true
    include_transaction_labels: true
    include_entity_labels: true
    include_relationship_labels: true
    include_case_narratives: true
    include_graph: true
financial_reporting:
  enabled: true
  generate_balance_sheet: true
  generate_income_statement: true
  generate_cash_flow: false
  generate_changes_in_equity: true
  comparative_periods: 2
  management_kpis: {enabled: true, frequency: quarterly}
  budgets: {enabled: true, revenue_growth_rate: 0.05, expense_inflation_rate: 0.03, variance_noise: 0.1}
`;
    const r = importDatasynth(yaml, { file: "all.yaml" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === "SYN5002")).toEqual([]); // every key is the format's
    expect(undocumented(r.diagnostics)).toEqual([]);
    atTheirKeys(yaml, r.diagnostics);
    const reported = r.diagnostics.filter((d) => d.code === "SYN5001").map((d) => d.message.split(/ = | is not/)[0]);
    expect(reported.sort()).toEqual(
      [
        "banking.population.retail_persona_weights", "banking.population.business_persona_weights", "banking.population.household_rate", "banking.population.avg_household_size",
        "banking.population.period_months", "banking.population.start_date",
        "banking.products.cash_intensity", "banking.products.cross_border_rate", "banking.products.card_vs_transfer", "banking.products.debit_card_rate", "banking.products.international_rate",
        "banking.compliance.risk_appetite", "banking.compliance.kyc_completeness", "banking.compliance.high_risk_tolerance", "banking.compliance.edd_threshold",
        "banking.typologies.detectability", "banking.spoofing",
        "banking.output.directory", "banking.output.include_accounts", "banking.output.include_case_narratives", "banking.output.include_graph",
        "financial_reporting.comparative_periods", "financial_reporting.management_kpis.frequency",
        "financial_reporting.budgets.revenue_growth_rate", "financial_reporting.budgets.expense_inflation_rate", "financial_reporting.budgets.variance_noise",
      ].sort(),
    );
    const p = paramsOf(r.text!, "banking")!;
    expect(p).toMatchObject({ customers: 1000, business_share: 0.1, trust_share: 0, accounts_per_customer: 1.6, pep_rate: 0.01, suspicious_rate: 0.02 });
    expect(p.typologies).toEqual(["structuring", "funnel_account", "layering", "money_mule", "account_takeover", "authorised_push_payment", "business_email_compromise", "round_tripping", "trade_based"]);
    // weights 2:1:1:0 -> shares adding up to 100%, said as approximate
    expect(p.sophistication).toEqual({ basic: 0.5, standard: 0.25, professional: 0.25, advanced: 0 });
    // no population: datasynth's default one (10,000 retail, 1,000 business customers, 100 trusts)
    const defaults = importDatasynth(`${head}banking:\n  enabled: true\n`, { file: "d.yaml" });
    expect(defaults.diagnostics).toEqual([]);
    const d = paramsOf(defaults.text!, "banking")!;
    expect(d.customers).toBe(11_100);
    expect(d.business_share).toBeCloseTo(1000 / 11100, 6);
    expect(d.trust_share).toBeCloseTo(100 / 11100, 6);
    expect(r.diagnostics.find((d) => d.message.startsWith("banking.typologies.sophistication"))?.code).toBe("SYN5003");
    const f = paramsOf(r.text!, "financial_reporting")!;
    expect(f.statements).toEqual(["balance_sheet", "income_statement", "comprehensive_income", "equity_changes"]);
    // KPIs and budgets: the sales_kpis_budgets phase, without quotes (sales_quotes is not in the config)
    expect(paramsOf(r.text!, "sales_kpis_budgets")).toMatchObject({ quoted_share: 0 });
  });

  test("financial_reporting maps to the phase's settings; budgets and KPIs turn on sales_kpis_budgets, quotes only with sales_quotes", () => {
    const only = (fr: string, extra = "") => importDatasynth(`${head}financial_reporting:\n${fr}${extra}`, { file: "fr.yaml" });
    // everything on (datasynth's defaults): synth's defaults, every statement
    const all = only("  enabled: true\n  comparative_periods: 1\n");
    expect(all.diagnostics).toEqual([]);
    expect(paramsOf(all.text!, "financial_reporting")!.statements).toEqual(["balance_sheet", "income_statement", "comprehensive_income", "cash_flow", "equity_changes"]);
    expect(paramsOf(all.text!, "sales_kpis_budgets")).toBeUndefined();
    // only the balance sheet
    const bs = only("  enabled: true\n  generate_income_statement: false\n  generate_cash_flow: false\n  generate_changes_in_equity: false\n");
    expect(paramsOf(bs.text!, "financial_reporting")!.statements).toEqual(["balance_sheet"]);
    // budgets off, KPIs on with the monthly frequency: the phase, nothing reported
    const kpi = only("  enabled: true\n  management_kpis: {enabled: true, frequency: monthly}\n  budgets: {enabled: false, variance_noise: 0.2}\n", "sales_quotes: {enabled: true, win_rate: 0.4}\n");
    expect(kpi.diagnostics).toEqual([]);
    expect(paramsOf(kpi.text!, "sales_kpis_budgets")).toMatchObject({ quote_win_rate: 0.4, quoted_share: 0.6 });
    // budgets without quotes run: budgets and KPIs written, no quote
    const budgets = only("  enabled: true\n  budgets: {enabled: true}\n");
    const ledger = generate(budgets.text!, 1);
    const t = (name: string) => (ledger.tables.get(name) ?? []) as Row[];
    expect(t("budgets").length).toBeGreaterThan(0);
    expect(t("kpis").length).toBeGreaterThan(0);
    expect(t("financial_statements").length).toBeGreaterThan(0);
    expect(t("sales_quotes").length).toBe(0);
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
