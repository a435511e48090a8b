// Ghost employees (needs hr): per company, the planned number of fictitious salaried employees,
// each in the position of a master employee who left before the scenario (one per such
// position: the count is capped by them), numbered as a hire there would be, hired on a day of
// the scenario with no manager and paid by hr through its normal pay runs until the end. The phase lends them to hr (capability payroll_extras), so the pay lines,
// run totals, postings and payroll payables hr writes include them and still reconcile: the
// fraud is in the master data and the pay, not in broken books. The overlay labels what the
// scheme added: the employee record, its events and every pay line, and runs the detection
// predicate on every employee record.
import { formatIso } from "../../core/calendar.ts";
import { hash32 } from "../../core/rng.ts";
import type { PayrollExtra, PayrollExtras } from "../../ledger/capabilities.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { OverlayContext } from "../api.ts";
import { employeeId, employeeRecord, masterParams, type Employee } from "../master_data/index.ts";
import { anomalyType } from "./catalog.ts";
import { money } from "./doc.ts";
import { writeTableLabel } from "./labels.ts";
import { plannedCounts, streamFor } from "./plan.ts";
import { count } from "./stats.ts";
import { anomalyLabels } from "./tables.ts";

export interface GhostEmployee {
  /** The anomaly's id (every label row of the scheme shares it) and its scheme. */
  id: string;
  scheme: string;
  position: number;
  record: Employee;
  hireDay: number;
}

const TYPE = "ghost_employee";
const cache = new WeakMap<RunContext, GhostEmployee[][]>();

/** A company's ghost employees, from the plan alone (the same in every worker). */
export function ghostEmployees(cx: RunContext, c: CompanyInfo): GhostEmployee[] {
  let list = cache.get(cx);
  if (!list) cache.set(cx, (list = []));
  return (list[c.index] ??= plan(cx, c));
}

function plan(cx: RunContext, c: CompanyInfo): GhostEmployee[] {
  const n = masterParams(cx).employees;
  const wanted = plannedCounts(cx).get(`${c.code}|${TYPE}`) ?? 0;
  if (wanted === 0) return [];
  // Positions of the master whose employee left before the scenario: hr pays no one there and
  // hires no replacement, so the ghost takes the number a hire there would get (after the master).
  const free: number[] = [];
  for (let i = 1; i < n; i++) if (!employeeRecord(cx.plan, c.index, i).isActive) free.push(i);
  const rng = streamFor(cx, hash32(c.code), hash32(TYPE));
  const months = cx.periods.length;
  const out: GhostEmployee[] = [];
  for (let k = 0; k < wanted && free.length > 0; k++) {
    const position = free.splice(rng.int(free.length), 1)[0]!;
    // Hired in any period but the last (paid at least a run or two), on one of its first 20 days.
    const period = cx.periods[months > 1 ? rng.int(months - 1) : 0]!;
    const hireDay = period.firstDay + rng.int(Math.min(20, period.days));
    // The left employee's job, cost center and pay; a new name (the record a hire at this position would be named from).
    const old = employeeRecord(cx.plan, c.index, position);
    const index = n + position;
    const fresh = employeeRecord(cx.plan, c.index, index);
    const record: Employee = {
      ...old, id: employeeId(c.code, index), index, firstName: fresh.firstName, lastName: fresh.lastName, email: fresh.email,
      employmentType: "full_time", managerIndex: null, managerId: null, hireDate: formatIso(hireDay), terminationDate: null, isActive: true,
    };
    const tag = String(k + 1).padStart(4, "0");
    out.push({ id: `AN-${c.code}-GE-${tag}`, scheme: `SC-${c.code}-GE-${k + 1}`, position, record, hireDay });
  }
  return out;
}

/** What the phase lends hr: the ghosts listed under a position. */
export const payrollExtras: PayrollExtras<Employee> = {
  extras(cx: RunContext, c: CompanyInfo, position: number): readonly PayrollExtra<Employee>[] {
    if (!(cx.phase("anomalies").params.types as string[]).includes(TYPE)) return [];
    return ghostEmployees(cx, c).filter((g) => g.position === position).map((g) => ({ record: g.record, hireDay: g.hireDay }));
  },
};

const KEY: Record<string, (r: Record<string, unknown>) => string> = {
  employees: (r) => String(r.employee_id),
  employee_events: (r) => String(r.event_id),
  payroll_lines: (r) => `${r.run_id} ${r.employee_id}`,
};

/**
 * The employees, employee_events and payroll_lines rows of a block: a ghost's rows are labelled
 * (each an added row: nothing of the legitimate data changes), and the detection predicate runs
 * on every employee record (recall on ghosts, false positives on the others).
 */
export function ghostEmployeeRows(cx: RunContext, at: OverlayContext): void {
  if (!(cx.phase("anomalies").params.types as string[]).includes(TYPE)) return;
  const t = anomalyType(TYPE);
  const start = cx.plan.scenario.startDate;
  const byCompany = new Map<string, Map<string, GhostEmployee>>();
  const ghostsOf = (code: string) => {
    let m = byCompany.get(code);
    if (!m) {
      const c = cx.companies[cx.companyIndex.get(code)!];
      byCompany.set(code, (m = new Map(c ? ghostEmployees(cx, c).map((g) => [g.record.id, g]) : [])));
    }
    return m;
  };
  at.rows.forEach((row, i) => {
    const code = String(row.company_code);
    const g = ghostsOf(code).get(String(row.employee_id));
    if (at.table.name === "employees") {
      // Predicate: hired during the scenario without a manager.
      const fired = row.manager_id == null && String(row.hire_date) >= start;
      if (g) {
        count(at.deltas, `lab|${TYPE}`);
        if (fired) count(at.deltas, `tp|${TYPE}`);
        count(at.deltas, `inj|${code}|${TYPE}`);
      } else {
        count(at.deltas, "clean|payroll");
        if (fired) count(at.deltas, `fp|${TYPE}`);
      }
    }
    if (!g) return;
    const c = cx.companies[cx.companyIndex.get(code)!]!;
    const isLine = at.table.name === "payroll_lines";
    const period = at.period !== undefined ? cx.periods[at.period]! : undefined;
    const date = at.table.name === "employee_events" ? String(row.event_date ?? g.record.hireDate) : isLine && period ? formatIso(period.firstDay + period.days - 1) : g.record.hireDate;
    const impact = isLine ? String(row.gross_pay) : money(0, c.digits);
    writeTableLabel(at.out.table(anomalyLabels), {
      id: g.id, inj: { type: t, cluster: `CL-${code}-${TYPE}-${g.scheme.split("-").pop()}`, docs: [], related: [], scheme: g.scheme }, company: code, currency: c.currency,
      table: at.table.name, key: KEY[at.table.name]!(row), date, impact, changes: [{ field: "row", line: i + 1, from: null, to: KEY[at.table.name]!(row) }], related: isLine ? [g.record.id] : [],
    });
  });
}
