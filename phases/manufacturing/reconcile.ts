// After the close of a period: work in progress on the books against the open production
// orders (components issued and time confirmed, less what was received and settled), written
// to the shared reconciliation table.
import { reconciliation } from "../../specs/records/group.ts";
import { LEDGER, SUBLEDGER } from "../../ledger/slices.ts";
import type { MainStep } from "../api.ts";
import { KINDS } from "./orders.ts";

export const reconcileStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = cx.periods[period!]!;
    const ledger = state.get(LEDGER);
    const sub = state.get(SUBLEDGER);
    const accounts = cx.chart.roles(["wip"]);
    const w = out.table(reconciliation);
    for (const c of cx.companies) {
      let gl = 0;
      let orders = 0;
      for (let q = 0; q <= p.index; q++) {
        const cell = ledger.cell(c.index, q);
        for (const a of accounts) gl += cell[a.index * 2]! - cell[a.index * 2 + 1]!;
        orders += sub.get(c.index, q, KINDS.wip);
      }
      w.id(c.code); w.int(p.fiscalYear); w.int(p.fiscalPeriod); w.id("work_in_progress"); w.text(accounts.map((a) => a.number).join(" "));
      w.money(gl, c.digits); w.money(orders, c.digits); w.money(gl - orders, c.digits); w.id(gl === orders ? "reconciled" : "difference"); w.id(c.currency); w.end();
    }
  },
};
