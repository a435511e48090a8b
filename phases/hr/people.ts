// The people HR pays: each active employee of the master with how they are paid (salaried, or
// hourly for part-time staff, contractors and frontline staff of production-like departments),
// their full-time share, and the events of the scenario that change their pay: a merit raise at
// every fiscal-year start after the scenario start, a yearly bonus in the fiscal year's last
// month, and a termination for some. Everything is a function of the plan and the employee, so
// a block, the payroll step and the reconciliation compute the same people.
import { Rng, hash32 } from "../../core/rng.ts";
import { formatIso, parseIso } from "../../core/calendar.ts";
import { dexp, dlog } from "../../core/detmath.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { employeeId, employeeRecord, masterParams, type Employee } from "../master_data/index.ts";
import { paramsOf } from "../../specs/phase.ts";
import { PAYROLL_EXTRAS, type PayrollExtras } from "../../ledger/capabilities.ts";
import { hrSpec } from "./spec.ts";

export interface PayEvent {
  id: string;
  day: number;
  type: "hire" | "raise" | "bonus" | "termination";
  /** Annual salary from this day (hire, raise), bonus amount, or the raise's increase. */
  salary?: number;
  amount?: number;
  reason: string;
}

export interface Person {
  e: Employee;
  hourly: boolean;
  /** Full-time share: hours a working day are 8 x this. */
  fte: number;
  /** The first and last day employed (lastDay Infinity: still employed at the scenario end). */
  firstDay: number;
  lastDay: number;
  events: PayEvent[];
  /** On the payroll only (a provider's extra person): no time entries, no expense reports. */
  payOnly?: boolean;
}

/** Departments whose frontline staff are paid by the hour. */
const HOURLY_DEPARTMENTS = new Set(["production", "stores", "logistics", "operations", "maintenance", "nursing", "customer_service", "support"]);

const cache = new WeakMap<RunContext, Map<number, (Person | null)[]>>();

/**
 * The people of position i of a company over the scenario: the employee of the master (when
 * employed during it), and, when they leave, the replacement hired into the same position.
 */
export function peopleOf(cx: RunContext, c: CompanyInfo, i: number): Person[] {
  const first = person(cx, c, i);
  const extra = extrasOf(cx, c, i);
  if (!first) return extra;
  const next = replacement(cx, c, i);
  return [first, ...(next ? [next] : []), ...extra];
}

/** People a provider of payroll_extras lists under position i (salaried, full time, paid from their hire day). */
function extrasOf(cx: RunContext, c: CompanyInfo, i: number): Person[] {
  const provider = cx.capability<PayrollExtras<Employee>>(PAYROLL_EXTRAS);
  if (!provider) return [];
  return provider.extras(cx, c, i).map((x) => {
    const p = withEvents(cx, c, x.record, false, 1, x.hireDay, false);
    p.events[0]!.reason = "hired";
    return { ...p, payOnly: true };
  });
}

/** The person behind employee i of a company; null when not employed during the scenario. */
export function person(cx: RunContext, c: CompanyInfo, i: number): Person | null {
  return cached(cx, c, i, () => build(cx, c, i));
}

/** Whoever replaces a leaver of position i: a new employee (numbered after the master) in the same job, some weeks later. */
export function replacement(cx: RunContext, c: CompanyInfo, i: number): Person | null {
  const count = headcount(cx);
  return cached(cx, c, count + i, () => {
    const leaver = person(cx, c, i);
    if (!leaver || leaver.lastDay === Infinity) return null;
    const rng = new Rng(cx.seed, hash32("hr_hire"), c.index, i);
    const last = cx.periods[cx.periods.length - 1]!;
    const hire = leaver.lastDay + 14 + rng.int(47);
    if (hire >= last.firstDay + last.days) return null;
    const fresh = employeeRecord(cx.plan, c.index, count + i);
    const salary = Math.round((salaryOn(leaver, leaver.lastDay) * (0.95 + 0.1 * rng.next())) / 10 ** c.digits) * 10 ** c.digits;
    const e: Employee = {
      ...leaver.e, id: employeeId(c.code, count + i), index: count + i, firstName: fresh.firstName, lastName: fresh.lastName, email: fresh.email,
      hireDate: formatIso(hire), terminationDate: null, annualSalary: salary, isActive: true,
    };
    return withEvents(cx, c, e, leaver.hourly, leaver.fte, hire, false);
  });
}

