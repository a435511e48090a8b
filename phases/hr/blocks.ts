// The block step: a range of a company's employees in one period. Writes their time entries,
// the pay lines of the runs paid in the period, their expense reports (posting the approved
// ones against the employee payable), and in the first period their employee events. Adds
// what the payroll payables hold at the period end to the subledger figures the reconcile step
// checks: withholdings and contributions of the period's runs (remitted next month) and
// approved expense reports not yet reimbursed.
import { formatIso } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { BlockTotals } from "../../ledger/totals.ts";
import { writeDocument } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import { periodOfDay } from "../../ledger/flows.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import type { RowWriter, TableOut } from "../../specs/records/table.ts";
import type { BlockStep } from "../api.ts";
import { costCenterId } from "../master_data/index.ts";
import { departmentAccount } from "../transactions/payroll.ts";
import { paramsOf } from "../../specs/phase.ts";
import { hrSpec } from "./spec.ts";
import { runsOfPeriod } from "./calendar.ts";
import { headcount, peopleOf, type Person } from "./people.ts";
import { writeEmployee } from "../master_data/writers.ts";
import { employees } from "../master_data/tables.ts";
import { payLine, type PayLine } from "./gross.ts";
import { timeEntries } from "./time.ts";
import { expenseReport, type ExpenseReport } from "./expenses.ts";
import { employeeEvents, expenseLines, expenseReports, payrollLines, timeEntries as timeTable } from "./tables.ts";

/** Subledger kinds of the payroll payables (the reconcile step compares them with the GL). */
export const KINDS = { withholding: "hr_withholding", contributions: "hr_contributions", employee: "hr_employee_payable" } as const;

export const peopleStep: BlockStep = {
  kind: "blocks",
  block(cx, phase, ref, out) {
    const c = cx.companies[cx.companyIndex.get(ref.segment.company!)!]!;
    const period = ref.segment.period!;
    const p = paramsOf(hrSpec, cx);
    const totals = new BlockTotals(cx);
    const runs = runsOfPeriod(cx, c, p.pay_frequency, period);
    for (let i = ref.offset; i < ref.offset + ref.units; i++) for (const who of peopleOf(cx, c, i)) {
      const hiredNow = who.e.index >= headcount(cx) && periodOfDay(cx, who.firstDay) === period;
      // A replacement joins the employee master in the period it is hired; its events with it.
      if (hiredNow) writeEmployee(who.e, out.table(employees), c.digits);
      if (period === 0 && who.e.index < headcount(cx)) writeEvents(out.table(employeeEvents), c, who);
      if (hiredNow) writeEvents(out.table(employeeEvents), c, who);
      if (who.firstDay >= cx.periods[period]!.firstDay + cx.periods[period]!.days) continue;
      if (p.time_entries) writeTime(cx, out.table(timeTable), c, who, period);
      for (const r of runs) {
        const line = payLine(cx, c, who, r);
        if (!line) continue;
        writePayLine(out.table(payrollLines), c, who, r.id, line);
        totals.subledger(c.index, period, KINDS.withholding, line.incomeTax);
        totals.subledger(c.index, period, KINDS.contributions, line.employeeSocial + line.employeeRetirement + line.employerSocial + line.employerRetirement + line.employerBenefits);
      }
      if (p.expenses) {
        const report = expenseReport(cx, c, who, period, p.pay_frequency);
        if (report) expense(cx, out, totals, c, who, report);
      }
    }
    return totals.pack();
  },
};

function writeEvents(w: RowWriter, c: CompanyInfo, who: Person): void {
  for (const ev of who.events) {
    w.id(c.code);
    w.id(ev.id);
    w.id(who.e.id);
    w.date(formatIso(ev.day));
    w.id(ev.type);
    if (ev.salary !== undefined) w.money(ev.salary, c.digits);
    else w.empty();
    if (ev.amount !== undefined) w.money(ev.amount, c.digits);
    else w.empty();
    w.id(c.currency);
    w.text(ev.reason);
    w.end();
  }
}

