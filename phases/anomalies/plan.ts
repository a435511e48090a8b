// Where each anomaly goes, from the plan alone: the plan's layout holds every type's count per
// company; here each count is allocated to the blocks of the transactions phase that carry the
// type (largest remainder over block volume, quarter-end weights and time clusters, each block
// capped by what it can carry). Every worker computes the same allocation, so counts are exact
// and the same for any worker count, shard or resume.
import { dexp } from "../../core/detmath.ts";
import { hash32, Rng } from "../../core/rng.ts";
import type { RunContext } from "../../ledger/context.ts";
import type { PlanPhase } from "../../specs/plan.ts";
import { paramsOf } from "../../specs/phase.ts";
import { transactionsSpec } from "../transactions/spec.ts";
import { masterParams, vendor } from "../master_data/index.ts";
// Which purchase orders of a segment are stock replenishment: the transactions phase's own rule.
import { stockOrders } from "../transactions/chains.ts";
import { ANOMALY_CATALOG, type AnomalyType, type Carrier } from "./catalog.ts";
import type { AnomaliesParams } from "./params.ts";
import { anomaliesSpec, periodAllowed } from "./spec.ts";

export interface Quota {
  type: AnomalyType;
  count: number;
  /** Cluster of this block's anomalies of the type (CL-<company>-<type>-<n>). */
  cluster: string;
  /** The period of the block. */
  period: number;
  /** A paired type's part: 1 where it starts, 2 in the block of its second part (which `origin` started). */
  part?: 1 | 2;
  origin?: number;
}

interface BlockSlot {
  block: number;
  period: number;
  units: number;
  /** Units of the company's carrier before this block (its position in time). */
  position: number;
}

const ID = anomaliesSpec.id;

/** The phase's own random stream for a key (seed, phase, seed_offset, ...key). */
export function streamFor(cx: RunContext, ...key: number[]): Rng {
  const p = paramsOf(anomaliesSpec, cx);
  return new Rng(cx.seed, hash32(ID), p.seed_offset, ...key);
}

/** Each listed type's count per company, as the plan lays it out. */
export function plannedCounts(cx: RunContext): Map<string, number> {
  const m = new Map<string, number>();
  // Payroll types need hr (the phase that takes payroll postings over when it runs): none without it.
  const hr = cx.provides("hr", "payroll_postings");
  for (const s of cx.phase(ID).layout.segments) m.set(`${s.company}|${s.table}`, !hr && ANOMALY_CATALOG.find((t) => t.id === s.table)?.carrier === "payroll" ? 0 : s.units);
  return m;
}

const cache = new WeakMap<RunContext, Map<number, Quota[]>>();

/** The anomalies each block of the transactions phase carries, by type. */
export function quotasOf(cx: RunContext, block: number): Quota[] {
  let m = cache.get(cx);
  if (!m) cache.set(cx, (m = allocateAll(cx)));
  return m.get(block) ?? [];
}

/** The clusters of a company's anomalies of one type that hold at least one anomaly, in order. */
export function allClusters(cx: RunContext, company: string, type: string): string[] {
  let m = cache.get(cx);
  if (!m) cache.set(cx, (m = allocateAll(cx)));
  const prefix = `CL-${company}-${type}-`;
  const set = new Set<string>();
  for (const list of m.values()) for (const q of list) if (q.type.id === type && q.cluster.startsWith(prefix)) set.add(q.cluster);
  return [...set].sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
}

/** The first period a cluster has anomalies in (a scheme's start: its documents share that period's ml split). */
export function clusterStart(cx: RunContext, cluster: string): number {
  let m = cache.get(cx);
  if (!m) cache.set(cx, (m = allocateAll(cx)));
  let first = Infinity;
  for (const list of m.values()) for (const q of list) if (q.cluster === cluster && q.period < first) first = q.period;
  return first;
}

function carrierOf(table: string | undefined): Carrier | undefined {
  return table === undefined ? "entries" : table === "procure_to_pay" ? "procure_to_pay" : undefined;
}

/**
 * The blocks of one company and carrier, in time order, with the units each can carry: a
 * procure-to-pay segment's first positions are stock replenishment (ordered by a main step, not
 * in the block), so only its service purchases count.
 */
