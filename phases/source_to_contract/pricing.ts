// What source-to-contract lends procure-to-pay (the purchase_pricing capability): for a
// material ordered on a day, the contract of its category valid that day, its vendor, the
// material's contract price and delivery time; a share of such orders is bought off contract
// (maverick buying), decided by the caller's draw.
import type { PurchasePricing } from "../../ledger/capabilities.ts";
import { material } from "../master_data/index.ts";
import { paramsOf } from "../../specs/phase.ts";
import { sourceToContractSpec } from "./spec.ts";
import { contractOn, sourcingPlan } from "./plan.ts";

export const contractPricing: PurchasePricing = {
  terms(cx, c, materialIndex, day, draw) {
    const m = material(cx, c.index, materialIndex);
    const contract = contractOn(sourcingPlan(cx, c), m.group, materialIndex, day);
    const price = contract?.prices.get(materialIndex);
    if (!contract || price === undefined) return undefined;
    const offContract = draw < paramsOf(sourceToContractSpec, cx).maverick_rate;
    return { contractId: contract.id, vendorIndex: contract.vendorIndex, unitPrice: price, leadDays: contract.leadDays, validFrom: contract.start, validTo: contract.end, offContract };
  },
};
