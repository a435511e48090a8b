// The group's bank feed (group_accounts = on): an overlay on the journal that keeps, for every
// line on a bank account of a company banking here, what the bank's statement needs (company,
// account, value date, amount, document). Lines come back as BANK_FEED deltas, folded in block
// order and after each main step, so the statement the books step writes is the same for any
// worker count, shard split or resume.
import type { Account } from "../../ledger/chart.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { Slice } from "../../ledger/state.ts";
import { parseIso } from "../../core/calendar.ts";
import type { OverlayStep } from "../api.ts";
import { bankOf, type Bank } from "./bank.ts";
import { STATEMENT_BOOKING } from "../../ledger/bank-link.ts";

export interface FeedLine {
  company: number;
  /** The company's bank account (its bank-role ledger accounts in number order). */
  k: number;
  day: number;
  /** Money in (+) or out (-), minor units of the company (= the bank's) currency. */
  amount: number;
  doc: string;
  docType: string;
  event: string;
  partner: string;
  text: string;
}

/** A block's lines: five numbers and five strings each. */
export interface FeedDelta {
  nums: number[];
  strs: string[];
}

export interface Feed {
  lines: FeedLine[];
}

function decode(d: FeedDelta, into: FeedLine[]): void {
  for (let i = 0, j = 0; i < d.nums.length; i += 4, j += 5) {
    into.push({ company: d.nums[i]!, k: d.nums[i + 1]!, day: d.nums[i + 2]!, amount: d.nums[i + 3]!, doc: d.strs[j]!, docType: d.strs[j + 1]!, event: d.strs[j + 2]!, partner: d.strs[j + 3]!, text: d.strs[j + 4]! });
  }
}

export const BANK_FEED: Slice<Feed, FeedDelta> = {
  name: "bank_feed",
  create: () => ({ lines: [] }),
  fold: (s, d) => decode(d, s.lines),
  add: (into, from) => void into.lines.push(...from.lines),
  toJSON: (s) => s.lines,
  fromJSON: (_cx, json) => ({ lines: json as FeedLine[] }),
};

export interface GroupCompany {
  company: CompanyInfo;
  accounts: Account[];
}

const groups = new WeakMap<RunContext, GroupCompany[]>();

/** The companies that bank here: every company in the bank's currency, with its bank-role ledger accounts. */
export function groupCompanies(cx: RunContext, bank: Bank): GroupCompany[] {
  let g = groups.get(cx);
  if (!g) {
    const accounts = cx.chart.posting.filter((a) => a.liquid === 0).sort((a, b) => (a.number < b.number ? -1 : 1));
    g = bank.p.group_accounts ? cx.companies.filter((c) => c.currency === bank.currency).map((company) => ({ company, accounts })) : [];
    groups.set(cx, g);
  }
  return g;
}

/** Decimal text of a money column -> integer minor units. */
function minor(text: unknown, digits: number): number {
  const s = String(text);
  const neg = s.startsWith("-");
  const [i = "0", f = ""] = (neg ? s.slice(1) : s).split(".");
  const v = Number(i) * 10 ** digits + Number((f + "000").slice(0, digits) || "0");
  return neg ? -v : v;
}

export const feedStep: OverlayStep = {
  kind: "overlay",
  transform(cx, at) {
    if (at.table.name !== "journal_entries") return;
    const bank = bankOf(cx.plan);
    const list = groupCompanies(cx, bank);
    if (list.length === 0) return;
    const byCode = new Map(list.map((g) => [g.company.code, g]));
    const nums: number[] = [];
    const strs: string[] = [];
    // The bank line carries no partner: the document's receivable or payable line does.
    const partners = new Map<string, string>();
    for (const r of at.rows) if (r.partner_id !== null && r.partner_id !== undefined && !partners.has(String(r.document_id))) partners.set(String(r.document_id), String(r.partner_id));
    for (const r of at.rows) {
      const g = byCode.get(String(r.company_code));
      if (!g) continue;
      // The company booking what its statement showed (the bank's own charges): the bank made that movement already.
      if (r.source_document_type === STATEMENT_BOOKING) continue;
      const k = g.accounts.findIndex((a) => a.number === r.account_number);
      if (k < 0) continue;
      const d = g.company.digits;
      nums.push(g.company.index, k, parseIso(String(r.posting_date)), minor(r.debit_amount, d) - minor(r.credit_amount, d));
      strs.push(String(r.document_id), String(r.document_type), String(r.business_event), partners.get(String(r.document_id)) ?? "", String(r.line_text));
    }
    if (nums.length === 0) return;
    if (!at.deltas) throw new Error("internal: the bank feed needs the producing step's deltas");
    const prev = at.deltas[BANK_FEED.name] as FeedDelta | undefined;
    at.deltas[BANK_FEED.name] = prev ? { nums: [...prev.nums, ...nums], strs: [...prev.strs, ...strs] } : { nums, strs };
  },
};
