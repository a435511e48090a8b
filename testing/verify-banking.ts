// Independent checks of the banking phase's output (logical records, as the in-memory sink or
// a loader gives them): every running balance exact and above its floor, both sides of every
// internal transfer, the bank's journal balanced and its deposits reconciled to the customers'
// balances at every period end, label shares equal to the configured rates, and each
// typology's pattern present in the transactions its labels point at.
import { collector, minorOf, type Report, type Tables, type Violation } from "./verify-common.ts";
import { checkTypologies } from "./verify-typologies.ts";

export interface BankingExpectations {
  /** Configured rates: the shares the labels must show (exactly, up to the rounding of counts). */
  suspiciousRate?: number;
  launderingRate?: number;
  pepRate?: number;
}

type Row = Record<string, unknown>;
const rows = (t: Tables, name: string): readonly Row[] => t.get(name) ?? [];
const s = (v: unknown) => String(v);

export function verifyBanking(t: Tables, expect: BankingExpectations = {}): Violation[] {
  const { report, result } = collector();
  const byAccount = runningBalances(t, report);
  internalTransfers(t, report);
  books(t, byAccount, report);
  shares(t, expect, report);
  references(t, report);
  checkTypologies(t, report);
  groupLink(t, report);
  return result();
}

/** The group's companies that bank here: every journal line on their bank accounts is a bank transaction with the same amount and value date. */
function groupLink(t: Tables, report: Report): void {
  const linked = new Set(rows(t, "bank_customers").filter((c) => c.customer_type === "group_company").map((c) => s(c.group_company)));
  if (linked.size === 0) return;
  const banks = new Set(rows(t, "chart_of_accounts").filter((a) => a.role === "bank" || a.role === "payroll_bank").map((a) => s(a.account_number)));
  const key = (doc: string, date: string, amount: number) => `${doc}|${date}|${amount}`;
  const want = new Map<string, number>();
  for (const r of rows(t, "journal_entries")) {
    // The company's bookings of its statement (the bank's charges) are not movements: the bank made them (its fee rows).
    if (!linked.has(s(r.company_code)) || !banks.has(s(r.account_number)) || r.document_type === "OB" || r.source_document_type === "bank_statement_line") continue;
    const k = key(s(r.document_id), s(r.posting_date), minorOf(r.debit_amount) - minorOf(r.credit_amount));
    want.set(k, (want.get(k) ?? 0) + 1);
  }
  for (const r of rows(t, "bank_transactions")) {
    if (!s(r.customer_id).startsWith("BC-G") || r.transaction_type === "fee") continue;
    const k = key(s(r.reference).split(" ")[0]!, s(r.value_date), r.direction === "credit" ? minorOf(r.amount) : -minorOf(r.amount));
    const n = want.get(k) ?? 0;
    if (n === 0) report("group-link", `${r.transaction_id}: no journal line ${k}`);
    else want.set(k, n - 1);
  }
  for (const [k, n] of want) if (n > 0) report("group-link", `journal bank line ${k} has no bank transaction`);
}

export interface AccountHistory {
  type: string;
  floor: number;
  opening: number;
  /** [booking date, balance after] in booking order. */
  path: [string, number][];
}

