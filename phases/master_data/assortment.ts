// What a company sells and buys: its sellable goods with their popularity (a few items sell
// most, as in any assortment), its service items, and the yearly quantity of each good its plan
// implies. Sales, stock policy and purchasing all read this one view, so they agree.
import { dpow } from "../../core/detmath.ts";
import { AliasTable, type Rng } from "../../core/rng.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { companyTargets } from "../../ledger/business.ts";
import { counts, material } from "./lookup.ts";

export interface Assortment {
  /** Material indices of the goods the company sells (finished and trading goods; any good when it has none). */
  goods: number[];
  /** Share of goods revenue per entry of `goods` (sums to 1). */
  popularity: Float64Array;
  /** Draws an index into `goods` by popularity. */
  goodsTable: AliasTable;
  /** Material indices of service items. */
  services: number[];
  /** Expected units sold per plan year 0 per entry of `goods`. */
  yearlyUnits: Float64Array;
  /** Indices into `goods`, cheapest list price first, and those prices. */
  byPrice: Int32Array;
  prices: Float64Array;
  /** Position of each entry of `goods` in `byPrice`. */
  rank: Int32Array;
}

/**
 * A good for a sale worth `value`: drawn by popularity among those priced at most `value` (a
 * sale buys at least one unit), else the cheapest. Returns an index into `goods`.
 */
export function affordableGood(a: Assortment, value: number, rng: Rng): number {
  // How many goods are affordable: the prefix of byPrice with price <= value.
  let lo = 0;
  let hi = a.byPrice.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a.prices[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return a.byPrice[0]!;
  for (let tries = 0; tries < 8; tries++) {
    const k = a.goodsTable.sample(rng);
    if (a.prices[a.rank[k]!]! <= value) return k;
  }
  return a.byPrice[rng.int(lo)]!;
}

const cache = new WeakMap<RunContext, Assortment[]>();

export function assortment(cx: RunContext, c: CompanyInfo): Assortment {
  let list = cache.get(cx);
  if (!list) cache.set(cx, (list = []));
  return (list[c.index] ??= build(cx, c));
}

function build(cx: RunContext, c: CompanyInfo): Assortment {
  const all = Array.from({ length: counts(cx).materials }, (_, i) => i);
  const type = (i: number) => material(cx, c.index, i).type;
  const sellable = all.filter((i) => type(i) === "finished" || type(i) === "trading_goods");
  const goods = sellable.length ? sellable : all.filter((i) => type(i) !== "service");
  const services = all.filter((i) => type(i) === "service");
  // Zipf-like: the k-th item sells in proportion to 1 / (k + 1)^0.9.
  const weights = goods.map((_, k) => 1 / dpow(k + 1, 0.9));
  const sum = weights.reduce((a, b) => a + b, 0);
  const popularity = Float64Array.from(weights, (w) => w / sum);
  const t = companyTargets(cx, c);
  const goodsRevenue = t.revenue(0) * (1 - t.serviceShare);
  const listPrice = (k: number) => Math.max(1, material(cx, c.index, goods[k]!).listPrice);
  const yearlyUnits = Float64Array.from(goods, (_, k) => (goodsRevenue * popularity[k]!) / listPrice(k));
  const byPrice = Int32Array.from(goods.map((_, k) => k)).sort((x, y) => listPrice(x) - listPrice(y) || x - y);
  const rank = new Int32Array(goods.length);
  byPrice.forEach((k, r) => (rank[k] = r));
  return { goods, popularity, goodsTable: new AliasTable(weights.length ? weights : [1]), services, yearlyUnits, byPrice, prices: Float64Array.from(byPrice, (k) => listPrice(k)), rank };
}
