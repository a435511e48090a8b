// Two invariants that read numbers, not status columns: every reconciliation row is recomputed
// from the trial balance and the open items, and every journal line in a document currency is
// converted at the rate fx_rates publishes for its posting date.
import { minorOf, type Report, type Tables } from "./verify-common.ts";

const rows = (t: Tables, name: string) => t.get(name) ?? [];

/** Accounts that clear an amount booked earlier, at its historical rate (see checkExchangeRates). */
const CLEARING_ROLES = new Set(["ap_control", "ar_control", "ic_receivable", "ic_payable", "gr_ir"]);

/** Subledgers recomputed from their open items (company currency, each period end). */
const OPEN_ITEMS: Record<string, string> = { accounts_payable: "ap_open_items", accounts_receivable: "ar_open_items" };

/**
 * difference = gl_balance - subledger_balance and the status says whether it is zero; the GL
 * balance is the trial balance of the listed accounts on their natural side; AP and AR balances
 * are the sums of their open items; and a difference is a violation.
 */
export function checkReconciliation(t: Tables, report: Report): void {
  const types = new Map(rows(t, "chart_of_accounts").map((a) => [String(a.account_number), String(a.account_type)]));
  const tb = new Map<string, number>();
  for (const r of rows(t, "trial_balance")) tb.set(`${r.company_code}|${r.fiscal_year}|${r.fiscal_period}|${r.account_number}`, minorOf(r.debit_balance) - minorOf(r.credit_balance));
  const open = new Map<string, number>();
  for (const [subledger, table] of Object.entries(OPEN_ITEMS)) {
    for (const r of rows(t, table)) {
      const k = `${subledger}|${r.company_code}|${r.fiscal_year}|${r.fiscal_period}`;
      open.set(k, (open.get(k) ?? 0) + minorOf(r.open_amount_company));
    }
  }
  for (const r of rows(t, "reconciliation")) {
    const where = `${r.company_code} ${r.fiscal_year}/${r.fiscal_period} ${r.subledger}`;
    const gl = minorOf(r.gl_balance);
    const sub = minorOf(r.subledger_balance);
    const diff = minorOf(r.difference);
    if (diff !== gl - sub) report("reconciliation-arithmetic", `${where}: difference ${r.difference} is not gl ${r.gl_balance} - subledger ${r.subledger_balance}`);
    if ((r.status === "reconciled") !== (gl === sub)) report("reconciliation-status", `${where}: status ${r.status} but gl ${r.gl_balance}, subledger ${r.subledger_balance}`);
    if (gl !== sub) report("reconciliation", `${where}: gl ${r.gl_balance} != subledger ${r.subledger_balance}`);
    const accounts = String(r.gl_accounts).split(" ").filter(Boolean);
    if (tb.size > 0) {
      // Natural side: a liability's balance is its credit.
      const sign = accounts.every((a) => types.get(a) === "liability") ? -1 : 1;
      const fromTb = sign * accounts.reduce((s, a) => s + (tb.get(`${r.company_code}|${r.fiscal_year}|${r.fiscal_period}|${a}`) ?? 0), 0);
      if (fromTb !== gl) report("reconciliation-gl", `${where}: gl_balance ${r.gl_balance} but the trial balance of ${accounts.join(" ")} is ${fromTb}`);
    }
    const table = OPEN_ITEMS[String(r.subledger)];
    if (table && t.has(table)) {
      const items = open.get(`${r.subledger}|${r.company_code}|${r.fiscal_year}|${r.fiscal_period}`) ?? 0;
      if (items !== sub) report("reconciliation-subledger", `${where}: subledger_balance ${r.subledger_balance} but its open items add up to ${items}`);
    }
  }
}

/** A decimal string as an exact fraction. */
function fraction(text: unknown): [bigint, bigint] {
  const s = String(text);
  const neg = s.startsWith("-");
  const [i = "0", f = ""] = (neg ? s.slice(1) : s).split(".");
  return [BigInt(i + f) * (neg ? -1n : 1n), 10n ** BigInt(f.length)];
}