/** Replays every account: first before = opening balance, after = before +/- amount (declined: unchanged), never below the floor; loans and cards never in credit. */
function runningBalances(t: Tables, report: Report): Map<string, AccountHistory> {
  const accounts = new Map<string, AccountHistory>();
  const periods = rows(t, "fiscal_periods");
  const first = periods.length ? s(periods[0]!.start_date) : "0000-00-00";
  const end = periods.length ? s(periods[periods.length - 1]!.end_date) : "9999-99-99";
  for (const a of rows(t, "bank_accounts")) accounts.set(s(a.account_id), { type: s(a.account_type), floor: minorOf(a.balance_floor), opening: minorOf(a.opening_balance), path: [] });
  const last = new Map<string, number>();
  for (const r of rows(t, "bank_transactions")) {
    const id = s(r.account_id);
    const acc = accounts.get(id);
    if (!acc) {
      report("account", `${r.transaction_id}: unknown account ${id}`);
      continue;
    }
    const before = minorOf(r.balance_before);
    const after = minorOf(r.balance_after);
    const amount = minorOf(r.amount);
    const expected = last.get(id) ?? acc.opening;
    if (before !== expected) report("running-balance", `${r.transaction_id}: balance_before ${before}, previous balance ${expected}`);
    const moved = r.status === "declined" ? 0 : r.direction === "credit" ? amount : -amount;
    if (after !== before + moved) report("running-balance", `${r.transaction_id}: ${before} ${r.direction} ${amount} (${r.status}) gives ${after}`);
    if (after < acc.floor) report("floor", `${r.transaction_id}: balance ${after} below the floor ${acc.floor} of ${id}`);
    if ((acc.type === "loan" || acc.type === "credit_card") && after > 0) report("overpaid", `${r.transaction_id}: ${acc.type} ${id} in credit by ${after}`);
    if (!(amount > 0)) report("amount", `${r.transaction_id}: amount ${amount}`);
    if (s(r.booking_date) < first || s(r.booking_date) > end) report("period", `${r.transaction_id}: booked on ${r.booking_date}, outside the scenario (${first} .. ${end})`);
    const ip = r.ip_address === null || r.ip_address === undefined ? "" : s(r.ip_address);
    if (ip && !/^(192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|2001:db8:)/.test(ip)) report("ip", `${r.transaction_id}: ${ip} is not in a documentation range`);
    last.set(id, after);
    acc.path.push([s(r.booking_date), after]);
  }
  return accounts;
}

/** Both sides of a transfer between two accounts of the bank: one debit, one credit, same amount and day. */
function internalTransfers(t: Tables, report: Report): void {
  const sides = new Map<string, Row[]>();
  for (const r of rows(t, "bank_transactions")) {
    if (r.transfer_id === null || r.transfer_id === undefined) continue;
    const l = sides.get(s(r.transfer_id)) ?? [];
    l.push(r);
    sides.set(s(r.transfer_id), l);
  }
  for (const [id, l] of sides) {
    const d = l.filter((r) => r.direction === "debit");
    const c = l.filter((r) => r.direction === "credit");
    if (d.length !== 1 || c.length !== 1) report("transfer-sides", `${id}: ${d.length} debits and ${c.length} credits`);
    else if (d[0]!.amount !== c[0]!.amount || d[0]!.booking_date !== c[0]!.booking_date) report("transfer-sides", `${id}: sides differ (${d[0]!.amount} on ${d[0]!.booking_date}, ${c[0]!.amount} on ${c[0]!.booking_date})`);
  }
}

/** The journal balances, the trial balance sums to zero, and the customers' balances equal the ledger at every period end. */
function books(t: Tables, accounts: Map<string, AccountHistory>, report: Report): void {
  const entries = new Map<string, number>();
  for (const r of rows(t, "bank_gl")) entries.set(s(r.entry_id), (entries.get(s(r.entry_id)) ?? 0) + minorOf(r.debit) - minorOf(r.credit));
  for (const [id, v] of entries) if (v !== 0) report("gl-balance", `${id} does not balance (${v})`);
  const tb = new Map<number, Map<string, { type: string; balance: number; end: string }>>();
  for (const r of rows(t, "bank_trial_balance")) {
    const p = Number(r.period_index);
    const m = tb.get(p) ?? new Map();
    m.set(s(r.account_number), { type: s(r.account_type), balance: minorOf(r.balance), end: s(r.period_end) });
    tb.set(p, m);
  }
  for (const [p, m] of tb) {
    let sum = 0;
    for (const { type, balance } of m.values()) sum += type === "asset" || type === "expense" ? balance : -balance;
    if (sum !== 0) report("tb-zero", `period ${p}: the bank's trial balance sums to ${sum}`);
    const end = [...m.values()][0]!.end;
    const sums = { currentPos: 0, currentNeg: 0, savings: 0, cards: 0, loans: 0 };
    for (const acc of accounts.values()) {
      let b = acc.opening;
      for (const [day, after] of acc.path) if (day <= end) b = after;
      if (acc.type === "current") b >= 0 ? (sums.currentPos += b) : (sums.currentNeg -= b);
      if (acc.type === "savings") sums.savings += b;
      if (acc.type === "credit_card") sums.cards -= b;
      if (acc.type === "loan") sums.loans -= b;
    }
    const want: [string, number][] = [["2000", sums.currentPos], ["1310", sums.currentNeg], ["2010", sums.savings], ["1320", sums.cards], ["1300", sums.loans], ["2090", 0]];
    for (const [acct, v] of want) {
      const got = m.get(acct)?.balance ?? 0;
      if (got !== v) report("deposits-reconciled", `period ${p}: ledger ${acct} is ${got}, the accounts add up to ${v}`);
    }
  }
}

