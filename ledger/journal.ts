// Journal entries: writing a balanced document's lines, shared by every phase that posts.
import type { Period } from "../core/calendar.ts";
import type { CompanyInfo } from "./context.ts";
import type { RowWriter } from "../specs/records/table.ts";
import type { DocumentType } from "../specs/records/ledger.ts";
import type { Lines } from "./lines.ts";
import type { RunState } from "./state.ts";
import { LEDGER, LIQUIDITY } from "./slices.ts";
import type { Account } from "./chart.ts";
import { COST_CENTERS, keepsCostCenter, keepsCostCenters } from "./cost-centers.ts";

/** Where a posted document's figures go: block totals in a worker, the run state on the main thread. */
export interface PostingTarget {
  /** The debit/credit cell of a company and period (debit at 2i, credit at 2i+1 by account index). */
  cell(company: number, period: number): Float64Array;
  /** A movement of a cash (slot 1) or bank (slot 0) account on a day: the treasury keeps daily balances. */
  liquid(company: number, day: number, slot: number, amount: number): void;
  /** A P&L line's net on a cost center (only when the run keeps cost-center actuals, ledger/cost-centers.ts). */
  costCenter?(company: number, period: number, account: Account, cc: number, net: number): void;
}

/** The target that posts into the run state (main-thread steps). */
export function stateTarget(state: RunState): PostingTarget {
  const ledger = state.get(LEDGER);
  const liquidity = state.get(LIQUIDITY);
  const target: PostingTarget = { cell: (c, p) => ledger.cell(c, p), liquid: (c, d, slot, a) => liquidity.add(c, d, slot, a) };
  if (keepsCostCenters(state.cx)) {
    const byCc = state.get(COST_CENTERS);
    target.costCenter = (c, p, a, cc, net) => keepsCostCenter(a, cc) && byCc.add(c, p, a.index, cc, net);
  }
  return target;
}

export interface DocHeader {
  company: CompanyInfo;
  documentId: string;
  /** The posting day (days since 1970-01-01) and its date. */
  day: number;
  postingDate: string;
  documentDate: string;
  period: Period;
  docType: DocumentType;
  source: string;
  event: string;
  postedBy: string;
  text: string;
  /** Foreign document currency, its digits and the published rate; absent: the company's own. */
  fx?: { currency: string; digits: number; rate: string };
  sourceId?: string;
  sourceType?: string;
  /** When set, documentId is a prefix and the id is prefix + this number padded to 9 digits. */
  documentSeq?: number;
}

/**
 * Writes a document's lines and posts them to `target`. Throws if the document does not balance
 * (in company currency, and in document currency when it has one) or has a zero line: either is
 * a generator bug, never data.
 */
export function writeDocument(w: RowWriter, h: DocHeader, lines: Lines, target: PostingTarget, ccIds: (i: number) => string): void {
  const c = h.company;
  const totals = target.cell(c.index, h.period.index);
  let dr = 0;
  let cr = 0;
  let docBalance = 0;
  for (let i = 0; i < lines.n; i++) {
    const a = lines.account[i]!;
    const d = lines.debit[i]!;
    const k = lines.credit[i]!;
    if (d + k === 0 || d < 0 || k < 0) throw new Error(`internal: document ${h.documentId}${h.documentSeq ?? ""} line ${i + 1} has no amount`);
    dr += d;
    cr += k;
    totals[a.index * 2] = totals[a.index * 2]! + d;
    totals[a.index * 2 + 1] = totals[a.index * 2 + 1]! + k;
    if (a.liquid >= 0) target.liquid(c.index, h.day, a.liquid, d - k);
    if (target.costCenter) target.costCenter(c.index, h.period.index, a, lines.costCenter[i]!, d - k);
    if (h.fx) docBalance += (d > 0 ? 1 : -1) * (lines.docAmount[i]! >= 0 ? lines.docAmount[i]! : d + k);
    writeLine(w, h, lines, i, ccIds);
  }
  if (dr !== cr) throw new Error(`internal: document ${h.documentId}${h.documentSeq ?? ""} does not balance (${dr} != ${cr})`);
  if (docBalance !== 0) throw new Error(`internal: document ${h.documentId}${h.documentSeq ?? ""} does not balance in ${h.fx!.currency} (${docBalance})`);
}

function writeLine(w: RowWriter, h: DocHeader, lines: Lines, i: number, ccIds: (i: number) => string): void {
  const c = h.company;
  const d = lines.debit[i]!;
  const k = lines.credit[i]!;
  w.id(c.code);
  if (h.documentSeq === undefined) w.id(h.documentId);
  else w.padded(h.documentId, h.documentSeq, 9);
  w.int(i + 1);
  w.date(h.postingDate);
  w.date(h.documentDate);
  w.int(h.period.fiscalYear);
  w.int(h.period.fiscalPeriod);
  w.id(lines.account[i]!.number);
  w.money(d, c.digits);
  w.money(k, c.digits);
  w.id(c.currency);
  w.id(h.docType);
  w.id(h.source);
  w.id(h.event);
  w.id(h.postedBy);
  const cc = lines.costCenter[i]!;
  if (cc >= 0) w.id(ccIds(cc));
  else w.empty();
  const p = lines.partner[i]!;
  if (p) w.id(p);
  else w.empty();
  w.text(h.text);
  if (h.fx) {
    w.id(h.fx.currency);
    w.money(lines.docAmount[i]! >= 0 ? lines.docAmount[i]! : d + k, h.fx.digits);
    w.decimal(lines.rate[i] || h.fx.rate);
  } else {
    w.id(c.currency);
    w.money(d + k, c.digits);
    w.decimal("1");
  }
  if (h.sourceId) {
    w.id(h.sourceId);
    w.id(h.sourceType!);
  } else {
    w.empty();
    w.empty();
  }
  w.end();
}

export function documentNumber(prefix: string, company: string, n: number): string {
  return `${prefix}-${company}-${String(n).padStart(9, "0")}`;
}
