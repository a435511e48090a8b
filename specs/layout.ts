// Block layout: how much work a phase does, split into fixed-size blocks (the unit of
// deterministic randomness), decided at compile time so a run never re-decides it. The schemas
// are part of the plan; the helpers are what phase specs build their layouts from.
import { z } from "zod";
import { allocate } from "../core/allocate.ts";
import { periodAt, parseIso } from "../core/calendar.ts";
import type { Rate } from "./fields.ts";

/** A slice of a phase's work: one company (and period / table), laid out in fixed-size blocks. */
export const Segment = z.strictObject({
  company: z.string().optional(),
  /** 0-based period index from the scenario start. */
  period: z.number().int().nonnegative().optional(),
  table: z.string().optional(),
  /** Units per block of this segment when not the layout's (document chains: a chain is many rows). */
  blockSize: z.number().int().positive().optional(),
  units: z.number().int().nonnegative(),
  firstBlock: z.number().int().nonnegative(),
  blocks: z.number().int().nonnegative(),
});
export type Segment = z.infer<typeof Segment>;

export const Layout = z.strictObject({
  /** What one unit is: "entries", "records", ... */
  unit: z.string(),
  total: z.number().int().nonnegative(),
  blockSize: z.number().int().positive(),
  blocks: z.number().int().nonnegative(),
  segments: z.array(Segment),
});
export type Layout = z.infer<typeof Layout>;

export type SegmentPart = Omit<Segment, "firstBlock" | "blocks">;

/** What a layout is computed from: the plan's companies and calendar, and every phase's parameters. */
export interface LayoutContext {
  companies: { code: string; share: number; country: string }[];
  startDate: string;
  months: number;
  fiscalStartMonth: number;
  /** Parameters of every phase (defaults filled in), by phase id. */
  params: Readonly<Record<string, Record<string, unknown>>>;
  /** Enabled process chains. */
  processes: { id: string; params: Record<string, unknown> }[];
}

export const EMPTY_LAYOUT: Layout = { unit: "none", total: 0, blockSize: 1, blocks: 0, segments: [] };

/** Units over the whole scenario for a rate such as 100k per year. */
export function rateTotal(rate: Rate, cx: Pick<LayoutContext, "startDate" | "months" | "fiscalStartMonth">): number {
  const days = () => {
    const end = periodAt(cx.startDate, cx.fiscalStartMonth, cx.months - 1);
    return end.firstDay + end.days - parseIso(cx.startDate);
  };
  const perScenario: Record<Rate["per"], () => number> = {
    year: () => (rate.amount * cx.months) / 12,
    quarter: () => (rate.amount * cx.months) / 3,
    month: () => rate.amount * cx.months,
    week: () => (rate.amount * days()) / 7,
    day: () => rate.amount * days(),
  };
  return Math.round(perScenario[rate.per]());
}

/**
 * Lays out segments period by period (stable: within a period, in the order given; segments of
 * no period first), numbering blocks consecutively. The blocks of one period are then one range,
 * which the engine runs before that period's close.
 */
export function buildLayout(unit: string, blockSize: number, parts: SegmentPart[]): Layout {
  let next = 0;
  let total = 0;
  const ordered = [...parts].sort((a, b) => (a.period ?? -1) - (b.period ?? -1));
  const segments = ordered.map((p) => {
    const blocks = Math.ceil(p.units / (p.blockSize ?? blockSize));
    const s: Segment = { ...p, firstBlock: next, blocks };
    next += blocks;
    total += p.units;
    return s;
  });
  return { unit, total, blockSize, blocks: next, segments };
}

type Company = LayoutContext["companies"][number];

/** Splits a total over companies by share, then over each company's periods by `weight`. */
export function companyPeriodParts(total: number, cx: LayoutContext, weight: (company: Company, period: number) => number, table?: string): SegmentPart[] {
  const byCompany = allocate(total, cx.companies.map((c) => c.share));
  return cx.companies.flatMap((c, ci) => {
    const weights = Array.from({ length: cx.months }, (_, i) => weight(c, i));
    return allocate(byCompany[ci]!, weights).map((units, period) => (table ? { company: c.code, period, table, units } : { company: c.code, period, units }));
  });
}

/** One unit per company and period: close, reporting. */
export const perPeriod = (unit: string) => (cx: LayoutContext): Layout =>
  buildLayout(unit, 1, cx.companies.flatMap((c) => Array.from({ length: cx.months }, (_, period) => ({ company: c.code, period, units: 1 }))));

/** One unit per company: set-up style phases. */
export const perCompany = (unit: string) => (cx: LayoutContext): Layout => buildLayout(unit, 1, cx.companies.map((c) => ({ company: c.code, units: 1 })));

/** A rate-driven volume spread evenly over the periods of each company (by share). */
export function ratedLayout(unit: string, rate: Rate, cx: LayoutContext, blockSize = 1024): Layout {
  return buildLayout(unit, blockSize, companyPeriodParts(rateTotal(rate, cx), cx, () => 1));
}
