// The contracts step, once order-to-cash has posted a period: it writes the contracts its blocks
// opened (their obligations and schedules), then rolls each company's contract balances forward
// from the contracts' movements and compares the contracts' own balances with the GL.
import { formatIso } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { LEDGER, SUBLEDGER } from "../../ledger/slices.ts";
import type { RunState } from "../../ledger/state.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import type { MainStep } from "../api.ts";
import { paramsOf } from "../../specs/phase.ts";
import { accountingStandardsSpec } from "./spec.ts";
import { BALANCE_TYPES, KIND, type BalanceType } from "./revenue-book.ts";
import { CONTRACT_ROWS, writeContract, writeObligation, writeSchedule } from "./revenue-rows.ts";
import { contractBalances, performanceObligations, revenueContracts, revenueSchedule } from "./tables.ts";

const ROLE: Record<BalanceType, AccountRole> = { contract_liability: "deferred_revenue", contract_asset: "contract_asset", unbilled_receivable: "unbilled_receivables" };

export const contractsStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const rows = state.get(CONTRACT_ROWS);
    const digits = new Map(cx.companies.map((c) => [c.code, c.digits]));
    const wc = out.table(revenueContracts);
    for (const r of rows.contracts) writeContract(wc, r, digits.get(r.company)!);
    const wo = out.table(performanceObligations);
    for (const r of rows.obligations) writeObligation(wo, r, digits.get(r.company)!);
    const ws = out.table(revenueSchedule);
    for (const r of rows.schedule) writeSchedule(ws, r, digits.get(r.company)!);
    rows.contracts.length = 0;
    rows.obligations.length = 0;
    rows.schedule.length = 0;
    if (!paramsOf(accountingStandardsSpec, cx).revenue_recognition) return;
    const w = out.table(contractBalances);
    for (const c of cx.companies) for (const t of BALANCE_TYPES) writeBalance(w, cx, state, c, period!, t);
  },
};

/** A GL balance on its natural side, cumulated to the end of a period. */
export function glBalance(cx: RunContext, state: RunState, c: CompanyInfo, period: number, roles: readonly AccountRole[], credit: boolean): number {
  const ledger = state.get(LEDGER);
  const accounts = cx.chart.roles(roles);
  let net = 0;
  for (let q = 0; q <= period; q++) {
    const cell = ledger.cell(c.index, q);
    for (const a of accounts) net += cell[a.index * 2]! - cell[a.index * 2 + 1]!;
  }
  return credit ? -net : net;
}

function writeBalance(w: RowWriter, cx: RunContext, state: RunState, c: CompanyInfo, period: number, t: BalanceType): void {
  const sub = state.get(SUBLEDGER);
  const p = cx.periods[period]!;
  let opening = 0;
  for (let q = 0; q < period; q++) opening += sub.get(c.index, q, KIND.moved(t, "billed")) + sub.get(c.index, q, KIND.moved(t, "recognised"));
  const billed = sub.get(c.index, period, KIND.moved(t, "billed"));
  const recognised = sub.get(c.index, period, KIND.moved(t, "recognised"));
  const subledger = sub.get(c.index, period, KIND.balance(t));
  const gl = glBalance(cx, state, c, period, [ROLE[t]], t === "contract_liability");
  w.id(c.code);
  w.int(p.fiscalYear);
  w.int(p.fiscalPeriod);
  w.date(formatIso(p.firstDay + p.days - 1));
  w.id(t);
  w.text(cx.chart.roles([ROLE[t]]).map((a) => a.number).join(" "));
  w.money(opening, c.digits);
  w.money(billed, c.digits);
  w.money(recognised, c.digits);
  w.money(opening + billed + recognised, c.digits);
  w.int(sub.get(c.index, period, KIND.contracts(t)));
  w.money(subledger, c.digits);
  w.money(gl, c.digits);
  w.money(gl - subledger, c.digits);
  w.id(gl === subledger ? "reconciled" : "difference");
  w.id(c.currency);
  w.end();
}
