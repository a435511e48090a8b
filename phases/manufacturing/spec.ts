// manufacturing: the company makes the finished goods it sells from bills of material and
// routings (work centers with standard rates), through production orders that issue
// components to work in progress, absorb labour and machine time, receive the goods at
// standard cost and settle their variances; inspections sample the lots, cycle counts check
// the stock. It takes production over from purchasing (the `production` capability):
// replenishment then buys the components, not the finished goods.
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { ratedLayout } from "../../specs/layout.ts";
import { apOpenItems, documentReferences, goodsReceipts, inventoryMovements, payments, purchaseOrders, vendorInvoices } from "../../specs/records/flows.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { reconciliation } from "../../specs/records/group.ts";
import { billsOfMaterial, cycleCounts, inspectionResults, productionConfirmations, productionOrders, qualityInspections, routings, workCenters } from "./tables.ts";

const params = z.object({
  production_orders: f.rate("production orders of finished goods (each company by its share; needs beyond it still get orders, reported)").default({ amount: 2000, per: "year" }),
  inspection_rate: f.percent("share of production orders inspected (in process and final)").default(0.2),
  receipt_inspection_rate: f.percent("share of component receipts inspected at the dock (a lot a shortage waits for is released at once)").default(0.6),
  cycle_counts: f.rate("cycle count sessions (A materials every session, B quarterly, C once a year)").default({ amount: 12, per: "year" }),
  scrap_rate: f.percent("planned scrap: orders are planned this much above the need").max(0.3).default(0.02),
});

export type ManufacturingParams = z.infer<typeof params>;

export const manufacturingSpec = {
  id: "manufacturing",
  title: "Manufacturing",
  rank: 18,
  stage: "posting",
  params,
  needs: ["master_data"],
  tables: [
    workCenters, billsOfMaterial, routings, productionOrders, productionConfirmations, qualityInspections, inspectionResults, cycleCounts,
    journalEntries, inventoryMovements, reconciliation,
    // The work centers' actual costs are bought through procure-to-pay.
    purchaseOrders, goodsReceipts, vendorInvoices, payments, apOpenItems, documentReferences,
  ],
  steps: [
    // Once: work centers, bills of material and routings (a function of the plan).
    { name: "master", stage: "setup", kind: "main" },
    // Per period, after the sales issued the goods and before purchasing buys the components.
    { name: "production", stage: "posting", kind: "main", reads: ["issues"], posts: ["ledger", "subledger", "stock", "liquidity", "production"] },
    // After purchasing: the stock counted at the period's end.
    { name: "counts", stage: "posting", kind: "main", reads: ["stock"], posts: ["ledger", "counts"] },
    // After the close: WIP on the books against the open orders.
    { name: "reconcile", stage: "close", kind: "main", reads: ["ledger", "subledger"] },
  ],
  layout: (cx) => ratedLayout("production orders", (cx.params.manufacturing as ManufacturingParams).production_orders, cx),
  roles: ["wip", "raw_materials", "finished_goods", "production_absorbed", "production_variance", "production_labour", "production_overhead", "inventory_adjustment"],
  provides: ["production"],
} satisfies PhaseSpec<typeof params>;
