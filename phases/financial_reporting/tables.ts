// Record specs of the financial reporting phase: the account-to-line mapping, the statements,
// and the bank statements with their reconciliations.
import { c, table } from "../../specs/records/table.ts";
import { METHODS } from "./methods.ts";
import { STATEMENTS } from "./lines.ts";

const company = c.id("company code");
const fy = c.int("fiscal year");
const fp = c.int("fiscal period 1-12");
const account = c.id("bank account: BA-<company>-<GL account>");
const methods = c.code(METHODS, "payment method");

export const statementLines = table("statement_lines", "where every posting account goes in the statements: its line, cash flow line and equity component (from its role, its parent's, its class, or the scenario)", {
  account_number: c.id("posting account"),
  account_name: c.text("account name"),
  account_type: c.id("asset, liability, equity, revenue or expense"),
  role: c.optional(c.id("the account's role (empty for an account without one)")),
  statement: c.id("balance_sheet or income_statement"),
  line_code: c.id("line of the company statements (financial_statements.line_code)"),
  sign: c.int("how the account's net balance (debit positive) enters the line: 1 for assets; -1 for liabilities, equity and P&L (income positive, expenses negative)"),
  cash_flow_line: c.optional(c.id("cash flow line of the account's movements (empty for cash and cash equivalents)")),
  equity_component: c.optional(c.id("equity component in the statement of changes in equity (equity and P&L accounts)")),
  group_line_code: c.id("line in the consolidated statements: intercompany accounts are eliminated into consolidation_differences"),
  group_sign: c.int("sign in the consolidated statements"),
  group_cash_flow_line: c.optional(c.id("cash flow line in the consolidated statements")),
  mapped_by: c.id("role, parent (the parent account's role), class (type and number group) or scenario (phase financial_reporting { account <number> { line = ... } })"),
});

export const financialStatements = table("financial_statements", "balance sheet, income statement by nature, comprehensive income, cash flow (indirect) and changes in equity, per company (own currency) and for the group (group currency), monthly and yearly, with comparatives", {
  scope: c.id("company or group"),
  entity: c.id("company code, or GROUP for the consolidated statements"),
  statement: c.code(Object.fromEntries(STATEMENTS.map((s) => [s, s.replaceAll("_", " ")])), "statement"),
  period_type: c.id("month, or year (the fiscal year up to its last period, statements at its end)"),
  fiscal_year: fy,
  fiscal_period: c.int("fiscal period the statement ends in (12 for a full year)"),
  period_start: c.date("first day covered"),
  period_end: c.date("last day covered (the balance sheet date)"),
  line_order: c.int("position of the line in its statement"),
  line_code: c.id("line (statement of changes in equity: its row)"),
  line_name: c.text("line caption"),
  line_kind: c.id("item, subtotal or total (subtotals and totals add up the lines the docs name)"),
  equity_component: c.optional(c.id("statement of changes in equity: its column (share_capital, retained_earnings, translation_reserve, consolidation_differences, other_reserves, owners_total, non_controlling_interests, total); empty for the other statements")),
  amount: c.money("assets, liabilities and equity at their balance; income and inflows positive, expenses and outflows negative"),
  prior_amount: c.optional(c.money("the comparative: previous month (monthly) or previous fiscal year (yearly); balance sheet: the balance at the start of the period; empty where there is none")),
  currency: c.id("company currency, or the group currency"),
});

export const bankStatements = table("bank_statements", "one statement per bank account and month, as the bank sees the account", {
  statement_id: c.id("BST-<company>-<GL account>-<year>-<month>"),
  company_code: company,
  bank_account_id: account,
  gl_account: c.id("the bank account's GL account"),
  fiscal_year: fy,
  fiscal_period: fp,
  statement_date: c.date("last day of the month"),
  opening_balance: c.money("the bank's balance at the start (the previous statement's closing; the ledger's opening balance for the first)"),
  total_credits: c.money("money in"),
  total_debits: c.money("money out (positive)"),
  closing_balance: c.money("opening + credits - debits"),
  line_count: c.int("lines on the statement"),
  currency: c.id("account currency (the company's)"),
  source: c.id("derived: lines are the company's cash postings at their value dates plus the items the bank posted itself; scenario_bank: the company banks at the scenario's bank (banking phase, group_accounts = on) and the lines are that bank's transactions (bank_transactions), one to one"),
});

