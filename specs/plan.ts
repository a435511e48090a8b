// The execution plan: what `synth compile` writes and `synth run` executes. Canonical JSON,
// committed next to the scenario and reviewed like a lockfile. The runtime safeParses it; every
// object is strict, so a key the compiler never writes is refused, not ignored.
import { z } from "zod";
import { ACCOUNT_TYPES, COA_SIZES, FISCAL_YEARS, OUTPUT_FORMATS } from "./scenario.ts";
import { ACCOUNT_ROLE_NAMES } from "./accounts.ts";
import { INDUSTRIES } from "./industries.ts";
import { IsoDate } from "./fields.ts";
import { PlanBusiness } from "./business.ts";
import { Layout } from "./layout.ts";
import { STAGES } from "./phase.ts";

/** 3: phase status `planned`; every object strict. */
export const PLAN_FORMAT_VERSION = 3;

const Currency = z.string().regex(/^[A-Z]{3}$/);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const SourceRef = z.strictObject({
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const PlanCompany = z.strictObject({
  code: z.string(),
  name: z.string(),
  country: z.string(),
  currency: Currency,
  /** Fraction of the group's volume. */
  share: z.number().min(0).max(1),
  /** Share of the company's equity the group holds; absent: 100% (no non-controlling interests). */
  ownership: z.number().gt(0.5).max(1).optional(),
  /** Sales tax / VAT rate as a fraction; absent: the runtime's table for the country. */
  vatRate: z.number().min(0).max(1).optional(),
  /** Income tax rate as a fraction; absent: period_close's tax_rate. */
  incomeTaxRate: z.number().min(0).max(1).optional(),
  /** The business plan the company runs on, resolved: revenue in company minor units. */
  business: PlanBusiness,
  source: SourceRef.optional(),
});
export type PlanCompany = z.infer<typeof PlanCompany>;

export const PlanAccount = z.strictObject({
  number: z.string().regex(/^\d{3,10}$/),
  name: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  parent: z.string().optional(),
  /** The role the account takes over from the preset (absent: nothing posts to it unless it replaces a preset number). */
  role: z.enum(ACCOUNT_ROLE_NAMES).optional(),
});

/** Why a planned phase writes nothing: said the same way in the plan, the manifest, the graph and the CLI. */
export const PLANNED = "planned: this version of synth does not generate it yet";

/** A phase id: the name of its folder under phases/ (the runtime checks it is registered). */
const PhaseId = z.string().regex(/^[a-z][a-z_]*$/);

export const PlanPhase = z.strictObject({
  id: PhaseId,
  title: z.string(),
  /**
   * run: will run; planned: enabled, but this version of synth does not generate it yet (it has
   * no steps: nothing is written for it); skipped: enabled but a need is not running; disabled:
   * not enabled.
   */
  status: z.enum(["run", "planned", "skipped", "disabled"]),
  reason: z.string().optional(),
  needs: z.array(PhaseId),
  after: z.array(PhaseId),
  outputs: z.array(z.string()),
  /** Files that are not tables, by path under the output directory (declared by the phase). */
  streams: z.array(z.string()).optional(),
  params: z.record(z.string(), z.unknown()),
  layout: Layout,
  /** Where the phase was configured in the .synth source, if it was. */
  source: SourceRef.optional(),
  hash: Sha256,
});
export type PlanPhase = z.infer<typeof PlanPhase>;

/** One step of the schedule: which phase's step, in which stage, how it runs. */
export const PlanStep = z.strictObject({
  phase: PhaseId,
  step: z.string().regex(/^[a-z][a-z_]*$/),
  stage: z.enum(STAGES),
  kind: z.enum(["blocks", "main", "overlay"]),
});
export type PlanStep = z.infer<typeof PlanStep>;

export const PlanProcess = z.strictObject({
  id: z.string(),
  params: z.record(z.string(), z.unknown()),
  source: SourceRef.optional(),
});

export const FxRate = z.strictObject({
  currency: Currency,
  /** Units of group currency per unit of this currency at the start date, as a decimal string. */
  rate: z.string().regex(/^\d+(\.\d+)?$/),
});

export const Plan = z.strictObject({
  formatVersion: z.literal(PLAN_FORMAT_VERSION),
  generator: z.literal("synth"),
  scenario: z.strictObject({
    name: z.string(),
    seed: z.number().int().nonnegative(),
    industry: z.enum(INDUSTRIES),
    startDate: IsoDate,
    months: z.number().int().positive(),
    fiscalYear: z.enum(FISCAL_YEARS),
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    groupCurrency: Currency,
    presentationCurrency: Currency,
    /** Volumes were multiplied by this (compile --scale); absent: as written. */
    volumeScale: z.number().positive().max(1000).optional(),
  }),
  /** The root .synth and its imports, project-relative, with content hashes. */
  sources: z.array(z.strictObject({ path: z.string(), sha256: Sha256 })),
  sourceHash: Sha256,
  companies: z.array(PlanCompany).min(1),
  chartOfAccounts: z.strictObject({
    size: z.enum(COA_SIZES),
    custom: z.array(PlanAccount),
  }),
  fx: z.strictObject({
    volatility: z.number().min(0),
    drift: z.number(),
    rates: z.array(FxRate),
  }),
  processes: z.array(PlanProcess),
  output: z.strictObject({
    directory: z.string(),
    formats: z.array(z.enum(OUTPUT_FORMATS)).min(1),
    tables: z.array(z.string()).optional(),
  }),
  runtime: z.strictObject({
    workers: z.union([z.literal("auto"), z.number().int().positive()]),
    memorySoft: z.number().int().positive(),
    memoryHard: z.number().int().positive(),
    batchSize: z.union([z.literal("auto"), z.number().int().positive()]),
  }),
  /** Every phase, in order (topological, ties broken by stage, then the reference order). */
  phases: z.array(PlanPhase),
  /**
   * The steps of the running phases in the order they run: setup steps once, then for every
   * period its posting, close and reporting steps, then final steps once.
   */
  schedule: z.array(PlanStep),
  /**
   * Which running phase provides each capability (payroll postings, revenue recognition, ...):
   * a phase that takes one over, else its default provider. Nothing is posted twice.
   */
  capabilities: z.record(z.string(), PhaseId),
  /** sha256 of the canonical plan without this field. */
  planHash: Sha256,
});
export type Plan = z.infer<typeof Plan>;

/** What to say of a plan of another format version (older: recompile; newer: upgrade), if it is one. */
export function formatVersionProblem(raw: unknown): { message: string; hint: string } | undefined {
  const v = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof v !== "number" || v === PLAN_FORMAT_VERSION) return undefined;
  if (v < PLAN_FORMAT_VERSION) return { message: `the plan is in format ${v}, written by an older synth; this one reads format ${PLAN_FORMAT_VERSION}`, hint: "recompile the scenario: synth compile SCENARIO.synth -o PLAN.json" };
  return { message: `the plan is in format ${v}, written by a newer synth; this one reads format ${PLAN_FORMAT_VERSION}`, hint: "upgrade synth, or compile the scenario with this version" };
}