function slotsOf(cx: RunContext, tx: PlanPhase, company: string, carrier: Carrier): BlockSlot[] {
  const out: BlockSlot[] = [];
  let position = 0;
  const want: Carrier = carrier === "dirty" ? "entries" : carrier;
  const c = cx.companies[cx.companyIndex.get(company)!]!;
  for (const s of tx.layout.segments) {
    if (s.company !== company || carrierOf(s.table) !== want) continue;
    const size = s.blockSize ?? tx.layout.blockSize;
    const reserved = want === "procure_to_pay" ? stockOrders(cx, c, s.units) : 0;
    for (let b = 0; b < s.blocks; b++) {
      const from = b * size;
      const to = Math.min(s.units, from + size);
      const units = Math.max(0, to - Math.max(from, reserved));
      out.push({ block: s.firstBlock + b, period: s.period!, units, position });
      position += units;
    }
  }
  return out;
}

function allocateAll(cx: RunContext): Map<number, Quota[]> {
  const p = paramsOf(anomaliesSpec, cx) as AnomaliesParams;
  const tx = cx.phase(transactionsSpec.id);
  const counts = plannedCounts(cx);
  const out = new Map<number, Quota[]>();
  for (const c of cx.companies) {
    for (const t of ANOMALY_CATALOG) {
      const count = counts.get(`${c.code}|${t.id}`) ?? 0;
      if (count === 0 || t.carrier === "payroll") continue;
      const slots = slotsOf(cx, tx, c.code, t.carrier).filter((s) => periodAllowed(t, s.period, cx.periods.length, cx.periods[s.period]!.isQuarterEnd));
      const { weights, cluster } = clusterWeights(cx, p, c.code, t, slots, count);
      const caps = slots.map((s) => Math.ceil(s.units * t.cap));
      const parts = cappedAllocate(count, weights, caps);
      const add = (block: number, q: Quota) => out.set(block, [...(out.get(block) ?? []), q]);
      slots.forEach((s, i) => {
        if (parts[i]! === 0) return;
        const q: Quota = { type: t, count: parts[i]!, cluster: `CL-${c.code}-${t.id}-${cluster[i]! + 1}`, period: s.period };
        if (!t.pairs) return add(s.block, q);
        const second = pairedBlock(cx, tx, c.index, s.period, t.pairs);
        if (second === undefined) return;
        add(s.block, { ...q, part: 1, origin: s.block });
        add(second.block, { ...q, period: second.period, part: 2, origin: s.block });
      });
    }
  }
  return out;
}

/** Where a paired type's second part goes: the first entries of the next period, or of the next company in the same period. */
function pairedBlock(cx: RunContext, tx: PlanPhase, company: number, period: number, pairs: "next_period" | "partner_company"): { block: number; period: number } | undefined {
  const target = pairs === "next_period" ? { company, period: period + 1 } : { company: (company + 1) % cx.companies.length, period };
  if (target.period >= cx.periods.length || (pairs === "partner_company" && target.company === company)) return undefined;
  const code = cx.companies[target.company]!.code;
  const seg = tx.layout.segments.find((s) => s.company === code && s.period === target.period && s.table === undefined && s.units > 0);
  return seg ? { block: seg.firstBlock, period: target.period } : undefined;
}

/** The company a round trip goes to: the next one of the group. */
export const partnerOf = (cx: RunContext, company: number) => cx.companies[(company + 1) % cx.companies.length]!;

/**
 * Weights per block: its volume, quarter ends heavier (year ends twice), and 1-4 time clusters
 * (bumps around random centres) that take `clustering` of the weight.
 */
