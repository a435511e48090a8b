// transactions: the business of every company, calibrated to its business plan: standalone
// journal entries and the document chains (procure-to-pay, order-to-cash, intercompany) laid
// out per company and period, then per period stock replenishment, payroll, settlements of tax,
// payroll and debt, and the treasury.
import type { PhaseSpec } from "../../specs/phase.ts";
import { buildLayout, companyPeriodParts, rateTotal, type LayoutContext } from "../../specs/layout.ts";
import type { Rate } from "../../specs/fields.ts";
import { periodAt, periodWeight, resolveHolidayCalendar, type TemporalParams } from "../../core/calendar.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { apOpenItems, arOpenItems, customerInvoices, customerReceipts, deliveries, documentReferences, goodsReceipts, inventoryMovements, payments, purchaseOrders, salesOrders, vendorInvoices } from "../../specs/records/flows.ts";
import { intercompanyMatches } from "../../specs/records/group.ts";
import { transactionChecks } from "./checks.ts";
import { params, type TransactionsParams } from "./params.ts";




/** Document chains, in a fixed order, each laid out per company (by share) and period. */
export const CHAIN_ORDER = ["procure_to_pay", "order_to_cash", "intercompany"] as const;

/**
 * A chain writes about as many rows as 8 standalone entries (its documents, postings, links and
 * open items), so its blocks hold 8 times fewer units: blocks stay alike in size and memory.
 */
export const CHAIN_BLOCK_DIVISOR = 8;

// Each company's months are weighted with its own holiday calendar (holidays = auto: its country's).
function layout(cx: LayoutContext) {
  const p = cx.params.transactions as TransactionsParams;
  const temporal = p.temporal as TemporalParams;
  const weight = (c: LayoutContext["companies"][number], i: number) =>
    periodWeight(periodAt(cx.startDate, cx.fiscalStartMonth, i), temporal, resolveHolidayCalendar(temporal.holidays, c.country));
  const parts = companyPeriodParts(rateTotal(p.volume, cx), cx, weight);
  for (const id of CHAIN_ORDER) {
    const process = cx.processes.find((x) => x.id === id);
    if (!process) continue;
    const blockSize = Math.max(16, Math.floor(p.block_size / CHAIN_BLOCK_DIVISOR));
    parts.push(...companyPeriodParts(rateTotal(process.params.volume as Rate, cx), cx, weight, id).map((s) => ({ ...s, blockSize })));
  }
  return buildLayout("entries", p.block_size, parts);
}

const money = (major: number) => ({ minor: Math.round(major * 100) });

export const transactionsSpec = {
  id: "transactions",
  title: "Transactions",
  rank: 4,
  stage: "posting",
  params,
  needs: ["opening_balances"],
  defaultEnabled: true,
  tables: [journalEntries, purchaseOrders, goodsReceipts, vendorInvoices, payments, salesOrders, deliveries, customerInvoices, customerReceipts, documentReferences, apOpenItems, arOpenItems, inventoryMovements, intercompanyMatches],
  steps: [
    // `issues`: the goods the period's sales took from stock (production plans from them).
    { name: "entries", stage: "posting", kind: "blocks", posts: ["ledger", "subledger", "stock", "liquidity", "issues"] },
    // Purchasing plans stock replenishment once the period's goods movements (and production) are known.
    { name: "replenish", stage: "posting", kind: "main", reads: ["stock", "production"], posts: ["ledger", "subledger", "stock", "liquidity"] },
    { name: "payroll", stage: "posting", kind: "main", posts: ["ledger", "liquidity"] },
    // Tax returns, remittances and debt service pay the closed balances of the period before.
    { name: "settlements", stage: "posting", kind: "main", posts: ["ledger", "liquidity"] },
    // The treasury walks the bank day by day once every other movement of the period is posted.
    { name: "treasury", stage: "posting", kind: "main", reads: ["liquidity"], posts: ["ledger", "liquidity"] },
  ],
  layout,
  checks: transactionChecks,
  presets: {
    manufacturing: { volume: { amount: 24000, per: "year" }, amounts: { median: money(2400), sigma: 1.7 } },
    retail: {
      volume: { amount: 60000, per: "year" },
      amounts: { median: money(180), sigma: 1.3, round_share: 0.03 },
      // Weekend trading and the holiday season: November and December carry the peak.
      temporal: { year_end: 2.5, weekdays: [1, 1, 1, 1, 1.2, 1.4, 0.9], months: [0.85, 0.8, 0.95, 0.95, 1, 0.95, 0.95, 1, 0.95, 1, 1.3, 1.6] },
    },
    financial_services: {
      volume: { amount: 40000, per: "year" },
      amounts: { median: money(25000), sigma: 2.2, round_share: 0.15 },
      temporal: { weekdays: [1, 1, 1, 1, 1, 0.02, 0.01] },
    },
    healthcare: {
      volume: { amount: 30000, per: "year" },
      amounts: { median: money(850), sigma: 1.5 },
      temporal: { weekdays: [1, 1, 1, 1, 1, 0.6, 0.5] },
    },
    technology: { volume: { amount: 12000, per: "year" }, amounts: { median: money(4000), sigma: 1.9 } },
  },
  defaults: ["payroll_postings", "purchase_pricing", "production"],
} satisfies PhaseSpec<typeof params>;
