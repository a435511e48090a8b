// opening_balances: a balance sheet per company at the scenario start that balances, with the
// open items, stock and asset register behind its receivables, payables, inventory and PPE.
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";
import { journalEntries, openingBalances } from "../../specs/records/ledger.ts";
import { apOpenItems, arOpenItems, customerInvoices, customerReceipts, documentReferences, inventoryMovements, payments, vendorInvoices } from "../../specs/records/flows.ts";

const money = (major: number) => ({ minor: Math.round(major * 100) });

const params = z.object({
  total_assets: f.money("opening total assets of a company with a 100% share").default({ minor: 50_000_000_00 }),
  equity_ratio: f.percent("equity as a share of total assets").min(0.05).max(0.95).default(0.4),
});

export const openingBalancesSpec = {
  id: "opening_balances",
  title: "Opening balances",
  rank: 3,
  stage: "setup",
  params,
  needs: ["master_data"],
  defaultEnabled: true,
  tables: [openingBalances, journalEntries, customerInvoices, customerReceipts, vendorInvoices, payments, arOpenItems, apOpenItems, inventoryMovements, documentReferences],
  steps: [{ name: "opening", stage: "setup", kind: "main", posts: ["ledger", "subledger", "stock"] }],
  layout: perCompany("companies"),
  presets: {
    manufacturing: { total_assets: money(80_000_000), equity_ratio: 0.42 },
    retail: { total_assets: money(40_000_000), equity_ratio: 0.35 },
    financial_services: { total_assets: money(500_000_000), equity_ratio: 0.1 },
    healthcare: { total_assets: money(120_000_000), equity_ratio: 0.45 },
    technology: { total_assets: money(60_000_000), equity_ratio: 0.55 },
  },
} satisfies PhaseSpec<typeof params>;

export type OpeningParams = z.infer<typeof params>;
