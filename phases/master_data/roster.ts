// The payroll roster: the employees on the payroll at the start (active), with their cost center,
// department and monthly gross pay. Payroll, the opening payroll liabilities and the business
// plan's revenue = auto all read this one view.
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { employeeRecord } from "./org.ts";
import { masterParams } from "./spec.ts";

export interface Payee {
  costCenter: number;
  department: string;
  monthly: number;
}

const cache = new WeakMap<RunContext, Payee[][]>();

/** Employees on the payroll (active at the start), by cost center and monthly gross pay. */
export function roster(cx: RunContext, c: CompanyInfo): Payee[] {
  let all = cache.get(cx);
  if (!all) cache.set(cx, (all = []));
  return (all[c.index] ??= Array.from({ length: masterParams(cx).employees }, (_, i) => employeeRecord(cx.plan, c.index, i))
    .filter((e) => e.isActive)
    .map((e) => ({ costCenter: e.costCenterIndex, department: e.department, monthly: Math.round(e.annualSalary / 12) })));
}