/** |company - document x rate| in company minor units, exactly, compared with `limit` minor units. */
function deviatesBeyond(company: unknown, doc: unknown, rate: unknown, limit: number): boolean {
  const [cn, cd] = fraction(company);
  const [dn, dd] = fraction(doc);
  const [rn, rd] = fraction(rate);
  // company - doc * rate, over the common denominator cd * dd * rd; cd is 10^digits (one minor unit).
  const diff = cn * dd * rd - dn * rn * cd;
  const abs = diff < 0n ? -diff : diff;
  // abs / (dd * rd) minor units > limit  <=>  2 * abs > 2 * limit * dd * rd
  return 2n * abs > BigInt(Math.round(2 * limit)) * dd * rd;
}

/**
 * Each line's exchange_rate is the rate fx_rates publishes for its posting date and currency
 * pair (1 in the company's own currency), and its company amount is its document amount times
 * that rate, rounded. Two cases on purpose, because the money is right there:
 * - a line without a document amount (0: a realised FX difference, a price variance, an FX
 *   revaluation) is a residual in company currency; only its rate is checked;
 * - in a document that has such a residual (or lines at two rates, when the residual rounds to
 *   nothing), a line on a clearing account (AP, AR, intercompany,
 *   GR/IR control) clears an amount booked earlier: it carries that historical rate (one fx_rates
 *   published on or before its posting date), and its amount is its document amount at it;
 * - the document's rounding: each line within half a minor unit, and the line that balances
 *   the document within half a minor unit per other line.
 */
export function checkExchangeRates(t: Tables, report: Report): void {
  const published = new Map<string, string>();
  const earlier = new Map<string, Map<string, string>>();
  for (const r of rows(t, "fx_rates")) {
    published.set(`${r.rate_date}|${r.from_currency}|${r.to_currency}`, String(r.rate));
    const pair = `${r.from_currency}|${r.to_currency}`;
    const byRate = earlier.get(pair) ?? new Map<string, string>();
    // The first day each rate was published: a historical rate is one published on or before the line's day.
    if (!byRate.has(String(r.rate)) || byRate.get(String(r.rate))! > String(r.rate_date)) byRate.set(String(r.rate), String(r.rate_date));
    earlier.set(pair, byRate);
  }
  const roles = new Map(rows(t, "chart_of_accounts").map((a) => [String(a.account_number), String(a.role ?? "")]));
  const docs = new Map<string, Record<string, unknown>[]>();
  for (const r of rows(t, "journal_entries")) {
    const key = `${r.company_code}|${r.document_id}`;
    const list = docs.get(key);
    if (list) list.push(r);
    else docs.set(key, [r]);
  }
  for (const lines of docs.values()) {
    // A settlement clears at the historical rate: it has an FX residual line, or (when the
    // difference rounds to nothing, as on a one-cent item) a second rate among its lines.
    const hasResidual = lines.some((l) => minorOf(l.document_amount) === 0) || new Set(lines.map((l) => String(l.exchange_rate))).size > 1;
    const limit = Math.max(0.5, (lines.length - 1) / 2);
    for (const l of lines) {
      const where = `${l.document_id} line ${l.line_number} (${l.document_type}, ${l.posting_date})`;
      const own = l.document_currency === l.currency;
      const rate = own ? "1" : published.get(`${l.posting_date}|${l.document_currency}|${l.currency}`);
      const clearing = hasResidual && !own && CLEARING_ROLES.has(roles.get(String(l.account_number)) ?? "") && minorOf(l.document_amount) !== 0;
      const since = earlier.get(`${l.document_currency}|${l.currency}`)?.get(String(l.exchange_rate));
      if (rate === undefined) report("fx-rate", `${where}: fx_rates publishes no ${l.document_currency}/${l.currency} rate for ${l.posting_date}`);
      else if (clearing ? since === undefined || since > String(l.posting_date) : String(l.exchange_rate) !== rate) {
        report("fx-rate", `${where}: exchange_rate ${l.exchange_rate}, but the published ${l.document_currency}/${l.currency} rate is ${rate}${clearing ? " and no earlier published rate is this one" : ""}`);
      }
      if (minorOf(l.document_amount) === 0) continue;
      const company = minorOf(l.debit_amount) !== 0 ? l.debit_amount : l.credit_amount;
      // A clearing line takes what is left of its open item: the invoice's rounded lines and any
      // earlier part of a split settlement each leave up to half a minor unit in it.
      if (deviatesBeyond(company, l.document_amount, l.exchange_rate, clearing ? limit + 1 : limit)) report("fx-amount", `${where}: ${company} ${l.currency} is not ${l.document_amount} ${l.document_currency} x ${l.exchange_rate}`);
    }
  }
}
