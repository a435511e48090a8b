// Budget against actuals: each budget line's GL actual in the same sign and scope (its account
// or summary account, on its cost center or over all of them), and every P&L actual no budget
// line covers (an account never budgeted, a cost center or lines without one next to
// cost-center budgets) with a zero budget, so a period's variance rows add up to its result.
import type { Account } from "../../ledger/chart.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { COST_CENTERS } from "../../ledger/cost-centers.ts";
import type { RunState } from "../../ledger/state.ts";
import { booksOf } from "./books.ts";
import { budgetOf, type BudgetLine } from "./budget.ts";

export interface VarianceRow {
  account: Account;
  cc: number;
  type: "flow" | "balance";
  budget: number;
  actual: number;
}

/** Natural sign: revenue and liabilities credit-positive, expenses and assets debit-positive. */
export const natural = (a: Account, net: number) => (a.type === "revenue" || a.type === "liability" || a.type === "equity" ? -net : net);

/** Where each posting account's actuals go: the budget line's account, per cost center or not. */
interface Cover {
  account: Account;
  byCostCenter: boolean;
}

function coversOf(lines: BudgetLine[]): Map<number, Cover> {
  const out = new Map<number, Cover>();
  for (const l of lines) {
    if (l.type !== "flow") continue;
    for (const a of l.covers) out.set(a.index, { account: l.account, byCostCenter: (out.get(a.index)?.byCostCenter ?? false) || l.cc >= 0 });
  }
  return out;
}

/** The variance rows of a company and period, by account number and cost center (all cost centers first). */
export function variancesOf(cx: RunContext, state: RunState, c: CompanyInfo, period: number): VarianceRow[] {
  const lines = budgetOf(cx, c);
  const books = booksOf(cx, state, c);
  const activity = books.activity[period]!;
  const byCc = state.get(COST_CENTERS);
  const covers = coversOf(lines);
  const rows = new Map<string, VarianceRow>();
  const row = (account: Account, cc: number, type: VarianceRow["type"]) => {
    const key = `${type}|${account.number}|${cc}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { account, cc, type, budget: 0, actual: 0 }));
    return r;
  };
  for (const l of lines) row(l.account, l.cc, l.type).budget += l.amounts[period]!;
  const ccActuals = new Map<number, [number, number][]>();
  for (const [account, cc, net] of byCc.entries(c.index, period)) ccActuals.set(account, [...(ccActuals.get(account) ?? []), [cc, net]]);
  for (const a of cx.chart.posting) {
    if (a.type !== "revenue" && a.type !== "expense") continue;
    const total = activity[a.index]!;
    const cover = covers.get(a.index);
    const target = cover?.account ?? a;
    if (!cover?.byCostCenter) {
      if (total !== 0 || cover) row(target, -1, "flow").actual += natural(target, total);
      continue;
    }
    let rest = total;
    for (const [cc, net] of ccActuals.get(a.index) ?? []) {
      row(target, cc, "flow").actual += natural(target, net);
      rest -= net;
    }
    if (rest !== 0) row(target, -1, "flow").actual += natural(target, rest);
  }
  const closing = books.closing[period]!;
  for (const l of lines) if (l.type === "balance") row(l.account, -1, "balance").actual = natural(l.account, l.covers.reduce((s, a) => s + closing[a.index]!, 0));
  return [...rows.values()].sort((x, y) => (x.type === y.type ? 0 : x.type === "flow" ? -1 : 1) || (x.account.number < y.account.number ? -1 : x.account.number > y.account.number ? 1 : x.cc - y.cc));
}

/** Revenue above, expense below budget; balances: assets below, liabilities above (less capital tied up). */
export function favourable(r: VarianceRow): boolean {
  const v = r.actual - r.budget;
  return r.account.type === "revenue" || r.account.type === "liability" ? v >= 0 : v <= 0;
}
