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
import { DEFAULT_TYPES, anomalyType, type Category } from "../../phases/anomalies/catalog.ts";
import { QUALITY_PRESETS } from "../../phases/anomalies/params.ts";

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
  /**
   * The anomalies phase's types and rates, gathered from fraud, anomaly_injection and scenario
   * and written once they are all read (writeAnomalies): each type's own rate with the key it
   * came from, and the types that share `rate`.
   */
  /** Whether fraud or anomaly_injection asked for anomalies. */
  anomalySections = false;
  readonly anomalies = { own: new Map<string, { rate: number; from: string; src: string }>(), free: [] as string[], rate: undefined as { value: number; from: string } | undefined };
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
  "fraud.clustering_factor": "synth's clustering is a strength from 0 (spread by volume) to 1, not a factor; clustering_enabled sets it (off: 0%, on: synth's 50%)",
  "fraud.approval_thresholds": "synth's approval threshold is one per company, from the business plan; its threshold types (just_below_threshold, split_transaction) use it",
  data_quality: "synth has no equivalent setting",
  "data_quality.sink_profiles": "synth writes one as-extracted copy (dirty_journal_entries) in every output format, with the same issues",
  "data_quality.missing_values.field_rates": "synth blanks one of its own fields (line text, cost center, poster, document date, event, partner, posting time, source), each as likely",
  "data_quality.missing_values.protected_fields": "synth never blanks keys, amounts or accounts; the fields it may blank are fixed",
  "data_quality.typos.type_weights": "synth's typos use the reference's default weights (substitution .35, transposition .25, deletion .15, insertion .10, OCR .10, homophone .05)",
  "data_quality.typos.protected_fields": "synth never typos keys (identifiers get format variations instead)",
  "data_quality.format_variations.dates": "synth picks among its own date formats (03/15/2024, 15.03.2024, 20240315, 15/03/2024); the rate is imported",
  "data_quality.format_variations.amounts": "synth picks among its own amount formats (1,234.50, 1.234,50, extra precision, a currency code); the rate is imported",
  "data_quality.format_variations.identifiers": "synth picks among its own identifier variations (case, padding, separators, a leading space); the rate is imported",
  "data_quality.duplicates.exact_duplicate_ratio": "synth decides per duplicate whether it is exact or has one value in another format; there are no ratios to set",
  "data_quality.duplicates.near_duplicate_ratio": "synth decides per duplicate whether it is exact or has one value in another format; there are no ratios to set",
  "data_quality.duplicates.fuzzy_duplicate_ratio": "synth decides per duplicate whether it is exact or has one value in another format; there are no ratios to set",
  "data_quality.duplicates.max_date_offset_days": "a synth duplicate keeps its dates (a near duplicate changes a value's format, not its value)",
  "data_quality.duplicates.max_amount_variance": "a synth duplicate keeps its amounts (a near duplicate changes a value's format, not its value)",
  "data_quality.encoding_issues.mojibake": "synth picks among its own encoding issues (mojibake, &nbsp;, a byte-order mark, a replacement character); the rate is imported",
  "data_quality.encoding_issues.html_entities": "synth picks among its own encoding issues (mojibake, &nbsp;, a byte-order mark, a replacement character); the rate is imported",
  "data_quality.encoding_issues.bom_issues": "synth picks among its own encoding issues (mojibake, &nbsp;, a byte-order mark, a replacement character); the rate is imported",
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
  "scenario.profile": "a label: datasynth's runtime never reads it (the data-quality rates come from data_quality.preset, which is imported)",
  audit: "synth's audit phase samples and tests; workpapers, teams and review workflows are not modelled",
  banking: "synth's banking phase sets customers, business_share, trust_share, accounts_per_customer, transactions_per_customer, suspicious_rate, laundering_rate, typologies, sophistication, pep_rate, screening_false_positive_rate, p2p_rate, the analysts' escalation and SAR rates, country, name and group_accounts; it has no such setting",
  "banking.population.retail_persona_weights": "synth's persons are salaried, students, retirees, self-employed and wealthy in fixed proportions (58, 10, 17, 12 and 3 in 100); there are no persona weights to set",
  "banking.population.business_persona_weights": "synth's businesses are retail shops, restaurants, professional services, construction, import and export, online merchants, consulting firms and holdings in fixed proportions; there are no persona weights to set",
  "banking.population.household_rate": "synth forms households of up to four consecutive persons (same surname and address) at its own fixed rate; there is no rate to set",
  "banking.population.avg_household_size": "synth forms households of up to four consecutive persons (same surname and address) at its own fixed rate; there is no size to set",
  "banking.population.period_months": "the bank runs over the scenario's own periods (global.start_date, global.period_months), not a period of its own",
  "banking.population.start_date": "the bank runs over the scenario's own periods (global.start_date, global.period_months), not a period of its own",
  "banking.products.cash_intensity": "synth's cash use follows each customer's segment (a shop takes 35% of its takings in cash, a restaurant 30%; persons use ATMs); there is no rate to set",
  "banking.products.cross_border_rate": "synth's cross-border activity follows the segment (3% of card purchases abroad; wires abroad for holdings, traders and the wealthy); there is no rate to set",
  "banking.products.card_vs_transfer": "synth's channel follows what is paid (card purchases, transfers for rent, bills and suppliers); there is no ratio to set",
  "banking.products.debit_card_rate": "synth's products are current, savings, credit card and loan accounts (accounts_per_customer); debit cards are not a product of their own",
  "banking.products.international_rate": "synth has no international capability per account; cross-border activity follows the segment",
  "banking.compliance.risk_appetite": "synth rates each customer's risk from its file (kyc_profiles: score, rating and reasons) and onboards every applicant; there is no risk appetite to set",
  "banking.compliance.high_risk_tolerance": "synth rates each customer's risk from its file (kyc_profiles: score, rating and reasons) and onboards every applicant; there is no tolerance to set",
  "banking.compliance.kyc_completeness": "synth's KYC files are complete (1% of identity documents unverified, a fixed share); there is no rate to set",
  "banking.compliance.edd_threshold": "synth's enhanced due diligence follows the risk rating (high-risk customers and every PEP, reviewed yearly), not an amount",
  "banking.typologies.detectability": "in synth a case's detectability follows its sophistication (advanced: amounts well under thresholds, more steps, slower); there is no base detectability to set",
  "banking.spoofing": "synth has no adversarial spoofing mode: its cases evade detection by their sophistication (typologies.sophistication is imported) and hide among the criminals' normal activity",
  "banking.output.directory": "synth writes the banking tables with all the others, one file per table in the run's output directory",
  "banking.output.include_case_narratives": "synth writes no case narratives; aml_cases holds each case's typology, sophistication, parties, dates and amounts",
  "banking.output.include_graph": "synth's banking phase writes no graph export (its graphs phase builds graphs of the group's ledger, not of bank transactions); aml_relationships and the counterparties of bank_transactions are its edges",
  graph_export: "synth's graphs phase has formats and kinds only",
  accounting_standards: "synth has no equivalent setting",
  "accounting_standards.leases": "synth has no lease accounting (IFRS 16 / ASC 842)",
  "accounting_standards.fair_value": "synth has no fair-value measurement of financial instruments (IFRS 13 / ASC 820); impairment uses fair values of assets",
  "accounting_standards.business_combinations": "synth has no acquisitions, so no purchase price allocation or goodwill",
  "accounting_standards.generate_differences": "synth books each company under one framework; there is no dual reporting to reconcile",
  "accounting_standards.revenue_recognition.generate_contracts": "synth makes every sales order a contract when revenue_recognition is on",
  "accounting_standards.revenue_recognition.contract_count": "synth's contracts are the real sales orders (process order_to_cash volume), not a count",
  "accounting_standards.revenue_recognition.variable_consideration_rate": "synth's transaction price is what the contract's invoices add up to; it estimates no variable consideration",
  "accounting_standards.revenue_recognition.over_time_recognition_rate": "in synth, goods recognise at delivery and services over time: the over-time share follows bundles (installation and support)",
  "accounting_standards.impairment.test_count": "synth tests each company's cash-generating unit at quarter ends when there is an indicator and every unit at the year end; the count follows",
  "accounting_standards.impairment.impairment_rate": "synth's impairments follow from the tests on the real operating result, not a rate",
  "accounting_standards.impairment.generate_projections": "synth always projects five years of cash flows for value in use",
  "accounting_standards.impairment.include_goodwill": "synth has no goodwill (no business combinations)",
  audit_standards: "synth's audit phase has the standard (isa or pcaob) only",
  anomaly_injection: "synth has no equivalent setting",
  "anomaly_injection.multi_stage_schemes":
    "synth's multi-step schemes are the types ghost_vendor and channel_stuffing (list them in phase anomalies types); datasynth's embezzlement stages and kickbacks have no synth counterpart, and its probabilities per perpetrator and year are no share of documents",
  "anomaly_injection.correlated_injection": "synth places each type by itself: no co-occurrence patterns, concealment or error cascades",
  "anomaly_injection.correlated_injection.temporal_clustering_config": "only quarter_end_multiplier has a synth counterpart (period_end)",
  "anomaly_injection.near_miss": "synth flags the legitimate entries its detection predicates fire on as near misses (near_misses); it makes no extra look-alike entries, so there is no proportion or kind to set",
  "anomaly_injection.difficulty_classification": "synth labels each anomaly's difficulty from its type (easy, medium, hard); there is no target distribution",
  "anomaly_injection.context_aware": "synth has no entity-behaviour rules for placing anomalies (new vendors, new employees, high-risk accounts)",
  "anomaly_injection.labeling": "synth always labels severity and difficulty (anomaly_labels) and writes ml_labels; there are no materiality thresholds to set",
  llm: "synth never calls a language model: its llm_enrichment phase writes text from templates, offline and deterministic",
  diffusion: "synth's diffusion phase has steps and strength only",
  causal: "synth's causal_overlay phase has interventions and model only",
  source_to_pay: "synth's source_to_contract phase has sourcing_events, contracts, contract_months and maverick_rate only",
  "source_to_pay.spend_analysis": "synth always writes spend_analysis (per company, period and category); there is nothing to set",
  "source_to_pay.qualification": "synth qualifies every vendor invited to a project (supplier_qualifications) by its own scores; there is nothing to set",
  "source_to_pay.rfx": "synth runs an RFI and an RFQ per project (rfx_events, supplier_bids, bid_evaluations); there is nothing to set",
  "source_to_pay.catalog": "synth lists every good of a contract in catalog_items; there is nothing to set",
  "source_to_pay.scorecards": "synth rates every vendor with receipts each quarter (supplier_scorecards); there is nothing to set",
  "source_to_pay.p2p_integration": "procure-to-pay always buys at the contracts' prices; buying off contract is maverick_rate",
  financial_reporting: "synth's financial_reporting phase sets statements, monthly, yearly, consolidated, account lines, bank_reconciliation, bank_fees, deposit_rate, overdraft_rate, direct_debits and returned_payments (KPIs and budgets are phase sales_kpis_budgets); it has no such setting",
  "financial_reporting.comparative_periods": "synth's statements have one comparative: prior_amount, the previous month's figure (monthly) or the previous fiscal year's (yearly)",
  "financial_reporting.management_kpis.frequency": "synth computes KPIs for every company and period (month); there is no quarterly frequency",
  "financial_reporting.budgets.revenue_growth_rate": "synth's budgets are the business plan (business growth and seasonality), which the actuals follow too; there is no separate budget growth rate",
  "financial_reporting.budgets.expense_inflation_rate": "synth's budgets are the business plan (its costs and their drivers); there is no inflation rate to set",
  "financial_reporting.budgets.variance_noise": "synth's budget variances are the real differences between the plan and the ledger's actuals, not noise added to the budget",
  hr: "synth's hr phase has pay_frequency, time_entries, expenses and turnover",
  "hr.payroll.salary_ranges": "salaries come from the employee master (phase master_data: by job, in the company's currency); the business plan's revenue follows from them (payroll_share)",
  "hr.payroll.tax_rates": "synth withholds income tax and social security through each company's country's brackets and ceilings (docs/hr.md)",
  "hr.payroll.benefits_enrollment_rate": "every employee is enrolled: employer retirement and benefits are the country's shares of gross",
  "hr.payroll.retirement_participation_rate": "every employee contributes the country's retirement share",
  "hr.time_attendance.overtime_rate": "overtime follows from the hourly staff's time entries (paid at 1.5 times the rate); there is no rate to set",
  "hr.expenses.submission_rate": "who claims expenses follows the department (sales, marketing and executives travel most); there is no submission rate",
  "hr.expenses.policy_violation_rate": "violations come from the company's expense policy (meals over the limit, missing receipts, weekend spending); there is no rate to set",
  manufacturing: "synth's manufacturing phase has production_orders, inspection_rate, receipt_inspection_rate, cycle_counts and scrap_rate",
  "manufacturing.costing": "synth's work centers have their own labour and machine rates, its standard costs roll up from the bills of material and routings, and actual costs follow what was absorbed: there are no rates to set",
  "manufacturing.routing": "synth's routings have 2-4 operations per made good with their own setup and run minutes; there is nothing to set",
  "manufacturing.production_orders.avg_batch_size": "synth sizes each order to the planned need (plus the planned scrap), not to a batch size",
  "manufacturing.production_orders.make_to_order_rate": "synth plans production from the stock needs of the real sales (urgent orders and top-ups); there is no make-to-order share",
  "manufacturing.production_orders.rework_rate": "synth's rework follows from its inspections (rejected lots are reworked or scrapped), not a rate (inspection_rate sets how many orders are inspected)",
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

