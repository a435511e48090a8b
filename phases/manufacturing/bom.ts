// The production master data of a company, a function of the plan alone (every step and block
// sees the same): work centers with standard rates, and for every finished good it sells and
// every semi-finished material a bill of material and a routing. Standard costs roll up
// up: a made material's standard cost (the material master's) is its components at their
// standard costs plus the routing's conversion cost, so receiving what the bill and routing
// say clears work in progress (up to rounding) and variances are only what really differs. The
// standard carries the planned scrap: inputs per planned unit are the standard cost over
// 1 + the planned scrap rate, so scrap at the planned rate costs nothing beyond it.
import { Rng, hash32 } from "../../core/rng.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { fxOf } from "../../ledger/fx.ts";
import { CURRENCIES } from "../../specs/currencies.ts";
import type { StockItem } from "../../ledger/capabilities.ts";
import { costCenterRecord, counts, material } from "../master_data/index.ts";
import { assortment } from "../master_data/assortment.ts";
import { paramsOf } from "../../specs/phase.ts";
import { manufacturingSpec } from "./spec.ts";

export interface WorkCenter {
  id: string;
  name: string;
  costCenter: string;
  /** Labour and machine rate per hour, company minor units. */
  labourRate: number;
  machineRate: number;
  capacityHours: number;
}

export interface Component {
  material: number;
  /** Units per unit made. */
  quantity: number;
}

export interface Operation {
  number: number;
  workCenter: number;
  description: string;
  setupMinutes: number;
  /** Run minutes per unit (the conversion cost divided by the rates). */
  runMinutes: number;
  /** Standard conversion cost per unit, company minor units. */
  cost: number;
}

export interface Recipe {
  material: number;
  components: Component[];
  operations: Operation[];
  /** Standard cost per good unit (the material master's): inputs per planned unit plus the planned scrap allowance. */
  standardCost: number;
  /** Components and conversion per planned unit: their sum is the standard cost over 1 + the planned scrap rate. */
  materialCost: number;
  conversionCost: number;
  /** Working days an order of the typical size takes. */
  leadDays: number;
}

export interface Production {
  workCenters: WorkCenter[];
  /** Made materials (finished goods sold and semi-finished), by material index. */
  recipes: Map<number, Recipe>;
  /** Finished goods made in-house. */
  made: Set<number>;
  /** Bought materials production consumes, with their expected yearly units. */
  components: StockItem[];
  /** The same components' material indexes (what the incoming inspection looks at). */
  bought: Set<number>;
}

const WORK_CENTERS: [string, number, number][] = [
  // name, labour rate and machine rate per hour in EUR (converted to the company currency)
  ["Cutting and sawing", 42, 38],
  ["CNC machining", 48, 85],
  ["Welding", 46, 30],
  ["Sheet metal forming", 44, 55],
  ["Surface treatment and painting", 40, 45],
  ["Assembly line", 38, 12],
  ["Electrical assembly", 45, 10],
  ["Testing and packing", 39, 15],
];

const OPERATION = (wc: string) => wc.split(" and ")[0]!;

const cache = new WeakMap<RunContext, Production[]>();

export function production(cx: RunContext, c: CompanyInfo): Production {
  let list = cache.get(cx);
  if (!list) cache.set(cx, (list = []));
  return (list[c.index] ??= build(cx, c));
}

