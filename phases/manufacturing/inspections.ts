// Quality inspections of production orders by attribute sampling: ISO 2859-1 (ANSI/ASQ Z1.4)
// general inspection level II, normal single sampling at AQL 2.5. The lot size gives the
// sample size code letter and the plan (sample size, acceptance number); the defectives found
// in the sample decide: accept, else rework or scrap the lot's estimated defectives. An
// in-process inspection follows the first operation, a final one precedes the receipt. Bought
// components are inspected at the dock; a rejected lot's defectives go back to the vendor.
import { formatIso } from "../../core/calendar.ts";
import { Rng, hash32 } from "../../core/rng.ts";
import type { ReceiptLot } from "../../ledger/capabilities.ts";
import type { CompanyInfo } from "../../ledger/context.ts";
import type { FlowEnv } from "../../ledger/flows.ts";
import { paramsOf } from "../../specs/phase.ts";
import { material, vendor } from "../master_data/index.ts";
import { production } from "./bom.ts";
import { manufacturingSpec } from "./spec.ts";
import { inspectionResults, qualityInspections } from "./tables.ts";

/** Table 1, general level II: the largest lot size of each code letter. */
const CODE_LETTERS: [number, string][] = [
  [8, "A"], [15, "B"], [25, "C"], [50, "D"], [90, "E"], [150, "F"], [280, "G"], [500, "H"], [1200, "J"],
  [3200, "K"], [10_000, "L"], [35_000, "M"], [150_000, "N"], [500_000, "P"], [Number.POSITIVE_INFINITY, "Q"],
];

/** Table 2-A at AQL 2.5: sample size and acceptance number per code letter (arrows resolved). */
const PLANS: Record<string, [number, number]> = {
  A: [5, 0], B: [5, 0], C: [5, 0], D: [5, 0], E: [13, 1], F: [20, 1], G: [32, 2], H: [50, 3],
  J: [80, 5], K: [125, 7], L: [200, 10], M: [315, 14], N: [500, 21], P: [500, 21], Q: [500, 21],
};

export function samplingPlan(lot: number): { letter: string; sample: number; accept: number } {
  const letter = CODE_LETTERS.find(([max]) => lot <= max)![1];
  const [sample, accept] = PLANS[letter]!;
  // A sample as large as the lot inspects every unit.
  return { letter, sample: Math.min(sample, lot), accept };
}

const CHARACTERISTICS: [string, string, number, number, number][] = [
  // name, unit, nominal range low/high, tolerance as a share of nominal
  ["Length", "mm", 80, 900, 0.004],
  ["Bore diameter", "mm", 8, 120, 0.002],
  ["Weight", "kg", 0.5, 250, 0.02],
  ["Flatness", "mm", 0.05, 0.5, 0.5],
  ["Tightening torque", "Nm", 5, 120, 0.08],
  ["Insulation resistance", "MOhm", 50, 500, 0.3],
  ["Leak rate", "1e-3 mbar*l/s", 1, 10, 0.5],
];

export interface Inspection {
  reworked: number;
  scrapped: number;
}

/** Inspects an order's lot in process and at the end; what must be reworked or scrapped. */
export function inspect(env: FlowEnv, c: CompanyInfo, order: string, m: number, lot: number, start: number, finish: number): Inspection {
  const { rng } = env;
  // The order's process quality: most lots run at a fraction of a percent, a few drift.
  const rate = rng.chance(0.85) ? 0.002 + 0.01 * rng.next() : 0.02 + 0.06 * rng.next();
  const out: Inspection = { reworked: 0, scrapped: 0 };
  const days = [["in_process", start + Math.floor((finish - start) / 2)], ["final", finish]] as const;
  for (const [k, [type, day]] of days.entries()) {
    if (day >= env.endDay) break;
    const plan = samplingPlan(lot);
    let defects = 0;
    for (let u = 0; u < plan.sample; u++) if (rng.next() < rate) defects++;
    const estimated = defects > plan.accept ? Math.max(1, Math.round((lot * defects) / plan.sample)) : 0;
    // Dimensional faults are reworked; a lot far out is scrapped (what the caller can spare).
    const decision = estimated === 0 ? "accept" : defects > 2 * plan.accept + 1 && rng.chance(0.5) ? "scrap" : "rework";
    if (decision === "rework") out.reworked += estimated;
    if (decision === "scrap") out.scrapped += estimated;
    const id = `${order}-Q${k + 1}`;
    const w = env.out.table(qualityInspections);
    w.id(c.code); w.id(id); w.id(order); w.empty(); w.empty(); w.id(material(env.cx, c.index, m).id); w.id(type); w.date(formatIso(day)); w.int(lot);
    w.id(plan.letter); w.int(plan.sample); w.int(plan.accept); w.int(defects); w.id(decision);
    w.int(decision === "rework" ? estimated : 0); w.int(decision === "scrap" ? estimated : 0); w.int(0); w.end();
    results(env, c, id, plan.sample, defects, rng);
  }
  return out;
}

