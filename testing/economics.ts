// Going-concern invariants over generated tables: what an accountant checks before reading on.
// Cash and bank never end a day below zero; total assets and equity stay positive; tax, payroll
// and withholding liabilities never carry a real debit balance; no stock goes negative after
// any movement; the payroll fits the employee master; revenue, gross margin and net margin land
// on the business plan; bank movements only on bank days of the company's country; no zero
// lines; every document balances in its document currency; first digits follow Benford's law.
// Distressed companies (business { distress = true }) are exempt from the cash and equity checks;
// labelled anomalies from the checks their type breaks on purpose (testing/verify-excuse.ts).
import { holidayCalendarFor, isBusinessDay, parseIso } from "../core/calendar.ts";
import { NET_MARGIN_BANDS } from "../specs/business.ts";
import type { Industry } from "../specs/industries.ts";
import { minorOf, type Tables, type Violation } from "./verify.ts";
import { amountAnomalies, excusing } from "./verify-excuse.ts";

export interface EconomicsOptions {
  /** Companies allowed to run short of cash and equity. */
  distressed?: ReadonlySet<string>;
  /** Check net margins against the industry's band (off for scenarios too short to say). */
  industry?: Industry;
  /** Revenue within this share of the plan, gross margin within these points (defaults: 5%, 2 points). */
  revenueTolerance?: number;
  marginPoints?: number;
  /** Benford's law is checked for companies with at least this many lines (default 3000). */
  benfordLines?: number;
  /** Check plan versus actual (default true; too few documents make a plan year lumpy). */
  plan?: boolean;
}

type Report = (check: string, message: string) => void;
const rows = (t: Tables, name: string) => t.get(name) ?? [];

export function verifyEconomics(t: Tables, opts: EconomicsOptions = {}): Violation[] {
  const out: Violation[] = [];
  const counts = new Map<string, number>();
  const report: Report = excusing(t, (check, message) => {
    const n = (counts.get(check) ?? 0) + 1;
    counts.set(check, n);
    if (n <= 20) out.push({ check, message });
  });
  const roles = new Map(rows(t, "chart_of_accounts").map((a) => [String(a.account_number), String(a.role ?? "")]));
  const types = new Map(rows(t, "chart_of_accounts").map((a) => [String(a.account_number), String(a.account_type)]));
  const lines = rows(t, "journal_entries");
  checkLiquidity(lines, roles, opts, report);
  checkBalances(t, lines, roles, types, opts, report);
  checkStock(t, report);
  checkBankDays(t, lines, roles, report);
  checkDocuments(lines, report);
  if (opts.plan !== false) checkPlan(t, opts, report);
  const changed = amountAnomalies(t);
  checkBenford(changed.size ? lines.filter((r) => !changed.has(`${r.company_code}|${r.document_id}`)) : lines, opts.benfordLines ?? 3000, report);
  for (const [check, n] of counts) if (n > 20) out.push({ check, message: `and ${n - 20} more` });
  return out;
}

const LIQUID = new Set(["bank", "payroll_bank", "cash"]);

/** End-of-day balance of every cash and bank account: never below zero. */
function checkLiquidity(lines: readonly Record<string, unknown>[], roles: Map<string, string>, opts: EconomicsOptions, report: Report): void {
  const byAccount = new Map<string, Map<string, number>>();
  for (const r of lines) {
    if (!LIQUID.has(roles.get(String(r.account_number)) ?? "")) continue;
    const key = `${r.company_code}|${r.account_number}`;
    const days = byAccount.get(key) ?? new Map<string, number>();
    days.set(String(r.posting_date), (days.get(String(r.posting_date)) ?? 0) + minorOf(r.debit_amount) - minorOf(r.credit_amount));
    byAccount.set(key, days);
  }
  for (const [key, days] of byAccount) {
    if (opts.distressed?.has(key.split("|")[0]!)) continue;
    let balance = 0;
    for (const day of [...days.keys()].sort()) {
      balance += days.get(day)!;
      if (balance < 0) {
        report("cash-negative", `${key} ends ${day} at ${balance} minor units`);
        break;
      }
    }
  }
}

