// Opening balances: each company's balance sheet at the scenario start, built from its business
// plan as a going concern would stand: PPE from the asset register, stock for the plan's stock
// days, receivables and payables for its DSO and DPO, last month's tax, withholdings and social
// security still to be paid, a quarter's income tax, cash for the treasury's buffer, equity at
// the plan's ratio and a term loan for the rest. Posted as one opening entry, with the open
// items and stock behind it.
import { formatIso } from "../../core/calendar.ts";
import { journalEntries, openingBalances } from "../../specs/records/ledger.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { Account } from "../../ledger/chart.ts";
import { accumulatedAfter, assetsOf, costCenterId, monthIndexOfDay, monthsInService, roster } from "../master_data/index.ts";
import { documentNumber, stateTarget, writeDocument } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import type { MainStep } from "../api.ts";
import type { TableOut } from "../../specs/records/table.ts";
import { BlockTotals } from "../../ledger/totals.ts";
import type { RunState } from "../../ledger/state.ts";
import { Rng, hash32 } from "../../core/rng.ts";
import { flowEnv } from "../../ledger/flows.ts";
import { vatRate } from "../../ledger/tax.ts";
import { cashBuffer, companyTargets } from "../../ledger/business.ts";
import { openingInvoices, openingStock, writeOpeningStock } from "./open-items.ts";

export interface Opening {
  sheet: Map<Account, number>;
  stock: ReturnType<typeof openingStock>;
}

const cache = new WeakMap<RunContext, Opening[]>();

/** Balance per account (debit positive) of a company's opening balance sheet, and its stock. */
export function openingSheet(cx: RunContext, company: CompanyInfo): Opening {
  let list = cache.get(cx);
  if (!list) cache.set(cx, (list = []));
  return (list[company.index] ??= buildSheet(cx, company));
}

function buildSheet(cx: RunContext, c: CompanyInfo): Opening {
  const b = c.business;
  const t = companyTargets(cx, c);
  const sheet = new Map<Account, number>();
  const add = (a: Account, v: number) => v !== 0 && sheet.set(a, (sheet.get(a) ?? 0) + v);
  const role = (r: AccountRole) => cx.chart.one(r);
  const revenue = t.revenue(0);
  const vat = vatRate(c);
  const recoverable = c.regime === "vat";
  // Assets: the register's net book value, stock, receivables, last month's input tax, cash.
  let assets = ppe(cx, c, add);
  const stock = openingStock(cx, c, b.stock_days);
  for (const s of stock) add(s.account, s.value);
  assets += stock.reduce((s, x) => s + x.value, 0);
  const ar = Math.round(((t.invoiced(0) * (1 + vat)) * b.dso) / 365);
  const purchases = t.cogs(0) + t.cost("opex_purchased", 0) + t.cost("marketing_purchased", 0);
  const inputTax = recoverable ? Math.round(((purchases + t.cost("opex_direct", 0) + t.cost("utilities", 0)) * vat) / 12) : 0;
  const cash = Math.round(revenue * (b.cash_sales > 0 ? 0.0008 : 0.0001));
  const bank = 2 * cashBuffer(cx, c, 0);
  add(role("ar_control"), ar);
  add(role("input_tax"), inputTax);
  add(role("cash"), cash);
  add(role("bank"), bank);
  assets += ar + inputTax + cash + bank;
  // Liabilities: payables, last month's output tax, payroll deductions, a quarter's income tax, accruals.
  const ap = Math.round((purchases * (1 + (c.regime === "vat" ? vat : 0)) * b.dpo) / 365);
  const outputTax = Math.round((revenue * vat) / 12);
  const gross = roster(cx, c).reduce((s, e) => s + e.monthly, 0);
  const withholding = Math.round(gross * b.withholding);
  const social = Math.round(gross * b.employer_costs);
  const incomeTax = Math.round(revenue * 0.06 * (c.incomeTaxRate ?? 0.25) * 0.25);
  const accrued = Math.round(revenue * 0.004);
  const owed: [AccountRole, number][] = [["ap_control", ap], ["output_tax", outputTax], ["withholding_payable", withholding], ["social_security_payable", social], ["income_tax_payable", incomeTax], ["accrued_liabilities", accrued]];
  let liabilities = 0;
  for (const [r, v] of owed) {
    add(role(r), -v);
    liabilities += v;
  }
  // Equity at the plan's ratio; the term loan funds the rest (none when trade credit already does).
  let equity = Math.round(assets * b.equity_ratio);
  const loan = Math.max(0, assets - liabilities - equity);
  equity = assets - liabilities - loan;
  add(role("loans_payable"), -loan);
  const capital = Math.round((equity * 0.35) / 10 ** (c.digits + 3)) * 10 ** (c.digits + 3);
  add(role("share_capital"), -Math.min(capital, equity));
  add(role("retained_earnings"), -(equity - Math.min(capital, equity)));
  return { sheet, stock };
}

/** PPE at cost and accumulated depreciation of the assets in service before the start; returns the net book value. */
function ppe(cx: RunContext, c: CompanyInfo, add: (a: Account, v: number) => void): number {
  const startMonth = monthIndexOfDay(cx.periods[0]!.firstDay);
  let net = 0;
  for (const a of assetsOf(cx, c.index)) {
    if (a.acquiredMonth >= startMonth) continue;
    const acc = accumulatedAfter(a, monthsInService(a, startMonth - 1));
    add(a.ppe, a.cost);
    if (a.accumulated && acc > 0) add(a.accumulated, -acc);
    net += a.cost - acc;
  }
  return net;
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
    const first = cx.periods[0]!.firstDay;
    const asOf = formatIso(first);
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
        company, documentId: documentNumber("OB", company.code, 1), day: first, postingDate: asOf, documentDate: asOf, period: cx.periods[0]!,
        docType: "OB" as const, source: "automated", event: "opening_balance", postedBy: "SYS-MIGR", text: "Opening balance",
      };
      writeDocument(wj, header, lines, stateTarget(state), (i) => costCenterId(company.code, i));
      openingSubledgers(cx, company, opening, state, out);
    }
  },
};
