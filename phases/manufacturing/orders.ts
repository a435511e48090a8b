// A production order at standard cost: components issued to work in progress on the start day
// (semi-finished ones from stock, or made just before by an order of their own), time confirmed
// per operation and absorbed into WIP at the work centers' rates, good units received into
// stock at standard cost on the finish day, and the order settled: what is left in WIP is its
// variances (usage, efficiency, scrap, lot size and rounding), posted so WIP clears exactly.
// An order whose finish falls after the scenario's end stays open in WIP.
import { formatIso } from "../../core/calendar.ts";
import type { Rng } from "../../core/rng.ts";
import type { CompanyInfo } from "../../ledger/context.ts";
import { writeMovement } from "../../ledger/documents.ts";
import { newLines, periodOfDay, post, type FlowEnv } from "../../ledger/flows.ts";
import { STOCK } from "../../ledger/slices.ts";
import type { RunState } from "../../ledger/state.ts";
import { inventoryAccount, material } from "../master_data/index.ts";
import { workDayOnOrAfter, workDayOnOrBefore } from "../transactions/dates.ts";
import type { Production, Recipe } from "./bom.ts";
import { inspect } from "./inspections.ts";
import { productionConfirmations, productionOrders } from "./tables.ts";

/** Subledger kinds: work in progress (value held per period) and conversion absorbed in a period. */
export const KINDS = { wip: "mfg_wip", absorbed: "mfg_absorbed" } as const;

export interface OrderEnv {
  env: FlowEnv;
  c: CompanyInfo;
  state: RunState;
  prod: Production;
  period: number;
  scrapRate: number;
  inspectionRate: number;
  /** Cost center index of production (journal lines carry it). */
  costCenter: number;
  /** Next order number for orders beyond the planned volume (semi-finished, extra). */
  nextExtra: () => number;
}

export interface OrderResult {
  id: string;
  good: number;
}

/**
 * Makes `need` good units of material `m`, started on `start` and finished on `finish`
 * (received into stock then, unless after the scenario's end). `seq` numbers the order.
 */