const OWED = new Set(["output_tax", "withholding_payable", "social_security_payable", "income_tax_payable", "payroll_payable"]);

/** At every period end: assets and equity positive, no tax or payroll liability materially in debit. */
function checkBalances(t: Tables, lines: readonly Record<string, unknown>[], roles: Map<string, string>, types: Map<string, string>, opts: EconomicsOptions, report: Report): void {
  type Acc = { assets: number; equity: number; owed: Map<string, number>; credits: Map<string, number> };
  const byPeriod = new Map<string, Map<number, Acc>>();
  for (const r of lines) {
    const company = String(r.company_code);
    const key = Number(r.fiscal_year) * 100 + Number(r.fiscal_period);
    let periods = byPeriod.get(company);
    if (!periods) byPeriod.set(company, (periods = new Map()));
    let a = periods.get(key);
    if (!a) periods.set(key, (a = { assets: 0, equity: 0, owed: new Map(), credits: new Map() }));
    const net = minorOf(r.debit_amount) - minorOf(r.credit_amount);
    const type = types.get(String(r.account_number));
    const role = roles.get(String(r.account_number)) ?? "";
    if (type === "asset") a.assets += net;
    // Equity as the books show it before closing: equity accounts plus the result so far.
    if (type === "equity" || type === "revenue" || type === "expense") a.equity -= net;
    if (OWED.has(role)) {
      a.owed.set(role, (a.owed.get(role) ?? 0) + net);
      a.credits.set(role, (a.credits.get(role) ?? 0) + minorOf(r.credit_amount));
    }
  }
  for (const [company, periods] of byPeriod) {
    const keys = [...periods.keys()].sort((x, y) => x - y);
    const credits = new Map<string, number>();
    for (const k of keys) for (const [role, v] of periods.get(k)!.credits) credits.set(role, (credits.get(role) ?? 0) + v);
    let assets = 0;
    let equity = 0;
    const owed = new Map<string, number>();
    for (const k of keys) {
      const a = periods.get(k)!;
      assets += a.assets;
      equity += a.equity;
      if (assets <= 0) report("assets-not-positive", `${company} total assets ${assets} at ${k}`);
      if (equity <= 0 && !opts.distressed?.has(company)) report("equity-not-positive", `${company} equity ${equity} at ${k}`);
      for (const [role, v] of a.owed) {
        owed.set(role, (owed.get(role) ?? 0) + v);
        const annual = ((credits.get(role) ?? 0) * 12) / keys.length;
        if (owed.get(role)! > 0.005 * annual && owed.get(role)! > 100) report("liability-in-debit", `${company} ${role} has a debit balance of ${owed.get(role)} at ${k} (annual credits ${Math.round(annual)})`);
      }
    }
  }
}

/** Stock of every material after the movements of each day (receipts before issues): never negative. */
function checkStock(t: Tables, report: Report): void {
  const byMaterial = new Map<string, Map<string, number>>();
  for (const r of rows(t, "inventory_movements")) {
    const key = `${r.company_code}|${r.material_id}`;
    const days = byMaterial.get(key) ?? new Map<string, number>();
    days.set(String(r.movement_date), (days.get(String(r.movement_date)) ?? 0) + Number(r.quantity));
    byMaterial.set(key, days);
  }
  for (const [key, days] of byMaterial) {
    let q = 0;
    for (const day of [...days.keys()].sort()) {
      q += days.get(day)!;
      if (q < 0) {
        report("stock-negative", `${key} stock ${q} after ${day}`);
        break;
      }
    }
  }
}

/** Bank accounts move, and payments and receipts are dated, only on bank days of the company's country. */
function checkBankDays(t: Tables, lines: readonly Record<string, unknown>[], roles: Map<string, string>, report: Report): void {
  const calendars = new Map(rows(t, "companies").map((c) => [String(c.company_code), holidayCalendarFor(String(c.country))]));
  const bankDay = (company: string, date: string) => isBusinessDay(parseIso(date), calendars.get(company) ?? holidayCalendarFor("US"));
  for (const r of lines) {
    const role = roles.get(String(r.account_number));
    if ((role !== "bank" && role !== "payroll_bank") || r.business_event === "opening_balance") continue;
    if (!bankDay(String(r.company_code), String(r.posting_date))) report("bank-holiday", `${r.company_code} ${r.document_id} (${r.business_event}) moves the bank on ${r.posting_date}`);
  }
  for (const [table, column] of [["payments", "payment_date"], ["customer_receipts", "receipt_date"]] as const) {
    for (const r of rows(t, table)) if (!bankDay(String(r.company_code), String(r[column]))) report("bank-holiday", `${table} ${r.company_code} dated ${r[column]}`);
  }
}

