// The .synth document: which blocks and settings exist, their units, ranges and defaults.
// The phase blocks come from the phase registry: `scenarioDocument(phases, tables)` composes the
// whole language (compiler/language.ts does, once). The checker walks the result;
// docs/language.md is generated from it.
import { z } from "zod";
import { f, labelledKeys, labelledRecord } from "./fields.ts";
import { INDUSTRIES } from "./industries.ts";
import { BusinessBlock, CompanyBusinessBlock } from "./business.ts";
import { ACCOUNT_ROLE_NAMES } from "./accounts.ts";

/** The month a fiscal year starts in; `calendar` is January. */
export const FISCAL_YEARS = [
  "calendar",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;
/** First month (1-12) of each fiscal year variant: its position in FISCAL_YEARS. */
export const FISCAL_START_MONTH = Object.fromEntries(FISCAL_YEARS.map((v, i) => [v, i + 1])) as Record<
  (typeof FISCAL_YEARS)[number],
  number
>;

/** Scenario start dates stay in four-digit years, with room for 120 months after. */
export const START_RANGE = { min: "1900-01-01", max: "2999-12-01" } as const;

export const ACCOUNT_TYPES = ["asset", "liability", "equity", "revenue", "expense"] as const;
export const COA_SIZES = ["small", "medium", "large"] as const;
export const OUTPUT_FORMATS = ["csv", "ndjson", "parquet", "sqlite"] as const;

export const ScenarioBlock = z
  .object({
    name: f.string("scenario name (also the block label: scenario \"Acme\" { })").default("Untitled scenario"),
    seed: f.count("root of all randomness: same seed, same data").max(2 ** 32 - 1).default(1),
    industry: f.enum(INDUSTRIES, "industry preset: sensible defaults for everything else").default("manufacturing"),
    start: f
      .date(`first day of the first period (${START_RANGE.min}..${START_RANGE.max})`)
      .refine((d) => d >= START_RANGE.min && d <= START_RANGE.max, {
        message: `must be between ${START_RANGE.min} and ${START_RANGE.max}`,
        params: { synth: "range" },
      })
      .default("2025-01-01"),
    months: f.count("number of monthly periods to generate").min(1).max(120).default(12),
    fiscal_year: f.enum(FISCAL_YEARS, "fiscal year variant (the month it starts)").default("calendar"),
    group_currency: f.currency("currency of the group (consolidation)").default("USD"),
    presentation_currency: f.currency("currency statements are presented in (default: group currency)").optional(),
  })
  .meta({ labelAs: "name", doc: "the scenario: name, seed, industry, calendar and currencies" });

export const CompanyBlock = z
  .object({
    name: f.string("legal name").optional(),
    country: f.country("ISO 3166 country code (two upper-case letters); also picks the holiday calendar").default("US"),
    currency: f.currency("functional currency (default: group currency)").optional(),
    share: f.percent("share of the group's volume (default: the rest, split evenly)").optional(),
    ownership: f.percent("share of the company's equity the group holds, over 50% (consolidated in full; the rest is non-controlling interests); default 100%").gt(0.5).optional(),
    vat_rate: f.percent("sales tax / VAT rate (default: the country's standard rate)").optional(),
    income_tax_rate: f.percent("income tax rate (default: phase period_close tax_rate)").optional(),
    business: CompanyBusinessBlock.optional(),
  })
  .meta({ doc: "a company of the group; the label is its code" });

export const AccountBlock = z
  .object({
    name: f.string("account name"),
    type: f.enum(ACCOUNT_TYPES, "account type"),
    parent: f.code("number of the parent account in the hierarchy").optional(),
    role: f.enum(ACCOUNT_ROLE_NAMES, "what the account is for: the postings of this role go to it instead of the preset's accounts of the role (which leave the chart); without a role nothing posts to it").optional(),
  })
  .meta({ doc: "a custom account; the label is its number" });

export const ChartOfAccountsBlock = z
  .object({
    size: f.enum(COA_SIZES, "preset size: small ~100, medium ~400, large ~2500 accounts").default("medium"),
    account: labelledRecord(AccountBlock, "custom accounts added to the preset", "account").default({}),
  })
  .meta({ doc: "the chart of accounts" });

const lags = z
  .object({
    order_to_receipt: f.range("duration", f.duration("days"), "order to goods receipt / delivery").default({ min: 2, max: 14 }),
    receipt_to_invoice: f.range("duration", f.duration("days"), "receipt / delivery to invoice").default({ min: 0, max: 7 }),
    invoice_to_payment: f.range("duration", f.duration("days"), "invoice to payment").default({ min: 10, max: 45 }),
  })
  .meta({ doc: "lags between the steps of a chain" });

const chainCommon = {
  enabled: f.bool("generate this chain").default(true),
  volume: f.rate("chains (orders) per year or per month, for the group; in addition to phase transactions' volume").default({ amount: 2000, per: "year" }),
  lags: lags.prefault({}),
  partial_delivery: f.percent("share of orders delivered in several parts").default(0.1),
  late_payment: f.percent("share of invoices paid late").default(0.12),
};

export const ProcessesBlock = labelledKeys(
  {
    procure_to_pay: z
      .object({
        ...chainCommon,
        match_tolerance: f.percent("three-way-match price/quantity tolerance").default(0.02),
        variance_share: f.percent("share of invoices with a price or quantity variance").default(0.05),
        early_discount: f.percent("share of invoices paid early with a cash discount").default(0.15),
      })
      .meta({ doc: "purchase order -> goods receipt -> vendor invoice -> payment" })
      .optional(),
    order_to_cash: z
      .object({
        ...chainCommon,
        backorder: f.percent("share of orders with a backorder").default(0.05),
        bad_debt: f.percent("share of invoices written off").default(0.01),
        dunning: f.bool("send dunning notices for overdue invoices").default(true),
      })
      .meta({ doc: "sales order -> delivery -> customer invoice -> receipt" })
      .optional(),
    intercompany: z
      .object({
        enabled: f.bool("generate intercompany transactions (on by default when the group has two or more companies)").default(true),
        volume: f.rate("intercompany recharges and loans per year or per month, for the group").default({ amount: 200, per: "year" }),
        loan_share: f.percent("share of intercompany transactions that are loans (with monthly interest)").default(0.1),
      })
      .meta({ doc: "service recharges and loans between companies, booked on both sides with one reference" })
      .optional(),
  },
  "process chains (document flows) behind the transactions",
  "process",
);

export const FxBlock = z
  .object({
    volatility: f.percent("daily volatility of exchange rates").max(0.2).default(0.004),
    drift: f.signedPercent("yearly drift of exchange rates (negative: the currencies weaken)").default(0),
  })
  // Currency codes as keys: EUR = 1.085 means 1 EUR = 1.085 units of the group currency.
  .catchall(f.number("units of group currency per unit of this currency").positive())
  .meta({ doc: "exchange rates: `EUR = 1.085` (1 EUR in group currency) plus volatility and drift" });

/** The output block; `tables` names tables some phase writes. */
export const outputBlock = (tables: readonly [string, ...string[]]) =>
  z
    .object({
      directory: f.string("output directory, relative to the working directory").default("out"),
      formats: f.list(z.enum(OUTPUT_FORMATS), "file formats").min(1).default(["csv"]),
      tables: f.list(f.enum(tables, "table"), "tables to write (default: all)").min(1).optional(),
    })
    .meta({ doc: "where and how to write" });

export const RuntimeBlock = z
  .object({
    workers: f.autoOrCount("worker threads (auto: all cores)", 256).default("auto"),
    memory_soft: f.bytes("start shrinking dispatch batches above this RSS (the CLI: the process; a library call: above the process at the run's start)").default(512 * 2 ** 20),
    memory_hard: f.bytes("stop dispatching above this RSS (measured as memory_soft is)").default(1024 * 2 ** 20),
    batch_size: f.autoOrCount("blocks per dispatch batch (auto: sized for memory)").default("auto"),
  })
  .meta({ doc: "how to run: workers, memory limits, batching (never changes the data)" });

/** What the language needs of a phase: its id and parameters. */
export interface PhaseLanguage {
  id: string;
  params: z.ZodObject;
}

/** Settings every phase block accepts, before its own. */
function phaseCommon(ids: readonly [string, ...string[]]) {
  return {
    enabled: f.bool("run this phase (writing a phase block enables it unless it says enabled = false)").optional(),
    after: f.list(z.enum(ids), "extra ordering: run after these phases when they are enabled").optional(),
  };
}

/** The whole document after conversion (defaults applied by zod), with these phases and tables. */
export function scenarioDocument(phases: readonly PhaseLanguage[], tables: readonly [string, ...string[]]) {
  const common = phaseCommon(phases.map((p) => p.id) as [string, ...string[]]);
  const shape = Object.fromEntries(phases.map((p) => [p.id, z.object({ ...common, ...p.params.shape }).meta(p.params.meta() ?? {}).optional()]));
  return z.object({
    scenario: ScenarioBlock.prefault({}),
    company: labelledRecord(CompanyBlock, "companies of the group", "company").default({}),
    chart_of_accounts: ChartOfAccountsBlock.prefault({}),
    business: BusinessBlock.prefault({}),
    phase: labelledKeys(shape, "a phase of the pipeline and its parameters", "phase").prefault({}),
    process: ProcessesBlock.prefault({}),
    fx: FxBlock.prefault({}),
    output: outputBlock(tables).prefault({}),
    runtime: RuntimeBlock.prefault({}),
  });
}

/** A phase's settings as the model holds them: its own, plus `enabled` and `after`. */
export type PhaseSettings = Record<string, unknown> & { enabled?: boolean; after?: string[] };

/** The converted document: static blocks typed, phases as settings by phase id. */
export type ScenarioDocument = Omit<z.infer<ReturnType<typeof scenarioDocument>>, "phase"> & {
  phase: Record<string, PhaseSettings | undefined>;
};
