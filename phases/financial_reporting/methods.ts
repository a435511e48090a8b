// How the bank sees a company's own cash postings: the payment method each one used and when the
// bank clears it (its value date), by method: a transfer clears the same or the next bank day,
// an ACH batch in one or two, a cheque the company wrote only when the payee has banked it (3 to
// 12 bank days, a few only after weeks), a cheque it deposited in one to three. The method is decided per posting from
// the document (its type, event and the company's country) with the posting's own random
// stream, so it does not depend on which block posted it or in what order lines arrive.
import { Rng, hash32 } from "../../core/rng.ts";
import { bankDayOnOrAfter, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import type { CashLine } from "../../ledger/cash-lines.ts";

export const METHODS = {
  credit_transfer: "credit transfer (SEPA, Faster Payments, furikomi)",
  ach: "ACH batch",
  wire: "wire transfer",
  cheque: "cheque",
  direct_debit: "direct debit drawn by the payee (tax authority, utility, the bank itself)",
  direct_debit_collection: "direct debit the company collected from a customer",
  standing_order: "standing order",
  card: "company card settlement",
  cash_deposit: "cash deposited at the branch",
  salary_transfer: "salary transfer batch",
  internal: "transfer between the company's own accounts or with its bank (credit line, interest)",
  bank: "item the bank posted (charges, interest, returned payment)",
} as const;
export type Method = keyof typeof METHODS;

/** Clearing lag in bank days [min, max] by method and direction (payments out, money in). */
const LAGS: Record<Method, { out: [number, number]; in: [number, number] }> = {
  credit_transfer: { out: [0, 1], in: [0, 0] },
  ach: { out: [1, 2], in: [1, 2] },
  wire: { out: [0, 0], in: [0, 0] },
  cheque: { out: [3, 12], in: [1, 3] },
  direct_debit: { out: [0, 0], in: [0, 0] },
  direct_debit_collection: { out: [0, 0], in: [1, 2] },
  standing_order: { out: [0, 0], in: [0, 0] },
  card: { out: [1, 3], in: [1, 2] },
  cash_deposit: { out: [0, 0], in: [0, 1] },
  salary_transfer: { out: [0, 0], in: [0, 0] },
  internal: { out: [0, 0], in: [0, 0] },
  bank: { out: [0, 0], in: [0, 0] },
};

type Mix = [Method, number][];

function pickFrom(rng: Rng, mix: Mix): Method {
  let x = rng.next();
  for (const [m, w] of mix) if ((x -= w) < 0) return m;
  return mix[mix.length - 1]![0];
}

/** Vendor payments and customer receipts: cheques and ACH in the US, transfers (and direct debits) elsewhere. */
function partnerMix(country: string, outgoing: boolean): Mix {
  if (country === "US") return outgoing ? [["ach", 0.6], ["cheque", 0.3], ["wire", 0.1]] : [["ach", 0.55], ["cheque", 0.35], ["wire", 0.1]];
  if (outgoing) return [["credit_transfer", 0.92], ["wire", 0.08]];
  return country === "DE" || country === "FR" || country === "CH" ? [["credit_transfer", 0.8], ["direct_debit_collection", 0.2]] : [["credit_transfer", 1]];
}

const BY_EVENT: Record<string, Method> = {
  salary_payment: "salary_transfer", payroll_funding: "internal", tax_return: "direct_debit", payroll_remittance: "direct_debit",
  income_tax_payment: "direct_debit", debt_service: "direct_debit", cash_deposit: "cash_deposit", credit_line_drawing: "internal",
  credit_line_repayment: "internal", credit_line_interest: "internal", rent: "standing_order", utilities: "direct_debit",
  prepayment: "credit_transfer", dividend: "credit_transfer", shareholder_loan: "credit_transfer", shareholder_loan_repayment: "credit_transfer",
};

/** The payment method of a cash posting (a pure function of the posting). */
export function methodOf(cx: RunContext, c: CompanyInfo, l: CashLine, rng: Rng): Method {
  if (l.docType === "ZP") return pickFrom(rng, partnerMix(c.country, true));
  if (l.docType === "DZ") return pickFrom(rng, partnerMix(c.country, false));
  if (l.event === "payment_representation") return c.country === "US" ? "cheque" : "direct_debit_collection";
  const byEvent = BY_EVENT[l.event];
  if (byEvent) return byEvent;
  if (l.docType === "IC") return "credit_transfer";
  // Expenses paid directly: the company card; fees received: transfers.
  if (l.docType === "SA") return l.amount < 0 ? "card" : "credit_transfer";
  return "credit_transfer";
}

/** The posting's own stream: keyed by its document and line. */
export function lineRng(cx: RunContext, l: CashLine): Rng {
  return new Rng(cx.seed, hash32("financial_reporting:value_date"), hash32(l.documentId), l.line);
}

/** The nth bank day after `day` (n = 0: the first bank day on or after it). */
export function bankDaysAfter(c: CompanyInfo, day: number, n: number): number {
  let d = bankDayOnOrAfter(c, day);
  for (let k = 0; k < n; k++) d = bankDayOnOrAfter(c, d + 1);
  return d;
}

/** The value date: when the bank clears the posting, never before it is posted. */
export function valueDayOf(c: CompanyInfo, l: CashLine, method: Method, rng: Rng): number {
  const [lo, hi] = LAGS[method][l.amount < 0 ? "out" : "in"];
  const lag = lo + rng.int(hi - lo + 1);
  // Some payees sit on a cheque for weeks: it stays outstanding over a month end or two.
  if (method === "cheque" && l.amount < 0 && rng.chance(LATE_CHEQUES)) return bankDaysAfter(c, l.day, 20 + rng.int(30));
  return bankDaysAfter(c, l.day, lag);
}

/** Share of the cheques the company writes that the payee banks only after 20 to 50 bank days. */
const LATE_CHEQUES = 0.04;

/** The bank's tariff in US dollars: per item by method and direction, per account and month, per returned item. */
const TARIFF_OUT: Record<Method, number> = {
  credit_transfer: 0.25, ach: 0.2, wire: 15, cheque: 1.5, direct_debit: 0.15, direct_debit_collection: 0.3, standing_order: 0.15,
  card: 0.1, cash_deposit: 0, salary_transfer: 0.1, internal: 0, bank: 0,
};
const TARIFF_IN: Record<Method, number> = {
  credit_transfer: 0.1, ach: 0.15, wire: 5, cheque: 0.4, direct_debit: 0, direct_debit_collection: 0.3, standing_order: 0,
  card: 0.1, cash_deposit: 1, salary_transfer: 0, internal: 0, bank: 0,
};
export const ACCOUNT_FEE = { main: 30, payroll: 12 } as const;
export const RETURN_FEE = 10;

export function itemFee(method: Method, amount: number): number {
  return amount < 0 ? TARIFF_OUT[method] : TARIFF_IN[method];
}

/** US dollars in a company's minor units (the plan's rates; without a US dollar rate, one unit of group currency). */
export function dollars(cx: RunContext, c: CompanyInfo, usd: number): number {
  const known = cx.plan.scenario.groupCurrency === "USD" || cx.plan.fx.rates.some((r) => r.currency === "USD");
  const rate = known ? cx.rate("USD", c.currency) : cx.rate(cx.plan.scenario.groupCurrency, c.currency);
  return Math.round(usd * rate * 10 ** c.digits);
}