/**
 * The incoming inspection of a bought component's receipt (a share of them, by the phase's
 * receipt inspection rate): a rejected lot is sorted and its estimated defectives go back to the
 * vendor. Each vendor has its own quality level, so scorecards tell good suppliers from bad.
 * Purchasing offers only lots no shortage waits for (an urgent lot is released to production
 * at once), so a return never takes stock that production has already issued.
 */
export function inspectReceipt(env: FlowEnv, c: CompanyInfo, lot: ReceiptLot): { id: string; returned: number } | undefined {
  const { cx, rng } = env;
  if (lot.qty < 2 || !production(cx, c).bought.has(lot.materialIndex)) return undefined;
  if (!rng.chance(paramsOf(manufacturingSpec, cx).receipt_inspection_rate)) return undefined;
  const u = new Rng(cx.seed, hash32("vendor_quality"), c.index, lot.vendorIndex).next();
  const rate = 0.002 + 0.05 * u * u * u;
  const plan = samplingPlan(lot.qty);
  let defects = 0;
  for (let k = 0; k < plan.sample; k++) if (rng.next() < rate) defects++;
  const returned = defects > plan.accept ? Math.min(lot.qty - 1, Math.max(1, Math.round((lot.qty * defects) / plan.sample))) : 0;
  const id = `QI-${lot.id.slice(3)}`;
  const w = env.out.table(qualityInspections);
  w.id(c.code); w.id(id); w.empty(); w.id(lot.id); w.id(vendor(cx, c.index, lot.vendorIndex).id); w.id(material(cx, c.index, lot.materialIndex).id);
  w.id("goods_receipt"); w.date(formatIso(lot.day)); w.int(lot.qty);
  w.id(plan.letter); w.int(plan.sample); w.int(plan.accept); w.int(defects); w.id(returned > 0 ? "return_to_vendor" : "accept");
  w.int(0); w.int(0); w.int(returned); w.end();
  results(env, c, id, plan.sample, defects, rng);
  return { id, returned };
}

/** 2-3 measured characteristics; the first carries the defectives outside its limits. */
function results(env: FlowEnv, c: CompanyInfo, id: string, sample: number, defects: number, rng: Rng): void {
  const count = 2 + rng.int(2);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(rng.int(CHARACTERISTICS.length));
  [...picked].forEach((k, i) => {
    const [name, unit, lo, hi, tolerance] = CHARACTERISTICS[k]!;
    const nominal = lo + (hi - lo) * rng.next();
    const half = nominal * tolerance;
    const sigma = half / 4;
    // Values within the limits; the defectives of the first characteristic just outside them.
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let sum = 0;
    const outside = i === 0 ? defects : 0;
    for (let u = 0; u < sample; u++) {
      const inside = Math.max(-0.95 * half, Math.min(0.95 * half, sigma * rng.normal()));
      const v = nominal + (u < outside ? (rng.chance(0.5) ? 1 : -1) * half * (1.05 + 0.3 * rng.next()) : inside);
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    const w = env.out.table(inspectionResults);
    w.id(c.code); w.id(id); w.text(name); w.id(unit);
    for (const v of [nominal, nominal - half, nominal + half, sum / sample, min, max]) w.decimal(v.toFixed(4));
    w.int(outside); w.end();
  });
}
