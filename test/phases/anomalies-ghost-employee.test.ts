// ghost_employee: fictitious employees the anomalies phase lends hr (capability payroll_extras),
// paid through the normal pay runs. Recomputed from the raw tables: every ghost row is labelled
// and every label names an existing ghost row; everything else of hr is what the run without
// anomalies wrote; run totals, postings and payroll payables include the ghosts and reconcile;
// the same bytes for any worker count; none without hr.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyLabelled } from "../../testing/verify-labels.ts";
import { generousTimeout } from "../setup.ts";
import { ANOMALY_STATS } from "../../phases/anomalies/stats.ts";
import { minor, planOf, rows, sameEverywhere, type Row } from "./anomalies-fixture.ts";

generousTimeout();

const root = mkdtempSync(join(tmpdir(), "synth-ghost-employee-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const scenario = (anomalies: string, hr = "phase hr { }") => `
scenario "Ghosts" { seed = 11  industry = manufacturing  start = 2024-01-01  months = 4 }
chart_of_accounts { size = small }
company A1 { currency = USD }
company B1 { country = DE  currency = EUR }
phase master_data { vendors = 60 customers = 40 materials = 20 fixed_assets = 5 employees = 100 cost_centers = 5 }
phase transactions { volume = 6k per year  block_size = 256  users = 8 }
process procure_to_pay { volume = 600 per year }
${hr}
${anomalies}
`;
const GHOSTS = `phase anomalies { types = [ghost_employee, self_approval]  rates { ghost_employee = 2%  self_approval = 1% } }`;
const plan = planOf(scenario(GHOSTS));
const dirty = generateInMemory(plan);
const clean = generateInMemory(planOf(scenario("phase anomalies { enabled = false }")));
const labels = rows(dirty, "anomaly_labels").filter((l) => l.anomaly_type === "ghost_employee");
const employees = rows(dirty, "employees");
const ghostIds = new Set(labels.filter((l) => l.table_name === "employees").map((l) => `${l.company_code}|${l.document_id}`));
const isGhost = (r: Row) => ghostIds.has(`${r.company_code}|${r.employee_id}`);
const key = (...xs: unknown[]) => xs.join("|");

describe("ghost_employee", () => {
  test("the planned count per company: 2% of 100 employees, each a new record hired during the scenario without a manager", () => {
    for (const c of ["A1", "B1"]) expect([...ghostIds].filter((k) => k.startsWith(`${c}|`)).length).toBe(2);
    const start = plan.scenario.startDate;
    for (const id of ghostIds) {
      const recs = employees.filter((e) => `${e.company_code}|${e.employee_id}` === id);
      expect(recs.length).toBe(1);
      expect(recs[0]!.manager_id).toBeNull();
      expect(String(recs[0]!.hire_date) >= start).toBe(true);
      expect(recs[0]!.employment_type).toBe("full_time");
      // Numbered as a hire into a position whose employee left before the scenario: that record is inactive.
      const n = Number(String(recs[0]!.employee_id).slice(-6));
      expect(n).toBeGreaterThan(100);
      expect(n).toBeLessThanOrEqual(200);
      const left = employees.find((e) => e.company_code === recs[0]!.company_code && Number(String(e.employee_id).slice(-6)) === n - 100)!;
      expect(left.is_active).toBe(false);
      expect([left.department, left.cost_center_id, left.job_title]).toEqual([recs[0]!.department, recs[0]!.cost_center_id, recs[0]!.job_title]);
      // Not in the run without the fraud.
      expect(rows(clean, "employees").some((e) => `${e.company_code}|${e.employee_id}` === id)).toBe(false);
    }
  });

  test("paid every run from its hire, with no time entries and no expense reports", () => {
    const runs = rows(dirty, "payroll_runs");
    for (const id of ghostIds) {
      const [company, emp] = id.split("|");
      const hire = String(employees.find((e) => e.company_code === company && e.employee_id === emp)!.hire_date);
      const paid = new Set(rows(dirty, "payroll_lines").filter((l) => l.company_code === company && l.employee_id === emp).map((l) => l.run_id));
      const due = runs.filter((r) => r.company_code === company && String(r.period_end) >= hire).map((r) => r.run_id);
      expect(due.length).toBeGreaterThan(0);
      expect([...paid].sort()).toEqual(due.sort());
      expect(rows(dirty, "time_entries").some((t) => t.company_code === company && t.employee_id === emp)).toBe(false);
      expect(rows(dirty, "expense_reports").some((t) => t.company_code === company && t.employee_id === emp)).toBe(false);
    }
  });

  test("labels point at exactly the ghosts' rows: the employee record, its events and every pay line", () => {
    const want = new Set<string>();
    for (const e of employees) if (isGhost(e)) want.add(key("employees", e.company_code, e.employee_id));
    for (const e of rows(dirty, "employee_events")) if (isGhost(e)) want.add(key("employee_events", e.company_code, e.event_id));
    for (const l of rows(dirty, "payroll_lines")) if (isGhost(l)) want.add(key("payroll_lines", l.company_code, `${l.run_id} ${l.employee_id}`));
    const got = labels.map((l) => key(l.table_name, l.company_code, l.document_id));
    expect(new Set(got).size).toBe(got.length);
    expect(new Set(got)).toEqual(want);
    // One anomaly per ghost: its rows share the id and the scheme; a pay line's impact is its gross pay.
    for (const l of labels) {
      expect(l.is_fraud).toBe(true);
      const own = labels.filter((x) => x.anomaly_id === l.anomaly_id);
      expect(new Set(own.map((x) => x.scheme_id)).size).toBe(1);
      expect(own.filter((x) => x.table_name === "employees").length).toBe(1);
      if (l.table_name === "payroll_lines") {
        const [runId, emp] = String(l.document_id).split(" ");
        const line = rows(dirty, "payroll_lines").find((x) => x.company_code === l.company_code && x.run_id === runId && x.employee_id === emp)!;
        expect(minor(l.monetary_impact)).toBe(minor(line.gross_pay));
      }
    }
  });

  test("every other hr row is what the run without anomalies wrote", () => {
    for (const t of ["payroll_lines", "employee_events", "time_entries", "expense_reports", "expense_lines"]) {
      const a = rows(dirty, t).filter((r) => !isGhost(r)).map((r) => JSON.stringify(r));
      const b = rows(clean, t).map((r) => JSON.stringify(r));
      expect(a).toEqual(b);
    }
  });

  test("run totals, postings and payroll payables include the ghosts: runs sum their lines, each run's accrual and payment grow by the ghosts' pay", () => {
    const lines = rows(dirty, "payroll_lines");
    const sum = (list: Row[], f: string) => list.reduce((s, r) => s + minor(r[f]), 0);
    let extra = 0;
    for (const r of rows(dirty, "payroll_runs")) {
      const own = lines.filter((l) => l.company_code === r.company_code && l.run_id === r.run_id);
      expect(Number(r.employees)).toBe(own.length);
      expect(minor(r.gross_pay)).toBe(sum(own, "gross_pay"));
      expect(minor(r.net_pay)).toBe(sum(own, "net_pay"));
      const was = rows(clean, "payroll_runs").find((x) => x.company_code === r.company_code && x.run_id === r.run_id)!;
      const ghosts = own.filter(isGhost);
      expect(minor(r.gross_pay) - minor(was.gross_pay)).toBe(sum(ghosts, "gross_pay"));
      extra += sum(ghosts, "gross_pay");
      // The accrual posts the run's gross on the salary accounts; the payment pays its net (and reimbursements).
      const je = rows(dirty, "journal_entries").filter((j) => j.company_code === r.company_code && j.document_id === `JE-${r.run_id}-A`);
      expect(je.reduce((s, j) => s + minor(j.debit_amount), 0)).toBe(je.reduce((s, j) => s + minor(j.credit_amount), 0));
      const pay = rows(dirty, "journal_entries").filter((j) => j.company_code === r.company_code && j.document_id === `JE-${r.run_id}-P`);
      expect(pay.reduce((s, j) => s + minor(j.debit_amount), 0)).toBe(minor(r.net_pay) + minor(r.reimbursements));
    }
    expect(extra).toBeGreaterThan(0);
  });

  test("the ledger, reconciliations (payroll payables included), flows and economics stay green", () => {
    expect(verifyLabelled(dirty.tables, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
    // Every subledger reconciles, hr's payroll payables among them.
    const rec = rows(dirty, "reconciliation");
    expect(rec.some((r) => String(r.subledger).includes("payroll") || String(r.subledger).startsWith("hr"))).toBe(true);
    for (const r of rec) expect([r.subledger, r.status, minor(r.difference)]).toEqual([r.subledger, "reconciled", 0]);
  });

  test("the detection predicate (hired during the scenario, no manager) finds every ghost", () => {
    const state = dirty.state!.get(ANOMALY_STATS);
    expect(state.get("lab|ghost_employee")).toBe(4);
    expect(state.get("tp|ghost_employee")).toBe(4);
    // Replacements of leavers have their predecessor's manager: no false positives here. Clean records counted: those hr writes (hired during the scenario).
    expect(state.get("fp|ghost_employee") ?? 0).toBe(0);
    expect(state.get("clean|payroll") ?? 0).toBe(employees.filter((e) => !isGhost(e) && String(e.hire_date) >= plan.scenario.startDate).length);
    const fired = employees.filter((e) => e.manager_id == null && String(e.hire_date) >= plan.scenario.startDate);
    expect(fired.filter(isGhost).length).toBe(ghostIds.size);
  });

  test("same bytes for any worker count and for shards merged", async () => {
    const f = await sameEverywhere(plan, root);
    expect(f.byType.ghost_employee).toMatchObject({ planned: 4, injected: 4, recall: 1 });
  });

  test("without hr: none planned in the run, none placed", () => {
    const g = generateInMemory(planOf(scenario(GHOSTS, "")));
    expect(rows(g, "anomaly_labels").filter((l) => l.anomaly_type === "ghost_employee")).toEqual([]);
    expect(rows(g, "payroll_lines")).toEqual([]);
  });
});
