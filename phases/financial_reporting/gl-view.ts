// The ledger's side of each bank account as written: an overlay on the journal keeps every line
// on a bank account as it leaves the producing step (after any overlay before it has changed
// it), so the reconciliation can match the GL to what the company's posting showed the bank
// (its cash lines), document by document. A document whose bank-account lines differ (an entry
// changed, duplicated or moved after it was posted) is an unexplained difference: the
// reconciliation lists it, pointing at the journal document, and carries it forward. Nothing
// here reads labels: it compares the two records of the same postings.
import type { RunContext } from "../../ledger/context.ts";
import type { Slice } from "../../ledger/state.ts";
import type { CashLine } from "../../ledger/cash-lines.ts";
import { parseIso } from "../../core/calendar.ts";
import type { OverlayStep } from "../api.ts";
import { financialReportingSpec } from "./spec.ts";

/** A block's (or main step's) GL bank lines: numbers (company, account, day, amount) and the document id. */
export interface GlViewDelta {
  nums: number[];
  docs: string[];
}

export interface GlLine {
  company: number;
  account: number;
  day: number;
  amount: number;
  documentId: string;
}

export interface GlView {
  /** GL lines received and not yet matched. */
  incoming: GlLine[];
}

function decode(d: GlViewDelta, into: GlLine[]): void {
  for (let i = 0, k = 0; i < d.nums.length; i += 4, k++) into.push({ company: d.nums[i]!, account: d.nums[i + 1]!, day: d.nums[i + 2]!, amount: d.nums[i + 3]!, documentId: d.docs[k]! });
}

export const GL_VIEW: Slice<GlView, GlViewDelta> = {
  name: "financial_reporting_gl",
  create: () => ({ incoming: [] }),
  fold: (s, d) => decode(d, s.incoming),
  add: (into, from) => void into.incoming.push(...from.incoming),
  toJSON: (s) => s,
  fromJSON: (_cx, json) => json as GlView,
};

/** Decimal text of a money column -> integer minor units. */
function minor(text: unknown, digits: number): number {
  if (typeof text === "number") return Math.round(text * 10 ** digits);
  const s = String(text ?? "0");
  const neg = s.startsWith("-");
  const [i = "0", f = ""] = (neg ? s.slice(1) : s).split(".");
  const v = Number(i || "0") * 10 ** digits + Number((f + "000000").slice(0, digits) || "0");
  return neg ? -v : v;
}

const bankIndex = new WeakMap<RunContext, Map<string, number>>();

function bankAccountsByNumber(cx: RunContext): Map<string, number> {
  let m = bankIndex.get(cx);
  if (!m) {
    m = new Map(cx.chart.posting.filter((a) => a.liquid === 0).map((a) => [a.number, a.index]));
    bankIndex.set(cx, m);
  }
  return m;
}

export const glViewStep: OverlayStep = {
  kind: "overlay",
  transform(cx, at) {
    if (at.table.name !== "journal_entries" || at.phase.id === financialReportingSpec.id) return;
    const banks = bankAccountsByNumber(cx);
    const nums: number[] = [];
    const docs: string[] = [];
    for (const r of at.rows) {
      const account = banks.get(String(r.account_number));
      if (account === undefined) continue;
      const ci = cx.companyIndex.get(String(r.company_code));
      if (ci === undefined) continue;
      const d = cx.companies[ci]!.digits;
      nums.push(ci, account, parseIso(String(r.posting_date)), minor(r.debit_amount, d) - minor(r.credit_amount, d));
      docs.push(String(r.document_id));
    }
    if (nums.length === 0) return;
    if (!at.deltas) throw new Error("internal: the GL view needs the producing step's deltas");
    const prev = at.deltas[GL_VIEW.name] as GlViewDelta | undefined;
    at.deltas[GL_VIEW.name] = prev ? { nums: [...prev.nums, ...nums], docs: [...prev.docs, ...docs] } : { nums, docs };
  },
};

/** A journal document's lines on a bank account that differ from what the bank was shown: ledger minus bank, on a day. */
export interface Unexplained {
  company: number;
  account: number;
  day: number;
  amount: number;
  documentId: string;
}

/**
 * Matches the GL lines received with the cash lines received (both arrive with the step that
 * posted them), document by document, account by account and day by day; returns what differs.
 * `own` tells the phase's own bookings (not seen by its overlay: the journal it writes itself).
 */
export function unmatched(cash: readonly CashLine[], gl: readonly GlLine[], own: (l: CashLine) => boolean): Unexplained[] {
  const net = new Map<string, Unexplained>();
  const add = (company: number, account: number, day: number, documentId: string, amount: number) => {
    const key = `${company}|${documentId}|${account}|${day}`;
    const u = net.get(key);
    if (u) u.amount += amount;
    else net.set(key, { company, account, day, amount, documentId });
  };
  for (const l of cash) if (!own(l)) add(l.company, l.account, l.day, l.documentId, -l.amount);
  for (const l of gl) add(l.company, l.account, l.day, l.documentId, l.amount);
  return [...net.values()].filter((u) => u.amount !== 0);
}
