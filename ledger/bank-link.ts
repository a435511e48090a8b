// The scenario's own bank and the group's statements: when the banking phase runs with
// `group_accounts = on`, some companies bank at the scenario's bank. The banking phase lends
// SCENARIO_BANK (which companies bank there); a phase that builds bank statements
// (financial_reporting) lends a sink under BANK_STATEMENT_FEED, and the banking phase records
// into it every transaction it writes on those accounts, so the company's statement lines are
// the bank's transactions one to one and what the bank charges is decided once, by the bank.
// Without either provider nothing changes: each phase keeps its own behaviour.
import type { CompanyInfo, RunContext } from "./context.ts";
import type { RunState } from "./state.ts";

export const SCENARIO_BANK = "scenario_bank";

export interface ScenarioBank {
  /** Whether the company's bank-role accounts are held at the scenario's bank (a pure function of the plan). */
  holds(cx: RunContext, company: CompanyInfo): boolean;
}

export const BANK_STATEMENT_FEED = "bank_statement_feed";

/** One transaction the bank booked on a company's account. */
export interface BankFeedLine {
  company: number;
  /** The company's GL bank account (chart index) the bank account is. */
  account: number;
  /** The bank's transaction id (bank_transactions.transaction_id). */
  id: string;
  valueDay: number;
  /** Money in positive, company minor units (the account is in the company's currency). */
  amount: number;
  /** What the bank booked: the company's own payment or receipt (with its journal document), or the bank's charges or interest. */
  kind: "company" | "charges" | "interest";
  /** The company's journal document the transaction carries in its reference ("" for the bank's own items). */
  documentId: string;
  /** The bank's transaction type (transfer_in, transfer_out, internal_transfer, cash_deposit, fee, interest ...). */
  type: string;
  counterparty: string;
  text: string;
}

/** What the statement-building phase lends: how a bank transaction is recorded in its state. */
export interface BankFeedSink {
  record(state: RunState, line: BankFeedLine): void;
}

/**
 * The source document type of a journal entry that books a line of the company's bank statement
 * (its bank's charges, interest): the bank has made that movement already, so a bank that
 * turns the company's journal into its transactions skips it.
 */
export const STATEMENT_BOOKING = "bank_statement_line";
