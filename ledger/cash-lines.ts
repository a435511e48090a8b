// Cash lines: every journal line that moves a bank account, with its document, for a phase that
// builds bank statements from the company's own postings (financial_reporting). The phase lends
// a sink under the capability CASH_LINES; writeDocument reports each bank line to the posting
// target, which collects it (block totals, packed into the sink's state slice) or records it in
// the run state at once (main-thread steps). Without a sink nothing is collected.
import type { RunState } from "./state.ts";

export const CASH_LINES = "cash_lines";

/** One bank-account line of a journal entry, as posted. */
export interface CashLine {
  company: number;
  /** Account index in the chart. */
  account: number;
  /** Posting day (days since 1970-01-01). */
  day: number;
  /** Debit minus credit, company minor units (money in is positive). */
  amount: number;
  documentId: string;
  /** 1-based line number in the document. */
  line: number;
  docType: string;
  event: string;
  /** The document's partner (vendor, customer, employee or company), or "". */
  partner: string;
  /** The business document behind the entry (payment, receipt, ...), or "". */
  sourceId: string;
}

/** What the phase lends: the slice block deltas go to, and how a main-thread posting is recorded. */
export interface CashLineSink {
  slice: string;
  record(state: RunState, line: CashLine): void;
}

/** A block's cash lines, packed: numbers (company, account, day, amount, line) and strings (document, type, event, partner, source). */
export interface CashLineDelta {
  nums: Float64Array;
  strs: string[];
}

export const CASH_NUMS = 5;
export const CASH_STRS = 5;

export class CashLineBuffer {
  private readonly nums: number[] = [];
  private readonly strs: string[] = [];

  get size(): number {
    return this.nums.length / CASH_NUMS;
  }

  add(l: CashLine): void {
    this.nums.push(l.company, l.account, l.day, l.amount, l.line);
    this.strs.push(l.documentId, l.docType, l.event, l.partner, l.sourceId);
  }

  pack(): CashLineDelta {
    return { nums: Float64Array.from(this.nums), strs: this.strs };
  }
}

/** The lines of a packed delta. */
export function* cashLinesOf(d: CashLineDelta): Generator<CashLine> {
  for (let i = 0, k = 0; i < d.nums.length; i += CASH_NUMS, k += CASH_STRS) {
    yield {
      company: d.nums[i]!, account: d.nums[i + 1]!, day: d.nums[i + 2]!, amount: d.nums[i + 3]!, line: d.nums[i + 4]!,
      documentId: d.strs[k]!, docType: d.strs[k + 1]!, event: d.strs[k + 2]!, partner: d.strs[k + 3]!, sourceId: d.strs[k + 4]!,
    };
  }
}
