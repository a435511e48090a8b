// Treasury, once a period's postings are known: cash taken at the point of sale is banked on the
// next bank day, and the main bank account is walked day by day. When it would fall below the
// plan's cash buffer the credit line is drawn (in round amounts, on that bank day); when it
// holds well above the buffer, drawings are repaid. Interest on the credit line follows its
// daily drawn balance and is paid on the period's last bank day. The bank never ends a day
// below zero unless the plan declares the company distressed: when the credit line is
// exhausted the shareholders lend what is missing (plan_vs_actual and the run report show it),
// and a distressed company stays overdrawn instead.
import { formatIso, type Period } from "../../core/calendar.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { isBankDay, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import { documentNumber, stateTarget, writeDocument, type PostingTarget } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import { LIQUIDITY } from "../../ledger/slices.ts";
import type { RunState, Slice } from "../../ledger/state.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import { cashBuffer, creditLimit, planYear } from "../../ledger/business.ts";
import type { MainStep } from "../api.ts";

/** What the treasury carries per company from period to period (and reports). */
export interface CompanyTreasury {
  /** Documents numbered so far. */
  seq: number;
  /** Credit line drawn, and shareholder loans outstanding, at the end of the last period. */
  drawn: number;
  lent: number;
  /** Per plan year: what the plan-versus-actual report shows. */
  years: TreasuryYear[];
}

export interface TreasuryYear {
  /** Highest drawn balance of the credit line. */
  peak: number;
  /** Lowest end-of-day balance of the main bank account, and its day (-1: no day yet). */
  minBank: number;
  minDay: number;
  /** Days the bank ended below zero (distressed companies only). */
  overdrawnDays: number;
  /** What the shareholders lent when the credit line did not suffice. */
  shareholderLoans: number;
}

export const TREASURY: Slice<CompanyTreasury[], never> = {
  name: "treasury",
  create: (cx) => cx.companies.map(() => ({ seq: 0, drawn: 0, lent: 0, years: [] })),
  fold: () => {},
  // Shards run no main steps: their treasury state is always the initial one.
  add: () => {},
  toJSON: (s) => s,
  fromJSON: (_cx, json) => json as CompanyTreasury[],
};

function yearOf(t: CompanyTreasury, y: number): TreasuryYear {
  while (t.years.length <= y) t.years.push({ peak: 0, minBank: 0, minDay: -1, overdrawnDays: 0, shareholderLoans: 0 });
  return t.years[y]!;
}

interface Walk {
  cx: RunContext;
  c: CompanyInfo;
  p: Period;
  t: CompanyTreasury;
  w: RowWriter;
  target: PostingTarget;
}

export const treasuryStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = cx.periods[period!]!;
    for (const c of cx.companies) walkPeriod({ cx, c, p, t: state.get(TREASURY)[c.index]!, w: out.table(journalEntries), target: stateTarget(state) }, state);
  },
};

/** Sum of a liquidity slot's movements before `day`: the balance at the end of the day before. */
function balanceBefore(state: RunState, c: CompanyInfo, slot: number, day: number): number {
  const liq = state.get(LIQUIDITY);
  let s = 0;
  for (let d = liq.firstDay; d < day; d++) s += liq.get(c.index, d, slot);
  return s;
}

