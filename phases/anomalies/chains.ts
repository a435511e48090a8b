// Procure-to-pay anomalies: the journal step of a service-purchase block finds each chain's
// entries (goods receipt / service entry, vendor invoice, payments), picks the block's share of
// each type among the chains that can carry it and changes their entries; the other tables of
// the chain (orders, invoices, payments, references, open items) follow in the same block from
// the edits it leaves here, each labelled.
import type { OverlayContext } from "../api.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { Rng } from "../../core/rng.ts";
import { DeltaEdit, type Doc } from "./doc.ts";
import type { Injected } from "./inject-entries.ts";
import type { Quota } from "./plan.ts";
import { writeTableLabel, type Change } from "./labels.ts";
import { anomalyLabels } from "./tables.ts";
import { CHAIN_MUTATIONS, PREDICATES_P2P, type Chain, type ChainEnv, type TableEdit } from "./chain-mutations.ts";
import { count } from "./stats.ts";
import { ghostVendorRows, schemesOf } from "./schemes.ts";

export interface ChainState {
  injected: Injected[];
  edits: TableEdit[];
}

const ID = /^JE-(GR|VI|PY)-(.+-\d{9})-(\d+)(-[AB])?$/;

/** The block's chains by purchase order, in the order their entries were written. */
function chainsOf(docs: readonly Doc[]): Chain[] {
  const byBase = new Map<string, Chain>();
  for (const d of docs) {
    const m = ID.exec(d.id);
    if (!m) continue;
    let ch = byBase.get(m[2]!);
    if (!ch) byBase.set(m[2]!, (ch = { base: m[2]!, gr: [], vi: [], py: [], types: [] }));
    (m[1] === "GR" ? ch.gr : m[1] === "VI" ? ch.vi : ch.py).push(d);
  }
  return [...byBase.values()];
}

export function chainJournal(cx: RunContext, at: OverlayContext, docs: Doc[], quotas: Quota[], c: CompanyInfo, rng: Rng, short: (q: Quota, n: number) => void, kickbacks: ReadonlySet<string> = new Set()): ChainState {
  const chains = chainsOf(docs);
  // Chains the transactions phase already marked up (kickbacks): taken, and evaluated as such.
  for (const ch of chains) {
    if (!kickbacks.has(ch.base)) continue;
    ch.types.push("kickback");
    for (const d of [...ch.vi, ...ch.py]) d.types.push("kickback");
  }
  const edits: TableEdit[] = [];
  const injected: Injected[] = [];
  const deltas = new DeltaEdit(cx, at.deltas);
  const env: ChainEnv = { cx, company: c, rng, docs, edits, schemes: schemesOf(cx, c), sub: (p, kind, amount) => deltas.subledger(c.index, p, kind, amount) };
  for (const q of quotas) {
    const m = CHAIN_MUTATIONS[q.type.id];
    if (!m) throw new Error(`internal: no chain mutation for ${q.type.id}`);
    const candidates = chains.filter((ch) => ch.types.length === 0 && m.eligible(ch, env, q));
    let placed = 0;
    for (let i = candidates.length - 1; i >= 0 && placed < q.count; i--) {
      const j = rng.int(i + 1);
      const ch = candidates[j]!;
      candidates[j] = candidates[i]!;
      candidates[i] = ch;
      const inj: Injected = { type: q.type, cluster: q.cluster, docs: [], related: [] };
      if (!m.apply(ch, env, q, inj)) continue;
      ch.types.push(q.type.id);
      for (const d of inj.docs) d.types.push(q.type.id);
      injected.push(inj);
      placed++;
    }
    if (placed < q.count) short(q, q.count - placed);
  }
  // Make sure the block holds every table an edit needs: its transform then runs after the journal's.
  for (const e of edits) at.out.table(cx.tables.get(e.table)!);
  evaluateChains(cx, at, chains, c);
  return { injected, edits };
}

/** Detection predicates of the chain types, once per chain of the block. */
function evaluateChains(cx: RunContext, at: OverlayContext, chains: Chain[], c: CompanyInfo): void {
  const listed = new Set(cx.phase("anomalies").params.types as string[]);
  for (const ch of chains) {
    if (ch.vi.length === 0) continue;
    if (ch.types.length === 0) count(at.deltas, "clean|procure_to_pay");
    for (const [t, pred] of Object.entries(PREDICATES_P2P)) {
      if (!listed.has(t)) continue;
      const fired = pred(ch, c, cx);
      if (ch.types.includes(t)) {
        count(at.deltas, `lab|${t}`);
        if (fired) count(at.deltas, `tp|${t}`);
      } else if (ch.types.length === 0 && fired) count(at.deltas, `fp|${t}`);
    }
  }
}

/** Applies the journal step's edits to another table of the block and labels them. */
export function chainTable(cx: RunContext, at: OverlayContext, s: ChainState): void {
  for (const e of s.edits) {
    if (e.table !== at.table.name) continue;
    const changes: Change[] = e.apply(at.rows);
    if (changes.length === 0) continue;
    const c = cx.companies[cx.companyIndex.get(e.company)!]!;
    writeTableLabel(at.out.table(anomalyLabels), { id: e.inj.id!, inj: e.inj, company: c.code, currency: c.currency, table: e.table, key: e.key, date: e.date, impact: e.impact, changes, related: e.inj.related });
  }
  if (at.table.name === "vendor_invoices") evaluateInvoices(cx, at, s);
}

/**
 * The invoice_without_po predicate runs on the invoices themselves (the journal does not show
 * an order): labelled invoices (recall) and those of chains no anomaly touched (false positives).
 */
function evaluateInvoices(cx: RunContext, at: OverlayContext, s: ChainState): void {
  if (!(cx.phase("anomalies").params.types as string[]).includes("invoice_without_po")) return;
  const start = cx.plan.scenario.startDate;
  const own = new Set<string>();
  const touched = new Set<string>();
  for (const e of s.edits) {
    if (e.table !== "vendor_invoices") continue;
    for (const k of e.key.split(" ")) (e.inj.type.id === "invoice_without_po" ? own : touched).add(k);
  }
  for (const inj of s.injected) for (const d of inj.docs) touched.add(d.id.replace(/^JE-/, ""));
  for (const r of at.rows) {
    const id = String(r.invoice_id);
    const fired = r.po_id == null && String(r.invoice_date) >= start;
    if (own.has(id)) {
      count(at.deltas, "lab|invoice_without_po");
      if (fired) count(at.deltas, "tp|invoice_without_po");
    } else if (!touched.has(id) && fired) count(at.deltas, "fp|invoice_without_po");
  }
}

/** The vendors table (master data blocks): ghost vendors' records. */
export function vendorTable(cx: RunContext, at: OverlayContext): void {
  ghostVendorRows(cx, at);
}
