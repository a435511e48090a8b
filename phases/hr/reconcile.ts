// After the close of a period: the payroll payables against this phase's own records. Payroll
// payable holds the approved expense reports not yet reimbursed (net pay is paid the day it is
// posted); withholding and social-security payable hold the period's runs until next month's
// remittance. Written to the shared reconciliation table, one row each.
import type { AccountRole } from "../../specs/accounts.ts";
import { reconciliation } from "../../specs/records/group.ts";
import { LEDGER, SUBLEDGER } from "../../ledger/slices.ts";
import type { MainStep } from "../api.ts";
import { KINDS } from "./blocks.ts";

const CHECKS: [string, AccountRole, string][] = [
  ["employee_payables", "payroll_payable", KINDS.employee],
  ["payroll_withholding", "withholding_payable", KINDS.withholding],
  ["payroll_contributions", "social_security_payable", KINDS.contributions],
];

export const reconcileStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = cx.periods[period!]!;
    const ledger = state.get(LEDGER);
    const sub = state.get(SUBLEDGER);
    const w = out.table(reconciliation);
    for (const c of cx.companies) {
      for (const [name, role, kind] of CHECKS) {
        const accounts = cx.chart.roles([role]);
        let gl = 0;
        for (let q = 0; q <= p.index; q++) {
          const cell = ledger.cell(c.index, q);
          for (const a of accounts) gl += cell[a.index * 2 + 1]! - cell[a.index * 2]!;
        }
        const records = sub.get(c.index, p.index, kind);
        w.id(c.code);
        w.int(p.fiscalYear);
        w.int(p.fiscalPeriod);
        w.id(name);
        w.text(accounts.map((a) => a.number).join(" "));
        w.money(gl, c.digits);
        w.money(records, c.digits);
        w.money(gl - records, c.digits);
        w.id(gl === records ? "reconciled" : "difference");
        w.id(c.currency);
        w.end();
      }
    }
  },
};
