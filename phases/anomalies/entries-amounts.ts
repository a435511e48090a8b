// Entry mutations that change amounts: each keeps the document balanced (doc.setNet recomputes
// tax and the bank line) and does what its name says, never a generic "multiply by 2-10".
import { vatRate } from "../../ledger/tax.ts";
import type { Doc } from "./doc.ts";
import { uniform, type EntryEnv, type EntryMutation } from "./entry-env.ts";

const amountOk = (d: Doc) => d.mutable && d.net >= 10 * d.body().length;
/** An entry of ordinary size for its event (at most 3 times the block's median): its anomaly stays a local misstatement, never a company-sized one. */
export const typical = (d: Doc, e: EntryEnv) => {
  const m = e.stats.of(d.event)?.median;
  return m === undefined || d.net <= 3 * m;
};
const median = (d: Doc, e: EntryEnv) => e.stats.of(d.event)?.median ?? d.net;
const ok = (d: Doc): { docs: Doc[] } => ({ docs: [d] });

/** Minor units of one currency unit (10 yen for currencies without minor digits, so cents exist). */
const unit = (d: Doc) => (d.digits === 0 ? 10 : 10 ** d.digits);

function roundFigure(d: Doc): number {
  const major = 10 ** d.digits;
  const step = (d.net >= 10_000 * major ? 1000 : 100) * major;
  return Math.max(step, Math.round(d.net / step) * step);
}

/** Two adjacent differing digits of n swapped (the leftmost pair chosen by `pick`), or n when there is none. */
export function transpose(n: number, pick: number): number {
  const s = String(n);
  const pairs: number[] = [];
  for (let i = 0; i + 1 < s.length; i++) if (s[i] !== s[i + 1] && !(i === 0 && s[1] === "0")) pairs.push(i);
  if (pairs.length === 0) return n;
  const i = pairs[pick % pairs.length]!;
  return Number(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
}

/** n with its first digit replaced by `lead`, same number of digits. */
function withLead(n: number, lead: number): number {
  const s = String(n);
  return Number(String(lead) + s.slice(1));
}

export const AMOUNT_MUTATIONS: Record<string, EntryMutation> = {
  round_amount: {
    eligible: (d) => amountOk(d) && roundFigure(d) !== d.net,
    apply: (d) => (d.setNet(roundFigure(d)), ok(d)),
  },
  unusually_high_amount: {
    eligible: (d, e) => amountOk(d) && e.stats.of(d.event) !== undefined && d.net <= 1.5 * median(d, e),
    apply: (d, e) => (d.setNet(median(d, e) * uniform(e, 5, 10)), ok(d)),
  },
  unusually_low_amount: {
    eligible: (d) => amountOk(d) && d.net >= 200 * d.body().length,
    apply: (d, e) => (d.setNet(d.net * uniform(e, 0.02, 0.1)), ok(d)),
  },
  amount_outlier: {
    eligible: (d, e) => amountOk(d) && e.stats.of(d.event) !== undefined && d.net <= 1.5 * median(d, e),
    apply: (d, e) => (d.setNet(median(d, e) * uniform(e, 25, 50)), ok(d)),
  },
  benford_violation: {
    eligible: (d) => amountOk(d) && Number(String(d.net)[0]) < 7,
    apply: (d, e) => (d.setNet(withLead(d.net, 7 + e.rng.int(3))), ok(d)),
  },
  exact_duplicate_amount: {
    eligible: (d, e) => amountOk(d) && e.docs.some((o) => o !== d && o.mutable && o.event !== d.event && o.net !== d.net),
    apply: (d, e) => {
      // The other entry keeps its amount: nothing else may change it.
      const others = e.docs.filter((o) => o !== d && o.mutable && o.event !== d.event && o.net !== d.net && o.types.length === 0 && !o.original);
      if (others.length === 0) return false;
      const o = others[e.rng.int(others.length)]!;
      e.reserve(o);
      d.setNet(o.net);
      return { docs: [d], related: [o.id] };
    },
  },
  repeating_amount: {
    eligible: amountOk,
    apply: (d, e) => {
      // The cluster's amount: the same in every block of the cluster.
      const r = e.clusterRng();
      d.setNet(Math.round(e.threshold * (0.1 + 0.8 * r.next())) + r.int(unit(d)));
      return ok(d);
    },
  },
  trend_break: {
    eligible: (d, e) => amountOk(d) && typical(d, e),
    apply: (d, e) => (d.setNet(d.net * uniform(e, 1.4, 1.8)), ok(d)),
  },
  transposed_digits: {
    eligible: (d) => amountOk(d) && transpose(d.net, 0) !== d.net,
    apply: (d, e) => (d.setNet(transpose(d.net, e.rng.int(8))), ok(d)),
  },
  decimal_error: {
    eligible: (d, e) => amountOk(d) && typical(d, e) && d.net >= 1000 * d.body().length,
    apply: (d, e) => (d.setNet(e.rng.chance(0.5) ? d.net * 10 : Math.round(d.net / 10)), ok(d)),
  },
  rounding_error: {
    eligible: (d) => {
      if (!amountOk(d)) return false;
      const tax = d.taxLine();
      const u = unit(d);
      if (tax) return (d.debit(tax) + d.credit(tax)) % u !== 0 && (d.debit(tax) + d.credit(tax)) > u;
      return d.kind !== "reallocation" && d.net % u !== 0 && d.net > u;
    },
    apply: (d) => {
      const u = unit(d);
      const tax = d.taxLine();
      if (!tax) return (d.setNet(Math.round(d.net / u) * u || u), ok(d));
      // The tax rounded to whole units; the bank line follows.
      const receipt = d.kind === "receipt";
      const t = Math.round((d.debit(tax) + d.credit(tax)) / u) * u;
      d.setLine(tax, receipt ? 0 : t, receipt ? t : 0);
      const a = d.anchor()!;
      const gross = d.net + t;
      d.setLine(a, receipt ? gross : 0, receipt ? 0 : gross);
      return ok(d);
    },
  },
  reversed_amount: {
    eligible: (d, e) => d.mutable && d.kind !== "reallocation" && typical(d, e),
    apply: (d) => (d.swapSides(), ok(d)),
  },
  currency_error: {
    eligible: (d) => d.mutable,
    apply: (d, e) => {
      const own = d.company.currency;
      const group = e.cx.plan.scenario.groupCurrency;
      const other = group !== own ? group : own === "EUR" ? "USD" : "EUR";
      d.set("document_currency", other);
      d.set("exchange_rate", "1");
      return ok(d);
    },
  },
  just_below_threshold: {
    // An entry that is already large: brought under the threshold rather than raised to it.
    prefer: (d, e) => d.total >= 0.5 * e.threshold,
    eligible: (d) => d.manual && amountOk(d),
    apply: (d, e) => {
      const gross = e.threshold * uniform(e, 0.9, 0.999);
      const tax = d.taxLine() ? vatRate(d.company) : 0;
      let net = Math.floor(gross / (1 + tax));
      d.setNet(net);
      // Rounding of the tax may lift it to the threshold: step down until it is below.
      while (d.total >= e.threshold && net > 1) d.setNet((net = net - unit(d)));
      return d.total < e.threshold ? ok(d) : false;
    },
  },
};

/** A plausible size for a new entry in a replaced one's place: lo-hi times the median of the replaced entry's event. */
export function plausibleNet(d: Doc, e: EntryEnv, lo: number, hi: number): number {
  return Math.max(100 * 10 ** d.digits, Math.round(median(d, e) * uniform(e, lo, hi)));
}
