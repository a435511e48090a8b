// fast-check arbitraries for users (and our own tests): random scenarios, their plans, and the
// ledgers they generate in memory, so accounting code can be property-tested against ledgers
// that are known to balance.
//
//   fc.assert(fc.property(ledgerArbitrary(), (ledger) => myTrialBalance(ledger.tables) ...))
import fc from "fast-check";
import { compile } from "../compiler/compile.ts";
import type { Plan } from "../specs/plan.ts";
import { FISCAL_YEARS } from "../specs/scenario.ts";
import { INDUSTRIES } from "../specs/industries.ts";
import { buildContext } from "../ledger/context.ts";
import { runBlock, runMain } from "../engine/block-runner.ts";
import { RunState } from "../ledger/state.ts";
import { DEFAULT_MODULES, type Modules } from "../engine/modules.ts";
import { sequence, type Work } from "../engine/driver.ts";
import type { Chunk } from "../output/chunks.ts";
import { MemorySink } from "../output/sinks.ts";

export interface ScenarioParams {
  seed: number;
  industry: (typeof INDUSTRIES)[number];
  start: string;
  months: number;
  fiscalYear: (typeof FISCAL_YEARS)[number];
  companies: { country: string; currency: string }[];
  entriesPerYear: number;
  blockSize: number;
  lineItems: { two: number; three: number; four: number; even: number; max: number };
  /** Chains per year of each process (0: that process is off). */
  chains: { procureToPay: number; orderToCash: number; intercompany: number };
}

const COUNTRIES: [string, string][] = [["US", "USD"], ["DE", "EUR"], ["GB", "GBP"], ["JP", "JPY"], ["CH", "CHF"], ["FR", "EUR"]];

/** Percent as a whole number -> "NN%". */
const pct = (n: number) => `${n}%`;

export function scenarioParams(opts: { maxEntriesPerYear?: number; maxMonths?: number } = {}): fc.Arbitrary<ScenarioParams> {
  const lineItems = fc
    .record({ two: fc.integer({ min: 30, max: 70 }), three: fc.integer({ min: 0, max: 10 }), four: fc.integer({ min: 5, max: 20 }), extraEven: fc.integer({ min: 0, max: 10 }), max: fc.integer({ min: 6, max: 60 }) })
    .map(({ two, three, four, extraEven, max }) => ({ two, three, four, even: Math.min(100 - three, two + four + extraEven), max }));
  return fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    industry: fc.constantFrom(...INDUSTRIES),
    start: fc.tuple(fc.integer({ min: 2019, max: 2027 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}-01`),
    months: fc.integer({ min: 1, max: opts.maxMonths ?? 14 }),
    fiscalYear: fc.constantFrom(...FISCAL_YEARS),
    companies: fc.array(fc.constantFrom(...COUNTRIES).map(([country, currency]) => ({ country, currency })), { minLength: 1, maxLength: 3 }),
    entriesPerYear: fc.integer({ min: 50, max: opts.maxEntriesPerYear ?? 2000 }),
    blockSize: fc.constantFrom(64, 100, 257, 4096),
    lineItems,
    chains: fc.record({
      procureToPay: fc.constantFrom(0, 40, 150, 400),
      orderToCash: fc.constantFrom(0, 40, 150, 400),
      intercompany: fc.constantFrom(0, 20, 60),
    }),
  });
}

/** The .synth text of a parameter set (small master data so ledgers stay quick to generate). */
export function scenarioSource(p: ScenarioParams): string {
  const li = p.lineItems;
  return [
    `scenario "Property ${p.seed}" {`,
    `  seed = ${p.seed}  industry = ${p.industry}  start = ${p.start}  months = ${p.months}`,
    `  fiscal_year = ${p.fiscalYear}  group_currency = USD`,
    `}`,
    `chart_of_accounts { size = small }`,
    ...p.companies.map((c, i) => `company C${i + 1} { country = ${c.country} currency = ${c.currency} }`),
    `phase master_data { vendors = 15 customers = 20 materials = 10 fixed_assets = 12 employees = 10 cost_centers = 4 }`,
    `phase transactions {`,
    `  volume = ${p.entriesPerYear} per year  block_size = ${p.blockSize}`,
    `  line_items { two = ${pct(li.two)} three = ${pct(li.three)} four = ${pct(li.four)} even = ${pct(li.even)} max = ${li.max} }`,
    `}`,
    chain("procure_to_pay", p.chains.procureToPay),
    chain("order_to_cash", p.chains.orderToCash),
    chain("intercompany", p.chains.intercompany),
  ].join("\n");
}

function chain(id: string, perYear: number): string {
  return perYear === 0 ? `process ${id} { enabled = false }` : `process ${id} { volume = ${perYear} per year }`;
}

export function compileParams(p: ScenarioParams): Plan {
  const r = compile(scenarioSource(p), { path: "property.synth" });
  if (!r.plan) throw new Error(`arbitrary scenario does not compile: ${r.diagnostics.map((d) => d.message).join("; ")}\n${scenarioSource(p)}`);
  return r.plan;
}

export function planArbitrary(opts?: Parameters<typeof scenarioParams>[0]): fc.Arbitrary<Plan> {
  return scenarioParams(opts).map(compileParams);
}

export interface GeneratedLedger {
  plan: Plan;
  /** Logical records per table (ints as numbers, money as decimal strings). */
  tables: Map<string, Record<string, unknown>[]>;
  /** Files that are not tables, by path. */
  streams: Map<string, string>;
  /** The run state the blocks' deltas folded into (what run-report.json's figures are made from). */
  state?: RunState;
}

/**
 * Generates a plan's data in memory on this thread, synchronously. Same rows as `synth run`
 * (the same generators, in the same block order); meant for small plans.
 */
export function generateInMemory(plan: Plan, modules: Modules = DEFAULT_MODULES, onChunk?: (w: Work, c: Chunk) => void): GeneratedLedger {
  const cx = buildContext(plan, modules.tables(), modules.implementations(plan));
  const state = new RunState(cx, modules.slices(plan));
  const overlays = modules.overlays(plan);
  const sink = new MemorySink();
  const write = (w: Work, c: Chunk) => (sink.write(c), onChunk?.(w, c));
  for (const w of sequence(plan, modules)) {
    if (w.kind === "mark" || w.kind === "done") continue;
    const impl = modules.step(w.phase.id, w.step.step);
    if (impl.kind === "main") {
      for (const c of runMain(cx, impl, w, state, ["objects"], () => true, overlays, (c) => write(w, c))) write(w, c);
      continue;
    }
    for (let b = w.from; b < w.to; b++) {
      const r = runBlock(cx, impl, w.phase, b, ["objects"], () => true, overlays);
      for (const c of r.chunks) write(w, c);
      if (r.deltas) state.fold(r.deltas);
    }
  }
  return { plan, tables: sink.tables, streams: sink.streams, state };
}

/** Random scenarios, generated: for properties over whole ledgers. */
export function ledgerArbitrary(opts?: Parameters<typeof scenarioParams>[0]): fc.Arbitrary<GeneratedLedger> {
  return planArbitrary(opts).map(generateInMemory);
}
