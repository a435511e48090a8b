// banking: the phase module (see spec.ts), and the functions tests and other phases may use.
import type { PhaseModule } from "../api.ts";
import { bankingSpec } from "./spec.ts";
import { recordsStep } from "./blocks.ts";
import { booksStep } from "./books.ts";
import { BANK_FLOWS, BANK_LEDGER } from "./gl.ts";
import { BANK_FEED, feedStep } from "./feed.ts";
import { bankOf } from "./bank.ts";
import { caseTable } from "./cases.ts";
import { scenarioBank } from "./group.ts";
import { SCENARIO_BANK } from "../../ledger/bank-link.ts";

export const bankingPhase: PhaseModule = {
  spec: bankingSpec,
  steps: { records: recordsStep, feed: feedStep, books: booksStep },
  slices: [BANK_FLOWS, BANK_LEDGER, BANK_FEED],
  // Which of the group's companies bank here (financial_reporting builds their statements from this bank's transactions).
  implements: { [SCENARIO_BANK]: scenarioBank },
  report(cx, state) {
    const bank = bankOf(cx.plan);
    const cases = caseTable(bank);
    const f = state?.get(BANK_FLOWS);
    const rows = f ? f.counter("normalRows") + f.counter("labelledRows") : undefined;
    return {
      country: bank.country,
      currency: bank.currency,
      cashThreshold: bank.threshold / 10 ** bank.digits,
      customers: bank.customers,
      suspiciousCustomers: bank.suspicious,
      cases: cases.cases.length,
      normalTransactionsPlanned: bank.normalTotal,
      normalTransactions: f?.counter("normalRows"),
      // The rate asks for `requested`; when the cases' minimum steps need more, they keep them.
      labelledTransactionsRequested: cases.requestedRows,
      labelledTransactionsPlanned: cases.rows,
      labelledTransactions: f?.counter("labelledRows"),
      launderingShare: rows ? Number((f!.counter("labelledRows") / rows).toFixed(6)) : undefined,
      launderingRate: bank.p.laundering_rate,
      declinedTransactions: f?.counter("declinedRows"),
      alerts: f?.counter("alerts"),
      truePositiveAlerts: f?.counter("truePositiveAlerts"),
      sars: f?.counter("sars"),
      groupTransactions: f?.counter("groupRows"),
    };
  },
};

export { bankingSpec } from "./spec.ts";
export { bankOf, type Bank } from "./bank.ts";
export { caseTable, TYPOLOGY_META } from "./cases.ts";
export { TYPOLOGIES, SOPHISTICATION, type BankingParams, type Typology } from "./params.ts";
export { REPORTING_THRESHOLDS } from "../../data/banking.ts";
export { Permutation } from "./perm.ts";
