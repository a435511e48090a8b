// Checks of a ledger with injected anomalies, as an auditor and an ML engineer would run them:
// the clean ledger keeps every invariant except those a labelled anomaly breaks on purpose (its
// type says which, in docs/anomalies.md), and the labels describe the data exactly: every label
// points at rows that exist and carry the changed values, ml_labels has one row per journal line
// and flags exactly the labelled documents, and each type's count is the plan's.
import type { Plan } from "../specs/plan.ts";
import { collector, type Tables, type Violation } from "./verify-common.ts";
import { verifyFlows, verifyLedger } from "./verify.ts";
import { verifyEconomics, type EconomicsOptions } from "./economics.ts";

const rows = (t: Tables, name: string) => t.get(name) ?? [];

/**
 * Every ledger, flow and going-concern invariant at once. Each of them excuses exactly the
 * violations a labelled anomaly accounts for (verify-excuse.ts), and first-digit (Benford)
 * statistics leave out the documents whose amounts an anomaly changed.
 */
export function verifyLabelled(t: Tables, opts: EconomicsOptions = {}): Violation[] {
  return [...verifyLedger(t), ...verifyFlows(t), ...verifyEconomics(t, opts)];
}

/** The labels against the data: keys resolve, changed values are there, ml_labels match, counts are the plan's. */
export function verifyLabels(t: Tables, plan?: Plan): Violation[] {
  const { report, result } = collector();
  const je = rows(t, "journal_entries");
  const byDoc = new Map<string, Record<string, unknown>[]>();
  for (const r of je) {
    const k = `${r.company_code}|${r.document_id}`;
    const list = byDoc.get(k);
    if (list) list.push(r);
    else byDoc.set(k, [r]);
  }
  const labelled = new Map<string, string>();
  for (const l of rows(t, "anomaly_labels")) {
    const where = `${l.anomaly_id} ${l.anomaly_type} ${l.table_name} ${l.document_id}`;
    const changes = JSON.parse(String(l.changes)) as { field: string; line: number | null; from: unknown; to: unknown }[];
    if (changes.length === 0) report("label-empty", `${where} changes nothing`);
    if (l.table_name !== "journal_entries") continue;
    const doc = byDoc.get(`${l.company_code}|${l.document_id}`);
    if (!doc) {
      report("label-key", `${where}: no such journal entry`);
      continue;
    }
    labelled.set(`${l.company_code}|${l.document_id}`, String(l.anomaly_type));
    for (const c of changes) {
      if (c.field === "line") continue;
      const lines = c.line === null ? doc : [doc[c.line - 1]];
      for (const r of lines) if (!r || (r[c.field] ?? null) !== c.to) report("label-value", `${where}: ${c.field} of line ${c.line ?? "*"} is ${r?.[c.field]}, the label says ${c.to}`);
    }
  }
  const ml = rows(t, "ml_labels");
  if (ml.length > 0) {
    if (ml.length !== je.length) report("ml-rows", `ml_labels has ${ml.length} rows, journal_entries ${je.length}`);
    ml.forEach((m, i) => {
      const r = je[i];
      if (!r || r.company_code !== m.company_code || r.document_id !== m.document_id || r.line_number !== m.line_number) return report("ml-key", `ml_labels row ${i + 1} is ${m.document_id}/${m.line_number}, the journal's ${r?.document_id}/${r?.line_number}`);
      const key = `${m.company_code}|${m.document_id}`;
      if (labelled.has(key) && m.is_anomaly !== true) report("ml-flag", `${key} is labelled ${labelled.get(key)} but ml_labels says normal`);
      if (m.is_anomaly === true && m.is_near_miss === true) report("ml-flag", `${key} is both an anomaly and a near miss`);
    });
  }
  if (plan) checkCounts(t, plan, report);
  return result();
}

/** Distinct anomalies per type and company (the vendor records a scheme sets up are not counted) equal the plan's counts. */
function checkCounts(t: Tables, plan: Plan, report: (check: string, message: string) => void): void {
  const phase = plan.phases.find((p) => p.id === "anomalies");
  if (!phase || phase.status !== "run") return;
  const got = new Map<string, Set<string>>();
  // An anomaly belongs to the company whose cluster it is in (a round trip's partner books half of it).
  const owner = (l: Record<string, unknown>) => new RegExp(`^CL-(.+)-${l.anomaly_type}-\\d+$`).exec(String(l.cluster_id))?.[1] ?? String(l.company_code);
  for (const l of rows(t, "anomaly_labels")) {
    if (l.table_name === "vendors") continue;
    const k = `${owner(l)}|${l.anomaly_type}`;
    const s = got.get(k) ?? new Set<string>();
    s.add(String(l.anomaly_id));
    got.set(k, s);
  }
  const clusters = new Map(rows(t, "anomaly_labels").map((l) => [String(l.anomaly_id), owner(l)]));
  for (const m of rows(t, "ml_labels")) {
    if (m.is_anomaly !== true) continue;
    const k = `${clusters.get(String(m.anomaly_id)) ?? m.company_code}|${m.anomaly_type}`;
    const s = got.get(k) ?? new Set<string>();
    s.add(String(m.anomaly_id));
    got.set(k, s);
  }
  for (const s of phase.layout.segments) {
    const n = got.get(`${s.company}|${s.table}`)?.size ?? 0;
    if (n !== s.units) report("label-count", `${s.company} ${s.table}: ${n} anomalies, the plan says ${s.units}`);
  }
}


