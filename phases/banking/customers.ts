// Customers: the head of customer i (kind, segment, residence, onboarding, income, activity) is
// a pure function of (plan, i) and cheap, so any block can look at any customer (P2P partners,
// case victims); the full record (names, address, household) adds the rest. Suspicious customers
// take the kind their case role needs; victims are chosen among heads that fit.
import { hash32, Rng } from "../../core/rng.ts";
import { dexp, dlog } from "../../core/detmath.ts";
import { countryProfile, PARTNER_COUNTRIES, type CountryProfile } from "../../data/countries.ts";
import { BUSINESS_SEGMENTS, PERSON_SEGMENTS } from "../../data/banking.ts";
import { H_BANK, type Bank } from "./bank.ts";
import { caseOfVictimSlot, caseTable, suspiciousRole, TYPOLOGY_META, type CaseInfo, type SuspiciousRole } from "./cases.ts";

export type CustomerKind = "person" | "business" | "trust";

export interface Head {
  i: number;
  kind: CustomerKind;
  segment: string;
  country: CountryProfile;
  /** First day of the relationship. */
  onboard: number;
  /** Monthly income (persons: salary or pension; businesses: revenue; trusts: distributions), minor units. */
  income: number;
  /** Weight of its share of the block's normal transactions. */
  activity: number;
  /** Businesses: share of takings paid in cash. */
  cashShare: number;
  /** Trade word for business names. */
  trade: string;
  declaredSource: string;
  suspicious: SuspiciousRole | undefined;
}

const H_CUST = hash32("customer");
const heads = new WeakMap<Bank, Map<number, Head>>();

export function headOf(bank: Bank, i: number): Head {
  let m = heads.get(bank);
  if (!m) heads.set(bank, (m = new Map()));
  let h = m.get(i);
  if (!h) {
    // A small cache (a block and the parties it meets): memory stays flat whatever the number of customers.
    if (m.size > 8_192) m.clear();
    m.set(i, (h = makeHead(bank, i)));
  }
  return h;
}

export const customerRng = (bank: Bank, i: number, lane: string) => new Rng(bank.seed, H_BANK, H_CUST, hash32(lane), i);

const logUniform = (rng: Rng, lo: number, hi: number) => dexp(dlog(lo) + rng.next() * (dlog(hi) - dlog(lo)));
const pick = <T extends readonly [unknown, number, ...unknown[]]>(rng: Rng, list: readonly T[]): T => {
  let total = 0;
  for (const x of list) total += x[1];
  let r = rng.next() * total;
  for (const x of list) if ((r -= x[1]) < 0) return x;
  return list[list.length - 1]!;
};

function makeHead(bank: Bank, i: number): Head {
  const rng = customerRng(bank, i, "head");
  const p = bank.p;
  const draw = rng.next();
  let kind: CustomerKind = draw < p.trust_share ? "trust" : draw < p.trust_share + p.business_share ? "business" : "person";
  const suspicious = suspiciousRole(bank, i);
  if (suspicious && suspicious.kind !== "any") kind = suspicious.kind;
  else if (suspicious && kind === "trust") kind = "business";
  const foreign = rng.chance(kind === "person" ? 0.05 : 0.08);
  const country = foreign ? countryProfile(pick(rng, PARTNER_COUNTRIES.filter(([c]) => c !== bank.country))[0]) : bank.profile;
  const segRng = customerRng(bank, i, "segment-" + kind);
  let segment: string;
  let income: number;
  let activity: number;
  let cashShare = 0;
  let trade = "finance";
  let declaredSource: string;
  if (kind === "person") {
    const s = pick(segRng, PERSON_SEGMENTS);
    segment = s[0];
    income = logUniform(segRng, s[2], s[3]);
    activity = s[4] * dexp(0.35 * segRng.normal());
    declaredSource = s[5];
  } else if (kind === "business") {
    const s = pick(segRng, BUSINESS_SEGMENTS);
    segment = s[0];
    income = logUniform(segRng, s[2], s[3]);
    activity = s[4] * dexp(0.4 * segRng.normal());
    cashShare = s[5];
    trade = s[6];
    declaredSource = "business_revenue";
  } else {
    segment = segRng.chance(0.8) ? "family_trust" : "charitable_trust";
    income = logUniform(segRng, 3_000, 40_000);
    activity = 0.8 * dexp(0.3 * segRng.normal());
    declaredSource = "trust_assets";
  }
  return {
    i, kind, segment, country, onboard: onboarding(bank, rng, suspicious), income: Math.round(income * bank.usdToMinor), activity,
    cashShare, trade, declaredSource, suspicious,
  };
}

/** Most relationships predate the scenario; 6% start during it; mules and shells open shortly before their case. */
function onboarding(bank: Bank, rng: Rng, s: SuspiciousRole | undefined): number {
  const during = rng.chance(0.06);
  const before = bank.firstDay - 30 - Math.floor(logUniform(rng, 1, 7300));
  const span = bank.endDay - bank.firstDay;
  const inside = bank.firstDay + rng.int(Math.max(1, span - 20));
  const fresh = s && (s.role === "mule" || s.role === "shell" || s.role === "funnel") && rng.chance(0.7);
  if (fresh) return s.case.start - 10 - rng.int(80);
  const day = during ? inside : before;
  // Everyone in a case is a customer before it starts.
  return s ? Math.min(day, s.case.start - 5 - rng.int(30)) : day;
}

/** Whether customer i can be a victim of a case of this kind: not suspicious, the right kind, a customer before the scenario starts. */
function victimFits(bank: Bank, i: number, kind: "person" | "business" | undefined): boolean {
  const h = headOf(bank, i);
  return !h.suspicious && (kind === undefined || h.kind === kind) && h.onboard < bank.firstDay - 60;
}

// Enough tries that a business victim (about one customer in nine) is nearly always found among the bank's customers.
const TRIES = 32;

/** Victim j of a case: the first fitting candidate of its slot's tries, or undefined (the case then has an outside victim). */
export function victimOf(bank: Bank, c: CaseInfo, j: number): number | undefined {
  const t = caseTable(bank);
  const kind = TYPOLOGY_META[c.typology].victimKind;
  for (let k = 0; k < TRIES; k++) {
    const slot = c.victimStart + j + k * t.victimSlots;
    if (slot >= bank.customers) return undefined;
    const i = bank.victimPerm.at(slot);
    if (victimFits(bank, i, kind)) return i;
  }
  return undefined;
}

/** The case customer i is a victim of, if any. */
export function victimCase(bank: Bank, i: number): CaseInfo | undefined {
  const t = caseTable(bank);
  if (t.victimSlots === 0 || i >= bank.customers) return undefined;
  const s = bank.victimPerm.indexOf(i);
  if (s >= TRIES * t.victimSlots) return undefined;
  const c = caseOfVictimSlot(t, s % t.victimSlots);
  if (!c) return undefined;
  return victimOf(bank, c, s % t.victimSlots - c.victimStart) === i ? c : undefined;
}

export const isPep = (bank: Bank, i: number) => bank.peps > 0 && bank.pepPerm.indexOf(i) < bank.peps;
export const isDecoy = (bank: Bank, i: number) => bank.decoys > 0 && bank.decoyPerm.indexOf(i) < bank.decoys;
