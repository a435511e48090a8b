// Posting-day weights shared by the compiler (volume per month) and the runtime (posting dates).
import { describe, expect, test } from "bun:test";
import { dayWeights, holidayCalendarFor, parseIso, periodAt, periodWeight, resolveHolidayCalendar, type TemporalParams } from "../../core/calendar.ts";

const T: TemporalParams = {
  month_end: 1,
  quarter_end: 1,
  year_end: 1,
  period_end_days: 3,
  weekdays: [1, 1, 1, 1, 1, 1, 1],
  holidays: "auto",
  months: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2],
  holiday_weight: 0.5,
};

describe("holiday calendars", () => {
  test("auto follows the company's country; countries without a calendar get none", () => {
    expect(["US", "DE", "GB", "FR", "JP", "CH", "BR", "NL", "none"].map(holidayCalendarFor)).toEqual(["us", "de", "gb", "fr", "jp", "ch", "none", "none", "none"]);
    expect(resolveHolidayCalendar("auto", "DE")).toBe("de");
    expect(resolveHolidayCalendar("us", "DE")).toBe("us");
  });

  test("a day that is a holiday in the calendar weighs holiday_weight", () => {
    const may = periodAt("2025-05-01", 1, 0);
    const firstOfMay = 0; // Labour Day in Germany, an ordinary Thursday in the US
    expect(dayWeights(may, T, "de")[firstOfMay]).toBe(0.5);
    expect(dayWeights(may, T, "us")[firstOfMay]).toBe(1);
    expect(may.firstDay).toBe(parseIso("2025-05-01"));
  });
});

describe("seasonality", () => {
  test("each day is weighted by its calendar month, so a month's volume follows it", () => {
    const nov = periodAt("2025-11-01", 1, 0);
    const dec = periodAt("2025-11-01", 1, 1);
    expect([...dayWeights(dec, T, "none")].every((w) => w === 2)).toBe(true);
    expect(periodWeight(dec, T, "none") / periodWeight(nov, T, "none")).toBeCloseTo((31 * 2) / 30, 12);
  });

  test("plans from before months and holiday_weight existed keep their old weights", () => {
    const { months: _m, holiday_weight: _h, ...old } = T;
    const jan = periodAt("2025-01-01", 1, 0);
    expect(dayWeights(jan, old, "us")[0]).toBe(0.02); // New Year's Day, the old constant
    expect(dayWeights(jan, old, "us")[1]).toBe(1);
  });
});
