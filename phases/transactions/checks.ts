// Semantic checks of the transactions settings: distributions that add up, amount ranges in
// order, weights that leave something to post on.
import type { CheckContext } from "../../specs/phase.ts";
import type { Money } from "../../specs/fields.ts";
import { formatMoney, formatPercent } from "../../specs/units.ts";
import { periodAt } from "../../core/calendar.ts";
import type { TransactionsParams } from "./params.ts";

const EPS = 1e-9;
const params = (cx: CheckContext) => cx.params("transactions") as TransactionsParams;
const at = (cx: CheckContext, ...path: string[]) => cx.at("phase", "transactions", ...path);

function checkLineItems(cx: CheckContext): void {
  const li = params(cx).line_items;
  const fixed = li.two + li.three + li.four;
  if (fixed > 1 + EPS) {
    cx.report("SYN3011", `line-item shares two + three + four are ${formatPercent(round(fixed))}, more than 100%`, at(cx, "line_items"));
  } else if (li.even + EPS < li.two + li.four) {
    cx.report("SYN3011", `even = ${formatPercent(li.even)} is less than two + four = ${formatPercent(round(li.two + li.four))}`, at(cx, "line_items", "even"));
  } else if (1 - li.even + EPS < li.three) {
    cx.report("SYN3011", `odd counts (100% - even = ${formatPercent(round(1 - li.even))}) are fewer than three = ${formatPercent(li.three)}`, at(cx, "line_items", "even"));
  } else if (li.max < 6 && li.even - li.two - li.four > EPS) {
    cx.report("SYN3011", `even counts beyond 4 lines need max >= 6 (max is ${li.max})`, at(cx, "line_items", "max"));
  }
}

function checkSources(cx: CheckContext): void {
  const s = params(cx).sources;
  const sum = s.manual + s.automated + s.recurring;
  if (Math.abs(sum - 1) > EPS) cx.report("SYN3011", `entry sources add up to ${formatPercent(round(sum))}, not 100%`, at(cx, "sources"));
}

/**
 * min <= median <= max, compared only between amounts in the same currency: an amount without
 * one is in the company's currency, which a fixed currency cannot be compared with.
 */
function checkAmounts(cx: CheckContext): void {
  const a = params(cx).amounts;
  if (a.min.minor <= 0) {
    cx.report("SYN3013", `amounts need min > 0 (min is ${formatMoney(a.min.minor, a.min.currency)})`, at(cx, "amounts", "min"));
    return;
  }
  const pairs: [string, Money, string, Money][] = [["min", a.min, "median", a.median], ["median", a.median, "max", a.max], ["min", a.min, "max", a.max]];
  const bad = pairs.find(([, lo, , hi]) => lo.currency === hi.currency && lo.minor > hi.minor);
  if (!bad) return;
  const [loKey, lo, hiKey, hi] = bad;
  const shown = (x: Money) => formatMoney(x.minor, x.currency);
  const span = cx.written("phase", "transactions", "amounts", hiKey) ? at(cx, "amounts", hiKey) : at(cx, "amounts", loKey);
  cx.report("SYN3013", `amounts need min <= median <= max, but ${hiKey} ${shown(hi)} is below ${loKey} ${shown(lo)}`, span);
}

/** Seasonality must leave some weight in the months the scenario covers. */
function checkTemporal(cx: CheckContext): void {
  const t = params(cx).temporal;
  const s = cx.scenario;
  if (!t.weekdays.some((w) => w > 0)) cx.report("SYN3011", "every weekday weight is 0: no day could be posted on", at(cx, "temporal", "weekdays"));
  const months = Array.from({ length: Math.min(s.months, 12) }, (_, i) => periodAt(s.start, s.fiscalStartMonth, i).month);
  if (!months.some((month) => t.months[month - 1]! > 0)) {
    cx.report("SYN3011", "every month the scenario covers has weight 0", at(cx, "temporal", "months"), "give at least one of its months a weight above 0");
  }
}

/** Avoids 0.6000000000000001 in messages. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export const transactionChecks = [checkLineItems, checkSources, checkAmounts, checkTemporal];
