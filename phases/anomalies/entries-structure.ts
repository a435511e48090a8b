// Entry mutations that change what a document is: new lines in the place of another entry
// (split purchases, duplicates, reversals, fictitious and revenue entries) and postings to
// other accounts, cost centers or partners. A replaced entry keeps its id and position, so
// id sequences and ordering never show where an anomaly sits.
import { weekday } from "../../core/calendar.ts";
import type { Account } from "../../ledger/chart.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { vatRate } from "../../ledger/tax.ts";
import { costCenterId, employeeId, masterParams } from "../master_data/index.ts";
import { money, type Doc, type Row } from "./doc.ts";
import { plausibleNet, typical } from "./entries-amounts.ts";
import { clusterUser, dayOf, setPostingDay, uniform, workingDay, type EntryEnv, type EntryMutation } from "./entry-env.ts";

const ok = (d: Doc) => ({ docs: [d] });

/** Operating expenses a standalone entry books, with the event and text the generators give them. */
const EXPENSES: [AccountRole, string, string][] = [
  ["rent", "rent", "Rent"],
  ["utilities", "utilities", "Energy and water"],
  ["marketing", "marketing", "Marketing and advertising"],
  ["office_supplies", "office_supplies", "Office supplies"],
  ["travel", "travel_expense", "Travel and entertainment"],
  ["it_services", "it_expense", "Software and IT services"],
  ["professional_fees", "professional_fees", "Legal and professional fees"],
  ["repairs", "repairs", "Repairs and maintenance"],
  ["telecom", "telecom", "Telephone and internet"],
];
const ROLE_OF_EVENT = new Map(EXPENSES.map(([role, event]) => [event, role]));

export interface NewLine {
  account: Account;
  debit: number;
  credit: number;
  cc: string | null;
  partner?: string | null;
  /** In a foreign document currency: the line's amount in it and its rate (text). */
  doc?: { amount: number; digits: number; rate: string };
}

/** Replaces a document's lines with `lines`, keeping its id; header fields from `template` (default: its own first row). */
export function rebuild(d: Doc, lines: NewLine[], header: Partial<Row> = {}, template: Row = d.rows[0]!): void {
  d.snapshot();
  const base: Row = { ...template, document_id: d.id, company_code: d.company.code, source_document_id: null, source_document_type: null, document_currency: d.company.currency, exchange_rate: "1", ...header };
  d.rows = lines.map((l, i) => ({
    ...base,
    line_number: i + 1,
    account_number: l.account.number,
    debit_amount: money(l.debit, d.digits),
    credit_amount: money(l.credit, d.digits),
    document_amount: l.doc ? money(l.doc.amount, l.doc.digits) : money(l.debit + l.credit, d.digits),
    exchange_rate: l.doc ? l.doc.rate : base.exchange_rate,
    cost_center: l.cc,
    partner_id: l.partner ?? null,
  }));
}

/** Copies another document's rows into `d` (keeping d's id). */
function copyFrom(d: Doc, from: Doc): void {
  d.snapshot();
  d.rows = from.rows.map((r) => ({ ...r, document_id: d.id }));
}

const ccOf = (e: EntryEnv, i: number) => costCenterId(e.company.code, i);

/** A total that two or three parts of 82-97% of the threshold add up to (each then varies by -7% to +4%, below the threshold). */
const splittable = (total: number, threshold: number) => (total >= 1.64 * threshold && total <= 1.94 * threshold) || (total >= 2.46 * threshold && total <= 2.91 * threshold);

/** The last weekday of the period, minus `back` weekdays. */
export function periodEndDay(e: EntryEnv, back: number): number {
  let day = e.period.firstDay + e.period.days - 1;
  for (let k = 0; ; day--) {
    if (weekday(day) >= 5) continue;
    if (k++ === back) return day;
  }
}

