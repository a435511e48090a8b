// The HR phase: payroll from the employee master at every pay frequency, gross to net by
// country, postings that equal the pay lines and clear their payables, time entries on working
// days, expense reports reimbursed with the next run, and the core cycle's payroll replaced.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { compile } from "../../compiler/compile.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyFlows, verifyLedger, minorOf } from "../../testing/verify.ts";
import { verifyEconomics } from "../../testing/economics.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import { holidayCalendarFor, isBusinessDay, isHoliday, parseIso } from "../../core/calendar.ts";
import { annualTax, payrollRules, COUNTRY_PAYROLL } from "../../phases/hr/rates.ts";
import { contribution } from "../../phases/hr/gross.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

type Row = Record<string, unknown>;

function scenario(frequency: string, extra = ""): string {
  return `
scenario "HR" { seed = 11 industry = manufacturing start = 2025-01-01 months = 14 group_currency = USD }
company US1 { country = US currency = USD share = 60% }
company DE1 { country = DE currency = EUR }
fx { EUR = 1.085 }
phase master_data { vendors = 20 customers = 30 materials = 30 fixed_assets = 15 employees = 60 cost_centers = 6 }
phase transactions { volume = 3k per year }
process procure_to_pay { volume = 600 per year }
process order_to_cash { volume = 600 per year }
process intercompany { volume = 24 per year }
phase hr { pay_frequency = ${frequency} ${extra} }
`;
}

function run(frequency: string, extra = "") {
  const r = compile(scenario(frequency, extra), { path: "hr.synth" });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return generateInMemory(r.plan!);
}

const sum = (rows: Row[], col: string) => rows.reduce((s, r) => s + minorOf(r[col]), 0);
const ledger = run("biweekly");
const t = (name: string) => (ledger.tables.get(name) ?? []) as Row[];

