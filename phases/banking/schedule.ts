// The scheduled items of a customer over the whole scenario, all with amounts known in advance:
// income (salary, pension, contract receipts), rent and bills, standing orders to savings, loan
// instalments and interest, package fees, card subscriptions, transfers with other customers
// (the P2P schedule both blocks compute) and the steps of its cases. Their reserve is what keeps
// every balance above its floor whatever the customer's other spending.
import { hash32, Rng } from "../../core/rng.ts";
import { H_BANK, isBankDay, p2pOf, usd, type Bank } from "./bank.ts";
import type { Account } from "./accounts.ts";
import { customerRng, headOf, victimCase, type Head } from "./customers.ts";
import { casePlan } from "./typologies.ts";
import { scenarioVendor } from "./typologies-fraud.ts";
import type { Ev, Party, TxType } from "./events.ts";
import { accountId, customerId, nationalAccount, ownAccount } from "./ids.ts";
import { businessName, fullName, personName } from "./names.ts";
import { recordOf, type CustomerRecord } from "./record.ts";

export interface Sched {
  bank: Bank;
  h: Head;
  rec: CustomerRecord;
  accts: Account[];
  events: Ev[];
  ord: number;
}

type Base = Omit<Ev, "ord" | "day" | "sec" | "acct" | "dir" | "amount" | "must" | "known" | "normal">;

export function push(s: Sched, day: number, sec: number, acct: number, dir: 1 | -1, amount: number, rest: Base & Partial<Pick<Ev, "must" | "known" | "normal">>): Ev {
  const ev: Ev = { day, sec, ord: s.ord++, acct, dir, amount, must: true, known: true, normal: true, ...rest };
  if (day >= s.bank.firstDay && day < s.bank.endDay && day >= s.accts[acct]!.open) s.events.push(ev);
  return ev;
}

/** A transfer between two of the customer's own accounts: the debit, then the credit at the same moment. */
function own(s: Sched, day: number, sec: number, from: number, to: number, amount: number, type: TxType, ref: string): void {
  if (day < s.accts[from]!.open || day < s.accts[to]!.open) return;
  const cp = (k: number): Party => ({ name: s.rec.name, accountId: s.accts[k]!.id, customerId: s.rec.id, account: s.accts[k]!.number.iban ?? s.accts[k]!.number.account, country: s.bank.country });
  const credit: Ev = { day, sec, ord: 0, acct: to, dir: 1, amount, must: true, known: true, normal: true, type, channel: "standing_order", rail: "internal", ref, cp: cp(from), country: s.bank.country };
  push(s, day, sec, from, -1, amount, { type, channel: "standing_order", rail: "internal", ref, cp: cp(to), country: s.bank.country, pair: credit });
  credit.ord = s.ord++;
}

/** Day d of each scenario month (clamped to the month's length), as a day number. */
export function monthDays(bank: Bank, d: number): number[] {
  return bank.periods.map((p) => p.firstDay + Math.min(d, p.days) - 1);
}

/** The bank day on or before a day (salaries arrive early rather than late). */
function bankDayBefore(bank: Bank, day: number): number {
  while (!isBankDay(bank, day)) day--;
  return day;
}

function counterparty(rng: Rng, bank: Bank, business: boolean, trade = "professional_services"): Party {
  const acc = nationalAccount(rng, bank.profile);
  return { name: business ? businessName(rng, bank.profile, trade) : fullName(personName(rng, bank.profile)), account: acc.iban ?? acc.account, bank: acc.code, country: bank.country };
}

export function schedule(bank: Bank, rec: CustomerRecord, accts: Account[]): Sched {
  const s: Sched = { bank, h: rec.head, rec, accts, events: [], ord: 0 };
  income(s);
  bills(s);
  products(s);
  p2p(s);
  knownSupplier(s);
  return s;
}

