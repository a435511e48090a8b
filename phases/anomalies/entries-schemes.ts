// Two-part schemes over standalone entries, each part in its own block and both planned from
// the plan (plan.ts pairs them): channel stuffing (a quarter-end sale to a distributor,
// reversed as a return in the next period) and round tripping (cash to the next company of the
// group and back within the period). Every choice comes from a stream keyed by the scheme, so
// both blocks agree on amounts, accounts, days and people without seeing each other.
import { hash32, type Rng } from "../../core/rng.ts";
import { bankDayOnOrAfter, bankDayOnOrBefore, isBankDay, type CompanyInfo } from "../../ledger/context.ts";
import { fxOf, rateText } from "../../ledger/fx.ts";
import type { Doc } from "./doc.ts";
import { partnerOf, streamFor } from "./plan.ts";
import { periodEndDay, rebuild, type NewLine } from "./entries-structure.ts";
import { setPostingDay, thresholdOf, userId, type EntryEnv, type EntryMutation, type Outcome } from "./entry-env.ts";

/** The stream of one scheme: the same in the block of each of its parts. */
function schemeRng(e: EntryEnv): Rng {
  const q = e.quota!;
  return streamFor(e.cx, hash32(q.cluster), q.origin ?? -1, e.k);
}

const tag = (e: EntryEnv, kind: string) => `${kind}${String(e.quota!.origin).padStart(6, "0")}-${String(e.k + 1).padStart(3, "0")}`;
const originCompany = (e: EntryEnv): CompanyInfo => e.cx.companies[e.cx.companyIndex.get(e.quota!.cluster.split("-")[1]!) ?? e.company.index]!;

function channelStuffing(d: Doc, e: EntryEnv): Outcome {
  const q = e.quota!;
  const r = schemeRng(e);
  const c = e.company;
  const amount = Math.round(e.threshold * (4 + 16 * r.next()));
  const revenue = e.cx.chart.role("revenue");
  const account = revenue[r.int(revenue.length)]!;
  const poster = userId(c.code, r.int(e.users));
  const prepaid = e.cx.chart.one("prepaid_expenses");
  const booking = q.part === 1;
  const lines: NewLine[] = booking
    ? [{ account: prepaid, debit: amount, credit: 0, cc: null }, { account, debit: 0, credit: amount, cc: null }]
    : [{ account, debit: amount, credit: 0, cc: null }, { account: prepaid, debit: 0, credit: amount, cc: null }];
  rebuild(d, lines, { document_type: "SA", source: "manual", business_event: booking ? "distributor_sale" : "distributor_return", posted_by: poster, line_text: booking ? "Sales to distributor" : "Return from distributor" });
  const back = r.int(3);
  const first = r.int(5);
  const day = booking ? periodEndDay(e, back) : weekdayFrom(e.period.firstDay + first);
  setPostingDay(d, e.period, Math.min(day, e.period.firstDay + e.period.days - 1));
  const t = tag(e, "CS");
  return { docs: [d], id: `AN-${c.code}-${t}`, scheme: `SC-${c.code}-${t}`, splitPeriod: booking ? q.period : q.period - 1 };
}

function weekdayFrom(day: number): number {
  const wd = (((day + 3) % 7) + 7) % 7;
  return wd >= 5 ? day + (7 - wd) : day;
}

/** A bank day of both companies on or after `day` (or before, at the end of the period). */
function bothBankDay(a: CompanyInfo, b: CompanyInfo, day: number, last: number): number {
  for (let x = day, k = 0; k < 40; k++, x++) {
    x = bankDayOnOrAfter(a, x);
    if (x > last) break;
    if (isBankDay(b, x)) return x;
  }
  for (let x = Math.min(day, last), k = 0; k < 40; k++, x--) {
    x = bankDayOnOrBefore(a, x);
    if (isBankDay(b, x)) return x;
  }
  return day;
}

/**
 * Round trip: the initiating company lends cash to the next company of the group and gets it
 * back 3-10 days later, both legs booked by hand on the intercompany accounts. The partner books
 * its side in the initiator's currency; a rate that moved between the legs leaves an FX difference.
 */
