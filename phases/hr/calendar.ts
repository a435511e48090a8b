// Pay runs: when each company pays, for which days. Monthly runs pay the calendar month on its
// last bank day; semi-monthly the 1st-15th on the 15th and the rest on the last day; biweekly
// and weekly runs pay the 14 or 7 days ending on a Friday. Pay dates move back to the bank day
// before when they fall on a weekend or holiday. Runs are a function of the plan alone, so
// every block and step computes the same list.
import { formatIso, weekday } from "../../core/calendar.ts";
import { bankDayOnOrAfter, bankDayOnOrBefore, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import { periodOfDay } from "../../ledger/flows.ts";

export type PayFrequency = "monthly" | "semi_monthly" | "biweekly" | "weekly";

export interface PayRun {
  id: string;
  /** Days the run pays for, clipped to the scenario (wages before its start are in the opening balances). */
  from: number;
  to: number;
  /** Days of the full pay period (the proration base of salaries). */
  fullDays: number;
  payDay: number;
  /** Scenario period of the pay day. */
  period: number;
  /** Runs of this frequency in a year: the salaried share of an annual salary is 1 / this. */
  perYear: number;
}

const PER_YEAR: Record<PayFrequency, number> = { monthly: 12, semi_monthly: 24, biweekly: 26, weekly: 52 };
/** Day of the week of 1970-01-01 (a Thursday) in the 0 = Monday convention: Friday is 4. */
const FRIDAY = 4;

const cache = new WeakMap<RunContext, Map<string, PayRun[]>>();

/** The company's pay runs paid within the scenario, in pay-date order. */
export function payRuns(cx: RunContext, c: CompanyInfo, frequency: PayFrequency): PayRun[] {
  let byKey = cache.get(cx);
  if (!byKey) cache.set(cx, (byKey = new Map()));
  const key = `${c.index}:${frequency}`;
  let runs = byKey.get(key);
  if (!runs) byKey.set(key, (runs = build(cx, c, frequency)));
  return runs;
}

function build(cx: RunContext, c: CompanyInfo, frequency: PayFrequency): PayRun[] {
  const start = cx.periods[0]!.firstDay;
  const last = cx.periods[cx.periods.length - 1]!;
  const end = last.firstDay + last.days;
  const spans: [number, number][] = [];
  if (frequency === "monthly" || frequency === "semi_monthly") {
    for (const p of cx.periods) {
      const lastDay = p.firstDay + p.days - 1;
      if (frequency === "monthly") spans.push([p.firstDay, lastDay]);
      else spans.push([p.firstDay, p.firstDay + 14], [p.firstDay + 15, lastDay]);
    }
  } else {
    const length = frequency === "weekly" ? 7 : 14;
    // The first period ends on the first Friday on or after the start (a full period back from it).
    let friday = start + ((FRIDAY - weekday(start) + 7) % 7);
    for (; friday - length + 1 < end; friday += length) spans.push([friday - length + 1, friday]);
  }
  const out: PayRun[] = [];
  for (const [from, to] of spans) {
    // Paid on the last bank day of the pay period; one before the scenario starts pays on its first bank day.
    let payDay = bankDayOnOrBefore(c, to);
    if (payDay < start) payDay = bankDayOnOrAfter(c, start);
    if (payDay >= end || to < start) continue;
    const period = periodOfDay(cx, payDay);
    out.push({ id: `PR-${c.code}-${formatIso(to).replaceAll("-", "")}`, from: Math.max(from, start), to: Math.min(to, end - 1), fullDays: to - from + 1, payDay, period, perYear: PER_YEAR[frequency] });
  }
  return out;
}

/** The runs paid in a scenario period. */
export function runsOfPeriod(cx: RunContext, c: CompanyInfo, frequency: PayFrequency, period: number): PayRun[] {
  return payRuns(cx, c, frequency).filter((r) => r.period === period);
}
