// Detection predicates: for each type, the test an auditor or a rule-based detector would run
// on a document (with simple statistics of its block: medians per event, counts per poster and
// day). The run report says how often each fires on labelled and on clean documents, which
// grades how hard a type is; ml_labels flags the clean documents they fire on as near misses.
import { parseIso, weekday } from "../../core/calendar.ts";
import { APPROVERS, approvalLimits, seconds } from "../../ledger/journal.ts";
import { vatRate } from "../../ledger/tax.ts";
import { isHoliday } from "../../core/calendar.ts";
import type { Doc } from "./doc.ts";
import { BlockStats } from "./entry-env.ts";
import { VAGUE_TEXTS } from "./catalog.ts";

const EXPENSE_EVENTS: ReadonlyMap<string, string> = new Map([
  ["rent", "rent"], ["utilities", "utilities"], ["marketing", "marketing"], ["office_supplies", "office_supplies"], ["travel_expense", "travel"],
  ["it_expense", "it_services"], ["professional_fees", "professional_fees"], ["repairs", "repairs"], ["telecom", "telecom"],
]);
const INTERFACE_EVENTS = new Set(["cash_sale", "service_fee"]);

/** Block-level figures the predicates compare a document with (computed once per block, lazily). */
export class BlockView {
  readonly stats: BlockStats;
  private posters?: Map<string, number>;
  private days?: Map<string, number>;
  private nets?: Map<number, Set<string>>;
  private netCounts?: Map<number, number>;
  private prints?: Map<string, number[]>;
  private ccUse?: Map<string, number>;
  private accountUse?: Map<string, number>;
  private splits?: Map<string, number>;

  constructor(readonly docs: readonly Doc[]) {
    this.stats = new BlockStats(docs);
  }

  threshold(d: Doc): number {
    return approvalLimits(d.company).threshold;
  }

  /** Approval limit of a user: approvers by role, people 0, others (interfaces) none. */
  limit(d: Doc, user: string): number {
    const m = /-A(\d\d)$/.exec(user);
    if (m) {
      const i = APPROVERS.findIndex((a) => a.id === `A${m[1]}`);
      return i >= 0 ? approvalLimits(d.company).limits[i]! : 0;
    }
    return user.startsWith("SYS-") ? Infinity : 0;
  }

  posterShare(poster: string): number {
    if (!this.posters) {
      this.posters = new Map();
      for (const x of this.docs) if (x.manual) this.posters.set(x.poster, (this.posters.get(x.poster) ?? 0) + 1);
    }
    const n = this.posters.size;
    const mean = n ? [...this.posters.values()].reduce((a, b) => a + b, 0) / n : 0;
    return mean ? (this.posters.get(poster) ?? 0) / mean : 0;
  }

  dayShare(date: string): number {
    if (!this.days) {
      this.days = new Map();
      for (const x of this.docs) this.days.set(String(x.rows[0]!.posting_date), (this.days.get(String(x.rows[0]!.posting_date)) ?? 0) + 1);
    }
    const mean = this.docs.length / Math.max(1, this.days.size);
    return (this.days.get(date) ?? 0) / mean;
  }

  sameNet(d: Doc): { events: number; count: number } {
    if (!this.nets) {
      this.nets = new Map();
      this.netCounts = new Map();
      for (const x of this.docs) {
        if (!x.mutable) continue;
        const s = this.nets.get(x.net) ?? new Set<string>();
        s.add(x.event);
        this.nets.set(x.net, s);
        this.netCounts!.set(x.net, (this.netCounts!.get(x.net) ?? 0) + 1);
      }
    }
    return { events: this.nets.get(d.net)?.size ?? 0, count: this.netCounts!.get(d.net) ?? 0 };
  }

  /**
   * Documents with the same lines (or the same lines on opposite sides) within 5 days, among the
   * entries whose amounts can repeat (the mutable ones). A reversal of one is not mutable itself
   * (a payment with its sides swapped is no payment), so only a duplicate must be.
   */
  twin(d: Doc, opposite: boolean): boolean {
    if (!opposite && !d.mutable) return false;
    if (!this.prints) {
      this.prints = new Map();
      for (const x of this.docs) {
        if (!x.mutable) continue;
        const k = this.print(x, false);
        const list = this.prints.get(k) ?? [];
        list.push(x.day);
        this.prints.set(k, list);
      }
    }
    const days = this.prints.get(this.print(d, opposite)) ?? [];
    const own = d.day;
    return days.filter((x) => Math.abs(x - own) <= 5).length >= (opposite ? 1 : 2);
  }

  private readonly printed = new Map<Doc, [string, string]>();

  private print(d: Doc, opposite: boolean): string {
    let p = this.printed.get(d);
    if (!p) this.printed.set(d, (p = [print(d, false), print(d, true)]));
    return p[opposite ? 1 : 0];
  }

