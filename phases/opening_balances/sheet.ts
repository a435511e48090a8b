// Opening balances: a balance sheet per company at the scenario start that balances, with PPE
// and accumulated depreciation taken from the fixed-asset register, posted as one opening entry.
import { allocate } from "../../core/allocate.ts";
import { formatIso } from "../../core/calendar.ts";
import { journalEntries, openingBalances } from "../../specs/records/ledger.ts";
import { apOpenItems, arOpenItems, customerInvoices, customerReceipts, documentReferences, inventoryMovements, payments, vendorInvoices } from "../../specs/records/flows.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { moneyIn, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import type { Account } from "../../ledger/chart.ts";
import { accumulatedAfter, assetsOf, costCenterId, monthIndexOfDay, monthsInService } from "../master_data/index.ts";
import { documentNumber, writeDocument } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import type { MainStep } from "../api.ts";
import type { TableOut } from "../../specs/records/table.ts";
import { BlockTotals } from "../../ledger/totals.ts";
import type { RunState } from "../../ledger/state.ts";
import { LEDGER } from "../../ledger/slices.ts";
import { Rng, hash32 } from "../../core/rng.ts";
import { flowEnv } from "../../ledger/flows.ts";
import { openingInvoices, openingStock, writeOpeningStock } from "./open-items.ts";
import { openingBalancesSpec } from "./spec.ts";
import { paramsOf } from "../../specs/phase.ts";

// Inventory is not spread: it is the value of the opening stock per material.
const CURRENT_ASSETS: [AccountRole, number][] = [["cash", 3], ["bank", 33], ["ar_control", 43], ["prepaid_expenses", 9], ["input_tax", 6]];
const INVENTORY_SHARE = 0.3;
const LIABILITIES: [AccountRole, number][] = [["ap_control", 30], ["accrued_liabilities", 12], ["payroll_payable", 5], ["output_tax", 6], ["income_tax_payable", 4], ["withholding_payable", 3], ["loans_payable", 40]];

export interface Opening {
  sheet: Map<Account, number>;
  stock: ReturnType<typeof openingStock>;
}

/** Balance per account (debit positive) of a company's opening balance sheet, and its stock. */
export function openingSheet(cx: RunContext, company: CompanyInfo): Opening {
  const p = paramsOf(openingBalancesSpec, cx);
  const sheet = new Map<Account, number>();
  const add = (a: Account, v: number) => sheet.set(a, (sheet.get(a) ?? 0) + v);
  const startMonth = monthIndexOfDay(cx.periods[0]!.firstDay);
  let netPpe = 0;
  for (const a of assetsOf(cx, company.index)) {
    // Assets bought after the start are not on the opening sheet.
    if (a.acquiredMonth >= startMonth) continue;
    const acc = accumulatedAfter(a, monthsInService(a, startMonth - 1));
    add(a.ppe, a.cost);
    if (a.accumulated && acc > 0) add(a.accumulated, -acc);
    netPpe += a.cost - acc;
  }
  const target = Math.round(moneyIn(cx, company, p.total_assets) * company.share);
  const total = Math.max(target, Math.ceil(netPpe / 0.6), 1000 * 10 ** company.digits);
  const stock = openingStock(cx, company, (total - netPpe) * INVENTORY_SHARE);
  let inventory = 0;
  for (const s of stock) {
    add(s.account, s.value);
    inventory += s.value;
  }
  spread(cx, Math.max(0, total - netPpe - inventory), CURRENT_ASSETS, 1, add);
  const equity = Math.round(total * p.equity_ratio);
  const capital = Math.round(equity * 0.35);
  add(cx.chart.one("share_capital"), -capital);
  add(cx.chart.one("retained_earnings"), -(equity - capital));
  // Stock can overshoot its share: the liabilities and equity follow the assets actually there.
  const assets = Math.max(total, netPpe + inventory);
  spread(cx, assets - equity, LIABILITIES, -1, add);
  return { sheet, stock };
}

function spread(cx: RunContext, amount: number, weights: [AccountRole, number][], sign: 1 | -1, add: (a: Account, v: number) => void): void {
  const parts = allocate(amount, weights.map(([, w]) => w));
  weights.forEach(([role, _], i) => {
    if (parts[i]! > 0) add(cx.chart.role(role)[0]!, sign * parts[i]!);
  });
}

/** The open items and stock behind the opening AR, AP and inventory balances. */
function openingSubledgers(cx: RunContext, company: CompanyInfo, opening: Opening, state: RunState, out: TableOut): void {
  const totals = new BlockTotals(cx);
  const env = flowEnv(cx, new Rng(cx.seed, hash32("opening_items"), company.index), totals, out);
  const balance = (role: AccountRole) => opening.sheet.get(cx.chart.one(role)) ?? 0;
  writeOpeningStock(env, company, opening.stock);
  openingInvoices(env, company, "ar", balance("ar_control"));
  openingInvoices(env, company, "ap", -balance("ap_control"));
  env.reval.post(env, "OPENING");
  state.fold(totals.pack());
}

export const openingStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out) {
    const wo = out.table(openingBalances);
    const wj = out.table(journalEntries);
    const asOf = formatIso(cx.periods[0]!.firstDay);
    for (const company of cx.companies) {
      const opening = openingSheet(cx, company);
      const sheet = [...opening.sheet].sort(([a], [b]) => a.index - b.index);
      const lines = new Lines();
      for (const [account, balance] of sheet) {
        if (balance === 0) continue;
        const debit = balance > 0 ? balance : 0;
        const credit = balance < 0 ? -balance : 0;
        wo.id(company.code);
        wo.date(asOf);
        wo.id(account.number);
        wo.money(debit, company.digits);
        wo.money(credit, company.digits);
        wo.id(company.currency);
        wo.end();
        lines.add(account, debit, credit, -1, "");
      }
      const header = {
        company,
        documentId: documentNumber("OB", company.code, 1),
        postingDate: asOf,
        documentDate: asOf,
        period: cx.periods[0]!,
        docType: "OB",
        source: "automated",
        event: "opening_balance",
        postedBy: "SYS-MIGR",
        text: "Opening balance",
      };
      writeDocument(wj, header, lines, state.get(LEDGER).cell(company.index, 0), (i) => costCenterId(company.code, i));
      openingSubledgers(cx, company, opening, state, out);
    }
  },
};
