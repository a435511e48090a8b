// Calibration: a block's share of a period's budget, split over the block's documents by the
// plan's amount distribution (log-normal, Benford mantissas, some round amounts), so the year
// lands on the business plan however many documents the user asked for, and each document
// keeps a realistic size.
import { allocate } from "../../core/allocate.ts";
import { Rng, hash32 } from "../../core/rng.ts";
import type { BlockRef, RunContext } from "../../ledger/context.ts";
import { sampleAmount, type AmountModel } from "./amounts.ts";

/** The widest spread of documents of one kind: the plan's sigma describes all entries, a mix of kinds of different sizes. */
const KIND_SIGMA = 1.2;

/**
 * Splits `budget` (minor units) over n documents in proportion to amounts drawn from `model`'s
 * shape; the parts sum to it exactly. The draws are not clamped or rounded (scaling would move
 * those point masses off their digits); a share of the parts is rounded afterwards.
 */
export function splitBudget(budget: number, n: number, model: AmountModel, rng: Rng): number[] {
  if (n === 0) return [];
  const shape: AmountModel = { ...model, sigma: Math.min(model.sigma, KIND_SIGMA), min: 1, max: Number.MAX_SAFE_INTEGER, roundShare: 0 };
  const weights = Array.from({ length: n }, () => sampleAmount(shape, rng));
  const parts = share(Math.max(0, Math.round(budget)), weights);
  roundSome(parts, model, rng);
  return parts;
}

/** Splits a total by weights, exactly: floors, then a minor unit more for the first parts (the weights are random already). */
function share(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return allocate(total, weights);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i]!++;
  return parts;
}

/** Makes a share of the parts round figures, moving the difference to the next part that is not. */
function roundSome(parts: number[], model: AmountModel, rng: Rng): void {
  let carry = 0;
  for (let i = 0; i < parts.length; i++) {
    parts[i] = parts[i]! + carry;
    carry = 0;
    if (i === parts.length - 1 || !rng.chance(model.roundShare)) continue;
    const step = roundStep(parts[i]!, model.unit);
    const r = Math.round(parts[i]! / step) * step;
    if (r <= 0) continue;
    carry = parts[i]! - r;
    parts[i] = r;
  }
  // The last part may go negative only if the carry exceeds it: give it back to the largest part.
  if (parts[parts.length - 1]! <= 0 && parts.length > 1) {
    const last = parts.length - 1;
    const big = parts.indexOf(Math.max(...parts.slice(0, last)));
    parts[big] = parts[big]! + parts[last]! - 1;
    parts[last] = 1;
  }
}

/** Round figures for a size: 100, 1,000 or 10,000 major units. */
function roundStep(v: number, unit: number): number {
  const major = v / unit;
  return (major >= 100_000 ? 10_000 : major >= 10_000 ? 1_000 : 100) * unit;
}

/** A block's share of its segment: the units it covers over the segment's units. */
export function blockShare(ref: BlockRef): number {
  return ref.segment.units > 0 ? ref.units / ref.segment.units : 0;
}

/**
 * The kind of each unit of a segment, in a fixed shuffled order: exact counts per kind for any
 * block split (allocate by weight, then a seeded shuffle of the sequence). `first` lists kinds
 * that get a unit each before the rest is allocated (as many as there are units).
 */
export function kindsOf(cx: RunContext, key: string, units: number, weights: readonly number[], first: readonly number[] = []): Uint8Array {
  const floor = weights.map(() => 0);
  for (const k of first.slice(0, units)) floor[k] = 1;
  const reserved = floor.reduce((a, b) => a + b, 0);
  const counts = allocate(units - reserved, weights as number[]).map((n, k) => n + floor[k]!);
  const seq = new Uint8Array(units);
  let at = 0;
  counts.forEach((n, k) => seq.fill(k, at, (at += n)));
  const rng = new Rng(cx.seed, hash32("kinds"), hash32(key));
  for (let i = units - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = seq[i]!;
    seq[i] = seq[j]!;
    seq[j] = t;
  }
  return seq;
}

/** What a segment of a company and period does: the kind of each unit, how many of each, and each kind's budget. */
export interface SegmentPlan {
  kinds: Uint8Array;
  counts: number[];
  /** Company minor units per kind for the whole segment (0 for a kind without budget). */
  budgets: number[];
}

/**
 * The segment plans of a company for every period, for one kind of work (`key`). A kind's budget
 * of a period where the segment holds none of its units passes to the next period that holds
 * some, so no budget is lost to a small segment (only what the last periods cannot place).
 */
export function segmentPlans(
  cx: RunContext,
  key: string,
  c: { code: string; index: number },
  units: (period: number) => number,
  weights: (period: number) => readonly number[],
  budgets: (period: number) => readonly number[],
): SegmentPlan[] {
  let byKey = plansCache.get(cx);
  if (!byKey) plansCache.set(cx, (byKey = new Map()));
  const cacheKey = `${key}:${c.code}`;
  const hit = byKey.get(cacheKey);
  if (hit) return hit;
  const carry: number[] = [];
  const plans = cx.periods.map((p) => {
    const w = weights(p.index);
    const b = budgets(p.index);
    // Kinds with budget get a unit first, the most owed first, so a small segment still places them.
    const owed = w.map((_, k) => k).filter((k) => (b[k] ?? 0) + (carry[k] ?? 0) > 0 && w[k]! > 0);
    owed.sort((x, y) => (b[y] ?? 0) + (carry[y] ?? 0) - ((b[x] ?? 0) + (carry[x] ?? 0)) || x - y);
    const kinds = kindsOf(cx, `${key}:${c.code}:${p.index}`, units(p.index), w, owed);
    const counts = w.map(() => 0);
    for (let i = 0; i < kinds.length; i++) counts[kinds[i]!]!++;
    const planned = w.map((_, k) => {
      const total = (b[k] ?? 0) + (carry[k] ?? 0);
      carry[k] = counts[k]! > 0 ? 0 : total;
      return counts[k]! > 0 ? total : 0;
    });
    return { kinds, counts, budgets: planned };
  });
  byKey.set(cacheKey, plans);
  return plans;
}

const plansCache = new WeakMap<RunContext, Map<string, SegmentPlan[]>>();

/** A block's budget of kind k: its units of the kind's share of the segment's budget. */
export function blockBudget(plan: SegmentPlan, ref: BlockRef, k: number): { n: number; budget: number } {
  let n = 0;
  for (let i = ref.offset; i < ref.offset + ref.units; i++) if (plan.kinds[i] === k) n++;
  return { n, budget: plan.counts[k]! > 0 ? (plan.budgets[k]! * n) / plan.counts[k]! : 0 };
}

/** Quantities at a unit price that track running targets: the sum of value stays within one price of the sum of targets. */
export class Dither {
  private target = 0;
  private actual = 0;
  /** Units to sell or buy at `price` for a document worth `value` (at least 1). */
  quantity(value: number, price: number): number {
    this.target += value;
    const q = Math.max(1, Math.round((this.target - this.actual) / Math.max(1, price)));
    this.actual += q * price;
    return q;
  }

  /** An order worth `value` did not happen: the following ones make up for it. */
  cancel(value: number): void {
    this.actual -= value;
  }
}