export const bankStatementLines = table("bank_statement_lines", "the lines of each bank statement, by value date", {
  line_id: c.id("BT-<company>-<number>: the bank's transaction id (at the scenario's bank: bank_transactions.transaction_id)"),
  statement_id: c.id("statement (bank_statements.statement_id)"),
  line_number: c.int("position on the statement (1-based, value-date order)"),
  company_code: company,
  bank_account_id: account,
  value_date: c.date("the day the bank cleared it"),
  amount: c.money("credit positive, debit negative"),
  direction: c.id("credit or debit"),
  method: methods,
  origin: c.id("company (a posting the company made) or bank (an item the bank posted: the company books it from the statement)"),
  item_type: c.id("the posting's business event (vendor_payment, customer_receipt, ...), or the bank item: charges, interest, direct_debit, returned_payment"),
  counterparty: c.optional(c.id("vendor, customer, employee or company")),
  reference: c.id("the business document (payment, receipt, ...) or the journal entry"),
  description: c.text("statement text"),
  journal_document_id: c.optional(c.id("the journal entry the line matches (the company's posting; for a bank item its booking, when booked by the statement date)")),
  posting_date: c.optional(c.date("posting date of that journal entry")),
  balance_after: c.money("the account's balance after the line"),
}, { documents: { bank_statement_line: "line_id" } });

export const bankReconciliations = table("bank_reconciliations", "each bank account at each month end: the statement balance against the ledger, item by item", {
  reconciliation_id: c.id("BR-<company>-<GL account>-<year>-<month>"),
  company_code: company,
  bank_account_id: account,
  gl_account: c.id("GL account"),
  fiscal_year: fy,
  fiscal_period: fp,
  as_of: c.date("month end"),
  statement_id: c.id("the statement reconciled"),
  statement_balance: c.money("the statement's closing balance"),
  outstanding_payments: c.money("payments booked, not yet cleared by the bank (positive)"),
  deposits_in_transit: c.money("money in booked, not yet credited by the bank"),
  adjusted_bank_balance: c.money("statement balance - outstanding payments + deposits in transit"),
  gl_balance: c.money("the GL account's balance (trial_balance)"),
  unbooked_credits: c.money("bank credits (interest) on the statement, not yet booked"),
  unbooked_debits: c.money("bank debits (charges, direct debits) on the statement, not yet booked (positive)"),
  unexplained_differences: c.money("net of the GL's lines the bank has no record of (a journal document whose bank-account lines differ from what the company's posting showed the bank: ledger minus bank, signed); each is an open unexplained_difference item under investigation"),
  adjusted_book_balance: c.money("GL balance + unbooked credits - unbooked debits - unexplained differences"),
  difference: c.money("adjusted bank balance - adjusted book balance (0.00 when reconciled)"),
  open_items: c.int("reconciling items listed"),
  status: c.id("reconciled (zero difference, no unexplained item), under_investigation (zero difference with open unexplained_difference items) or difference"),
  currency: c.id("company currency"),
});

export const reconcilingItems = table("reconciling_items", "the open items of each reconciliation; an item still open at the next month end is listed again there (carried forward)", {
  item_id: c.id("<reconciliation id>-<number>"),
  reconciliation_id: c.id("reconciliation (bank_reconciliations.reconciliation_id)"),
  company_code: company,
  bank_account_id: account,
  item_type: c.code({ outstanding_payment: "booked, not yet debited by the bank", deposit_in_transit: "booked, not yet credited by the bank", unbooked_bank_debit: "on the statement, not yet booked by the company", unbooked_bank_credit: "on the statement, not yet booked by the company", unexplained_difference: "a journal document's lines on the account differ from what the bank was shown (changed after posting): under investigation, carried forward until resolved" }, "kind"),
  amount: c.money("positive; for unexplained_difference signed, ledger minus bank (positive: the GL shows more money in than the bank knows of)"),
  method: c.code({ ...METHODS, unmatched: "nothing at the bank to match (an unexplained difference)" }, "payment method"),
  journal_document_id: c.optional(c.id("the company's posting (outstanding payments, deposits in transit), the GL document under investigation (unexplained differences)")),
  statement_line_id: c.optional(c.id("the statement line (unbooked bank items)")),
  origin_date: c.date("posting date (company items; for an unexplained difference the earliest GL or original posting date in question) or value date (bank items)"),
  days_open: c.int("days from the origin date to the reconciliation date"),
  carried_forward: c.bool("already open at the previous month end"),
  clears_on: c.optional(c.date("value date the bank clears a company item on (empty beyond the scenario, and for bank items)")),
});
