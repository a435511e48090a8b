// The bank's transaction monitoring: a simple rule engine over each customer's booked items
// (cash thresholds, structuring, rapid movement, round amounts, high-risk countries, turnover
// against the KYC file, a new payee draining the account). An alert is a true positive when one
// of the items that triggered it is labelled, so detectors can be compared with this baseline.
import { FATF_CALL_FOR_ACTION, OFFSHORE_CENTRES } from "../../data/banking.ts";
import { usd, type Bank } from "./bank.ts";
import type { TxRec } from "./book.ts";
import type { RULES } from "./tables-aml.ts";

export type RuleId = keyof typeof RULES;

export interface Alert {
  rule: RuleId;
  k: number;
  txs: TxRec[];
  day: number;
  score: number;
  caseIndex: number;
}

const RISKY = new Set<string>([...FATF_CALL_FOR_ACTION, ...OFFSHORE_CENTRES]);
const DAY = 86_400;
const at = (t: TxRec) => t.day * DAY + t.sec;

function alert(rule: RuleId, txs: TxRec[], score: number): Alert {
  const last = txs[txs.length - 1]!;
  const labelled = txs.find((t) => t.caseIndex >= 0);
  return { rule, k: txs[0]!.k, txs, day: last.day + 1, score: Math.max(1, Math.min(100, Math.round(score))), caseIndex: labelled ? labelled.caseIndex : -1 };
}

const isCashIn = (t: TxRec) => t.booked && t.type === "cash_deposit";
const isTransfer = (t: TxRec) => t.booked && !t.own && (t.rail === "domestic" || t.rail === "wire" || t.rail === "internal");

function largeCash(bank: Bank, txs: TxRec[], out: Alert[]): void {
  let lastDay = -1;
  for (const t of txs) {
    if (!isCashIn(t) || t.amount < bank.threshold || t.day === lastDay) continue;
    out.push(alert("large_cash", [t], 60 + (30 * t.amount) / (bank.threshold * 5)));
    lastDay = t.day;
  }
}

function structuring(bank: Bank, txs: TxRec[], out: Alert[]): void {
  const T = bank.threshold;
  const cash = txs.filter((t) => isCashIn(t) && t.amount >= T / 2 && t.amount < T);
  let from = 0;
  for (let i = 0; i < cash.length; i++) {
    while (cash[i]!.day - cash[from]!.day >= 7) from++;
    const window = cash.slice(from, i + 1);
    const sum = window.reduce((s, t) => s + t.amount, 0);
    if (window.length >= 3 && sum > T) {
      out.push(alert("structuring", window, 50 + 10 * window.length));
      from = i + 1;
    }
  }
}

function rapidMovement(bank: Bank, txs: TxRec[], out: Alert[]): void {
  const min = bank.threshold / 2;
  let quietUntil = -1;
  for (let i = 0; i < txs.length; i++) {
    const c = txs[i]!;
    if (c.dir < 0 || !c.booked || c.own || c.amount < min || c.day < quietUntil || !(isTransfer(c) || isCashIn(c))) continue;
    const outs: TxRec[] = [];
    let sum = 0;
    for (let j = i + 1; j < txs.length && at(txs[j]!) - at(c) <= 3 * DAY; j++) {
      const d = txs[j]!;
      if (d.k === c.k && d.dir < 0 && d.booked && !d.own && d.customerInitiated) (outs.push(d), (sum += d.amount));
    }
    if (sum >= 0.8 * c.amount) {
      out.push(alert("rapid_movement", [c, ...outs], 55 + 20 * Math.min(1, sum / c.amount)));
      quietUntil = c.day + 7;
    }
  }
}

function roundAmounts(bank: Bank, txs: TxRec[], out: Alert[]): void {
  const unit = 1000 * 10 ** bank.digits;
  const round = txs.filter((t) => isTransfer(t) && t.amount >= bank.threshold / 2 && t.amount % unit === 0);
  let from = 0;
  for (let i = 0; i < round.length; i++) {
    while (round[i]!.day - round[from]!.day >= 30) from++;
    if (i - from + 1 >= 3) {
      out.push(alert("round_amounts", round.slice(from, i + 1), 45 + 5 * (i - from + 1)));
      from = i + 1;
    }
  }
}

function highRiskCountry(txs: TxRec[], out: Alert[]): void {
  let quietUntil = -1;
  for (const t of txs) {
    if (!t.booked || t.rail !== "wire" || !t.cpCountry || !RISKY.has(t.cpCountry) || t.day < quietUntil) continue;
    out.push(alert("high_risk_country", [t], FATF_CALL_FOR_ACTION.includes(t.cpCountry as never) ? 85 : 60));
    quietUntil = t.day + 7;
  }
}

function turnoverMismatch(bank: Bank, txs: TxRec[], expected: number, out: Alert[]): void {
  const byMonth = new Map<number, TxRec[]>();
  for (const t of txs) {
    if (!t.booked || t.dir < 0 || t.own || t.k !== 0 || t.type === "interest_credit") continue;
    const m = monthOf(bank, t.day);
    let l = byMonth.get(m);
    if (!l) byMonth.set(m, (l = []));
    l.push(t);
  }
  for (const [, list] of [...byMonth].sort((a, b) => a[0] - b[0])) {
    const sum = list.reduce((s, t) => s + t.amount, 0);
    if (sum > 3 * expected && sum > usd(bank, 5000)) out.push(alert("turnover_mismatch", list, 40 + Math.min(50, (10 * sum) / Math.max(1, expected))));
  }
}

function newPayeeDrain(bank: Bank, txs: TxRec[], out: Alert[]): void {
  const seen = new Set<string>();
  const min = usd(bank, 1000);
  for (const t of txs) {
    const payee = t.cpAccount ?? t.cpName;
    // Standing orders and direct debits are mandates set up beforehand, not payees added today.
    const mandate = t.type === "standing_order" || t.type === "direct_debit" || t.type === "loan_instalment" || t.type === "card_repayment";
    if (t.dir < 0 && isTransfer(t) && !mandate && payee && !seen.has(payee) && t.before >= min && t.amount >= 0.5 * t.before) out.push(alert("new_payee_drain", [t], 50 + (40 * t.amount) / t.before));
    if (payee) seen.add(payee);
  }
}

function monthOf(bank: Bank, day: number): number {
  for (let m = bank.periods.length - 1; m >= 0; m--) if (day >= bank.periods[m]!.firstDay) return m;
  return 0;
}

/** Every alert of one customer, in date order (ties: by rule). */
export function monitor(bank: Bank, txs: TxRec[], expectedTurnover: number): Alert[] {
  const out: Alert[] = [];
  largeCash(bank, txs, out);
  structuring(bank, txs, out);
  rapidMovement(bank, txs, out);
  roundAmounts(bank, txs, out);
  highRiskCountry(txs, out);
  turnoverMismatch(bank, txs, expectedTurnover, out);
  newPayeeDrain(bank, txs, out);
  return out.filter((a) => a.day < bank.endDay + 1).sort((a, b) => a.day - b.day || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
