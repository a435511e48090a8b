// Books a customer's items in time order: running balances per account, the reserve pointers,
// declines, the bank's month-start postings (card statements, savings interest and withdrawals,
// overdraft interest), one output row per item (and a label row per case item), and the
// double entry each booked item makes in the bank's ledger.
import { formatIso } from "../../core/calendar.ts";
import { hash32, Rng } from "../../core/rng.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import { H_BANK, nextBankDay, usd, type Bank } from "./bank.ts";
import type { Account } from "./accounts.ts";
import type { Month } from "./activity.ts";
import { caseId } from "./cases.ts";
import type { Ev, Rail, TxType } from "./events.ts";
import { pad, txPrefix } from "./ids.ts";
import type { CustomerRecord } from "./record.ts";
import { monthIndex } from "./months.ts";

export interface SimIO {
  tx: RowWriter;
  label: RowWriter;
  /** A double entry of the bank's ledger in a period. */
  gl(period: number, debit: string, credit: string, amount: number): void;
  /** Sum of overdrawn current balances at a period end (the ledger reclassifies them as assets). */
  overdraft(period: number, amount: number): void;
}

/** What the rule engine reads of an item. */
export interface TxRec {
  id: string;
  k: number;
  day: number;
  sec: number;
  dir: 1 | -1;
  amount: number;
  type: TxType;
  rail: Rail;
  booked: boolean;
  before: number;
  cpCountry?: string;
  cpAccount?: string;
  cpName?: string;
  /** Case index of a labelled item, else -1. */
  caseIndex: number;
  /** Moves money between two accounts of the same customer. */
  own: boolean;
  watchEntry?: number;
  customerInitiated: boolean;
}

const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? "0" : "") + i);
/** HH:MM:SS of a second of the day. */
const hms = (sec: number) => `${TWO[Math.floor(sec / 3600)]}:${TWO[Math.floor(sec / 60) % 60]}:${TWO[sec % 60]}`;

const VALUE_NEXT_BANK_DAY = new Set<Rail>(["domestic", "wire", "cash", "internal", "book"]);
const BANK_POSTED = new Set<TxType>(["fee", "interest_credit", "interest_charge", "card_repayment", "loan_instalment", "loan_disbursement", "standing_order", "salary"]);

export class Booker {
  readonly bal: number[];
  readonly opening: number[];
  private readonly ptr: number[];
  private seq = 0;
  readonly txs: TxRec[] = [];
  readonly active: boolean[];
  readonly firstCaseDay: number[];
  normalRows = 0;
  labelledRows = 0;
  declined = 0;
  private prevEnd = 0;
  private readonly card: number;
  private readonly savings: number;
  private readonly prefix: string;

  constructor(readonly bank: Bank, readonly rec: CustomerRecord, readonly accts: Account[], readonly io: SimIO, private readonly lists: Ev[][], private readonly req: Float64Array[]) {
    this.bal = accts.map(() => 0);
    this.opening = accts.map(() => 0);
    this.ptr = accts.map(() => 0);
    this.active = accts.map(() => false);
    this.firstCaseDay = accts.map(() => -1);
    this.card = accts.findIndex((a) => a.type === "credit_card");
    this.savings = accts.findIndex((a) => a.type === "savings");
    this.prefix = txPrefix(rec.head.i);
  }

  setOpening(k: number, v: number): void {
    this.bal[k] = v;
    this.opening[k] = v;
    if (k === 0) this.prevEnd = v;
  }

  private owed(): number {
    return this.card >= 0 ? Math.max(0, -this.bal[this.card]!) : 0;
  }

  /** What account k may still spend beyond its reserve (the current account also keeps what the card owes). */
  available(k: number): number {
    return this.bal[k]! - this.accts[k]!.floor - this.req[k]![this.ptr[k]!]! - (k === 0 ? this.owed() : 0);
  }

