// Checked model -> Plan: companies, accounts, FX, processes, phases in order with their
// resolved parameters and block layout, and the hashes that make the plan reviewable.
import { PLAN_FORMAT_VERSION, PLANNED, Plan, type PlanCompany, type PlanPhase, type PlanStep, type SourceRef } from "../specs/plan.ts";
import { FISCAL_START_MONTH } from "../specs/scenario.ts";
import { CURRENCIES } from "../specs/currencies.ts";
import { hashOf, sha256 } from "../core/canonical.ts";
import type { DiagnosticBag, Span } from "../core/diagnostics.ts";
import type { SourceFile } from "./loader.ts";
import type { Model } from "./model.ts";
import { phaseSpan, type PhaseDecision } from "./phase-order.ts";
import { EMPTY_LAYOUT, type LayoutContext } from "../specs/layout.ts";
import { checkBusiness, resolveBusiness } from "./business.ts";


type Draft = Omit<Plan, "planHash" | "phases" | "schedule" | "capabilities">;

/** Each capability of the running phases: the phase that takes it over, else its default provider. */
function capabilitiesOf(m: Model, decisions: PhaseDecision[]): Record<string, string> {
  const running = decisions.filter((d) => d.status === "run").map((d) => m.language.spec(d.id));
  const out: Record<string, string> = {};
  for (const s of running) for (const c of s.defaults ?? []) out[c] ??= s.id;
  for (const s of running) {
    for (const c of s.provides ?? []) {
      const other = running.find((o) => o !== s && o.provides?.includes(c));
      // Two phases taking over one capability would post it twice: the registry test forbids it.
      if (other) throw new Error(`internal: phases ${s.id} and ${other.id} both take over ${c}`);
      out[c] = s.id;
    }
  }
  return out;
}

export function buildPlan(m: Model, decisions: PhaseDecision[], schedule: PlanStep[], sources: SourceFile[], diags: DiagnosticBag): Plan {
  for (const d of decisions) if (d.status === "run" && m.language.spec(d.id).steps.length === 0 && m.explicitPhases.has(d.id)) reportPlanned(m, d.id, diags);
  const draft = withBusiness(m, buildDraft(m, sources), decisions, schedule, diags);
  const cx: LayoutContext = {
    companies: draft.companies,
    startDate: draft.scenario.startDate,
    months: draft.scenario.months,
    fiscalStartMonth: draft.scenario.fiscalYearStartMonth,
    params: m.params,
    processes: draft.processes,
  };
  // What every phase depends on, minus what only says where things were written: moving a
  // block or adding a comment must not change a phase's hash.
  const context = { ...draft, output: undefined, runtime: undefined, sources: undefined, sourceHash: undefined };
  const contextHash = hashOf(withoutSourceRefs(context));
  const phases = decisions.map((d) => buildPhase(m, d, cx, contextHash));
  const body = { ...draft, phases, schedule, capabilities: capabilitiesOf(m, decisions) };
  const plan = { ...body, planHash: hashOf(body) };
  const checked = Plan.safeParse(plan);
  // The builder's own output must satisfy the contract the runtime will check.
  if (!checked.success) throw new Error(`internal: built plan fails its schema: ${checked.error.message}`);
  return checked.data;
}

/**
 * The companies' business plans, resolved against the plan built so far (revenue = auto reads
 * the employee master, whose records are functions of that plan; they do not depend on the
 * business plan, so building it twice changes nothing).
 */
function withBusiness(m: Model, base: Omit<Draft, "companies"> & { companies: Omit<PlanCompany, "business">[] }, decisions: PhaseDecision[], schedule: PlanStep[], diags: DiagnosticBag): Draft {
  const cx: LayoutContext = { companies: base.companies, startDate: base.scenario.startDate, months: base.scenario.months, fiscalStartMonth: base.scenario.fiscalYearStartMonth, params: m.params, processes: base.processes };
  const provisional = { ...base, phases: decisions.map((d) => buildPhase(m, d, cx, "")), schedule, capabilities: {} } as unknown as Omit<Plan, "planHash">;
  const business = resolveBusiness(m, base.companies, provisional);
  checkBusiness(m, base.companies, business, provisional, diags);
  return { ...base, companies: base.companies.map((c, i) => ({ ...c, business: business[i]! })) };
}

