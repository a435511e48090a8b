// The phase catalog: every phase the runtime knows, what it needs and produces, and its
// parameters (zod, with defaults). The compiler orders phases from this; shared code never
// switches on a phase id.
import { z } from "zod";
import { f, RATE_PERIODS } from "./fields.ts";
import { HOLIDAY_CALENDARS } from "../core/calendar.ts";

export const PHASE_IDS = [
  "initialize",
  "master_data",
  "opening_balances",
  "transactions",
  "period_close",
  "anomalies",
  "export",
  "banking",
  "audit",
  "graphs",
  "llm_enrichment",
  "diffusion",
  "causal_overlay",
  "source_to_contract",
  "financial_reporting",
  "hr",
  "accounting_standards",
  "manufacturing",
  "sales_kpis_budgets",
] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

/** Settings every phase block accepts. */
const common = {
  enabled: f.bool("run this phase (writing a phase block enables it unless it says enabled = false)").optional(),
  after: f.list(z.enum(PHASE_IDS), "extra ordering: run after these phases when they are enabled").optional(),
};

const lineItems = z
  .object({
    two: f.percent("share of entries with exactly 2 lines").default(0.61),
    three: f.percent("share of entries with exactly 3 lines").default(0.06),
    four: f.percent("share of entries with exactly 4 lines").default(0.17),
    even: f.percent("share of entries with an even line count").default(0.88),
    max: f.count("longest entry, in lines (the tail reaches it rarely)").min(4).max(10000).default(2000),
    tail: f.number("power-law exponent of the tail beyond 4 lines (higher: shorter tail; 2.5 gives 4.24 lines per entry on average)").min(1.01).max(10).default(2.5),
  })
  .meta({ doc: "line-item count distribution (empirical defaults from real ledgers)" });

const amounts = z
  .object({
    distribution: f.enum(["lognormal"], "amount distribution family").default("lognormal"),
    median: f.money("median entry amount, in the company currency unless a currency is given").default({ minor: 125000 }),
    sigma: f.number("log-normal spread (higher: heavier tail)").min(0.1).max(5).default(1.6),
    min: f.money("smallest amount").default({ minor: 100 }),
    max: f.money("largest amount").default({ minor: 5_000_000_00 }),
    benford: f.bool("shape first digits to Benford's law").default(true),
    round_share: f.percent("share of round amounts (multiples of 100 or 1000)").default(0.07),
  })
  .meta({ doc: "amount distribution of journal entries" });