/** Label shares: exactly round(customers x rate) suspicious customers and PEPs; laundering rows = round(normal x rate / (1 - rate)). */
function shares(t: Tables, e: BankingExpectations, report: Report): void {
  const customers = rows(t, "bank_customers").filter((r) => r.customer_type !== "group_company");
  const ids = new Set(customers.map((r) => s(r.customer_id)));
  const suspicious = rows(t, "aml_customer_labels").filter((r) => r.is_suspicious === true).length;
  if (e.suspiciousRate !== undefined && suspicious !== Math.round(customers.length * e.suspiciousRate)) report("share-customers", `${suspicious} suspicious customers, expected ${Math.round(customers.length * e.suspiciousRate)}`);
  const peps = rows(t, "kyc_profiles").filter((r) => r.is_pep === true && ids.has(s(r.customer_id))).length;
  if (e.pepRate !== undefined && peps !== Math.round(customers.length * e.pepRate)) report("share-peps", `${peps} PEPs, expected ${Math.round(customers.length * e.pepRate)}`);
  for (const r of rows(t, "kyc_profiles")) if (r.is_pep === true && (r.risk_rating !== "high" || r.edd_required !== true)) report("pep-edd", `PEP ${r.customer_id} is rated ${r.risk_rating} without enhanced due diligence`);
  const txs = rows(t, "bank_transactions").filter((r) => ids.has(s(r.customer_id))).length;
  const labelled = rows(t, "aml_transaction_labels").length;
  if (e.launderingRate !== undefined) {
    const normal = txs - labelled;
    const want = Math.round((normal * e.launderingRate) / (1 - e.launderingRate));
    if (labelled !== want) report("share-transactions", `${labelled} labelled transactions of ${txs}, expected ${want} (rate ${e.launderingRate})`);
  }
}

/** Every label, alert and SAR points at rows that exist; every customer and account has its label row. */
function references(t: Tables, report: Report): void {
  const tx = new Set(rows(t, "bank_transactions").map((r) => s(r.transaction_id)));
  const cases = new Set(rows(t, "aml_cases").map((r) => s(r.case_id)));
  for (const r of rows(t, "aml_transaction_labels")) {
    if (!tx.has(s(r.transaction_id))) report("ref-label", `label of unknown transaction ${r.transaction_id}`);
    if (!cases.has(s(r.case_id))) report("ref-case", `label of unknown case ${r.case_id}`);
  }
  for (const r of rows(t, "aml_alerts")) {
    if (!tx.has(s(r.first_transaction_id)) || !tx.has(s(r.last_transaction_id))) report("ref-alert", `${r.alert_id} points at unknown transactions`);
    if (r.is_true_positive === true && !cases.has(s(r.case_id))) report("ref-alert", `${r.alert_id} is a true positive without a case`);
  }
  for (const r of rows(t, "sar_filings")) {
    if (r.deadline_days !== null && r.deadline_days !== undefined && Number(r.filing_lag_days) > Number(r.deadline_days)) report("sar-deadline", `${r.sar_id} filed after ${r.filing_lag_days} days (deadline ${r.deadline_days})`);
  }
  const labelled = new Set(rows(t, "aml_customer_labels").map((r) => s(r.customer_id)));
  const kyc = new Set(rows(t, "kyc_profiles").map((r) => s(r.customer_id)));
  for (const c of rows(t, "bank_customers")) {
    if (c.customer_type === "group_company") continue;
    if (!labelled.has(s(c.customer_id)) || !kyc.has(s(c.customer_id))) report("ref-customer", `${c.customer_id} lacks its KYC file or label`);
  }
  const accountLabels = new Set(rows(t, "aml_account_labels").map((r) => s(r.account_id)));
  for (const a of rows(t, "bank_accounts")) if (!accountLabels.has(s(a.account_id)) && !s(a.customer_id).startsWith("BC-G")) report("ref-account", `${a.account_id} has no label row`);
}
