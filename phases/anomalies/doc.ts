// A journal document as the overlay sees it: its rows (logical records), what kind of entry it
// is, exact amounts in minor units, and the edits that keep it balanced. Every change to a
// document's rows goes through here, and the block's deltas follow (DeltaEdit), so the ledger
// totals the close reads always equal the rows written.
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { Account } from "../../ledger/chart.ts";
import type { Deltas } from "../../ledger/state.ts";
import type { LedgerDelta } from "../../ledger/slices.ts";
import { parseIso } from "../../core/calendar.ts";
import { formatMinor } from "../../output/writers.ts";
import { vatRate } from "../../ledger/tax.ts";
import { INVENTORY_ROLES } from "../../specs/accounts.ts";
import { policyApproval, postingSeconds, clock, seconds } from "../../ledger/journal.ts";

export type Row = Record<string, unknown>;

/** Integer minor units of a decimal text (exact). */
export function minor(text: unknown): number {
  const s = String(text);
  const neg = s.startsWith("-");
  const [i = "0", f = ""] = (neg ? s.slice(1) : s).split(".");
  const v = Number(i) * 10 ** f.length + (f.length ? Number(f) : 0);
  return neg ? -v : v;
}

export const money = formatMinor;

const LOCKED: ReadonlySet<string> = new Set([...INVENTORY_ROLES, "cogs"]);
const LIQUID: ReadonlySet<string> = new Set(["bank", "payroll_bank", "cash"]);
const TAX: ReadonlySet<string> = new Set(["input_tax", "output_tax"]);

/**
 * receipt: cash or bank in, revenue (and output tax) out; payment: expenses (and input tax)
 * paid from the bank; reallocation: expense moved between cost centers; locked: anything that
 * moves stock or a subledger, whose amounts and dates other tables repeat.
 */
export type DocKind = "receipt" | "payment" | "reallocation" | "locked";

export class Doc {
  /** Rows as they were before the first change (for the label's list of changes). */
  original: Row[] | undefined;
  /** Types injected into it, and the fields they changed. */
  readonly types: string[] = [];
  readonly touched = new Set<string>();
  /** Set when a mutation controls posting time / approval itself (restamping leaves them). */
  keepTime = false;
  keepApproval = false;
  private kind_: DocKind | undefined;
  /**
   * Figures worked out once per state of the rows: every change goes through snapshot(), which
   * forgets them, so a mutation changes rows right after its snapshot and asks for figures after.
   */
  private memo: { total?: number; net?: number; body?: Row[]; day?: number } = {};
  /** Accounts by number (a number always names the same account, whatever the rows do). */
  private readonly accounts = new Map<unknown, Account>();

  private rows_: Row[];

  constructor(
    readonly cx: RunContext,
    rows: Row[],
    readonly company: CompanyInfo,
    /** Position among the block's documents. */
    readonly index: number,
  ) {
    this.rows_ = rows;
  }

  get rows(): Row[] {
    return this.rows_;
  }
  set rows(rows: Row[]) {
    this.rows_ = rows;
    this.forget();
  }

  private forget(): void {
    this.kind_ = undefined;
    this.memo = {};
  }

  get id(): string {
    return String(this.rows[0]!.document_id);
  }
  get digits(): number {
    return this.company.digits;
  }
  get poster(): string {
    return String(this.rows[0]!.posted_by);
  }
  get source(): string {
    return String(this.rows[0]!.source);
  }
  get event(): string {
    return String(this.rows[0]!.business_event);
  }
  get day(): number {
    return (this.memo.day ??= parseIso(String(this.rows[0]!.posting_date)));
  }
  get manual(): boolean {
    return this.source === "manual" && !this.poster.startsWith("SYS-");
  }
  get approver(): string | null {
    return (this.rows[0]!.approved_by as string | null) ?? null;
  }

  account(row: Row): Account {
    let a = this.accounts.get(row.account_number);
    if (!a) this.accounts.set(row.account_number, (a = this.cx.chart.get(String(row.account_number))!));
    return a;
  }
  role(row: Row): string {
    return this.account(row).role ?? "";
  }
  debit(row: Row): number {
    return minor(row.debit_amount);
  }
  credit(row: Row): number {
    return minor(row.credit_amount);
  }
  /** Sum of debits (what approval limits are measured against). */
  get total(): number {
    if (this.memo.total !== undefined) return this.memo.total;
    let t = 0;
    for (const r of this.rows) t += this.debit(r);
    return (this.memo.total = t);
  }

