// What standalone entries are: the business no process generates, each kind with accounts that
// mean something. Cash sales at the point of sale (cash in, revenue and tax out, stock issued at
// standard cost), service fees paid to the bank (when no order-to-cash invoices them), expenses paid straight from the bank (rent, utilities, marketing, travel, IT,
// fees, repairs, telephone, office supplies: input tax where it is recoverable), and cost
// reallocations between cost centers. Every kind but the reallocation has a budget in the plan.
import type { Rng } from "../../core/rng.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import type { Account, Chart } from "../../ledger/chart.ts";
import type { Lines } from "../../ledger/lines.ts";
import type { Targets } from "../../ledger/business.ts";
import type { DocumentType } from "../../specs/records/ledger.ts";
import { split } from "./amounts.ts";

export interface Category {
  event: string;
  docType: DocumentType;
  text: string;
  /** Relative number of entries of this kind among standalone entries. */
  count(t: Targets): number;
  /** Annual budget (company minor units) of plan year y; absent: sized by the amount distribution. */
  budget?(t: Targets, y: number): number;
  /** Budgets follow activity (cash sales) or the calendar (expenses: a twelfth a month). */
  byActivity?: boolean;
  /** Expense role of a bank-paid expense. */
  role?: AccountRole;
  kind: "cash_sale" | "service_fee" | "expense" | "reallocation";
}

/** Shares of the direct-opex budget by expense. */
const OPEX_SPLIT: [AccountRole, string, string, number, number][] = [
  ["office_supplies", "office_supplies", "Office supplies", 0.2, 10],
  ["travel", "travel_expense", "Travel and entertainment", 0.3, 14],
  ["it_services", "it_expense", "Software and IT services", 0.2, 6],
  ["professional_fees", "professional_fees", "Legal and professional fees", 0.1, 3],
  ["repairs", "repairs", "Repairs and maintenance", 0.12, 5],
  ["telecom", "telecom", "Telephone and internet", 0.08, 3],
];

export const CATEGORIES: Category[] = [
  { event: "cash_sale", docType: "DR", text: "Point-of-sale takings", kind: "cash_sale", byActivity: true, count: (t) => (t.cashSales(0) > 0 ? 35 : 0), budget: (t, y) => t.cashSales(y) },
  { event: "service_fee", docType: "DR", text: "Service fees received", kind: "service_fee", byActivity: true, count: (t) => (t.serviceFees(0) > 0 ? 20 : 0), budget: (t, y) => t.serviceFees(y) },
  { event: "rent", docType: "SA", text: "Rent", kind: "expense", role: "rent", count: () => 2, budget: (t, y) => t.cost("rent", y) },
  { event: "utilities", docType: "SA", text: "Energy and water", kind: "expense", role: "utilities", count: () => 5, budget: (t, y) => t.cost("utilities", y) },
  { event: "marketing", docType: "SA", text: "Marketing and advertising", kind: "expense", role: "marketing", count: () => 6, budget: (t, y) => t.cost("marketing_direct", y) },
  ...OPEX_SPLIT.map(([role, event, text, share, count]): Category => ({ event, docType: "SA", text, kind: "expense", role, count: () => count, budget: (t, y) => t.cost("opex_direct", y) * share })),
  { event: "cost_reallocation", docType: "SA", text: "Cost reallocation", kind: "reallocation", count: () => 15 },
];

/** What building an entry may use. */
export interface EntryEnv {
  rng: Rng;
  chart: Chart;
  costCenters: number;
  /** Sales tax / VAT rate of the company, and whether input tax is recoverable. */
  taxRate: number;
  recoverable: boolean;
  parts: number[];
}

/**
 * A bank-paid expense of `net` (the budgeted cost): the bank line, expense lines by cost center,
 * and input tax where it is recoverable (entries of two lines are tax-exempt items).
 */
export function buildExpense(e: EntryEnv, cat: Category, lines: Lines, n: number, net: number): void {
  const tax = e.recoverable && n >= 3 ? Math.round(net * e.taxRate) : 0;
  const expenseLines = Math.max(1, Math.min(n - (tax > 0 ? 2 : 1), Math.floor(net / 100)));
  const accounts = e.chart.role(cat.role!);
  lines.add(e.chart.one("bank"), 0, net + tax, -1, "");
  split(net, expenseLines, e.rng, e.parts);
  for (let k = 0; k < expenseLines; k++) lines.add(accounts[e.rng.int(accounts.length)]!, e.parts[k]!, 0, e.rng.int(e.costCenters), "");
  if (tax > 0) lines.add(e.chart.one("input_tax"), tax, 0, -1, "");
}

/** Service fees paid straight to the bank (no order-to-cash): the bank line, service revenue and output tax. */
export function buildServiceFee(e: EntryEnv, lines: Lines, net: number): void {
  const tax = Math.round(net * e.taxRate);
  const revenue = e.chart.role("service_revenue");
  lines.add(e.chart.one("bank"), net + tax, 0, -1, "");
  lines.add(revenue[e.rng.int(revenue.length)]!, 0, net, -1, "");
  if (tax > 0) lines.add(e.chart.one("output_tax"), 0, tax, -1, "");
}

/** A cost reallocation: pairs moving an amount between cost centers of an operating expense account. */
const REALLOCATED: AccountRole[] = OPEX_SPLIT.map(([role]) => role);

export function buildReallocation(e: EntryEnv, lines: Lines, n: number, total: number): void {
  const pairs = Math.max(1, Math.min(Math.floor(n / 2), Math.floor(total / 2)));
  split(total, pairs, e.rng, e.parts);
  for (let k = 0; k < pairs; k++) {
    const accounts = e.chart.role(e.rng.pick(REALLOCATED));
    const account: Account = accounts[e.rng.int(accounts.length)]!;
    const from = e.rng.int(e.costCenters);
    const to = e.costCenters > 1 ? (from + 1 + e.rng.int(e.costCenters - 1)) % e.costCenters : from;
    lines.add(account, e.parts[k]!, 0, to, "");
    lines.add(account, 0, e.parts[k]!, from, "");
  }
}