function walkPeriod(x: Walk, state: RunState): void {
  const { cx, c, p, t } = x;
  const liq = state.get(LIQUIDITY);
  const buffer = cashBuffer(cx, c, p.index);
  const limit = creditLimit(cx, c, p.index);
  const step = roundStep(buffer, c.digits);
  let bank = balanceBefore(state, c, 0, p.firstDay);
  let cash = balanceBefore(state, c, 1, p.firstDay);
  let drawnDays = 0;
  const last = lastBankDay(c, p);
  const year = yearOf(t, planYear(p.index));
  for (let d = p.firstDay; d < p.firstDay + p.days; d++) {
    // The day's own movements, read before the treasury posts on it (its postings add to them).
    const bankMoves = liq.get(c.index, d, 0);
    const cashMoves = liq.get(c.index, d, 1);
    const banking = isBankDay(c, d);
    const deposit = banking ? cash : 0;
    if (deposit > 0) transfer(x, d, "cash_deposit", "Cash takings banked", "bank", "cash", deposit);
    cash += cashMoves - deposit;
    bank += bankMoves + deposit;
    if (d === last) bank -= payInterest(x, d, (drawnDays + t.drawn * (p.firstDay + p.days - d)) / 365);
    if (banking && bank < buffer) {
      const want = Math.ceil((2 * buffer - bank) / step) * step;
      const draw = Math.min(want, limit - t.drawn);
      if (draw > 0) {
        transfer(x, d, "credit_line_drawing", "Drawing on the revolving credit facility", "bank", "credit_line", draw);
        bank += draw;
        t.drawn += draw;
      }
      // The line is exhausted and the bank would still end the day overdrawn: the shareholders
      // lend what is missing (a distressed company gets no such help and stays overdrawn).
      if (bank < 0 && !c.business.distress) {
        const lend = Math.ceil((buffer - bank) / step) * step;
        transfer(x, d, "shareholder_loan", "Loan from the shareholders", "bank", "shareholder_loan", lend);
        bank += lend;
        t.lent += lend;
        year.shareholderLoans += lend;
      }
    } else if (banking && (t.drawn > 0 || t.lent > 0) && bank > 4 * buffer) {
      // Surplus repays the credit line first, then the shareholders.
      let spare = Math.floor((bank - 2 * buffer) / step) * step;
      const repay = Math.min(t.drawn, spare);
      if (repay > 0) {
        transfer(x, d, "credit_line_repayment", "Repayment of the revolving credit facility", "credit_line", "bank", repay);
        bank -= repay;
        t.drawn -= repay;
        spare -= repay;
      }
      const back = Math.min(t.lent, spare);
      if (back > 0) {
        transfer(x, d, "shareholder_loan_repayment", "Repayment of the shareholders' loan", "shareholder_loan", "bank", back);
        bank -= back;
        t.lent -= back;
      }
    }
    drawnDays += t.drawn;
    year.peak = Math.max(year.peak, t.drawn);
    if (year.minDay < 0 || bank < year.minBank) [year.minBank, year.minDay] = [bank, d];
    if (bank < 0) year.overdrawnDays++;
  }
}

/** Round drawing sizes: 10,000 or 100,000 major units (1,000 for a small buffer). */
function roundStep(buffer: number, digits: number): number {
  const unit = 10 ** digits;
  return (buffer >= 10_000_000 * unit ? 100_000 : buffer >= 100_000 * unit ? 10_000 : 1_000) * unit;
}

function lastBankDay(c: CompanyInfo, p: Period): number {
  let d = p.firstDay + p.days - 1;
  while (d > p.firstDay && !isBankDay(c, d)) d--;
  return d;
}

/** Interest on the credit line for the period (from its daily drawn balance, `years` drawn-years), paid from the bank. */
function payInterest(x: Walk, day: number, years: number): number {
  const interest = Math.round(years * x.c.business.credit_rate);
  if (interest > 0) transfer(x, day, "credit_line_interest", "Interest on the revolving credit facility", "interest_expense", "bank", interest);
  return Math.max(0, interest);
}

type Role = "cash" | "bank" | "credit_line" | "shareholder_loan" | "interest_expense";

function transfer(x: Walk, day: number, event: string, text: string, debit: Role, credit: Role, amount: number): void {
  const { cx, c, p } = x;
  const lines = new Lines();
  lines.add(cx.chart.one(debit), amount, 0, -1, "");
  lines.add(cx.chart.one(credit), 0, amount, -1, "");
  const date = formatIso(day);
  writeDocument(x.w, {
    company: c, documentId: documentNumber("TR", c.code, ++x.t.seq), day, postingDate: date, documentDate: date, period: p,
    docType: "ZT", source: "automated", event, postedBy: "SYS-TREASURY", text,
  }, lines, x.target, () => "");
}
