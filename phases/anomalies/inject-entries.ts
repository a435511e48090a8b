// Injects a block's share of each entry type into its standalone entries: candidates are the
// documents the type's mutation applies to and that carry nothing yet in the fields it changes;
// the block's own stream picks among them. A mutation that cannot finish is undone.
import type { Rng } from "../../core/rng.ts";
import { hash32 } from "../../core/rng.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { Period } from "../../core/calendar.ts";
import { masterParams } from "../master_data/index.ts";
import { transactionsSpec } from "../transactions/spec.ts";
import { paramsOf } from "../../specs/phase.ts";
import type { Doc } from "./doc.ts";
import type { AnomalyType } from "./catalog.ts";
import { AMOUNT_MUTATIONS } from "./entries-amounts.ts";
import { PROCESS_MUTATIONS } from "./entries-process.ts";
import { STRUCTURE_MUTATIONS } from "./entries-structure.ts";
import { SCHEME_MUTATIONS } from "./entries-schemes.ts";
import { BlockStats, thresholdOf, type EntryEnv, type EntryMutation } from "./entry-env.ts";
import type { Quota } from "./plan.ts";
import { streamFor } from "./plan.ts";
import { changesOf, type Injected } from "./labels.ts";
export type { Injected } from "./labels.ts";
import { anomaliesSpec } from "./spec.ts";

export const ENTRY_MUTATIONS: Readonly<Record<string, EntryMutation>> = { ...AMOUNT_MUTATIONS, ...PROCESS_MUTATIONS, ...STRUCTURE_MUTATIONS, ...SCHEME_MUTATIONS };


interface Saved {
  rows: Doc["rows"];
  original: Doc["original"];
  types: number;
  touched: string[];
  keepTime: boolean;
  keepApproval: boolean;
  reserved: boolean;
}

/** Whether a document may take another anomaly of type t (at most `max`, never on the same fields). */
function fits(d: Doc, t: AnomalyType, max: number, reserved: ReadonlySet<Doc>): boolean {
  if (reserved.has(d) || d.types.length >= max || d.touched.has("structure")) return false;
  if (d.types.length > 0 && t.touches.includes("structure")) return false;
  return !t.touches.some((x) => d.touched.has(x));
}

export function injectEntries(cx: RunContext, docs: Doc[], quotas: readonly Quota[], company: CompanyInfo, period: Period, rng: Rng, shortfall: (q: Quota, n: number) => void): Injected[] {
  const max = paramsOf(anomaliesSpec, cx).max_per_document;
  const reserved = new Set<Doc>();
  let saved = new Map<Doc, Saved>();
  const save = (d: Doc) => {
    if (!saved.has(d)) saved.set(d, { rows: d.rows.map((r) => ({ ...r })), original: d.original, types: d.types.length, touched: [...d.touched], keepTime: d.keepTime, keepApproval: d.keepApproval, reserved: reserved.has(d) });
  };
  let current: AnomalyType | undefined;
  let cluster = "";
  const e: EntryEnv = {
    cx,
    rng,
    company,
    period,
    docs,
    users: Math.max(1, paramsOf(transactionsSpec, cx).users),
    costCenters: Math.max(1, masterParams(cx).cost_centers),
    threshold: thresholdOf(company),
    get cluster() {
      return cluster;
    },
    clusterRng: () => streamFor(cx, hash32(cluster), period.index),
    take(pred, near, like) {
      let best: Doc | undefined;
      const rank = (x: Doc) => (like && like(x) ? 0 : 1);
      for (const x of docs) {
        if (!fits(x, current!, max, reserved) || x.types.length > 0 || !pred(x)) continue;
        if (!best || rank(x) < rank(best) || (rank(x) === rank(best) && near && Math.abs(x.index - near.index) < Math.abs(best.index - near.index))) best = x;
      }
      if (best) (save(best), best.types.push(current!.id), best.touched.add("structure"));
      return best;
    },
    reserve(d) {
      save(d);
      reserved.add(d);
    },
    stats: new BlockStats(docs),
    k: 0,
  };
  const out: Injected[] = [];
  // Paired parts first (their other part is placed in another block and must find a place here),
  // then types that take several documents, while the block still has free ones.
  const weight = (q: Quota) => (q.part ? 100 : 0) + (q.type.slots ?? 1);
  const order = [...quotas].sort((a, b) => weight(b) - weight(a));
  for (const q of order) {
    const m = ENTRY_MUTATIONS[q.type.id];
    if (!m) throw new Error(`internal: no mutation for ${q.type.id}`);
    current = q.type;
    cluster = q.cluster;
    e.quota = q;
    const all = docs.filter((d) => fits(d, q.type, max, reserved) && m.eligible(d, e));
    // Preferred documents last: the draw below takes from the back.
    const candidates = m.prefer ? [...all.filter((d) => !m.prefer!(d, e)), ...all.filter((d) => m.prefer!(d, e))] : all;
    const preferred = m.prefer ? candidates.length - all.filter((d) => m.prefer!(d, e)).length : 0;
    let placed = 0;
    for (let i = candidates.length - 1; i >= 0 && placed < q.count; i--) {
      // Fisher-Yates from the back: the next candidate, uniformly among those left (among the preferred while they last).
      const from = i >= preferred ? preferred : 0;
      const j = from + rng.int(i + 1 - from);
      const d = candidates[j]!;
      candidates[j] = candidates[i]!;
      candidates[i] = d;
      if (!fits(d, q.type, max, reserved)) continue;
      saved = new Map();
      save(d);
      e.k = placed;
      const r = m.apply(d, e);
      // A mutation that leaves its documents as they were (an entry already on the burst day) did nothing.
      if (r === false || r.docs.some((x) => !x.original || changesOf(x.original, x.rows).length === 0)) {
        for (const [x, s] of saved) restore(x, s, reserved);
        continue;
      }
      for (const x of r.docs) {
        if (!x.types.includes(q.type.id)) x.types.push(q.type.id);
        for (const t of q.type.touches) x.touched.add(t);
      }
      out.push({ type: q.type, cluster: q.cluster, docs: r.docs, related: r.related ?? [], id: r.id, scheme: r.scheme, splitPeriod: r.splitPeriod, part: q.part });
      placed++;
    }
    if (placed < q.count) shortfall(q, q.count - placed);
  }
  return out;
}

function restore(d: Doc, s: Saved, reserved: Set<Doc>): void {
  d.rows = s.rows;
  d.original = s.original;
  d.types.length = s.types;
  d.touched.clear();
  for (const t of s.touched) d.touched.add(t);
  d.keepTime = s.keepTime;
  d.keepApproval = s.keepApproval;
  if (!s.reserved) reserved.delete(d);
}