function clusterWeights(cx: RunContext, p: AnomaliesParams, company: string, t: AnomalyType, slots: BlockSlot[], count: number): { weights: number[]; cluster: number[] } {
  const rng = streamFor(cx, hash32(company), hash32(t.id));
  const span = slots.reduce((s, x) => s + x.units, 0) || 1;
  // A scheme runs 3-4 anomalies over a few weeks, one scheme per unused vendor record the company
  // has (a ghost vendor is made from one); other types cluster more loosely.
  const n = t.scheme ? Math.min(12, Math.ceil(count / 4), Math.max(1, inactiveVendors(cx, company))) : Math.min(4, 1 + Math.floor(count / 10));
  const strength = t.scheme ? 1 : p.clustering;
  const centres = Array.from({ length: n }, () => rng.next() * span);
  const width = Math.max(span * (t.scheme ? 0.03 : 0.06), slots[0]?.units ?? 1);
  const cluster: number[] = [];
  const weights = slots.map((s) => {
    const period = cx.periods[s.period]!;
    const end = period.isYearEnd ? 2 * p.period_end : period.isQuarterEnd ? p.period_end : 1;
    const q = period.isQuarterEnd ? t.quarterEnd ?? 1 : 1;
    const mid = s.position + s.units / 2;
    let bump = 0;
    let best = 0;
    centres.forEach((c, j) => {
      const z = (mid - c) / width;
      bump += dexp(-z * z);
      if (Math.abs(mid - c) < Math.abs(mid - centres[best]!)) best = j;
    });
    cluster.push(best);
    return s.units * end * q * (1 - strength + strength * 4 * bump);
  });
  return { weights, cluster };
}

/**
 * Largest-remainder allocation of `total` by `weights`, no part above its cap (ties to the
 * earlier index). What the caps cannot hold is placed by weight anyway: better an overfull
 * block than a missing anomaly (the block reports what it could not place).
 */
export function cappedAllocate(total: number, weights: number[], caps: number[]): number[] {
  const parts = weights.map(() => 0);
  let rest = total;
  let open = weights.map((w, i) => (w > 0 && caps[i]! > 0 ? i : -1)).filter((i) => i >= 0);
  while (rest > 0 && open.length > 0) {
    const sum = open.reduce((s, i) => s + weights[i]!, 0);
    const exact = open.map((i) => (rest * weights[i]!) / sum);
    const floors = exact.map((x, k) => Math.min(Math.floor(x), caps[open[k]!]! - parts[open[k]!]!));
    let given = 0;
    open.forEach((i, k) => ((parts[i]! += floors[k]!), (given += floors[k]!)));
    const order = open.map((i, k) => ({ i, r: exact[k]! - Math.floor(exact[k]!) })).sort((a, b) => b.r - a.r || a.i - b.i);
    for (const { i } of order) {
      if (given >= rest) break;
      if (parts[i]! < caps[i]!) (parts[i]!++, given++);
    }
    rest -= given;
    open = open.filter((i) => parts[i]! < caps[i]!);
    if (given === 0) break;
  }
  if (rest > 0) {
    const any = weights.map((w) => (w > 0 ? w : 0));
    const sum = any.reduce((a, b) => a + b, 0);
    const extra = sum > 0 ? any.map((w) => Math.floor((rest * w) / sum)) : any.map(() => 0);
    let left = rest - extra.reduce((a, b) => a + b, 0);
    for (let i = 0; left > 0 && parts.length > 0; i = (i + 1) % parts.length) if (any[i]! > 0 || sum === 0) (extra[i]!++, left--);
    extra.forEach((x, i) => (parts[i]! += x));
  }
  return parts;
}

const inactive = new WeakMap<RunContext, Map<string, number>>();

/** How many vendor records of a company the master data creates inactive. */
function inactiveVendors(cx: RunContext, company: string): number {
  let m = inactive.get(cx);
  if (!m) inactive.set(cx, (m = new Map()));
  let n = m.get(company);
  if (n === undefined) {
    const ci = cx.companyIndex.get(company)!;
    n = 0;
    for (let i = 0; i < masterParams(cx).vendors; i++) if (!vendor(cx, ci, i).isActive) n++;
    m.set(company, n);
  }
  return n;
}

/** The time split of a period: train (first 70% of the periods), validation (next 15%), test. */
export function splitOf(cx: RunContext, period: number): "train" | "validation" | "test" {
  const n = cx.periods.length;
  const f = (period + 1) / n;
  return n < 3 ? (period === n - 1 && n > 1 ? "test" : "train") : f <= 0.7 ? "train" : f <= 0.85 ? "validation" : "test";
}
