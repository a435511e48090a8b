// The phase's own slice of the run state. Block deltas bring the cash lines every posting phase
// writes (ledger/cash-lines.ts); main-thread postings add theirs directly. The main steps carry
// from period to period what the bank has not cleared yet, the bank's own items until they are
// booked, each bank account's balance as the bank sees it, and what the statements need for
// comparatives and years. Checkpointed like any slice, so a resumed or merged run continues
// exactly where it stopped.
import type { RunContext } from "../../ledger/context.ts";
import type { Slice } from "../../ledger/state.ts";
import { cashLinesOf, type CashLine, type CashLineDelta } from "../../ledger/cash-lines.ts";
import type { Method } from "./methods.ts";
import type { Unexplained } from "./gl-view.ts";
import type { BankFeedLine, BankFeedSink } from "../../ledger/bank-link.ts";

export const SLICE_NAME = "financial_reporting";

/** A company posting on a bank account, with the date the bank clears it. */
export interface PendingLine extends CashLine {
  valueDay: number;
  method: Method;
}

export type BankItemKind = "charges" | "interest" | "direct_debit" | "returned_payment";

/** An item the bank posts on its own (the company learns it from the statement and books it). */
export interface BankItem {
  /** Its statement line id. */
  id: string;
  company: number;
  account: number;
  kind: BankItemKind;
  valueDay: number;
  /** The day the company books it; beyond the scenario's last day when it never does within it. */
  bookDay: number;
  /** Bank's view: money in positive. */
  amount: number;
  /** The journal entry that books it ("" while unbooked and when booked after the scenario). */
  documentId: string;
  booked: boolean;
  partner: string;
  text: string;
  reference: string;
  /** The company's booking, besides the bank line: [account index, debit, credit, partner]. */
  counter: [number, number, number, string][];
}

export interface CompanyBank {
  /** Statement line ids and booking documents numbered so far. */
  lineSeq: number;
  docSeq: number;
  /** Cash lines posted and not yet on a statement. */
  pending: PendingLine[];
  items: BankItem[];
  /** The bank's closing balance of each account after the last statement, by account index. */
  balances: Record<number, number>;
  /** GL lines that differ from what the bank was shown (gl-view.ts): open unexplained differences, never cleared by the bank. */
  unexplained?: Unexplained[];
  /** Items the company could not book for want of funds (stay unbooked; reported). */
  deferred: number;
  /** Counts for the run report: statements, reconciled, with a difference, bank items by kind. */
  stats: Record<string, number>;
}

/** What a set of statements needs from earlier periods: comparatives and the year so far. */
export interface Carry {
  prevMonth: Record<string, number>;
  prevYear: Record<string, number>;
  /** Balances at the start of the fiscal year and movements of the year so far (debit positive). */
  yearStart: number[];
  ytd: number[];
}

export interface GroupCarry extends Carry {
  /** Non-controlling interests per component: at the end of the last period, at the year start, and the year's movements by row. */
  nci: number[];
  nciYearStart: number[];
  nciYtd: Record<string, number[]>;
}

export interface ReportingState {
  /** Cash lines received and not yet sorted by company. */
  incoming: CashLine[];
  /** Transactions the scenario's bank booked on the accounts of companies banking there, not yet on a statement (ledger/bank-link.ts). */
  fed?: BankFeedLine[];
  banks: CompanyBank[];
  /** Per company: local statements' carry, and the translated balances after the last period. */
  local: Carry[];
  translated: (Carry & { prev: number[] })[];
  group: GroupCarry | undefined;
}

const carry = (n: number): Carry => ({ prevMonth: {}, prevYear: {}, yearStart: new Array(n).fill(0), ytd: new Array(n).fill(0) });

export const REPORTING: Slice<ReportingState, CashLineDelta> = {
  name: SLICE_NAME,
  create: (cx: RunContext) => ({
    incoming: [],
    fed: [],
    banks: cx.companies.map(() => ({ lineSeq: 0, docSeq: 0, pending: [], items: [], unexplained: [], balances: {}, deferred: 0, stats: {} })),
    local: cx.companies.map(() => carry(cx.chart.accounts.length)),
    translated: cx.companies.map(() => ({ ...carry(cx.chart.accounts.length), prev: new Array(cx.chart.accounts.length).fill(0) })),
    group: undefined,
  }),
  fold: (s, d) => {
    for (const l of cashLinesOf(d)) s.incoming.push(l);
  },
  // Shards run only block steps: what they carry is the cash lines their blocks posted.
  add: (into, from) => {
    for (const l of from.incoming) into.incoming.push(l);
    for (const l of from.fed ?? []) (into.fed ??= []).push(l);
  },
  toJSON: (s) => s,
  fromJSON: (_cx, json) => json as ReportingState,
  transferables: (d) => [d.nums.buffer as ArrayBuffer],
};

/** Records a main-thread posting's cash line (the sink lent under CASH_LINES). */
export const CASH_SINK = {
  slice: SLICE_NAME,
  record: (state: { get<S>(s: Slice<S, never>): S }, line: CashLine) => state.get(REPORTING as unknown as Slice<ReportingState, never>).incoming.push(line),
};

/** Records a transaction the scenario's bank booked on a company's account (the sink lent under BANK_STATEMENT_FEED). */
export const FEED_SINK: BankFeedSink = {
  record: (state, line) => void (state.get(REPORTING as unknown as Slice<ReportingState, never>).fed ??= []).push(line),
};
