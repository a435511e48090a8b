// The bank's own books. Customer blocks fold their double entries (per period and ledger
// account), opening balances and overdrafts into the BANK_FLOWS slice; the `books` main step
// turns them, period by period, into journal entries: the opening balance sheet, the customers'
// flows, the overdraft reclassification, operating costs, interbank interest, cash logistics
// and the reserve management that keeps reserves at the central bank between 1% and 4% of
// deposits, and closes profit and loss at fiscal year end. Deposits are liabilities, loans,
// cards and overdrafts assets; every entry balances and the trial balance sums to zero.
import type { RunContext } from "../../ledger/context.ts";
import type { Slice } from "../../ledger/state.ts";

export type GlType = "asset" | "liability" | "equity" | "income" | "expense";

export const GL: readonly (readonly [string, string, GlType])[] = [
  ["1000", "Cash in vaults and ATMs", "asset"],
  ["1100", "Reserves at the central bank", "asset"],
  ["1200", "Due from banks (interbank placements)", "asset"],
  ["1300", "Loans to customers", "asset"],
  ["1310", "Overdrafts", "asset"],
  ["1320", "Credit card receivables", "asset"],
  ["1500", "Premises and equipment", "asset"],
  ["2000", "Customer current accounts", "liability"],
  ["2010", "Customer savings accounts", "liability"],
  ["2090", "Internal transfers in transit", "liability"],
  ["2100", "Due to banks (interbank borrowing)", "liability"],
  ["3000", "Share capital", "equity"],
  ["3100", "Retained earnings", "equity"],
  ["4000", "Interest income on loans", "income"],
  ["4010", "Interest income on overdrafts", "income"],
  ["4020", "Interest income on interbank placements", "income"],
  ["4100", "Fee and commission income", "income"],
  ["5000", "Interest expense on deposits", "expense"],
  ["5010", "Interest expense on interbank borrowing", "expense"],
  ["5100", "Operating expenses", "expense"],
];

export const GL_INDEX = new Map(GL.map(([n], i) => [n, i]));
export const G = GL.length;

/** Run counters the blocks add up (the run report shows them). */
export const COUNTERS = ["customers", "accounts", "normalRows", "labelledRows", "declinedRows", "deficit", "alerts", "truePositiveAlerts", "sars", "groupRows"] as const;
export type Counter = (typeof COUNTERS)[number];

/**
 * Flat layout: per period and account a debit and a credit, then the opening balance per
 * account (debit positive), then the overdrawn current balances per period end, then counters.
 */
export class BankFlows {
  readonly data: Float64Array;
  constructor(readonly periods: number) {
    this.data = new Float64Array(periods * G * 2 + G + periods + COUNTERS.length);
  }
  post(period: number, debit: string, credit: string, amount: number): void {
    const d = GL_INDEX.get(debit)!;
    const c = GL_INDEX.get(credit)!;
    this.data[(period * G + d) * 2] = this.data[(period * G + d) * 2]! + amount;
    this.data[(period * G + c) * 2 + 1] = this.data[(period * G + c) * 2 + 1]! + amount;
  }
  debit(period: number, g: number): number {
    return this.data[(period * G + g) * 2]!;
  }
  credit(period: number, g: number): number {
    return this.data[(period * G + g) * 2 + 1]!;
  }
  private get openAt(): number {
    return this.periods * G * 2;
  }
  addOpening(gl: string, amount: number): void {
    const i = this.openAt + GL_INDEX.get(gl)!;
    this.data[i] = this.data[i]! + amount;
  }
  opening(g: number): number {
    return this.data[this.openAt + g]!;
  }
  addOverdraft(period: number, amount: number): void {
    const i = this.openAt + G + period;
    this.data[i] = this.data[i]! + amount;
  }
  overdraft(period: number): number {
    return this.data[this.openAt + G + period]!;
  }
  count(c: Counter, n = 1): void {
    const i = this.openAt + G + this.periods + COUNTERS.indexOf(c);
    this.data[i] = this.data[i]! + n;
  }
  counter(c: Counter): number {
    return this.data[this.openAt + G + this.periods + COUNTERS.indexOf(c)]!;
  }
}

export const BANK_FLOWS: Slice<BankFlows, Float64Array> = {
  name: "bank_flows",
  create: (cx) => new BankFlows(cx.periods.length),
  fold: (s, d) => {
    for (let i = 0; i < d.length; i++) if (d[i] !== 0) s.data[i] = s.data[i]! + d[i]!;
  },
  add: (into, from) => BANK_FLOWS.fold(into, from.data),
  toJSON: (s) => Array.from(s.data),
  fromJSON: (cx: RunContext, json) => {
    const s = BANK_FLOWS.create(cx);
    s.data.set(json as number[]);
    return s;
  },
  transferables: (d) => [d.buffer as ArrayBuffer],
};

/** What the books step carries from period to period: balances (debit positive), the overdraft reclass to reverse, entries numbered. */
export interface LedgerState {
  balances: number[];
  reclass: number;
  entries: number;
  /** The group's accounts here (group_accounts = on): running balances by company code, and transactions numbered. */
  group: Record<string, number[]>;
  groupSeq: number;
}

export const BANK_LEDGER: Slice<LedgerState, never> = {
  name: "bank_ledger",
  create: () => ({ balances: GL.map(() => 0), reclass: 0, entries: 0, group: {}, groupSeq: 0 }),
  fold: () => {},
  // Shards run no main steps: their ledger state is always the initial one.
  add: () => {},
  toJSON: (s) => s,
  fromJSON: (_cx, json) => json as LedgerState,
};
