// Semantic checks over the resolved model: small functions, each reporting what is wrong with
// one concern, with the span of the setting that causes it.
import { fileSpan, type DiagnosticBag, type Span } from "../core/diagnostics.ts";
import type { Model } from "./model.ts";
import { formatMoney, formatPercent } from "./units.ts";
import { CODE, type Money } from "../specs/fields.ts";
import { periodAt } from "../core/calendar.ts";
import { FISCAL_START_MONTH } from "../specs/scenario.ts";

type Check = (m: Model, diags: DiagnosticBag) => void;

const at = (m: Model, ...path: (string | number)[]): Span => m.spans.nearest(path) ?? fileSpan(m.rootFile);

const EPS = 1e-9;

export const checkStart: Check = (m, diags) => {
  if (!m.doc.scenario.start.endsWith("-01")) {
    diags.report("SYN3008", `start ${m.doc.scenario.start} is not the first day of a month`, at(m, "scenario", "start"), "periods are months: start on the 1st");
  }
};

/** No scenario block anywhere: allowed (defaults apply), but usually an oversight. */
export const checkScenarioBlock: Check = (m, diags) => {
  // After a syntax error the block may well be there, unreadable: say nothing more.
  if (m.spans.get(["scenario"]) !== undefined || diags.items.some((d) => d.code.startsWith("SYN1"))) return;
  const s = m.doc.scenario;
  const hint = `the defaults apply (seed ${s.seed}, start ${s.start}, ${s.months} months, industry ${s.industry}); add scenario "Name" { seed = ... start = ... }`;
  diags.report("SYN3015", "no scenario block", fileSpan(m.rootFile), hint);
};

export const checkCompanyCodes: Check = (m, diags) => {
  for (const code of Object.keys(m.doc.company)) {
    if (CODE.test(code)) continue;
    const tidy = code.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 12) || "C01";
    diags.report("SYN3003", `company code "${code}" must be 1-12 letters, digits, _ or -`, at(m, "company", code), `write company ${tidy} { name = ${JSON.stringify(code)} }`);
  }
};

export const checkCompanies: Check = (m, diags) => {
  const companies = Object.entries(m.doc.company);
  const explicit = companies.filter(([, c]) => c.share !== undefined);
  const sum = explicit.reduce((s, [, c]) => s + c.share!, 0);
  if (sum > 1 + EPS) {
    diags.report("SYN3007", `company shares add up to ${formatPercent(round(sum))}, more than 100%`, at(m, "company", explicit[explicit.length - 1]![0], "share"));
  } else if (explicit.length === companies.length && companies.length > 0 && Math.abs(sum - 1) > EPS) {
    diags.report("SYN3007", `company shares add up to ${formatPercent(round(sum))}, not 100%`, at(m, "company", explicit[explicit.length - 1]![0], "share"), "leave one company's share out to give it the rest");
  } else if (explicit.length < companies.length && sum >= 1 - EPS) {
    const [code] = companies.find(([, c]) => c.share === undefined)!;
    diags.report("SYN3007", `company ${code} gets no volume: the others already take 100%`, at(m, "company", code));
  }
};

export const checkLineItems: Check = (m, diags) => {
  const li = m.params.transactions.line_items;
  const span = at(m, "phase", "transactions", "line_items");
  const fixed = li.two + li.three + li.four;
  if (fixed > 1 + EPS) {
    diags.report("SYN3011", `line-item shares two + three + four are ${formatPercent(round(fixed))}, more than 100%`, span);
  } else if (li.even + EPS < li.two + li.four) {
    diags.report("SYN3011", `even = ${formatPercent(li.even)} is less than two + four = ${formatPercent(round(li.two + li.four))}`, at(m, "phase", "transactions", "line_items", "even"));
  } else if (1 - li.even + EPS < li.three) {
    diags.report("SYN3011", `odd counts (100% - even = ${formatPercent(round(1 - li.even))}) are fewer than three = ${formatPercent(li.three)}`, at(m, "phase", "transactions", "line_items", "even"));
  } else if (li.max < 6 && li.even - li.two - li.four > EPS) {
    diags.report("SYN3011", `even counts beyond 4 lines need max >= 6 (max is ${li.max})`, at(m, "phase", "transactions", "line_items", "max"));
  }
};

