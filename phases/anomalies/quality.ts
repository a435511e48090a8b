// The data-quality layer: the journal "as extracted" from a legacy system (dirty_journal_entries,
// every value as text) with missing values, typos, format variations, duplicates and encoding
// issues at the preset's rates, and the integrity-breaking errors no clean ledger may hold
// (unbalanced entries, invalid accounts, missing required fields, broken references). Every
// changed cell is labelled (quality_labels, anomaly_labels); the clean tables never change.
import type { OverlayContext } from "../api.ts";
import type { RunContext } from "../../ledger/context.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import { hash32, type Rng } from "../../core/rng.ts";
import { paramsOf } from "../../specs/phase.ts";
import { writeRecord } from "../../output/writers.ts";
import { anomaliesSpec } from "./spec.ts";
import { qualityRates } from "./params.ts";
import { anomalyType, type Carrier } from "./catalog.ts";
import { minor, money, type Doc, type Row } from "./doc.ts";
import { quotasOf, streamFor } from "./plan.ts";
import { dirtyJournalEntries, qualityLabels, anomalyLabels } from "./tables.ts";
import { count } from "./stats.ts";
import { typo, encodingIssue, formatVariation } from "./quality-text.ts";
import { writeTableLabel, type Change } from "./labels.ts";

const DIRTY_TYPES = new Set(["unbalanced_entry", "invalid_account", "missing_field", "broken_reference"]);
/** Fields a value may go missing from, and the text fields typos and encoding issues hit. */
const MISSABLE = ["line_text", "cost_center", "posted_by", "document_date", "business_event", "partner_id", "posting_time", "source"];
const TEXTS = ["line_text", "business_event"];

interface Issue {
  type: string;
  subtype: string;
  field: string | null;
  from: string | null;
  to: string | null;
}

/** Whether the run writes the as-extracted copy. */
export function dirtyEnabled(cx: RunContext): boolean {
  const p = paramsOf(anomaliesSpec, cx);
  const r = qualityRates(p.data_quality);
  return r.missing + r.typos + r.duplicates + r.formats + r.encoding > 0 || p.types.some((t) => DIRTY_TYPES.has(t));
}

export function writeDirty(cx: RunContext, at: OverlayContext, docs: Doc[], carrier: Carrier | undefined): void {
  if (!dirtyEnabled(cx)) return;
  const p = paramsOf(anomaliesSpec, cx);
  const rates = qualityRates(p.data_quality);
  const rng = streamFor(cx, hash32("quality"), hash32(at.phase.id), at.block ?? -1, at.period ?? -1);
  const integrity = carrier === "entries" && at.block !== undefined ? integrityErrors(cx, at, docs, rng) : new Map<Row, Issue[]>();
  const w = at.out.table(dirtyJournalEntries);
  const labels = at.out.table(qualityLabels);
  const emit = (src: Row, rec: Record<string, unknown>, issues: Issue[], copy: number) => {
    const id = recordId(src, copy);
    writeRecord(w, dirtyJournalEntries, { ...rec, record_id: id });
    let k = 0;
    for (const i of issues) {
      if (i.type === "integrity") continue;
      writeQuality(labels, `DQ-${id.slice(1)}-${++k}`, i, id, src);
      count(at.deltas, `dq|${i.type}`);
    }
  };
  for (const d of docs) {
    for (const src of d.rows) {
      const rec = asText(src);
      const issues: Issue[] = [...(integrity.get(src) ?? [])];
      for (const i of issues) rec[i.field!] = i.to;
      if (rng.chance(rates.missing)) issues.push(...missing(rec, rng));
      if (rng.chance(rates.typos)) issues.push(...textIssue(rec, rng, "typo"));
      if (rng.chance(rates.formats)) issues.push(...formatIssue(rec, rng));
      if (rng.chance(rates.encoding)) issues.push(...textIssue(rec, rng, "encoding_issue"));
      emit(src, rec, issues, 0);
      if (rng.chance(rates.duplicates)) {
        // Extracted twice: exactly, or with one value formatted differently.
        const copy = { ...rec };
        const near = rng.chance(0.5) ? formatIssue(copy, rng) : [];
        emit(src, copy, [{ type: "duplicate", subtype: near.length ? "near" : "exact", field: null, from: null, to: null }, ...near], 1);
      }
    }
  }
}

/** An opaque extraction id: 64 bits of hash of the row's key (and copy), so it tells nothing about the row. */
function recordId(r: Row, copy: number): string {
  const key = `${r.company_code}|${r.document_id}|${r.line_number}|${copy}`;
  const hex = (h: number) => h.toString(16).padStart(8, "0");
  return `R${hex(hash32(key))}${hex(hash32(`${key}#${key.length}`))}`;
}

function asText(r: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = v === null || v === undefined ? null : String(v);
  return out;
}