/** A business email compromise victim paid the impersonated supplier's real account before (one and two months before the fraud). */
function knownSupplier(s: Sched): void {
  const { bank, h } = s;
  const c = victimCase(bank, h.i);
  if (!c || c.typology !== "business_email_compromise") return;
  const vendor = scenarioVendor(bank, c, 0);
  const fraud = casePlan(bank, c).legs[0];
  if (!vendor || !fraud) return;
  const from = Math.max(bank.firstDay, s.accts[0]!.open);
  let days = [fraud.day - 60, fraud.day - 30].filter((d) => d >= from);
  if (days.length === 0 && fraud.day > from) days = [from + Math.floor((fraud.day - from) / 2)];
  const rng = customerRng(bank, h.i, "known-supplier");
  const cp: Party = { name: vendor.name, account: vendor.account, bank: vendor.bank, country: vendor.country };
  const domestic = vendor.country === bank.country;
  for (const d of days) {
    push(s, d, 10 * 3600 + rng.int(6 * 3600), 0, -1, Math.max(1, Math.round(fraud.amount * (0.8 + 0.4 * rng.next()))), {
      type: domestic ? "transfer_out" : "wire_out", channel: "online_banking", rail: domestic ? "domestic" : "wire", cp, ref: `Invoice ${vendor.id.slice(-4)}-${1000 + rng.int(9000)}`, country: bank.country,
    });
  }
}

function income(s: Sched): void {
  const { bank, h } = s;
  const rng = customerRng(bank, h.i, "income");
  const payer = counterparty(rng, bank, true, h.kind === "person" ? "retail_trade" : "industrial");
  const payday = h.segment === "retiree" || h.segment === "student" ? 1 : 25 + rng.int(4);
  const type: TxType = h.kind === "person" && h.segment !== "student" ? "salary" : "transfer_in";
  const share = h.kind === "business" ? 0.45 : 1;
  monthDays(bank, payday).forEach((d, m) => {
    const day = bankDayBefore(bank, d);
    const amount = Math.round(h.income * share * (1 + 0.03 * rng.normal() + (m % 12 === 11 && rng.chance(0.3) ? 0.5 : 0)));
    if (amount > 0) push(s, day, 6 * 3600 + rng.int(3600), 0, 1, amount, { type, channel: "system", rail: "domestic", cp: payer, ref: h.kind === "person" ? (h.segment === "retiree" ? "Pension" : h.segment === "student" ? "Allowance" : "Salary") : "Contract receipts", country: bank.country });
  });
}

function bills(s: Sched): void {
  const { bank, h, accts } = s;
  const rng = customerRng(bank, h.i, "bills");
  const hasLoan = accts.some((a) => a.type === "loan" && a.product === "mortgage");
  const rent = h.kind !== "person" ? 0.12 : hasLoan || h.segment === "high_net_worth" ? 0 : 0.22 + 0.1 * rng.next();
  const landlord = counterparty(rng, bank, rng.chance(0.5), "facilities");
  const utility = counterparty(rng, bank, true, "utilities");
  const rentDay = 1 + rng.int(3);
  const billDay = 5 + rng.int(10);
  const payroll = h.kind === "business" ? 0.3 : 0;
  const staff = Array.from({ length: payroll > 0 ? 1 + rng.int(4) : 0 }, () => counterparty(rng, bank, false));
  bank.periods.forEach((p, m) => {
    if (rent > 0) push(s, p.firstDay + rentDay - 1, 5 * 3600, 0, -1, Math.round(h.income * rent), { type: "standing_order", channel: "standing_order", rail: "domestic", cp: landlord, ref: "Rent", country: bank.country });
    push(s, p.firstDay + billDay - 1, 5 * 3600 + 60, 0, -1, Math.round(h.income * (0.03 + 0.02 * rng.next())), { type: "direct_debit", channel: "direct_debit", rail: "domestic", cp: utility, ref: `Utilities ${m + 1}`, country: bank.country });
    staff.forEach((e, k) => {
      const day = bankDayBefore(bank, p.firstDay + p.days - 1);
      push(s, day, 9 * 3600 + k * 60, 0, -1, Math.round((h.income * payroll) / staff.length), { type: "transfer_out", channel: "online_banking", rail: "domestic", cp: e, ref: "Salary", country: bank.country });
    });
  });
}

/** Package fees, standing orders to savings, loan payments and interest, card subscriptions. */
function products(s: Sched): void {
  const { bank, accts } = s;
  const cur = accts[0]!;
  for (const p of bank.periods) {
    const end = p.firstDay + p.days - 1;
    if (cur.fee > 0) push(s, end, 23 * 3600 + 1800, 0, -1, cur.fee, { type: "fee", channel: "system", rail: "book", ref: "Account package fee", country: bank.country });
  }
  for (const a of accts) {
    if (a.type === "savings") for (const d of monthDays(bank, a.standingDay)) own(s, d, 4 * 3600, 0, a.k, a.standing, "standing_order", "Savings");
    if (a.type === "credit_card" && a.subscription) {
      const sub = a.subscription;
      for (const d of monthDays(bank, sub.day)) {
        push(s, d, 3 * 3600 + 600, a.k, -1, sub.amount, { type: "card_purchase", channel: "card_online", rail: "card", mcc: sub.mcc, cp: { name: sub.merchant, country: bank.country }, ref: sub.merchant, country: bank.country, alsoReserves: 0 });
      }
    }
    if (a.type === "loan") loanEvents(s, a);
  }
}