export const checkSources: Check = (m, diags) => {
  const s = m.params.transactions.sources;
  const sum = s.manual + s.automated + s.recurring;
  if (Math.abs(sum - 1) > EPS) {
    diags.report("SYN3011", `entry sources add up to ${formatPercent(round(sum))}, not 100%`, at(m, "phase", "transactions", "sources"));
  }
};

/**
 * min <= median <= max, compared only between amounts in the same currency: an amount without
 * one is in the company's currency, which a fixed currency cannot be compared with.
 */
export const checkAmounts: Check = (m, diags) => {
  const a = m.params.transactions.amounts;
  const where = (key: string) => at(m, "phase", "transactions", "amounts", key);
  if (a.min.minor <= 0) {
    diags.report("SYN3013", `amounts need min > 0 (min is ${formatMoney(a.min.minor, a.min.currency)})`, where("min"));
    return;
  }
  const pairs: [string, Money, string, Money][] = [["min", a.min, "median", a.median], ["median", a.median, "max", a.max], ["min", a.min, "max", a.max]];
  const bad = pairs.find(([, lo, , hi]) => lo.currency === hi.currency && lo.minor > hi.minor);
  if (!bad) return;
  const [loKey, lo, hiKey, hi] = bad;
  const shown = (x: Money) => formatMoney(x.minor, x.currency);
  const span = m.spans.get(["phase", "transactions", "amounts", hiKey]) ? where(hiKey) : where(loKey);
  diags.report("SYN3013", `amounts need min <= median <= max, but ${hiKey} ${shown(hi)} is below ${loKey} ${shown(lo)}`, span);
};

/** Seasonality must leave some weight in the months the scenario covers. */
export const checkTemporal: Check = (m, diags) => {
  const t = m.params.transactions.temporal;
  const s = m.doc.scenario;
  if (!t.weekdays.some((w) => w > 0)) {
    diags.report("SYN3011", "every weekday weight is 0: no day could be posted on", at(m, "phase", "transactions", "temporal", "weekdays"));
  }
  const months = Array.from({ length: Math.min(s.months, 12) }, (_, i) => periodAt(s.start, FISCAL_START_MONTH[s.fiscal_year], i).month);
  if (!months.some((month) => t.months[month - 1]! > 0)) {
    diags.report("SYN3011", "every month the scenario covers has weight 0", at(m, "phase", "transactions", "temporal", "months"), "give at least one of its months a weight above 0");
  }
};

const TYPE_DIGITS: Record<string, string> = { asset: "1", liability: "2", equity: "3", revenue: "4", expense: "5-8" };

export const checkAccounts: Check = (m, diags) => {
  const accounts = m.doc.chart_of_accounts.account;
  for (const [number, acc] of Object.entries(accounts)) {
    const span = at(m, "chart_of_accounts", "account", number);
    if (!/^\d{4,8}$/.test(number)) {
      diags.report("SYN3016", `account number "${number}" must be 4 to 8 digits`, span);
    } else if (!accountDigitFits(number, acc.type)) {
      diags.report("SYN3016", `account ${number} is ${article(acc.type)} ${acc.type} account, so its number starts with ${TYPE_DIGITS[acc.type]}`, span);
    }
    if (acc.parent !== undefined && acc.parent !== number && !acc.parent.startsWith(number[0]!)) {
      diags.report("SYN3016", `parent ${acc.parent} of account ${number} belongs to another account class`, at(m, "chart_of_accounts", "account", number, "parent"));
    }
  }
};

export function accountDigitFits(number: string, type: string): boolean {
  const d = Number(number[0]);
  return type === "expense" ? d >= 5 && d <= 8 : TYPE_DIGITS[type] === String(d);
}

export const checkRuntime: Check = (m, diags) => {
  const r = m.doc.runtime;
  if (r.memory_soft >= r.memory_hard) {
    diags.report("SYN3013", "memory_soft must be below memory_hard", at(m, "runtime", "memory_soft"));
  }
};

const CHECKS: Check[] = [
  checkScenarioBlock,
  checkStart,
  checkCompanyCodes,
  checkCompanies,
  checkLineItems,
  checkSources,
  checkAmounts,
  checkTemporal,
  checkAccounts,
  checkRuntime,
];

export function runChecks(m: Model, diags: DiagnosticBag): void {
  for (const check of CHECKS) check(m, diags);
}

/** "an asset", "a liability": by the word's first letter. */
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** Avoids 0.6000000000000001 in messages. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
