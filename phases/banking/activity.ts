// A customer's own activity in a month, beyond what is scheduled: card purchases (merchant
// category codes, online with a device and IP address, now and then abroad), cash at ATMs,
// transfers and bills; for businesses card takings, customer payments, cash takings and
// supplier payments. Exactly `n` items, their outgoing amounts scaled to the month's budget.
import { dexp } from "../../core/detmath.ts";
import { hash32, Rng } from "../../core/rng.ts";
import { countryProfile, PARTNER_COUNTRIES } from "../../data/countries.ts";
import { MCC, OFFSHORE_CENTRES, TRANSIT_COUNTRIES } from "../../data/banking.ts";
import { H_BANK, isBankDay, type Bank } from "./bank.ts";
import type { Channel, Ev, Party, Rail, TxType } from "./events.ts";
import { nationalAccount } from "./ids.ts";
import { businessName, fullName, personName } from "./names.ts";
import type { Sched } from "./schedule.ts";

interface Kind {
  type: TxType;
  channel: Channel;
  rail: Rail;
  dir: 1 | -1;
  /** Typical amount in USD (purchases: from the MCC). */
  usd: number;
  w: number;
}

const PERSON_KINDS: Kind[] = [
  { type: "card_purchase", channel: "card_pos", rail: "card", dir: -1, usd: 0, w: 56 },
  { type: "card_purchase", channel: "card_online", rail: "card", dir: -1, usd: 0, w: 16 },
  { type: "atm_withdrawal", channel: "atm", rail: "cash", dir: -1, usd: 80, w: 8 },
  { type: "transfer_out", channel: "mobile_app", rail: "domestic", dir: -1, usd: 150, w: 8 },
  { type: "direct_debit", channel: "direct_debit", rail: "domestic", dir: -1, usd: 60, w: 4 },
  { type: "wire_out", channel: "online_banking", rail: "wire", dir: -1, usd: 400, w: 0.6 },
  { type: "transfer_in", channel: "system", rail: "domestic", dir: 1, usd: 120, w: 6 },
  { type: "cash_deposit", channel: "atm", rail: "cash", dir: 1, usd: 200, w: 1 },
];

function businessKinds(cashShare: number, segment: string): Kind[] {
  const cards = ["retail_shop", "restaurant", "online_merchant"].includes(segment);
  const trade = segment === "import_export";
  return [
    { type: "card_settlement", channel: "system", rail: "card", dir: 1, usd: 0, w: cards ? 20 : 0 },
    { type: "transfer_in", channel: "system", rail: "domestic", dir: 1, usd: 0, w: cards ? 8 : 30 },
    { type: "cash_deposit", channel: "branch", rail: "cash", dir: 1, usd: 0, w: cashShare > 0 ? 14 : 0 },
    { type: "wire_in", channel: "system", rail: "wire", dir: 1, usd: 0, w: trade ? 10 : 1 },
    { type: "transfer_out", channel: "online_banking", rail: "domestic", dir: -1, usd: 1500, w: 30 },
    { type: "wire_out", channel: "online_banking", rail: "wire", dir: -1, usd: 8000, w: trade ? 12 : 1 },
    { type: "card_purchase", channel: "card_online", rail: "card", dir: -1, usd: 0, w: 10 },
    { type: "direct_debit", channel: "direct_debit", rail: "domestic", dir: -1, usd: 300, w: 6 },
    { type: "atm_withdrawal", channel: "atm", rail: "cash", dir: -1, usd: 200, w: 1 },
  ].filter((k) => k.w > 0) as Kind[];
}

/** The bank day on or after `day`, else before it, within [lo, hi] (the day itself when the month has none). */
function bankDayIn(bank: Bank, day: number, lo: number, hi: number): number {
  for (let d = day; d <= hi; d++) if (isBankDay(bank, d)) return d;
  for (let d = day - 1; d >= lo; d--) if (isBankDay(bank, d)) return d;
  return day;
}

function pickKind(rng: Rng, kinds: Kind[], dir: 1 | -1): Kind {
  const list = kinds.filter((k) => k.dir === dir);
  let r = rng.next() * list.reduce((s, k) => s + k.w, 0);
  for (const k of list) if ((r -= k.w) < 0) return k;
  return list[list.length - 1]!;
}

