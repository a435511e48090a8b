// The posting step, every period before the close: the company books what its bank statements
// told it (last month's charges and interest, direct debits, returned payments), each on the day
// it learns of it. Direct debits are service contracts (telecom, software) the provider draws
// from the main account; a returned payment is a customer's cheque or debit the bank hands back,
// which the company re-presents and collects a few days later, within the month.
import { Rng, hash32 } from "../../core/rng.ts";
import type { Period } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { stateTarget, writeDocument } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import type { RunState } from "../../ledger/state.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { companyTargets, planYear } from "../../ledger/business.ts";
import { vatRate } from "../../ledger/tax.ts";
import { documentNumber } from "../../ledger/journal.ts";
import { formatIso } from "../../core/calendar.ts";
import { paramsOf } from "../../specs/phase.ts";
import type { MainStep } from "../api.ts";
import { bankAccounts, banksAtScenarioBank, bookDue, bookItem, DailyBalance, drain, lastDayOf, newItem } from "./bank.ts";
import { bankDaysAfter } from "./methods.ts";
import { financialReportingSpec } from "./spec.ts";
import { GL_VIEW } from "./gl-view.ts";
import { REPORTING, type CompanyBank } from "./state.ts";

/** Direct debit contracts: role, share of the company's direct debit budget, day of the month drawn. */
const CONTRACTS: [role: "telecom" | "it_services", share: number, text: string][] = [
  ["telecom", 0.45, "Telecom services, direct debit"],
  ["it_services", 0.55, "Software subscriptions, direct debit"],
];

export const postStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = cx.periods[period!]!;
    const s = state.get(REPORTING);
    drain(cx, s, state.get(GL_VIEW));
    const w = out.table(journalEntries);
    for (const c of cx.companies) {
      const daily = new Map(bankAccounts(cx).map((a) => [a.index, DailyBalance.of(cx, state, c, a.index, p)]));
      bookDue(cx, state, c, p, daily, w);
      // At the scenario's bank, the bank decides what it charges and draws (banking phase): nothing of a tariff or contracts here.
      if (banksAtScenarioBank(cx, c)) continue;
      directDebits(cx, state, c, p, daily, w);
      returnedPayments(cx, state, c, p, daily, w);
    }
  },
};

function directDebits(cx: RunContext, state: RunState, c: CompanyInfo, p: Period, daily: Map<number, DailyBalance>, w: RowWriter): void {
  const share = paramsOf(financialReportingSpec, cx).direct_debits;
  if (share <= 0) return;
  const bank = state.get(REPORTING).banks[c.index]!;
  const account = cx.chart.one("bank").index;
  const monthly = (companyTargets(cx, c).revenue(planYear(p.index)) * share) / 12;
  CONTRACTS.forEach(([role, part, text], k) => {
    const rng = new Rng(cx.seed, hash32("financial_reporting:direct_debit"), c.index, k, p.index);
    const dom = 1 + new Rng(cx.seed, hash32("financial_reporting:direct_debit_day"), c.index, k).int(28);
    const gross = Math.round(monthly * part * (0.9 + 0.2 * rng.next()));
    if (gross <= 0) return;
    const valueDay = bankDaysAfter(c, p.firstDay + dom - 1, 0);
    if (valueDay > lastDayOf(p)) return;
    const bookDay = bankDaysAfter(c, valueDay, rng.int(4));
    const item = newItem(cx, c, bank, {
      account, kind: "direct_debit", valueDay, bookDay, amount: -gross, partner: "", text, reference: `DD-${c.code}-${role.toUpperCase()}-${formatIso(valueDay).slice(0, 7)}`,
      counter: counterWithTax(cx, c, cx.chart.one(role).index, gross),
    });
    if (bookDay <= lastDayOf(p) && daily.get(account)!.lowest(bookDay) >= gross) {
      bookItem(cx, c, item, w, stateTarget(state));
      daily.get(account)!.move(bookDay, -gross);
    }
  });
}