export function makeOrder(o: OrderEnv, m: number, need: number, start: number, finish: number, seq: number, parent?: string): OrderResult {
  const { env, c } = o;
  const { cx, rng } = env;
  const r = o.prod.recipes.get(m)!;
  const id = `PRD-${c.code}-${String(seq).padStart(9, "0")}`;
  const planned = need + Math.ceil(need * o.scrapRate);
  const wip = cx.chart.one("wip");
  // 1. Components: semi-finished ones from stock or made for the order, then everything issued.
  const issues = r.components.map((comp) => ({ m: comp.material, std: comp.quantity * planned, qty: usage(rng, comp.quantity * planned) }));
  for (const i of issues) {
    const sub = o.prod.recipes.get(i.m);
    if (!sub || material(cx, c.index, i.m).type !== "semi_finished") continue;
    const short = i.qty - Math.max(0, availableFrom(o.state, c, i.m, o.period, cx.periods[o.period]!.firstDay, start));
    if (short <= 0) continue;
    const subStart = Math.max(workDayOnOrAfter(cx, c, cx.periods[o.period]!.firstDay), workDayOnOrBefore(cx, c, start - sub.leadDays));
    makeOrder(o, i.m, short, subStart, start, o.nextExtra(), id);
  }
  const lines = newLines(env);
  let materialCost = 0;
  let usageVariance = 0;
  const cost = (x: number) => material(cx, c.index, x).standardCost;
  for (const i of issues) {
    if (i.qty === 0) continue;
    const value = i.qty * cost(i.m);
    materialCost += value;
    usageVariance += (i.qty - i.std) * cost(i.m);
    lines.add(inventoryAccount(cx, material(cx, c.index, i.m)), 0, value, -1, "");
  }
  if (materialCost > 0) {
    lines.add(wip, materialCost, 0, o.costCenter, "");
    post(env, c, start, { documentId: `JE-${id}-GI`, docType: "PP", source: "automated", event: "production_issue", postedBy: "SYS-PP", text: "Components issued to production", sourceId: id, sourceType: "production_order" }, lines);
    for (const [k, i] of issues.entries()) {
      if (i.qty === 0) continue;
      const value = i.qty * cost(i.m);
      env.totals.movement(c.index, periodOfDay(cx, start), i.m, -i.qty, -value, start);
      writeMovement(env, c, `${id}-GI-${k + 1}`, material(cx, c.index, i.m).id, start, "production_issue", -i.qty, -value, id);
    }
    env.totals.subledger(c.index, periodOfDay(cx, start), KINDS.wip, materialCost);
  }
  // 2. Quality: inspections may rework (more time) or scrap units; scrap never eats into the need.
  const inspection = rng.chance(o.inspectionRate) && material(cx, c.index, m).type === "finished" ? inspect(env, c, id, m, planned, start, finish) : undefined;
  let scrap = Math.round(planned * o.scrapRate * (0.3 + 1.4 * rng.next())) + (inspection?.scrapped ?? 0);
  scrap = Math.min(scrap, planned - need);
  const good = planned - scrap;
  // 3. Time confirmed per operation, dated through the order's run.
  const efficiency = Math.min(1.25, Math.max(0.85, 1 + 0.05 * rng.normal()));
  let conversion = 0;
  let efficiencyVariance = 0;
  r.operations.forEach((op, k) => {
    const day = k === r.operations.length - 1 ? finish : workDayOnOrAfter(cx, c, start + Math.round(((k + 1) / r.operations.length) * (finish - start)));
    if (day >= env.endDay) return;
    const wc = o.prod.workCenters[op.workCenter]!;
    const perMinute = (wc.labourRate + wc.machineRate) / 60;
    const rework = k === r.operations.length - 1 ? (inspection?.reworked ?? 0) * op.runMinutes : 0;
    const runMinutes = op.runMinutes * planned * efficiency + rework;
    const runCost = Math.round(runMinutes * perMinute);
    const setupCost = Math.round(op.setupMinutes * perMinute);
    const value = runCost + setupCost;
    conversion += value;
    efficiencyVariance += runCost - op.cost * planned;
    confirm(o, id, op.number, wc.id, day, k === r.operations.length - 1 ? good : planned, k === r.operations.length - 1 ? scrap : 0, op.setupMinutes, runMinutes, op.runMinutes * planned, value);
    if (value === 0) return;
    const cl = newLines(env);
    cl.add(wip, value, 0, o.costCenter, "");
    cl.add(cx.chart.one("production_absorbed"), 0, value, o.costCenter, "");
    post(env, c, day, { documentId: `JE-${id}-C${op.number}`, docType: "PP", source: "automated", event: "production_confirmation", postedBy: "SYS-PP", text: `${op.description}: time confirmed`, sourceId: id, sourceType: "production_order" }, cl);
    env.totals.subledger(c.index, periodOfDay(cx, day), KINDS.wip, value);
    env.totals.subledger(c.index, periodOfDay(cx, day), KINDS.absorbed, value);
  });
  // 4. Received and settled, unless the order is still running when the scenario ends.
  const closed = finish < env.endDay;
  const received = closed ? good * r.standardCost : 0;
  const variances = { usage: 0, efficiency: 0, scrap: 0, other: 0 };
  if (closed) {
    receive(o, id, m, r, good, received, finish);
    variances.usage = usageVariance;
    variances.efficiency = efficiencyVariance;
    // Scrap beyond the planned allowance (negative: less scrap than planned).
    variances.scrap = planned * (r.materialCost + r.conversionCost) - good * r.standardCost;
    variances.other = materialCost + conversion - received - usageVariance - efficiencyVariance - variances.scrap;
    settle(o, id, finish, variances);
  }
  const w = env.out.table(productionOrders);
  w.id(c.code); w.id(id); w.id(material(cx, c.index, m).id);
  if (parent) w.id(parent);
  else w.empty();
  w.int(planned); w.int(closed ? good : 0); w.int(closed ? scrap : 0); w.date(formatIso(start)); w.date(formatIso(finish));
  w.id(closed ? "closed" : "in_process");
  w.money(r.standardCost, c.digits); w.money(materialCost, c.digits); w.money(conversion, c.digits); w.money(received, c.digits);
  w.money(variances.usage, c.digits); w.money(variances.efficiency, c.digits); w.money(variances.scrap, c.digits); w.money(variances.other, c.digits);
  w.id(c.currency); w.end();
  return { id, good: closed ? good : 0 };
}

