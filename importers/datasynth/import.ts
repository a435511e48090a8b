// `synth import datasynth`: a config of the reference system (SyntheticData / datasynth, YAML)
// -> a .synth scenario. Every top-level section of datasynth's GeneratorConfig has a handler
// (SECTIONS): it maps what synth can express and reports the rest, positioned in the YAML. The
// mapping, section by section, is documented in docs/import.md.
import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import type { Diagnostic } from "../../core/diagnostics.ts";
import { INDUSTRIES } from "../../specs/industries.ts";
import { CURRENCIES, isKnownCurrency } from "../../specs/currencies.ts";
import { ISO_COUNTRIES } from "../../specs/countries.ts";
import { formatSynth } from "../../compiler/format.ts";
import { ImportContext, Section, type Reasons } from "./reader.ts";
import { Block, num, pct, str } from "./synth-writer.ts";
import { DATASYNTH_KEYS } from "./schema-keys.ts";

export interface ImportResult {
  /** The .synth text (formatted); undefined when the config has errors. */
  text?: string;
  diagnostics: Diagnostic[];
}

export interface ImportOptions {
  /** The config's path as shown in diagnostics and in the scenario's header. */
  file: string;
  /** The scenario name (default: from the file name). */
  name?: string;
}

/** The scenario being built. */
class Target {
  readonly header: string[] = [];
  readonly scenario: Block;
  readonly companies: Block[] = [];
  readonly chart = new Block("chart_of_accounts");
  readonly business = new Block("business");
  readonly phases = new Map<string, Block>();
  readonly processes = new Map<string, Block>();
  readonly fx = new Block("fx");
  readonly output = new Block("output");
  readonly runtime = new Block("runtime");
  /** Journal entries per year, per company (annual_transaction_volume x volume_weight). */
  readonly companyVolumes: number[] = [];
  constructor(name: string) {
    this.scenario = new Block(`scenario ${str(name)}`, ["seed", "industry", "start", "months", "fiscal_year", "group_currency", "presentation_currency"]);
  }
  phase(id: string): Block {
    let b = this.phases.get(id);
    if (!b) this.phases.set(id, (b = new Block(`phase ${id}`)));
    return b;
  }
  process(id: string): Block {
    let b = this.processes.get(id);
    if (!b) this.processes.set(id, (b = new Block(`process ${id}`)));
    return b;
  }
  totalVolume(): number {
    return this.companyVolumes.reduce((a, b) => a + b, 0);
  }
  print(): string {
    const blocks: Block[] = [this.scenario, ...this.companies];
    if (this.fx.items.length) blocks.push(this.fx);
    for (const b of [this.chart, this.business]) if (b.items.length) blocks.push(b);
    const phaseOrder = ["master_data", "opening_balances", "transactions", "period_close", "anomalies"];
    const phases = [...this.phases.entries()].sort(([a], [b]) => rank(phaseOrder, a) - rank(phaseOrder, b)).map(([, b]) => b);
    blocks.push(...phases, ...this.processes.values());
    for (const b of [this.output, this.runtime]) if (b.items.length) blocks.push(b);
    const head = this.header.map((l) => (l ? `// ${l}` : "//"));
    return [...head, "", ...blocks.map((b) => b.print().join("\n") + "\n")].join("\n");
  }
}

