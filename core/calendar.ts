// Calendar arithmetic without Date (so it never depends on the host's time zone), fiscal
// periods, public holidays and posting-day weights. Shared by the compiler (volume per month)
// and the runtime (posting dates), so both agree to the day.

/** Days since 1970-01-01 for a civil date (proleptic Gregorian; H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Monday ... 6 = Sunday. */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

export function parseIso(text: string): number {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  return daysFromCivil(y, m, d);
}

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));

const isoCache = new Map<number, string>();

/** YYYY-MM-DD of a day (cached: generators format the same few thousand days millions of times). */
export function formatIso(days: number): string {
  let s = isoCache.get(days);
  if (s === undefined) {
    const { y, m, d } = civilFromDays(days);
    s = `${y}-${pad2(m)}-${pad2(d)}`;
    if (isoCache.size < 200_000) isoCache.set(days, s);
  }
  return s;
}

export function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

export interface Period {
  /** 0-based index from the scenario start. */
  index: number;
  year: number;
  month: number;
  /** Fiscal year, named by the calendar year in which it ends. */
  fiscalYear: number;
  /** 1-12 within the fiscal year. */
  fiscalPeriod: number;
  firstDay: number;
  days: number;
  isQuarterEnd: boolean;
  isYearEnd: boolean;
}

export function periodAt(startIso: string, fiscalStartMonth: number, index: number): Period {
  const start = civilFromDays(parseIso(startIso));
  const monthIndex = start.y * 12 + (start.m - 1) + index;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const fiscalPeriod = ((month - fiscalStartMonth + 12) % 12) + 1;
  const fiscalYear = fiscalStartMonth === 1 || month < fiscalStartMonth ? year : year + 1;
  return {
    index,
    year,
    month,
    fiscalYear,
    fiscalPeriod,
    firstDay: daysFromCivil(year, month, 1),
    days: daysInMonth(year, month),
    isQuarterEnd: fiscalPeriod % 3 === 0,
    isYearEnd: fiscalPeriod === 12,
  };
}

// --- holidays ---

export const HOLIDAY_CALENDARS = ["none", "us", "de", "gb", "fr", "jp", "ch"] as const;
export type HolidayCalendar = (typeof HOLIDAY_CALENDARS)[number];

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easter(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(y, month, day);
}

/** The n-th (1-based) weekday wd (0 = Monday) of a month; n = -1 for the last. */
export function nthWeekday(y: number, m: number, wd: number, n: number): number {
  if (n < 0) {
    const last = daysFromCivil(y, m, daysInMonth(y, m));
    return last - ((weekday(last) - wd + 7) % 7);
  }
  const first = daysFromCivil(y, m, 1);
  return first + ((wd - weekday(first) + 7) % 7) + (n - 1) * 7;
}

const MON = 0;
const THU = 3;

function holidayDays(cal: HolidayCalendar, y: number): number[] {
  const d = (m: number, day: number) => daysFromCivil(y, m, day);
  const e = easter(y);
  switch (cal) {
    case "none":
      return [];
    case "us":
      return [d(1, 1), nthWeekday(y, 1, MON, 3), nthWeekday(y, 2, MON, 3), nthWeekday(y, 5, MON, -1), d(6, 19), d(7, 4),
        nthWeekday(y, 9, MON, 1), nthWeekday(y, 10, MON, 2), d(11, 11), nthWeekday(y, 11, THU, 4), d(12, 25)];
    case "de":
      return [d(1, 1), e - 2, e + 1, d(5, 1), e + 39, e + 50, d(10, 3), d(12, 25), d(12, 26)];
    case "gb":
      return [d(1, 1), e - 2, e + 1, nthWeekday(y, 5, MON, 1), nthWeekday(y, 5, MON, -1), nthWeekday(y, 8, MON, -1), d(12, 25), d(12, 26)];
    case "fr":
      return [d(1, 1), e + 1, d(5, 1), d(5, 8), e + 39, e + 50, d(7, 14), d(8, 15), d(11, 1), d(11, 11), d(12, 25)];
    case "jp":
      return [d(1, 1), d(1, 2), d(1, 3), nthWeekday(y, 1, MON, 2), d(2, 11), d(2, 23), d(3, 20), d(4, 29), d(5, 3), d(5, 4), d(5, 5),
        nthWeekday(y, 7, MON, 3), d(8, 11), nthWeekday(y, 9, MON, 3), d(9, 23), nthWeekday(y, 10, MON, 2), d(11, 3), d(11, 23)];
    case "ch":
      return [d(1, 1), d(1, 2), e - 2, e + 1, e + 39, e + 50, d(8, 1), d(12, 25), d(12, 26)];
  }
}

