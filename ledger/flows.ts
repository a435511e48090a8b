// What every document chain shares: the block's environment, posting a business document as a
// journal entry, settling an invoice (payments / receipts with cash discounts and realised FX
// differences), and the open-item snapshot of an invoice at every period end (aging, dunning,
// revaluation of foreign items). All of it is block-local, so chains stay pure per block.
import { formatIso, type Period } from "../core/calendar.ts";
import type { Rng } from "../core/rng.ts";
import { minorDigits } from "../specs/currencies.ts";
import { apOpenItems, arOpenItems, documentReferences } from "../specs/records/flows.ts";
import { journalEntries } from "../specs/records/ledger.ts";
import type { CompanyInfo, RunContext } from "./context.ts";
import { fxOf, rateText, type FxTable } from "./fx.ts";
import type { Totals } from "./totals.ts";
import type { RowWriter } from "../specs/records/table.ts";
import type { Account } from "./chart.ts";
import { Lines } from "./lines.ts";
import { writeDocument, type DocHeader } from "./journal.ts";
import type { DocumentType } from "../specs/records/ledger.ts";
import type { TableOut } from "../specs/records/table.ts";

export interface FlowEnv {
  cx: RunContext;
  rng: Rng;
  totals: Totals;
  out: TableOut;
  fx: FxTable;
  journal: RowWriter;
  refs: RowWriter;
  reval: Revaluation;
  /** First day after the scenario: documents dated from here on are not generated. */
  endDay: number;
  /** The one line buffer documents are built in: each is posted before the next is built. */
  scratch: Lines;
  ccIds: (company: CompanyInfo) => (i: number) => string;
}

export function flowEnv(cx: RunContext, rng: Rng, totals: Totals, out: TableOut): FlowEnv {
  const last = cx.periods[cx.periods.length - 1]!;
  const ccCache = new Map<string, (i: number) => string>();
  return {
    cx,
    rng,
    totals,
    out,
    fx: fxOf(cx),
    journal: out.table(journalEntries),
    refs: out.table(documentReferences),
    reval: new Revaluation(),
    endDay: last.firstDay + last.days,
    scratch: new Lines(),
    ccIds: (c) => {
      let f = ccCache.get(c.code);
      if (!f) ccCache.set(c.code, (f = (i: number) => `CC-${c.code}-${String(i + 1).padStart(4, "0")}`));
      return f;
    },
  };
}

/** Index of the period holding a day, or -1 outside the scenario. */
const periodIndex = new WeakMap<RunContext, { first: number; index: Int16Array }>();

/** The reset scratch buffer for the next document (chains allocate no line arrays per document). */
export function newLines(env: FlowEnv): Lines {
  env.scratch.reset();
  return env.scratch;
}

export function periodOfDay(cx: RunContext, day: number): number {
  let t = periodIndex.get(cx);
  if (!t) {
    // A lookup table over the scenario's days: chains ask this for every document.
    const first = cx.periods[0]!.firstDay;
    const last = cx.periods[cx.periods.length - 1]!;
    const index = new Int16Array(last.firstDay + last.days - first);
    for (const p of cx.periods) index.fill(p.index, p.firstDay - first, p.firstDay - first + p.days);
    periodIndex.set(cx, (t = { first, index }));
  }
  const i = day - t.first;
  return i >= 0 && i < t.index.length ? t.index[i]! : -1;
}

/** A document in some currency: its digits and the published rate to the company currency. */
export interface Money {
  currency: string;
  digits: number;
}

export function moneyOf(currency: string): Money {
  return { currency, digits: minorDigits(currency) };
}

export { rateText };

