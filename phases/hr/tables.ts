// Record specs of the HR phase: pay runs and their lines (gross to net per employee), time
// entries, expense reports with their lines, and the employee events (hire, raise, bonus,
// termination) pay is computed from.
import { c, table } from "../../specs/records/table.ts";

const company = c.id("company code");
const employee = c.id("employee (employees.employee_id)");

export const payrollRuns = table("payroll_runs", "one pay run per company and pay date: totals of its payroll_lines and the journal entries that posted and paid it", {
  company_code: company,
  run_id: c.id("pay run id, PR-<company>-<yyyymmdd>"),
  frequency: c.id("monthly, semi_monthly, biweekly or weekly"),
  period_start: c.date("first day the run pays for"),
  period_end: c.date("last day the run pays for"),
  pay_date: c.date("pay date: net pay leaves the bank (a bank day)"),
  employees: c.int("employees paid in the run"),
  gross_pay: c.money("sum of gross pay, company currency"),
  employee_deductions: c.money("income tax withheld and employee social security, retirement and benefits"),
  net_pay: c.money("sum of net pay"),
  employer_costs: c.money("employer social security, retirement and benefits"),
  reimbursements: c.money("approved expense reports paid with the run"),
  currency: c.id("company currency"),
  accrual_document_id: c.id("journal entry of salaries, employer costs and payables"),
  payment_document_id: c.id("journal entry paying net pay and reimbursements"),
}, { documents: { payroll_run: "run_id" } });

export const payrollLines = table("payroll_lines", "gross to net per employee and pay run", {
  company_code: company,
  run_id: c.id("pay run (payroll_runs.run_id)"),
  employee_id: employee,
  cost_center_id: c.id("cost center charged"),
  pay_type: c.id("salaried or hourly"),
  regular_hours: c.decimal("hours paid at the regular rate (hourly staff; salaried: contractual hours)", { precision: 9, scale: 2 }),
  overtime_hours: c.decimal("overtime hours, paid at 1.5 times the rate", { precision: 9, scale: 2 }),
  base_pay: c.money("salary or regular hours x rate"),
  overtime_pay: c.money("overtime pay"),
  bonus: c.money("bonus paid in the run (employee_events)"),
  gross_pay: c.money("base + overtime + bonus"),
  income_tax: c.money("income tax withheld"),
  employee_social: c.money("employee social security (within its caps)"),
  employee_retirement: c.money("employee retirement contribution"),
  net_pay: c.money("gross minus every employee deduction"),
  employer_social: c.money("employer social security (within its caps)"),
  employer_retirement: c.money("employer retirement contribution"),
  employer_benefits: c.money("employer health and other benefits"),
  currency: c.id("company currency"),
});

export const timeEntries = table("time_entries", "hours per employee and working day, approved by the employee's manager", {
  company_code: company,
  employee_id: employee,
  work_date: c.date("day worked (or on leave): working days of the company's country only"),
  entry_type: c.id("regular, overtime, vacation, sick or holiday (public holiday, paid)"),
  hours: c.decimal("hours", { precision: 5, scale: 2 }),
  approved_by: c.optional(c.id("manager who approved (empty for the CEO)")),
  approved_date: c.optional(c.date("approval date")),
});

export const expenseReports = table("expense_reports", "employees' expense claims: approved ones are posted and reimbursed with the next pay run", {
  company_code: company,
  report_id: c.id("report id"),
  employee_id: employee,
  submitted_date: c.date("submission date"),
  total_amount: c.money("sum of the lines, gross, company currency"),
  currency: c.id("company currency"),
  status: c.id("approved or rejected"),
  approved_by: c.optional(c.id("approving manager (empty when rejected or for the CEO)")),
  approved_date: c.optional(c.date("approval date")),
  policy_violations: c.int("lines that break the expense policy"),
  journal_document_id: c.optional(c.id("journal entry posting it (approved reports)")),
  reimbursed_in_run: c.optional(c.id("pay run that reimbursed it (empty while open)")),
}, { documents: { expense_report: "report_id" } });

export const expenseLines = table("expense_lines", "lines of expense reports", {
  company_code: company,
  report_id: c.id("expense report"),
  line_number: c.int("1-based line"),
  expense_date: c.date("date of the expense"),
  category: c.id("airfare, hotel, meals, taxi, mileage, client_entertainment, training, office_supplies or telephone"),
  merchant: c.text("merchant"),
  net_amount: c.money("amount before tax, company currency"),
  tax_amount: c.money("input tax on the receipt (0 where not recoverable)"),
  gross_amount: c.money("amount paid by the employee"),
  has_receipt: c.bool("a receipt was attached"),
  policy_violation: c.optional(c.id("missing_receipt, over_limit or weekend (empty: within policy)")),
});

export const employeeEvents = table("employee_events", "what changes an employee's pay: hires (before the scenario), raises, bonuses and terminations", {
  company_code: company,
  event_id: c.id("event id"),
  employee_id: employee,
  event_date: c.date("effective date"),
  event_type: c.id("hire, raise, bonus or termination"),
  annual_salary: c.optional(c.money("annual salary from this date (hire, raise)")),
  amount: c.optional(c.money("bonus paid, or the raise's increase of annual salary")),
  currency: c.id("company currency"),
  reason: c.text("why"),
});