export const STRUCTURE_MUTATIONS: Record<string, EntryMutation> = {
  split_transaction: {
    // A purchase that 2 or 3 parts just below the threshold (82-97% of it) carry: split as it is.
    prefer: (d, e) => splittable(d.total, e.threshold),
    eligible: (d) => d.manual && d.kind === "payment",
    apply: (d, e) => {
      const total = splittable(d.total, e.threshold) ? d.total : Math.round(e.threshold * uniform(e, 1.64, 1.94));
      const parts = total >= 2.4 * e.threshold ? 3 : 2;
      const slots: Doc[] = [];
      for (let k = 1; k < parts; k++) {
        const s = e.take((x) => x.mutable && x !== d, d, (x) => x.kind === "payment");
        if (!s) break;
        slots.push(s);
      }
      if (slots.length === 0) return false;
      const template = d.rows.map((r) => ({ ...r }));
      const tax = d.taxLine() ? vatRate(d.company) : 0;
      const each = total / (slots.length + 1);
      for (const part of [d, ...slots]) {
        if (part !== d) {
          part.snapshot();
          part.rows = template.map((r) => ({ ...r, document_id: part.id }));
        }
        // Parts differ a little, as invoices of one purchase do; each stays below the threshold.
        let net = Math.floor((Math.min(each * uniform(e, 0.93, 1.04), e.threshold * 0.995)) / (1 + tax));
        part.setNet(net);
        while (part.total >= e.threshold && net > 1) part.setNet((net = Math.floor(net * 0.995)));
      }
      return { docs: [d, ...slots] };
    },
  },
  duplicate_entry: {
    eligible: (d) => d.mutable,
    apply: (d, e) => {
      const slot = e.take((x) => x.mutable && x !== d, d, (x) => x.kind === d.kind);
      if (!slot) return false;
      e.reserve(d);
      copyFrom(slot, d);
      const shift = e.rng.int(4);
      const day = workingDay(e, slot, e.period, dayOf(d.rows[0]!) + shift);
      setPostingDay(slot, e.period, day, Math.min(day, dayOf(d.rows[0]!, "document_date") + shift));
      return { docs: [slot], related: [d.id] };
    },
  },
  reversed_entry: {
    eligible: (d) => d.mutable,
    apply: (d, e) => {
      const slot = e.take((x) => x.mutable && x !== d, d, (x) => x.kind === d.kind);
      if (!slot) return false;
      e.reserve(d);
      copyFrom(slot, d);
      slot.swapSides();
      setPostingDay(slot, e.period, workingDay(e, slot, e.period, dayOf(d.rows[0]!) + 1 + e.rng.int(3)));
      return { docs: [slot], related: [d.id] };
    },
  },
  revenue_manipulation: {
    // In the place of a receipt: revenue for revenue.
    prefer: (d) => d.kind === "receipt",
    eligible: (d, e) => d.mutable && e.cx.chart.has("prepaid_expenses") && e.cx.chart.has("service_revenue"),
    apply: (d, e) => {
      const amount = plausibleNet(d, e, 2, 6);
      const revenue = e.cx.chart.role("service_revenue");
      rebuild(d, [
        { account: e.cx.chart.one("prepaid_expenses"), debit: amount, credit: 0, cc: null },
        { account: revenue[e.rng.int(revenue.length)]!, debit: 0, credit: amount, cc: null },
      ], { document_type: "SA", source: "manual", business_event: "revenue_adjustment", posted_by: clusterUser(e), line_text: "Accrued revenue" });
      const day = periodEndDay(e, e.rng.int(3));
      setPostingDay(d, e.period, day);
      return ok(d);
    },
  },
  fictitious_entry: {
    prefer: (d) => d.kind === "payment",
    eligible: (d, e) => d.mutable && e.cx.chart.has("accrued_liabilities"),
    apply: (d, e) => {
      const [role, event, text] = EXPENSES[2 + e.rng.int(EXPENSES.length - 2)]!;
      const accounts = e.cx.chart.role(role);
      const amount = plausibleNet(d, e, 1, 4);
      rebuild(d, [
        { account: accounts[e.rng.int(accounts.length)]!, debit: amount, credit: 0, cc: ccOf(e, e.rng.int(e.costCenters)) },
        { account: e.cx.chart.one("accrued_liabilities"), debit: 0, credit: amount, cc: null },
      ], { document_type: "SA", source: "manual", business_event: event, posted_by: clusterUser(e), line_text: text });
      setPostingDay(d, e.period, periodEndDay(e, e.rng.int(2)));
      return ok(d);
    },
  },
  improper_capitalization: {
    eligible: (d, e) => d.kind === "payment" && typical(d, e) && e.cx.chart.has("prepaid_expenses"),
    apply: (d, e) => {
      const prepaid = e.cx.chart.one("prepaid_expenses");
      for (const r of d.body()) (d.snapshot(), (r.account_number = prepaid.number), (r.cost_center = null));
      return ok(d);
    },
  },
  misclassified: {
    eligible: (d) => d.kind === "payment" && ROLE_OF_EVENT.has(d.event),
    apply: (d, e) => {
      const own = ROLE_OF_EVENT.get(d.event)!;
      const others = EXPENSES.filter(([role]) => role !== own && e.cx.chart.has(role));
      const accounts = e.cx.chart.role(others[e.rng.int(others.length)]![0]);
      for (const r of d.body()) (d.snapshot(), (r.account_number = accounts[e.rng.int(accounts.length)]!.number));
      return ok(d);
    },
  },
  wrong_cost_center: {
    eligible: (d, e) => e.costCenters >= 2 && d.rows.some((r) => r.cost_center),
    apply: (d, e) => {
      const shift = 1 + e.rng.int(e.costCenters - 1);
      for (const r of d.rows) {
        if (!r.cost_center) continue;
        d.snapshot();
        r.cost_center = ccOf(e, (Number(String(r.cost_center).slice(-4)) - 1 + shift) % e.costCenters);
      }
      return ok(d);
    },
  },
  foreign_cost_center: {
    eligible: (d, e) => e.cx.companies.length >= 2 && d.rows.some((r) => r.cost_center),
    apply: (d, e) => {
      const others = e.cx.companies.filter((c) => c !== e.company);
      const other = others[e.rng.int(others.length)]!;
      const n = Math.max(1, masterParams(e.cx).cost_centers);
      for (const r of d.rows) if (r.cost_center) (d.snapshot(), (r.cost_center = costCenterId(other.code, e.rng.int(n))));
      return ok(d);
    },
  },
  payment_to_employee: {
    eligible: (d, e) => d.kind === "payment" && masterParams(e.cx).employees > 0,
    apply: (d, e) => {
      const who = employeeId(e.company.code, e.clusterRng().int(masterParams(e.cx).employees));
      d.snapshot();
      d.anchor()!.partner_id = who;
      return { docs: [d], related: [who] };
    },
  },
  unusual_account_pair: {
    eligible: (d, e) => (d.kind === "payment" || d.kind === "receipt") && e.cx.chart.has("service_revenue"),
    apply: (d, e) => {
      const a = d.anchor()!;
      const payment = d.kind === "payment";
      // The snapshot right before the change (figures asked for in between would describe the old rows).
      d.snapshot();
      if (payment) {
        // The expense is credited to revenue instead of paid.
        const revenue = e.cx.chart.role("service_revenue");
        a.account_number = revenue[e.rng.int(revenue.length)]!.number;
        a.cost_center = null;
      } else {
        const [role] = EXPENSES[2 + e.rng.int(EXPENSES.length - 2)]!;
        const accounts = e.cx.chart.role(role);
        a.account_number = accounts[e.rng.int(accounts.length)]!.number;
        a.cost_center = ccOf(e, e.rng.int(e.costCenters));
      }
      return ok(d);
    },
  },
  dormant_account: {
    eligible: (d, e) => d.mutable && e.cx.chart.has(d.kind === "receipt" ? "other_income" : "freight"),
    apply: (d, e) => {
      const account = e.cx.chart.one(d.kind === "receipt" ? "other_income" : "freight");
      for (const r of d.body()) (d.snapshot(), (r.account_number = account.number));
      return ok(d);
    },
  },
};
