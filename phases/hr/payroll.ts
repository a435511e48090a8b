// The payroll step: every pay run paid in the period, per company. The accrual posts gross pay
// and employer costs on the salary and social-security accounts of each cost center's
// department, income tax to withholding payable, employee and employer contributions to
// social-security payable, net pay to payroll payable; the payroll account is funded from the
// main bank and pays net pay and the expense reports the run reimburses on the pay date. The
// pay lines are recomputed from the same functions the blocks wrote them with.
import { formatIso } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { stateTarget, writeDocument, type DocHeader, type PostingTarget } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import type { RowWriter, TableOut } from "../../specs/records/table.ts";
import type { MainStep } from "../api.ts";
import { costCenterId } from "../master_data/index.ts";
import { departmentAccount } from "../transactions/payroll.ts";
import { paramsOf } from "../../specs/phase.ts";
import { hrSpec } from "./spec.ts";
import { runsOfPeriod, type PayFrequency, type PayRun } from "./calendar.ts";
import { headcount, peopleOf } from "./people.ts";
import { payLine } from "./gross.ts";
import { expenseReport } from "./expenses.ts";
import { payrollRuns } from "./tables.ts";

interface RunTotals {
  employees: number;
  gross: number;
  deductions: number;
  net: number;
  employer: number;
  incomeTax: number;
  contributions: number;
  reimbursements: number;
  /** Per cost center: department, gross, employer costs. */
  byCostCenter: Map<number, { department: string; gross: number; employer: number }>;
}

export const payrollStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = paramsOf(hrSpec, cx);
    const target = stateTarget(state);
    for (const c of cx.companies) {
      for (const r of runsOfPeriod(cx, c, p.pay_frequency, period!)) {
        const t = totalsOf(cx, c, r, p.pay_frequency, p.expenses);
        if (t.employees === 0) continue;
        postRun(cx, c, r, t, out, target);
      }
      out.flush?.();
    }
  },
};

function totalsOf(cx: RunContext, c: CompanyInfo, r: PayRun, frequency: PayFrequency, expenses: boolean): RunTotals {
  const t: RunTotals = { employees: 0, gross: 0, deductions: 0, net: 0, employer: 0, incomeTax: 0, contributions: 0, reimbursements: 0, byCostCenter: new Map() };
  for (let i = 0; i < headcount(cx); i++) for (const who of peopleOf(cx, c, i)) {
    const line = payLine(cx, c, who, r);
    if (line) {
      const employer = line.employerSocial + line.employerRetirement + line.employerBenefits;
      t.employees++;
      t.gross += line.gross;
      t.net += line.net;
      t.deductions += line.gross - line.net;
      t.employer += employer;
      t.incomeTax += line.incomeTax;
      t.contributions += line.employeeSocial + line.employeeRetirement + employer;
      const cc = t.byCostCenter.get(who.e.costCenterIndex) ?? { department: who.e.department, gross: 0, employer: 0 };
      cc.gross += line.gross;
      cc.employer += employer;
      t.byCostCenter.set(who.e.costCenterIndex, cc);
    }
    // Reports approved before the pay date are paid with it (they come from this or the two periods before).
    if (expenses) {
      for (let q = Math.max(0, r.period - 2); q <= r.period; q++) {
        const report = expenseReport(cx, c, who, q, frequency);
        if (report?.run?.id === r.id) t.reimbursements += report.total;
      }
    }
  }
  return t;
}

function postRun(cx: RunContext, c: CompanyInfo, r: PayRun, t: RunTotals, out: TableOut, target: PostingTarget): void {
  const w = out.table(journalEntries);
  const base = `JE-${r.id}`;
  const day = r.payDay;
  const period = cx.periods[r.period]!;
  const header = (suffix: string, event: string, text: string): DocHeader => ({
    company: c, documentId: `${base}-${suffix}`, day, postingDate: formatIso(day), documentDate: formatIso(day), period,
    docType: "PR", source: "automated", event, postedBy: "SYS-HR", text, sourceId: r.id, sourceType: "payroll_run",
  });
  const ccIds = (i: number) => costCenterId(c.code, i);
  const accrual = new Lines();
  for (const [cc, v] of [...t.byCostCenter].sort(([a], [b]) => a - b)) {
    if (v.gross > 0) accrual.add(departmentAccount(cx.chart, "salaries", v.department), v.gross, 0, cc, "");
    if (v.employer > 0) accrual.add(departmentAccount(cx.chart, "social_security", v.department), v.employer, 0, cc, "");
  }
  if (t.incomeTax > 0) accrual.add(cx.chart.one("withholding_payable"), 0, t.incomeTax, -1, "");
  if (t.contributions > 0) accrual.add(cx.chart.one("social_security_payable"), 0, t.contributions, -1, "");
  if (t.net > 0) accrual.add(cx.chart.one("payroll_payable"), 0, t.net, -1, "");
  writeDocument(w, header("A", "payroll", `Payroll ${formatIso(r.from)} to ${formatIso(r.to)}`), accrual, target, ccIds);
  const paid = t.net + t.reimbursements;
  if (paid > 0) {
    const funding = new Lines();
    funding.add(cx.chart.one("payroll_bank"), paid, 0, -1, "");
    funding.add(cx.chart.one("bank"), 0, paid, -1, "");
    writeDocument(w, header("F", "payroll_funding", "Transfer to the payroll account"), funding, target, ccIds);
    const payment = new Lines();
    payment.add(cx.chart.one("payroll_payable"), paid, 0, -1, "");
    payment.add(cx.chart.one("payroll_bank"), 0, paid, -1, "");
    writeDocument(w, header("P", "salary_payment", t.reimbursements > 0 ? "Net salaries and expense reimbursements paid" : "Net salaries paid"), payment, target, ccIds);
  }
  writeRun(out.table(payrollRuns), c, r, t, base, paid > 0);
}

function writeRun(w: RowWriter, c: CompanyInfo, r: PayRun, t: RunTotals, base: string, paid: boolean): void {
  w.id(c.code);
  w.id(r.id);
  w.id(frequencyOf(r));
  w.date(formatIso(r.from));
  w.date(formatIso(r.to));
  w.date(formatIso(r.payDay));
  w.int(t.employees);
  w.money(t.gross, c.digits);
  w.money(t.deductions, c.digits);
  w.money(t.net, c.digits);
  w.money(t.employer, c.digits);
  w.money(t.reimbursements, c.digits);
  w.id(c.currency);
  w.id(`${base}-A`);
  w.id(paid ? `${base}-P` : `${base}-A`);
  w.end();
}

function frequencyOf(r: PayRun): PayFrequency {
  return r.perYear === 12 ? "monthly" : r.perYear === 24 ? "semi_monthly" : r.perYear === 26 ? "biweekly" : "weekly";
}
