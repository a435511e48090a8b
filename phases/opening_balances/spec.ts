// opening_balances: a balance sheet per company at the scenario start, built from its business
// plan, with the open items, stock and asset register behind its receivables, payables,
// inventory and PPE.
import { z } from "zod";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";
import { journalEntries, openingBalances } from "../../specs/records/ledger.ts";
import { apOpenItems, arOpenItems, customerInvoices, customerReceipts, documentReferences, inventoryMovements, payments, vendorInvoices } from "../../specs/records/flows.ts";

// The sheet follows each company's business plan (business { }): the phase has no settings of its own.
const params = z.object({});

export const openingBalancesSpec = {
  id: "opening_balances",
  title: "Opening balances",
  rank: 3,
  stage: "setup",
  params,
  needs: ["master_data"],
  defaultEnabled: true,
  tables: [openingBalances, journalEntries, customerInvoices, customerReceipts, vendorInvoices, payments, arOpenItems, apOpenItems, inventoryMovements, documentReferences],
  steps: [{ name: "opening", stage: "setup", kind: "main", posts: ["ledger", "subledger", "stock", "liquidity"] }],
  layout: perCompany("companies"),

} satisfies PhaseSpec<typeof params>;

export type OpeningParams = z.infer<typeof params>;