function rank(order: string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

type Handler = (s: Section, t: Target) => void;

// ---------------------------------------------------------------------------------------------
// Reasons for keys with no synth equivalent (docs/import.md lists the same).

const REASONS: Reasons = {
  "global.fiscal_year_months": "synth's fiscal years are always 12 months (scenario fiscal_year picks the month they start)",
  "global.parallel": "runtime settings never change synth's data; see runtime workers",
  companies: "no per-company setting in synth",
  "companies.fiscal_year_variant": "synth has one fiscal year for the group (scenario fiscal_year)",
  "chart_of_accounts.industry_specific": "synth's charts always follow the industry preset",
  "chart_of_accounts.custom_accounts": "a datasynth account file; in synth, add accounts as chart_of_accounts { account 1950 { ... } } blocks",
  "chart_of_accounts.min_hierarchy_depth": "the chart's depth follows its size preset",
  "chart_of_accounts.max_hierarchy_depth": "the chart's depth follows its size preset",
  transactions: "synth has no equivalent setting",
  "transactions.debit_credit_distribution": "synth's entries balance by construction; the debit/credit split follows from the business events",
  "transactions.even_odd_distribution": "synth derives even/odd line counts from line_items (two, three, four, even)",
  "transactions.amounts.decimal_places": "amounts have the currency's minor digits",
  "transactions.amounts.nice_number_probability": "only round_share (multiples of 100 or 1000) exists in synth",
  "transactions.benford.tolerance": "synth shapes first digits to Benford's law exactly (amounts benford)",
  "transactions.benford.exempt_sources": "Benford shaping applies to all amounts",
  "transactions.seasonality.holiday_activity": "imported as temporal holiday_weight",
  "transactions.line_item_distribution": "synth models entries of 5+ lines as a power-law tail (line_items tail, max)",
  "output.mode": "synth writes files (streaming output is not offered)",
  "output.compression": "synth writes uncompressed CSV; use parquet for compressed columnar output",
  "output.batch_size": "synth buffers its writers itself; runtime batch_size counts blocks, not rows",
  "output.include_acdoca": "no SAP ACDOCA export: journal_entries is synth's universal journal",
  "output.include_bseg": "no SAP BSEG export: journal_entries holds the line items",
  "output.partition_by_period": "synth writes one file per table",
  "output.partition_by_company": "synth writes one file per table",
  fraud: "synth has no equivalent setting",
  "fraud.clustering_enabled": "synth places anomalies uniformly with their own random stream",
  "fraud.clustering_factor": "synth places anomalies uniformly with their own random stream",
  "fraud.approval_thresholds": "synth has no approval workflow model",
  data_quality:
    "synth has no data-quality overlay yet: its design keeps the ledger clean and puts missing values, typos, format variations, duplicates and encoding issues in a labelled \"as extracted\" copy, which is not implemented",
  master_data: "synth's master data is generated from the industry preset and the business plan; only the counts are settings",
  "master_data.vendors.intercompany_percent": "intercompany partners are the group's companies (process intercompany)",
  "master_data.customers.intercompany_percent": "intercompany partners are the group's companies (process intercompany)",
  "master_data.vendors.payment_terms_distribution": "payment terms follow business dpo",
  "master_data.customers.payment_behavior_distribution": "payment behaviour follows business dso and order_to_cash late_payment",
  document_flows: "synth has no equivalent setting",
  "document_flows.p2p.three_way_match_rate": "synth matches every invoice; mismatches are variance_share within match_tolerance",
  "document_flows.p2p.max_price_variance_percent": "see procure_to_pay match_tolerance",
  "document_flows.p2p.quantity_variance_rate": "price and quantity variances share variance_share",
  "document_flows.p2p.line_count_distribution": "order line counts follow synth's own distribution",
  "document_flows.p2p.over_delivery_rate": "synth never over-delivers (partial deliveries only)",
  "document_flows.o2c.credit_check_failure_rate": "synth has no credit check step",
  "document_flows.o2c.return_rate": "synth has no sales returns yet",
  "document_flows.o2c.line_count_distribution": "order line counts follow synth's own distribution",
  "document_flows.o2c.cash_discount": "customer cash discounts follow the business plan",
  "document_flows.generate_document_references": "synth always writes document_references",
  intercompany: "synth has no equivalent setting",
  "intercompany.transfer_pricing_method": "intercompany recharges are priced at cost plus synth's fixed markup",
  "intercompany.markup_percent": "intercompany recharges are priced at cost plus synth's fixed markup",
  balance: "synth has no equivalent setting",
  "balance.target_current_ratio": "the current ratio follows from the business plan (dso, dpo, stock_days, min_cash, equity_ratio)",
  ocpm: "synth writes no OCEL 2.0 event log; document_references links every document of a chain (orders, receipts, invoices, payments), from which an event log can be built",
  scenario: "synth has no equivalent setting",
  "scenario.profile": "a datasynth data-quality profile; see data_quality",
  audit: "synth's audit phase samples and tests; workpapers, teams and review workflows are not modelled",
  banking: "synth's banking phase has customers, accounts per customer, a suspicious rate and typologies only",
  graph_export: "synth's graphs phase has formats and kinds only",
  accounting_standards: "synth's accounting_standards phase has framework, revenue_recognition and impairment only",
  audit_standards: "synth's audit phase has the standard (isa or pcaob) only",
  anomaly_injection: "synth's anomalies phase has rate, types and ml_labels only",
  llm: "synth never calls a language model: its llm_enrichment phase writes text from templates, offline and deterministic",
  diffusion: "synth's diffusion phase has steps and strength only",
  causal: "synth's causal_overlay phase has interventions and model only",
  source_to_pay: "synth's source_to_contract phase has sourcing_events, contracts, contract_months and maverick_rate only",
  financial_reporting: "synth's financial_reporting phase has statements and bank_reconciliation only",
  hr: "synth's hr phase derives pay, benefits and taxes from the business plan (payroll_share, employer_costs, withholding)",
  manufacturing: "synth's manufacturing phase has production_orders, inspection_rate, cycle_counts and scrap_rate only",
  sales_quotes: "synth's quotes are derived from the real sales orders (sales_kpis_budgets quoted_share), not a count per month; win rate and validity map",
  tax: "synth has VAT per company (company vat_rate) and an income tax rate (company income_tax_rate, period_close tax_rate) only",
  // whole sections without a synth counterpart
  internal_controls: "synth has no internal-controls model (controls, SoD, COSO); the nearest are the anomaly types missing_approval and self_approval",
  business_processes: "synth sizes each process by its own volume (process procure_to_pay { volume }, ...), not by a mix of weights",
  user_personas: "synth draws posting users per company (phase transactions users) without personas",
  templates: "synth's names and texts come from its own deterministic generators, not template files",
  approval: "synth has no approval workflow model",
  departments: "synth's organisation is cost centers (phase master_data cost_centers)",
  temporal: "synth has no statistical drift injection; its changes over time are economic (business growth, fx drift, seasonality)",
  streaming: "synth writes files; there is no streaming API",
  rate_limit: "synth writes files; there is no streaming API to rate-limit",
  temporal_attributes: "synth writes no bitemporal versions of records",
  relationships: "synth's relationships are the keys between its tables, always complete (no orphans by design)",
  distributions: "synth's amounts are one log-normal per company (phase transactions amounts); no mixtures, correlations or regime changes",
  temporal_patterns: "synth's calendar is phase transactions temporal (weekdays, months, holidays, period end); no intraday, timezone or lag model",
  vendor_network: "synth has no multi-tier supply-chain model",
  customer_segmentation: "synth has no customer segmentation model",
  relationship_strength: "synth has no relationship-strength model",
  cross_process_links: "synth links procure-to-pay and order-to-cash through inventory always (inventory_movements); there is nothing to switch",
  organizational_events: "synth has no acquisitions, divestitures or reorganisations",
  behavioral_drift: "synth has no behavioural drift model",
  market_drift: "synth's economy is the business plan (growth) and fx (volatility, drift); no cycles or commodity shocks",
  drift_labeling: "synth injects no drift, so there is nothing to label",
  industry_specific: "the industry preset (scenario industry) is synth's industry-specific layer",
  fingerprint_privacy: "synth never reads real data, so there is no fingerprint to protect",
  quality_gates: "synth's verifiers (ledger balance, document flows, economics) always run and fail the run; they have no thresholds to set",
  compliance: "synth writes no content marking or EU AI Act reports",
  webhooks: "synth sends no notifications",
  treasury: "synth has no treasury phase (cash pooling, hedging); its treasury is the credit line and term loan of the business plan",
  project_accounting: "synth has no project accounting phase",
  esg: "synth has no ESG phase",
  country_packs: "synth's country data (holidays, VAT rates, employer costs) is built in",
  scenarios: "write one .synth per scenario; shared parts go in an imported file",
  session: "synth checkpoints by itself: synth run --resume continues an interrupted run",
  compliance_regulations: "synth has no regulatory compliance phase",
};

// ---------------------------------------------------------------------------------------------

const INDUSTRY_NEAREST: Record<string, { to: string; why: string }> = {
  professional_services: { to: "technology", why: "services with little stock and a high payroll share" },
  energy: { to: "manufacturing", why: "asset-heavy, goods sold from stock" },
  transportation: { to: "manufacturing", why: "asset-heavy with purchased fuel and parts" },
  real_estate: { to: "financial_services", why: "few large amounts, service revenue" },
  telecommunications: { to: "technology", why: "service revenue with a large asset base" },
};

const VOLUMES: Record<string, number> = { ten_k: 10_000, hundred_k: 100_000, one_m: 1_000_000, ten_m: 10_000_000, hundred_m: 100_000_000 };

/** SAP fiscal year variants: K1..K4 are calendar years; V3, V6, V9 start in April, July, October. */
const FISCAL_VARIANTS: Record<string, string> = { K1: "calendar", K2: "calendar", K3: "calendar", K4: "calendar", V3: "april", V6: "july", V9: "october" };

const FRAUD_TYPES: Record<string, string> = {
  suspense_account_abuse: "unusual_account_pair",
  fictitious_transaction: "ghost_vendor",
  revenue_manipulation: "backdated_entry",
  expense_capitalization: "unusual_account_pair",
  split_transaction: "split_transaction",
  timing_anomaly: "after_hours_posting",
  unauthorized_access: "self_approval",
  duplicate_payment: "duplicate_payment",
};

const GRAPH_FORMATS: Record<string, string> = { pytorch_geometric: "pyg", neo4j: "neo4j_csv" };
const OUTPUT_FORMATS: Record<string, string> = { csv: "csv", parquet: "parquet", json: "ndjson", json_lines: "ndjson" };

const SECTIONS: Record<string, Handler> = {
  global: (s, t) => {
    const seed = s.num("seed", { min: 0 });
    if (seed !== undefined) {
      const fits = Number.isInteger(seed) && seed <= 4294967295;
      t.scenario.set("seed", fits ? String(seed) : String(Math.trunc(seed) % 4294967296), "global.seed");
      if (!fits) s.approx("seed", "synth's seeds are 32-bit: taken modulo 2^32 (the data differs from datasynth's anyway)");
    }
    const industry = s.str("industry");
    if (industry !== undefined) {
      if ((INDUSTRIES as readonly string[]).includes(industry)) t.scenario.set("industry", industry, "global.industry");
      else if (INDUSTRY_NEAREST[industry]) {
        const n = INDUSTRY_NEAREST[industry]!;
        t.scenario.set("industry", n.to, `global.industry: ${industry}`);
        s.approx("industry", `synth has no ${industry} preset; imported as ${n.to} (${n.why})`);
      } else s.cx.at("SYN5004", "error", `global.industry: unknown industry "${industry}"`, s.keyNode("industry"), `synth's presets: ${INDUSTRIES.join(", ")}`);
    }
    const start = s.str("start_date");
    if (start !== undefined) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
      if (!m || Number.isNaN(Date.parse(start))) s.cx.at("SYN5004", "error", `global.start_date must be a date YYYY-MM-DD, got "${start}"`, s.keyNode("start_date"));
      else {
        t.scenario.set("start", `${m[1]}-${m[2]}-01`, "global.start_date");
        if (m[3] !== "01") s.approx("start_date", `synth's periods are calendar months: starts on ${m[1]}-${m[2]}-01`);
      }
    }
    const months = s.num("period_months", { min: 1 });
    if (months !== undefined) {
      t.scenario.set("months", String(Math.min(120, Math.round(months))), "global.period_months");
      if (months > 120) s.approx("period_months", "synth generates at most 120 months: imported as 120");
    }
    for (const [key, to] of [["group_currency", "group_currency"], ["presentation_currency", "presentation_currency"]] as const) {
      const c = s.str(key);
      if (c === undefined) continue;
      if (isKnownCurrency(c.toUpperCase())) t.scenario.set(to, c.toUpperCase(), `global.${key}`);
      else s.cx.at("SYN5004", "error", `global.${key}: unknown currency "${c}"`, s.keyNode(key));
    }
    const parallel = s.bool("parallel");
    const threads = s.num("worker_threads", { min: 0 });
    if (parallel === false) t.runtime.set("workers", "1", "global.parallel: false");
    else if (threads !== undefined && threads > 0) t.runtime.set("workers", String(Math.min(256, Math.round(threads))), "global.worker_threads");
    const mb = s.num("memory_limit_mb", { min: 1 });
    if (mb !== undefined) {
      t.runtime.set("memory_soft", `${Math.max(1, Math.round(mb * 0.75))}MiB`, "global.memory_limit_mb x 0.75");
      t.runtime.set("memory_hard", `${Math.round(mb)}MiB`, "global.memory_limit_mb");
    }
  },

  companies: () => undefined, // read by importCompanies (a list, not a map)

  chart_of_accounts: (s, t) => {
    const c = s.str("complexity");
    if (c !== undefined) {
      if (["small", "medium", "large"].includes(c)) t.chart.set("size", c, "chart_of_accounts.complexity");
      else s.cx.at("SYN5004", "error", `chart_of_accounts.complexity must be small, medium or large, got "${c}"`, s.keyNode("complexity"));
    }
  },

  transactions: (s, t) => {
    const tx = t.phase("transactions");
    const a = s.sub("amounts");
    if (a) {
      const amounts = tx.block("amounts");
      const min = a.num("min_amount", { min: 0 });
      const max = a.num("max_amount", { min: 0 });
      const mu = a.num("lognormal_mu");
      const sigma = a.num("lognormal_sigma", { min: 0 });
      if (min !== undefined) amounts.set("min", num(Math.max(0.01, min), 2), "transactions.amounts.min_amount");
      if (max !== undefined) amounts.set("max", num(max, 2), "transactions.amounts.max_amount");
      if (mu !== undefined) amounts.set("median", num(Math.exp(mu), 2), "exp(transactions.amounts.lognormal_mu)");
      if (sigma !== undefined) amounts.set("sigma", num(Math.min(5, Math.max(0.1, sigma)), 3), "transactions.amounts.lognormal_sigma");
      const round = a.share("round_number_probability");
      if (round !== undefined) amounts.set("round_share", pct(round), "transactions.amounts.round_number_probability");
      a.finish();
    }
    const b = s.sub("benford");
    if (b) {
      const on = b.bool("enabled");
      if (on !== undefined) tx.block("amounts").set("benford", String(on), "transactions.benford.enabled");
      b.finish();
    }
    const src = s.sub("source_distribution");
    if (src) {
      const w = { manual: src.num("manual", { min: 0 }) ?? 0, automated: src.num("automated", { min: 0 }) ?? 0, recurring: src.num("recurring", { min: 0 }) ?? 0, adjustment: src.num("adjustment", { min: 0 }) ?? 0 };
      const total = w.manual + w.automated + w.recurring + w.adjustment;
      if (total > 0) {
        const sources = tx.block("sources");
        const manual = Math.round(((w.manual + w.adjustment) / total) * 1000) / 10;
        const automated = Math.round((w.automated / total) * 1000) / 10;
        sources.set("manual", `${num(manual, 1)}%`, "transactions.source_distribution.manual (+ adjustment)");
        sources.set("automated", `${num(automated, 1)}%`, "transactions.source_distribution.automated");
        sources.set("recurring", `${num(Math.round((100 - manual - automated) * 10) / 10, 1)}%`, "transactions.source_distribution.recurring");
        if (w.adjustment > 0) src.approx("adjustment", "synth has no adjustment source: counted as manual entries");
      }
      src.finish();
    }
    const season = s.sub("seasonality");
    if (season) importSeasonality(season, tx.block("temporal"));
    const li = s.sub("line_item_distribution");
    if (li) {
      const items = tx.block("line_items");
      for (const [key, to] of [["two_items", "two"], ["three_items", "three"], ["four_items", "four"]] as const) {
        const v = li.share(key);
        if (v !== undefined) items.set(to, pct(v), `transactions.line_item_distribution.${key}`);
      }
      li.finish();
    }
  },

  output: (s, t) => {
    const dir = s.str("output_directory");
    if (dir !== undefined) t.output.set("directory", str(dir.replace(/^\.\//, "")), "output.output_directory");
    const formats = s.strList("formats");
    if (formats) {
      const out: string[] = [];
      for (const f of formats) {
        const to = OUTPUT_FORMATS[f.value];
        if (!to) {
          s.cx.at("SYN5001", "warning", `output.formats: ${f.value} is not imported: synth writes csv, ndjson, parquet and sqlite`, f.node);
          continue;
        }
        if (f.value === "json") s.cx.at("SYN5003", "info", "output.formats: json is imported as ndjson (one JSON object per line)", f.node);
        if (!out.includes(to)) out.push(to);
      }
      if (out.length) t.output.set("formats", `[${out.join(", ")}]`, "output.formats");
    }
    s.same("mode", "flat_file", REASONS["output.mode"]!);
    const comp = s.sub("compression");
    if (comp) {
      comp.same("enabled", false, REASONS["output.compression"]!);
      if (comp.bool("enabled") === false) comp.node("level"), comp.node("algorithm");
      comp.finish();
    }
    for (const k of ["include_acdoca", "include_bseg", "partition_by_period", "partition_by_company"]) s.same(k, false, REASONS[`output.${k}`]!);
  },

  fraud: (s, t) => {
    if (!enabled(s)) return;
    const an = t.phase("anomalies");
    const rate = s.share("fraud_rate");
    if (rate !== undefined) {
      an.set("rate", pct(Math.min(0.5, rate)), "fraud.fraud_rate");
      if (rate > 0.5) s.approx("fraud_rate", "synth injects anomalies into at most 50% of entries: imported as 50%");
    }
    const dist = s.weights("fraud_type_distribution");
    const types = new Set<string>();
    const names = dist ? [...dist].filter(([, w]) => w.value > 0).map(([k]) => k) : Object.keys(FRAUD_TYPES);
    for (const k of names) {
      const to = FRAUD_TYPES[k];
      if (to) types.add(to);
      else s.cx.at("SYN5002", "warning", `fraud.fraud_type_distribution.${k} is not a fraud type of the datasynth format`, dist?.get(k)?.node);
    }
    if (types.size) an.set("types", `[${[...types].join(", ")}]`, dist ? "fraud.fraud_type_distribution" : "datasynth's default fraud types");
    if (dist && types.size) s.approx("fraud_type_distribution", `kept as the list of types (${names.map((n) => `${n} -> ${FRAUD_TYPES[n]}`).join(", ")}); synth spreads the rate evenly over them, so the weights are not kept`);
  },

  anomaly_injection: (s, t) => {
    if (!enabled(s)) return;
    const an = t.phase("anomalies");
    const rates = s.sub("rates");
    if (rates) {
      const total = rates.share("total_rate");
      if (total !== undefined && !an.has("rate")) an.set("rate", pct(Math.min(0.5, total)), "anomaly_injection.rates.total_rate");
      for (const k of ["fraud_rate", "error_rate", "process_rate"]) rates.noEquivalent(k, "synth has one anomaly rate (phase anomalies rate); the split by kind follows the types");
      rates.finish();
    }
  },

  data_quality: (s) => {
    if (!enabled(s)) return;
    s.cx.at("SYN5001", "warning", `data_quality is not imported: ${REASONS.data_quality}`, s.self ?? s.map);
    s.consumeAll();
  },

  master_data: (s, t) => {
    const md = t.phase("master_data");
    for (const key of ["vendors", "customers", "materials", "fixed_assets", "employees", "cost_centers"]) {
      const sub = s.sub(key);
      if (!sub) continue;
      const n = sub.num("count", { min: 0 });
      if (n !== undefined) md.set(key, String(Math.round(n)), `master_data.${key}.count`);
      sub.finish();
    }
    if (!md.items.length) t.phases.delete("master_data");
  },

  document_flows: (s, t) => {
    const p2p = s.sub("p2p");
    if (p2p) {
      const b = t.process("procure_to_pay");
      const chains = p2p.extra("chains_per_month", "process procure_to_pay volume");
      if (typeof chains === "number" && chains >= 0) b.set("volume", `${count(chains)} per month`, "document_flows.p2p.chains_per_month");
      const on = p2p.bool("enabled");
      if (on === false) b.set("enabled", "false", "document_flows.p2p.enabled");
      setShare(p2p, "partial_delivery_rate", b, "partial_delivery");
      setShare(p2p, "price_variance_rate", b, "variance_share");
      setShare(p2p, "early_payment_discount_rate", b, "early_discount");
      lag(p2p, "average_po_to_gr_days", b, "order_to_receipt");
      lag(p2p, "average_gr_to_invoice_days", b, "receipt_to_invoice");
      lag(p2p, "average_invoice_to_payment_days", b, "invoice_to_payment");
      const pb = p2p.sub("payment_behavior");
      if (pb) {
        setShare(pb, "late_payment_rate", b, "late_payment");
        pb.finish();
      }
      p2p.finish();
    }
    const o2c = s.sub("o2c");
    if (o2c) {
      const b = t.process("order_to_cash");
      const chains = o2c.extra("chains_per_month", "process order_to_cash volume");
      if (typeof chains === "number" && chains >= 0) b.set("volume", `${count(chains)} per month`, "document_flows.o2c.chains_per_month");
      const on = o2c.bool("enabled");
      if (on === false) b.set("enabled", "false", "document_flows.o2c.enabled");
      setShare(o2c, "partial_shipment_rate", b, "partial_delivery");
      setShare(o2c, "bad_debt_rate", b, "bad_debt");
      setShare(o2c, "late_payment_rate", b, "late_payment");
      lag(o2c, "average_so_to_delivery_days", b, "order_to_receipt");
      lag(o2c, "average_delivery_to_invoice_days", b, "receipt_to_invoice");
      lag(o2c, "average_invoice_to_receipt_days", b, "invoice_to_payment");
      const pb = o2c.sub("payment_behavior");
      if (pb) {
        const late = pb.extra("late_rate", "document_flows.o2c.late_payment_rate");
        if (typeof late === "number" && late >= 0 && late <= 1 && !b.has("late_payment")) b.set("late_payment", pct(late), "document_flows.o2c.payment_behavior.late_rate");
        const dun = pb.sub("dunning");
        if (dun) {
          const d = dun.bool("enabled");
          if (d !== undefined) b.set("dunning", String(d), "document_flows.o2c.payment_behavior.dunning.enabled");
          if (d !== false) for (const p of dun.map.items) if (isScalar(p.key) && p.key.value !== "enabled") dun.noEquivalent(String(p.key.value), "synth's dunning has fixed levels");
          else dun.consumeAll();
          dun.finish();
        }
        pb.finish();
      }
      o2c.finish();
    }
    const graph = s.bool("export_flow_graph");
    if (graph === true) {
      const g = t.phase("graphs");
      g.set("kinds", `[${[...new Set([...(listOf(g.get("kinds"))), "document_flow"])].join(", ")}]`, "document_flows.export_flow_graph");
    }
    s.same("generate_document_references", true, REASONS["document_flows.generate_document_references"]!);
  },

  intercompany: (s, t) => {
    const ic = t.process("intercompany");
    const on = s.bool("enabled");
    if (on === false) {
      ic.set("enabled", "false", "intercompany.enabled");
      s.consumeAll();
      return;
    }
    if (t.companies.length < 2) s.cx.at("SYN5003", "info", "intercompany: the config has fewer than two companies, so synth generates no intercompany transactions", s.self ?? s.map);
    const rate = s.share("ic_transaction_rate");
    if (rate !== undefined && t.totalVolume() > 0) {
      const n = Math.max(1, Math.round(rate * t.totalVolume()));
      ic.set("volume", `${count(n)} per year`, "intercompany.ic_transaction_rate x the companies' annual volume");
    }
    const types = s.weights("transaction_type_distribution");
    if (types) {
      const total = [...types.values()].reduce((a, w) => a + w.value, 0);
      const loan = types.get("loan")?.value ?? 0;
      if (total > 0) ic.set("loan_share", pct(loan / total), "intercompany.transaction_type_distribution.loan");
      const others = [...types.keys()].filter((k) => k !== "loan");
      if (others.length) s.approx("transaction_type_distribution", `synth's intercompany transactions are service recharges and loans: ${others.join(", ")} are imported as recharges`);
    }
    s.same("generate_matched_pairs", true, "synth always books both sides with one reference (intercompany_matches)");
    s.same("generate_eliminations", true, "synth always eliminates intercompany balances in consolidated_trial_balance");
    if (!ic.items.length) t.processes.delete("intercompany");
  },

  balance: (s, t) => {
    const close = s.extra("period_close_enabled", "phase period_close (which synth always runs)");
    if (close === false) s.cx.at("SYN5001", "warning", "balance.period_close_enabled = false is not imported: synth always closes the periods (the trial balance and the checks need it)", s.keyNode("period_close_enabled"));
    s.same("generate_opening_balances", true, "synth always generates opening balances: the transactions need them");
    s.same("generate_trial_balances", true, "synth always writes trial_balance (phase period_close)");
    s.same("validate_balance_equation", true, "synth always verifies that every entry and the books balance");
    s.same("reconcile_subledgers", true, "synth always reconciles subledgers to the ledger (reconciliation table)");
    const gm = s.share("target_gross_margin");
    if (gm !== undefined) t.business.set("gross_margin", pct(gm), "balance.target_gross_margin");
    const dso = s.num("target_dso_days", { min: 0, max: 365 });
    if (dso !== undefined) t.business.set("dso", `${Math.round(dso)}d`, "balance.target_dso_days");
    const dpo = s.num("target_dpo_days", { min: 0, max: 365 });
    if (dpo !== undefined) t.business.set("dpo", `${Math.round(dpo)}d`, "balance.target_dpo_days");
    const de = s.num("target_debt_to_equity", { min: 0 });
    if (de !== undefined) {
      const ratio = Math.min(0.95, Math.max(0.05, 1 / (1 + de)));
      t.business.set("equity_ratio", pct(Math.round(ratio * 1000) / 1000), "1 / (1 + balance.target_debt_to_equity)");
    }
  },

  ocpm: (s) => {
    if (!enabled(s)) return;
    s.cx.at("SYN5001", "warning", `ocpm is not imported: ${REASONS.ocpm}`, s.self ?? s.map);
    s.consumeAll();
  },

  scenario: (s, t) => {
    const description = s.str("description");
    if (description) t.header.push(description);
    const tags = s.strList("tags");
    if (tags?.length) t.header.push(`tags: ${tags.map((x) => x.value).join(", ")}`);
    const meta = s.sub("metadata");
    if (meta) {
      for (const p of meta.map.items) if (isScalar(p.key)) t.header.push(`${String(p.key.value)}: ${String(meta.str(String(p.key.value)) ?? "")}`);
      meta.finish();
    }
    const ml = s.bool("ml_training");
    if (ml === true) {
      if (t.phases.has("anomalies")) t.phase("anomalies").set("ml_labels", "true", "scenario.ml_training");
      else s.approx("ml_training", "synth writes ML labels with injected anomalies (phase anomalies ml_labels); the config injects none");
    }
    const ratio = s.share("target_anomaly_ratio");
    if (ratio !== undefined) {
      const an = t.phase("anomalies");
      const rate = pct(Math.min(0.5, ratio));
      if (!an.has("rate")) an.set("rate", rate, "scenario.target_anomaly_ratio");
      else if (an.get("rate") !== rate) s.approx("target_anomaly_ratio", `the anomaly rate is taken from the fraud section (${an.get("rate")})`);
    }
    const profile = s.str("profile");
    if (profile !== undefined && profile !== "clean") s.noEquivalent("profile");
  },

  audit: (s, t) => {
    if (!enabled(s)) return;
    t.phase("audit");
  },

  audit_standards: (s, t) => {
    if (!enabled(s)) return;
    const audit = t.phase("audit");
    const pcaob = s.sub("pcaob");
    if (pcaob) {
      if (pcaob.bool("enabled") === true) audit.set("standard", "pcaob", "audit_standards.pcaob.enabled");
      pcaob.consumeAll();
    }
    if (!audit.has("standard")) audit.set("standard", "isa", "audit_standards");
  },

  accounting_standards: (s, t) => {
    if (!enabled(s)) return;
    const b = t.phase("accounting_standards");
    const fw = s.str("framework");
    if (fw !== undefined) {
      if (fw === "us_gaap" || fw === "ifrs") b.set("framework", fw, "accounting_standards.framework");
      else {
        b.set("framework", "ifrs", `accounting_standards.framework: ${fw}`);
        s.approx("framework", `synth has ifrs and us_gaap: ${fw} is imported as ifrs`);
      }
    }
    for (const [key, to] of [["revenue_recognition", "revenue_recognition"], ["impairment", "impairment"]] as const) {
      const sub = s.sub(key);
      if (!sub) continue;
      const on = sub.bool("enabled");
      if (on !== undefined) b.set(to, String(on), `accounting_standards.${key}.enabled`);
      for (const p of sub.map.items) if (isScalar(p.key) && p.key.value !== "enabled") sub.noEquivalent(String(p.key.value), `synth's ${to} is on or off`);
      sub.finish();
    }
  },

  banking: (s, t) => {
    if (!enabled(s)) return;
    const b = t.phase("banking");
    const pop = s.sub("population");
    if (pop) {
      const retail = pop.num("retail_customers", { min: 0 }) ?? 0;
      const business = pop.num("business_customers", { min: 0 }) ?? 0;
      const trusts = pop.num("trusts", { min: 0 }) ?? 0;
      if (retail + business + trusts > 0) b.set("customers", String(Math.round(retail + business + trusts)), "banking.population: retail + business customers + trusts");
      pop.finish();
    }
    const ty = s.sub("typologies");
    if (ty) {
      const rate = ty.share("suspicious_rate");
      if (rate !== undefined) b.set("suspicious_rate", pct(rate), "banking.typologies.suspicious_rate");
      const map: Record<string, string> = { structuring_rate: "structuring", layering_rate: "layering", funnel_rate: "funnel_account", round_tripping_rate: "round_tripping", trade_based_rate: "trade_based", mule_rate: "smurfing" };
      const kinds: string[] = [];
      for (const [k, to] of Object.entries(map)) {
        const v = ty.share(k);
        if (v !== undefined && v > 0 && !kinds.includes(to)) kinds.push(to);
      }
      if (ty.has("mule_rate")) ty.approx("mule_rate", "money mules are imported as the smurfing typology");
      if (kinds.length) b.set("typologies", `[${kinds.join(", ")}]`, "banking.typologies (*_rate above 0)");
      ty.finish();
    }
  },

  graph_export: (s, t) => {
    if (!enabled(s)) return;
    const g = t.phase("graphs");
    const formats = s.strList("formats");
    if (formats) {
      const out: string[] = [];
      for (const f of formats) {
        const to = GRAPH_FORMATS[f.value];
        if (to) out.push(to);
        else s.cx.at("SYN5001", "warning", `graph_export.formats: ${f.value} is not imported: synth's graph formats are graphml, neo4j_csv and pyg`, f.node);
      }
      if (out.length) g.set("formats", `[${[...new Set(out)].join(", ")}]`, "graph_export.formats");
    }
    const types = s.list("graph_types");
    if (types) {
      const kinds = new Set(listOf(g.get("kinds")));
      for (const n of types) {
        const name = isMap(n) ? String((n.get("name") as unknown) ?? "") : "";
        const kind = /approval/.test(name) ? "approval" : /entity/.test(name) ? "entity" : /document|flow/.test(name) ? "document_flow" : /transaction|accounting/.test(name) ? "transaction" : undefined;
        if (kind) kinds.add(kind);
        else s.cx.at("SYN5001", "warning", `graph_export.graph_types: "${name}" is not imported: synth's graph kinds are transaction, entity, approval and document_flow`, n as Node);
      }
      if (kinds.size) g.set("kinds", `[${[...kinds].join(", ")}]`, "graph_export.graph_types");
    }
  },

  llm: (s, t) => {
    if (!enabled(s)) return;
    const b = t.phase("llm_enrichment");
    const provider = s.str("provider");
    b.set("provider", "template", "llm.provider");
    if (provider !== undefined && provider !== "mock") s.approx("provider", `${REASONS.llm}: imported as provider = template`);
  },

  diffusion: (s, t) => {
    if (!enabled(s)) return;
    const b = t.phase("diffusion");
    const steps = s.num("n_steps", { min: 1 });
    if (steps !== undefined) b.set("steps", String(Math.min(1000, Math.round(steps))), "diffusion.n_steps");
  },

  causal: (s, t) => {
    if (!enabled(s)) return;
    t.phase("causal_overlay");
  },

  source_to_pay: (s, t) => {
    if (!enabled(s)) return;
    const b = t.phase("source_to_contract");
    const sourcing = s.sub("sourcing");
    if (sourcing) {
      const n = sourcing.num("projects_per_year", { min: 0 });
      if (n !== undefined) b.set("sourcing_events", String(Math.round(n)), "source_to_pay.sourcing.projects_per_year");
      sourcing.finish();
    }
    const contracts = s.sub("contracts");
    if (contracts) {
      const min = contracts.num("min_duration_months", { min: 0 });
      const max = contracts.num("max_duration_months", { min: 0 });
      if (min !== undefined || max !== undefined) {
        const avg = Math.round(((min ?? max!) + (max ?? min!)) / 2);
        b.set("contract_months", String(Math.min(60, Math.max(3, avg))), "source_to_pay.contracts: (min + max duration) / 2");
        contracts.approx(min !== undefined ? "min_duration_months" : "max_duration_months", "synth's contracts all run contract_months: the middle of the range");
      }
      contracts.finish();
    }
  },

  financial_reporting: (s, t) => {
    if (!enabled(s)) return;
    const b = t.phase("financial_reporting");
    const flags: [string, string][] = [["generate_balance_sheet", "balance_sheet"], ["generate_income_statement", "income_statement"], ["generate_cash_flow", "cash_flow"], ["generate_changes_in_equity", "equity_changes"]];
    const statements: string[] = [];
    let any = false;
    for (const [k, to] of flags) {
      const v = s.bool(k);
      if (v !== undefined) any = true;
      if (v !== false) statements.push(to);
    }
    if (any && statements.length) b.set("statements", `[${statements.join(", ")}]`, "financial_reporting.generate_*");
    for (const k of ["management_kpis", "budgets"]) {
      const sub = s.sub(k);
      if (!sub) continue;
      // Budgets come from the business plan and actuals from the ledger: datasynth's noise settings have no counterpart.
      if (sub.bool("enabled") === true) t.phase("sales_kpis_budgets");
      sub.finish();
    }
  },

  hr: (s, t) => {
    if (!enabled(s)) return;
    const b = t.phase("hr");
    const pay = s.sub("payroll");
    if (pay) {
      const f = pay.str("pay_frequency");
      if (f !== undefined) {
        const to = { monthly: "monthly", semimonthly: "semi_monthly", semi_monthly: "semi_monthly", biweekly: "biweekly", weekly: "weekly" }[f.toLowerCase().replace("-", "_")];
        if (to) b.set("pay_frequency", to, "hr.payroll.pay_frequency");
        else s.cx.at("SYN5004", "error", `hr.payroll.pay_frequency must be monthly, semi_monthly, biweekly or weekly, got "${f}"`, pay.keyNode("pay_frequency"));
      }
      pay.node("enabled");
      pay.finish();
    }
    for (const [k, to] of [["time_attendance", "time_entries"], ["expenses", "expenses"]] as const) {
      const sub = s.sub(k);
      if (!sub) continue;
      const on = sub.bool("enabled");
      if (on !== undefined) b.set(to, String(on), `hr.${k}.enabled`);
      sub.finish();
    }
  },

  manufacturing: (s, t) => {
    if (!enabled(s)) return;
    const b = t.phase("manufacturing");
    const po = s.sub("production_orders");
    if (po) {
      const n = po.num("orders_per_month", { min: 0 });
      if (n !== undefined) b.set("production_orders", `${count(Math.round(n))} per month`, "manufacturing.production_orders.orders_per_month");
      const yieldRate = po.share("yield_rate");
      if (yieldRate !== undefined) {
        const scrap = Math.round((1 - yieldRate) * 10000) / 10000;
        b.set("scrap_rate", pct(Math.min(0.3, scrap)), "1 - manufacturing.production_orders.yield_rate");
        if (scrap > 0.3) po.approx("yield_rate", "synth plans at most 30% scrap: imported as scrap_rate = 30%");
      }
      po.finish();
    }
  },

  sales_quotes: (s, t) => {
    if (!enabled(s)) return;
    const b = t.phase("sales_kpis_budgets");
    const win = s.share("win_rate");
    if (win !== undefined) b.set("quote_win_rate", pct(Math.max(0.02, win)), "sales_quotes.win_rate");
    const days = s.num("validity_days", { min: 0 });
    if (days !== undefined) b.set("quote_validity", `${Math.min(180, Math.max(7, Math.round(days)))}d`, "sales_quotes.validity_days");
  },

  tax: (s, t) => {
    if (!enabled(s)) return;
    const vat = s.sub("vat_gst");
    if (vat) {
      const rates = vat.sub("standard_rates");
      if (rates) {
        for (const p of rates.map.items) {
          if (!isScalar(p.key)) continue;
          const country = String(p.key.value).toUpperCase();
          const rate = rates.share(String(p.key.value));
          if (rate === undefined) continue;
          const hits = t.companies.filter((c) => c.get("country") === country);
          for (const c of hits) c.set("vat_rate", pct(rate), `tax.vat_gst.standard_rates.${country}`);
          if (!hits.length) rates.cx.at("SYN5003", "info", `tax.vat_gst.standard_rates.${country}: no company of the config is in ${country}`, p.key as Node);
        }
        rates.finish();
      }
      vat.node("enabled");
      vat.finish();
    }
  },
};

/** `enabled: false` sections are reported once (SYN5006) and not read further. */
function enabled(s: Section): boolean {
  const on = s.bool("enabled");
  if (on === false) {
    s.cx.at("SYN5006", "info", `${s.path} is disabled (enabled: false): nothing to import`, s.keyNode("enabled"));
    s.consumeAll();
    return false;
  }
  return true;
}

function setShare(s: Section, key: string, b: Block, to: string): void {
  const v = s.share(key);
  if (v !== undefined) b.set(to, pct(v), `${s.path}.${key}`);
}

/** An average lag in days -> a synth range around it (half to one and a half times). */
function lag(s: Section, key: string, b: Block, to: string): void {
  const v = s.num(key, { min: 0, max: 365 });
  if (v === undefined) return;
  const lo = Math.round(v * 0.5);
  const hi = Math.max(lo + 1, Math.round(v * 1.5));
  b.block("lags").set(to, `${lo}d..${hi}d`, `${s.path}.${key} (average ${v}d)`);
}

function importSeasonality(s: Section, temporal: Block): void {
  for (const [spike, mult, to] of [["month_end_spike", "month_end_multiplier", "month_end"], ["quarter_end_spike", "quarter_end_multiplier", "quarter_end"], ["year_end_spike", "year_end_multiplier", "year_end"]] as const) {
    const on = s.bool(spike);
    const m = s.num(mult, { min: 0 });
    if (on === false) temporal.set(to, "1x", `transactions.seasonality.${spike}: false`);
    else if (m !== undefined && m > 0) temporal.set(to, `${num(m, 3)}x`, `transactions.seasonality.${mult}`);
  }
  const lead = s.num("month_end_lead_days", { min: 0 });
  if (lead !== undefined) temporal.set("period_end_days", String(Math.min(10, Math.max(1, Math.round(lead)))), "transactions.seasonality.month_end_lead_days");
  const days = ["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => s.num(`${d}_multiplier`, { min: 0 }));
  const weekend = s.num("weekend_activity", { min: 0 });
  const patterns = s.bool("day_of_week_patterns");
  if (patterns !== false && (days.some((d) => d !== undefined) || weekend !== undefined)) {
    const w = [...days.map((d) => d ?? 1), weekend ?? 0.08, weekend ?? 0.03];
    temporal.set("weekdays", `[${w.map((x) => num(x, 3)).join(", ")}]`, "transactions.seasonality.*_multiplier, weekend_activity");
  }
  const holiday = s.share("holiday_activity");
  if (holiday !== undefined) temporal.set("holiday_weight", pct(holiday), "transactions.seasonality.holiday_activity");
  s.finish();
}

function listOf(v: string | undefined): string[] {
  return v ? v.replace(/^\[|\]$/g, "").split(",").map((x) => x.trim()).filter(Boolean) : [];
}

/** 550000 -> 550_000 (a .synth count). */
function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "_");
}

/** Exchange rates into the group currency at the start, from synth's reference rates. */
function importFx(t: Target): void {
  const group = t.scenario.get("group_currency") ?? "USD";
  const others = [...new Set(t.companies.map((c) => c.get("currency")).filter((c): c is string => !!c && c !== group))];
  for (const c of others) {
    if (CURRENCIES[c] && CURRENCIES[group]) t.fx.set(c, num(Number((CURRENCIES[c]!.usd / CURRENCIES[group]!.usd).toPrecision(4)), 12), "synth's reference rate (a datasynth config has no rates)");
  }
}

function importCompanies(cx: ImportContext, root: Section, t: Target): void {
  const items = root.list("companies");
  if (!items) {
    cx.at("SYN5004", "error", "the config has no companies: datasynth requires at least one", root.map);
    return;
  }
  const fiscal = new Map<string, Node>();
  items.forEach((node, i) => {
    if (!isMap(node)) {
      cx.at("SYN5004", "error", `companies[${i}] must be a map (code, name, currency ...)`, node);
      return;
    }
    const s = new Section(cx, `companies[${i}]`, node, "companies", REASONS);
    const code = s.str("code") ?? `C${String(i + 1).padStart(2, "0")}`;
    if (!s.has("code")) cx.at("SYN5004", "error", `companies[${i}] has no code`, node);
    const b = new Block(`company ${str(code)}`);
    const name = s.str("name");
    if (name !== undefined) b.set("name", str(name), `companies[${i}].name`);
    const country = s.str("country");
    if (country !== undefined) {
      if (ISO_COUNTRIES.has(country.toUpperCase())) b.set("country", country.toUpperCase(), `companies[${i}].country`);
      else cx.at("SYN5004", "error", `companies[${i}].country: "${country}" is not an ISO 3166 country code`, s.keyNode("country"));
    }
    const functional = s.str("functional_currency");
    const currency = functional ?? s.str("currency");
    if (currency !== undefined) {
      const key = functional !== undefined ? "functional_currency" : "currency";
      if (isKnownCurrency(currency.toUpperCase())) b.set("currency", currency.toUpperCase(), `companies[${i}].${key}`);
      else cx.at("SYN5004", "error", `companies[${i}].${key}: unknown currency "${currency}"`, s.keyNode(key));
      if (functional !== undefined && s.has("currency") && s.str("currency")!.toUpperCase() !== functional.toUpperCase())
        s.approx("currency", `synth books each company in one currency: the functional currency ${functional} is used, the local currency is not`);
    }
    const variant = s.str("fiscal_year_variant");
    if (variant !== undefined) fiscal.set(variant, s.keyNode("fiscal_year_variant")!);
    const vol = s.node("annual_transaction_volume");
    let annual: number | undefined;
    if (vol !== undefined) {
      if (isScalar(vol) && typeof vol.value === "string" && VOLUMES[vol.value] !== undefined) annual = VOLUMES[vol.value];
      else if (isMap(vol) && typeof vol.get("custom") === "number") annual = vol.get("custom") as number;
      else cx.at("SYN5004", "error", `companies[${i}].annual_transaction_volume must be ten_k, hundred_k, one_m, ten_m, hundred_m or {custom: N}`, vol);
    }
    const weight = s.num("volume_weight", { min: 0 }) ?? 1;
    t.companyVolumes.push((annual ?? 10_000) * weight);
    s.finish();
    t.companies.push(b);
  });
  // One fiscal year for the group: the variants must agree.
  if (fiscal.size) {
    const years = new Set([...fiscal.keys()].map((v) => FISCAL_VARIANTS[v.toUpperCase()]));
    const [variant, node] = [...fiscal.entries()][0]!;
    const year = FISCAL_VARIANTS[variant.toUpperCase()];
    if (years.size === 1 && year) t.scenario.set("fiscal_year", year, `companies[*].fiscal_year_variant: ${variant}`);
    else if (!year) cx.at("SYN5001", "warning", `companies[*].fiscal_year_variant ${variant} is not imported: synth knows the SAP variants K1-K4 (calendar year), V3 (April), V6 (July) and V9 (October); set scenario fiscal_year`, node);
    else cx.at("SYN5001", "warning", `companies[*].fiscal_year_variant is not imported: the companies have different fiscal years, synth has one for the group (scenario fiscal_year)`, node);
  }
  // Volumes: the group's standalone entries per year, shared by the companies' weighted volumes.
  const total = t.totalVolume();
  if (total > 0) {
    t.phase("transactions").set("volume", `${count(total)} per year`, "sum of companies[*].annual_transaction_volume x volume_weight");
    if (t.companies.length > 1) {
      let given = 0;
      t.companies.forEach((c, i) => {
        const last = i === t.companies.length - 1;
        const share = last ? Math.round((100 - given) * 100) / 100 : Math.round((t.companyVolumes[i]! / total) * 10000) / 100;
        given += share;
        c.set("share", `${num(share, 2)}%`, `companies[${i}] volume share`);
      });
    }
  }
}

/** Imports a datasynth YAML config. Pure: text in, text and diagnostics out. */
export function importDatasynth(source: string, options: ImportOptions): ImportResult {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const cx = new ImportContext(options.file, lines, doc);
  for (const e of doc.errors) cx.at("SYN5005", "error", `not valid YAML: ${e.message.split("\n")[0]}`, { range: [e.pos[0], e.pos[1], e.pos[1]] } as unknown as Node);
  if (doc.errors.length) return { diagnostics: cx.diagnostics };
  if (!isMap(doc.contents)) {
    cx.at("SYN5005", "error", "not a datasynth config: the file must be a map of sections (global, companies, chart_of_accounts, output ...)", doc.contents as Node);
    return { diagnostics: cx.diagnostics };
  }
  const root = new Section(cx, "", doc.contents, "", REASONS);
  const t = new Target(options.name ?? nameOf(options.file));
  t.header.push(`Imported by \`synth import datasynth\` from ${options.file.split(/[\\/]/).pop()}.`);

  const known = DATASYNTH_KEYS[""]!;
  if (!root.has("global") && !root.has("companies")) {
    cx.at("SYN5005", "error", "not a datasynth config: it has neither global nor companies", doc.contents);
    return { diagnostics: cx.diagnostics };
  }
  importCompanies(cx, root, t);
  // The sections in a fixed order (companies first: volumes and countries feed later ones).
  const order = ["global", "chart_of_accounts", "transactions", "master_data", "document_flows", "intercompany", "balance", "fraud", "anomaly_injection", "scenario"];
  const rest = known.filter((k) => !order.includes(k) && k !== "companies");
  for (const key of [...order, ...rest]) {
    if (!root.has(key)) continue;
    const handler = SECTIONS[key];
    const keyNode = root.keyNode(key);
    if (!handler) {
      const value = root.node(key);
      if (isMap(value) && value.get("enabled") === false) cx.at("SYN5006", "info", `${key} is disabled (enabled: false): nothing to import`, keyNode);
      else cx.at("SYN5001", "warning", `${key} is not imported: ${REASONS[key] ?? "synth has no equivalent"}`, keyNode);
      continue;
    }
    const s = root.sub(key);
    if (!s) continue;
    handler(s, t);
    s.finish();
  }
  root.finish(); // unknown top-level keys
  importFx(t);
  if (!t.header.some((l) => l.startsWith("Not imported"))) {
    const skipped = cx.diagnostics.filter((d) => (d.code === "SYN5001" || d.code === "SYN5002") && !d.message.includes("; imported as ")).length;
    if (skipped) t.header.push(`Not imported: ${skipped} key${skipped === 1 ? "" : "s"} (synth import reports each with its reason; see docs/import.md).`);
  }
  if (cx.diagnostics.some((d) => d.severity === "error")) return { diagnostics: cx.diagnostics };
  const text = t.print();
  const formatted = formatSynth(text, { path: "imported.synth" });
  return { text: formatted.diagnostics.some((d) => d.severity === "error") ? text : formatted.text, diagnostics: cx.diagnostics };
}

/** "fraud-detection-basic.yaml" -> "Fraud Detection Basic". */
function nameOf(file: string): string {
  const stem = (file.split(/[\\/]/).pop() ?? file).replace(/\.(ya?ml)$/i, "");
  const words = stem.split(/[-_\s.]+/).filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ") || "Imported scenario";
}

/** The top-level sections and what the importer does with them, for docs and tests. */
export function sectionCoverage(): { section: string; mapped: boolean; reason?: string }[] {
  return DATASYNTH_KEYS[""]!.map((k) => ({ section: k, mapped: k in SECTIONS, reason: REASONS[k] }));
}
