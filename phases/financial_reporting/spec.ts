// financial_reporting: statements derived from the closed trial balance (per company and for the
// group, monthly and yearly, with comparatives), and bank statements with their monthly
// reconciliations. It collects every cash posting of the run (capability cash_lines), books
// what the bank tells the company before each close (its charges: capability bank_charges,
// interest, direct debits, returned payments), and reads the closed books after it.
import { z } from "zod";
import { f, labelledRecord } from "../../specs/fields.ts";
import type { CheckContext, PhaseSpec } from "../../specs/phase.ts";
import { perPeriod } from "../../specs/layout.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { linesForClass, MAPPABLE_LINES, STATEMENTS } from "./lines.ts";
import { bankReconciliations, bankStatementLines, bankStatements, financialStatements, reconcilingItems, statementLines } from "./tables.ts";

const AccountLine = z
  .object({ line: f.enum(MAPPABLE_LINES, "the statement line the account goes to (its class decides which lines fit: 1 asset lines, 2 liability lines, 3 equity lines, 4-8 income statement lines)") })
  .meta({ doc: "an account's statement line; the label is the account number" });

const params = z.object({
  statements: f.list(z.enum(STATEMENTS), "statements to derive").default([...STATEMENTS]),
  monthly: f.bool("statements for every month").default(true),
  yearly: f.bool("statements for every fiscal year, at its last period").default(true),
  consolidated: f.bool("the group's statements in the group currency (translated, intercompany eliminated, non-controlling interests)").default(true),
  account: labelledRecord(AccountLine, "accounts moved to another statement line than their role gives them", "account").default({}),
  bank_reconciliation: f.bool("bank statements and their reconciliation every month").default(true),
  bank_fees: f.bool("the bank charges its tariff (account fee, per item by payment method, returned items)").default(true),
  deposit_rate: f.percent("yearly interest the bank pays on a positive balance").max(0.2).default(0.005),
  overdraft_rate: f.percent("yearly interest the bank charges on an overdrawn balance").max(0.5).default(0.09),
  direct_debits: f.percent("service contracts (telecom, software) drawn by direct debit, as a yearly share of the plan's revenue").max(0.05).default(0.001),
  returned_payments: f.percent("share of customer cheques and debits the bank returns unpaid (re-presented and paid within the month)").max(0.2).default(0.01),
});

export type FinancialReportingParams = z.infer<typeof params>;

/** A moved account must stay on its side: an asset on an asset line, an expense on an income statement line. */
function checkAccountLines(cx: CheckContext): void {
  const p = cx.params("financial_reporting") as FinancialReportingParams;
  for (const [number, { line }] of Object.entries(p.account)) {
    const fits = linesForClass(number[0]!);
    if (!/^\d{3,10}$/.test(number)) cx.report("SYN3016", `account ${number} is not an account number`, cx.at("phase", "financial_reporting", "account", number));
    else if (!fits.includes(line)) {
      cx.report("SYN3016", `account ${number} is in class ${number[0]}; line ${line} is not one of its lines`, cx.at("phase", "financial_reporting", "account", number, "line"), `use one of: ${fits.join(", ")}`);
    }
  }
}

export const financialReportingSpec = {
  id: "financial_reporting",
  title: "Financial reporting",
  rank: 15,
  stage: "reporting",
  params,
  needs: ["period_close"],
  tables: [statementLines, financialStatements, bankStatements, bankStatementLines, bankReconciliations, reconcilingItems, journalEntries],
  steps: [
    // The account-to-line mapping, once.
    { name: "mapping", stage: "setup", kind: "main" },
    // The journal's bank-account lines as written (after the overlays before it, such as anomalies'), matched to the
    // cash lines the postings reported: a document that differs is an unexplained difference on the reconciliation.
    { name: "gl_view", stage: "posting", kind: "overlay", posts: ["journal_entries"] },
    // Before the close, after every posting that moves cash (it reads liquidity, not the period's ledger: postings
    // that move no cash, such as accounting_standards' recognition and allowances, may follow it): the company
    // books what its bank statements showed.
    { name: "bank_bookings", stage: "posting", kind: "main", reads: ["liquidity"], posts: ["ledger", "liquidity"] },
    // After the close: the statements, the bank statements and their reconciliations.
    { name: "statements", stage: "reporting", kind: "main", reads: ["ledger", "period_close"] },
  ],
  layout: perPeriod("periods"),
  checks: [checkAccountLines],
  roles: ["bank", "payroll_bank", "bank_charges", "interest_income", "interest_expense", "telecom", "it_services", "input_tax", "ar_control"],
  provides: ["cash_lines", "bank_charges", "bank_statement_feed"],
} satisfies PhaseSpec<typeof params>;
