// Injected anomalies are the only exceptions to the ledger's invariants, and each is labelled:
// a violation is excused when a label names its document (or a related one) and the label's
// type breaks that check on purpose (docs/anomalies.md says which and why).
import { anomalyType } from "../phases/anomalies/catalog.ts";
import type { Report, Tables } from "./verify-common.ts";

/** A report that drops the violations the tables' anomaly labels account for. */
export function excusing(t: Tables, report: Report): Report {
  const labels = t.get("anomaly_labels") ?? [];
  if (labels.length === 0) return report;
  const byCheck = new Map<string, Set<string>>();
  for (const l of labels) {
    const check = anomalyType(String(l.anomaly_type)).breaks?.check;
    if (!check) continue;
    const ids = byCheck.get(check) ?? new Set<string>();
    for (const k of [...String(l.document_id).split(" "), ...String(l.related_entities ?? "").split(" ")]) if (k) ids.add(k.replace(/^JE-/, ""));
    byCheck.set(check, ids);
  }
  return (check, message) => {
    const ids = byCheck.get(check);
    if (ids && message.split(/[\s:,()]+/).some((w) => ids.has(w.replace(/^JE-/, "")))) return;
    report(check, message);
  };
}

/** Documents (company|document_id) whose amounts an anomaly changed: first-digit statistics leave them out. */
export function amountAnomalies(t: Tables): Set<string> {
  const out = new Set<string>();
  for (const l of t.get("anomaly_labels") ?? []) {
    const touches = anomalyType(String(l.anomaly_type)).touches;
    if (l.table_name === "journal_entries" && (touches.includes("amounts") || touches.includes("structure"))) out.add(`${l.company_code}|${l.document_id}`);
  }
  return out;
}
