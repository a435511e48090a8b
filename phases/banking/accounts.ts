// A customer's accounts: a current account for everyone, and savings, a credit card and a loan
// with the shares that make the average `accounts_per_customer`. Each product's terms (limits,
// rates, instalments, standing orders, statement days) are pure functions of (plan, customer).
import { dpow } from "../../core/detmath.ts";
import type { Rng } from "../../core/rng.ts";
import { SUBSCRIPTIONS } from "../../data/banking.ts";
import type { Bank } from "./bank.ts";
import { usd } from "./bank.ts";
import { customerRng, type Head } from "./customers.ts";
import { accountId, ownAccount, type NationalAccount } from "./ids.ts";

export type AccountType = "current" | "savings" | "credit_card" | "loan";

export interface Account {
  k: number;
  id: string;
  type: AccountType;
  product: string;
  open: number;
  /** Lowest balance allowed (minor units, <= 0). */
  floor: number;
  /** Annual rate in thousandths of a percent (19.9% = 19900). */
  rate: number;
  number: NationalAccount;
  gl: string;
  /** Monthly package fee (current accounts; 0: free). */
  fee: number;
  /** Savings: monthly standing order from the current account and its day; months with a withdrawal. */
  standing: number;
  standingDay: number;
  /** Credit cards: repayment day, recurring subscription [mcc, merchant, amount] and its day, balance owed at the start. */
  repayDay: number;
  subscription?: { mcc: string; merchant: string; amount: number; day: number };
  /** Loans: principal, instalment, payment day, months paid before the scenario start (negative: disbursed during it), term. */
  principal: number;
  instalment: number;
  payDay: number;
  paidBefore: number;
  term: number;
  /** Balance drawn at the start (before the reserve for scheduled payments is added): savings, cards, loans. */
  start: number;
}

export const GL_OF: Record<AccountType, string> = { current: "2000", savings: "2010", credit_card: "1320", loan: "1300" };

const roundTo = (x: number, unit: number) => Math.max(unit, Math.round(x / unit) * unit);

/** Which extra products the customer has: shares that add up to accounts_per_customer - 1 (water-filled to at most 1 each). */
function extraShares(apc: number): [number, number, number] {
  const w = [0.45, 0.4, 0.15];
  let need = Math.max(0, apc - 1);
  const q = [0, 0, 0];
  let open = [0, 1, 2];
  while (need > 1e-12 && open.length > 0) {
    const sum = open.reduce((s, k) => s + w[k]!, 0);
    const full = open.filter((k) => q[k]! + (need * w[k]!) / sum >= 1);
    if (full.length === 0) {
      for (const k of open) q[k] = q[k]! + (need * w[k]!) / sum;
      need = 0;
    } else {
      for (const k of full) (need -= 1 - q[k]!), (q[k] = 1);
      open = open.filter((k) => !full.includes(k));
    }
  }
  return q as [number, number, number];
}

/** The customer's accounts; products that would open after the scenario are left out. */
export function accountsOf(bank: Bank, h: Head): Account[] {
  const rng = customerRng(bank, h.i, "accounts");
  const [qs, qc, ql] = extraShares(bank.p.accounts_per_customer);
  const out: Account[] = [current(bank, h, rng)];
  const has = [rng.chance(qs), rng.chance(qc), rng.chance(ql)];
  const add = (make: (k: number) => Account) => {
    const a = make(out.length);
    if (a.open < bank.endDay - 1) out.push(a);
  };
  if (has[0]) add((k) => savings(bank, h, rng, k));
  if (has[1]) add((k) => card(bank, h, rng, k));
  if (has[2]) add((k) => loan(bank, h, rng, k));
  return out;
}

function base(bank: Bank, h: Head, k: number, type: AccountType, product: string, open: number): Account {
  return {
    k, id: accountId(h.i, k), type, product, open, floor: 0, rate: 0, number: ownAccount(bank.profile, bank.bankCode, h.i, k), gl: GL_OF[type],
    fee: 0, standing: 0, standingDay: 0, repayDay: 0, principal: 0, instalment: 0, payDay: 0, paidBefore: 0, term: 0, start: 0,
  };
}

/**
 * When a further product was opened: for most customers some time between onboarding and the
 * scenario start, for one in ten during the scenario; for new customers within two months of
 * onboarding. Never before the current account; a product that would open after the scenario
 * is not there (accountsOf leaves it out).
 */
function laterOpen(bank: Bank, h: Head, rng: Rng): number {
  if (h.onboard >= bank.firstDay - 30) return h.onboard + rng.int(60);
  if (rng.chance(0.1)) return bank.firstDay + rng.int(Math.max(1, bank.endDay - 30 - bank.firstDay));
  return h.onboard + rng.int(bank.firstDay - h.onboard);
}

