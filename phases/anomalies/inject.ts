// The overlay: inside every block (and main step) that writes the journal, it injects the
// block's planned anomalies, keeps the block's deltas equal to its rows, labels what it did,
// writes one ml_labels row per journal line and the as-extracted copy. Tables a chain anomaly
// touches besides the journal (payments, vendor invoices, open items, vendors) follow in the
// same block, from what the journal step decided.
import type { OverlayContext, OverlayStep } from "../api.ts";
import type { RunContext } from "../../ledger/context.ts";
import { blockRef } from "../../ledger/context.ts";
import { paramsOf } from "../../specs/phase.ts";
import { transactionsSpec } from "../transactions/spec.ts";
import { hash32 } from "../../core/rng.ts";
import { anomaliesSpec } from "./spec.ts";
import { documents, DeltaEdit, minor, type Doc } from "./doc.ts";
import { injectEntries, type Injected } from "./inject-entries.ts";
import { quotasOf, streamFor, type Quota } from "./plan.ts";
import { changesOf, writeAnomalyLabel, writeMlLabel, type LineLabel } from "./labels.ts";
import { anomalyLabels, mlLabels } from "./tables.ts";
import { count } from "./stats.ts";
import { BlockView, PREDICATES } from "./predicates.ts";
import { anomalyType, type Carrier } from "./catalog.ts";
import { chainJournal, chainTable, vendorTable, type ChainState } from "./chains.ts";
import { writeDirty } from "./quality.ts";
import { ghostEmployeeRows } from "./ghost-employees.ts";
import { kickbackJournal, kickbackTable } from "./kickbacks.ts";

/** What the journal step of a block decided, for the other tables of the same block. */
let pending: { key: string; chain: ChainState } | undefined;

const keyOf = (at: OverlayContext) => `${at.phase.id}|${at.block ?? "m"}|${at.period ?? "-"}`;

export const injectStep: OverlayStep = {
  kind: "overlay",
  transform(cx, at) {
    if (at.table.name === "journal_entries") return journal(cx, at);
    if (at.table.name === "vendors") return vendorTable(cx, at);
    if (at.table.name === "employees" || at.table.name === "employee_events" || at.table.name === "payroll_lines") return ghostEmployeeRows(cx, at);
    if (at.table.name === "vendor_invoices" || at.table.name === "payments" || at.table.name === "ap_open_items" || at.table.name === "purchase_orders") kickbackTable(cx, at);
    if (pending?.key === keyOf(at)) chainTable(cx, at, pending.chain);
  },
};

/** The block's carrier: standalone entries or service purchases of the transactions phase (else none). */
function carrierOf(at: OverlayContext): Carrier | undefined {
  if (at.phase.id !== transactionsSpec.id || at.block === undefined) return undefined;
  const table = blockRef(at.phase, at.block).segment.table;
  return table === undefined ? "entries" : table === "procure_to_pay" ? "procure_to_pay" : undefined;
}

function journal(cx: RunContext, at: OverlayContext): void {
  const p = paramsOf(anomaliesSpec, cx);
  const docs = documents(cx, at.rows);
  const carrier = carrierOf(at);
  const injected: Injected[] = [];
  pending = undefined;
  if (carrier && at.block !== undefined) {
    const ref = blockRef(at.phase, at.block);
    const company = cx.companies[cx.companyIndex.get(ref.segment.company!)!]!;
    const period = cx.periods[ref.segment.period!]!;
    const quotas = quotasOf(cx, at.block);
    const rng = streamFor(cx, hash32(at.phase.id), at.block);
    const short = (q: Quota, n: number) => count(at.deltas, `${q.part === 2 ? "unpaired" : "short"}|${company.code}|${q.type.id}`, n);
    if (carrier === "entries") {
      const own = quotas.filter((q) => q.type.carrier === "entries");
      injected.push(...injectEntries(cx, docs, own, company, period, rng, short));
    } else {
      // Kickbacks were placed by the transactions phase itself (purchase_kickbacks): their chains carry no other anomaly.
      const kick = kickbackJournal(cx, at, docs, company, (n) => count(at.deltas, `short|${company.code}|kickback`, n));
      injected.push(...kick.injected);
      const chain = chainJournal(cx, at, docs, quotas.filter((q) => q.type.carrier === "procure_to_pay" && q.type.id !== "kickback"), company, rng, short, kick.bases);
      injected.push(...chain.injected);
      pending = { key: keyOf(at), chain };
    }
    settle(cx, at, docs);
    for (const inj of injected) if (inj.part !== 2) count(at.deltas, `inj|${company.code}|${inj.type.id}`);
  }
  const labels = label(cx, at, injected);
  const near = carrier ? evaluate(cx, at, docs, carrier, p.types, p.near_misses) : new Map<Doc, string>();
  if (p.ml_labels) {
    const w = at.out.table(mlLabels);
    for (const d of docs) {
      const l = labels.get(d);
      for (const r of d.rows) writeMlLabel(cx, w, r, l, near.get(d), l?.inj.splitPeriod);
    }
  }
  writeDirty(cx, at, docs, carrier);
}