  /** Share of an account's lines in the block charged to a cost center. */
  ccShare(account: string, cc: string): number {
    if (!this.ccUse) {
      this.ccUse = new Map();
      this.accountUse = new Map();
      for (const x of this.docs) for (const r of x.rows) {
        if (!r.cost_center) continue;
        const a = String(r.account_number);
        this.accountUse.set(a, (this.accountUse.get(a) ?? 0) + 1);
        this.ccUse.set(`${a}|${r.cost_center}`, (this.ccUse.get(`${a}|${r.cost_center}`) ?? 0) + 1);
      }
    }
    return (this.ccUse.get(`${account}|${cc}`) ?? 0) / Math.max(1, this.accountUse!.get(account) ?? 0);
  }

  /** Manual entries just below the threshold by one poster, on one day, to one account. */
  splitGroup(d: Doc): number {
    if (!this.splits) {
      this.splits = new Map();
      for (const x of this.docs) if (nearThreshold(x, this, 0.75)) this.splits.set(splitKey(x), (this.splits.get(splitKey(x)) ?? 0) + 1);
    }
    return this.splits.get(splitKey(d)) ?? 0;
  }
}

function print(d: Doc, opposite: boolean): string {
  return d.rows.map((r) => `${r.account_number}:${r.cost_center ?? ""}:${opposite ? r.credit_amount : r.debit_amount}:${opposite ? r.debit_amount : r.credit_amount}`).join("|");
}

const splitKey = (d: Doc) => `${d.poster}|${d.rows[0]!.posting_date}|${d.body()[0]?.account_number}`;
const nearThreshold = (d: Doc, v: BlockView, lo: number) => d.manual && d.total >= lo * v.threshold(d) && d.total < v.threshold(d);
const date = (d: Doc, f = "posting_date") => (f === "posting_date" ? d.day : parseIso(String(d.rows[0]![f])));
const personPoster = (d: Doc) => !d.poster.startsWith("SYS-");
const unit = (d: Doc) => (d.digits === 0 ? 10 : 10 ** d.digits);

function median(d: Doc, v: BlockView): number | undefined {
  return d.mutable ? v.stats.of(d.event)?.median : undefined;
}

export type Predicate = (d: Doc, v: BlockView) => boolean;