function current(bank: Bank, h: Head, rng: Rng): Account {
  const business = h.kind !== "person";
  const a = base(bank, h, 0, "current", business ? "business_current" : "personal_current", h.onboard);
  const overdraft = rng.chance(business ? 0.7 : 0.4);
  a.floor = overdraft ? -roundTo(h.income * (business ? 0.1 + 0.3 * rng.next() : 0.25 + 0.6 * rng.next()), usd(bank, 100)) : 0;
  a.rate = overdraft ? (business ? 8000 : 15000) + rng.int(5000) : 0;
  a.fee = business ? usd(bank, 8 + rng.int(30), 100) : rng.chance(0.3) ? usd(bank, 2 + rng.int(14), 100) : 0;
  if (a.fee > 0 && !business) a.product = "personal_current_packaged";
  return a;
}

function savings(bank: Bank, h: Head, rng: Rng, k: number): Account {
  const a = base(bank, h, k, "savings", h.kind === "person" ? "easy_saver" : "business_deposit", laterOpen(bank, h, rng));
  a.rate = 500 + rng.int(3500);
  a.standing = roundTo(h.income * (0.03 + 0.07 * rng.next()), usd(bank, 10));
  a.standingDay = 1 + rng.int(5);
  a.start = roundTo(h.income * (0.5 + 12 * rng.next() * rng.next()), usd(bank, 1));
  return a;
}

function card(bank: Bank, h: Head, rng: Rng, k: number): Account {
  const a = base(bank, h, k, "credit_card", h.kind === "person" ? "credit_card_classic" : "business_card", laterOpen(bank, h, rng));
  const limit = roundTo(h.income * (0.5 + 1.5 * rng.next()), usd(bank, 100));
  a.floor = -limit;
  a.rate = 18000 + rng.int(11000);
  a.repayDay = 10 + rng.int(16);
  const [mcc, merchant, amount] = SUBSCRIPTIONS[rng.int(SUBSCRIPTIONS.length)]!;
  a.subscription = { mcc, merchant, amount: usd(bank, amount), day: 1 + rng.int(28) };
  a.start = -roundTo(limit * 0.5 * rng.next(), usd(bank, 1));
  return a;
}

function loan(bank: Bank, h: Head, rng: Rng, k: number): Account {
  const mortgage = h.kind === "person" && rng.chance(0.5);
  const product = h.kind !== "person" ? "business_loan" : mortgage ? "mortgage" : "personal_loan";
  const a = base(bank, h, k, "loan", product, laterOpen(bank, h, rng));
  a.term = mortgage ? 240 + 60 * rng.int(3) : product === "business_loan" ? 36 + 12 * rng.int(8) : 24 + 12 * rng.int(6);
  const multiple = mortgage ? 36 + rng.int(60) : product === "business_loan" ? 2 + rng.int(10) : 3 + rng.int(10);
  a.principal = roundTo(h.income * multiple, usd(bank, 1000));
  a.rate = mortgage ? 3000 + rng.int(3000) : product === "business_loan" ? 5000 + rng.int(5000) : 6000 + rng.int(8000);
  a.payDay = 1 + rng.int(28);
  const r = a.rate / 100_000 / 12;
  // The month's interest is charged before the instalment pays it: the balance reaches the principal plus a month's interest at most.
  a.floor = -(a.principal + Math.round(a.principal * r));
  a.instalment = Math.ceil((a.principal * r) / (1 - dpow(1 + r, -a.term)));
  // Months already paid at the scenario start (negative: the loan is paid out during the scenario).
  a.paidBefore = Math.floor((bank.firstDay - a.open) / 30.44);
  if (a.paidBefore >= a.term) {
    // An older loan would be repaid by now: this one is a later loan, taken out paidBefore months ago.
    a.paidBefore = a.term - 1 - rng.int(Math.min(12, a.term - 1));
    a.open = Math.max(h.onboard, bank.firstDay - Math.round(a.paidBefore * 30.44) - 1);
  }
  a.start = -outstanding(a, Math.max(0, a.paidBefore));
  return a;
}

/** Principal outstanding after n instalments (exact replay of the schedule, in minor units). */
export function outstanding(a: Account, n: number): number {
  const r = a.rate / 100_000 / 12;
  let o = a.principal;
  for (let m = 0; m < n && o > 0; m++) o = Math.max(0, o + Math.round(o * r) - a.instalment);
  return o;
}