/** No zero lines; every document balances in its document currency as well. */
function checkDocuments(lines: readonly Record<string, unknown>[], report: Report): void {
  const docs = new Map<string, number>();
  for (const r of lines) {
    const dr = minorOf(r.debit_amount);
    const cr = minorOf(r.credit_amount);
    if (dr === 0 && cr === 0) report("zero-line", `${r.company_code} ${r.document_id} line ${r.line_number}`);
    const key = `${r.company_code}|${r.document_id}`;
    docs.set(key, (docs.get(key) ?? 0) + (dr > 0 ? 1 : -1) * minorOf(r.document_amount));
  }
  for (const [key, v] of docs) if (v !== 0) report("document-currency-balance", `${key} is off by ${v} in its document currency`);
}

/** Plan versus actual: revenue and gross margin on the plan, payroll 1.0-1.5x the master's salaries, net margin in the industry's band. */
function checkPlan(t: Tables, opts: EconomicsOptions, report: Report): void {
  const tolerance = opts.revenueTolerance ?? 0.05;
  const points = opts.marginPoints ?? 0.02;
  const salaries = new Map<string, number>();
  for (const e of rows(t, "employees")) if (e.is_active === true) salaries.set(String(e.company_code), (salaries.get(String(e.company_code)) ?? 0) + Number(e.annual_salary));
  for (const r of rows(t, "plan_vs_actual")) {
    const plan = Number(r.plan);
    const actual = Number(r.actual);
    const at = `${r.company_code} year ${r.plan_year}`;
    if (r.metric === "revenue" && Math.abs(actual - plan) > tolerance * plan) report("revenue-off-plan", `${at}: revenue ${actual} against a plan of ${plan}`);
    if (r.metric === "gross_margin" && Math.abs(actual - plan) > points) report("margin-off-plan", `${at}: gross margin ${actual} against a plan of ${plan}`);
    if (r.metric === "payroll") {
      const base = ((salaries.get(String(r.company_code)) ?? 0) * Number(r.months)) / 12;
      if (base > 0 && (actual < base || actual > 1.5 * base)) report("payroll-off-master", `${at}: payroll ${actual} is ${(actual / base).toFixed(2)}x the employee master's salaries`);
    }
    if (r.metric === "net_margin" && opts.industry) {
      const [lo, hi] = NET_MARGIN_BANDS[opts.industry];
      if (actual < lo || actual > hi) report("net-margin-out-of-band", `${at}: net margin ${actual} outside ${lo}..${hi}`);
    }
  }
}

const BENFORD = Array.from({ length: 9 }, (_, k) => Math.log10(1 + 1 / (k + 1)));

/** Mean absolute deviation of first digits from Benford's law, per company: below 0.012. */
function checkBenford(lines: readonly Record<string, unknown>[], minLines: number, report: Report): void {
  const digits = new Map<string, number[]>();
  for (const r of lines) {
    if (r.business_event === "opening_balance" || r.business_event === "year_end_close") continue;
    const amount = String(minorOf(r.debit_amount) || minorOf(r.credit_amount));
    const d = Number(amount[0]);
    if (!(d >= 1)) continue;
    const counts = digits.get(String(r.company_code)) ?? new Array<number>(9).fill(0);
    counts[d - 1]!++;
    digits.set(String(r.company_code), counts);
  }
  for (const [company, counts] of digits) {
    const n = counts.reduce((a, b) => a + b, 0);
    if (n < minLines) continue;
    const mad = counts.reduce((s, c, k) => s + Math.abs(c / n - BENFORD[k]!), 0) / 9;
    if (mad >= 0.012) report("benford", `${company}: first-digit MAD ${mad.toFixed(4)} over ${n} lines`);
  }
}
