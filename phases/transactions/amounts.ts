// Amounts and line counts with the plan's distributions: log-normal amounts (optionally with
// Benford-exact first digits and a share of round numbers) and the empirical line-item mix.
import { AliasTable, type Rng } from "../../core/rng.ts";
import { dexp, dlog, dpow } from "../../core/detmath.ts";
import type { TransactionsParams } from "./params.ts";
import { moneyIn, type CompanyInfo, type RunContext } from "../../ledger/context.ts";

const LN10 = 2.302585092994046;

export interface AmountModel {
  /** ln of the median, in minor units. */
  mu: number;
  sigma: number;
  min: number;
  max: number;
  benford: boolean;
  roundShare: number;
  /** Minor units per major unit. */
  unit: number;
}

type Amounts = TransactionsParams["amounts"];

/** The amount model of one company: plan money converted into the company's minor units. */
export function amountModel(cx: RunContext, company: CompanyInfo, a: Amounts): AmountModel {
  const unit = 10 ** company.digits;
  const toCompany = (m: { minor: number; currency?: string }) => moneyIn(cx, company, m);
  return {
    mu: dlog(Math.max(1, toCompany(a.median))),
    sigma: a.sigma,
    min: Math.max(1, toCompany(a.min)),
    max: Math.max(1, toCompany(a.max)),
    benford: a.benford,
    roundShare: a.round_share,
    unit,
  };
}

/** One amount in minor units. */
export function sampleAmount(m: AmountModel, rng: Rng): number {
  let x = dexp(m.mu + m.sigma * rng.normal());
  if (m.benford) {
    // Keep the log-normal's order of magnitude, draw the mantissa log-uniformly: exact Benford.
    const decade = Math.floor(dlog(x) / LN10);
    x = dexp((decade + rng.next()) * LN10);
  }
  let v = Math.round(x);
  if (m.roundShare > 0 && rng.next() < m.roundShare) v = roundAmount(v, m.unit);
  return v < m.min ? m.min : v > m.max ? m.max : v;
}

/** Rounds to a "round" figure for its size: 100, 1,000, 10,000 ... major units. */
function roundAmount(v: number, unit: number): number {
  const major = v / unit;
  const step = major >= 100_000 ? 10_000 : major >= 10_000 ? 1_000 : 100;
  const r = Math.round(major / step) * step * unit;
  return r > 0 ? r : step * unit;
}

type LineItems = TransactionsParams["line_items"];

/** Line counts 2..max: fixed shares for 2, 3, 4 and a power-law tail split into even and odd. */
export class LineCountModel {
  private readonly table: AliasTable;
  readonly mean: number;

  constructor(li: LineItems) {
    const w = new Float64Array(li.max + 1);
    w[2] = li.two;
    w[3] = li.three;
    w[4] = li.four;
    const evenTail = Math.max(0, li.even - li.two - li.four);
    const oddTail = Math.max(0, 1 - li.even - li.three);
    spreadTail(w, 6, li.max, evenTail, li.tail);
    spreadTail(w, 5, li.max, oddTail, li.tail);
    this.table = new AliasTable(w);
    let mean = 0;
    let sum = 0;
    for (let k = 0; k < w.length; k++) {
      mean += k * w[k]!;
      sum += w[k]!;
    }
    this.mean = mean / sum;
  }

  sample(rng: Rng): number {
    return this.table.sample(rng);
  }
}

function spreadTail(w: Float64Array, from: number, max: number, mass: number, exponent: number): void {
  let norm = 0;
  for (let k = from; k <= max; k += 2) norm += dpow(k, -exponent);
  if (norm === 0) return;
  for (let k = from; k <= max; k += 2) w[k] = (mass * dpow(k, -exponent)) / norm;
}

/** Splits a total into `parts` positive integers that add up exactly (Dirichlet-like weights). */
export function split(total: number, parts: number, rng: Rng, out: number[]): void {
  out.length = parts;
  if (parts === 1) {
    out[0] = total;
    return;
  }
  let sum = 0;
  for (let i = 0; i < parts; i++) {
    const w = 0.2 + rng.next();
    out[i] = w;
    sum += w;
  }
  let used = 0;
  for (let i = 0; i < parts; i++) {
    const v = Math.max(1, Math.floor((total * out[i]!) / sum));
    out[i] = v;
    used += v;
  }
  // Remainder (or excess from the 1-minimum) lands on the largest part, keeping all positive.
  let largest = 0;
  for (let i = 1; i < parts; i++) if (out[i]! > out[largest]!) largest = i;
  out[largest] = out[largest]! + (total - used);
}
