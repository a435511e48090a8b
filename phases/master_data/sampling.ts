// Seeded draws shared by the master tables: weighted choices (alias tables built once per constant
// list), log-uniform magnitudes and rounding to significant digits.
import { AliasTable, type Rng } from "../../core/rng.ts";
import { dexp, dlog } from "../../core/detmath.ts";
import type { W } from "../../data/industry.ts";

/** Weighted items: element [1] is the weight. */
type Weighted = readonly (readonly [unknown, number, ...unknown[]])[];
const aliasCache = new WeakMap<object, AliasTable>();
/** The alias table of a constant weighted list, built once per list. */
export function alias(w: Weighted): AliasTable {
  let t = aliasCache.get(w);
  if (!t) aliasCache.set(w, (t = new AliasTable(w.map((x) => x[1]))));
  return t;
}
export const choose = <T>(rng: Rng, w: W<T>): T => w[alias(w).sample(rng)]![0];

/** Log-uniform in [lo, hi]. */
export function logUniform(rng: Rng, lo: number, hi: number): number {
  return lo === hi ? lo : dexp(dlog(lo) + rng.next() * (dlog(hi) - dlog(lo)));
}

/** Rounds a positive integer to `sig` significant digits. */
export function roundSig(x: number, sig: number): number {
  let unit = 1;
  while (x >= unit * 10 ** sig) unit *= 10;
  return Math.round(x / unit) * unit;
}
