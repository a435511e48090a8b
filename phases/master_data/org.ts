// Cost centers and employees: departments cycle through the industry's sequence, and each
// employee's cost center, level, manager and name follow from the org chart and their index.
import { dexp } from "../../core/detmath.ts";
import { daysFromCivil, formatIso } from "../../core/calendar.ts";
import type { Plan } from "../../specs/plan.ts";
import type { Department, W } from "../../data/industry.ts";
import { context, monthsBefore, rngFor, type Ctx } from "./context.ts";
import { costCenterId, employeeId } from "./ids.ts";
import { employeeAt, position, type Position } from "./org-chart.ts";
import type { CostCenter, Employee } from "./records.ts";
import { choose } from "./sampling.ts";

/** Direct reports per team lead / manager within a cost center. */
const SPAN = 8;

export function costCenterDepartment(plan: Plan, ci: number, j: number): Department {
  const seq = context(plan, ci).org.seq;
  return seq[j % seq.length]!;
}

export function costCenterRecord(plan: Plan, ci: number, j: number): CostCenter {
  const cx = context(plan, ci);
  const rng = rngFor(cx, "cost_centers", j);
  const seq = cx.org.seq;
  const dept = seq[j % seq.length]!;
  // n-th cost center of this department: earlier cycles plus earlier positions in this cycle.
  const pos = j % seq.length;
  let perCycle = 0;
  let before = 0;
  for (let s = 0; s < seq.length; s++) if (seq[s] === dept) (perCycle++, s < pos && before++);
  const n = Math.floor(j / seq.length) * perCycle + before;
  const base = dept.ccNames[n % dept.ccNames.length]!;
  const site = Math.floor(n / dept.ccNames.length);
  const validFrom = daysFromCivil(Math.floor(cx.startMonth / 12) - (j === 0 ? 15 : rng.range(1, 15)), 1, 1);
  return {
    companyCode: cx.code,
    id: costCenterId(cx.code, j),
    name: site ? `${base} - Site ${site + 1}` : base,
    department: dept.id,
    managerEmployeeId: j < cx.counts.employees ? employeeId(cx.code, j) : null,
    validFrom: formatIso(validFrom),
  };
}

/** Manager of employee i (always a lower index), or null for the CEO. */
export function managerIndex(plan: Plan, ci: number, i: number): number | null {
  const cx = context(plan, ci);
  return managerOf(cx, position(cx.org, cx.counts.cost_centers, i), i);
}
function managerOf(cx: Ctx, p: Position, i: number): number | null {
  if (i === 0) return null;
  const org = cx.org;
  if (p.rank > 0) return employeeAt(org, cx.counts.cost_centers, p.cc, Math.floor((p.rank - 1) / SPAN));
  const first = org.firstOfDept.get(org.seq[p.cc % org.seq.length]!.id)!;
  return first < p.cc ? first : 0;
}

/** Cost center of employee i. */
export function employeeCostCenter(plan: Plan, ci: number, i: number): number {
  const cx = context(plan, ci);
  return position(cx.org, cx.counts.cost_centers, i).cc;
}

const LEVEL_PAY = { executive: 5.5, director: 3, manager: 1.8, lead: 1.3, staff: 1 } as const;

function levelOf(cx: Ctx, p: Position, i: number): Employee["level"] {
  if (i === 0) return "executive";
  if (p.rank === 0) return cx.org.firstOfDept.get(cx.org.seq[p.cc % cx.org.seq.length]!.id) === p.cc ? "director" : "manager";
  return p.rank * SPAN + 1 < cx.org.headcount[p.cc]! ? "lead" : "staff";
}

export function employeeRecord(plan: Plan, ci: number, i: number): Employee {
  const cx = context(plan, ci);
  const rng = rngFor(cx, "employees", i);
  const p = position(cx.org, cx.counts.cost_centers, i);
  const dept = cx.org.seq[p.cc % cx.org.seq.length]!;
  const level = levelOf(cx, p, i);
  const mgr = managerOf(cx, p, i);
  const type = level !== "staff" ? "full_time" : choose(rng, EMPLOYMENT_TYPES);
  const jobTitle = level === "executive" ? "Chief Executive Officer" : level === "director" ? dept.director
    : level === "manager" ? dept.manager : level === "lead" ? dept.lead : dept.staff[rng.int(dept.staff.length)]!;
  const u = rng.next();
  const tenure = level === "staff" ? 1 + Math.floor(359 * u * u) : 24 + Math.floor(300 * u);
  const hire = monthsBefore(cx, rng, tenure);
  const isActive = level !== "staff" || !rng.chance(0.04);
  const termination = isActive ? null : hire + 1 + rng.int(Math.max(1, cx.startDay - hire - 1));
  const part = type === "part_time" ? [0.5, 0.6, 0.75, 0.8][rng.int(4)]! : type === "contractor" ? 1.25 : 1;
  const raw = cx.salaryMinor * LEVEL_PAY[level] * dept.pay * part * dexp(0.18 * rng.normal());
  const { first, last, email } = staffName(cx, i);
  return {
    companyCode: cx.code, id: employeeId(cx.code, i), index: i, firstName: first, lastName: last, email, department: dept.id,
    jobTitle, level, costCenterIndex: p.cc, costCenterId: costCenterId(cx.code, p.cc), managerIndex: mgr,
    managerId: mgr === null ? null : employeeId(cx.code, mgr), hireDate: formatIso(hire),
    terminationDate: termination === null ? null : formatIso(Math.min(termination, cx.startDay - 1)),
    annualSalary: Math.max(cx.salaryUnit, Math.round(raw / cx.salaryUnit) * cx.salaryUnit), currency: cx.currency,
    employmentType: type, isActive,
  };
}
const EMPLOYMENT_TYPES: W<Employee["employmentType"]> = [["full_time", 84], ["part_time", 10], ["contractor", 6]];

/** A bijection from employee index to (first, last) name pairs keeps e-mail addresses unique. */
function staffName(cx: Ctx, i: number): { first: string; last: string; email: string } {
  const { first, last } = cx.staffNames;
  const m = first.names.length * last.names.length;
  const pair = (((i % m) * cx.nameMul) % m + cx.nameAdd) % m;
  const f = pair % first.names.length;
  const l = Math.floor(pair / first.names.length);
  const cycle = Math.floor(i / m);
  const email = `${first.ascii[f]}.${last.ascii[l]}${cycle ? cycle + 1 : ""}@${cx.domain}`;
  return { first: first.names[f]!, last: last.names[l]!, email };
}