describe("hr", () => {
  test("the ledger stays whole: documents balance, subledgers (payroll payables included) reconcile, going concern holds", () => {
    expect(verifyLedger(ledger.tables, DEFAULT_MODULES.tables())).toEqual([]);
    expect(verifyFlows(ledger.tables)).toEqual([]);
    expect(verifyEconomics(ledger.tables, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
    const hrRows = t("reconciliation").filter((r) => String(r.subledger).startsWith("payroll") || r.subledger === "employee_payables");
    expect(hrRows.length).toBe(3 * 2 * 14);
    expect(hrRows.every((r) => r.status === "reconciled")).toBe(true);
    // Withholdings are really owed at period ends: the check compares something.
    expect(hrRows.some((r) => r.subledger === "payroll_withholding" && minorOf(r.gl_balance) > 0)).toBe(true);
  });

  test("payroll expense is the pay lines' gross and employer costs, once: the core cycle posts no payroll", () => {
    const roles = new Map(t("chart_of_accounts").map((a) => [String(a.account_number), String(a.role)]));
    for (const company of ["US1", "DE1"]) {
      const lines = t("payroll_lines").filter((r) => r.company_code === company);
      const expected = sum(lines, "gross_pay") + sum(lines, "employer_social") + sum(lines, "employer_retirement") + sum(lines, "employer_benefits");
      const expense = t("journal_entries")
        .filter((r) => r.company_code === company && ["salaries", "social_security"].includes(roles.get(String(r.account_number))!) && r.business_event !== "year_end_close")
        .reduce((s, r) => s + minorOf(r.debit_amount) - minorOf(r.credit_amount), 0);
      expect(expense).toBe(expected);
    }
    expect(t("journal_entries").some((r) => r.posted_by === "SYS-PAYROLL")).toBe(false);
  });

  test("each run's totals are its lines'; every employee is paid at most once per run; net = gross - deductions", () => {
    const byRun = new Map<string, Row[]>();
    for (const l of t("payroll_lines")) byRun.set(String(l.run_id), [...(byRun.get(String(l.run_id)) ?? []), l]);
    for (const r of t("payroll_runs")) {
      const lines = byRun.get(String(r.run_id)) ?? [];
      expect(lines.length).toBe(Number(r.employees));
      expect(new Set(lines.map((l) => l.employee_id)).size).toBe(lines.length);
      expect(sum(lines, "gross_pay")).toBe(minorOf(r.gross_pay));
      expect(sum(lines, "net_pay")).toBe(minorOf(r.net_pay));
    }
    for (const l of t("payroll_lines")) {
      expect(minorOf(l.net_pay)).toBe(minorOf(l.gross_pay) - minorOf(l.income_tax) - minorOf(l.employee_social) - minorOf(l.employee_retirement));
      expect(minorOf(l.gross_pay)).toBe(minorOf(l.base_pay) + minorOf(l.overtime_pay) + minorOf(l.bonus));
    }
  });

  test("net pay and approved expense reports are paid on the pay date, on a bank day; reimbursed reports point at their run", () => {
    const roles = new Map(t("chart_of_accounts").map((a) => [String(a.account_number), String(a.role)]));
    for (const r of t("payroll_runs")) {
      const paid = t("journal_entries").filter((j) => j.document_id === r.payment_document_id && roles.get(String(j.account_number)) === "payroll_payable");
      expect(sum(paid, "debit_amount")).toBe(minorOf(r.net_pay) + minorOf(r.reimbursements));
      expect(paid.every((j) => j.posting_date === r.pay_date)).toBe(true);
      const country = r.company_code === "US1" ? "US" : "DE";
      expect(isBusinessDay(parseIso(String(r.pay_date)), holidayCalendarFor(country))).toBe(true);
      const reports = t("expense_reports").filter((e) => e.reimbursed_in_run === r.run_id);
      expect(sum(reports, "total_amount")).toBe(minorOf(r.reimbursements));
    }
    expect(t("expense_reports").some((e) => e.reimbursed_in_run !== null)).toBe(true);
    for (const e of t("expense_reports")) {
      const lines = t("expense_lines").filter((l) => l.report_id === e.report_id);
      expect(sum(lines, "gross_amount")).toBe(minorOf(e.total_amount));
      expect(e.status === "approved").toBe(e.journal_document_id !== null);
    }
  });

  test("time entries fall on working days; public holidays are paid as holidays; managers approve", () => {
    const entries = t("time_entries");
    expect(entries.length).toBeGreaterThan(10_000);
    for (const e of entries.slice(0, 5000)) {
      const day = parseIso(String(e.work_date));
      const cal = holidayCalendarFor(e.company_code === "US1" ? "US" : "DE");
      expect(isBusinessDay(day, cal) || (e.entry_type === "holiday" && isHoliday(cal, day))).toBe(true);
      expect(e.approved_date === null || String(e.approved_date) > String(e.work_date)).toBe(true);
    }
    expect(new Set(entries.map((e) => e.entry_type))).toEqual(new Set(["regular", "overtime", "vacation", "sick", "holiday"]));
  });

  test("leavers are replaced: the replacement joins the employee master and is paid from its hire date", () => {
    const events = t("employee_events");
    const leavers = events.filter((e) => e.event_type === "termination");
    expect(leavers.length).toBeGreaterThan(0);
    const employees = new Map(t("employees").map((e) => [`${e.company_code}|${e.employee_id}`, e]));
    for (const l of t("payroll_lines")) expect(employees.has(`${l.company_code}|${l.employee_id}`)).toBe(true);
    const hired = events.filter((e) => e.event_type === "hire" && String(e.event_date) >= "2025-01-01");
    expect(hired.length).toBeGreaterThan(0);
    for (const h of hired) expect(employees.get(`${h.company_code}|${h.employee_id}`)!.hire_date).toBe(h.event_date);
  });

  test("every pay frequency is honoured: runs a year", () => {
    for (const [frequency, perYear] of [["monthly", 12], ["semi_monthly", 24], ["weekly", 52]] as const) {
      const l = run(frequency, "time_entries = false expenses = false");
      const runs = (l.tables.get("payroll_runs") ?? []).filter((r) => r.company_code === "US1" && String(r.pay_date) < "2026-01-01");
      expect(Math.abs(runs.length - perYear)).toBeLessThanOrEqual(1);
    }
  });
});

describe("gross to net", () => {
  const countries = [...Object.keys(COUNTRY_PAYROLL), "BR"];
  test("tax grows with pay and never exceeds it; contributions respect their ceilings and floors per run", () => {
    fc.assert(
      fc.property(fc.constantFrom(...countries), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(12, 24, 26, 52), (country, pay, more, perYear) => {
        const rules = payrollRules(country);
        const low = annualTax(rules, pay);
        const high = annualTax(rules, pay + more);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeGreaterThanOrEqual(low);
        expect(high - low).toBeLessThanOrEqual(more);
        // One run's gross in minor units (2 digits), the table in major units.
        const gross = Math.round((pay * 100) / perYear);
        for (const x of [...rules.employee, ...rules.employer]) {
          const due = contribution(x, gross, perYear, 100);
          expect(due).toBeGreaterThanOrEqual(0);
          if (gross * perYear <= x.floor * 100) expect(due).toBe(0);
          if (x.cap !== Infinity) expect(due).toBeLessThanOrEqual(Math.round(((x.cap - x.floor) * 100 * x.rate) / perYear) + 1);
          expect(contribution(x, gross + 10_000, perYear, 100)).toBeGreaterThanOrEqual(due);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("in the generated runs, per-run contributions stay within the per-run ceiling (a high earner's US social security)", () => {
    const us = payrollRules("US").employee.find((x) => x.name === "social_security")!;
    const ceiling = Math.round(((us.cap * 100) / 26) * us.rate) + 1;
    const lines = t("payroll_lines").filter((l) => l.company_code === "US1");
    const top = lines.reduce((a, b) => (minorOf(a.gross_pay) > minorOf(b.gross_pay) ? a : b));
    const medicare = Math.round(minorOf(top.gross_pay) * 0.0145);
    expect(minorOf(top.employee_social)).toBeLessThanOrEqual(ceiling + medicare + 1);
  });
});

describe("hr runs the same anywhere", () => {
  test("the same files for 1 and 3 workers", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { run: runPlan } = await import("../../engine/run.ts");
    const plan = compile(scenario("semi_monthly"), { path: "hr.synth" }).plan!;
    const dir = mkdtempSync(join(tmpdir(), "synth-hr-"));
    try {
      const a = await runPlan(plan, { out: join(dir, "a"), workers: 1, formats: ["csv"], progress: "none" }).done;
      const b = await runPlan(plan, { out: join(dir, "b"), workers: 3, formats: ["csv"], progress: "none", batchSize: 1 }).done;
      const digests = (files: typeof a.files) => Object.fromEntries(files.map((f) => [f.path, f.sha256]));
      expect(digests(b.files)).toEqual(digests(a.files));
      expect(a.files.some((f) => f.table === "payroll_lines" && f.rows > 0)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