  get kind(): DocKind {
    if (this.kind_) return this.kind_;
    const roles = this.rows.map((r) => this.role(r));
    const foreign = this.rows.some((r) => r.document_currency !== r.currency);
    const liquid = this.rows.filter((r) => LIQUID.has(this.role(r)));
    let k: DocKind = "locked";
    if (foreign || roles.some((x) => LOCKED.has(x)) || this.rows.length < 2) k = "locked";
    else if (liquid.length === 0 && this.rows.every((r) => this.account(r).type === "expense")) k = "reallocation";
    else if (liquid.length === 1 && this.debit(liquid[0]!) > 0 && this.rows.every((r) => r === liquid[0] || this.account(r).type === "revenue" || TAX.has(this.role(r)))) k = "receipt";
    else if (liquid.length === 1 && this.credit(liquid[0]!) > 0 && this.rows.every((r) => r === liquid[0] || this.account(r).type === "expense" || TAX.has(this.role(r)))) k = "payment";
    return (this.kind_ = k);
  }

  /** Its amounts may change (no stock, no subledger, company currency). */
  get mutable(): boolean {
    return this.kind !== "locked";
  }

  /** The P&L lines: revenue of a receipt, expenses of a payment, every line of a reallocation. */
  body(): Row[] {
    return (this.memo.body ??= this.rows.filter((r) => !LIQUID.has(this.role(r)) && !TAX.has(this.role(r))));
  }
  anchor(): Row | undefined {
    return this.rows.find((r) => LIQUID.has(this.role(r)));
  }
  taxLine(): Row | undefined {
    return this.rows.find((r) => TAX.has(this.role(r)));
  }
  /** The net amount: the P&L side (debits of a reallocation). */
  get net(): number {
    if (this.memo.net !== undefined) return this.memo.net;
    const k = this.kind;
    let n = 0;
    for (const r of this.body()) n += k === "receipt" ? this.credit(r) : this.debit(r);
    return (this.memo.net = n);
  }

  /** Remembers the rows before the first change. */
  snapshot(): void {
    if (!this.original) this.original = this.rows.map((r) => ({ ...r }));
    // What follows may change amounts or accounts: the figures are worked out again when next asked.
    this.forget();
  }

  set(field: string, value: unknown): void {
    this.snapshot();
    for (const r of this.rows) r[field] = value;
  }

  /** Sets a line's amounts (company currency document: the document amount follows). */
  setLine(row: Row, debit: number, credit: number): void {
    this.snapshot();
    row.debit_amount = money(debit, this.digits);
    row.credit_amount = money(credit, this.digits);
    row.document_amount = money(debit + credit, this.digits);
  }

  /**
   * Gives a mutable document a new net amount: the P&L lines share it in proportion, tax is
   * recomputed at the company's rate as the generators compute it, the bank or cash line
   * balances. A reallocation moves each pair by the same factor.
   */
  setNet(target: number): void {
    const kind = this.kind;
    if (kind === "locked") throw new Error(`internal: ${this.id} cannot change amounts`);
    const body = this.body();
    // Every line keeps at least one minor unit.
    target = Math.max(body.length, Math.round(target));
    this.snapshot();
    if (kind === "reallocation") return this.scalePairs(target);
    const receipt = kind === "receipt";
    const parts = share(target, body.map((r) => (receipt ? this.credit(r) : this.debit(r))));
    body.forEach((r, i) => this.setLine(r, receipt ? 0 : parts[i]!, receipt ? parts[i]! : 0));
    let gross = target;
    const tax = this.taxLine();
    if (tax) {
      const t = Math.round(target * vatRate(this.company));
      if (t > 0) this.setLine(tax, receipt ? 0 : t, receipt ? t : 0);
      else this.rows = this.rows.filter((r) => r !== tax);
      gross += Math.max(0, t);
    }
    const a = this.anchor()!;
    this.setLine(a, receipt ? gross : 0, receipt ? 0 : gross);
    this.renumber();
  }

  private scalePairs(target: number): void {
    const debits = this.rows.filter((r) => this.debit(r) > 0);
    const parts = share(target, debits.map((r) => this.debit(r)));
    // Each debit has its credit right after it (buildReallocation writes pairs).
    debits.forEach((d, i) => {
      const cr = this.rows[this.rows.indexOf(d) + 1];
      this.setLine(d, parts[i]!, 0);
      if (cr && this.credit(cr) > 0) this.setLine(cr, 0, parts[i]!);
    });
    let dr = 0;
    let crs = 0;
    for (const r of this.rows) {
      dr += this.debit(r);
      crs += this.credit(r);
    }
    if (dr !== crs) {
      const big = this.rows.filter((r) => this.credit(r) > 0).sort((x, y) => this.credit(y) - this.credit(x))[0]!;
      this.setLine(big, 0, this.credit(big) + dr - crs);
    }
  }

  /** Line numbers 1..n after lines were added or removed. */
  renumber(): void {
    this.rows.forEach((r, i) => (r.line_number = i + 1));
  }

  /** Swaps every line's debit and credit. */
  swapSides(): void {
    this.snapshot();
    for (const r of this.rows) {
      const d = this.debit(r);
      this.setLine(r, this.credit(r), d);
    }
  }

