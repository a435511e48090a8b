// The typologies' patterns: each turns a case (participants, victims, sophistication, exact row
// count) into legs. docs/banking.md describes every pattern and its sources; the verification
// helper (testing/verify-banking.ts) checks them in the output.
import { FATF_CALL_FOR_ACTION, OFFSHORE_CENTRES } from "../../data/banking.ts";
import { PARTNER_COUNTRIES } from "../../data/countries.ts";
import { isBankDay, type Bank } from "./bank.ts";
import { CaseBuilder, type CasePlan, type End, type Leg, type When } from "./case-builder.ts";
import type { CaseInfo } from "./cases.ts";
import type { Typology } from "./params.ts";
import { buildFraud } from "./typologies-fraud.ts";
import { cashIn, drain, move, wireIn, wireOut } from "./legs.ts";

type Build = (b: CaseBuilder) => void;

const foreign = (b: CaseBuilder) => b.pick(PARTNER_COUNTRIES.map((c) => c[0]).filter((c) => c !== b.bank.country));
const offshore = (b: CaseBuilder) => b.pick(b.soph <= 1 && b.rng.chance(0.3) ? FATF_CALL_FOR_ACTION : OFFSHORE_CENTRES);

/** Cash amounts just under the threshold: basic close to it, advanced well below. */
function underThreshold(b: CaseBuilder): number {
  const [lo, hi] = ([[0.85, 0.99], [0.75, 0.97], [0.6, 0.95], [0.5, 0.9]] as const)[b.soph]!;
  return b.styled(b.bank.threshold * (lo + (hi - lo) * b.rng.next()), b.bank.threshold);
}

/** How far a round of n deposits spreads over bank days: basic launderers go day after day, advanced ones wait. */
const SPREAD = [1.2, 1.6, 2.5, 3.5] as const;

/**
 * Distinct bank days for n cash deposits into one account, in rounds of about `perRound` (at
 * least 3 each): the case's span is cut into one stretch per round and each round takes its
 * days from the start of its stretch, as tight as the sophistication says. The case table caps
 * cash cases at what the scenario's bank days hold, so days never repeat.
 */
function depositDays(b: CaseBuilder, n: number, perRound: number, from = b.first): number[][] {
  const sizes: number[] = [];
  for (let left = n; left > 0; ) {
    let size = Math.min(perRound, left);
    if (left - size > 0 && left - size < 3) size = left;
    sizes.push(size);
    left -= size;
  }
  let avail = bankDays(b, from, Math.min(b.lastDay + 1, from + Math.max(b.info.days, 1)));
  if (avail.length < n) avail = bankDays(b, b.bank.firstDay, b.lastDay + 1);
  if (avail.length < n) throw new Error(`internal: case ${b.info.id} needs ${n} bank days, the scenario has ${avail.length}`);
  const rounds: number[][] = [];
  let at = 0;
  sizes.forEach((size, r) => {
    const stretch = r === sizes.length - 1 ? avail.length - at : Math.max(size, Math.floor(((avail.length - at) * size) / sizes.slice(r).reduce((x, y) => x + y, 0)));
    const used = Math.min(stretch, Math.max(size, Math.ceil(size * SPREAD[b.soph]!)));
    rounds.push(Array.from({ length: size }, (_, j) => avail[at + Math.floor((j * used) / size)]!));
    at += stretch;
  });
  return rounds;
}

function bankDays(b: CaseBuilder, from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = Math.max(from, b.bank.firstDay); d < to; d++) if (isBankDay(b.bank, d)) out.push(d);
  return out;
}

/** Places `deposits` cash deposits into `to` in rounds (each round: at least 3 deposits, one a bank day, close together). */
function depositRounds(b: CaseBuilder, to: number, deposits: number, opts: { perRound: number; depositor?: (k: number) => End; cities?: string[] }): When {
  let last: When = b.at(b.first);
  let k = 0;
  let window = 0;
  for (const days of depositDays(b, deposits, opts.perRound)) {
    window = Math.max(window, days[days.length - 1]! - days[0]! + 1);
    for (const d of days) {
      last = { day: d, sec: 9 * 3600 + b.rng.int(7 * 3600) };
      const city = opts.cities ? opts.cities[k % opts.cities.length] : undefined;
      cashIn(b, to, last, underThreshold(b), { depositor: opts.depositor?.(k), city, stage: "placement" });
      k++;
    }
  }
  b.plan.window = window;
  b.plan.threshold = b.bank.threshold;
  return last;
}

