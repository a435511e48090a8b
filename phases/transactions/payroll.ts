// Monthly payroll from the employee master (the default provider of payroll postings: an HR
// phase takes them over). Gross salaries and employer costs by cost center, on the salary
// accounts of the cost center's department; withholdings and employer contributions become
// liabilities (remitted the following month, see settlements.ts); net pay is moved to the
// payroll account and paid on the last bank day of the month.
import { formatIso, type Period } from "../../core/calendar.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { bankDayOnOrBefore, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import type { Account, Chart } from "../../ledger/chart.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { documentNumber, stateTarget, writeDocument } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import { costCenterId, roster, type Payee } from "../master_data/index.ts";
import type { MainStep } from "../api.ts";

/** Department words the chart's department sub-accounts carry. */
const DEPARTMENT_WORDS: Record<string, string> = {
  production: "Production", sales: "Sales", admin: "Administration", it: "IT", logistics: "Logistics", "r&d": "Research and development",
  finance: "Finance", hr: "Human resources", procurement: "Procurement", quality: "Quality", customer_service: "Customer service",
  marketing: "Marketing", legal: "Legal", maintenance: "Facilities", stores: "Logistics", engineering: "Research and development",
  support: "Customer service", operations: "Production", clinical: "Production", nursing: "Production", pharmacy: "Logistics",
  risk: "Finance", compliance: "Legal",
};

/** The account of a role for a department: its sub-account when the chart splits the role by department. */
export function departmentAccount(chart: Chart, role: AccountRole, department: string): Account {
  const accounts = chart.role(role);
  const word = DEPARTMENT_WORDS[department] ?? "Administration";
  return accounts.find((a) => a.name.endsWith(` - ${word}`)) ?? accounts[0]!;
}

export const payrollStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    // HR takes payroll over: the core cycle then posts none.
    if (!cx.provides("transactions", "payroll_postings")) return;
    const p = cx.periods[period!]!;
    const target = stateTarget(state);
    for (const c of cx.companies) {
      const staff = roster(cx, c);
      if (staff.length === 0) continue;
      const day = bankDayOnOrBefore(c, p.firstDay + p.days - 1);
      const header = (n: number, event: string, text: string) => ({
        company: c, documentId: documentNumber("PR", c.code, p.index * 3 + n), day, postingDate: formatIso(day), documentDate: formatIso(day),
        period: p, docType: "PR" as const, source: "automated", event, postedBy: "SYS-PAYROLL", text,
      });
      const ccIds = (i: number) => costCenterId(c.code, i);
      const { lines, net } = payrollLines(cx, c, staff);
      writeDocument(out.table(journalEntries), header(1, "payroll", `Payroll ${monthName(p)}`), lines, target, ccIds);
      writeDocument(out.table(journalEntries), header(2, "payroll_funding", "Transfer to the payroll account"), transfer(cx.chart, net), target, ccIds);
      writeDocument(out.table(journalEntries), header(3, "salary_payment", "Net salaries paid"), payment(cx.chart, net), target, ccIds);
    }
  },
};

/** Gross and employer costs per cost center; withholdings, contributions and net pay as liabilities. */
function payrollLines(cx: RunContext, c: CompanyInfo, staff: Payee[]): { lines: Lines; net: number } {
  const b = c.business;
  const gross = new Map<number, { department: string; amount: number }>();
  for (const e of staff) {
    const g = gross.get(e.costCenter) ?? { department: e.department, amount: 0 };
    g.amount += e.monthly;
    gross.set(e.costCenter, g);
  }
  const lines = new Lines();
  let total = 0;
  let employer = 0;
  for (const [cc, g] of [...gross].sort(([a], [b]) => a - b)) {
    const costs = Math.round(g.amount * b.employer_costs);
    lines.add(departmentAccount(cx.chart, "salaries", g.department), g.amount, 0, cc, "");
    if (costs > 0) lines.add(departmentAccount(cx.chart, "social_security", g.department), costs, 0, cc, "");
    total += g.amount;
    employer += costs;
  }
  const withheld = Math.round(total * b.withholding);
  if (withheld > 0) lines.add(cx.chart.one("withholding_payable"), 0, withheld, -1, "");
  if (employer > 0) lines.add(cx.chart.one("social_security_payable"), 0, employer, -1, "");
  lines.add(cx.chart.one("payroll_payable"), 0, total - withheld, -1, "");
  return { lines, net: total - withheld };
}

function transfer(chart: Chart, net: number): Lines {
  const l = new Lines();
  l.add(chart.one("payroll_bank"), net, 0, -1, "");
  l.add(chart.one("bank"), 0, net, -1, "");
  return l;
}

function payment(chart: Chart, net: number): Lines {
  const l = new Lines();
  l.add(chart.one("payroll_payable"), net, 0, -1, "");
  l.add(chart.one("payroll_bank"), 0, net, -1, "");
  return l;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function monthName(p: Period): string {
  return `${MONTHS[p.month - 1]} ${p.year}`;
}