/** Restamps changed documents, checks they balance, moves the deltas and puts the rows back in order. */
function settle(cx: RunContext, at: OverlayContext, docs: Doc[]): void {
  const edit = new DeltaEdit(cx, at.deltas);
  for (const d of docs) {
    if (!d.original) continue;
    d.restamp();
    let dr = 0;
    let cr = 0;
    for (const r of d.rows) {
      const a = minor(r.debit_amount);
      const b = minor(r.credit_amount);
      if (a + b === 0 || a < 0 || b < 0) throw new Error(`internal: anomaly left ${d.id} line ${r.line_number} without an amount`);
      dr += a;
      cr += b;
    }
    if (dr !== cr) throw new Error(`internal: anomaly left ${d.id} unbalanced (${dr} != ${cr})`);
    edit.post(d.original, -1);
    edit.post(d.rows, 1);
  }
  edit.finish();
  at.rows.length = 0;
  for (const d of docs) for (const r of d.rows) at.rows.push(r);
}

/** Writes anomaly_labels; returns each labelled document's (first) anomaly. */
function label(cx: RunContext, at: OverlayContext, injected: Injected[]): Map<Doc, LineLabel> {
  const out = new Map<Doc, LineLabel>();
  if (injected.length === 0) return out;
  const w = at.out.table(anomalyLabels);
  const tag = `${at.block ?? at.period}`.padStart(6, "0");
  injected.forEach((inj, n) => {
    const id = (inj.id ??= `AN-${inj.docs[0]!.company.code}-${tag}-${String(n + 1).padStart(4, "0")}`);
    // Only what changed is labelled; an anomaly's unchanged entries (an invoice without its order) are flagged in ml_labels.
    for (const d of [...inj.docs, ...(inj.touched ?? [])]) if (d.original) writeAnomalyLabel(w, id, inj, d, changesOf(d.original, d.rows));
    for (const d of inj.docs) if (!out.has(d)) out.set(d, { id, inj });
  });
  void cx;
  return out;
}

/**
 * Runs every listed type's detection predicate on the block's documents of its carrier:
 * fires on labelled documents (recall) and on clean ones (false positives, near misses).
 */
function evaluate(cx: RunContext, at: OverlayContext, docs: Doc[], carrier: Carrier, types: readonly string[], nearMisses: boolean): Map<Doc, string> {
  const view = new BlockView(docs);
  const own = types.filter((t) => anomalyType(t).carrier === carrier && PREDICATES[t]);
  const near = new Map<Doc, string>();
  for (const d of docs) {
    if (d.types.length === 0) count(at.deltas, `clean|${carrier}`);
    for (const t of own) {
      const fired = PREDICATES[t]!(d, view);
      if (d.types.includes(t)) {
        count(at.deltas, `lab|${t}`);
        if (fired) count(at.deltas, `tp|${t}`);
      } else if (d.types.length === 0 && fired) {
        count(at.deltas, `fp|${t}`);
        // A near miss looks suspicious to a predicate that means something on one entry (not a hard type's).
        if (nearMisses && !near.has(d) && anomalyType(t).difficulty !== "hard") near.set(d, t);
      }
    }
  }
  void cx;
  return near;
}