const structuring: Build = (b) => {
  const [p] = b.parts;
  b.selfFunded(p!);
  const outs = Math.max(1, Math.min(3, Math.floor(b.info.rows / 8)));
  const last = depositRounds(b, p!, b.info.rows - outs, { perRound: [4, 6, 8, 12][b.soph]! });
  drain(b, p!, b.after(last, 1 + b.rng.int(3)), outs, { stage: "layering", to: () => b.company(offshore(b)), ref: "Consulting fees" });
};

const smurfing: Build = (b) => {
  const [collector, ...smurfs] = b.parts;
  b.selfFunded(...b.parts);
  const n = b.info.rows;
  if (smurfs.length < 2) {
    // Too few smurfs of its own: outsiders (and the one smurf, in person) pay cash straight into the collector's account.
    const outs = n >= 10 ? 2 : 1;
    const own = smurfs[0];
    const depositor = (k: number): End => (own !== undefined && k % 2 === 0 ? { kind: "cash", depositor: { name: "", customer: own } } : b.person(b.bank.country));
    const last = depositRounds(b, collector!, n - outs, { perRound: 6, depositor });
    drain(b, collector!, b.after(last, 1), outs, { stage: "layering", to: () => b.company(foreign(b)), ref: "Invoice payment" });
    return;
  }
  const outs = 1 + ((n - 1) % 3);
  const deposits = (n - outs) / 3;
  let last: When = b.at(b.first);
  b.plan.threshold = b.bank.threshold;
  b.plan.window = 0;
  // Each smurf pays in on its own bank days, then passes the cash to the collector the same day.
  smurfs.forEach((s, j) => {
    const mine = Math.floor(deposits / smurfs.length) + (j < deposits % smurfs.length ? 1 : 0);
    if (mine === 0) return;
    const days = depositDays(b, mine, mine)[0]!;
    b.plan.window = Math.max(b.plan.window!, days[days.length - 1]! - days[0]! + 1);
    for (const d of days) {
      const when = { day: d, sec: 9 * 3600 + b.rng.int(6 * 3600) };
      const amount = underThreshold(b);
      cashIn(b, s, when, amount, { stage: "placement" });
      const passed = b.after(when, 0);
      move(b, s, collector!, passed, Math.floor(amount * (0.95 + 0.05 * b.rng.next())), { stage: "layering", ref: "Thanks" });
      if (passed.day > last.day || (passed.day === last.day && passed.sec > last.sec)) last = passed;
    }
  });
  drain(b, collector!, b.after(last, 1 + b.rng.int(2)), outs, { stage: "layering", to: () => b.company(foreign(b)), ref: "Goods" });
};

const cuckooSmurfing: Build = (b) => {
  const victim = b.victims[0];
  const target = victim ?? b.parts[0]!;
  b.selfFunded(...b.parts);
  const n = b.info.rows;
  const days = depositDays(b, n, n)[0]!;
  b.plan.window = days[days.length - 1]! - days[0]! + 1;
  b.plan.threshold = b.bank.threshold;
  days.forEach((d, k) => {
    const smurf = b.parts[k % b.parts.length]!;
    const depositor = { kind: "cash" as const, depositor: { name: "", customer: smurf } };
    cashIn(b, target, { day: d, sec: 9 * 3600 + b.rng.int(7 * 3600) }, Math.floor(underThreshold(b) * 0.9), { depositor, city: b.city(), stage: "placement" });
  });
};

