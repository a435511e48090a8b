// What a company sells and buys: its sellable goods with their popularity (a few items sell
// most, as in any assortment), its service items, and the yearly quantity of each good its plan
// implies. Sales, stock policy and purchasing all read this one view, so they agree.
import { AliasTable } from "../../core/rng.ts";
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
  const weights = goods.map((_, k) => 1 / (k + 1) ** 0.9);
  const sum = weights.reduce((a, b) => a + b, 0);
  const popularity = Float64Array.from(weights, (w) => w / sum);
  const t = companyTargets(cx, c);
  const goodsRevenue = t.revenue(0) * (1 - t.serviceShare);
  const yearlyUnits = Float64Array.from(goods, (m, k) => (goodsRevenue * popularity[k]!) / Math.max(1, material(cx, c.index, m).listPrice));
  return { goods, popularity, goodsTable: new AliasTable(weights.length ? weights : [1]), services, yearlyUnits };
}