const holidayCache = new Map<string, Set<number>>();

export function holidaySet(cal: HolidayCalendar, y: number): Set<number> {
  const key = `${cal}:${y}`;
  let s = holidayCache.get(key);
  if (!s) holidayCache.set(key, (s = new Set(holidayDays(cal, y))));
  return s;
}

export function isBusinessDay(day: number, cal: HolidayCalendar): boolean {
  return weekday(day) < 5 && !isHoliday(cal, day);
}

/** Holidays as a bit per day from 1970 to 2199 (days outside: never a holiday), built once per calendar. */
const HOLIDAY_FIRST_YEAR = 1970;
const HOLIDAY_LAST_YEAR = 2199;
const holidayMasks = new Map<HolidayCalendar, Uint8Array>();

/** Whether a day is a public holiday of the calendar (a flat lookup: generators ask this for every document). */
export function isHoliday(cal: HolidayCalendar, day: number): boolean {
  if (cal === "none") return false;
  let mask = holidayMasks.get(cal);
  if (!mask) {
    const first = daysFromCivil(HOLIDAY_FIRST_YEAR, 1, 1);
    mask = new Uint8Array(daysFromCivil(HOLIDAY_LAST_YEAR + 1, 1, 1) - first);
    for (let y = HOLIDAY_FIRST_YEAR; y <= HOLIDAY_LAST_YEAR; y++) for (const d of holidayDays(cal, y)) if (d - first >= 0 && d - first < mask.length) mask[d - first] = 1;
    holidayMasks.set(cal, mask);
  }
  const i = day - HOLIDAY_EPOCH;
  return i >= 0 && i < mask.length && mask[i] === 1;
}

const HOLIDAY_EPOCH = daysFromCivil(HOLIDAY_FIRST_YEAR, 1, 1);

/** The calendar a company in `country` (ISO 3166 alpha-2) follows; countries without one: none. */
export function holidayCalendarFor(country: string): HolidayCalendar {
  const cal = country.toLowerCase();
  return cal !== "none" && (HOLIDAY_CALENDARS as readonly string[]).includes(cal) ? (cal as HolidayCalendar) : "none";
}

/** A `holidays` setting for one company: `auto` follows the company's country. */
export function resolveHolidayCalendar(setting: HolidayCalendar | "auto", country: string): HolidayCalendar {
  return setting === "auto" ? holidayCalendarFor(country) : setting;
}

// --- posting intensity ---

export interface TemporalParams {
  month_end: number;
  quarter_end: number;
  year_end: number;
  period_end_days: number;
  weekdays: number[];
  /** The setting as written; resolve it per company with resolveHolidayCalendar. */
  holidays: HolidayCalendar | "auto";
  /** Seasonality, January..December (absent in plans from before it existed: all 1). */
  months?: readonly number[];
  /** Posting on a holiday relative to an ordinary day (absent: DEFAULT_HOLIDAY_WEIGHT). */
  holiday_weight?: number;
}

/** Holidays still see a trickle of automated postings. */
export const DEFAULT_HOLIDAY_WEIGHT = 0.02;

/**
 * Relative posting weight of each day of a period (month / quarter / year-end spikes and the
 * calendar month's seasonality included), under the company's resolved holiday calendar.
 */
export function dayWeights(p: Period, t: TemporalParams, calendar: HolidayCalendar): Float64Array {
  const w = new Float64Array(p.days);
  const hol = holidaySet(calendar, p.year);
  const season = t.months?.[p.month - 1] ?? 1;
  const holidayWeight = t.holiday_weight ?? DEFAULT_HOLIDAY_WEIGHT;
  let businessFromEnd = 0;
  for (let i = p.days - 1; i >= 0; i--) {
    const day = p.firstDay + i;
    const wd = weekday(day);
    const holiday = hol.has(day);
    let weight = season * (t.weekdays[wd] ?? 1) * (holiday ? holidayWeight : 1);
    const business = wd < 5 && !holiday;
    if (business && businessFromEnd < t.period_end_days) {
      weight *= t.month_end * (p.isQuarterEnd ? t.quarter_end : 1) * (p.isYearEnd ? t.year_end : 1);
    }
    if (business) businessFromEnd++;
    w[i] = weight;
  }
  return w;
}

export function periodWeight(p: Period, t: TemporalParams, calendar: HolidayCalendar): number {
  let s = 0;
  for (const x of dayWeights(p, t, calendar)) s += x;
  return s;
}