function writeTime(cx: RunContext, w: RowWriter, c: CompanyInfo, who: Person, period: number): void {
  for (const t of timeEntries(cx, c, who, period)) {
    w.id(c.code);
    w.id(who.e.id);
    w.date(formatIso(t.day));
    w.id(t.type);
    w.decimal(centi(t.centiHours));
    if (who.e.managerId) {
      w.id(who.e.managerId);
      w.date(formatIso(t.approvedDay));
    } else {
      w.empty();
      w.empty();
    }
    w.end();
  }
}

function writePayLine(w: RowWriter, c: CompanyInfo, who: Person, run: string, l: PayLine): void {
  w.id(c.code);
  w.id(run);
  w.id(who.e.id);
  w.id(who.e.costCenterId);
  w.id(l.payType);
  w.decimal(centi(l.regularHours));
  w.decimal(centi(l.overtimeHours));
  for (const v of [l.base, l.overtime, l.bonus, l.gross, l.incomeTax, l.employeeSocial, l.employeeRetirement, l.net, l.employerSocial, l.employerRetirement, l.employerBenefits]) w.money(v, c.digits);
  w.id(c.currency);
  w.end();
}

/** Hundredths as an exact decimal. */
export function centi(n: number): string {
  return `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`;
}

/** Writes a report and its lines; an approved one posts expense and input tax against the employee payable. */
function expense(cx: RunContext, out: TableOut, totals: BlockTotals, c: CompanyInfo, who: Person, r: ExpenseReport): void {
  const journal = r.status === "approved" ? `JE-${r.id}` : null;
  const w = out.table(expenseReports);
  w.id(c.code);
  w.id(r.id);
  w.id(who.e.id);
  w.date(formatIso(r.submitted));
  w.money(r.total, c.digits);
  w.id(c.currency);
  w.id(r.status);
  if (r.status === "approved" && who.e.managerId) w.id(who.e.managerId);
  else w.empty();
  if (r.status === "approved") w.date(formatIso(r.approvedDay));
  else w.empty();
  w.int(r.violations);
  if (journal) w.id(journal);
  else w.empty();
  if (r.run) w.id(r.run.id);
  else w.empty();
  w.end();
  const wl = out.table(expenseLines);
  r.lines.forEach((l, k) => {
    wl.id(c.code);
    wl.id(r.id);
    wl.int(k + 1);
    wl.date(formatIso(l.day));
    wl.id(l.category);
    wl.text(l.merchant);
    wl.money(l.net, c.digits);
    wl.money(l.tax, c.digits);
    wl.money(l.gross, c.digits);
    wl.bool(l.receipt);
    if (l.violation) wl.id(l.violation);
    else wl.empty();
    wl.end();
  });
  if (!journal) return;
  const lines = new Lines();
  const cc = who.e.costCenterIndex;
  for (const l of r.lines) lines.add(departmentAccount(cx.chart, l.role, who.e.department), l.net, 0, cc, "");
  const tax = r.lines.reduce((s, l) => s + l.tax, 0);
  if (tax > 0) lines.add(cx.chart.one("input_tax"), tax, 0, -1, "");
  lines.add(cx.chart.one("payroll_payable"), 0, r.total, -1, who.e.id);
  const day = r.approvedDay;
  const period = cx.periods[periodOfDay(cx, day)]!;
  writeDocument(out.table(journalEntries), {
    company: c, documentId: journal, day, postingDate: formatIso(day), documentDate: formatIso(r.submitted), period,
    docType: "PR", source: "automated", event: "expense_report", postedBy: "SYS-HR", text: "Expense report", sourceId: r.id, sourceType: "expense_report",
  }, lines, totals, (i) => costCenterId(c.code, i));
  // The employee is owed the report from its approval until the run that reimburses it.
  const until = r.run ? r.run.period : cx.periods.length;
  for (let q = period.index; q < until; q++) totals.subledger(c.index, q, KINDS.employee, r.total);
}