const funnelAccount: Build = (b) => {
  const [funnel, ...helpers] = b.parts;
  b.selfFunded(funnel!);
  const n = b.info.rows;
  const outs = Math.max(1, Math.round(n / 5));
  const deposits = n - outs;
  // Cash comes in in up to five cities and leaves in another one.
  const cityCount = b.bank.profile.cities.length;
  const cities = Array.from({ length: Math.max(1, Math.min(5, deposits, cityCount - 1)) }, () => "");
  for (let k = 0; k < cities.length; k++) cities[k] = b.city(cities);
  const away = b.city(cities);
  const per = Math.ceil(deposits / outs);
  const days = depositDays(b, deposits, deposits)[0]!;
  let k = 0;
  let when = b.at(b.first);
  b.plan.threshold = b.bank.threshold;
  b.plan.window = days[days.length - 1]! - days[0]! + 1;
  for (let o = 0; o < outs; o++) {
    const batch = o === outs - 1 ? deposits - k : Math.min(per, deposits - k - (outs - o - 1));
    for (let d = 0; d < batch; d++, k++) {
      when = { day: days[k]!, sec: 9 * 3600 + b.rng.int(7 * 3600) };
      const helper = helpers.length && b.rng.chance(0.6) ? helpers[k % helpers.length] : undefined;
      cashIn(b, funnel!, when, underThreshold(b), {
        city: cities[k % cities.length], stage: "placement", depositor: helper === undefined ? undefined : { kind: "cash", depositor: { name: "", customer: helper } },
      });
    }
    when = b.after(when, b.rng.int(2));
    const amount = Math.floor(b.held_(funnel!) * (0.85 + 0.15 * b.rng.next()));
    if (o === outs - 1) drain(b, funnel!, when, 1, { stage: "layering", cash: away });
    else cashOutAway(b, funnel!, when, amount, away);
  }
};

function cashOutAway(b: CaseBuilder, from: number, when: When, amount: number, city: string): void {
  b.add({ day: when.day, sec: when.sec, from: b.customer(from), to: { kind: "cash" }, amount, debitType: "cash_withdrawal", creditType: "cash_withdrawal", channel: "branch", rail: "cash", stage: "layering", label: "laundering", ref: "Cash withdrawal", city, country: b.bank.country });
}

const layering: Build = (b) => {
  const hops = b.parts;
  b.selfFunded(...hops);
  const perRound = 2 * hops.length;
  const rounds = Math.max(1, Math.floor(b.info.rows / perRound));
  let when = b.at(b.first);
  const gap = Math.max(1, Math.floor(b.info.days / rounds));
  for (let r = 0; r < rounds; r++) {
    when = b.at(b.first + r * gap);
    const amount = b.styled(b.usd((20_000 + b.rng.next() * 180_000) * (1 + b.soph)));
    wireIn(b, hops[0]!, when, amount, b.company(offshore(b), "finance"), { stage: "placement", ref: "Investment" });
    for (let h = 1; h < hops.length; h++) {
      when = b.after(when, [0, 0, 1, 2][b.soph]! + b.rng.int(2));
      move(b, hops[h - 1]!, hops[h]!, when, Math.floor(b.held_(hops[h - 1]!) * (0.97 + 0.03 * b.rng.next())), { stage: "layering", ref: b.pick(["Loan", "Repayment", "Services", "Rent"]) });
    }
    const outs = r === rounds - 1 ? b.info.rows - b.rows : 1;
    drain(b, hops[hops.length - 1]!, b.after(when, b.rng.int(2)), outs, { stage: r === rounds - 1 ? "integration" : "layering", to: () => b.company(foreign(b), "finance"), ref: "Property deposit" });
  }
};

