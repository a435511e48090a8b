// Writing the labels: one anomaly_labels row per anomaly and document it changed (with the
// fields it changed, before and after), and one ml_labels row per journal line.
import type { RowWriter } from "../../specs/records/table.ts";
import type { RunContext } from "../../ledger/context.ts";
import { minor, periodOf, type Doc, type Row } from "./doc.ts";
import type { AnomalyType } from "./catalog.ts";
import { splitOf } from "./plan.ts";

/** One injected anomaly: its type, cluster, the documents it changed and who else is involved. */
export interface Injected {
  type: AnomalyType;
  cluster: string;
  docs: Doc[];
  related: string[];
  scheme?: string;
  /** The second part of a paired type (its first part counts the anomaly). */
  part?: 1 | 2;
  /** The period whose ml split its documents take (a scheme's first), when not their own. */
  splitPeriod?: number;
  /** Its id in anomaly_labels (set when the block labels it). */
  id?: string;
  /** Documents it changed that are not anomalous themselves (a paid invoice's first payment, renumbered). */
  touched?: Doc[];
}

export interface Change {
  field: string;
  line: number | null;
  from: unknown;
  to: unknown;
}

const SKIP = new Set(["company_code"]);

/** What changed between a document's rows before and after: a field changed alike on every line is one change. */
export function changesOf(before: readonly Row[], after: readonly Row[]): Change[] {
  const out: Change[] = [];
  const n = Math.max(before.length, after.length);
  const fields = Object.keys(after[0] ?? before[0] ?? {}).filter((f) => !SKIP.has(f));
  for (const f of fields) {
    const diffs: Change[] = [];
    for (let i = 0; i < Math.min(before.length, after.length); i++) {
      if (before[i]![f] !== after[i]![f]) diffs.push({ field: f, line: i + 1, from: before[i]![f] ?? null, to: after[i]![f] ?? null });
    }
    const whole = diffs.length === n && before.length === after.length && diffs.every((x) => x.from === diffs[0]!.from && x.to === diffs[0]!.to);
    if (whole) out.push({ ...diffs[0]!, line: null });
    else out.push(...diffs);
  }
  for (let i = after.length; i < before.length; i++) out.push({ field: "line", line: i + 1, from: lineText(before[i]!), to: null });
  for (let i = before.length; i < after.length; i++) out.push({ field: "line", line: i + 1, from: null, to: lineText(after[i]!) });
  return out;
}

const lineText = (r: Row) => `${r.account_number} ${r.debit_amount} ${r.credit_amount}`;

/** Amount misstated (change of the total) or at risk (the total). */
function impact(inj: Injected, d: Doc): number {
  const total = d.total;
  if (inj.type.impact === "total") return total;
  let before = 0;
  for (const r of d.original ?? d.rows) before += minor(r.debit_amount);
  return Math.abs(total - before);
}

export function writeAnomalyLabel(w: RowWriter, id: string, inj: Injected, d: Doc, changes: Change[]): void {
  const t = inj.type;
  w.id(id);
  w.id(t.category);
  w.id(t.id);
  w.int(t.severity);
  w.bool(t.category === "fraud");
  if (inj.scheme) w.id(inj.scheme);
  else w.empty();
  w.id(inj.cluster);
  w.id(d.company.code);
  w.id("journal_entries");
  w.id(d.id);
  const lines = new Set(changes.map((c) => c.line));
  if (lines.size === 1 && !lines.has(null)) w.int([...lines][0]!);
  else w.empty();
  w.date(String(d.rows[0]!.posting_date));
  w.money(impact(inj, d), d.digits);
  w.id(d.company.currency);
  w.text(JSON.stringify(changes));
  if (inj.related.length) w.text(inj.related.join(" "));
  else w.empty();
  w.id(t.difficulty);
  w.end();
}

/** A label for a row of another table (payments, vendors, ...): the anomaly's changes there. */
export function writeTableLabel(w: RowWriter, a: { id: string; inj: Injected; company: string; currency: string; table: string; key: string; date: string; impact: string; changes: Change[]; related: string[] }): void {
  const t = a.inj.type;
  w.id(a.id);
  w.id(t.category);
  w.id(t.id);
  w.int(t.severity);
  w.bool(t.category === "fraud");
  if (a.inj.scheme) w.id(a.inj.scheme);
  else w.empty();
  w.id(a.inj.cluster);
  w.id(a.company);
  w.id(a.table);
  w.id(a.key);
  w.empty();
  w.date(a.date);
  w.decimal(a.impact);
  w.id(a.currency);
  w.text(JSON.stringify(a.changes));
  if (a.related.length) w.text(a.related.join(" "));
  else w.empty();
  w.id(t.difficulty);
  w.end();
}

export interface LineLabel {
  id: string;
  inj: Injected;
}

/** One ml_labels row per journal row; `near` names the type whose predicate fires on a clean document. */
export function writeMlLabel(cx: RunContext, w: RowWriter, r: Row, label: LineLabel | undefined, near: string | undefined, splitPeriod?: number): void {
  w.id(String(r.company_code));
  w.id(String(r.document_id));
  w.int(r.line_number as number);
  w.bool(label !== undefined);
  w.bool(label?.inj.type.category === "fraud");
  if (label) {
    w.id(label.inj.type.category);
    w.id(label.inj.type.id);
    w.id(label.id);
  } else {
    w.empty();
    w.empty();
    w.empty();
  }
  if (label?.inj.scheme) w.id(label.inj.scheme);
  else w.empty();
  w.bool(near !== undefined);
  if (near) w.id(near);
  else w.empty();
  w.id(splitOf(cx, splitPeriod ?? periodOf(cx, r)));
  w.end();
}
