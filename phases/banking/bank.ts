// The bank as the plan defines it, computed once per plan and thread: its country, currency,
// codes and cash threshold, the exact counts every label share follows, the customer blocks and
// their transaction quotas, and the keyed permutations that place suspicious customers, victims,
// PEPs and screening decoys. Everything here is a pure function of the plan.
import { allocate } from "../../core/allocate.ts";
import { holidayCalendarFor, isBusinessDay, parseIso, periodAt, type HolidayCalendar, type Period } from "../../core/calendar.ts";
import { hash32, Rng } from "../../core/rng.ts";
import { countryProfile, type CountryProfile } from "../../data/countries.ts";
import { DEFAULT_FIU, FIUS, INTERNAL_CASH_THRESHOLD_USD, REPORTING_THRESHOLDS, type ReportingThreshold } from "../../data/banking.ts";
import { CURRENCIES, minorDigits } from "../../specs/currencies.ts";
import type { Plan } from "../../specs/plan.ts";
import { planParamsOf } from "../../specs/phase.ts";
import { bankingSpec } from "./spec.ts";
import type { BankingParams } from "./params.ts";
import { Permutation } from "./perm.ts";
import { customersPerBlock, watchlistSize } from "./sizes.ts";
import { fillTemplate, nationalAccount } from "./ids.ts";

export const H_BANK = hash32("banking");

export interface Bank {
  plan: Plan;
  seed: number;
  p: BankingParams;
  name: string;
  country: string;
  profile: CountryProfile;
  currency: string;
  digits: number;
  /** Minor units per USD. */
  usdToMinor: number;
  holidays: HolidayCalendar;
  bankCode: string;
  bic: string;
  /** Cash threshold the bank monitors (minor units), the legal row it comes from, and whether it is the legal one. */
  threshold: number;
  thresholdRow: ReportingThreshold | undefined;
  fiu: { fiu: string; report: string; deadlineDays: number | null };
  periods: Period[];
  firstDay: number;
  /** First day after the scenario. */
  endDay: number;
  customers: number;
  blockSize: number;
  blocks: number;
  /** Normal (unlabelled) transactions of the customers, exactly; and labelled case transactions. */
  normalTotal: number;
  labelledTotal: number;
  suspicious: number;
  peps: number;
  decoys: number;
  watchlist: { peps: number; decoys: number; noise: number };
  suspiciousPerm: Permutation;
  victimPerm: Permutation;
  pepPerm: Permutation;
  decoyPerm: Permutation;
  /** Normal transaction quota of each customer block (lazily). */
  quotas?: number[];
  p2p: Map<number, { senders: Permutation; receivers: Permutation }>;
}

const cache = new WeakMap<Plan, Bank>();

export function bankOf(plan: Plan): Bank {
  let b = cache.get(plan);
  if (!b) cache.set(plan, (b = build(plan)));
  return b;
}

export function bankParams(plan: Plan): BankingParams {
  return planParamsOf(bankingSpec, plan);
}

function build(plan: Plan): Bank {
  const p = bankParams(plan);
  const seed = plan.scenario.seed;
  const country = p.country ?? plan.companies[0]?.country ?? "US";
  const profile = countryProfile(country);
  const currency = profile.currency;
  const digits = minorDigits(currency);
  const usdToMinor = 10 ** digits / (CURRENCIES[currency]?.usd ?? 1);
  const months = plan.scenario.months;
  const periods = Array.from({ length: months }, (_, i) => periodAt(plan.scenario.startDate, plan.scenario.fiscalYearStartMonth, i));
  const last = periods[months - 1]!;
  const rng = new Rng(seed, H_BANK, hash32("identity"));
  const bankCode = nationalAccount(rng, profile).code;
  const row = REPORTING_THRESHOLDS.find((r) => r.country === country && r.threshold !== null && r.currency === currency);
  const customers = p.customers;
  const blockSize = customersPerBlock(p, months);
  const normalTotal = Math.round(customers * p.transactions_per_customer * months);
  const rate = p.laundering_rate;
  const wl = watchlistSize(p);
  return {
    plan, seed, p, name: p.name, country, profile, currency, digits, usdToMinor, holidays: holidayCalendarFor(country), bankCode,
    bic: "SYNB" + country + fillTemplate(rng, "AA"),
    threshold: row ? row.threshold! * 10 ** digits : internalThreshold(usdToMinor, digits),
    thresholdRow: row,
    fiu: FIUS[country] ?? DEFAULT_FIU,
    periods, firstDay: periods[0]!.firstDay, endDay: last.firstDay + last.days,
    customers, blockSize, blocks: Math.ceil(customers / blockSize),
    normalTotal,
    labelledTotal: rate >= 1 ? 0 : Math.round((normalTotal * rate) / (1 - rate)),
    suspicious: Math.round(customers * p.suspicious_rate),
    peps: wl.peps, decoys: wl.decoys, watchlist: wl,
    suspiciousPerm: new Permutation(Math.max(1, customers), seed, H_BANK, "suspicious"),
    victimPerm: new Permutation(Math.max(1, customers), seed, H_BANK, "victims"),
    pepPerm: new Permutation(Math.max(1, customers), seed, H_BANK, "peps"),
    decoyPerm: new Permutation(Math.max(1, customers), seed, H_BANK, "decoys"),
    p2p: new Map(),
  };
}

/** 10,000 USD in the bank's currency, rounded to one significant digit (the internal monitoring threshold). */
function internalThreshold(usdToMinor: number, digits: number): number {
  const major = (INTERNAL_CASH_THRESHOLD_USD * usdToMinor) / 10 ** digits;
  let unit = 1;
  while (major >= unit * 10) unit *= 10;
  return Math.max(1, Math.round(major / unit)) * unit * 10 ** digits;
}

/** The normal transaction quota of customer block b (exact shares of the total, by block size). */
export function blockQuota(bank: Bank, b: number): number {
  if (!bank.quotas) {
    const sizes = Array.from({ length: bank.blocks }, (_, i) => Math.min(bank.blockSize, bank.customers - i * bank.blockSize));
    bank.quotas = allocate(bank.normalTotal, sizes);
  }
  return bank.quotas[b] ?? 0;
}

/** The P2P permutations of a month: slot k sends from senders.at(k) to receivers.at(k). */
export function p2pOf(bank: Bank, month: number): { senders: Permutation; receivers: Permutation } {
  let x = bank.p2p.get(month);
  if (!x) bank.p2p.set(month, (x = { senders: new Permutation(Math.max(1, bank.customers), bank.seed, H_BANK, "p2p-s", month), receivers: new Permutation(Math.max(1, bank.customers), bank.seed, H_BANK, "p2p-r", month) }));
  return x;
}

/** Whether the bank is open on a day (weekdays that are not public holidays of its country). */
export const isBankDay = (bank: Bank, day: number) => isBusinessDay(day, bank.holidays);

export function nextBankDay(bank: Bank, day: number): number {
  while (!isBusinessDay(day, bank.holidays)) day++;
  return day;
}

export const startDay = (plan: Plan) => parseIso(plan.scenario.startDate);

/** USD major units to the bank's minor units, rounded to `unit` minor units. */
export function usd(bank: Bank, amount: number, unit = 1): number {
  return Math.max(unit, Math.round((amount * bank.usdToMinor) / unit) * unit);
}