/** Posts a document's lines as one journal entry in the period of `day`. */
export function post(env: FlowEnv, company: CompanyInfo, day: number, h: Omit<DocHeader, "company" | "day" | "postingDate" | "documentDate" | "period"> & { documentDay?: number }, lines: Lines): void {
  const p = periodOfDay(env.cx, day);
  if (p < 0) throw new Error(`internal: posting outside the scenario on ${formatIso(day)}`);
  const period = env.cx.periods[p]!;
  const header: DocHeader = {
    ...h,
    company,
    day,
    postingDate: formatIso(day),
    documentDate: formatIso(h.documentDay ?? day),
    period,
  };
  writeDocument(env.journal, header, lines, env.totals, env.ccIds(company));
  if (h.sourceId) reference(env, company, h.sourceId, h.sourceType!, h.documentId, "journal_entry", "posted_as");
}

export function reference(env: FlowEnv, company: CompanyInfo, from: string, fromType: string, to: string, toType: string, relation: string): void {
  const w = env.refs;
  w.id(company.code);
  w.id(from);
  w.id(fromType);
  w.id(to);
  w.id(toType);
  w.id(relation);
  w.end();
}

export const AGING = ["current", "1-30", "31-60", "61-90", "over_90"] as const;

export function agingBucket(daysOverdue: number): number {
  return daysOverdue <= 0 ? 0 : daysOverdue <= 30 ? 1 : daysOverdue <= 60 ? 2 : daysOverdue <= 90 ? 3 : 4;
}

const BUCKET_KINDS: Record<"ap" | "ar", string[]> = {
  ap: ["ap_current", "ap_1_30", "ap_31_60", "ap_61_90", "ap_over_90"],
  ar: ["ar_current", "ar_1_30", "ar_31_60", "ar_61_90", "ar_over_90"],
};

/** An invoice as the subledger sees it. */
export interface OpenInvoice {
  side: "ap" | "ar";
  company: CompanyInfo;
  id: string;
  partner: string;
  invoiceDay: number;
  dueDay: number;
  doc: Money;
  /** Gross in document currency. */
  gross: number;
  /** Gross in company currency as booked (historical). */
  booked: number;
  /** The control account (AP or AR, or an intercompany account). */
  control: Account;
  paymentBlock?: boolean;
  /** When a blocked invoice is released for payment (AP open items show the block until then). */
  releaseDay?: number;
  /** The invoice's own rate to the company currency, as published: settlements clear the control account at it. */
  rate?: string;
  /** Whether the item belongs in the AP / AR subledger tables (intercompany items do not). */
  inSubledger: boolean;
  /** Document type for references (default: vendor_invoice / customer_invoice). */
  docType?: string;
  /** Source document of its settlements' entries (default: the settlement itself). */
  settlementSource?: string;
}

export interface Settlement {
  day: number;
  /** Amount settled in document currency (payment or write-off). */
  amount: number;
  /** Cash discount taken, document currency. */
  discount: number;
  kind: "full" | "partial" | "remainder" | "write_off";
  id: string;
  /** Company-currency amounts, filled by settle(). */
  bookedShare?: number;
  companyAmount?: number;
  rate?: number;
}

/**
 * Posts the settlements of an invoice. Each clears its share of the booked (historical) amount
 * from the control account; cash goes at the settlement-day rate, the difference is a
 * realised FX gain or loss. The last settlement clears the rest exactly.
 */