function build(cx: RunContext, c: CompanyInfo): Production {
  const rng = new Rng(cx.seed, hash32("production_master"), c.index);
  const scrapRate = paramsOf(manufacturingSpec, cx).scrap_rate;
  // The rates are in EUR: at the scenario's rate when it has one, else at the reference rate.
  const known = c.currency === "EUR" || cx.plan.scenario.groupCurrency === "EUR" || cx.plan.fx.rates.some((r) => r.currency === "EUR");
  const eur = known ? fxOf(cx).rate("EUR", c.currency, cx.periods[0]!.firstDay) : CURRENCIES.EUR!.usd / (CURRENCIES[c.currency]?.usd ?? 1);
  const toMinor = (major: number) => Math.max(1, Math.round(major * eur * 10 ** c.digits));
  const costCenter = productionCostCenter(cx, c);
  const workCenters = WORK_CENTERS.map(([name, labour, machine], k): WorkCenter => ({
    id: `WC-${c.code}-${String(k + 1).padStart(2, "0")}`, name, costCenter,
    labourRate: toMinor(labour * (0.9 + 0.2 * rng.next())), machineRate: toMinor(machine * (0.85 + 0.3 * rng.next())), capacityHours: 16,
  }));
  const all = Array.from({ length: counts(cx).materials }, (_, i) => i);
  const ofType = (t: string) => all.filter((i) => material(cx, c.index, i).type === t);
  const raws = ofType("raw").filter((i) => material(cx, c.index, i).group !== "packaging");
  const packaging = ofType("raw").filter((i) => material(cx, c.index, i).group === "packaging");
  const semis = ofType("semi_finished");
  const recipes = new Map<number, Recipe>();
  const made = new Set<number>();
  if (raws.length === 0) return { workCenters, recipes, made, components: [], bought: new Set() };
  const a = assortment(cx, c);
  const uses = new Map<number, number>();
  // Semi-finished first: finished goods use them as components.
  for (const s of semis) {
    const r = recipe(cx, c, new Rng(cx.seed, hash32("bom"), c.index, s), s, [], raws, [], workCenters, [0.55, 0.75], scrapRate);
    if (r) recipes.set(s, r);
  }
  const usable = semis.filter((s) => recipes.has(s));
  a.goods.forEach((g, k) => {
    if (material(cx, c.index, g).type !== "finished") return;
    const r = recipe(cx, c, new Rng(cx.seed, hash32("bom"), c.index, g), g, usable, raws, packaging, workCenters, [0.5, 0.7], scrapRate);
    if (!r) return;
    recipes.set(g, r);
    made.add(g);
    // Yearly use of every bought component, through semi-finished ones too.
    const explode = (rc: Recipe, units: number) => {
      for (const comp of rc.components) {
        const sub = recipes.get(comp.material);
        if (sub && material(cx, c.index, comp.material).type === "semi_finished") explode(sub, units * comp.quantity);
        else uses.set(comp.material, (uses.get(comp.material) ?? 0) + units * comp.quantity);
      }
    };
    explode(r, a.yearlyUnits[k]!);
  });
  const components = [...uses].sort((x, y) => x[0] - y[0]).map(([m, yearly]) => ({ material: m, yearly }));
  return { workCenters, recipes, made, components, bought: new Set(components.map((i) => i.material)) };
}

/** The cost center of production (the first of the Production department, else the first). */
function productionCostCenter(cx: RunContext, c: CompanyInfo): string {
  for (let j = 0; j < counts(cx).costCenters; j++) {
    const cc = costCenterRecord(cx.plan, c.index, j);
    if (cc.department === "Production") return cc.id;
  }
  return costCenterRecord(cx.plan, c.index, 0).id;
}

/**
 * A bill and routing for a made material: components worth a share of its standard cost in
 * [share], the rest conversion over 2-4 operations. Undefined when even one unit of the
 * cheapest component costs more than 85% of the material (it is bought, not made).
 */