const merchants = new WeakMap<Bank, Map<string, string[]>>();

/** Eight merchants per category code and country (names are coined). */
function merchant(bank: Bank, mcc: string, country: string, rng: Rng): string {
  let m = merchants.get(bank);
  if (!m) merchants.set(bank, (m = new Map()));
  const key = `${mcc}:${country}`;
  let list = m.get(key);
  if (!list) {
    const r = new Rng(bank.seed, H_BANK, hash32("merchants"), hash32(key));
    m.set(key, (list = Array.from({ length: 8 }, () => businessName(r, countryProfile(country), "retail_trade"))));
  }
  return list[rng.int(list.length)]!;
}

const payeeCache = new WeakMap<Sched, Party[]>();

/** A customer's usual payees: five persons or companies at other banks of the country. */
function payees(s: Sched): Party[] {
  let p = payeeCache.get(s);
  if (!p) payeeCache.set(s, (p = makePayees(s)));
  return p;
}

function makePayees(s: Sched): Party[] {
  const rng = new Rng(s.bank.seed, H_BANK, hash32("payees"), s.h.i);
  return Array.from({ length: 5 }, (_, k) => {
    const business = s.h.kind !== "person" || k >= 3;
    const acc = nationalAccount(rng, s.bank.profile);
    return { name: business ? businessName(rng, s.bank.profile, s.h.kind === "person" ? "utilities" : "raw_materials") : fullName(personName(rng, s.bank.profile)), account: acc.iban ?? acc.account, bank: acc.code, country: s.bank.country };
  });
}

/** Seconds of the day for a channel: shops by day, ATMs late too, online mostly by day and evening, branches in opening hours. */
function timeOf(rng: Rng, channel: Channel): number {
  const h = (a: number, b: number) => Math.floor((a + (b - a) * (rng.next() + rng.next()) / 2) * 3600);
  switch (channel) {
    case "card_pos": return h(8, 22);
    // Online shopping peaks in the evening; a few orders at any hour of the night.
    case "card_online": return rng.chance(0.1) ? rng.int(86_400) : h(9, 24);
    case "atm": return h(6, 24);
    case "branch": return h(9, 16);
    case "system": return h(1, 7);
    case "direct_debit": return h(4, 6);
    default: return h(7, 23);
  }
}

export interface Month {
  index: number;
  first: number;
  days: number;
}

export interface Budget {
  /** What outgoing items add up to, and incoming ones (minor units). */
  spend: number;
  earn: number;
}

/** Exactly n discretionary items of customer s in month m, on days its accounts are open. */
export function discretionary(s: Sched, m: Month, n: number, budget: Budget): Ev[] {
  if (n <= 0) return [];
  const { bank, h, accts, rec } = s;
  const rng = new Rng(bank.seed, H_BANK, hash32("activity"), h.i, m.index);
  const person = h.kind === "person";
  const kinds = person ? PERSON_KINDS : businessKinds(h.cashShare, h.segment);
  const inShare = person ? 0.07 : 0.45;
  const card = accts.find((a) => a.type === "credit_card");
  const open = accts[0]!.open;
  const from = Math.max(m.first, open);
  const span = m.first + m.days - from;
  if (span <= 0) return [];
  const who = payees(s);
  const out: Ev[] = [];
  const ins = Math.min(n, Math.round(n * inShare));
  for (let k = 0; k < n; k++) {
    const kind = pickKind(rng, kinds, k < ins ? 1 : -1);
    let day = from + rng.int(span);
    if (kind.channel === "branch") day = bankDayIn(bank, day, Math.max(from, m.first), m.first + m.days - 1);
    const useCard = kind.type === "card_purchase" && card !== undefined && day >= card.open && rng.chance(0.75);
    const acct = useCard ? card!.k : 0;
    const ev: Ev = {
      day, sec: timeOf(rng, kind.channel), ord: 0, acct, dir: kind.dir, amount: 0, must: false, known: false, normal: true,
      type: kind.type, channel: kind.channel, rail: kind.rail, ref: "", country: bank.country, city: rec.address.city,
    };
    dress(bank, s, ev, kind, rng, who);
    out.push(ev);
  }
  scale(bank, out, budget);
  return out;
}

