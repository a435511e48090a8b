// The `books` main step: each period, the bank's journal (bank_gl) and trial balance
// (bank_trial_balance) from the customers' flows the blocks folded into BANK_FLOWS, plus what
// only the bank decides: its opening balance sheet, the reclassification of overdrawn current
// accounts as assets, operating costs, interbank interest, cash logistics, reserve management
// and the year-end close of profit and loss into retained earnings.
import { formatIso } from "../../core/calendar.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import type { MainStep } from "../api.ts";
import { bankOf, type Bank } from "./bank.ts";
import { BANK_FLOWS, BANK_LEDGER, G, GL, GL_INDEX, type BankFlows, type LedgerState } from "./gl.ts";
import { bankGl, bankTrialBalance } from "./tables.ts";
import { groupFlows } from "./group.ts";

type Line = [string, number];

interface Books {
  bank: Bank;
  led: LedgerState;
  period: number;
  w: RowWriter;
  day: number;
  moves: Float64Array;
}

const bal = (b: Books, gl: string) => b.led.balances[GL_INDEX.get(gl)!]!;

/** Writes one balanced entry; lines are [account, debit-positive amount]. */
function entry(b: Books, event: string, text: string, lines: Line[], day = b.day): void {
  const live = lines.filter(([, v]) => v !== 0);
  if (live.length === 0) return;
  const sum = live.reduce((s, [, v]) => s + v, 0);
  if (sum !== 0) throw new Error(`internal: bank entry ${event} of period ${b.period} does not balance (${sum})`);
  const id = `BGL-${String(b.period + 1).padStart(3, "0")}-${String(++b.led.entries).padStart(5, "0")}`;
  const d = b.bank.digits;
  live.forEach(([acct, v], n) => {
    const g = GL_INDEX.get(acct)!;
    b.led.balances[g] = b.led.balances[g]! + v;
    b.moves[g * 2 + (v > 0 ? 0 : 1)] = b.moves[g * 2 + (v > 0 ? 0 : 1)]! + Math.abs(v);
    const w = b.w;
    w.id(id); w.int(n + 1); w.int(b.period); w.date(formatIso(day)); w.id(acct); w.text(GL[g]![1]);
    w.money(v > 0 ? v : 0, d); w.money(v < 0 ? -v : 0, d); w.id(b.bank.currency); w.id(event); w.text(text); w.end();
  });
}

/** The balance sheet at the scenario start: the customers' balances, cash, premises and capital; reserves (or interbank borrowing) balance it. */
function opening(b: Books, f: BankFlows): void {
  const lines: Line[] = GL.map(([n], g) => [n, f.opening(g)] as Line).filter(([, v]) => v !== 0);
  const deposits = -(f.opening(GL_INDEX.get("2000")!) + f.opening(GL_INDEX.get("2010")!));
  const lending = f.opening(GL_INDEX.get("1300")!) + f.opening(GL_INDEX.get("1320")!);
  const cash = Math.round(Math.max(0, deposits) * 0.015);
  const premises = Math.round((Math.max(0, deposits) + lending) * 0.01);
  const capital = Math.round(Math.max(0, lending) * 0.12 + Math.max(0, deposits) * 0.03) + 10 ** b.bank.digits * 1_000_000;
  lines.push(["1000", cash], ["1500", premises], ["3000", -capital]);
  const plug = -lines.reduce((s, [, v]) => s + v, 0);
  lines.push(plug >= 0 ? ["1100", plug] : ["2100", plug]);
  entry(b, "opening", "Opening balance sheet", lines, b.bank.firstDay);
}

/** The customers' (and the group's) movements of the period, one line per account (net). */
function flows(b: Books, f: BankFlows): void {
  const lines: Line[] = GL.map(([n], g) => [n, f.debit(b.period, g) - f.credit(b.period, g)] as Line);
  entry(b, "customer_flows", "Customer transactions of the period", lines);
}

const pct = (x: number, rate: number) => Math.round(x * rate);

