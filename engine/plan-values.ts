// The values of a plan, judged as the compiler judged them: a plan whose planHash was recomputed
// after an edit must not get past the ranges, codes and checks a scenario would have been held
// to (months = 10000, an unknown currency, a share over 100%, a layout the phase would not lay
// out). Each check reuses the contract the compiler uses: the language's zod blocks, the phase
// specs' parameter schemas, checks and layouts.
import type { z } from "zod";
import { canonicalJson } from "../core/canonical.ts";
import { fileSpan, type Span } from "../core/diagnostics.ts";
import { CURRENCIES } from "../specs/currencies.ts";
import { CODE } from "../specs/fields.ts";
import type { CheckContext, PhaseSpec } from "../specs/phase.ts";
import type { Plan } from "../specs/plan.ts";
import { CompanyBlock, FISCAL_START_MONTH, FxBlock, OUTPUT_FORMATS, ProcessesBlock, RuntimeBlock, ScenarioBlock } from "../specs/scenario.ts";
import { unwrap } from "../specs/fields.ts";
import type { LayoutContext } from "../specs/layout.ts";
import type { Modules } from "./modules.ts";

/** A problem found in the plan: where (a dotted path) and what. */
export type Problem = { path: string; message: string };

const issue = (path: string, r: z.ZodSafeParseResult<unknown>): Problem[] =>
  r.success ? [] : [{ path: [path, ...r.error.issues[0]!.path].join("."), message: r.error.issues[0]!.message }];

/** Whether `schema` parses `value` to exactly `value`: nothing missing (a default would fill it), nothing extra. */
function exact(path: string, schema: z.ZodType, given: unknown): Problem[] {
  // As written to the plan file: a key holding undefined is no key.
  const value: unknown = JSON.parse(canonicalJson(given));
  const r = schema.safeParse(value);
  if (!r.success) return issue(path, r);
  return canonicalJson(r.data) === canonicalJson(value) ? [] : [{ path, message: "is not what the compiler writes (a setting is missing or changed)" }];
}

function scenarioProblems(plan: Plan): Problem[] {
  const s = plan.scenario;
  const out = issue("scenario", ScenarioBlock.safeParse({ name: s.name, seed: s.seed, industry: s.industry, start: s.startDate, months: s.months, fiscal_year: s.fiscalYear, group_currency: s.groupCurrency, presentation_currency: s.presentationCurrency }));
  if (!s.startDate.endsWith("-01")) out.push({ path: "scenario.startDate", message: "is not the first day of a month" });
  if (FISCAL_START_MONTH[s.fiscalYear] !== s.fiscalYearStartMonth) out.push({ path: "scenario.fiscalYearStartMonth", message: `does not match fiscalYear ${s.fiscalYear}` });
  for (const [k, c] of [["groupCurrency", s.groupCurrency], ["presentationCurrency", s.presentationCurrency]] as const) {
    if (!CURRENCIES[c]) out.push({ path: `scenario.${k}`, message: `${c} is not a currency synth knows` });
  }
  return out;
}

function companyProblems(plan: Plan): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  plan.companies.forEach((c, i) => {
    const path = `companies.${i}`;
    out.push(...issue(path, CompanyBlock.safeParse({ name: c.name, country: c.country, currency: c.currency, share: c.share, vat_rate: c.vatRate, income_tax_rate: c.incomeTaxRate })));
    if (!CODE.test(c.code) || seen.has(c.code)) out.push({ path: `${path}.code`, message: `"${c.code}" is not a valid, unique company code` });
    if (!CURRENCIES[c.currency]) out.push({ path: `${path}.currency`, message: `${c.currency} is not a currency synth knows` });
    seen.add(c.code);
  });
  const sum = plan.companies.reduce((s, c) => s + c.share, 0);
  // Implicit shares are rounded to 9 decimals each.
  if (Math.abs(sum - 1) > 1e-6) out.push({ path: "companies", message: `shares add up to ${sum}, not 1` });
  return out;
}

function fxProblems(plan: Plan): Problem[] {
  const out = issue("fx", FxBlock.safeParse({ volatility: plan.fx.volatility, drift: plan.fx.drift }));
  const group = plan.scenario.groupCurrency;
  const rated = new Set<string>();
  for (const r of plan.fx.rates) {
    if (!CURRENCIES[r.currency] || r.currency === group || rated.has(r.currency) || !(Number(r.rate) > 0)) out.push({ path: "fx.rates", message: `the rate of ${r.currency} is not one the compiler writes` });
    rated.add(r.currency);
  }
  const used = new Set([...plan.companies.map((c) => c.currency), plan.scenario.presentationCurrency]);
  for (const c of used) if (c !== group && !rated.has(c)) out.push({ path: "fx.rates", message: `no exchange rate for ${c} (into ${group})` });
  return out;
}

function processProblems(plan: Plan): Problem[] {
  const shapes = ProcessesBlock.shape as Record<string, z.ZodType>;
  return plan.processes.flatMap((p, i) => {
    const schema = shapes[p.id] ? (unwrap(shapes[p.id]!) as z.ZodObject) : undefined;
    if (!schema) return [{ path: `processes.${i}.id`, message: `unknown process chain ${p.id}` }];
    return exact(`processes.${i}.params`, schema.omit({ enabled: true }).strict(), p.params);
  });
}