const roundTripping: Build = (b) => {
  const [origin, front] = b.parts;
  const n = b.info.rows;
  const back = front === undefined ? 0 : Math.max(1, Math.floor((n - 2) / 4));
  const rest = n - 2 * back;
  const outs = Math.ceil(rest / 2);
  const ins = rest - outs;
  const total = b.styled(b.usd((20_000 + b.rng.next() * 150_000) * (1 + 0.5 * b.soph)));
  const away = b.company(offshore(b), "finance");
  let when = b.at(b.first, true);
  for (const part of b.split(total, outs)) {
    wireOut(b, origin!, when, part, away, { stage: "placement", ref: b.pick(["Investment", "Consulting fees", "Share purchase"]) });
    when = b.after(when, 1 + b.rng.int(5));
  }
  const lender = b.company(offshore(b), "finance");
  const receiver = front ?? origin!;
  b.selfFunded(receiver);
  when = b.after(when, 20 + b.rng.int(40));
  for (const part of b.split(Math.floor(total * (0.9 + 0.08 * b.rng.next())), ins)) {
    wireIn(b, receiver, when, part, lender, { stage: "layering", ref: b.pick(["Loan agreement", "Capital injection", "Investment return"]) });
    when = b.after(when, 1 + b.rng.int(5));
  }
  if (front !== undefined) {
    for (const part of b.split(Math.floor(b.held_(front) * 0.95), back)) {
      move(b, front, origin!, when, part, { stage: "integration", ref: "Director loan" });
      when = b.after(when, 3 + b.rng.int(10));
    }
  }
  b.plan.amount = total;
};

const build: Partial<Record<Typology, Build>> = {
  structuring, smurfing, cuckoo_smurfing: cuckooSmurfing, funnel_account: funnelAccount, layering, round_tripping: roundTripping,
};

const DESCRIPTION: Record<Typology, string> = {
  structuring: "cash deposits each under the threshold, together above it within days, then wired abroad",
  smurfing: "several depositors pay in cash under the threshold and pass it to a collector, who wires it on",
  cuckoo_smurfing: "third parties deposit cash into a customer who expects a transfer from abroad",
  funnel_account: "cash paid into one account in several cities, taken out quickly elsewhere",
  layering: "funds from an offshore company pass quickly through several accounts before leaving",
  round_tripping: "money sent to an offshore company comes back as a loan or investment",
  trade_based: "payments for over-invoiced exports and under-invoiced imports with the scenario's trading partners",
  money_mule: "mules receive fraud proceeds from many senders and forward them, keeping a commission",
  shell_company: "round sums move between recently formed companies with nominee owners, then to their controller",
  account_takeover: "a new device abroad logs into a customer's account and drains it to mules",
  authorised_push_payment: "a customer is talked into paying a mule (investment or romance scam)",
  business_email_compromise: "a business pays a known supplier's invoice to changed bank details: a mule's account",
  sanctions_evasion: "payments to intermediaries in transit countries for a listed party",
};

const plans = new WeakMap<Bank, Map<number, CasePlan>>();

/** The legs of a case (cached per thread; a pure function of the plan). */
export function casePlan(bank: Bank, info: CaseInfo): CasePlan {
  let m = plans.get(bank);
  if (!m) plans.set(bank, (m = new Map()));
  let p = m.get(info.index);
  if (!p) {
    if (m.size > 5000) m.clear();
    m.set(info.index, (p = makePlan(bank, info)));
  }
  return p;
}

function makePlan(bank: Bank, info: CaseInfo): CasePlan {
  const b = new CaseBuilder(bank, info);
  const f = build[info.typology];
  if (f) f(b);
  else buildFraud(b);
  if (b.rows !== info.rows) throw new Error(`internal: case ${info.id} (${info.typology}) has ${b.rows} transactions, planned ${info.rows}`);
  // What the case moves: money into its participants' accounts from outside (cash, outside payers, victims) or out of them, whichever is more; hops among them count once.
  const own = new Set(b.parts);
  const mine = (e: End) => e.kind === "customer" && own.has(e.i);
  let into = 0;
  let out = 0;
  for (const l of b.legs) {
    if (mine(l.to) && !mine(l.from)) into += l.amount;
    if (mine(l.from) && !mine(l.to)) out += l.amount;
  }
  return {
    info, legs: b.legs.sort(byTime), parts: b.parts, victims: b.victims, amount: b.plan.amount ?? Math.max(into, out), description: DESCRIPTION[info.typology], ...b.plan,
  } as CasePlan;
}

const byTime = (x: Leg, y: Leg) => x.day - y.day || x.sec - y.sec || x.index - y.index;

