// Semantic checks over the resolved model: small functions, each reporting what is wrong with
// one concern, with the span of the setting that causes it.
import { fileSpan, type DiagnosticBag, type Span } from "./diagnostics.ts";
import type { Model } from "./model.ts";
import { formatPercent } from "./units.ts";

type Check = (m: Model, diags: DiagnosticBag) => void;

const at = (m: Model, ...path: (string | number)[]): Span => m.spans.nearest(path) ?? fileSpan(m.rootFile);

const EPS = 1e-9;

export const checkStart: Check = (m, diags) => {
  if (!m.doc.scenario.start.endsWith("-01")) {
    diags.report("SYN3008", `start ${m.doc.scenario.start} is not the first day of a month`, at(m, "scenario", "start"), "periods are months: start on the 1st");
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

export const checkAmounts: Check = (m, diags) => {
  const a = m.params.transactions.amounts;
  const cur = new Set([a.min.currency, a.median.currency, a.max.currency]);
  if (cur.size > 1) {
    diags.report("SYN3001", "amount min, median and max must use the same currency", at(m, "phase", "transactions", "amounts"));
  } else if (!(a.min.minor > 0 && a.min.minor <= a.median.minor && a.median.minor <= a.max.minor)) {
    diags.report("SYN3013", "amounts need 0 < min <= median <= max", at(m, "phase", "transactions", "amounts"));
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
      diags.report("SYN3016", `account ${number} is a ${acc.type} account, so its number starts with ${TYPE_DIGITS[acc.type]}`, span);
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
  if (typeof r.workers === "number" && r.workers > 256) {
    diags.report("SYN3002", "runtime.workers must be at most 256", at(m, "runtime", "workers"));
  }
};

const CHECKS: Check[] = [checkStart, checkCompanies, checkLineItems, checkSources, checkAmounts, checkAccounts, checkRuntime];

export function runChecks(m: Model, diags: DiagnosticBag): void {
  for (const check of CHECKS) check(m, diags);
}

/** Avoids 0.6000000000000001 in messages. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