function outputProblems(plan: Plan, modules: Modules): Problem[] {
  const r = plan.runtime;
  const out = issue("runtime", RuntimeBlock.safeParse({ workers: r.workers, memory_soft: r.memorySoft, memory_hard: r.memoryHard, batch_size: r.batchSize }));
  if (r.memorySoft >= r.memoryHard) out.push({ path: "runtime.memorySoft", message: "must be below memoryHard" });
  const o = plan.output;
  if (o.directory.trim() === "") out.push({ path: "output.directory", message: "is empty" });
  if (o.formats.some((f) => !OUTPUT_FORMATS.includes(f))) out.push({ path: "output.formats", message: "names an unknown format" });
  const tables = modules.tables();
  for (const t of o.tables ?? []) if (!tables.has(t)) out.push({ path: "output.tables", message: `no phase writes a table ${t}` });
  return out;
}

/** Every phase entry: what its spec says (title, needs, tables), its parameters exactly, its layout recomputed. */
function phaseProblems(plan: Plan, modules: Modules): Problem[] {
  const cx = layoutContext(plan);
  return plan.phases.flatMap((p, i) => {
    const spec = modules.get(p.id)?.spec;
    if (!spec) return [];
    const path = `phases.${i}`;
    const out = exact(`${path}.params`, spec.params.strict(), p.params);
    const declared = { title: spec.title, needs: [...spec.needs], outputs: spec.tables.map((t) => t.name), streams: spec.streams?.length ? [...spec.streams] : undefined };
    if (canonicalJson(declared) !== canonicalJson({ title: p.title, needs: p.needs, outputs: p.outputs, streams: p.streams })) out.push({ path, message: `phase ${p.id} is not described as this version of synth describes it` });
    // A phase without steps is planned, never run; one with steps is never planned.
    if ((p.status === "run" || p.status === "planned") && (p.status === "run") !== modules.implemented(p.id)) out.push({ path: `${path}.status`, message: `phase ${p.id} cannot be ${p.status} in this version of synth` });
    if (out.length === 0 && (p.status === "run" || p.status === "planned") && canonicalJson(spec.layout(cx)) !== canonicalJson(p.layout)) out.push({ path: `${path}.layout`, message: `is not the layout phase ${p.id} gives these settings` });
    return out;
  });
}

function layoutContext(plan: Plan): LayoutContext {
  const s = plan.scenario;
  return {
    companies: plan.companies,
    startDate: s.startDate,
    months: s.months,
    fiscalStartMonth: s.fiscalYearStartMonth,
    params: Object.fromEntries(plan.phases.map((p) => [p.id, p.params as Record<string, unknown>])),
    processes: plan.processes,
  };
}

/** The phases' own semantic checks (shares that add up, ranges in order), as the compiler runs them. */
function checkProblems(plan: Plan, modules: Modules): Problem[] {
  const out: Problem[] = [];
  const s = plan.scenario;
  const span: Span = fileSpan(plan.sources[0]?.path ?? "plan");
  const cx: CheckContext = {
    scenario: { start: s.startDate, months: s.months, fiscalStartMonth: s.fiscalYearStartMonth, industry: s.industry },
    params: (id) => (plan.phases.find((p) => p.id === id)?.params ?? {}) as Record<string, unknown>,
    at: () => span,
    written: () => false,
    report: (code, message) => {
      if (!code.startsWith("SYN3014")) out.push({ path: "phases", message: `${message} (${code})` });
    },
  };
  const specs = plan.phases.map((p) => modules.get(p.id)?.spec).filter((x): x is PhaseSpec => x !== undefined);
  for (const spec of specs) for (const check of spec.checks ?? []) check(cx);
  return out;
}

/** Capabilities are provided by running phases that declare them. */
function capabilityProblems(plan: Plan, modules: Modules): Problem[] {
  return Object.entries(plan.capabilities).flatMap(([c, id]) => {
    const p = plan.phases.find((x) => x.id === id);
    const spec = modules.get(id)?.spec;
    const declares = spec?.defaults?.includes(c) || spec?.provides?.includes(c);
    return p?.status === "run" && declares ? [] : [{ path: `capabilities.${c}`, message: `${id} does not provide ${c} in this plan` }];
  });
}

/** Every problem, in a fixed order; empty when the plan holds values the compiler would write. */
export function planValueProblems(plan: Plan, modules: Modules): Problem[] {
  const shape = [...scenarioProblems(plan), ...companyProblems(plan), ...fxProblems(plan), ...processProblems(plan), ...outputProblems(plan, modules)];
  // Layouts and phase checks are computed from these: only once they are sound (months = 10000 would lay out for long).
  if (shape.length) return shape;
  const phases = [...phaseProblems(plan, modules), ...capabilityProblems(plan, modules)];
  return phases.length ? phases : checkProblems(plan, modules);
}
