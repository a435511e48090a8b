// The procure-to-pay mutations: a second payment of a paid invoice, invoices and payments moved
// to a ghost or an inactive vendor, an invoice without its order, an invoice entry without its
// source document. Journal changes happen here; the other tables get TableEdits.
import { formatIso, parseIso } from "../../core/calendar.ts";
import { bankDayOnOrAfter, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import { AGING, agingBucket, periodOfDay } from "../../ledger/flows.ts";
import { dueDay } from "../../ledger/documents.ts";
import type { Rng } from "../../core/rng.ts";
import { vendor } from "../master_data/index.ts";
import { Doc, minor, money, type Row } from "./doc.ts";
import type { Injected } from "./inject-entries.ts";
import { clusterStart, type Quota } from "./plan.ts";
import type { Change } from "./labels.ts";
import { ghostOf, schemesOf } from "./schemes.ts";
import { setPostingDay } from "./entry-env.ts";

export interface Chain {
  /** <company>-<purchase order number>: the ids of its documents are built from it. */
  base: string;
  gr: Doc[];
  vi: Doc[];
  py: Doc[];
  types: string[];
}

/** A change to another table of the block, applied when that table's rows come. */
export interface TableEdit {
  table: string;
  company: string;
  key: string;
  date: string;
  impact: string;
  inj: Injected;
  apply(rows: Row[]): Change[];
}

export interface ChainEnv {
  cx: RunContext;
  company: CompanyInfo;
  rng: Rng;
  docs: Doc[];
  edits: TableEdit[];
  schemes: ReturnType<typeof schemesOf>;
  /** Adds to the block's subledger figures of the company (AP open amounts per period end). */
  sub(period: number, kind: string, amount: number): void;
}

export interface ChainMutation {
  eligible(ch: Chain, e: ChainEnv, q: Quota): boolean;
  apply(ch: Chain, e: ChainEnv, q: Quota, inj: Injected): boolean;
}

const apLine = (d: Doc) => d.rows.find((r) => d.role(r) === "ap_control");
const vendorOfChain = (ch: Chain) => String(apLine(ch.vi[0]!)?.partner_id ?? "");
const ownCurrency = (ch: Chain) => ch.vi.every((d) => d.rows.every((r) => r.document_currency === r.currency));
const sourceId = (d: Doc) => d.id.slice(3);

/** Edits every row of `table` whose `column` is one of `ids`, and labels it. */
function editRows(e: ChainEnv, inj: Injected, table: string, column: string, ids: Set<string>, fields: Record<string, unknown>, date: string): void {
  e.edits.push({
    table, company: e.company.code, key: [...ids].join(" "), date, impact: money(0, e.company.digits), inj,
    apply(rows) {
      const out: Change[] = [];
      rows.forEach((r, i) => {
        if (!ids.has(String(r[column]))) return;
        for (const [f, v] of Object.entries(fields)) if (r[f] !== v) (out.push({ field: f, line: i + 1, from: r[f] ?? null, to: v }), (r[f] = v));
      });
      return out;
    },
  });
}

/** Moves a chain to another vendor: its AP lines, order, invoices, payments and open items. */
function switchVendor(ch: Chain, e: ChainEnv, inj: Injected, to: string): void {
  const from = vendorOfChain(ch);
  for (const d of [...ch.vi, ...ch.py]) {
    for (const r of d.rows) if (r.partner_id === from) (d.snapshot(), (r.partner_id = to));
    inj.docs.push(d);
  }
  const invoices = new Set(ch.vi.map(sourceId));
  const date = String(ch.vi[0]!.rows[0]!.posting_date);
  editRows(e, inj, "purchase_orders", "po_id", new Set([`PO-${ch.base}`]), { vendor_id: to }, date);
  editRows(e, inj, "vendor_invoices", "invoice_id", invoices, { vendor_id: to }, date);
  editRows(e, inj, "payments", "invoice_id", invoices, { vendor_id: to }, date);
  editRows(e, inj, "ap_open_items", "invoice_id", invoices, { partner_id: to }, date);
  inj.related.push(from, to);
}

export const CHAIN_MUTATIONS: Record<string, ChainMutation> = {
  missing_documentation: {
    eligible: (ch) => ch.vi.length > 0,
    apply: (ch, _e, _q, inj) => {
      const d = ch.vi[0]!;
      d.set("source_document_id", null);
      d.set("source_document_type", null);
      inj.docs.push(d);
      return true;
    },
  },
  invoice_without_po: {
    eligible: (ch) => ch.vi.length > 0 && ch.gr.length > 0,
    apply: (ch, e, _q, inj) => {
      const vi = sourceId(ch.vi[0]!);
      const gr = `GR-${ch.base}-${vi.slice(-1)}`;
      const date = String(ch.vi[0]!.rows[0]!.posting_date);
      editRows(e, inj, "vendor_invoices", "invoice_id", new Set([vi]), { po_id: null, gr_id: null }, date);
      e.edits.push({
        table: "document_references", company: e.company.code, key: `${gr} ${vi}`, date, impact: money(0, e.company.digits), inj,
        apply(rows) {
          const i = rows.findIndex((r) => r.from_document_id === gr && r.to_document_id === vi && r.relation === "invoiced_as");
          if (i < 0) return [];
          rows.splice(i, 1);
          return [{ field: "row", line: i + 1, from: `${gr} invoiced_as ${vi}`, to: null }];
        },
      });
      inj.docs.push(ch.vi[0]!);
      inj.related.push(`PO-${ch.base}`, gr);
      return true;
    },
  },
  new_counterparty: {
    eligible: (ch, e) => ch.vi.length > 0 && ownCurrency(ch) && targetsFor(ch, e).length > 0,
    apply: (ch, e, _q, inj) => {
      const list = targetsFor(ch, e);
      switchVendor(ch, e, inj, list[e.rng.int(list.length)]!);
      return true;
    },
  },
  ghost_vendor: {
    eligible: (ch, e, q) => ch.vi.length > 0 && ownCurrency(ch) && ghostOf(e.cx, e.company, q.cluster) !== undefined,
    apply: (ch, e, q, inj) => {
      const g = ghostOf(e.cx, e.company, q.cluster)!;
      inj.scheme = g.scheme;
      inj.splitPeriod = clusterStart(e.cx, q.cluster);
      switchVendor(ch, e, inj, g.id);
      return true;
    },
  },
  duplicate_payment: {
    eligible: (ch, e) => ch.vi.length === 1 && ch.py.length === 1 && /-\d$/.test(ch.py[0]!.id) && ownCurrency(ch) && duplicateDay(ch, e) !== undefined,
    apply: duplicatePayment,
  },
};

/** Inactive vendors of the chain's currency (new counterparties). */
function targetsFor(ch: Chain, e: ChainEnv): string[] {
  const cur = ch.vi[0]!.rows[0]!.document_currency;
  return e.schemes.spare.map((i) => vendor(e.cx, e.company.index, i)).filter((v) => v.currency === cur).map((v) => v.id);
}

/** The day of the second payment: a bank day 7-30 days after the first, before the scenario ends. */
function duplicateDay(ch: Chain, e: ChainEnv): number | undefined {
  const first = parseIso(String(ch.py[0]!.rows[0]!.posting_date));
  const day = bankDayOnOrAfter(e.company, first + 7 + (ch.base.length % 24));
  return periodOfDay(e.cx, day) >= 0 ? day : undefined;
}

/**
 * Pays an invoice a second time: the first payment becomes -A, the second -B (both full), with
 * its own entry (AP debited again, the bank credited), payment row, references, and the vendor's
 * debit balance as a negative open item at every period end after it.
 */
function duplicatePayment(ch: Chain, e: ChainEnv, _q: Quota, inj: Injected): boolean {
  const { cx, company: c } = e;
  const day = duplicateDay(ch, e)!;
  const first = ch.py[0]!;
  const py = sourceId(first);
  const vi = sourceId(ch.vi[0]!);
  const [a, b] = [`${py}-A`, `${py}-B`];
  const bank = first.rows.find((r) => first.account(r).liquid >= 0)!;
  const cash = minor(bank.credit_amount);
  const ap = apLine(first)!;
  // The first payment's entry is renumbered -A.
  first.set("document_id", `JE-${a}`);
  first.set("source_document_id", a);
  // The second: same vendor, the same cash again.
  const rows: Row[] = [
    { ...ap, document_id: `JE-${b}`, source_document_id: b, line_number: 1, debit_amount: money(cash, c.digits), credit_amount: money(0, c.digits), document_amount: money(cash, c.digits) },
    { ...bank, document_id: `JE-${b}`, source_document_id: b, line_number: 2, debit_amount: money(0, c.digits), credit_amount: money(cash, c.digits), document_amount: money(cash, c.digits) },
  ];
  const dup = new Doc(cx, rows, c, first.index);
  dup.original = [];
  setPostingDay(dup, cx.periods[periodOfDay(cx, day)]!, day);
  dup.original = [];
  e.docs.splice(e.docs.indexOf(first) + 1, 0, dup);
  ch.py.push(dup);
  // Both payments of the invoice are the anomaly's documents: neither is the "right" one to a detector.
  inj.docs.push(first, dup);
  inj.related.push(vi, a);
  const date = formatIso(day);
  const vendorId = String(ap.partner_id);
  e.edits.push(
    { table: "payments", company: c.code, key: `${a} ${b}`, date, impact: money(cash, c.digits), inj, apply: (r) => duplicatePaymentRow(r, py, a, b, date, cash, c.digits) },
    { table: "document_references", company: c.code, key: `${a} ${b}`, date, impact: money(0, c.digits), inj, apply: (r) => duplicateReferences(r, c.code, vi, py, a, b) },
  );
  const debit = vendorDebit(e, ch, vi, vendorId, day, cash);
  e.edits.push({ table: "ap_open_items", company: c.code, key: vi, date, impact: money(cash, c.digits), inj, apply: (r) => insertOpenItems(r, vi, debit) });
  return true;
}

function duplicatePaymentRow(rows: Row[], py: string, a: string, b: string, date: string, cash: number, digits: number): Change[] {
  const i = rows.findIndex((r) => r.payment_id === py);
  if (i < 0) return [];
  const orig = rows[i]!;
  const changes: Change[] = [{ field: "payment_id", line: i + 1, from: py, to: a }, { field: "journal_document_id", line: i + 1, from: `JE-${py}`, to: `JE-${a}` }];
  orig.payment_id = a;
  orig.journal_document_id = `JE-${a}`;
  const dup = { ...orig, payment_id: b, payment_date: date, amount: money(cash, digits), discount_amount: money(0, digits), company_amount: money(cash, digits), exchange_rate: "1", kind: "full", journal_document_id: `JE-${b}` };
  rows.splice(i + 1, 0, dup);
  changes.push({ field: "row", line: i + 2, from: null, to: `${b} ${date} ${dup.amount}` });
  return changes;
}

function duplicateReferences(rows: Row[], company: string, vi: string, py: string, a: string, b: string): Change[] {
  const changes: Change[] = [];
  let last = -1;
  rows.forEach((r, i) => {
    if (r.from_document_id === py) (r.from_document_id = a), (r.to_document_id = `JE-${a}`), changes.push({ field: "from_document_id", line: i + 1, from: py, to: a }), (last = i);
    if (r.to_document_id === py) (r.to_document_id = a), changes.push({ field: "to_document_id", line: i + 1, from: py, to: a }), (last = i);
  });
  if (last < 0) return changes;
  rows.splice(last + 1, 0, { company_code: company, from_document_id: b, from_type: "payment", to_document_id: `JE-${b}`, to_type: "journal_entry", relation: "posted_as" }, { company_code: company, from_document_id: vi, from_type: "vendor_invoice", to_document_id: b, to_type: "payment", relation: "paid_by" });
  changes.push({ field: "row", line: last + 2, from: null, to: `${b} posted_as JE-${b}` }, { field: "row", line: last + 3, from: null, to: `${vi} paid_by ${b}` });
  return changes;
}

/** The vendor owes the second payment back: a negative open item at every period end from its day on (the AP subledger figures follow now). */
function vendorDebit(e: ChainEnv, ch: Chain, vi: string, vendorId: string, day: number, cash: number): Row[] {
  const { cx, company: c } = e;
  const invoiceDay = parseIso(String(ch.vi[0]!.rows[0]!.posting_date));
  const v = vendor(cx, c.index, Number(vendorId.slice(-6)) - 1);
  const due = dueDay(invoiceDay, v.terms);
  const added: Row[] = [];
  for (let p = periodOfDay(cx, day); p < cx.periods.length; p++) {
    const period = cx.periods[p]!;
    const end = period.firstDay + period.days - 1;
    const overdue = Math.max(0, end - due);
    const bucket = agingBucket(overdue);
    added.push({ company_code: c.code, fiscal_year: period.fiscalYear, fiscal_period: period.fiscalPeriod, period_end: formatIso(end), invoice_id: vi, partner_id: vendorId, invoice_date: formatIso(invoiceDay), due_date: formatIso(due), currency: c.currency, open_amount: money(-cash, c.digits), open_amount_company: money(-cash, c.digits), days_overdue: overdue, aging_bucket: AGING[bucket], payment_block: false });
    e.sub(p, "ap", -cash);
    e.sub(p, BUCKETS[bucket]!, -cash);
  }
  return added;
}

/** Puts open-item rows after the invoice's own rows, or where its rows would be. */
function insertOpenItems(rows: Row[], vi: string, added: Row[]): Change[] {
  let at = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (String(rows[i]!.invoice_id) <= vi) {
      at = i + 1;
      break;
    }
  }
  rows.splice(at, 0, ...added);
  return added.map((r, k) => ({ field: "row", line: at + k + 1, from: null, to: `${r.period_end} ${r.open_amount}` }));
}