export const PREDICATES: Record<string, Predicate> = {
  self_approval: (d) => d.approver !== null && d.approver === d.poster,
  exceeded_approval_limit: (d, v) => d.approver !== null && v.limit(d, d.approver) < d.total,
  segregation_of_duties: (d) => /-A\d\d$/.test(d.poster),
  just_below_threshold: (d, v) => nearThreshold(d, v, 0.9),
  split_transaction: (d, v) => nearThreshold(d, v, 0.75) && v.splitGroup(d) >= 2,
  duplicate_entry: (d, v) => v.twin(d, false),
  reversed_entry: (d, v) => v.twin(d, true),
  reversed_amount: (d) => (EXPENSE_EVENTS.has(d.event) && d.rows.some((r) => d.account(r).type === "expense" && d.credit(r) > 0)) || (INTERFACE_EVENTS.has(d.event) && d.rows.some((r) => d.account(r).type === "revenue" && d.debit(r) > 0)),
  transposed_digits: (d, v) => {
    const m = median(d, v);
    return m !== undefined && d.net !== m && (d.net - m) % 9 === 0;
  },
  decimal_error: (d, v) => {
    const m = median(d, v);
    if (!m) return false;
    const r = d.net / m;
    return (r >= 8 && r <= 12) || (r >= 1 / 12 && r <= 1 / 8);
  },
  wrong_period: (d) => {
    const p = d.cx.periods.find((x) => x.fiscalYear === Number(d.rows[0]!.fiscal_year) && x.fiscalPeriod === Number(d.rows[0]!.fiscal_period));
    return p !== undefined && date(d, "document_date") < p.firstDay && date(d) - date(d, "document_date") < 25;
  },
  backdated_entry: (d) => date(d) - date(d, "document_date") > 25,
  future_dated: (d) => date(d, "document_date") > date(d),
  misclassified: (d) => {
    const role = EXPENSE_EVENTS.get(d.event);
    return role !== undefined && d.kind === "payment" && d.body().some((r) => d.role(r) !== role);
  },
  wrong_cost_center: (d, v) => d.rows.some((r) => r.cost_center && v.ccShare(String(r.account_number), String(r.cost_center)) < 0.02),
  rounding_error: (d) => {
    if (!d.mutable) return false;
    const tax = d.taxLine();
    if (tax) return d.debit(tax) + d.credit(tax) !== Math.round(d.net * vatRate(d.company));
    return d.kind !== "reallocation" && d.net % unit(d) === 0;
  },
  currency_error: (d) => d.rows[0]!.document_currency !== d.rows[0]!.currency && d.rows[0]!.exchange_rate === "1",
  missing_approval: (d, v) => d.manual && d.total >= v.threshold(d) && d.approver === null,
  late_approval: (d) => d.approver !== null && String(d.rows[0]!.approved_at).slice(0, 10) > String(d.rows[0]!.posting_date),
  skipped_approval: (d) => {
    const a = d.rows[0]!.approved_at;
    return a !== null && String(a).slice(0, 10) === d.rows[0]!.posting_date && seconds(String(a).slice(11)) > seconds(String(d.rows[0]!.posting_time));
  },
  after_hours_posting: (d) => {
    const s = seconds(String(d.rows[0]!.posting_time));
    return personPoster(d) && (s < 7 * 3600 || s >= 20 * 3600);
  },
  weekend_posting: (d) => weekday(date(d)) >= 5,
  rushed_period_end: (d) => {
    const p = d.cx.periods.find((x) => x.fiscalYear === Number(d.rows[0]!.fiscal_year) && x.fiscalPeriod === Number(d.rows[0]!.fiscal_period));
    return personPoster(d) && p !== undefined && date(d) >= p.firstDay + p.days - 3 && seconds(String(d.rows[0]!.posting_time)) >= 20 * 3600;
  },
  manual_override: (d) => INTERFACE_EVENTS.has(d.event) && d.source === "manual",
  vague_description: (d) => VAGUE_TEXTS.includes(String(d.rows[0]!.line_text)),
  late_posting: (d) => {
    const gap = date(d) - date(d, "document_date");
    return gap >= 8 && gap <= 25;
  },
  round_amount: (d) => d.mutable && d.net % (100 * 10 ** d.digits) === 0,
  unusually_high_amount: (d, v) => {
    const m = median(d, v);
    return m !== undefined && d.net > 4 * m;
  },
  unusually_low_amount: (d, v) => {
    const m = median(d, v);
    return m !== undefined && d.net < m / 8;
  },
  amount_outlier: (d, v) => {
    const m = median(d, v);
    return m !== undefined && d.net > 20 * m;
  },
  benford_violation: (d) => d.mutable && Number(String(d.net)[0]) >= 7,
  exact_duplicate_amount: (d, v) => d.mutable && v.sameNet(d).events >= 2,
  repeating_amount: (d, v) => d.mutable && v.sameNet(d).count >= 3,
  unusual_frequency: (d, v) => d.manual && v.posterShare(d.poster) > 3,
  transaction_burst: (d, v) => v.dayShare(String(d.rows[0]!.posting_date)) > 4,
  unusual_timing: (d) => isHoliday(d.company.holidays, date(d)) || weekday(date(d)) === 6,
  trend_break: (d, v) => {
    const m = median(d, v);
    return m !== undefined && d.net > 1.4 * m;
  },
  unusual_account_pair: (d) => {
    const opex = (r: (typeof d.rows)[number]) => d.account(r).type === "expense" && d.role(r) !== "cogs";
    const rev = (r: (typeof d.rows)[number]) => d.account(r).type === "revenue";
    return (d.rows.some((r) => opex(r) && d.debit(r) > 0) && d.rows.some((r) => rev(r) && d.credit(r) > 0)) || (d.rows.some((r) => rev(r) && d.debit(r) > 0) && d.rows.some((r) => opex(r) && d.credit(r) > 0));
  },
  dormant_account: (d) => d.rows.some((r) => d.role(r) === "freight" || d.role(r) === "other_income"),
  foreign_cost_center: (d) => d.rows.some((r) => r.cost_center && !String(r.cost_center).startsWith(`CC-${d.company.code}-`)),
  payment_to_employee: (d) => d.rows.some((r) => String(r.partner_id ?? "").startsWith("E-")),
  improper_capitalization: (d) => d.rows[0]!.document_type === "SA" && d.rows.some((r) => d.role(r) === "prepaid_expenses" && d.debit(r) > 0) && d.rows.some((r) => d.account(r).liquid >= 0),
  fictitious_entry: (d) => d.rows[0]!.document_type === "SA" && d.rows.some((r) => d.role(r) === "accrued_liabilities" && d.credit(r) > 0),
  channel_stuffing: (d) => d.rows[0]!.document_type === "SA" && d.source === "manual" && d.rows.some((r) => d.role(r) === "revenue"),
  round_tripping: (d) => d.rows[0]!.document_type === "SA" && d.rows.some((r) => d.role(r) === "ic_receivable" || d.role(r) === "ic_payable"),
  revenue_manipulation: (d) => d.rows[0]!.document_type === "SA" && d.source === "manual" && d.rows.some((r) => d.account(r).type === "revenue" && d.credit(r) > 0),
};