  /** Posting time and approval as the policy gives them for the document as it now is. */
  restamp(): void {
    const first = this.rows[0]!;
    const id = this.id;
    const sec = this.keepTime ? seconds(String(first.posting_time)) : postingSeconds(id, this.poster, this.source);
    const time = clock(sec);
    const a = this.keepApproval ? undefined : policyApproval(this.company, id, this.poster, this.source, String(first.posting_date), this.total, sec);
    for (const r of this.rows) {
      if (!this.keepTime && r.posting_time !== time) (this.snapshot(), (r.posting_time = time));
      if (this.keepApproval) continue;
      const by = a?.[0] ?? null;
      const at = a?.[1] ?? null;
      if (r.approved_by !== by || r.approved_at !== at) {
        this.snapshot();
        r.approved_by = by;
        r.approved_at = at;
      }
    }
  }
}

/** Splits `total` in proportion to `weights` (largest remainder, at least 1 each while it lasts). */
export function share(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.max(1, Math.floor(x)));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]!.i]!++;
  // Floors lifted to 1 may overshoot: take it back from the largest part.
  for (; rest < 0; rest++) parts[parts.indexOf(Math.max(...parts))]!--;
  return parts;
}

/** Groups a block's journal rows into documents (consecutive rows of one company and document id). */
export function documents(cx: RunContext, rows: Row[]): Doc[] {
  const out: Doc[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i]!.document_id === rows[start]!.document_id && rows[i]!.company_code === rows[start]!.company_code) continue;
    const company = cx.companies[cx.companyIndex.get(String(rows[start]!.company_code))!]!;
    out.push(new Doc(cx, rows.slice(start, i), company, out.length));
    start = i;
  }
  return out;
}

const periodKeys = new WeakMap<RunContext, Map<string, number>>();

/** The period index of a journal row (its fiscal year and period). */
export function periodOf(cx: RunContext, row: Row): number {
  let m = periodKeys.get(cx);
  if (!m) periodKeys.set(cx, (m = new Map(cx.periods.map((p) => [`${p.fiscalYear}-${p.fiscalPeriod}`, p.index]))));
  const p = m.get(`${row.fiscal_year}-${row.fiscal_period}`);
  if (p === undefined) throw new Error(`internal: no period ${row.fiscal_year}/${row.fiscal_period}`);
  return p;
}

/**
 * Keeps a block's deltas equal to its rows: a changed document's old rows come out, its new
 * rows go in (ledger cells per company and period, daily cash and bank movements).
 */
export class DeltaEdit {
  private readonly liquidity: number[] = [];
  private readonly width: number;

  constructor(private readonly cx: RunContext, private readonly deltas: Deltas | undefined) {
    this.width = cx.chart.accounts.length * 2;
  }

  get live(): boolean {
    return this.deltas !== undefined;
  }

  post(rows: readonly Row[], sign: 1 | -1): void {
    if (!this.deltas) throw new Error("internal: a main step's postings cannot change");
    for (const r of rows) {
      const company = this.cx.companyIndex.get(String(r.company_code))!;
      const account = this.cx.chart.get(String(r.account_number))!;
      const d = minor(r.debit_amount);
      const k = minor(r.credit_amount);
      const cell = this.cell(company, periodOf(this.cx, r));
      cell[account.index * 2] = cell[account.index * 2]! + sign * d;
      cell[account.index * 2 + 1] = cell[account.index * 2 + 1]! + sign * k;
      if (account.liquid >= 0 && d - k !== 0) this.liquidity.push(company, parseIso(String(r.posting_date)), account.liquid, sign * (d - k));
    }
  }

  /** Subledger figures (AP open amounts per period end, ...), as the generators add them. */
  subledger(company: number, period: number, kind: string, amount: number): void {
    const d = this.deltas!;
    const sub = (d.subledger ??= { kinds: [], values: new Float64Array(0) }) as { kinds: string[]; values: Float64Array };
    let k = sub.kinds.indexOf(kind);
    if (k < 0) k = sub.kinds.push(kind) - 1;
    const v = new Float64Array(sub.values.length + 4);
    v.set(sub.values);
    v.set([company, period, k, amount], sub.values.length);
    sub.values = v;
  }

  private cell(company: number, period: number): Float64Array {
    const ledger = (this.deltas!.ledger ??= []) as LedgerDelta;
    let c = ledger.find((x) => x.company === company && x.period === period);
    if (!c) ledger.push((c = { company, period, data: new Float64Array(this.width) }));
    return c.data;
  }

  /** Writes the cash and bank movements into the deltas. */
  finish(): void {
    if (!this.deltas || this.liquidity.length === 0) return;
    const old = (this.deltas.liquidity as Float64Array | undefined) ?? new Float64Array(0);
    const next = new Float64Array(old.length + this.liquidity.length);
    next.set(old);
    next.set(this.liquidity, old.length);
    this.deltas.liquidity = next;
    this.liquidity.length = 0;
  }
}
