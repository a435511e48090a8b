// hr: payroll from the employee master at the company's pay frequency (gross to net by
// country), time entries, expense reports, and the events that change pay. It takes payroll
// postings over from the core cycle: salaries, employer costs and payables per pay run, net
// pay paid on the pay date, reimbursements with the next run. Withholdings and contributions
// are remitted the following month by the transactions phase's settlements, from the balances
// this phase posts. Its reconciliation rows tie the payroll payables to its records.
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { buildLayout, type LayoutContext } from "../../specs/layout.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { reconciliation } from "../../specs/records/group.ts";
import { employeeEvents, expenseLines, expenseReports, payrollLines, payrollRuns, timeEntries } from "./tables.ts";
import { employees } from "../master_data/tables.ts";

const params = z.object({
  pay_frequency: f.enum(["monthly", "semi_monthly", "biweekly", "weekly"], "how often employees are paid").default("monthly"),
  time_entries: f.bool("write time entries (hourly staff are paid from them either way)").default(true),
  expenses: f.bool("generate expense reports").default(true),
  turnover: f.percent("share of staff who leave in a year (managers and above: half of it)").max(0.9).default(0.1),
  block_size: f.count("employees per block").min(16).max(65_536).default(512),
});

export type HrParams = z.infer<typeof params>;

/** Every employee of the master, per company and period: a block holds a range of them. */
function layout(cx: LayoutContext) {
  const p = cx.params.hr as HrParams;
  const employees = (cx.params.master_data as { employees: number }).employees;
  const parts = cx.companies.flatMap((c) => Array.from({ length: cx.months }, (_, period) => ({ company: c.code, period, units: employees })));
  return buildLayout("employee-months", p.block_size, parts);
}

export const hrSpec = {
  id: "hr",
  title: "HR (payroll, time, expenses)",
  rank: 16,
  stage: "posting",
  params,
  needs: ["master_data"],
  // Replacements hired during the scenario join the employee master (employees), numbered after it.
  tables: [payrollRuns, payrollLines, timeEntries, expenseReports, expenseLines, employeeEvents, employees, journalEntries, reconciliation],
  steps: [
    // Per block of employees and period: time entries, pay lines, expense reports and their postings.
    { name: "people", stage: "posting", kind: "blocks", posts: ["ledger", "subledger"] },
    // Per period: the pay runs paid in it, posted and paid; reimbursements with them.
    { name: "payroll", stage: "posting", kind: "main", posts: ["ledger", "liquidity"] },
    // After the close: payroll and employee payables against this phase's records.
    { name: "reconcile", stage: "close", kind: "main", reads: ["ledger", "subledger"] },
  ],
  layout,
  roles: ["salaries", "social_security", "withholding_payable", "social_security_payable", "payroll_payable", "payroll_bank", "bank", "travel", "professional_fees", "office_supplies", "telecom", "input_tax"],
  provides: ["payroll_postings"],
} satisfies PhaseSpec<typeof params>;