export function settle(env: FlowEnv, inv: OpenInvoice, settlements: Settlement[], bank: Account, h: { docType: DocumentType; event: string; text: string; sourceType: string }, discountAccount?: Account, writeOff?: Account): void {
  const { cx, fx } = env;
  const c = inv.company;
  let clearedDoc = 0;
  let clearedBooked = 0;
  for (const s of settlements) {
    const docPart = s.amount + s.discount;
    clearedDoc += docPart;
    const share = clearedDoc === inv.gross ? inv.booked - clearedBooked : Math.round((inv.booked * clearedDoc) / inv.gross) - clearedBooked;
    clearedBooked += share;
    const rate = fx.rate(inv.doc.currency, c.currency, s.day);
    const cash = Math.round(s.amount * rate * 10 ** (c.digits - inv.doc.digits));
    const disc = Math.round(s.discount * rate * 10 ** (c.digits - inv.doc.digits));
    s.bookedShare = share;
    s.companyAmount = cash;
    s.rate = rate;
    const lines = newLines(env);
    const ap = inv.side === "ap";
    // Control side: AP is debited (cleared), AR credited.
    const diff = ap ? share - cash - disc : cash + disc - share;
    // The control line clears at the invoice's rate; when that makes no difference the day's rate says the same.
    lines.add(inv.control, ap ? share : 0, ap ? 0 : share, -1, inv.partner, docPart, diff === 0 ? "" : inv.rate ?? "");
    const counter = s.kind === "write_off" ? writeOff! : bank;
    if (cash > 0) lines.add(counter, ap ? 0 : cash, ap ? cash : 0, -1, s.kind === "write_off" ? inv.partner : "", s.amount);
    if (disc > 0 && discountAccount) lines.add(discountAccount, ap ? 0 : disc, ap ? disc : 0, -1, "", s.discount);
    fxDifference(cx, lines, diff);
    post(env, c, s.day, {
      documentId: `JE-${s.id}`,
      docType: s.kind === "write_off" ? "AB" : h.docType,
      source: "automated",
      event: s.kind === "write_off" ? "bad_debt_write_off" : h.event,
      postedBy: "SYS-PAYRUN",
      text: s.kind === "write_off" ? "Bad debt write-off" : h.text,
      fx: foreign(inv.doc, c, rate),
      sourceId: inv.settlementSource ?? s.id,
      sourceType: s.kind === "write_off" ? "write_off" : h.sourceType,
    }, lines);
    // Intercompany settlements are no documents of their own: the entry points at the reference.
    if (!inv.settlementSource) reference(env, c, inv.id, inv.docType ?? (inv.side === "ap" ? "vendor_invoice" : "customer_invoice"), s.id, s.kind === "write_off" ? "write_off" : h.sourceType, s.kind === "write_off" ? "written_off_by" : inv.side === "ap" ? "paid_by" : "settled_by");
  }
}

/** Balances a document whose debits exceed its credits by `diff` (or fall short): FX gain or loss. */
export function fxDifference(cx: RunContext, lines: Lines, diff: number): void {
  if (diff > 0) lines.add(cx.chart.one("fx_gain"), 0, diff, -1, "", 0);
  else if (diff < 0) lines.add(cx.chart.one("fx_loss"), -diff, 0, -1, "", 0);
}

export function foreign(doc: Money, c: CompanyInfo, rate: number): DocHeader["fx"] {
  return doc.currency === c.currency ? undefined : { currency: doc.currency, digits: doc.digits, rate: rateText(rate) };
}

/**
 * Writes the invoice's open-item rows at every period end while it is open, adds the open
 * amounts (and aging buckets) to the subledger totals, and queues the revaluation of foreign
 * items. `dunning` gives the AR dunning level for a number of days overdue.
 */
export function openItems(env: FlowEnv, inv: OpenInvoice, settlements: Settlement[], dunning?: (daysOverdue: number) => number): void {
  const { cx } = env;
  const c = inv.company;
  const first = Math.max(0, periodOfDay(cx, inv.invoiceDay));
  for (let p = first; p < cx.periods.length; p++) {
    const period = cx.periods[p]!;
    const end = period.firstDay + period.days - 1;
    if (inv.invoiceDay > end) continue;
    let settledDoc = 0;
    let settledBooked = 0;
    for (const s of settlements) {
      if (s.day > end) break;
      settledDoc += s.amount + s.discount;
      settledBooked += s.bookedShare!;
    }
    const openDoc = inv.gross - settledDoc;
    if (openDoc <= 0) break;
    const historical = inv.booked - settledBooked;
    const value = inv.doc.currency === c.currency ? historical : env.fx.convert(openDoc, inv.doc.currency, inv.doc.digits, c.currency, c.digits, end);
    if (value !== historical) env.reval.add(c, p, inv.control, inv.partner, value - historical, inv.side === "ap");
    env.totals.subledger(c.index, p, inv.control.role === "ap_control" ? "ap" : inv.control.role === "ar_control" ? "ar" : inv.side === "ap" ? "ic_payable" : "ic_receivable", value);
    if (!inv.inSubledger) continue;
    const overdue = Math.max(0, end - inv.dueDay);
    const bucket = agingBucket(overdue);
    env.totals.subledger(c.index, p, BUCKET_KINDS[inv.side][bucket]!, value);
    writeOpenItem(env, inv, period, end, openDoc, value, overdue, bucket, dunning);
  }
}

