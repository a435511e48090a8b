// Journal entries: writing a balanced document's lines, shared by every phase that posts.
import type { Period } from "../core/calendar.ts";
import type { CompanyInfo } from "./context.ts";
import type { RowWriter } from "../specs/records/table.ts";
import type { Lines } from "./lines.ts";

export interface DocHeader {
  company: CompanyInfo;
  documentId: string;
  postingDate: string;
  documentDate: string;
  period: Period;
  docType: string;
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
 * Writes a document's lines and adds them to `totals` (debit at 2i, credit at 2i+1 by account
 * index). Throws if the document does not balance: an unbalanced entry is a generator bug.
 */
export function writeDocument(w: RowWriter, h: DocHeader, lines: Lines, totals: Float64Array, ccIds: (i: number) => string): void {
  let dr = 0;
  let cr = 0;
  const c = h.company;
  const fy = h.period.fiscalYear;
  const fp = h.period.fiscalPeriod;
  for (let i = 0; i < lines.n; i++) {
    const a = lines.account[i]!;
    const d = lines.debit[i]!;
    const k = lines.credit[i]!;
    dr += d;
    cr += k;
    totals[a.index * 2] = totals[a.index * 2]! + d;
    totals[a.index * 2 + 1] = totals[a.index * 2 + 1]! + k;
    w.id(c.code);
    if (h.documentSeq === undefined) w.id(h.documentId);
    else w.padded(h.documentId, h.documentSeq, 9);
    w.int(i + 1);
    w.date(h.postingDate);
    w.date(h.documentDate);
    w.int(fy);
    w.int(fp);
    w.id(a.number);
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
      w.decimal(h.fx.rate);
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
  if (dr !== cr) throw new Error(`internal: document ${h.documentId}${h.documentSeq ?? ""} does not balance (${dr} != ${cr})`);
}

export function documentNumber(prefix: string, company: string, n: number): string {
  return `${prefix}-${company}-${String(n).padStart(9, "0")}`;
}