const BUCKETS = ["ap_current", "ap_1_30", "ap_31_60", "ap_61_90", "ap_over_90"];

/** Detection predicates of the chain types (run on every chain of a block). */
export const PREDICATES_P2P: Record<string, (ch: Chain, c: CompanyInfo, cx: RunContext) => boolean> = {
  duplicate_payment: (ch) => {
    const invoiced = ch.vi.reduce((s, d) => s + minor(apLine(d)?.credit_amount ?? 0), 0);
    const paid = ch.py.reduce((s, d) => s + minor(apLine(d)?.debit_amount ?? 0), 0);
    return paid > invoiced;
  },
  missing_documentation: (ch) => ch.vi.some((d) => d.rows[0]!.source_document_id === null),
  new_counterparty: (ch, c, cx) => inactive(cx, c, vendorOfChain(ch)),
  ghost_vendor: (ch, c, cx) => inactive(cx, c, vendorOfChain(ch)),
  // Priced above the order beyond the match tolerance (an upward price variance on the invoice entry).
  kickback: (ch, _c, cx) => {
    const tolerance = Number((cx.plan.processes.find((x) => x.id === "procure_to_pay")?.params as { match_tolerance?: number } | undefined)?.match_tolerance ?? 0.02);
    return ch.vi.some((d) => {
      const grir = d.rows.filter((r) => d.role(r) === "gr_ir").reduce((s, r) => s + minor(r.debit_amount), 0);
      const up = d.rows.filter((r) => !["gr_ir", "input_tax", "ap_control", "fx_loss", "fx_gain"].includes(d.role(r))).reduce((s, r) => s + minor(r.debit_amount) - minor(r.credit_amount), 0);
      return grir > 0 && up > tolerance * grir;
    });
  },
};

function inactive(cx: RunContext, c: CompanyInfo, id: string): boolean {
  const i = Number(id.slice(-6)) - 1;
  return id.startsWith(`V-${c.code}-`) && i >= 0 && !vendor(cx, c.index, i).isActive;
}
