// Each typology's pattern, checked in the transactions its labels point at (not in how they
// were generated): cash under the threshold adding up above it, chains that pass money on
// within days, money that leaves for an offshore company and comes back, mis-invoiced trade,
// mules that fan in and out, takeovers from a new device abroad, payees with changed details,
// payments to misspelt listed parties.
import { minorOf, type Report, type Tables } from "./verify-common.ts";

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const OFFSHORE_OR_HIGH_RISK = new Set(["VG", "KY", "PA", "SC", "BZ", "BS", "KP", "IR", "MM"]);
const TRANSIT = new Set(["AE", "TR", "HK", "AM", "KG", "RS"]);

interface Case {
  row: Row;
  txs: Row[];
  labels: Row[];
}

export function checkTypologies(t: Tables, report: Report): void {
  const tx = new Map((t.get("bank_transactions") ?? []).map((r) => [s(r.transaction_id), r]));
  const cases = new Map<string, Case>();
  for (const c of t.get("aml_cases") ?? []) cases.set(s(c.case_id), { row: c, txs: [], labels: [] });
  for (const l of t.get("aml_transaction_labels") ?? []) {
    const c = cases.get(s(l.case_id));
    const r = tx.get(s(l.transaction_id));
    if (!c || !r) continue;
    c.txs.push(r);
    c.labels.push(l);
    if (l.typology !== c.row.typology) report("typology-label", `${l.transaction_id}: labelled ${l.typology}, case ${l.case_id} is ${c.row.typology}`);
  }
  const history = byAccount(t);
  for (const [id, c] of cases) {
    if (c.txs.length !== Number(c.row.transactions)) report("case-size", `${id}: ${c.txs.length} labelled transactions, the case says ${c.row.transactions}`);
    const check = CHECKS[s(c.row.typology)];
    const problem = check ? check(c, history) : `no check for ${c.row.typology}`;
    if (problem) report(`pattern-${c.row.typology}`, `${id}: ${problem}`);
  }
}

function byAccount(t: Tables): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of t.get("bank_transactions") ?? []) {
    const l = m.get(s(r.account_id)) ?? [];
    l.push(r);
    m.set(s(r.account_id), l);
  }
  return m;
}

const amount = (r: Row) => minorOf(r.amount);
const cash = (c: Case) => c.txs.filter((r) => r.transaction_type === "cash_deposit");
type Check = (c: Case, history: Map<string, Row[]>) => string | undefined;

/** Every cash deposit under the threshold, no day's deposits of one account reaching it, and each window's sum above it. */
function underThreshold(c: Case, windows: boolean): string | undefined {
  const threshold = minorOf(c.row.threshold);
  const deposits = cash(c).sort((a, b) => s(a.booking_date).localeCompare(s(b.booking_date)));
  if (deposits.length === 0) return "no cash deposits";
  const over = deposits.find((r) => amount(r) >= threshold);
  if (over) return `deposit ${over.transaction_id} of ${over.amount} is not under the threshold ${c.row.threshold}`;
  const perDay = new Map<string, number>();
  for (const r of deposits) perDay.set(`${r.account_id}|${r.booking_date}`, (perDay.get(`${r.account_id}|${r.booking_date}`) ?? 0) + amount(r));
  for (const [k, v] of perDay) if (v >= threshold) return `deposits of ${k} add up to ${v}, not under the threshold`;
  if (!windows) return deposits.reduce((x, r) => x + amount(r), 0) > threshold ? undefined : "the deposits do not add up above the threshold";
  // Every deposit lies in a window of window_days whose deposits add up above the threshold.
  const w = Number(c.row.window_days);
  for (const d of deposits) {
    const ok = deposits.some((st) => {
      const from = s(st.booking_date);
      if (from > s(d.booking_date) || days(from, s(d.booking_date)) >= w) return false;
      return deposits.filter((x) => s(x.booking_date) >= from && days(from, s(x.booking_date)) < w).reduce((x, r) => x + amount(r), 0) > threshold;
    });
    if (!ok) return `deposit ${d.transaction_id} is in no ${w}-day window of deposits above the threshold ${threshold}`;
  }
  return undefined;
}

/** Whatever reaches a pass-through account leaves it again: each credit is followed within `within` days by debits of 80% of it or more. */
function passedOn(c: Case, within: number, roles: string[]): string | undefined {
  const role = new Map(c.labels.map((l) => [s(l.transaction_id), s(l.role)]));
  const byAcc = new Map<string, Row[]>();
  for (const r of c.txs) if (roles.includes(role.get(s(r.transaction_id))!)) byAcc.set(s(r.account_id), [...(byAcc.get(s(r.account_id)) ?? []), r]);
  if (byAcc.size === 0) return "no pass-through account";
  for (const [acc, list] of byAcc) {
    const debits = list.filter((r) => r.direction === "debit");
    for (const cr of list.filter((r) => r.direction === "credit")) {
      const out = debits.filter((d) => s(d.transaction_id) > s(cr.transaction_id) && days(s(cr.booking_date), s(d.booking_date)) <= within).reduce((x, r) => x + amount(r), 0);
      if (out < 0.8 * amount(cr)) return `${acc} passes on ${out} within ${within} days of receiving ${cr.amount} (${cr.transaction_id})`;
    }
  }
  return undefined;
}