const temporal = z
  .object({
    month_end: f.multiplier("posting intensity on the last business days of a month").default(2.5),
    quarter_end: f.multiplier("extra intensity at quarter end").default(1.6),
    year_end: f.multiplier("extra intensity at fiscal year end").default(2),
    period_end_days: f.count("how many business days count as period end").min(1).max(10).default(3),
    weekdays: f
      .list(f.number("weight").min(0), "weights for Monday..Sunday")
      .length(7)
      .default([1, 1, 1, 1, 1.1, 0.08, 0.03]),
    months: f
      .list(f.number("weight").min(0), "seasonality: weights for January..December (calendar months), 1 = an ordinary month")
      .length(12)
      .default([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
    holidays: f
      .enum(["auto", ...HOLIDAY_CALENDARS], "public holiday calendar (auto: each company's own country: US, DE, GB, FR, JP, CH; others none)")
      .default("auto"),
    holiday_weight: f.percent("posting on a public holiday, relative to an ordinary day").default(0.02),
  })
  .meta({ doc: "when entries are posted" });

const sources = z
  .object({
    manual: f.percent("share of manual entries").default(0.22),
    automated: f.percent("share of automated (interface) entries").default(0.63),
    recurring: f.percent("share of recurring entries").default(0.15),
  })
  .meta({ doc: "entry sources; shares must add up to 100%" });

const transactions = z.object({
  ...common,
  volume: f.rate("standalone journal entries for the whole group, per year or per period (month); process chains add their own").default({ amount: 10000, per: "year" }),
  block_size: f.count("entries per block: the unit of deterministic randomness").min(64).max(1_000_000).default(4096),
  users: f.count("posting users per company").min(1).max(100000).default(25),
  line_items: lineItems.prefault({}),
  amounts: amounts.prefault({}),
  temporal: temporal.prefault({}),
  sources: sources.prefault({}),
});

const masterData = z.object({
  ...common,
  vendors: f.count("vendors per company").max(10_000_000).default(200),
  customers: f.count("customers per company").max(10_000_000).default(500),
  materials: f.count("materials per company").max(10_000_000).default(300),
  fixed_assets: f.count("fixed assets per company").max(1_000_000).default(80),
  employees: f.count("employees per company").max(10_000_000).default(150),
  cost_centers: f.count("cost centers per company").min(1).max(100_000).default(20),
  block_size: f.count("records per block").min(64).max(1_000_000).default(4096),
});

const ANOMALY_TYPES = [
  "duplicate_entry",
  "round_amount",
  "weekend_posting",
  "after_hours_posting",
  "unusual_account_pair",
  "split_transaction",
  "backdated_entry",
  "missing_approval",
  "self_approval",
  "amount_outlier",
  "benford_violation",
  "reversed_entry",
  "dormant_account",
  "ghost_vendor",
  "duplicate_payment",
] as const;

const PHASE_PARAMS = {
  initialize: z.object({ ...common }),
  master_data: masterData,
  opening_balances: z.object({
    ...common,
    total_assets: f.money("opening total assets of a company with a 100% share").default({ minor: 50_000_000_00 }),
    equity_ratio: f.percent("equity as a share of total assets").min(0.05).max(0.95).default(0.4),
  }),
  transactions,
  period_close: z.object({
    ...common,
    depreciation: f.bool("post monthly depreciation").default(true),
    accruals: f.bool("post accruals and reverse them next period").default(true),
    tax_rate: f.percent("income tax rate for the tax provision").default(0.25),
    close_years: f.bool("close P&L into retained earnings at fiscal year end").default(true),
  }),
  anomalies: z.object({
    ...common,
    rate: f.percent("share of entries that carry an injected anomaly").max(0.5).default(0.005),
    types: f.list(z.enum(ANOMALY_TYPES), "anomaly types to inject").min(1).default([...ANOMALY_TYPES]),
    seed_offset: f.count("extra seed so anomaly placement can vary independently").default(0),
    ml_labels: f.bool("also write ml_labels: one row per entry with is_anomaly and anomaly_type").default(true),
  }),
  export: z.object({ ...common }),
  banking: z.object({
    ...common,
    customers: f.count("bank customers").default(1000),
    accounts_per_customer: f.number("average accounts per customer").min(1).max(20).default(1.6),
    suspicious_rate: f.percent("share of customers with suspicious activity").default(0.02),
    typologies: f
      .list(z.enum(["structuring", "layering", "round_tripping", "smurfing", "funnel_account", "trade_based"]), "AML typologies")
      .default(["structuring", "layering", "smurfing"]),
  }),
  audit: z.object({
    ...common,
    standard: f.enum(["isa", "pcaob"], "auditing standard").default("isa"),
    materiality: f.percent("overall materiality as a share of revenue").max(0.2).default(0.01),
    samples: f.count("sampled items per engagement").default(60),
    engagements: f.count("audit engagements").min(1).default(1),
  }),
  graphs: z.object({
    ...common,
    formats: f.list(z.enum(["graphml", "neo4j_csv", "pyg"]), "graph export formats").default(["neo4j_csv"]),
    kinds: f.list(z.enum(["transaction", "entity", "approval", "document_flow"]), "graphs to build").default(["transaction", "document_flow"]),
  }),
  llm_enrichment: z.object({
    ...common,
    provider: f.enum(["template", "none"], "text source (template: deterministic, offline)").default("template"),
    fields: f.list(z.enum(["entry_text", "vendor_description", "material_description"]), "fields to enrich").default(["entry_text"]),
  }),
  diffusion: z.object({
    ...common,
    steps: f.count("denoising steps").min(1).max(1000).default(50),
    strength: f.percent("how far the enhanced amounts may move").default(0.1),
  }),
  causal_overlay: z.object({
    ...common,
    interventions: f.count("causal interventions to overlay").default(3),
    model: f.enum(["linear", "additive"], "structural model").default("linear"),
  }),
  source_to_contract: z.object({
    ...common,
    sourcing_events: f.count("sourcing events (RFx) per year").default(40),
    contracts: f.count("contracts per year").default(25),
  }),
  financial_reporting: z.object({
    ...common,
    statements: f
      .list(z.enum(["balance_sheet", "income_statement", "cash_flow", "equity_changes"]), "statements to derive")
      .default(["balance_sheet", "income_statement", "cash_flow", "equity_changes"]),
    bank_reconciliation: f.bool("reconcile bank accounts every period").default(true),
  }),
  hr: z.object({
    ...common,
    pay_frequency: f.enum(["monthly", "biweekly", "weekly"], "payroll frequency").default("monthly"),
    time_entries: f.bool("generate time entries").default(true),
    expenses: f.bool("generate expense reports").default(true),
  }),
  accounting_standards: z.object({
    ...common,
    framework: f.enum(["ifrs", "us_gaap"], "accounting framework").default("ifrs"),
    revenue_recognition: f.bool("ASC 606 / IFRS 15 revenue contracts").default(true),
    impairment: f.bool("impairment tests").default(true),
  }),
  manufacturing: z.object({
    ...common,
    production_orders: f.rate("production orders").default({ amount: 2000, per: "year" }),
    inspection_rate: f.percent("share of production orders inspected").default(0.2),
    cycle_counts: f.rate("inventory cycle counts").default({ amount: 12, per: "year" }),
  }),
  sales_kpis_budgets: z.object({
    ...common,
    quotes: f.rate("sales quotes").default({ amount: 3000, per: "year" }),
    quote_win_rate: f.percent("share of quotes won").default(0.3),
    budget_variance: f.percent("typical budget-to-actual variance").default(0.08),
  }),
} satisfies Record<PhaseId, z.ZodObject>;

export type PhaseParams = { [K in PhaseId]: z.infer<(typeof PHASE_PARAMS)[K]> };

export interface PhaseSpec {
  id: PhaseId;
  title: string;
  /** Hard dependencies: a phase whose need is disabled is skipped. */
  needs: PhaseId[];
  /** Soft ordering: after these when they are enabled. */
  after: PhaseId[];
  /** Tables the phase writes. */
  outputs: string[];
  /** Enabled when the scenario has no block for it. */
  defaultEnabled: boolean;
  /** Whether the runtime has a generator for it yet (others parse, check and plan). */
  implemented: boolean;
  params: z.ZodObject;
}

const spec = (
  id: PhaseId,
  title: string,
  needs: PhaseId[],
  outputs: string[],
  opts: { after?: PhaseId[]; on?: boolean; implemented?: boolean } = {},
): PhaseSpec => ({
  id,
  title,
  needs,
  after: opts.after ?? [],
  outputs,
  defaultEnabled: opts.on ?? false,
  implemented: opts.implemented ?? false,
  params: PHASE_PARAMS[id],
});

/** Journal entries plus the documents and subledgers of the process chains behind them. */
const TRANSACTION_TABLES = [
  "journal_entries",
  "purchase_orders",
  "goods_receipts",
  "vendor_invoices",
  "payments",
  "sales_orders",
  "deliveries",
  "customer_invoices",
  "customer_receipts",
  "document_references",
  "ap_open_items",
  "ar_open_items",
  "inventory_movements",
  "intercompany_matches",
];

const CLOSE_TABLES = [
  "journal_entries",
  "trial_balance",
  "reconciliation",
  "inventory_balances",
  "translated_trial_balance",
  "consolidated_trial_balance",
];

/** In the seed's reference order; the compiler uses this order to break ties. */
export const PHASES: readonly PhaseSpec[] = [
  spec("initialize", "Initialize", [], ["companies", "chart_of_accounts", "fiscal_periods", "fx_rates"], { on: true, implemented: true }),
  spec("master_data", "Master data", ["initialize"], ["vendors", "customers", "materials", "fixed_assets", "employees", "cost_centers"], { on: true, implemented: true }),
  spec("opening_balances", "Opening balances", ["master_data"], ["opening_balances", "journal_entries", "customer_invoices", "customer_receipts", "vendor_invoices", "payments", "ar_open_items", "ap_open_items", "inventory_movements", "document_references"], { on: true, implemented: true }),
  spec("transactions", "Transactions", ["opening_balances"], TRANSACTION_TABLES, { on: true, implemented: true }),
  spec("period_close", "Period close", ["transactions"], CLOSE_TABLES, { on: true, implemented: true }),
  spec("anomalies", "Anomaly injection", ["transactions"], ["anomaly_labels", "ml_labels"], { after: ["period_close"] }),
  // ML label tables come with the anomalies phase (labels of what it injects); export writes the
  // data dictionary of every table the run writes.
  spec("export", "Export and ML labels", ["transactions"], ["data_dictionary"], { on: true, implemented: true, after: ["period_close", "anomalies"] }),
  spec("banking", "Banking KYC/AML", ["master_data"], ["bank_customers", "bank_accounts", "bank_transactions", "aml_alerts"]),
  spec("audit", "Audit (ISA)", ["transactions", "period_close"], ["audit_engagements", "audit_samples", "audit_findings"]),
  spec("graphs", "Graph exports", ["transactions"], ["graph_nodes", "graph_edges"], { after: ["anomalies"] }),
  spec("llm_enrichment", "LLM enrichment", ["master_data"], ["enriched_texts"], { after: ["transactions"] }),
  spec("diffusion", "Diffusion enhancement", ["transactions"], ["diffusion_adjustments"]),
  spec("causal_overlay", "Causal overlay", ["transactions"], ["causal_interventions"]),
  spec("source_to_contract", "Source-to-contract", ["master_data"], ["sourcing_events", "contracts"]),
  spec("financial_reporting", "Financial reporting", ["period_close"], ["financial_statements", "bank_reconciliations"]),
  spec("hr", "HR (payroll, time, expenses)", ["master_data"], ["payroll_runs", "time_entries", "expense_reports"]),
  spec("accounting_standards", "Accounting standards", ["transactions"], ["revenue_contracts", "impairment_tests"]),
  spec("manufacturing", "Manufacturing", ["master_data"], ["production_orders", "quality_inspections", "cycle_counts"]),
  spec("sales_kpis_budgets", "Sales quotes, KPIs and budgets", ["transactions"], ["sales_quotes", "kpis", "budgets"]),
];

export const PHASE_BY_ID: ReadonlyMap<PhaseId, PhaseSpec> = new Map(PHASES.map((p) => [p.id, p]));

/** Every table some phase writes, in phase order: what `output { tables = [...] }` may name. */
export const KNOWN_TABLES = [...new Set(PHASES.flatMap((p) => p.outputs))] as [string, ...string[]];

export { PHASE_PARAMS, ANOMALY_TYPES, RATE_PERIODS };