function missing(rec: Record<string, unknown>, rng: Rng): Issue[] {
  const fields = MISSABLE.filter((f) => rec[f] !== null);
  if (!fields.length) return [];
  const f = fields[rng.int(fields.length)]!;
  const kinds: [string, string | null][] = [["blank", null], ["null_literal", "NULL"], ["not_available", "N/A"]];
  const [subtype, to] = kinds[rng.chance(0.7) ? 0 : 1 + rng.int(2)]!;
  const from = String(rec[f]);
  rec[f] = to;
  return [{ type: "missing_value", subtype, field: f, from, to }];
}

function textIssue(rec: Record<string, unknown>, rng: Rng, type: "typo" | "encoding_issue"): Issue[] {
  const fields = TEXTS.filter((f) => rec[f] !== null && String(rec[f]).length >= 3);
  if (!fields.length) return [];
  const f = fields[rng.int(fields.length)]!;
  const from = String(rec[f]);
  const [subtype, to] = type === "typo" ? typo(from, rng) : encodingIssue(from, rng);
  if (to === from) return [];
  rec[f] = to;
  return [{ type, subtype, field: f, from, to }];
}

function formatIssue(rec: Record<string, unknown>, rng: Rng): Issue[] {
  const v = formatVariation(rec, rng);
  if (!v) return [];
  rec[v.field] = v.to;
  return [{ type: "format_variation", subtype: v.subtype, field: v.field, from: v.from, to: v.to }];
}

function writeQuality(w: RowWriter, id: string, i: Issue, record: string, src: Row): void {
  w.id(id);
  w.id(i.type);
  w.id(i.subtype);
  w.id(dirtyJournalEntries.name);
  w.id(record);
  w.id(String(src.company_code));
  w.id(String(src.document_id));
  w.int(src.line_number as number);
  if (i.field) w.id(i.field);
  else w.empty();
  if (i.from === null) w.empty();
  else w.text(i.from);
  if (i.to === null) w.empty();
  else w.text(i.to);
  w.end();
}

/**
 * The block's integrity-breaking errors: each planned one changes one line of one document in
 * the copy only, and is labelled in anomaly_labels against dirty_journal_entries.
 */
function integrityErrors(cx: RunContext, at: OverlayContext, docs: Doc[], rng: Rng): Map<Row, Issue[]> {
  const out = new Map<Row, Issue[]>();
  const quotas = quotasOf(cx, at.block!).filter((q) => q.type.carrier === "dirty");
  if (!quotas.length) return out;
  const w = at.out.table(anomalyLabels);
  const free = docs.filter((d) => d.rows.length >= 2);
  let k = 0;
  for (const q of quotas) {
    let placed = 0;
    for (; placed < q.count && free.length > 0; placed++) {
      const d = free.splice(rng.int(free.length), 1)[0]!;
      const line = d.rows[rng.int(d.rows.length)]!;
      const issue = breakLine(cx, d, line, q.type.id, rng);
      out.set(line, [issue]);
      const c = d.company;
      const changes: Change[] = [{ field: issue.field!, line: line.line_number as number, from: issue.from, to: issue.to }];
      writeTableLabel(w, {
        id: `AN-${c.code}-X${String(at.block).padStart(6, "0")}-${String(++k).padStart(4, "0")}`, inj: { type: anomalyType(q.type.id), cluster: q.cluster, docs: [], related: [] },
        company: c.code, currency: c.currency, table: dirtyJournalEntries.name, key: d.id, date: String(line.posting_date), impact: money(Math.max(minor(line.debit_amount), minor(line.credit_amount)), c.digits), changes, related: [recordId(line, 0)],
      });
      count(at.deltas, `inj|${c.code}|${q.type.id}`);
    }
    if (placed < q.count) count(at.deltas, `short|${docs[0]?.company.code}|${q.type.id}`, q.count - placed);
  }
  return out;
}

function breakLine(cx: RunContext, d: Doc, line: Row, type: string, rng: Rng): Issue {
  const issue = (field: string, to: string | null): Issue => ({ type: "integrity", subtype: type, field, from: line[field] === null ? null : String(line[field]), to });
  if (type === "unbalanced_entry") {
    const field = minor(line.debit_amount) > 0 ? "debit_amount" : "credit_amount";
    const v = minor(line[field]);
    return issue(field, money(v + Math.max(1, Math.round(v * (0.01 + 0.2 * rng.next()))) * (rng.chance(0.5) ? 1 : -1) + (v === 0 ? 1 : 0), d.digits));
  }
  if (type === "invalid_account") {
    const groups = cx.chart.accounts.filter((a) => !a.posting);
    return issue("account_number", rng.chance(0.5) ? groups[rng.int(groups.length)]!.number : `9${String(rng.int(1000)).padStart(3, "0")}9`);
  }
  if (type === "missing_field") {
    const f = ["account_number", "posting_date", "currency", "document_id"][rng.int(4)]!;
    return issue(f, null);
  }
  return line.partner_id && rng.chance(0.5) ? issue("partner_id", `${String(line.partner_id).slice(0, -6)}9${String(rng.int(100000)).padStart(5, "0")}`) : issue("cost_center", `CC-${d.company.code}-9${String(rng.int(1000)).padStart(3, "0")}`);
}

export { DIRTY_TYPES };
