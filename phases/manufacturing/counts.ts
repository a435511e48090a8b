// Cycle counts: at the end of a counting period the stock of the materials due is counted
// against the book quantity (every movement of the period posted). Materials are classed by
// their yearly consumption value: A (the first 80% of it) counted every session, B (the next
// 15%) every quarter, C once a year in rotation. Differences post as inventory adjustments at
// standard cost; most counts agree, shrinkage outweighs surplus.
import { formatIso } from "../../core/calendar.ts";
import { Rng, hash32 } from "../../core/rng.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { writeMovement } from "../../ledger/documents.ts";
import { flowEnv, newLines, periodOfDay, post } from "../../ledger/flows.ts";
import { STOCK } from "../../ledger/slices.ts";
import { stateTotals } from "../../ledger/totals.ts";
import type { MainStep } from "../api.ts";
import { inventoryAccount, material } from "../master_data/index.ts";
import { assortment } from "../master_data/assortment.ts";
import { paramsOf } from "../../specs/phase.ts";
import { rateTotal } from "../../specs/layout.ts";
import { production } from "./bom.ts";
import { manufacturingSpec } from "./spec.ts";
import { cycleCounts } from "./tables.ts";

interface Classified {
  material: number;
  abc: "A" | "B" | "C";
  /** Position among the C materials (they are counted in rotation). */
  rotation: number;
}

const classes = new WeakMap<RunContext, Classified[][]>();

/** Every stocked material of a company with its ABC class, by yearly consumption value. */
export function abcClasses(cx: RunContext, c: CompanyInfo): Classified[] {
  let list = classes.get(cx);
  if (!list) classes.set(cx, (list = []));
  return (list[c.index] ??= classify(cx, c));
}

function classify(cx: RunContext, c: CompanyInfo): Classified[] {
  const a = assortment(cx, c);
  const prod = production(cx, c);
  const value = new Map<number, number>();
  const cost = (m: number) => Math.max(1, material(cx, c.index, m).standardCost);
  a.goods.forEach((m, k) => value.set(m, a.yearlyUnits[k]! * cost(m)));
  for (const x of prod.components) value.set(x.material, (value.get(x.material) ?? 0) + x.yearly * cost(x.material));
  for (const m of prod.recipes.keys()) if (!value.has(m)) value.set(m, 0);
  const sorted = [...value].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const total = sorted.reduce((s, [, v]) => s + v, 0);
  let running = 0;
  let rotation = 0;
  return sorted.map(([m, v]) => {
    const before = running;
    running += v;
    const abc = total > 0 && before < 0.8 * total ? "A" : total > 0 && before < 0.95 * total ? "B" : "C";
    return { material: m, abc, rotation: abc === "C" ? rotation++ : 0 };
  });
}

export const countsStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = cx.periods[period!]!;
    const params = paramsOf(manufacturingSpec, cx);
    const perYear = Math.max(1, Math.round(rateTotal(params.cycle_counts, { startDate: formatIso(cx.periods[0]!.firstDay), months: 12, fiscalStartMonth: 1 })));
    // Sessions spread over the year's periods: a period holds one when the running count steps.
    const inYear = p.fiscalPeriod - 1;
    const session = Math.floor(((inYear + 1) * Math.min(12, perYear)) / 12);
    if (session === Math.floor((inYear * Math.min(12, perYear)) / 12)) return;
    const sessions = Math.min(12, perYear);
    const k = session - 1;
    const day = p.firstDay + p.days - 1;
    const stock = state.get(STOCK);
    for (const c of cx.companies) {
      const env = flowEnv(cx, new Rng(cx.seed, hash32("cycle_counts"), c.index, p.index), stateTotals(state), out);
      const quarterly = Math.max(1, Math.round(sessions / 4));
      let n = 0;
      for (const x of abcClasses(cx, c)) {
        const due = x.abc === "A" || (x.abc === "B" && k % quarterly === 0) || (x.abc === "C" && x.rotation % sessions === k);
        if (!due) continue;
        const book = Math.round(stock.quantityAfter(c.index, x.material, p.index));
        if (book <= 0) continue;
        count(env, c, `CC-${c.code}-${p.fiscalYear}${String(p.fiscalPeriod).padStart(2, "0")}-${String(++n).padStart(5, "0")}`, x, book, day);
      }
    }
  },
};

function count(env: ReturnType<typeof flowEnv>, c: CompanyInfo, id: string, x: Classified, book: number, day: number): void {
  const { cx, rng } = env;
  const m = material(cx, c.index, x.material);
  const differs = rng.chance(x.abc === "A" ? 0.04 : 0.08);
  const size = Math.max(1, Math.round(book * Math.abs(0.008 * rng.normal())));
  const difference = differs ? Math.max(-book, rng.chance(0.6) ? -size : size) : 0;
  const value = difference * m.standardCost;
  const w = env.out.table(cycleCounts);
  w.id(c.code); w.id(id); w.id(m.id); w.date(formatIso(day)); w.id(x.abc); w.int(book); w.int(book + difference); w.int(difference); w.money(value, c.digits);
  if (value !== 0) w.id(`JE-${id}`);
  else w.empty();
  w.id(c.currency); w.end();
  if (difference === 0) return;
  if (value !== 0) {
    const lines = newLines(env);
    const stockAccount = inventoryAccount(cx, m);
    const adjustment = cx.chart.one("inventory_adjustment");
    // Shrinkage debits the adjustment; a surplus credits it.
    if (value < 0) lines.add(adjustment, -value, 0, -1, ""), lines.add(stockAccount, 0, -value, -1, "");
    else lines.add(stockAccount, value, 0, -1, ""), lines.add(adjustment, 0, value, -1, "");
    post(env, c, day, { documentId: `JE-${id}`, docType: "WI", source: "automated", event: "inventory_count", postedBy: "SYS-MM", text: "Cycle count difference", sourceId: id, sourceType: "cycle_count" }, lines);
  }
  env.totals.movement(c.index, periodOfDay(cx, day), x.material, difference, value, day);
  writeMovement(env, c, id, m.id, day, "count_difference", difference, value, id);
}