function roundTrip(d: Doc, e: EntryEnv): Outcome {
  const q = e.quota!;
  const second = e.take((x) => x.mutable && x !== d, d, (x) => x.kind === "reallocation");
  if (!second) return false;
  const r = schemeRng(e);
  const a = originCompany(e);
  const b = partnerOf(e.cx, a.index);
  const p = e.period;
  const last = p.firstDay + p.days - 1;
  const out = bothBankDay(a, b, p.firstDay + r.int(Math.min(12, p.days)), last);
  const back = Math.max(out, bothBankDay(a, b, out + 3 + r.int(8), last));
  // In the initiator's currency, from its threshold: the same figure in both companies' blocks.
  const amount = Math.round(thresholdOf(a) * (10 + 30 * r.next()));
  const poster = userId(e.company.code, r.int(e.users));
  const chart = e.cx.chart;
  const bank = chart.role("bank")[0]!;
  const header = { document_type: "SA", source: "manual", business_event: "intercompany_transfer", posted_by: poster, line_text: "Intercompany cash transfer" };
  if (e.company === a) {
    const ic = chart.one("ic_receivable");
    rebuild(d, [{ account: ic, debit: amount, credit: 0, cc: null, partner: b.code }, { account: bank, debit: 0, credit: amount, cc: null }], header);
    rebuild(second, [{ account: bank, debit: amount, credit: 0, cc: null }, { account: ic, debit: 0, credit: amount, cc: null, partner: b.code }], header);
  } else {
    const ic = chart.one("ic_payable");
    const fx = fxOf(e.cx);
    const own = a.currency === b.currency;
    const rate = (day: number) => (own ? 1 : fx.rate(a.currency, b.currency, day));
    const conv = (day: number) => Math.round(amount * rate(day) * 10 ** (b.digits - a.digits));
    const doc = (day: number, x = amount) => (own ? undefined : { amount: x, digits: a.digits, rate: rateText(rate(day)) });
    const [y1, y2] = [conv(out), conv(back)];
    const cur = own ? {} : { document_currency: a.currency };
    rebuild(d, [{ account: bank, debit: y1, credit: 0, cc: null, doc: doc(out) }, { account: ic, debit: 0, credit: y1, cc: null, partner: a.code, doc: doc(out) }], { ...header, ...cur });
    const legs: NewLine[] = [{ account: ic, debit: y1, credit: 0, cc: null, partner: a.code, doc: doc(out) }, { account: bank, debit: 0, credit: y2, cc: null, doc: doc(back) }];
    if (y1 > y2) legs.push({ account: chart.one("fx_gain"), debit: 0, credit: y1 - y2, cc: null, doc: doc(back, 0) });
    else if (y2 > y1) legs.push({ account: chart.one("fx_loss"), debit: y2 - y1, credit: 0, cc: null, doc: doc(back, 0) });
    rebuild(second, legs, { ...header, ...cur });
  }
  setPostingDay(d, p, out);
  setPostingDay(second, p, back);
  const t = tag(e, "RT");
  return { docs: [d, second], id: `AN-${a.code}-${t}`, scheme: `SC-${a.code}-${t}`, splitPeriod: q.period, related: [e.company === a ? b.code : a.code] };
}

export const SCHEME_MUTATIONS: Record<string, EntryMutation> = {
  channel_stuffing: {
    // The legs take the places of reallocations, which move no profit.
    prefer: (d) => d.kind === "reallocation",
    eligible: (d, e) => d.mutable && e.cx.chart.has("prepaid_expenses") && e.cx.chart.has("revenue"),
    apply: channelStuffing,
  },
  round_tripping: {
    prefer: (d) => d.kind === "reallocation",
    eligible: (d, e) => d.mutable && e.cx.companies.length > 1 && e.cx.chart.has("ic_receivable") && e.cx.chart.has("ic_payable"),
    apply: roundTrip,
  },
};
