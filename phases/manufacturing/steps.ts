// The production step of a period, after its sales are posted and before purchasing
// replenishes: the made goods' needs (stock never short, stock days of demand held, the same
// planning purchasing uses for what it buys) become production orders; urgent ones finish by
// the day stock would run short, top-ups start in the period's second half and may finish in
// the next. Then the work centers' actual costs of the period (agency labour, energy,
// maintenance) are bought through procure-to-pay: what was absorbed, give or take the
// period's under- or over-absorption.
import { Rng, hash32 } from "../../core/rng.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { bankDayOnOrBefore } from "../../ledger/context.ts";
import { flowEnv, newLines, post, type FlowEnv } from "../../ledger/flows.ts";
import { SUBLEDGER } from "../../ledger/slices.ts";
import type { RunState } from "../../ledger/state.ts";
import { stateTotals } from "../../ledger/totals.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { paramsOf } from "../../specs/phase.ts";
import type { MainStep } from "../api.ts";
import { counts, costCenterRecord, vendor } from "../master_data/index.ts";
import { assortment } from "../master_data/assortment.ts";
import { workDayOnOrAfter, workDayOnOrBefore } from "../transactions/dates.ts";
import { purchase, vendorPools, type P2PParams } from "../transactions/p2p.ts";
import { planNeeds } from "../transactions/replenish.ts";
import { docOffset } from "../transactions/standalone.ts";
import { production } from "./bom.ts";
import { KINDS, makeOrder, type OrderEnv } from "./orders.ts";
import { manufacturingSpec } from "./spec.ts";

export const productionStep: MainStep = {
  kind: "main",
  run(cx, phase, state, out, period) {
    const p = cx.periods[period!]!;
    const params = paramsOf(manufacturingSpec, cx);
    for (const c of cx.companies) {
      const prod = production(cx, c);
      if (prod.made.size === 0) continue;
      const env = flowEnv(cx, new Rng(cx.seed, hash32("production"), c.index, p.index), stateTotals(state), out);
      const seg = phase.layout.segments.find((s) => s.company === c.code && s.period === p.index);
      const budget = seg?.units ?? 0;
      const firstSeq = seg ? docOffset(phase, seg) + 1 : 0;
      let extra = 0;
      const o: OrderEnv = {
        env, c, state, prod, period: p.index, scrapRate: params.scrap_rate, inspectionRate: params.inspection_rate,
        costCenter: productionCostCenterIndex(cx, c, prod.workCenters[0]!.costCenter),
        // Orders beyond the planned volume (semi-finished, urgent extras) continue far above it.
        nextExtra: () => 800_000_000 + p.index * 100_000 + ++extra,
      };
      const a = assortment(cx, c);
      const items = a.goods.flatMap((m, k) => (prod.made.has(m) ? [{ material: m, yearly: a.yearlyUnits[k]! }] : []));
      const needs = planNeeds(cx, state, c, p.index, items, budget, env.rng);
      needs.forEach((n, i) => {
        if (i % 200 === 199) out.flush?.();
        const r = prod.recipes.get(n.material)!;
        // Production starts on a working day: the period's first one at the earliest.
        const first = workDayOnOrAfter(cx, c, p.firstDay);
        const start = n.urgent ? Math.max(first, workDayOnOrBefore(cx, c, n.day - r.leadDays)) : n.day;
        const finish = n.urgent ? n.day : workDayOnOrAfter(cx, c, n.day + r.leadDays);
        makeOrder(o, n.material, n.qty, Math.min(start, finish), finish, i < budget ? firstSeq + i : o.nextExtra());
      });
      actualCosts(env, state, c, p.index);
      env.reval.post(env, `M${String(p.index).padStart(3, "0")}`);
    }
  },
};

function productionCostCenterIndex(cx: RunContext, c: CompanyInfo, id: string): number {
  for (let j = 0; j < counts(cx).costCenters; j++) if (costCenterRecord(cx.plan, c.index, j).id === id) return j;
  return -1;
}

/** The work centers' costs of a period: agency labour, energy and maintenance, by vendor category. */
const ACTUAL: [string, AccountRole, number, string][] = [
  ["staffing", "production_labour", 0.55, "Production staff (agency)"],
  ["utilities", "production_overhead", 0.25, "Energy for production"],
  ["maintenance", "production_overhead", 0.2, "Machine maintenance"],
];

function actualCosts(env: FlowEnv, state: RunState, c: CompanyInfo, period: number): void {
  const { cx, rng } = env;
  const absorbed = state.get(SUBLEDGER).get(c.index, period, KINDS.absorbed);
  if (absorbed <= 0) return;
  // Under- or over-absorption: the period's actual spending against the standard rates.
  const actual = Math.round(absorbed * (1 + Math.min(0.1, Math.max(-0.06, 0.01 + 0.03 * rng.normal()))));
  const p = cx.periods[period]!;
  const ordered = workDayOnOrAfter(cx, c, p.firstDay);
  const received = workDayOnOrBefore(cx, c, p.firstDay + p.days - 1);
  const p2p = cx.plan.processes.find((x) => x.id === "procure_to_pay")?.params as P2PParams | undefined;
  const a = assortment(cx, c);
  let left = actual;
  ACTUAL.forEach(([category, role, share, text], k) => {
    const value = k === ACTUAL.length - 1 ? left : Math.round(actual * share);
    left -= value;
    if (value <= 0) return;
    const account = cx.chart.one(role);
    if (!p2p) return directCost(env, c, account, value, received, text, `${c.code}-${String(period).padStart(3, "0")}-${k + 1}`);
    const vi = vendorOf(cx, c, category);
    const seq = 700_000_000 + period * 100 + k + 1;
    purchase(env, c, {
      seq, vendor: vendor(cx, c.index, vi), vendorIndex: vi, materialIndex: a.services.length ? a.services[k % a.services.length]! : 0,
      quantity: 1, unitPrice: value, orderDay: ordered, promisedDay: received, receiptDays: [received], stock: false, expense: account,
    }, p2p);
  });
}

/** A vendor of the category, in the company's currency when there is one (the cost is planned in it). */
function vendorOf(cx: RunContext, c: CompanyInfo, category: string): number {
  const all = Array.from({ length: counts(cx).vendors }, (_, i) => i).filter((i) => vendor(cx, c.index, i).isActive);
  const fit = all.filter((i) => vendor(cx, c.index, i).category === category);
  const local = fit.filter((i) => vendor(cx, c.index, i).currency === c.currency);
  const list = local.length ? local : fit.length ? fit : vendorPools(cx, c).services;
  return list[hash32(`${c.code}:${category}`) % list.length]!;
}

/** Without procure-to-pay the costs are paid from the bank at the period's end. */
function directCost(env: FlowEnv, c: CompanyInfo, account: ReturnType<RunContext["chart"]["one"]>, value: number, day: number, text: string, ref: string): void {
  const lines = newLines(env);
  lines.add(account, value, 0, -1, "");
  lines.add(env.cx.chart.one("bank"), 0, value, -1, "");
  post(env, c, bankDayOnOrBefore(c, day), { documentId: `JE-MFG-${ref}`, docType: "SA", source: "automated", event: "production_costs", postedBy: "SYS-PP", text }, lines);
}
