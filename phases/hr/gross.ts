// Gross to net of one employee in one pay run: salary pro rata (or hours at the rate, overtime
// at 1.5 times), the bonus of the run, then income tax withheld on annualised pay after the
// retirement contribution, employee social security within its per-run ceilings and floors
// (annual figures over the runs of a year, as UK and German payroll apply them), and the
// employer's contributions, retirement and benefits. Integer minor units throughout.
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { COUNTRIES } from "../../data/countries.ts";
import type { PayRun } from "./calendar.ts";
import { hourlyRate, salaryOn, type Person } from "./people.ts";
import { annualTax, payrollRules, type Contribution } from "./rates.ts";
import { hoursBetween } from "./time.ts";

export interface PayLine {
  payType: "salaried" | "hourly";
  /** Hours in hundredths. */
  regularHours: number;
  overtimeHours: number;
  base: number;
  overtime: number;
  bonus: number;
  gross: number;
  incomeTax: number;
  employeeSocial: number;
  employeeRetirement: number;
  net: number;
  employerSocial: number;
  employerRetirement: number;
  employerBenefits: number;
}

/** The pay of a person in a run, or null when they were not employed in it. */
export function payLine(cx: RunContext, c: CompanyInfo, p: Person, r: PayRun): PayLine | null {
  const from = Math.max(r.from, p.firstDay);
  const to = Math.min(r.to, p.lastDay);
  if (to < from) return null;
  let regularHours = 0;
  let overtimeHours = 0;
  let base: number;
  let overtime = 0;
  if (p.hourly) {
    const h = hoursBetween(cx, c, p, from, to);
    const rate = hourlyRate(p, to);
    regularHours = h.regular;
    overtimeHours = h.overtime;
    base = Math.round((rate * h.regular) / 100);
    overtime = Math.round((rate * 1.5 * h.overtime) / 100);
  } else {
    base = Math.round(((salaryOn(p, to) / r.perYear) * (to - from + 1)) / r.fullDays);
    regularHours = Math.round(((800 * p.fte * 5) / 7) * (to - from + 1));
  }
  const bonus = p.events.filter((ev) => ev.type === "bonus" && ev.day >= r.from && ev.day <= r.to).reduce((s, ev) => s + ev.amount!, 0);
  const gross = base + overtime + bonus;
  if (gross <= 0) return null;
  const rules = payrollRules(c.country);
  const scale = majorScale(cx, c);
  const share = (x: Contribution) => contribution(x, gross, r.perYear, scale);
  const employeeRetirement = Math.round(gross * rules.retirement[0]);
  const annualTaxable = ((gross - employeeRetirement) * r.perYear) / scale;
  const incomeTax = Math.max(0, Math.round((annualTax(rules, annualTaxable) * scale) / r.perYear));
  const employeeSocial = rules.employee.reduce((s, x) => s + share(x), 0);
  const net = gross - incomeTax - employeeSocial - employeeRetirement;
  return {
    payType: p.hourly ? "hourly" : "salaried", regularHours, overtimeHours, base, overtime, bonus, gross,
    incomeTax, employeeSocial, employeeRetirement, net,
    employerSocial: rules.employer.reduce((s, x) => s + share(x), 0),
    employerRetirement: Math.round(gross * rules.retirement[1]),
    employerBenefits: Math.round(gross * rules.benefits),
  };
}

/** A contribution on one run's gross, with the ceiling and floor per run. */
export function contribution(x: Contribution, gross: number, perYear: number, scale: number): number {
  const floor = (x.floor * scale) / perYear;
  const cap = x.cap === Infinity ? Infinity : (x.cap * scale) / perYear;
  return Math.round(Math.max(0, Math.min(gross, cap) - floor) * x.rate);
}

const scales = new WeakMap<RunContext, number[]>();

/** Company minor units per major unit of the country's table currency. */
function majorScale(cx: RunContext, c: CompanyInfo): number {
  let list = scales.get(cx);
  if (!list) scales.set(cx, (list = []));
  if (list[c.index] === undefined) {
    const tableCurrency = COUNTRIES[c.country]?.currency ?? c.currency;
    list[c.index] = 10 ** c.digits * (tableCurrency === c.currency ? 1 : cx.rate(tableCurrency, c.currency));
  }
  return list[c.index]!;
}
