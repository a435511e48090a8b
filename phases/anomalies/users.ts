// The users step: the people who post (accountants, U<company>-NNN) and approve (U<company>-ANN,
// with their limits) in every company, as the approval policy of ledger/journal.ts defines them.
import type { MainStep } from "../api.ts";
import { paramsOf } from "../../specs/phase.ts";
import { APPROVERS, approvalLimits, approverId } from "../../ledger/journal.ts";
import { transactionsSpec } from "../transactions/spec.ts";
import { userId } from "./entry-env.ts";
import { users } from "./tables.ts";

export const usersStep: MainStep = {
  kind: "main",
  run(cx, _phase, _state, out) {
    const w = out.table(users);
    const n = Math.max(1, paramsOf(transactionsSpec, cx).users);
    for (const c of cx.companies) {
      const { limits } = approvalLimits(c);
      for (let i = 0; i < n; i++) {
        w.id(c.code);
        w.id(userId(c.code, i));
        w.id("accountant");
        w.money(0, c.digits);
        w.id(c.currency);
        w.end();
      }
      APPROVERS.forEach((a, i) => {
        w.id(c.code);
        w.id(approverId(c.code, a));
        w.id(a.role);
        if (limits[i] === Infinity) w.empty();
        else w.money(limits[i]!, c.digits);
        w.id(c.currency);
        w.end();
      });
    }
  },
};