function loanEvents(s: Sched, a: Account): void {
  const { bank } = s;
  const r = a.rate / 100_000 / 12;
  let o = a.paidBefore >= 0 ? -a.start : a.principal;
  if (a.paidBefore < 0 || a.open >= bank.firstDay) {
    // Paid out during the scenario: the loan account is debited, the current account credited.
    own(s, a.open, 10 * 3600, a.k, 0, a.principal, "loan_disbursement", "Loan disbursement");
    o = a.principal;
  }
  let paid = Math.max(0, a.paidBefore);
  for (const d of monthDays(bank, a.payDay)) {
    if (d <= a.open || o <= 0 || paid >= a.term) continue;
    const interest = Math.round(o * r);
    const instalment = Math.min(a.instalment, o + interest);
    // Interest first, then the instalment that pays it: the last instalment brings the balance to exactly 0.
    if (interest > 0) push(s, d, 2 * 3600 - 60, a.k, -1, interest, { type: "interest_charge", channel: "system", rail: "book", ref: "Loan interest", country: bank.country });
    own(s, d, 2 * 3600, 0, a.k, instalment, "loan_instalment", "Loan instalment");
    o = o + interest - instalment;
    paid++;
  }
}

/** This customer's transfers with other customers of the bank (both sides compute the same slot). */
function p2p(s: Sched): void {
  const { bank, h } = s;
  const slots = Math.round(bank.customers * bank.p.p2p_rate);
  if (slots === 0 || h.kind !== "person") return;
  bank.periods.forEach((_, m) => {
    const { senders, receivers } = p2pOf(bank, m);
    const out = senders.indexOf(h.i);
    if (out < slots) {
      const t = p2pTransfer(bank, m, out);
      if (t) push(s, t.day, t.sec, 0, -1, t.amount, { type: "internal_transfer", channel: "mobile_app", rail: "internal", ref: t.ref, transferId: t.id, cp: partyOf(bank, t.to), country: bank.country });
    }
    const inn = receivers.indexOf(h.i);
    if (inn < slots) {
      const t = p2pTransfer(bank, m, inn);
      if (t) push(s, t.day, t.sec, 0, 1, t.amount, { type: "internal_transfer", channel: "mobile_app", rail: "internal", ref: t.ref, transferId: t.id, cp: partyOf(bank, t.from), country: bank.country });
    }
  });
}

export function partyOf(bank: Bank, i: number, k = 0): Party {
  const r = recordOf(bank, i);
  return { name: r.name, customer: i, accountK: k, accountId: accountId(i, k), customerId: customerId(i), account: ownAccount(bank.profile, bank.bankCode, i, k).iban ?? ownAccount(bank.profile, bank.bankCode, i, k).account, country: bank.country };
}

export interface P2P {
  id: string;
  from: number;
  to: number;
  day: number;
  sec: number;
  amount: number;
  ref: string;
}

/** P2P slot k of month m: valid when both ends are persons whose relationship predates the month. */
export function p2pTransfer(bank: Bank, m: number, k: number): P2P | undefined {
  const { senders, receivers } = p2pOf(bank, m);
  const from = senders.at(k);
  const to = receivers.at(k);
  const p = bank.periods[m]!;
  if (from === to) return undefined;
  const a = headOf(bank, from);
  const b = headOf(bank, to);
  if (a.kind !== "person" || b.kind !== "person" || a.onboard >= p.firstDay || b.onboard >= p.firstDay) return undefined;
  const rng = new Rng(bank.seed, H_BANK, hash32("p2p"), m, k);
  const amount = Math.min(Math.round(a.income * 0.15), usd(bank, 10 + rng.int(290), 100));
  if (amount <= 0) return undefined;
  return { id: `P2P-${m + 1}-${k + 1}`, from, to, day: p.firstDay + rng.int(p.days), sec: 7 * 3600 + rng.int(15 * 3600), amount, ref: rng.pick(["Dinner", "Rent share", "Birthday", "Tickets", "Thanks", "Holiday"]) };
}

