// The phase's slice of the run state: counters the blocks add up (anomalies injected per company
// and type, what a block could not place, how often each detection predicate fires on labelled
// and on clean documents, data-quality issues), and the summary run-report.json shows.
import type { RunContext } from "../../ledger/context.ts";
import type { RunState, Slice } from "../../ledger/state.ts";
import { ANOMALY_CATALOG, CATEGORIES } from "./catalog.ts";
import { plannedCounts } from "./plan.ts";

export type Counters = Map<string, number>;

export const ANOMALY_STATS: Slice<Counters, Record<string, number>> = {
  name: "anomalies",
  create: () => new Map(),
  fold: (s, d) => {
    for (const [k, v] of Object.entries(d)) s.set(k, (s.get(k) ?? 0) + v);
  },
  add: (into, from) => {
    for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
  },
  toJSON: (s) => Object.fromEntries([...s].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  fromJSON: (_cx, json) => new Map(Object.entries(json as Record<string, number>)),
};

/** Adds to a block's counters (kept in its deltas under the slice's name). */
export function count(deltas: Record<string, unknown> | undefined, key: string, n = 1): void {
  if (!deltas || n === 0) return;
  const d = (deltas[ANOMALY_STATS.name] ??= {}) as Record<string, number>;
  d[key] = (d[key] ?? 0) + n;
}

const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toFixed(4)) : null);

/** run-report.json: planned and injected per type, category and company; how well each predicate separates its type. */
export function anomalyReport(cx: RunContext, state: RunState | undefined): Record<string, unknown> {
  const planned = plannedCounts(cx);
  const s = state?.get(ANOMALY_STATS) ?? new Map<string, number>();
  const get = (k: string) => s.get(k) ?? 0;
  const byType: Record<string, unknown> = {};
  const byCategory: Record<string, { planned: number; injected: number }> = Object.fromEntries(CATEGORIES.map((c) => [c, { planned: 0, injected: 0 }]));
  const byCompany: Record<string, { planned: number; injected: number }> = {};
  for (const t of ANOMALY_CATALOG) {
    let p = 0;
    let inj = 0;
    for (const c of cx.companies) {
      const cp = planned.get(`${c.code}|${t.id}`);
      if (cp === undefined) continue;
      const ci = get(`inj|${c.code}|${t.id}`);
      p += cp;
      inj += ci;
      const row = (byCompany[c.code] ??= { planned: 0, injected: 0 });
      row.planned += cp;
      row.injected += ci;
    }
    if (!(cx.phase("anomalies").params.types as string[]).includes(t.id)) continue;
    byCategory[t.category]!.planned += p;
    byCategory[t.category]!.injected += inj;
    const carrier = t.carrier === "dirty" ? "entries" : t.carrier;
    byType[t.id] = {
      category: t.category,
      planned: p,
      injected: inj,
      difficulty: t.difficulty,
      recall: ratio(get(`tp|${t.id}`), get(`lab|${t.id}`)),
      firesOnClean: get(`fp|${t.id}`),
      falsePositiveRate: ratio(get(`fp|${t.id}`), get(`clean|${carrier}`)),
    };
  }
  const quality = Object.fromEntries([...s].filter(([k]) => k.startsWith("dq|")).map(([k, v]) => [k.slice(3), v]));
  const total = Object.values(byCategory).reduce((a, b) => a + b.injected, 0);
  return { planned: [...planned.values()].reduce((a, b) => a + b, 0), injected: total, byType, byCategory, byCompany, cleanDocuments: { entries: get("clean|entries"), procure_to_pay: get("clean|procure_to_pay"), payroll: get("clean|payroll") }, quality };
}