  /** The bank's postings of a month, decided at its start: card statement, savings interest and withdrawal, overdraft interest. */
  monthStart(m: Month): Ev[] {
    const out: Ev[] = [];
    const bank = this.bank;
    const rng = new Rng(bank.seed, H_BANK, hash32("month-start"), this.rec.head.i, m.index);
    const before = (k: number) => k >= 0 && this.accts[k]!.open < m.first;
    const base = { must: true, known: false, normal: true, country: bank.country } as const;
    const self = (k: number) => ({ name: this.rec.name, accountId: this.accts[k]!.id, customerId: this.rec.id, account: this.accts[k]!.number.iban ?? this.accts[k]!.number.account, country: bank.country });
    if (before(this.card) && this.bal[this.card]! < 0) {
      // Before the card's subscription (03:10) on the same day: a statement is repaid between two subscriptions.
      const a = this.accts[this.card]!;
      const day = m.first + Math.min(a.repayDay, m.days) - 1;
      const credit: Ev = { ...base, day, sec: 3 * 3600, ord: 0, acct: this.card, dir: 1, amount: -this.bal[this.card]!, type: "card_repayment", channel: "direct_debit", rail: "internal", ref: "Card statement", cp: self(0) };
      out.push({ ...base, day, sec: 3 * 3600, ord: 0, acct: 0, dir: -1, amount: -this.bal[this.card]!, type: "card_repayment", channel: "direct_debit", rail: "internal", ref: "Card statement", cp: self(this.card), pair: credit });
    }
    const keep = usd(bank, 100);
    if (before(this.savings) && this.bal[this.savings]! >= keep) {
      const s = this.savings;
      out.push({ ...base, day: m.first + m.days - 1, sec: 23 * 3600 + 3000, ord: 0, acct: s, dir: 1, amount: 0, dyn: "savings_interest", type: "interest_credit", channel: "system", rail: "book", ref: "Interest" });
      if (this.bal[s]! >= 2 * keep && rng.chance(0.08)) {
        const amount = Math.floor(this.bal[s]! * (0.2 + 0.3 * rng.next()));
        const day = m.first + rng.int(m.days - 1);
        const credit: Ev = { ...base, day, sec: 12 * 3600, ord: 0, acct: 0, dir: 1, amount, type: "internal_transfer", channel: "mobile_app", rail: "internal", ref: "From savings", cp: self(s) };
        out.push({ ...base, day, sec: 12 * 3600, ord: 0, acct: s, dir: -1, amount, type: "internal_transfer", channel: "mobile_app", rail: "internal", ref: "To current account", cp: self(0), pair: credit });
      }
    }
    const cur = this.accts[0]!;
    if (before(0) && m.index > 0 && this.prevEnd < 0 && cur.rate > 0) {
      const interest = Math.round((-this.prevEnd * cur.rate) / 100_000 / 12);
      const amount = Math.min(interest, Math.floor(this.available(0)));
      if (amount >= 1) out.push({ ...base, day: m.first, sec: 1800, ord: 0, acct: 0, dir: -1, amount, dyn: "od_interest", type: "interest_charge", channel: "system", rail: "book", ref: "Overdraft interest" });
    }
    let ord = 8e8;
    for (const e of out) {
      e.ord = ord++;
      if (e.pair) e.pair.ord = ord++;
    }
    return out;
  }

  book(ev: Ev): void {
    const a = this.accts[ev.acct]!;
    if (ev.dyn === "savings_interest") ev.amount = Math.max(1, Math.round((this.bal[ev.acct]! * a.rate) / 100_000 / 12));
    let ok = true;
    if (ev.dir < 0) {
      if (ev.must) {
        if (this.bal[ev.acct]! - ev.amount < a.floor) throw new Error(`internal: ${a.id} would go below its floor on ${formatIso(ev.day)} (${ev.type} ${ev.amount}, balance ${this.bal[ev.acct]})`);
      } else ok = this.affordable(ev);
    }
    this.row(ev, ok);
    if (ok) this.advance(ev);
    if (ok && ev.pair) {
      this.row(ev.pair, true);
      this.advance(ev.pair);
    }
  }

  private affordable(ev: Ev): boolean {
    const cur = this.available(0);
    if (ev.acct === 0) return cur - ev.amount >= 0;
    if (ev.acct === this.card) {
      const c = this.accts[this.card]!;
      return this.bal[this.card]! - ev.amount >= c.floor + (c.subscription?.amount ?? 0) && cur - ev.amount >= 0;
    }
    return this.available(ev.acct) - ev.amount >= 0;
  }

  /** Moves the reserve pointers past a known item. */
  private advance(ev: Ev): void {
    if (!ev.known) return;
    const step = (k: number) => {
      const l = this.lists[k]!;
      if (l[this.ptr[k]!] !== ev) throw new Error(`internal: ${this.accts[k]!.id} books a scheduled item out of order on ${formatIso(ev.day)}`);
      this.ptr[k]!++;
    };
    step(ev.acct);
    if (ev.alsoReserves !== undefined) step(ev.alsoReserves);
  }

