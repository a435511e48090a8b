// Subledger reconciliation at every period end: AP, AR, GR/IR, inventory, fixed assets and
// intercompany balances against their GL control accounts, to the cent. A difference is a
// generator bug; the table says so rather than hiding it.
import { formatIso, type Period } from "../../core/calendar.ts";
import { inventoryBalances, reconciliation } from "../../specs/records/group.ts";
import { INVENTORY_ROLES, type AccountRole } from "../../specs/accounts.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { RunState } from "../../ledger/state.ts";
import { STOCK, SUBLEDGER } from "../../ledger/slices.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import { accumulatedAfter, assetsOf, monthIndexOfDay, monthsInService } from "../master_data/index.ts";
import { materialId } from "../master_data/index.ts";
import { ASSET_VALUATION, type AssetValuation } from "../../ledger/capabilities.ts";

interface Check {
  name: string;
  roles: readonly AccountRole[];
  /** +1: the subledger is a debit balance (assets); -1: a credit balance (liabilities). */
  side: 1 | -1;
  sub: (p: Period) => number;
}

/** A material's stock at a period end: quantity and standard-cost value. */
export interface StockLine {
  index: number;
  qty: number;
  value: number;
}

/** Stock per company and material at the end of a period (all movements up to it), by material index. */
export function stockAt(cx: RunContext, state: RunState, period: number): Map<number, StockLine[]> {
  const out = new Map<number, StockLine[]>();
  for (const [key, deltas] of state.get(STOCK).byMaterial) {
    const [c, m] = key.split(":").map(Number) as [number, number];
    let qty = 0;
    let value = 0;
    for (let p = 0; p <= period && p < cx.periods.length; p++) {
      qty += deltas[p * 3]!;
      value += deltas[p * 3 + 1]!;
    }
    const list = out.get(c) ?? [];
    list.push({ index: m, qty, value });
    out.set(c, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.index - b.index);
  return out;
}

function fixedAssetRegister(cx: RunContext, state: RunState, company: CompanyInfo, p: Period): number {
  const month = monthIndexOfDay(p.firstDay);
  // After an impairment the register holds the impaired carrying amount (a phase provides asset valuation).
  const valuation = cx.capability<AssetValuation>(ASSET_VALUATION);
  let net = 0;
  for (const [i, a] of assetsOf(cx, company.index).entries()) {
    if (a.acquiredMonth > month) continue;
    net += valuation ? valuation.netBookValue(cx, state, company, i, month) : a.cost - (a.accumulated ? accumulatedAfter(a, monthsInService(a, month)) : 0);
  }
  return net;
}

export function reconcilePeriod(cx: RunContext, state: RunState, company: CompanyInfo, p: Period, cumulative: Float64Array, stockValue: number, w: RowWriter): void {
  const sub = (k: string) => () => state.get(SUBLEDGER).get(company.index, p.index, k);
  const checks: Check[] = [
    { name: "accounts_payable", roles: ["ap_control"], side: -1, sub: sub("ap") },
    { name: "accounts_receivable", roles: ["ar_control"], side: 1, sub: sub("ar") },
    { name: "gr_ir", roles: ["gr_ir"], side: -1, sub: sub("gr_ir") },
    { name: "inventory", roles: INVENTORY_ROLES, side: 1, sub: () => stockValue },
    { name: "fixed_assets", roles: ["ppe", "accumulated_depreciation"], side: 1, sub: () => fixedAssetRegister(cx, state, company, p) },
    { name: "intercompany_receivables", roles: ["ic_receivable"], side: 1, sub: sub("ic_receivable") },
    { name: "intercompany_payables", roles: ["ic_payable"], side: -1, sub: sub("ic_payable") },
  ];
  for (const check of checks) {
    const accounts = cx.chart.roles(check.roles);
    const gl = check.side * accounts.reduce((s, a) => s + cumulative[a.index]!, 0);
    const subledger = check.sub(p);
    w.id(company.code);
    w.int(p.fiscalYear);
    w.int(p.fiscalPeriod);
    w.id(check.name);
    w.text(accounts.map((a) => a.number).join(" "));
    w.money(gl, company.digits);
    w.money(subledger, company.digits);
    w.money(gl - subledger, company.digits);
    w.id(gl === subledger ? "reconciled" : "difference");
    w.id(company.currency);
    w.end();
  }
}

export function writeInventoryBalances(company: CompanyInfo, p: Period, stock: StockLine[], w: RowWriter): void {
  for (const m of stock) {
    if (m.qty === 0 && m.value === 0) continue;
    w.id(company.code);
    w.int(p.fiscalYear);
    w.int(p.fiscalPeriod);
    w.id(materialId(company.code, m.index));
    w.int(m.qty);
    w.money(m.value, company.digits);
    w.id(company.currency);
    w.end();
  }
}

export const periodEnd = (p: Period) => formatIso(p.firstDay + p.days - 1);
export { inventoryBalances, reconciliation };