function writeOpenItem(env: FlowEnv, inv: OpenInvoice, period: Period, end: number, openDoc: number, value: number, overdue: number, bucket: number, dunning?: (d: number) => number): void {
  const c = inv.company;
  const w = env.out.table(inv.side === "ap" ? apOpenItems : arOpenItems);
  w.id(c.code);
  w.int(period.fiscalYear);
  w.int(period.fiscalPeriod);
  w.date(formatIso(end));
  w.id(inv.id);
  w.id(inv.partner);
  w.date(formatIso(inv.invoiceDay));
  w.date(formatIso(inv.dueDay));
  w.id(inv.doc.currency);
  w.money(openDoc, inv.doc.digits);
  w.money(value, c.digits);
  w.int(overdue);
  w.id(AGING[bucket]!);
  if (inv.side === "ap") w.bool((inv.paymentBlock ?? false) && (inv.releaseDay === undefined || inv.releaseDay > end));
  else w.int(dunning ? dunning(overdue) : 0);
  w.end();
}

/**
 * Period-end revaluation of foreign open items: one entry per company and period end for the
 * block's items (control account lines against FX gain / loss), reversed on the next day.
 */
export class Revaluation {
  private readonly items = new Map<string, { company: CompanyInfo; period: number; lines: { account: Account; partner: string; delta: number; ap: boolean }[] }>();

  add(company: CompanyInfo, period: number, account: Account, partner: string, delta: number, ap: boolean): void {
    const key = `${company.index}:${period}`;
    let e = this.items.get(key);
    if (!e) this.items.set(key, (e = { company, period, lines: [] }));
    e.lines.push({ account, partner, delta, ap });
  }

  /** Posts the revaluations and their reversals; `tag` keeps document ids unique per block. */
  post(env: FlowEnv, tag: string): void {
    for (const e of [...this.items.values()].sort((a, b) => a.company.index - b.company.index || a.period - b.period)) {
      const period = env.cx.periods[e.period]!;
      const end = period.firstDay + period.days - 1;
      const id = `RV-${e.company.code}-${period.fiscalYear}-${String(period.fiscalPeriod).padStart(2, "0")}-${tag}`;
      this.postOne(env, e, end, id, false);
      if (e.period + 1 < env.cx.periods.length) this.postOne(env, e, end + 1, `${id}-R`, true);
    }
    this.items.clear();
  }

  private postOne(env: FlowEnv, e: { company: CompanyInfo; lines: { account: Account; partner: string; delta: number; ap: boolean }[] }, day: number, id: string, reverse: boolean): void {
    const lines = newLines(env);
    let net = 0;
    for (const l of e.lines) {
      // delta > 0: the item is worth more in company currency (AR: debit; AP: credit, a larger liability).
      const d = reverse ? -l.delta : l.delta;
      const debit = l.ap ? d < 0 : d > 0;
      lines.add(l.account, debit ? Math.abs(d) : 0, debit ? 0 : Math.abs(d), -1, l.partner, 0);
      net += debit ? Math.abs(d) : -Math.abs(d);
    }
    // net > 0: more debits than credits on control accounts -> a gain is credited.
    if (net > 0) lines.add(env.cx.chart.one("fx_gain"), 0, net, -1, "", 0);
    else if (net < 0) lines.add(env.cx.chart.one("fx_loss"), -net, 0, -1, "", 0);
    post(env, e.company, day, {
      documentId: `JE-${id}`,
      docType: "FX",
      source: "automated",
      event: reverse ? "fx_revaluation_reversal" : "fx_revaluation",
      postedBy: "SYS-CLOSE",
      text: reverse ? "Reversal of FX revaluation" : "FX revaluation of open items",
    }, lines);
  }
}
