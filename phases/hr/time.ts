// Time entries: per employee and working day of the company's country, regular hours at the
// person's full-time share, vacation in runs of days, single sick days, public holidays paid,
// and overtime for hourly staff. Approved by the employee's manager on the working day after
// the week ends. A function of (plan, company, employee, period): the payroll step recomputes
// the hours of hourly staff from it, so pay and time entries always agree.
import { Rng, hash32 } from "../../core/rng.ts";
import { isBusinessDay, isHoliday, weekday } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { Person } from "./people.ts";

export type EntryType = "regular" | "overtime" | "vacation" | "sick" | "holiday";

export interface TimeEntry {
  day: number;
  type: EntryType;
  /** Hours in hundredths (exact decimals). */
  centiHours: number;
  approvedDay: number;
}

/** The time entries of a person in a period, in day order (overtime after the day's regular hours). */
export function timeEntries(cx: RunContext, c: CompanyInfo, p: Person, period: number): TimeEntry[] {
  if (p.payOnly) return [];
  const per = cx.periods[period]!;
  const rng = new Rng(cx.seed, hash32("hr_time"), c.index, p.e.index, period);
  const base = Math.round(800 * p.fte);
  const out: TimeEntry[] = [];
  let vacation = 0;
  for (let day = per.firstDay; day < per.firstDay + per.days; day++) {
    if (day > p.lastDay) break;
    if (day < p.firstDay) continue;
    const wd = weekday(day);
    if (wd >= 5) continue;
    const approvedDay = approvalDay(c, day);
    if (isHoliday(c.holidays, day)) {
      out.push({ day, type: "holiday", centiHours: base, approvedDay });
      continue;
    }
    if (vacation === 0 && rng.chance(0.018)) vacation = 3 + rng.int(8);
    if (vacation > 0) {
      vacation--;
      out.push({ day, type: "vacation", centiHours: base, approvedDay });
      continue;
    }
    if (rng.chance(0.03)) {
      out.push({ day, type: "sick", centiHours: base, approvedDay });
      continue;
    }
    // Hourly staff clock in and out: a quarter hour either way.
    const jitter = p.hourly ? 25 * (rng.int(3) - 1) : 0;
    out.push({ day, type: "regular", centiHours: base + jitter, approvedDay });
    if (p.hourly && rng.chance(0.12)) out.push({ day, type: "overtime", centiHours: 50 * (2 + rng.int(5)), approvedDay });
  }
  return out;
}

/** The manager approves a week's entries on the first working day after its Friday. */
function approvalDay(c: CompanyInfo, day: number): number {
  let d = day + (7 - weekday(day));
  while (!isBusinessDay(d, c.holidays)) d++;
  return d;
}

/** Paid hours of a person between two days (inclusive), regular (incl. paid leave) and overtime, in hundredths. */
export function hoursBetween(cx: RunContext, c: CompanyInfo, p: Person, from: number, to: number): { regular: number; overtime: number } {
  let regular = 0;
  let overtime = 0;
  for (const per of cx.periods) {
    if (per.firstDay + per.days <= from || per.firstDay > to) continue;
    for (const t of timeEntries(cx, c, p, per.index)) {
      if (t.day < from || t.day > to) continue;
      if (t.type === "overtime") overtime += t.centiHours;
      else regular += t.centiHours;
    }
  }
  return { regular, overtime };
}
