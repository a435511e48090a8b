// Builds a case's legs: each leg moves money between a customer of the bank, an outside party
// or cash, and becomes one row (customer and outside) or two (customer to customer). The
// builder keeps the funds each self-funded party holds for the case, so nobody forwards money
// before it arrived, and counts rows so a case has exactly the transactions the plan gave it.
import { hash32, Rng } from "../../core/rng.ts";
import { countryProfile } from "../../data/countries.ts";
import { H_BANK, nextBankDay, type Bank } from "./bank.ts";
import { participant, type CaseInfo } from "./cases.ts";
import { victimOf } from "./customers.ts";
import type { Channel, Party, Rail, Stage, TxType } from "./events.ts";
import { nationalAccount } from "./ids.ts";
import { businessName, fullName, personName } from "./names.ts";

export type End = { kind: "customer"; i: number } | { kind: "external"; party: Party } | { kind: "cash"; depositor?: Party };

export interface Leg {
  index: number;
  day: number;
  sec: number;
  from: End;
  to: End;
  amount: number;
  debitType: TxType;
  creditType: TxType;
  channel: Channel;
  rail: Rail;
  stage: Stage;
  label: "laundering" | "fraud";
  ref: string;
  city?: string;
  country?: string;
  /** Booked from a device and IP address the customer never used (account takeover). */
  takeover?: boolean;
  mcc?: string;
  /** The payer's booking names this payee instead of the receiving customer (business email compromise). */
  payeeName?: string;
  /** The payee names this watchlist entry (misspelt): payment screening hit it and an analyst cleared it. */
  watchEntry?: number;
}

export interface CasePlan {
  info: CaseInfo;
  legs: Leg[];
  parts: number[];
  victims: (number | undefined)[];
  amount: number;
  threshold?: number;
  window?: number;
  fair?: number;
  invoiced?: number;
  partnerRef?: string;
  watchEntry?: number;
  description: string;
}

export interface When {
  day: number;
  sec: number;
}

export const rowsOf = (l: Pick<Leg, "from" | "to">) => (l.from.kind === "customer" ? 1 : 0) + (l.to.kind === "customer" ? 1 : 0);

export class CaseBuilder {
  readonly legs: Leg[] = [];
  rows = 0;
  readonly rng: Rng;
  readonly parts: number[];
  readonly victims: (number | undefined)[];
  private readonly held = new Map<number, number>();
  private readonly funded = new Set<number>();
  readonly plan: Partial<CasePlan> = {};

  constructor(readonly bank: Bank, readonly info: CaseInfo) {
    this.rng = new Rng(bank.seed, H_BANK, hash32("case-plan"), info.index);
    this.parts = Array.from({ length: info.parts }, (_, j) => participant(bank, info, j));
    this.victims = Array.from({ length: info.victims }, (_, j) => victimOf(bank, info, j));
  }

  get soph(): number {
    return { basic: 0, standard: 1, professional: 2, advanced: 3 }[this.info.sophistication];
  }

  /** Parties that may only pass on what the case gave them. */
  selfFunded(...customers: number[]): void {
    for (const i of customers) this.funded.add(i);
  }

  held_(i: number): number {
    return this.held.get(i) ?? 0;
  }

  add(l: Omit<Leg, "index">): Leg {
    if (!(l.amount > 0) || !Number.isInteger(l.amount)) throw new Error(`internal: case ${this.info.id} leg amount ${l.amount}`);
    const from = l.from.kind === "customer" ? l.from.i : -1;
    const to = l.to.kind === "customer" ? l.to.i : -1;
    if (from >= 0 && this.funded.has(from) && this.held_(from) < l.amount) throw new Error(`internal: case ${this.info.id} pays out ${l.amount} of customer ${from} holding ${this.held_(from)}`);
    if (from >= 0) this.held.set(from, this.held_(from) - l.amount);
    if (to >= 0) this.held.set(to, this.held_(to) + l.amount);
    const leg = { ...l, index: this.legs.length };
    this.legs.push(leg);
    this.rows += rowsOf(leg);
    return leg;
  }

  // ---------- time ----------

  get first(): number {
    return this.info.start;
  }
  get lastDay(): number {
    return this.bank.endDay - 1;
  }
  clampDay(d: number): number {
    return Math.max(this.bank.firstDay, Math.min(this.lastDay, d));
  }
  /** A moment on `day` (moved to a bank day for branch and wire work when `bankDay`). */
  at(day: number, bankDay = false, from = 8 * 3600, to = 20 * 3600): When {
    let d = this.clampDay(day);
    if (bankDay) {
      const n = nextBankDay(this.bank, d);
      if (n <= this.lastDay) d = n;
    }
    return { day: d, sec: from + this.rng.int(to - from) };
  }
  /** A moment `days` after another (later the same day when 0, or at the scenario's end). */
  after(w: When, days: number): When {
    const d = this.clampDay(w.day + days);
    if (d > w.day) return { day: d, sec: 7 * 3600 + this.rng.int(14 * 3600) };
    return { day: w.day, sec: Math.min(86_399, w.sec + 300 + this.rng.int(5400)) };
  }

  // ---------- amounts ----------

  usd(x: number): number {
    return Math.max(1, Math.round(x * this.bank.usdToMinor));
  }
  /** Rounds an amount the way the case's sophistication does: basic to 100 major units, standard to 10, others to the cent. */
  styled(x: number, below = Infinity): number {
    const major = 10 ** this.bank.digits;
    const unit = [100 * major, 10 * major, 1, 1][this.soph]!;
    let v = Math.max(unit, Math.floor(x / unit) * unit);
    if (v >= below) v = Math.floor((below - 1) / unit) * unit;
    return Math.max(1, v);
  }
  /** Splits total into k positive parts, each within [0.5, 1.5] of the mean. */
  split(total: number, k: number): number[] {
    const w = Array.from({ length: k }, () => 0.5 + this.rng.next());
    const sum = w.reduce((a, b) => a + b, 0);
    const parts = w.map((x) => Math.max(1, Math.floor((total * x) / sum)));
    parts[0]! += total - parts.reduce((a, b) => a + b, 0);
    if (parts[0]! < 1) throw new Error(`internal: case ${this.info.id} cannot split ${total} in ${k}`);
    return parts;
  }

  // ---------- parties ----------

  customer(i: number): End {
    return { kind: "customer", i };
  }
  company(country: string, trade = "logistics"): End {
    const p = countryProfile(country);
    const acc = nationalAccount(this.rng, p);
    return { kind: "external", party: { name: businessName(this.rng, p, trade), account: acc.iban ?? acc.account, bank: acc.code, country } };
  }
  person(country: string): End {
    const p = countryProfile(country);
    const acc = nationalAccount(this.rng, p);
    return { kind: "external", party: { name: fullName(personName(this.rng, p)), account: acc.iban ?? acc.account, bank: acc.code, country } };
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.rng.int(xs.length)]!;
  }
  /** A city of the bank's country other than those given. */
  city(except: readonly string[] = []): string {
    const cities = this.bank.profile.cities.map((c) => c[0]).filter((c) => !except.includes(c));
    return cities.length ? this.pick(cities) : this.bank.profile.cities[0]![0];
  }
}
