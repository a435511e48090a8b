// When documents happen: goods receipts, deliveries and invoices on the company's working days
// (the scenario's weekday weights and its holidays), payments and receipts on bank days of the
// company's country (ledger/context.ts), orders on working days drawn by posting intensity.
import { AliasTable, type Rng } from "../../core/rng.ts";
import { dayWeights, isHoliday, resolveHolidayCalendar, weekday, type TemporalParams } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { paramsOf } from "../../specs/phase.ts";
import { transactionsSpec } from "./spec.ts";

interface Calendar {
  /** Weekdays (0 = Monday) on which the company works: weight at least a quarter of the busiest day's. */
  working: boolean[];
  holidays: ReturnType<typeof resolveHolidayCalendar>;
  /** Per period: the alias table of its day weights (orders and entries are placed by it). */
  days: (AliasTable | undefined)[];
}

const cache = new WeakMap<RunContext, Calendar[]>();
// The last context asked for: every document of a block asks for its company's calendar.
let lastCx: RunContext | undefined;
let lastList: Calendar[] = [];

function calendarOf(cx: RunContext, c: CompanyInfo): Calendar {
  let list = cx === lastCx ? lastList : cache.get(cx);
  if (!list) cache.set(cx, (list = []));
  lastCx = cx;
  lastList = list;
  let cal = list[c.index];
  if (!cal) {
    const t = paramsOf(transactionsSpec, cx).temporal as TemporalParams;
    const max = Math.max(...t.weekdays);
    cal = list[c.index] = { working: t.weekdays.map((w) => w >= max / 4), holidays: resolveHolidayCalendar(t.holidays, c.country), days: [] };
  }
  return cal;
}

/** Whether the company works on a day: a working weekday that is not one of its holidays. */
export function isWorkDay(cx: RunContext, c: CompanyInfo, day: number): boolean {
  return works(calendarOf(cx, c), day);
}

const works = (cal: Calendar, day: number) => cal.working[weekday(day)]! && !isHoliday(cal.holidays, day);

export function workDayOnOrAfter(cx: RunContext, c: CompanyInfo, day: number): number {
  return onOrAfter(calendarOf(cx, c), day);
}

export function workDayOnOrBefore(cx: RunContext, c: CompanyInfo, day: number): number {
  return onOrBefore(calendarOf(cx, c), day);
}

function onOrAfter(cal: Calendar, day: number): number {
  for (let i = 0; i < 14 && !works(cal, day); i++) day++;
  return day;
}

function onOrBefore(cal: Calendar, day: number): number {
  for (let i = 0; i < 14 && !works(cal, day); i++) day--;
  return day;
}

/** A day of the period drawn by posting intensity (month-end spikes, weekdays, holidays), moved to a working day. */
export function activityDay(cx: RunContext, c: CompanyInfo, period: number, rng: Rng): number {
  const cal = calendarOf(cx, c);
  const p = cx.periods[period]!;
  let table = cal.days[period];
  if (!table) table = cal.days[period] = new AliasTable(dayWeights(p, paramsOf(transactionsSpec, cx).temporal as TemporalParams, cal.holidays));
  const day = p.firstDay + table.sample(rng);
  const work = onOrAfter(cal, day);
  // Stay in the period: past its last working day, take the last working day before.
  return work < p.firstDay + p.days ? work : onOrBefore(cal, day);
}