function buildDraft(m: Model, sources: SourceFile[]): Omit<Draft, "companies"> & { companies: Omit<PlanCompany, "business">[] } {
  const s = m.doc.scenario;
  // Root first, then imports by path: the order a reviewer expects, independent of import order.
  const root = sources.find((x) => x.path === m.rootFile) ?? sources[sources.length - 1]!;
  const ordered = [root, ...sources.filter((x) => x !== root).sort((a, b) => (a.path < b.path ? -1 : 1))];
  const companies = buildCompanies(m);
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    generator: "synth",
    scenario: {
      name: s.name,
      seed: s.seed,
      industry: s.industry,
      startDate: s.start,
      months: s.months,
      fiscalYear: s.fiscal_year,
      fiscalYearStartMonth: FISCAL_START_MONTH[s.fiscal_year],
      groupCurrency: s.group_currency,
      presentationCurrency: s.presentation_currency ?? s.group_currency,
      volumeScale: m.volumeScale === undefined || m.volumeScale === 1 ? undefined : m.volumeScale,
    },
    sources: ordered,
    sourceHash: sha256(ordered.map((x) => `${x.path}\n${x.sha256}\n`).join("")),
    companies,
    chartOfAccounts: {
      size: m.doc.chart_of_accounts.size,
      custom: Object.entries(m.doc.chart_of_accounts.account)
        .map(([number, a]) => ({ number, name: a.name, type: a.type, parent: a.parent, role: a.role }))
        .sort((a, b) => (a.number < b.number ? -1 : 1)),
    },
    fx: buildFx(m, companies),
    processes: Object.entries(m.doc.process)
      // Intercompany needs a counterparty: it is on by default, but only for groups.
      .filter(([id, p]) => p !== undefined && p.enabled && (id !== "intercompany" || companies.length >= 2))
      .map(([id, p]) => ({ id, params: { ...p, enabled: undefined }, source: ref(m.spans.get(["process", id])) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    output: {
      directory: m.doc.output.directory,
      formats: m.doc.output.formats,
      tables: m.doc.output.tables,
    },
    runtime: {
      workers: m.doc.runtime.workers,
      memorySoft: m.doc.runtime.memory_soft,
      memoryHard: m.doc.runtime.memory_hard,
      batchSize: m.doc.runtime.batch_size,
    },
  };
}

/** Companies in source order; without any, one company for the whole scenario. */
function buildCompanies(m: Model): Omit<PlanCompany, "business">[] {
  const entries = Object.entries(m.doc.company);
  const group = m.doc.scenario.group_currency;
  if (entries.length === 0) {
    return [{ code: "C001", name: m.doc.scenario.name, country: "US", currency: group, share: 1 }];
  }
  const explicit = entries.reduce((sum, [, c]) => sum + (c.share ?? 0), 0);
  const implicitCount = entries.filter(([, c]) => c.share === undefined).length;
  // Rounded so 1 - 0.7 gives 0.3 in the plan, not 0.30000000000000004.
  const rest = implicitCount ? round9(Math.max(0, 1 - explicit) / implicitCount) : 0;
  return entries.map(([code, c]) => ({
    code,
    name: c.name ?? code,
    country: c.country,
    currency: c.currency ?? group,
    share: c.share ?? rest,
    ownership: c.ownership,
    vatRate: c.vat_rate,
    incomeTaxRate: c.income_tax_rate,
    source: ref(m.spans.get(["company", code])),
  }));
}

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** A copy without `source` positions (at any depth), for hashes that must not move with them. */
function withoutSourceRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSourceRefs);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "source").map(([k, v]) => [k, withoutSourceRefs(v)]));
}

/** Rates for every non-group currency in play: the scenario's own, else the reference table. */
function buildFx(m: Model, companies: Omit<PlanCompany, "business">[]): Plan["fx"] {
  const group = m.doc.scenario.group_currency;
  const { volatility, drift, ...explicit } = m.doc.fx;
  const used = new Set<string>([...companies.map((c) => c.currency), m.doc.scenario.presentation_currency ?? group]);
  for (const code of Object.keys(explicit)) used.add(code);
  used.delete(group);
  const rates = [...used].sort().map((currency) => {
    const given = (explicit as Record<string, number>)[currency];
    const rate = given ?? CURRENCIES[currency]!.usd / CURRENCIES[group]!.usd;
    return { currency, rate: decimal(rate) };
  });
  return { volatility, drift, rates };
}

/** Up to 8 significant decimals, no exponent, no trailing zeros. */
function decimal(x: number): string {
  return x.toFixed(8).replace(/\.?0+$/, "");
}

function buildPhase(m: Model, d: PhaseDecision, cx: LayoutContext, contextHash: string): PlanPhase {
  const spec = m.language.spec(d.id);
  const { enabled: _e, after: _a, ...params } = m.params[d.id]!;
  // Enabled with its needs running, but without steps: the runtime does not generate it yet.
  const planned = d.status === "run" && spec.steps.length === 0;
  const phase = {
    id: d.id,
    title: spec.title,
    status: planned ? ("planned" as const) : d.status,
    reason: planned ? PLANNED : d.reason,
    needs: [...spec.needs],
    after: d.after,
    outputs: spec.tables.map((t) => t.name),
    streams: spec.streams?.length ? [...spec.streams] : undefined,
    params,
    // Only running phases carry work; the others keep an empty layout so diffs stay readable.
    layout: d.status === "run" ? spec.layout(cx) : EMPTY_LAYOUT,
    source: ref(phaseSpan(m, d.id)),
  };
  // The phase's own `source` stays in the plan (and in planHash), not in its hash.
  return { ...phase, hash: hashOf({ phase: { ...phase, source: undefined }, contextHash }) };
}

function reportPlanned(m: Model, id: string, diags: DiagnosticBag): void {
  diags.report("SYN3014", `phase ${id} is planned, but this version of the runtime does not generate it yet`, phaseSpan(m, id)!, "synth run will skip it and say so");
}

function ref(span: Span | undefined): SourceRef | undefined {
  return span && { file: span.file, line: span.start.line, column: span.start.column };
}