/** datasynth's fraud types (FraudTypeDistribution) -> synth's anomaly types. */
export const FRAUD_TYPES: Record<string, string> = {
  suspense_account_abuse: "unusual_account_pair",
  fictitious_transaction: "fictitious_entry",
  revenue_manipulation: "revenue_manipulation",
  expense_capitalization: "improper_capitalization",
  split_transaction: "split_transaction",
  timing_anomaly: "backdated_entry",
  unauthorized_access: "exceeded_approval_limit",
  duplicate_payment: "duplicate_payment",
};

/** datasynth's default fraud type weights (FraudTypeDistribution::default). */
const FRAUD_DEFAULT_WEIGHTS: Record<string, number> = {
  suspense_account_abuse: 0.25,
  fictitious_transaction: 0.15,
  revenue_manipulation: 0.1,
  expense_capitalization: 0.1,
  split_transaction: 0.15,
  timing_anomaly: 0.1,
  unauthorized_access: 0.1,
  duplicate_payment: 0.05,
};

/** datasynth's anomaly rates by category (AnomalyRateConfig defaults in its schema). */
const CATEGORY_DEFAULTS = { fraud_rate: 0.01, error_rate: 0.015, process_rate: 0.005 };

/** Rounds a share to 1/1,000,000 (what pct prints). */
function share6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

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
    t.anomalySections = true;
    t.phase("anomalies");
    // fraud_rate split over the types by their weights: each synth type gets its own rate.
    const rate = s.share("fraud_rate");
    const total = rate ?? 0.005;
    const rateFrom = rate !== undefined ? "fraud.fraud_rate" : "datasynth's default fraud_rate 0.5%";
    const dist = s.weights("fraud_type_distribution");
    const weights = dist ? new Map([...dist].map(([k, w]) => [k, w.value])) : new Map(Object.entries(FRAUD_DEFAULT_WEIGHTS));
    for (const k of weights.keys()) {
      if (FRAUD_TYPES[k]) continue;
      s.cx.at("SYN5002", "warning", `fraud.fraud_type_distribution.${k} is not a fraud type of the datasynth format`, dist?.get(k)?.node);
      weights.delete(k);
    }
    const sum = [...weights.values()].reduce((a, b) => a + b, 0);
    if (dist && sum > 0 && Math.abs(sum - 1) > 1e-6)
      s.approx("fraud_type_distribution", `the weights add up to ${num(sum, 4)}: each type takes its weight's part of the sum (datasynth gives what is left below 1 to duplicate_payment and drops what is beyond 1)`);
    for (const [k, w] of weights) {
      if (w <= 0 || sum <= 0) continue;
      const from = dist ? `${rateFrom} x fraud.fraud_type_distribution.${k}` : `${rateFrom} x datasynth's default weight of ${k} (${num(w, 2)})`;
      addAnomaly(t, s, FRAUD_TYPES[k]!, (total * w) / sum, from, dist ? "fraud.fraud_type_distribution" : "fraud", dist ? "fraud_type_distribution" : "fraud_rate");
    }
    const clustering = s.bool("clustering_enabled");
    if (clustering !== undefined) t.phase("anomalies").set("clustering", clustering ? "50%" : "0%", `fraud.clustering_enabled: ${clustering}${clustering ? " (synth's default strength)" : ""}`);
  },

  anomaly_injection: (s, t) => {
    if (!enabled(s)) return;
    t.anomalySections = true;
    const an = t.phase("anomalies");
    const rates = s.sub("rates");
    const cats: Record<string, number> = { ...CATEGORY_DEFAULTS };
    const given = new Set<string>();
    let total: number | undefined;
    if (rates) {
      total = rates.share("total_rate");
      for (const k of Object.keys(CATEGORY_DEFAULTS)) {
        const v = rates.share(k);
        if (v !== undefined) (cats[k] = v), given.add(k);
      }
      rates.finish();
    }
    // The fraud section, when it ran, chose the fraud types: its rates are kept.
    const fraudSection = [...t.anomalies.own.values()].some((x) => x.src.startsWith("fraud"));
    for (const [k, cat] of [["fraud_rate", "fraud"], ["error_rate", "error"], ["process_rate", "process"]] as const) {
      if (cat === "fraud" && fraudSection) {
        if (given.has(k)) rates!.approx(k, "the fraud section's types and rates are kept");
        continue;
      }
      const from = given.has(k) ? `anomaly_injection.rates.${k}` : `datasynth's default ${k} ${pct(cats[k]!)}`;
      spreadCategory(t, s, cat, cats[k]!, from, given.has(k) ? rates : undefined, k);
    }
    const planned = cats.fraud_rate! + cats.error_rate! + cats.process_rate!;
    if (total !== undefined) {
      const rest = share6(total - planned);
      if (rest > 0) {
        // What total_rate leaves beyond the three categories: the statistical and relational types share it.
        t.anomalies.rate = { value: Math.min(0.5, rest), from: "anomaly_injection.rates.total_rate - fraud, error and process rates" };
        t.anomalies.free.push(...DEFAULT_TYPES.filter((x) => ["statistical", "relational"].includes(anomalyType(x).category) && !t.anomalies.own.has(x)));
        if (rest > 0.5) rates!.approx("total_rate", "synth's shared rate is at most 50%: the statistical and relational types take 50%");
      } else if (rest < 0) rates!.approx("total_rate", `less than the fraud, error and process rates together (${pct(planned)}): synth keeps the category rates`);
    }
    const nm = s.sub("near_miss");
    if (nm) {
      const on = nm.bool("enabled");
      if (on !== undefined) {
        an.set("near_misses", String(on), "anomaly_injection.near_miss.enabled");
        if (on) nm.approx("enabled", "synth flags the legitimate entries its detection predicates fire on as near misses in ml_labels; it makes no extra look-alike entries");
      }
      if (on === false) nm.consumeAll();
      nm.finish();
    }
    const ci = s.sub("correlated_injection");
    if (ci) {
      const on = ci.bool("enabled");
      if (on === false) ci.consumeAll();
      else {
        const temporal = ci.bool("temporal_clustering");
        if (temporal === false) an.set("clustering", "0%", "anomaly_injection.correlated_injection.temporal_clustering: false");
        const cfg = ci.sub("temporal_clustering_config");
        if (cfg) {
          const q = cfg.num("quarter_end_multiplier", { min: 0 });
          if (q !== undefined && q > 0) an.set("period_end", `${num(Math.min(10, q), 3)}x`, "anomaly_injection.correlated_injection.temporal_clustering_config.quarter_end_multiplier");
          cfg.finish();
        }
      }
      ci.finish();
    }
  },

  data_quality: (s, t) => {
    if (!enabled(s)) return;
    const dq = t.phase("anomalies").block("data_quality");
    const preset = s.str("preset");
    // datasynth: a preset other than none and custom overrides the missing, typo and duplicate rates.
    let overrides = false;
    if (preset !== undefined) {
      if (preset === "none" || preset === "custom") dq.set("preset", "none", `data_quality.preset: ${preset} (the rates below)`);
      else if ((QUALITY_PRESETS as readonly string[]).includes(preset)) {
        dq.set("preset", preset, "data_quality.preset");
        overrides = true;
      } else s.cx.at("SYN5004", "error", `data_quality.preset must be none, minimal, normal, high, custom, clean, noisy or legacy, got "${preset}"`, s.keyNode("preset"));
    }
    // One kind of issue: off with enabled: false; its rate from the preset or its own key.
    const kind = (key: string, to: string, rateKey: string | undefined, fallback: number, presetRules: boolean, note?: string): Section | undefined => {
      const sub = s.sub(key);
      if (!sub) return undefined;
      const on = sub.bool("enabled");
      if (on === false) {
        dq.set(to, "0%", `data_quality.${key}.enabled: false`);
        sub.consumeAll();
        sub.finish();
        return undefined;
      }
      if (rateKey === undefined) return sub;
      const rate = sub.share(rateKey);
      if (overrides && presetRules) {
        if (rate !== undefined) sub.approx(rateKey, `datasynth's preset ${preset} overrides it: synth takes the preset's rate, as datasynth does`);
      } else {
        dq.set(to, pct(rate ?? fallback), rate !== undefined ? `data_quality.${key}.${rateKey}` : `datasynth's default data_quality.${key}.${rateKey} (${pct(fallback)})`);
        if (note && rate !== undefined) sub.approx(rateKey, note);
      }
      return sub;
    };
    const missing = kind("missing_values", "missing", "rate", 0.01, true);
    if (missing) {
      const strategy = missing.str("strategy");
      if (strategy !== undefined && strategy !== "mcar") missing.noEquivalent("strategy", `synth's missing values are missing completely at random (mcar), never ${strategy}`);
      missing.finish();
    }
    kind("typos", "typos", "char_error_rate", 0.001, true, "datasynth's rate is per character, synth's per row: imported as the share of rows with a typo (as synth's presets take datasynth's)")?.finish();
    kind("duplicates", "duplicates", "rate", 0.005, true)?.finish();
    kind("encoding_issues", "encoding", "rate", 0.001, false)?.finish();
    // Format variations: datasynth's runtime reads the date, amount and identifier rates (never the preset's).
    const fmt = kind("format_variations", "formats", undefined, 0, false);
    if (fmt) {
      const parts: string[] = [];
      let sum = 0;
      for (const [k, d] of [["dates", 0.05], ["amounts", 0.02], ["identifiers", 0.02]] as const) {
        const sub = fmt.sub(k);
        const r = sub?.share("rate");
        if (sub?.bool("enabled") === false) {
          sub.consumeAll();
          parts.push(`${k} off`);
        } else {
          sum += r ?? d;
          parts.push(r !== undefined ? `${k} ${pct(r)}` : `${k} ${pct(d)} (default)`);
        }
        sub?.finish();
      }
      dq.set("formats", pct(Math.min(1, share6(sum))), `data_quality.format_variations: ${parts.join(" + ")}`);
      fmt.finish();
    }
    s.same("generate_labels", true, "synth always labels every changed cell (quality_labels)");
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
      t.phase("anomalies");
      const a = t.anomalies;
      const planned = share6([...a.own.values()].reduce((x, y) => x + y.rate, 0) + (a.rate?.value ?? 0));
      if (!a.own.size && !a.rate) a.rate = { value: Math.min(0.5, ratio), from: "scenario.target_anomaly_ratio" };
      else if (Math.abs(planned - ratio) > 1e-9) s.approx("target_anomaly_ratio", `the anomaly rates come from the fraud and anomaly_injection sections (${pct(Math.round(planned * 1e5) / 1e5)} in all)`);
    }
    const profile = s.str("profile");
    const dqBlock = t.phases.get("anomalies")?.items.find((i): i is Block => i.kind === "block" && i.head === "data_quality");
    const preset = dqBlock?.get("preset");
    if (profile !== undefined && profile !== "clean" && profile !== preset) s.noEquivalent("profile");
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
        const why = fw === "dual_reporting" ? "synth books each company under one framework (no dual reporting)" : `synth has IFRS and US GAAP, not ${fw}`;
        s.approx("framework", `${why}: imported as ifrs`);
      }
    }
    const rr = s.sub("revenue_recognition");
    if (rr) {
      const on = rr.bool("enabled");
      if (on !== undefined) b.set("revenue_recognition", String(on), "accounting_standards.revenue_recognition.enabled");
      if (on === false) rr.consumeAll();
      const avg = rr.num("avg_obligations_per_contract", { min: 1 });
      if (avg !== undefined) {
        // A deal has three obligations (goods, installation, support), any other order one: avg = 1 + 2 x bundles.
        const bundles = Math.min(0.6, (avg - 1) / 2);
        b.set("bundles", pct(share6(bundles)), "(accounting_standards.revenue_recognition.avg_obligations_per_contract - 1) / 2");
        if ((avg - 1) / 2 > 0.6) rr.approx("avg_obligations_per_contract", "synth sells at most 60% of goods orders as three-obligation deals: imported as bundles = 60%");
      }
      rr.same("generate_contracts", true, REASONS["accounting_standards.revenue_recognition.generate_contracts"]!);
      rr.finish();
    }
    const imp = s.sub("impairment");
    if (imp) {
      const on = imp.bool("enabled");
      if (on !== undefined) b.set("impairment", String(on), "accounting_standards.impairment.enabled");
      if (on === false) imp.consumeAll();
      imp.same("generate_projections", true, REASONS["accounting_standards.impairment.generate_projections"]!);
      imp.same("include_goodwill", false, REASONS["accounting_standards.impairment.include_goodwill"]!);
      imp.finish();
    }
    const ecl = s.sub("expected_credit_loss");
    if (ecl) {
      const on = ecl.bool("enabled");
      if (on !== undefined) b.set("credit_losses", String(on), "accounting_standards.expected_credit_loss.enabled");
      if (on === false) ecl.consumeAll();
      else {
        // The probability-weighted scenario multiplier is synth's forward-looking adjustment (+ 1).
        const sc = [["base", 0.5, 1], ["optimistic", 0.3, 0.8], ["pessimistic", 0.2, 1.4]] as const;
        let any = false;
        let w = 0;
        let wm = 0;
        for (const [n, dw, dm] of sc) {
          const weight = ecl.share(`${n}_scenario_weight`);
          const mult = ecl.num(`${n}_scenario_multiplier`, { min: 0 });
          if (weight !== undefined || mult !== undefined) any = true;
          w += weight ?? dw;
          wm += (weight ?? dw) * (mult ?? dm);
        }
        if (any && w > 0) {
          const adj = share6(wm / w - 1);
          b.set("forward_looking", pct(Math.max(-0.5, adj)), "accounting_standards.expected_credit_loss: probability-weighted scenario multiplier - 1");
          if (adj < -0.5) ecl.approx("base_scenario_multiplier", "synth lowers historical loss rates by at most 50%: imported as forward_looking = -50%");
        }
      }
      ecl.finish();
    }
  },

  banking: (s, t) => {
    if (!enabled(s)) return;
    const b = t.phase("banking");
    // Customers: datasynth gives exact counts per kind; synth a total and the expected shares of businesses and trusts.
    const pop = s.sub("population");
    const counts = { retail: 10_000, business: 1_000, trusts: 100 };
    let from = "datasynth's default population (10,000 retail, 1,000 business customers, 100 trusts)";
    if (pop) {
      counts.retail = pop.num("retail_customers", { min: 0 }) ?? 0;
      counts.business = pop.num("business_customers", { min: 0 }) ?? 0;
      counts.trusts = pop.num("trusts", { min: 0 }) ?? 0;
      from = "banking.population: retail_customers + business_customers + trusts";
    }
    const total = Math.round(counts.retail) + Math.round(counts.business) + Math.round(counts.trusts);
    if (total > 0) {
      b.set("customers", String(Math.min(10_000_000, total)), from);
      if (total > 10_000_000) pop?.approx("retail_customers", "synth's bank has at most 10,000,000 customers: imported as 10,000,000");
      const biz = share6(Math.round(counts.business) / total);
      const trust = share6(Math.round(counts.trusts) / total);
      b.set("business_share", pct(biz), pop ? "banking.population: business_customers / all customers" : from);
      b.set("trust_share", pct(trust), pop ? "banking.population: trusts / all customers" : from);
      if (pop && (pop.has("business_customers") || pop.has("trusts"))) {
        pop.approx(pop.has("business_customers") ? "business_customers" : "trusts", "synth draws each customer's kind: business_share and trust_share are expected shares, so the counts of businesses and trusts come close to the config's but are not exact");
      }
    }
    if (pop) {
      // The bank runs over the scenario's own periods: a population period that is the scenario's needs nothing.
      const global = s.cx.doc.get("global") as unknown;
      const g = (k: string) => (isMap(global) ? (global.get(k) as unknown) : undefined);
      for (const k of ["start_date", "period_months"]) {
        if (!pop.has(k)) continue;
        const same = pop.scalar(k) === g(k);
        if (!same) pop.cx.at("SYN5001", "warning", `${pop.where(k)} is not imported: ${REASONS[`banking.population.${k}`]}`, pop.keyNode(k));
      }
      pop.finish();
    }
    const products = s.sub("products");
    if (products) {
      const retail = products.num("avg_accounts_retail", { min: 0 });
      const business = products.num("avg_accounts_business", { min: 0 });
      if (retail !== undefined || business !== undefined) {
        const persons = Math.round(counts.retail);
        const others = Math.round(counts.business) + Math.round(counts.trusts);
        const avg = persons + others > 0 ? ((retail ?? 1.5) * persons + (business ?? 2.5) * others) / (persons + others) : (retail ?? 1.5);
        const value = Math.min(4, Math.max(1, Math.round(avg * 100) / 100));
        b.set("accounts_per_customer", num(value, 2), "banking.products: avg_accounts_retail and avg_accounts_business, weighted by retail and business customers + trusts");
        const key = retail !== undefined ? "avg_accounts_retail" : "avg_accounts_business";
        products.approx(key, `synth has one average for all customers: imported as ${num(value, 2)}, the average weighted by retail customers and by business customers and trusts${avg < 1 || avg > 4 ? " (synth allows 1 to 4)" : ""}`);
      }
      products.finish();
    }
    const comp = s.sub("compliance");
    if (comp) {
      setShare(comp, "pep_rate", b, "pep_rate");
      comp.finish();
    }
    const ty = s.sub("typologies");
    if (ty) {
      setShare(ty, "suspicious_rate", b, "suspicious_rate");
      // datasynth's rate per typology -> the typologies that have one above 0 (synth's cases take them in equal shares).
      const map: [string, string[]][] = [
        ["structuring_rate", ["structuring"]],
        ["funnel_rate", ["funnel_account"]],
        ["layering_rate", ["layering"]],
        ["mule_rate", ["money_mule"]],
        ["fraud_rate", ["account_takeover", "authorised_push_payment", "business_email_compromise"]],
        ["round_tripping_rate", ["round_tripping"]],
        ["trade_based_rate", ["trade_based"]],
      ];
      const kinds: string[] = [];
      const rates = new Set<number>();
      const keys: string[] = [];
      const on: string[] = [];
      for (const [k, to] of map) {
        const v = ty.share(k);
        if (v === undefined) continue;
        keys.push(k);
        if (v > 0) {
          on.push(k);
          for (const x of to) if (!kinds.includes(x)) kinds.push(x);
          rates.add(v);
        }
      }
      if (kinds.length) {
        b.set("typologies", `[${kinds.join(", ")}]`, `banking.typologies: ${on.join(", ")} above 0`);
        if (rates.size > 1) ty.approx(on[0]!, "synth's cases take the typologies in turn, in equal shares: which typologies are on is imported, the proportions of their rates are not");
        if (on.includes("fraud_rate")) ty.approx("fraud_rate", "datasynth's fraud cases are imported as synth's fraud typologies account_takeover, authorised_push_payment and business_email_compromise");
      } else if (keys.length) ty.approx(keys[0]!, "every typology rate is 0, but synth's cases need at least one typology: synth's default (all thirteen) is kept; set suspicious_rate = 0% for a bank without cases");
      const soph = ty.sub("sophistication");
      if (soph) {
        const levels = [["basic", 0.4], ["standard", 0.35], ["professional", 0.2], ["advanced", 0.05]] as const;
        const raw = levels.map(([k, d]) => soph.num(k, { min: 0 }) ?? d);
        const sum = raw.reduce((a, x) => a + x, 0);
        if (sum > 0) {
          const shares = raw.map((x) => share6(x / sum));
          // exact 100%: the largest share takes the rounding
          const big = shares.indexOf(Math.max(...shares));
          shares[big] = share6(1 - shares.reduce((a, x, i) => (i === big ? a : a + x), 0));
          const block = b.block("sophistication");
          levels.forEach(([k], i) => block.set(k, pct(shares[i]!), `banking.typologies.sophistication.${k}${Math.abs(sum - 1) > 1e-9 ? " / the weights' sum" : ""}`));
          if (Math.abs(sum - 1) > 1e-9) soph.cx.at("SYN5003", "info", `banking.typologies.sophistication: the weights add up to ${num(sum, 4)}; synth's shares must add up to 100%: imported as each weight / their sum`, ty.keyNode("sophistication"));
        }
        soph.finish();
      }
      ty.finish();
    }
    const spoof = s.sub("spoofing");
    if (spoof) {
      // Off: datasynth spoofs nothing, and neither does synth. On (datasynth's default): reported as a whole.
      if (spoof.bool("enabled") !== false) s.cx.at("SYN5001", "warning", `banking.spoofing is not imported: ${REASONS["banking.spoofing"]}`, s.keyNode("spoofing"));
      spoof.consumeAll();
    }
    const out = s.sub("output");
    if (out) {
      // Tables synth always writes: `true` is what synth does; `false` is reported.
      const tables: [string, string][] = [
        ["include_customers", "bank_customers and kyc_profiles"],
        ["include_accounts", "bank_accounts"],
        ["include_transactions", "bank_transactions"],
        ["include_counterparties", "the counterparty columns of bank_transactions"],
        ["include_beneficial_ownership", "beneficial_owners"],
        ["include_transaction_labels", "aml_transaction_labels"],
        ["include_entity_labels", "aml_customer_labels and aml_account_labels"],
        ["include_relationship_labels", "aml_relationships"],
      ];
      for (const [k, what] of tables) out.same(k, true, `synth always writes ${what}; to leave tables out, list the ones to keep in output { tables = [...] }`);
      // What synth never writes: `false` is what synth does; `true` is reported.
      out.same("include_case_narratives", false, REASONS["banking.output.include_case_narratives"]!);
      out.same("include_graph", false, REASONS["banking.output.include_graph"]!);
      out.finish();
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
    // datasynth's income statement -> synth's income statement and its comprehensive income (IAS 1: one statement of profit or loss and OCI, or two).
    const flags: [string, string[]][] = [["generate_balance_sheet", ["balance_sheet"]], ["generate_income_statement", ["income_statement", "comprehensive_income"]], ["generate_cash_flow", ["cash_flow"]], ["generate_changes_in_equity", ["equity_changes"]]];
    const statements: string[] = [];
    const off: string[] = [];
    for (const [k, to] of flags) {
      const v = s.bool(k);
      if (v === false) off.push(k);
      else statements.push(...to);
    }
    if (off.length) b.set("statements", `[${statements.join(", ")}]`, `financial_reporting.generate_*: ${off.join(", ")} false`);
    if (off.length && s.bool("generate_income_statement") === true) s.approx("generate_income_statement", "imported as synth's income_statement and comprehensive_income (profit plus the translation differences), which datasynth does not have");
    s.same("comparative_periods", 1, REASONS["financial_reporting.comparative_periods"]!);
    // KPIs and budgets are synth's sales_kpis_budgets phase (with quotes: none unless sales_quotes is on).
    const kpis = s.sub("management_kpis");
    if (kpis) {
      if (kpis.bool("enabled") === true) {
        t.phase("sales_kpis_budgets");
        kpis.same("frequency", "monthly", REASONS["financial_reporting.management_kpis.frequency"]!);
      } else kpis.consumeAll(); // off (datasynth's default): nothing to import
      kpis.finish();
    }
    const budgets = s.sub("budgets");
    if (budgets) {
      if (budgets.bool("enabled") === true) t.phase("sales_kpis_budgets");
      else budgets.consumeAll();
      budgets.finish();
    }
    const sk = t.phases.get("sales_kpis_budgets");
    const quotes = s.cx.doc.get("sales_quotes") as unknown;
    if (sk && !(isMap(quotes) && quotes.get("enabled") !== false) && !sk.has("quoted_share")) {
      sk.set("quoted_share", "0%", "financial_reporting: KPIs or budgets without sales_quotes: no quotes");
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

/**
 * A synth anomaly type at its own rate (added to what other keys gave it), at most what its
 * documents can carry; `src` names the section for the types' comment.
 */
function addAnomaly(t: Target, s: Section, type: string, rate: number, from: string, src: string, key: string): void {
  const a = t.anomalies;
  const prev = a.own.get(type);
  let value = share6((prev?.rate ?? 0) + rate);
  const cap = anomalyType(type).cap;
  if (value > cap) {
    s.approx(key, `${type} at ${pct(value)} is more than its documents can carry: imported as ${pct(cap)}`);
    value = cap;
  }
  a.own.set(type, { rate: value, from: prev ? `${prev.from} + ${from}` : from, src: prev && prev.src !== src ? `${prev.src}, ${src}` : src });
}

/** A category's rate spread over synth's types of that category by their weights (the catalog's). */
function spreadCategory(t: Target, s: Section, category: Category, rate: number, from: string, at: Section | undefined, key: string): void {
  if (rate <= 0) return;
  const types = DEFAULT_TYPES.filter((x) => anomalyType(x).category === category);
  const sum = types.reduce((x, y) => x + anomalyType(y).weight, 0);
  for (const ty of types) addAnomaly(t, at ?? s, ty, (rate * anomalyType(ty).weight) / sum, `${from} x ${ty}'s weight`, "anomaly_injection.rates", at ? key : "rates");
}

/** The anomalies phase's rate, types and per-type rates, once every section is read. */
function writeAnomalies(t: Target): void {
  const b = t.phases.get("anomalies");
  if (!b) return;
  const a = t.anomalies;
  if (a.rate) b.set("rate", pct(a.rate.value), a.rate.from);
  const types = [...a.own.keys(), ...a.free.filter((x) => !a.own.has(x))];
  // The phase is there for its data-quality copy only: no anomalies (synth's default rate would inject some).
  if (!types.length && !a.rate && !t.anomalySections) b.set("rate", "0%", "the config injects no anomalies (no fraud or anomaly_injection section): only the data-quality copy");
  if (!types.length) return;
  const srcs = [...new Set([...a.own.values()].flatMap((x) => x.src.split(", ")))];
  if (a.free.length) srcs.push("anomaly_injection.rates.total_rate");
  b.set("types", `[${types.join(", ")}]`, [...new Set(srcs)].join(", "));
  const rates = b.block("rates");
  for (const [ty, x] of a.own) rates.set(ty, pct(x.rate), x.from);
}

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
  const order = ["global", "chart_of_accounts", "transactions", "master_data", "document_flows", "intercompany", "balance", "fraud", "anomaly_injection", "data_quality", "scenario"];
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
  writeAnomalies(t);
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