  private row(ev: Ev, ok: boolean): void {
    const a = this.accts[ev.acct]!;
    const bank = this.bank;
    const before = this.bal[ev.acct]!;
    const after = ok ? before + ev.dir * ev.amount : before;
    this.bal[ev.acct] = after;
    const id = this.prefix + pad(++this.seq, 6);
    const w = this.io.tx;
    const d = bank.digits;
    const cp = ev.cp;
    w.id(id); w.id(a.id); w.id(this.rec.id); w.date(formatIso(ev.day)); w.id(hms(ev.sec));
    w.date(formatIso(ev.rail !== "card" && VALUE_NEXT_BANK_DAY.has(ev.rail) ? Math.min(nextBankDay(bank, ev.day), ev.day + 7) : ev.day));
    w.id(ev.dir > 0 ? "credit" : "debit"); w.money(ev.amount, d); w.id(bank.currency); w.money(before, d); w.money(after, d);
    w.id(ok ? "booked" : "declined"); w.id(ev.type); w.id(ev.channel); w.id(ev.rail);
    opt(w, ev.mcc); optText(w, cp?.name || undefined); opt(w, cp?.account); opt(w, cp?.bank); opt(w, cp?.country); opt(w, cp?.customerId); opt(w, cp?.accountId);
    w.text(ev.ref); opt(w, ev.transferId); w.id(ev.country); optText(w, ev.city); opt(w, ev.device); opt(w, ev.ip);
    w.end();
    if (ev.normal) this.normalRows++;
    if (!ok) this.declined++;
    const initiated = !BANK_POSTED.has(ev.type) && ev.channel !== "system";
    if (ok && initiated) this.active[ev.acct] = true;
    if (ev.label) this.labelRow(ev, id, a.id);
    this.txs.push({
      id, k: ev.acct, day: ev.day, sec: ev.sec, dir: ev.dir, amount: ev.amount, type: ev.type, rail: ev.rail, booked: ok, before, cpCountry: cp?.country,
      cpAccount: cp?.account ?? cp?.accountId, cpName: cp?.name, caseIndex: ev.label?.caseIndex ?? -1, own: ev.pair !== undefined || isOwnPair(ev), watchEntry: ev.watchEntry, customerInitiated: initiated,
    });
    if (ok) this.post(ev, a);
  }

  private labelRow(ev: Ev, id: string, account: string): void {
    const l = ev.label!;
    const w = this.io.label;
    w.id(id); w.id(account); w.id(this.rec.id); w.id(caseId(l.caseIndex)); w.id(l.typology); w.id(l.stage); w.id(l.label); w.id(l.role); w.int(l.step); w.end();
    this.labelledRows++;
    if (this.firstCaseDay[ev.acct] === -1) this.firstCaseDay[ev.acct] = ev.day;
  }

  /** The bank's double entry for a booked item: the customer's account and the other side by kind. */
  private post(ev: Ev, a: Account): void {
    const other = ev.type === "fee" ? "4100" : ev.type === "interest_charge" ? (a.type === "loan" ? "4000" : "4010") : ev.type === "interest_credit" ? "5000" : ev.rail === "internal" ? "2090" : ev.rail === "cash" ? "1000" : "1100";
    const p = monthIndex(this.bank, ev.day);
    if (ev.dir > 0) this.io.gl(p, other, a.gl, ev.amount);
    else this.io.gl(p, a.gl, other, ev.amount);
  }

  monthEnd(m: number): void {
    this.prevEnd = this.bal[0]!;
    const p = this.bank.periods[m]!;
    if (this.accts[0]!.open < p.firstDay + p.days && this.bal[0]! < 0) this.io.overdraft(m, -this.bal[0]!);
  }
}

const isOwnPair = (ev: Ev) => ev.type === "card_repayment" || ev.type === "loan_instalment" || ev.type === "loan_disbursement";

function opt(w: RowWriter, v: string | undefined): void {
  if (v === undefined || v === "") w.empty();
  else w.id(v);
}
function optText(w: RowWriter, v: string | undefined): void {
  if (v === undefined || v === "") w.empty();
  else w.text(v);
}
