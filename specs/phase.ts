// The compile-side contract of a phase folder: everything the compiler, the docs and the
// engine need to know about a phase without running it. Each `phases/<id>/spec.ts` exports
// one PhaseSpec; the generated `phases/specs.ts` lists them. Shared code iterates that list
// and never names a phase.
import type { z } from "zod";
import type { DiagnosticCode, Span } from "../core/diagnostics.ts";
import type { AccountRole } from "./accounts.ts";
import type { Industry } from "./industries.ts";
import type { Layout, LayoutContext } from "./layout.ts";
import type { TableSpec } from "./records/table.ts";

/**
 * When a step runs. setup: once before the first period; posting, close, reporting: in every
 * period, in that order (posting steps post the period's business, close steps close it,
 * reporting steps read the closed figures); final: once after the last period.
 */
export const STAGES = ["setup", "posting", "close", "reporting", "final"] as const;
export type Stage = (typeof STAGES)[number];

export interface StepSpec {
  /** Unique within the phase; the runtime module implements a step of this name. */
  name: string;
  stage: Stage;
  /**
   * blocks: block-parallel in workers, a pure function of (plan, block); main: on the main
   * thread, with the run state; overlay: inside the blocks (and main steps) that produce the
   * tables it `posts`, transforming their rows (it has no work of its own).
   */
  kind: "blocks" | "main" | "overlay";
  /** State slices of the current period the step reads (after the steps that post them). */
  reads?: readonly string[];
  /** State slices (or, for overlays, tables) the step posts to. */
  posts?: readonly string[];
}

/** What a phase's semantic checks see of the scenario; the compiler implements it. */
export interface CheckContext {
  scenario: { start: string; months: number; fiscalStartMonth: number; industry: string };
  /** A phase's parameters, defaults and presets filled in. */
  params(id: string): Record<string, unknown>;
  /** Span of a setting, or of its nearest written ancestor. */
  at(...path: (string | number)[]): Span;
  /** Whether exactly this setting was written. */
  written(...path: (string | number)[]): boolean;
  report(code: DiagnosticCode, message: string, span: Span, hint?: string): void;
}

export interface PhaseSpec<P extends z.ZodObject = z.ZodObject> {
  id: string;
  title: string;
  /** Position in the seed's reference order: breaks ties in the phase order, orders docs. */
  rank: number;
  /**
   * Where the phase mainly runs (its steps may run in other stages too). Phases are ordered by
   * their needs, then by this stage, then by rank: posting phases come before the close.
   */
  stage: Stage;
  /** Parameters (zod, with defaults); `enabled` and `after` are added for every phase. */
  params: P;
  /** Hard dependencies: a phase whose need is not running is skipped. */
  needs: readonly string[];
  /** Soft ordering: after these when they run. */
  after?: readonly string[];
  /** Runs when the scenario has no block for it. */
  defaultEnabled?: boolean;
  /** Tables the phase writes (record specs). */
  tables: readonly TableSpec[];
  /** Files that are not tables (graph arrays, GraphML, scripts), by path under the output directory. */
  streams?: readonly string[];
  /** What the runtime runs; empty while the phase is planned but not generated yet. */
  steps: readonly StepSpec[];
  /** Volumes and block layout, from the plan's companies, calendar and parameters. */
  layout(cx: LayoutContext): Layout;
  /** Semantic checks of the phase's settings. */
  checks?: readonly ((cx: CheckContext) => void)[];
  /** Industry presets of its parameters (under what the scenario says). */
  presets?: Partial<Record<Industry, Record<string, unknown>>>;
  /** Account roles it posts to. */
  roles?: readonly AccountRole[];
  /** Capabilities it takes over from their default provider when it runs. */
  provides?: readonly string[];
  /** Capabilities it provides unless a running phase takes them over. */
  defaults?: readonly string[];
}

/** A phase's parameters, typed by its spec, from anything that holds them by phase id. */
export function paramsOf<P extends z.ZodObject>(spec: PhaseSpec<P>, source: { params(id: string): unknown }): z.infer<P> {
  return source.params(spec.id) as z.infer<P>;
}

/** A phase's parameters as a plan holds them (its defaults when the plan has no such phase). */
export function planParamsOf<P extends z.ZodObject>(spec: PhaseSpec<P>, plan: { phases: readonly { id: string; params: Record<string, unknown> }[] }): z.infer<P> {
  const p = plan.phases.find((x) => x.id === spec.id);
  return (p ? p.params : spec.params.parse({})) as z.infer<P>;
}