const CHECKS: Record<string, Check> = {
  structuring: (c) => underThreshold(c, true),
  smurfing: (c) => underThreshold(c, false) ?? (new Set(cash(c).map((r) => r.account_id + "|" + s(r.counterparty_name))).size >= 2 ? undefined : "one depositor only"),
  cuckoo_smurfing: (c) => {
    const third = cash(c).filter((r) => s(r.counterparty_name) !== "");
    return underThreshold(c, false) ?? (third.length === cash(c).length ? undefined : "cash deposits without a third-party depositor");
  },
  funnel_account: (c) => {
    const deposits = cash(c);
    const cities = new Set(deposits.map((r) => s(r.location_city)));
    const outs = c.txs.filter((r) => r.direction === "debit");
    if (cities.size < 2) return `deposits in ${cities.size} city only`;
    if (outs.some((r) => r.transaction_type === "cash_withdrawal" && cities.has(s(r.location_city)))) return "cash taken out where it was paid in";
    return underThreshold(c, false);
  },
  layering: (c) => passedOn(c, 10, ["hop"]),
  round_tripping: (c) => {
    const out = c.txs.filter((r) => r.direction === "debit" && r.rail === "wire" && OFFSHORE_OR_HIGH_RISK.has(s(r.counterparty_country)));
    const back = c.txs.filter((r) => r.direction === "credit" && r.rail === "wire" && OFFSHORE_OR_HIGH_RISK.has(s(r.counterparty_country)));
    if (!out.length || !back.length) return "no money out to and back from an offshore or high-risk jurisdiction";
    const sent = out.reduce((x, r) => x + amount(r), 0);
    const got = back.reduce((x, r) => x + amount(r), 0);
    if (got < 0.8 * sent || got > sent) return `${got} came back of ${sent} sent`;
    return s(back[0]!.booking_date) > s(out[0]!.booking_date) ? undefined : "the money came back before it left";
  },
  trade_based: (c) => {
    const fair = minorOf(c.row.fair_value);
    const invoiced = minorOf(c.row.invoiced_value);
    if (!(invoiced >= fair * 1.1)) return `invoiced ${invoiced} is not 10% above the fair value ${fair}`;
    const exports = c.txs.filter((r) => r.direction === "credit" && s(r.reference).startsWith("INV-"));
    return exports.reduce((x, r) => x + amount(r), 0) === invoiced ? undefined : "invoice payments do not add up to the invoiced value";
  },
  money_mule: (c) => passedOn(c, 10, ["mule"]),
  shell_company: (c) => passedOn(c, 120, ["shell"]),
  account_takeover: (c, history) => newDevice(c, history),
  authorised_push_payment: (c, history) => newPayee(c, history),
  business_email_compromise: (c, history) => changedDetails(c, history),
  sanctions_evasion: (c) => (c.txs.every((r) => r.direction === "debit" && TRANSIT.has(s(r.counterparty_country))) ? undefined : "payments not all to transit countries"),
};

const victimDebits = (c: Case) => c.txs.filter((r) => r.direction === "debit" && c.labels.find((l) => l.transaction_id === r.transaction_id)?.role === "victim");

/** The victim's labelled payments come from a device it never used before, located abroad. */
function newDevice(c: Case, history: Map<string, Row[]>): string | undefined {
  for (const r of victimDebits(c)) {
    const before = (history.get(s(r.account_id)) ?? []).filter((x) => s(x.transaction_id) < s(r.transaction_id) && !victimDebits(c).includes(x));
    if (before.some((x) => x.device_id === r.device_id)) return `${r.transaction_id} uses a device seen before`;
    if (r.location_country === before.find((x) => x.location_country)?.location_country && r.location_country === r.counterparty_country) return `${r.transaction_id} is not from abroad`;
  }
  return undefined;
}

/** The victim pays a payee it never paid before. */
function newPayee(c: Case, history: Map<string, Row[]>): string | undefined {
  for (const r of victimDebits(c)) {
    const first = (history.get(s(r.account_id)) ?? []).find((x) => x.counterparty_account_id === r.counterparty_account_id && x.counterparty_account === r.counterparty_account);
    if (first && first.transaction_id !== r.transaction_id && !victimDebits(c).includes(first)) return `${r.transaction_id} pays a payee seen before`;
  }
  return undefined;
}

/** The victim paid the same payee name before, to other bank details. */
function changedDetails(c: Case, history: Map<string, Row[]>): string | undefined {
  for (const r of victimDebits(c)) {
    const earlier = (history.get(s(r.account_id)) ?? []).filter((x) => s(x.transaction_id) < s(r.transaction_id) && x.counterparty_name === r.counterparty_name);
    if (!earlier.length) return `${r.transaction_id}: no earlier payment to ${r.counterparty_name}`;
    if (earlier.some((x) => x.counterparty_account === r.counterparty_account)) return `${r.transaction_id}: same bank details as before`;
  }
  return undefined;
}