function recipe(cx: RunContext, c: CompanyInfo, rng: Rng, m: number, semis: number[], raws: number[], packaging: number[], wcs: WorkCenter[], share: [number, number], scrapRate: number): Recipe | undefined {
  const std = material(cx, c.index, m).standardCost;
  const cost = (i: number) => Math.max(1, material(cx, c.index, i).standardCost);
  const picks: number[] = [];
  if (semis.length && rng.chance(0.6)) picks.push(semis[rng.int(semis.length)]!);
  const wanted = picks.length + Math.min(raws.length, 2 + rng.int(3));
  while (picks.length < wanted) {
    const r = raws[rng.int(raws.length)]!;
    if (!picks.includes(r)) picks.push(r);
  }
  if (packaging.length) picks.push(packaging[rng.int(packaging.length)]!);
  // Inputs per planned unit: a good unit's standard cost carries the planned scrap allowance.
  const input = Math.round(std / (1 + scrapRate));
  const target = input * (share[0] + (share[1] - share[0]) * rng.next());
  const weights = picks.map(() => 0.2 + rng.next());
  const sum = weights.reduce((s, w) => s + w, 0);
  let components = picks.map((p, k) => ({ material: p, quantity: Math.max(1, Math.round(((weights[k]! / sum) * target) / cost(p))) }));
  const total = () => components.reduce((s, x) => s + x.quantity * cost(x.material), 0);
  // Too dear: fewer units of the dearest component, then drop the dearest components.
  while (total() > 0.85 * input) {
    const dearest = [...components].sort((x, y) => y.quantity * cost(y.material) - x.quantity * cost(x.material))[0]!;
    if (dearest.quantity > 1) dearest.quantity = Math.max(1, Math.floor(dearest.quantity / 2));
    else if (components.length > 1) components = components.filter((x) => x !== dearest);
    else return undefined;
  }
  const materialCost = total();
  const conversionCost = input - materialCost;
  const operations = routing(rng, conversionCost, wcs, material(cx, c.index, m).type === "semi_finished");
  const minutes = operations.reduce((s, o) => s + o.setupMinutes + o.runMinutes * 20, 0);
  return { material: m, components, operations, standardCost: std, materialCost, conversionCost, leadDays: Math.min(10, Math.max(1, Math.ceil(minutes / (16 * 60)) + rng.int(3))) };
}

/** 2-4 operations in shop order (a finished good ends in testing and packing); the conversion cost split among them. */
function routing(rng: Rng, conversion: number, wcs: WorkCenter[], semi: boolean): Operation[] {
  const last = wcs.length - 1;
  const pool = Array.from({ length: last }, (_, k) => k);
  const count = 1 + rng.int(3);
  const chosen: number[] = [];
  while (chosen.length < count) {
    const k = pool[rng.int(pool.length)]!;
    if (!chosen.includes(k)) chosen.push(k);
  }
  chosen.sort((x, y) => x - y);
  if (!semi) chosen.push(last);
  const weights = chosen.map(() => 0.3 + rng.next());
  const sum = weights.reduce((s, w) => s + w, 0);
  let left = conversion;
  return chosen.map((k, i) => {
    const wc = wcs[k]!;
    const cost = i === chosen.length - 1 ? left : Math.round((conversion * weights[i]!) / sum);
    left -= cost;
    const perMinute = (wc.labourRate + wc.machineRate) / 60;
    return { number: (i + 1) * 10, workCenter: k, description: OPERATION(wc.name), setupMinutes: 10 + rng.int(36), runMinutes: cost / perMinute, cost };
  });
}

/**
 * The conversion production plans to absorb in plan year 0: the made finished goods' yearly
 * units (the assortment's sales plan) x their routings' conversion per unit, through
 * semi-finished components, with the planned scrap.
 */
export function plannedConversion(cx: RunContext, c: CompanyInfo): number {
  const prod = production(cx, c);
  const a = assortment(cx, c);
  const scrap = paramsOf(manufacturingSpec, cx).scrap_rate;
  const perUnit = (m: number, depth: number): number => {
    const r = prod.recipes.get(m);
    if (!r || depth > 4) return 0;
    let x = r.conversionCost;
    for (const comp of r.components) if (material(cx, c.index, comp.material).type === "semi_finished") x += comp.quantity * perUnit(comp.material, depth + 1);
    return x * (1 + scrap);
  };
  let total = 0;
  a.goods.forEach((g, k) => {
    if (prod.made.has(g)) total += a.yearlyUnits[k]! * perUnit(g, 0);
  });
  return total;
}
