// Semantic checks over the resolved model: small functions, each reporting what is wrong with
// one concern, with the span of the setting that causes it.
import { fileSpan, type DiagnosticBag, type Span } from "../core/diagnostics.ts";
import type { Model } from "./model.ts";
import { formatPercent } from "../specs/units.ts";
import { CODE } from "../specs/fields.ts";
import { FISCAL_START_MONTH } from "../specs/scenario.ts";
import type { CheckContext } from "../specs/phase.ts";
import { ACCOUNT_ROLES, type AccountRole } from "../specs/accounts.ts";
import { buildChart, SINGLE_ROLES } from "../ledger/chart.ts";
import type { Plan } from "../specs/plan.ts";
import type { PhaseDecision } from "./phase-order.ts";

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
    if (acc.role && ACCOUNT_ROLES[acc.role] !== acc.type) {
      diags.report("SYN3016", `role ${acc.role} is for ${article(ACCOUNT_ROLES[acc.role])} ${ACCOUNT_ROLES[acc.role]} account; account ${number} is ${article(acc.type)} ${acc.type} account`, at(m, "chart_of_accounts", "account", number, "role"));
    }
  }
  checkAccountRoles(m, diags);
  checkAccountNames(m, diags);
};

/** A role the generators post to one account (a control account) takes one custom account. */
function checkAccountRoles(m: Model, diags: DiagnosticBag): void {
  const byRole = new Map<string, string[]>();
  for (const [number, acc] of Object.entries(m.doc.chart_of_accounts.account)) if (acc.role) byRole.set(acc.role, [...(byRole.get(acc.role) ?? []), number]);
  for (const [role, numbers] of byRole) {
    if (numbers.length < 2 || !SINGLE_ROLES.has(role as AccountRole)) continue;
    diags.report("SYN3016", `role ${role} takes one account, but accounts ${numbers.join(" and ")} both have it`, at(m, "chart_of_accounts", "account", numbers[1]!, "role"));
  }
}

/** Account names are unique in the chart the run posts to (custom accounts against the preset and each other). */
function checkAccountNames(m: Model, diags: DiagnosticBag): void {
  const custom = Object.entries(m.doc.chart_of_accounts.account).filter(([n]) => /^\d{4,8}$/.test(n)).map(([number, a]) => ({ number, name: a.name, type: a.type, parent: a.parent, role: a.role }));
  const chart = buildChart({ chartOfAccounts: { size: m.doc.chart_of_accounts.size, custom } } as Plan);
  const seen = new Map<string, string>();
  for (const a of chart.accounts) {
    const other = seen.get(a.name.toLowerCase());
    seen.set(a.name.toLowerCase(), a.number);
    if (other === undefined) continue;
    const mine = m.doc.chart_of_accounts.account[a.number] ? a.number : other;
    const preset = mine === a.number ? other : a.number;
    const role = chart.get(preset)?.role;
    diags.report("SYN3016", `account ${mine} is named "${a.name}" like account ${preset}`, at(m, "chart_of_accounts", "account", mine, "name"), role ? `give it role = ${role} to replace ${preset}, or another name` : "give it another name");
  }
}

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
  checkAccounts,
  checkRuntime,
];

/** The scenario-level checks, then every phase's own (each phase folder registers its checks). */
export function runChecks(m: Model, diags: DiagnosticBag): void {
  for (const check of CHECKS) check(m, diags);
  const cx = checkContext(m, diags);
  for (const spec of m.language.specs) for (const check of spec.checks ?? []) check(cx);
}

/** What a phase's checks see of the model. */
function checkContext(m: Model, diags: DiagnosticBag): CheckContext {
  const s = m.doc.scenario;
  return {
    scenario: { start: s.start, months: s.months, fiscalStartMonth: FISCAL_START_MONTH[s.fiscal_year], industry: s.industry },
    params: (id) => m.params[id]!,
    at: (...path) => at(m, ...path),
    written: (...path) => m.spans.get(path) !== undefined,
    report: (code, message, span, hint) => diags.report(code, message, span, hint),
  };
}

/**
 * `output { tables = [...] }` may only name tables a running phase writes: a table of a disabled
 * or skipped phase would silently be missing from the output.
 */
export function checkOutputTables(m: Model, decisions: readonly PhaseDecision[], diags: DiagnosticBag): void {
  const status = new Map(decisions.map((d) => [d.id, d]));
  (m.doc.output.tables ?? []).forEach((table, i) => {
    const spec = m.language.specs.find((s) => s.tables.some((t) => t.name === table));
    const d = spec && status.get(spec.id);
    if (!spec || !d || d.status === "run") return;
    const why = d.status === "disabled" ? "which is disabled" : `which is skipped (${d.reason})`;
    diags.report("SYN3018", `table ${table} is written by phase ${spec.id}, ${why}`, at(m, "output", "tables", i), `enable phase ${spec.id}, or leave ${table} out of output.tables`);
  });
}

/** "an asset", "a liability": by the word's first letter. */
function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** Avoids 0.6000000000000001 in messages. */
function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