function cached(cx: RunContext, c: CompanyInfo, i: number, make: () => Person | null): Person | null {
  let byCompany = cache.get(cx);
  if (!byCompany) cache.set(cx, (byCompany = new Map()));
  let list = byCompany.get(c.index);
  if (!list) byCompany.set(c.index, (list = []));
  if (list[i] === undefined) list[i] = make();
  return list[i]!;
}

/** Employees in the master per company. */
export function headcount(cx: RunContext): number {
  return masterParams(cx).employees;
}

function build(cx: RunContext, c: CompanyInfo, i: number): Person | null {
  const e = employeeRecord(cx.plan, c.index, i);
  if (!e.isActive) return null;
  const hourly = e.employmentType !== "full_time" || (e.level === "staff" && HOURLY_DEPARTMENTS.has(e.department));
  const fte = e.employmentType === "part_time" ? 0.6 : 1;
  // The CEO (employee 1) stays; everyone else may leave.
  return withEvents(cx, c, e, hourly, fte, parseIso(e.hireDate), i > 0);
}

/** A person's scenario: merit raises at fiscal-year starts, yearly bonuses, and (if `mayLeave`) a termination. */
function withEvents(cx: RunContext, c: CompanyInfo, e: Employee, hourly: boolean, fte: number, hireDay: number, mayLeave: boolean): Person {
  const rng = new Rng(cx.seed, hash32("hr_events"), c.index, e.index);
  const events: PayEvent[] = [{ id: eventId(c, e.index, 0), day: hireDay, type: "hire", salary: e.annualSalary, reason: mayLeave ? "hired" : e.index >= headcount(cx) ? "hired to replace a leaver" : "hired" }];
  let salary = e.annualSalary;
  const p = paramsOf(hrSpec, cx);
  let lastDay = Infinity;
  // Leavers: a monthly hazard from the yearly turnover, staff leave more often than managers.
  const turnover = e.level === "staff" ? p.turnover : p.turnover / 2;
  const monthly = 1 - dexp(dlog(1 - Math.min(0.99, turnover)) / 12);
  for (const period of cx.periods) {
    if (period.firstDay + period.days <= hireDay) continue;
    if (period.index > 0 && period.fiscalPeriod === 1 && period.firstDay > hireDay) {
      // Merit raise at each fiscal-year start after the first: about 3%, rarely none.
      const pct = Math.max(0, 0.03 + 0.012 * rng.normal());
      const raise = Math.round((salary * pct) / 10 ** c.digits) * 10 ** c.digits;
      if (raise > 0) {
        salary += raise;
        events.push({ id: eventId(c, e.index, events.length), day: period.firstDay, type: "raise", salary, amount: raise, reason: `merit increase ${(pct * 100).toFixed(1)}%` });
      }
    }
    // A bonus for a fiscal year the person worked at least a quarter of; managers and above have a target.
    if (period.isYearEnd && e.employmentType !== "contractor" && period.firstDay + period.days - hireDay > 90) {
      const target = e.level === "staff" ? (rng.chance(0.25) ? 0.03 : 0) : e.level === "lead" ? 0.06 : e.level === "manager" ? 0.1 : 0.2;
      const performance = Math.min(2, Math.max(0, 1 + 0.25 * rng.normal()));
      const bonus = Math.round((salary * target * performance) / 10 ** c.digits) * 10 ** c.digits;
      if (bonus > 0) events.push({ id: eventId(c, e.index, events.length), day: period.firstDay + period.days - 1, type: "bonus", amount: bonus, reason: "annual bonus" });
    }
    if (mayLeave && rng.chance(monthly)) {
      lastDay = Math.max(hireDay, period.firstDay + rng.int(period.days));
      events.push({ id: eventId(c, e.index, events.length), day: lastDay, type: "termination", reason: rng.chance(0.75) ? "resigned" : "dismissed" });
      break;
    }
  }
  // A bonus falls away when the employee left before its day.
  const kept = events.filter((ev) => ev.type !== "bonus" || ev.day <= lastDay);
  return { e, hourly, fte, firstDay: hireDay, lastDay, events: kept };
}

function eventId(c: CompanyInfo, i: number, k: number): string {
  return `EV-${c.code}-${String(i + 1).padStart(6, "0")}-${String(k + 1).padStart(2, "0")}`;
}

/** Annual salary on a day: the last hire or raise on or before it. */
export function salaryOn(p: Person, day: number): number {
  let s = p.e.annualSalary;
  for (const ev of p.events) if (ev.salary !== undefined && ev.day <= day) s = ev.salary;
  return s;
}

/** Hourly rate on a day: the salary over a full-time year of hours at the person's share. */
export function hourlyRate(p: Person, day: number): number {
  return salaryOn(p, day) / (2080 * p.fte);
}
