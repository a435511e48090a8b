// Materials and fixed assets: a family or asset class drawn by industry weight sets the
// description, cost range, margin, useful life and owning cost center.
import type { Rng } from "../../core/rng.ts";
import { formatIso } from "../../core/calendar.ts";
import type { Plan } from "../../specs/plan.ts";
import { INDUSTRIES, type Industry } from "../../specs/industries.ts";
import { ASSET_CLASS_ORDER, ASSET_CLASSES, MARGIN, MATERIAL_FAMILIES, VALUATION_CLASS } from "../../data/industry.ts";
import { context, monthsBefore, rngFor, type Ctx } from "./context.ts";
import { assetId, costCenterId, materialId } from "./ids.ts";
import type { FixedAsset, Material } from "./records.ts";
import { choose, logUniform, roundSig } from "./sampling.ts";

const perIndustry = <T>(f: (ind: Industry) => T) => Object.fromEntries(INDUSTRIES.map((ind) => [ind, f(ind)])) as Record<Industry, T>;
const MATERIAL_WEIGHTS = perIndustry((ind) => MATERIAL_FAMILIES[ind].map((f) => [f, f.weight] as const));
const ASSET_WEIGHTS = perIndustry((ind) => ASSET_CLASS_ORDER.map((c) => [c, ASSET_CLASSES[c].weight[ind]] as const));

// ---------- materials ----------

export function materialRecord(plan: Plan, ci: number, i: number): Material {
  const cx = context(plan, ci);
  const rng = rngFor(cx, "materials", i);
  const fam = choose(rng, MATERIAL_WEIGHTS[cx.industry]);
  const description = fam.nouns[rng.int(fam.nouns.length)] + " " + fam.specs[rng.int(fam.specs.length)];
  const cost = Math.max(1, Math.round(logUniform(rng, fam.cost[0], fam.cost[1]) * cx.usdToMinor));
  let price = roundSig(Math.round(cost / (1 - marginOf(cx, rng, fam.type))), 3);
  // Shelf prices end in .99: the nearest one, so the plan's margin holds on average.
  if (cx.industry === "retail" && cx.digits === 2 && price > 100) price = Math.max(99, Math.round(price / 100) * 100 - 1);
  const grams = fam.kg ? Math.max(1, Math.round(logUniform(rng, fam.kg[0], fam.kg[1]) * 1000)) : null;
  return {
    companyCode: cx.code, id: materialId(cx.code, i), description, type: fam.type, group: fam.group, uom: fam.uom,
    standardCost: cost, listPrice: Math.max(price, cost + 1), currency: cx.currency, valuationClass: VALUATION_CLASS[fam.type],
    weightGrams: grams,
  };
}

/** Margin of price over cost: the plan's goods margin (list prices allow for order discounts), else the family's range. */
function marginOf(cx: Ctx, rng: Rng, type: Material["type"]): number {
  if (!cx.business) {
    const [lo, hi] = MARGIN[type];
    return 1 - 1 / (1 + lo + rng.next() * (hi - lo));
  }
  const m = cx.business.goods_margin + (rng.next() - 0.5) * 0.04;
  // Sales orders are priced up to 5% below list (2.5% on average): list prices carry it.
  return 1 - (1 - Math.min(0.95, Math.max(0.01, m))) * (1 - ORDER_DISCOUNT);
}

/** The average discount sales orders take from the list price. */
export const ORDER_DISCOUNT = 0.025;

// ---------- fixed assets ----------

/** The draws of an asset before its cost is scaled to the plan (the scale needs every asset's). */
function baseAsset(cx: Ctx, i: number) {
  const rng = rngFor(cx, "fixed_assets", i);
  const cls = choose(rng, ASSET_WEIGHTS[cx.industry]);
  const spec = ASSET_CLASSES[cls];
  const descs = spec.descriptions[cx.industry] ?? spec.descriptions.any!;
  let description = descs[rng.int(descs.length)]!;
  if (cls === "land" || cls === "buildings") description += " " + cx.profile.cities[rng.int(cx.profile.cities.length)]![0];
  const life = rng.range(spec.life[0], spec.life[1]) * 12;
  const age = life === 0 ? rng.range(12, 360) : rng.range(1, Math.min(360, life + 24));
  const base = logUniform(rng, spec.cost[0], spec.cost[1]) * cx.usdToMinor;
  return { rng, cls, spec, description, life, age, base };
}

export function fixedAssetRecord(plan: Plan, ci: number, i: number): FixedAsset {
  const cx = context(plan, ci);
  const { rng, cls, spec, description, life, age, base } = baseAsset(cx, i);
  const cost = Math.max(1, Math.round((base * assetScale(cx)) / 10 ** cx.digits)) * 10 ** cx.digits;
  const salvagePct = spec.salvage[0] + rng.next() * (spec.salvage[1] - spec.salvage[0]);
  const salvage = Math.round((cost * salvagePct) / 10 ** cx.digits) * 10 ** cx.digits;
  const cc = assetCostCenter(cx, rng, spec.departments);
  return {
    companyCode: cx.code, id: assetId(cx.code, i), description, assetClass: cls, acquisitionDate: formatIso(monthsBefore(cx, rng, age)),
    acquisitionCost: cost, usefulLifeMonths: life, salvageValue: Math.min(salvage, cost - 1),
    depreciationMethod: life === 0 ? "none" : "straight_line", costCenterIndex: cc, costCenterId: costCenterId(cx.code, cc),
    currency: cx.currency,
  };
}

/**
 * How much the register's costs are scaled so its gross value is the plan's PPE (revenue times
 * ppe_intensity): a register sized for the business, whatever the number of assets.
 */
function assetScale(cx: Ctx): number {
  if (cx.assetScale !== undefined) return cx.assetScale;
  if (!cx.business) return (cx.assetScale = 1);
  let base = 0;
  for (let i = 0; i < cx.counts.fixed_assets; i++) base += baseAsset(cx, i).base;
  return (cx.assetScale = base > 0 ? (cx.business.revenue * cx.business.ppe_intensity) / base : 1);
}

function assetCostCenter(cx: Ctx, rng: Rng, departments: readonly string[]): number {
  for (const d of departments) {
    const ccs = cx.org.ccByDept.get(d);
    if (ccs?.length) return ccs[rng.int(ccs.length)]!;
  }
  return rng.int(cx.counts.cost_centers);
}