/** Most issues follow the bill; some use a few percent more (waste) or less. */
function usage(rng: Rng, std: number): number {
  if (std === 0 || !rng.chance(0.2)) return std;
  const deviation = rng.chance(0.6) ? 0.01 + 0.03 * rng.next() : -(0.005 + 0.02 * rng.next());
  return Math.max(0, Math.round(std * (1 + deviation)));
}

/** Stock of a material that stays free from a day on: the lowest running balance from that day. */
function availableFrom(state: RunState, c: CompanyInfo, m: number, period: number, first: number, day: number): number {
  const stock = state.get(STOCK);
  let q = stock.quantityAfter(c.index, m, period - 1);
  const w = stock.window.get(`${c.index}:${m}`);
  if (!w) return q;
  let lowest: number | undefined;
  // Days before the period are in the periods' totals already.
  for (const d of [...w.keys()].filter((x) => x >= first).sort((x, y) => x - y)) {
    // The balance the day itself starts with counts too.
    if (lowest === undefined && d >= day) lowest = q;
    q += w.get(d)!;
    if (d >= day) lowest = Math.min(lowest!, q);
  }
  return lowest ?? q;
}

function confirm(o: OrderEnv, id: string, op: number, wc: string, day: number, yieldQty: number, scrap: number, setup: number, run: number, standard: number, value: number): void {
  const { c } = o;
  const w = o.env.out.table(productionConfirmations);
  w.id(c.code); w.id(`${id}-C${op}`); w.id(id); w.int(op); w.id(wc); w.date(formatIso(day)); w.int(yieldQty); w.int(scrap);
  w.decimal(setup.toFixed(2)); w.decimal(run.toFixed(2)); w.decimal(standard.toFixed(2)); w.money(value, c.digits); w.end();
}

function receive(o: OrderEnv, id: string, m: number, r: Recipe, good: number, value: number, day: number): void {
  const { env, c } = o;
  const { cx } = env;
  if (good === 0) return;
  const mat = material(cx, c.index, m);
  const lines = newLines(env);
  lines.add(inventoryAccount(cx, mat), value, 0, -1, "");
  lines.add(cx.chart.one("wip"), 0, value, o.costCenter, "");
  post(env, c, day, { documentId: `JE-${id}-GR`, docType: "PP", source: "automated", event: "production_receipt", postedBy: "SYS-PP", text: "Goods received from production", sourceId: id, sourceType: "production_order" }, lines);
  env.totals.movement(c.index, periodOfDay(cx, day), m, good, good * r.standardCost, day);
  writeMovement(env, c, `${id}-GR`, mat.id, day, "production_receipt", good, value, id);
  env.totals.subledger(c.index, periodOfDay(cx, day), KINDS.wip, -value);
}

/** Clears the order's WIP into the variance account, one line per kind of variance. */
function settle(o: OrderEnv, id: string, day: number, v: { usage: number; efficiency: number; scrap: number; other: number }): void {
  const { env, c } = o;
  const { cx } = env;
  const total = v.usage + v.efficiency + v.scrap + v.other;
  const account = cx.chart.one("production_variance");
  const lines = newLines(env);
  let any = false;
  for (const amount of Object.values(v)) {
    if (amount === 0) continue;
    any = true;
    lines.add(account, amount > 0 ? amount : 0, amount < 0 ? -amount : 0, o.costCenter, "");
  }
  if (!any) return;
  if (total !== 0) lines.add(cx.chart.one("wip"), total < 0 ? -total : 0, total > 0 ? total : 0, o.costCenter, "");
  post(env, c, day, { documentId: `JE-${id}-SE`, docType: "PP", source: "automated", event: "production_settlement", postedBy: "SYS-PP", text: "Production order settled: variances", sourceId: id, sourceType: "production_order" }, lines);
  env.totals.subledger(c.index, periodOfDay(cx, day), KINDS.wip, -total);
}