/** Keeps reserves between 1% and 4% of deposits: placements and borrowing with other banks. */
function treasury(b: Books): void {
  const deposits = -(bal(b, "2000") + bal(b, "2010"));
  const assets = GL.reduce((s, [, , t], g) => s + (t === "asset" ? b.led.balances[g]! : 0), 0);
  entry(b, "operating_costs", "Staff, premises and IT", [["5100", pct(assets, 0.012 / 12)], ["1100", -pct(assets, 0.012 / 12)]]);
  entry(b, "interbank", "Interest on interbank borrowing", [["5010", pct(-bal(b, "2100"), 0.04 / 12)], ["1100", -pct(-bal(b, "2100"), 0.04 / 12)]]);
  entry(b, "interbank", "Interest on interbank placements", [["1100", pct(bal(b, "1200"), 0.035 / 12)], ["4020", -pct(bal(b, "1200"), 0.035 / 12)]]);
  const vaultTarget = pct(Math.max(0, -bal(b, "2000")), 0.015);
  const vault = bal(b, "1000");
  if (vault < vaultTarget / 2 || vault > vaultTarget * 2) entry(b, "cash_logistics", vault < vaultTarget ? "Cash ordered from the central bank" : "Surplus cash returned to the central bank", [["1000", vaultTarget - vault], ["1100", vault - vaultTarget]]);
  const reserves = bal(b, "1100");
  const lo = pct(Math.max(0, deposits), 0.01);
  const hi = pct(Math.max(0, deposits), 0.04);
  if (reserves < lo) {
    let need = pct(Math.max(0, deposits), 0.02) - reserves;
    const recall = Math.min(need, bal(b, "1200"));
    entry(b, "interbank", "Placements with other banks recalled", [["1100", recall], ["1200", -recall]]);
    need -= recall;
    entry(b, "interbank", "Borrowed from other banks", [["1100", need], ["2100", -need]]);
  } else if (reserves > hi) {
    let spare = reserves - pct(Math.max(0, deposits), 0.025);
    const repay = Math.min(spare, -bal(b, "2100"));
    entry(b, "interbank", "Interbank borrowing repaid", [["2100", repay], ["1100", -repay]]);
    spare -= repay;
    entry(b, "interbank", "Placed with other banks", [["1200", spare], ["1100", -spare]]);
  }
}

/** Closes income and expense into retained earnings. */
function yearEnd(b: Books): void {
  const lines: Line[] = [];
  let result = 0;
  GL.forEach(([n, , t], g) => {
    if (t !== "income" && t !== "expense") return;
    const v = b.led.balances[g]!;
    lines.push([n, -v]);
    result += v;
  });
  lines.push(["3100", result]);
  entry(b, "year_end_close", "Profit and loss closed to retained earnings", lines);
}

function trialBalance(b: Books, w: RowWriter): void {
  const d = b.bank.digits;
  const p = b.bank.periods[b.period]!;
  GL.forEach(([n, name, t], g) => {
    const v = b.led.balances[g]!;
    const normal = t === "asset" || t === "expense" ? v : -v;
    w.int(b.period); w.date(formatIso(p.firstDay + p.days - 1)); w.id(n); w.text(name); w.id(t);
    w.money(b.moves[g * 2]!, d); w.money(b.moves[g * 2 + 1]!, d); w.money(normal, d); w.id(b.bank.currency); w.end();
  });
}

export const booksStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const bank = bankOf(cx.plan);
    const f = state.get(BANK_FLOWS);
    const led = state.get(BANK_LEDGER);
    const p = bank.periods[period!]!;
    const b: Books = { bank, led, period: period!, w: out.table(bankGl), day: p.firstDay + p.days - 1, moves: new Float64Array(G * 2) };
    groupFlows(cx, bank, state, out, period!);
    if (period === 0) opening(b, f);
    if (led.reclass > 0) entry(b, "reverse_reclass", "Overdrafts of the last period back to current accounts", [["2000", led.reclass], ["1310", -led.reclass]], p.firstDay);
    flows(b, f);
    treasury(b);
    led.reclass = f.overdraft(period!);
    entry(b, "reclass_overdrafts", "Overdrawn current accounts shown as assets", [["1310", led.reclass], ["2000", -led.reclass]]);
    if (p.isYearEnd) yearEnd(b);
    trialBalance(b, out.table(bankTrialBalance));
  },
};
