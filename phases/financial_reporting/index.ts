// financial_reporting: the statements from the closed books, bank statements from the cash
// postings, their reconciliations, and the bank's items booked before each close (see spec.ts).
import type { MainStep, PhaseModule } from "../api.ts";
import type { RowWriter, TableOut, TableSpec } from "../../specs/records/table.ts";
import { paramsOf } from "../../specs/phase.ts";
import { CASH_LINES } from "../../ledger/cash-lines.ts";
import { financialReportingSpec } from "./spec.ts";
import { mappingOf, statementsReport } from "./report.ts";
import { bankReport } from "./bank-report.ts";
import { postStep } from "./post.ts";
import { CASH_SINK, FEED_SINK, REPORTING } from "./state.ts";
import { BANK_STATEMENT_FEED } from "../../ledger/bank-link.ts";
import { statementLines } from "./tables.ts";
import { GL_VIEW, glViewStep } from "./gl-view.ts";

const mappingStep: MainStep = {
  kind: "main",
  run(cx, _phase, _state, out) {
    const w = out.table(statementLines);
    for (const m of [...mappingOf(cx).values()].sort((a, b) => a.account.index - b.account.index)) {
      const a = m.account;
      w.id(a.number); w.text(a.name); w.id(a.type);
      if (a.role) w.id(a.role); else w.empty();
      w.id(m.statement); w.id(m.line); w.int(m.sign);
      if (m.cashFlowLine) w.id(m.cashFlowLine); else w.empty();
      if (m.component) w.id(m.component); else w.empty();
      w.id(m.groupLine); w.int(m.groupSign);
      if (m.groupCashFlowLine) w.id(m.groupCashFlowLine); else w.empty();
      w.id(m.mappedBy);
      w.end();
    }
  },
};

const statementsStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = cx.periods[period!]!;
    statementsReport(cx, state, out, p);
    // The bank's side is kept either way (the company books its charges); only its tables are optional.
    bankReport(cx, state, paramsOf(financialReportingSpec, cx).bank_reconciliation ? out : dropping(out), p);
  },
};

const BANK_TABLES = new Set(["bank_statements", "bank_statement_lines", "bank_reconciliations", "reconciling_items"]);

function dropping(out: TableOut): TableOut {
  const none: RowWriter = { rows: 0, id() {}, padded() {}, text() {}, int() {}, money() {}, decimal() {}, date() {}, bool() {}, empty() {}, end() {} };
  return { ...out, table: (spec: TableSpec) => (BANK_TABLES.has(spec.name) ? none : out.table(spec)), stream: (path: string) => out.stream(path) };
}

export const financialReportingPhase: PhaseModule = {
  spec: financialReportingSpec,
  steps: { mapping: mappingStep, gl_view: glViewStep, bank_bookings: postStep, statements: statementsStep },
  slices: [REPORTING, GL_VIEW],
  implements: { [CASH_LINES]: CASH_SINK, [BANK_STATEMENT_FEED]: FEED_SINK },
  // What the run report shows: per company, the reconciliations and the bank's items.
  report: (cx, state) => (state ? Object.fromEntries(cx.companies.map((c) => [c.code, { ...state.get(REPORTING).banks[c.index]!.stats, deferredBookings: state.get(REPORTING).banks[c.index]!.deferred }])) : {}),
};
