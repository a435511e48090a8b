// Record specs of the anomalies phase: the labels (anomaly, ML, data quality), the user master
// the approval policy refers to, and the as-extracted copy of the journal.
import { c, table, type TableSpec } from "../../specs/records/table.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { CATEGORIES } from "./catalog.ts";

const CATEGORY_CODES = Object.fromEntries(CATEGORIES.map((k) => [k, `${k} anomaly`])) as Record<string, string>;

export const anomalyLabels = table("anomaly_labels", "one row per injected anomaly and document it changed: what was done, where, and how a detector finds it (docs/anomalies.md)", {
  anomaly_id: c.id("anomaly id (one anomaly may change several documents: a split transaction, a ghost vendor's invoices)"),
  category: c.code(CATEGORY_CODES, "category"),
  anomaly_type: c.id("type (docs/anomalies.md)"),
  severity: c.int("1 (cosmetic) to 5 (material fraud)"),
  is_fraud: c.bool("an intentional misstatement"),
  scheme_id: c.optional(c.id("multi-step scheme the anomaly belongs to (a ghost vendor's record, orders and payments)")),
  cluster_id: c.id("cluster of anomalies of the type that belong together in time (and by poster or vendor)"),
  company_code: c.id("company"),
  table_name: c.id("table of the changed row: journal_entries, payments, vendors, ... or dirty_journal_entries for integrity-breaking errors"),
  document_id: c.id("key of the changed row in that table (document, payment, invoice or vendor id)"),
  line_number: c.optional(c.int("journal line, when the anomaly concerns one line")),
  anomaly_date: c.date("posting date of the changed document"),
  monetary_impact: c.money("amount misstated or at risk, company currency"),
  currency: c.id("company currency"),
  changes: c.text("changed fields as JSON: [{field, line, from, to}] (from null: the row was added)"),
  related_entities: c.optional(c.text("other documents, users or partners involved, space-separated")),
  difficulty: c.id("easy, medium or hard: how well the type's detection predicate separates it (run-report.json measures it)"),
});

export const mlLabels = table("ml_labels", "one row per journal line: the training label, joinable to journal_entries on (company_code, document_id, line_number)", {
  company_code: c.id("company"),
  document_id: c.id("journal entry"),
  line_number: c.int("line"),
  is_anomaly: c.bool("the document carries an injected anomaly"),
  is_fraud: c.bool("the anomaly is fraud"),
  category: c.optional(c.id("anomaly category")),
  anomaly_type: c.optional(c.id("anomaly type (the first, when several)")),
  anomaly_id: c.optional(c.id("anomaly_labels.anomaly_id")),
  scheme_id: c.optional(c.id("multi-step scheme")),
  is_near_miss: c.bool("a legitimate entry that the detection predicate of an easy or medium type fires on"),
  near_miss_type: c.optional(c.id("the type whose predicate fired (the first in catalog order)")),
  split: c.id("suggested split: train, validation or test, by time (a scheme's documents stay in the split of its first)"),
});

export const qualityLabels = table("quality_labels", "every cell the data-quality layer changed in the as-extracted copy", {
  issue_id: c.id("issue id"),
  issue_type: c.id("missing_value, typo, format_variation, duplicate or encoding_issue"),
  subtype: c.id("substitution, transposition, insertion, deletion, ocr, homophone, date_format, amount_format, identifier_format, exact, near, mojibake, html_entity, missing_character, blank, ..."),
  table_name: c.id("the as-extracted table"),
  record_id: c.id("record_id of the changed row in the as-extracted table"),
  company_code: c.id("company of the clean row"),
  document_id: c.id("document of the clean row"),
  line_number: c.int("line of the clean row"),
  field_name: c.optional(c.id("changed column (empty for a duplicated row)")),
  original_value: c.optional(c.text("value in the clean table")),
  modified_value: c.optional(c.text("value in the as-extracted copy")),
});

export const users = table("users", "the people who post and approve entries, with their roles and approval limits (the approval policy of ledger/journal.ts)", {
  company_code: c.id("company"),
  user_id: c.id("user id (posted_by, approved_by)"),
  role: c.id("accountant (posts, cannot approve), accounting_manager, controller or cfo"),
  approval_limit: c.optional(c.money("largest entry the user may approve, company currency (empty: no limit)")),
  currency: c.id("company currency"),
});

/** The as-extracted journal: every column as text, as a legacy export would give it. */
export const dirtyJournalEntries: TableSpec = table(
  "dirty_journal_entries",
  "the journal as extracted from a legacy system: the same rows with data-quality issues (quality_labels) and integrity-breaking errors (anomaly_labels); never use it for accounting",
  {
    record_id: c.id("extraction record id (quality_labels.record_id)"),
    ...Object.fromEntries(journalEntries.columns.map((col) => [col.name, c.optional(c.text(col.doc))])),
  },
);

export const ANOMALY_TABLES: readonly TableSpec[] = [anomalyLabels, mlLabels, qualityLabels, users, dirtyJournalEntries];
