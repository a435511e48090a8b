// What a budget is made of: its lines, their drivers, the plan's figures per period, and the
// account a line of some roles sits on. Shared by the plan's own lines (budget.ts) and the
// lines the plan implies (plan-lines.ts), so neither imports the other.
import type { Account } from "../../ledger/chart.ts";
import type { RunContext } from "../../ledger/context.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import type { BUDGET_DRIVERS } from "./tables.ts";

export type Driver = keyof typeof BUDGET_DRIVERS;

export interface BudgetLine {
  /** The budgeted account: a posting account, or the summary account over `covers`. */
  account: Account;
  covers: Account[];
  /** Cost center index, or -1: the account over all cost centers. */
  cc: number;
  type: "flow" | "balance";
  driver: Driver;
  /** Per period, natural sign (revenue and liabilities credit-positive). */
  amounts: number[];
}

/** The plan's figures per period (before they are split into lines). */
export interface PeriodPlan {
  goods: number;
  services: number;
  invoiced: number;
  cogs: number;
  /** Cost lines per role (rent, utilities, marketing and the other operating costs). */
  costs: Map<AccountRole, number>;
  purchases: number;
  interest: number;
}

/** The account a budget line of some roles sits on: the one posting account, or their nearest common summary account. */
export function budgetAccount(cx: RunContext, roles: readonly AccountRole[]): { account: Account; covers: Account[] } | undefined {
  const covers = cx.chart.roles(roles);
  if (covers.length === 0) return undefined;
  if (covers.length === 1) return { account: covers[0]!, covers };
  const chain = (a: Account): Account[] => (a.parent ? [a, ...chain(cx.chart.get(a.parent)!)] : [a]);
  const first = chain(covers[0]!).slice(1);
  const common = first.find((anc) => covers.every((a) => chain(a).includes(anc)));
  return { account: common ?? covers[0]!, covers };
}