/** The expense and, where input tax is recovered, its VAT (a direct debit is a VAT invoice). */
function counterWithTax(cx: RunContext, c: CompanyInfo, expense: number, gross: number): [number, number, number, string][] {
  if (c.regime !== "vat") return [[expense, gross, 0, ""]];
  const net = Math.round(gross / (1 + vatRate(c)));
  return gross - net > 0 ? [[expense, net, 0, ""], [cx.chart.one("input_tax").index, gross - net, 0, ""]] : [[expense, gross, 0, ""]];
}

const RETURNABLE = new Set(["cheque", "ach", "direct_debit_collection"]);

/** Customer receipts the bank returns (unpaid cheque, debit returned), re-presented and paid within the month. */
function returnedPayments(cx: RunContext, state: RunState, c: CompanyInfo, p: Period, daily: Map<number, DailyBalance>, w: RowWriter): void {
  const rate = paramsOf(financialReportingSpec, cx).returned_payments;
  if (rate <= 0) return;
  const bank = state.get(REPORTING).banks[c.index]!;
  const main = cx.chart.one("bank");
  const balance = daily.get(main.index)!;
  const candidates = bank.pending
    .filter((l) => l.docType === "DZ" && l.account === main.index && l.amount > 0 && RETURNABLE.has(l.method) && l.valueDay >= p.firstDay && l.valueDay <= lastDayOf(p))
    .sort((a, b) => a.valueDay - b.valueDay || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.line - b.line));
  for (const l of candidates) {
    const rng = new Rng(cx.seed, hash32("financial_reporting:return"), hash32(l.documentId), l.line);
    if (!rng.chance(rate)) continue;
    const returned = bankDaysAfter(c, l.valueDay + 1, 1 + rng.int(4));
    const booked = bankDaysAfter(c, returned, rng.int(2));
    const again = bankDaysAfter(c, booked + 1, 1 + rng.int(3));
    // The receivable reopens and closes within the month, so the receivables ledger still agrees at its end.
    if (again > lastDayOf(p) || balance.lowest(booked, again - 1) < l.amount) continue;
    const ar = cx.chart.one("ar_control").index;
    const item = newItem(cx, c, bank, {
      account: main.index, kind: "returned_payment", valueDay: returned, bookDay: booked, amount: -l.amount, partner: l.partner,
      text: `Returned ${l.method === "cheque" ? "cheque" : "debit"}: payment from ${l.partner || "customer"} unpaid`, reference: l.sourceId || l.documentId,
      counter: [[ar, l.amount, 0, l.partner]],
    });
    bookItem(cx, c, item, w, stateTarget(state));
    balance.move(booked, -l.amount);
    represent(cx, state, c, bank, l, again, item.id, w);
    balance.move(again, l.amount);
  }
}

/** The company presents the payment again and the customer pays it: money in, receivable cleared. */
function represent(cx: RunContext, state: RunState, c: CompanyInfo, bank: CompanyBank, l: { amount: number; partner: string; sourceId: string; documentId: string }, day: number, lineId: string, w: RowWriter): void {
  const lines = new Lines();
  lines.add(cx.chart.one("bank"), l.amount, 0, -1, "");
  lines.add(cx.chart.one("ar_control"), 0, l.amount, -1, l.partner);
  const period = cx.periods.find((p) => day >= p.firstDay && day <= lastDayOf(p))!;
  writeDocument(w, {
    company: c, documentId: documentNumber("BK", c.code, ++bank.docSeq), day, postingDate: formatIso(day), documentDate: formatIso(day), period,
    docType: "BK", source: "automated", event: "payment_representation", postedBy: "SYS-BANK", text: "Returned payment presented again and paid",
    sourceId: lineId, sourceType: "bank_statement_line",
  }, lines, stateTarget(state), () => "");
}
