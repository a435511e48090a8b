// The parameters of the transactions phase: volume, blocks, posting users, and the line-item,
// amount, timing and source distributions of standalone entries.
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import { HOLIDAY_CALENDARS } from "../../core/calendar.ts";

const lineItems = z
  .object({
    two: f.percent("share of entries with exactly 2 lines").default(0.61),
    three: f.percent("share of entries with exactly 3 lines").default(0.06),
    four: f.percent("share of entries with exactly 4 lines").default(0.17),
    even: f.percent("share of entries with an even line count").default(0.88),
    max: f.count("longest entry, in lines (the tail reaches it rarely)").min(4).max(10000).default(2000),
    tail: f.number("power-law exponent of the tail beyond 4 lines (higher: shorter tail; 2.5 gives 4.24 lines per entry on average)").min(1.01).max(10).default(2.5),
  })
  .meta({ doc: "line-item count distribution (empirical defaults from real ledgers)" });

const amounts = z
  .object({
    distribution: f.enum(["lognormal"], "amount distribution family").default("lognormal"),
    median: f.money("median entry amount, in the company currency unless a currency is given").default({ minor: 125000 }),
    sigma: f.number("log-normal spread (higher: heavier tail)").min(0.1).max(5).default(1.6),
    min: f.money("smallest amount").default({ minor: 100 }),
    max: f.money("largest amount").default({ minor: 5_000_000_00 }),
    benford: f.bool("shape first digits to Benford's law").default(true),
    round_share: f.percent("share of round amounts (multiples of 100 or 1000)").default(0.07),
  })
  .meta({ doc: "amount distribution of journal entries" });

const temporal = z
  .object({
    month_end: f.multiplier("posting intensity on the last business days of a month").default(2.5),
    quarter_end: f.multiplier("extra intensity at quarter end").default(1.6),
    year_end: f.multiplier("extra intensity at fiscal year end").default(2),
    period_end_days: f.count("how many business days count as period end").min(1).max(10).default(3),
    weekdays: f
      .list(f.number("weight").min(0), "weights for Monday..Sunday")
      .length(7)
      .default([1, 1, 1, 1, 1.1, 0.08, 0.03]),
    months: f
      .list(f.number("weight").min(0), "seasonality: weights for January..December (calendar months), 1 = an ordinary month")
      .length(12)
      .default([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
    holidays: f
      .enum(["auto", ...HOLIDAY_CALENDARS], "public holiday calendar (auto: each company's own country: US, DE, GB, FR, JP, CH; others none)")
      .default("auto"),
    holiday_weight: f.percent("posting on a public holiday, relative to an ordinary day").default(0.02),
  })
  .meta({ doc: "when entries are posted" });

const sources = z
  .object({
    manual: f.percent("share of manual entries").default(0.22),
    automated: f.percent("share of automated (interface) entries").default(0.63),
    recurring: f.percent("share of recurring entries").default(0.15),
  })
  .meta({ doc: "entry sources; shares must add up to 100%" });

export const params = z.object({
  volume: f.rate("standalone journal entries for the whole group, per year or per period (month); process chains add their own").default({ amount: 10000, per: "year" }),
  block_size: f.count("entries per block: the unit of deterministic randomness").min(64).max(1_000_000).default(4096),
  users: f.count("posting users per company").min(1).max(100000).default(25),
  line_items: lineItems.prefault({}),
  amounts: amounts.prefault({}),
  temporal: temporal.prefault({}),
  sources: sources.prefault({}),
});

export type TransactionsParams = z.infer<typeof params>;