/** Merchant, payee, location, device and a raw amount (before scaling) for an item. */
function dress(bank: Bank, s: Sched, ev: Ev, kind: Kind, rng: Rng, who: Party[]): void {
  const dev = s.rec.devices[rng.int(s.rec.devices.length)]!;
  if (ev.type === "card_purchase") {
    const [mcc, , , typical] = pickMcc(rng);
    const abroad = rng.chance(0.03);
    const country = abroad ? PARTNER_COUNTRIES[rng.int(PARTNER_COUNTRIES.length)]![0] : bank.country;
    ev.mcc = mcc;
    ev.cp = { name: merchant(bank, mcc, country, rng), country };
    ev.country = country;
    ev.city = abroad ? undefined : ev.city;
    ev.ref = ev.cp.name;
    ev.amount = typical * dexp(0.7 * rng.normal());
  } else if (ev.type === "card_settlement") {
    ev.cp = { name: "Card acquirer settlement", country: bank.country };
    ev.ref = "Card takings";
    ev.amount = 1;
  } else if (ev.rail === "cash") {
    ev.ref = ev.type === "atm_withdrawal" ? "ATM withdrawal" : "Cash deposit";
    ev.amount = ev.type === "atm_withdrawal" ? [20, 40, 50, 100, 200, 300][rng.int(6)]! : s.h.kind === "person" ? kind.usd * dexp(0.5 * rng.normal()) : 1;
  } else {
    const abroad = ev.rail === "wire";
    const p = who[rng.int(who.length)]!;
    // Holdings, traders and wealthy customers also deal with offshore and transit jurisdictions, lawfully.
    const far = abroad && (s.h.segment === "holding" || s.h.segment === "import_export" || s.h.segment === "high_net_worth") && rng.chance(0.15);
    ev.cp = abroad ? foreignParty(rng, far ? (s.h.segment === "import_export" ? TRANSIT_COUNTRIES : OFFSHORE_CENTRES) : undefined) : p;
    ev.ref = ev.dir > 0 ? "Payment received" : ev.type === "direct_debit" ? "Direct debit" : s.h.kind === "person" ? "Transfer" : "Supplier payment";
    ev.amount = kind.usd ? kind.usd * dexp(0.6 * rng.normal()) : 1;
  }
  if (ev.channel === "card_online" || ev.channel === "online_banking" || ev.channel === "mobile_app") {
    ev.device = dev.id;
    ev.ip = dev.ip;
  }
}

function foreignParty(rng: Rng, among?: readonly string[]): Party {
  const p = countryProfile(among ? among[rng.int(among.length)]! : PARTNER_COUNTRIES[rng.int(PARTNER_COUNTRIES.length)]![0]);
  const acc = nationalAccount(rng, p);
  return { name: businessName(rng, p, "logistics"), account: acc.iban ?? acc.account, bank: acc.code, country: p.code };
}

function pickMcc(rng: Rng): (typeof MCC)[number] {
  let r = rng.next() * 100;
  for (const m of MCC) if ((r -= m[2]) < 0) return m;
  return MCC[0]!;
}

/**
 * Scales raw amounts so outgoing items add up to the budget's spend and incoming ones to its
 * earnings; ATM withdrawals keep their note amounts (they count against the budget as they are)
 * and card purchases stay under a cap.
 */
function scale(bank: Bank, evs: Ev[], budget: Budget): void {
  const minor = 10 ** bank.digits;
  const atm = evs.filter((e) => e.type === "atm_withdrawal");
  let cash = 0;
  for (const e of atm) cash += (e.amount = Math.max(minor, Math.round((e.amount * bank.usdToMinor) / (10 * minor)) * 10 * minor));
  const cap = Math.round(25_000 * bank.usdToMinor);
  for (const dir of [-1, 1] as const) {
    const list = evs.filter((e) => e.dir === dir && e.type !== "atm_withdrawal");
    const raw = list.reduce((s, e) => s + e.amount, 0);
    const target = Math.max(0, (dir < 0 ? budget.spend - cash : budget.earn));
    for (const e of list) {
      const exact = raw > 0 ? (e.amount / raw) * target : 0;
      e.amount = Math.max(minor, Math.round(e.type === "card_purchase" ? Math.min(cap, exact) : exact));
    }
  }
}
