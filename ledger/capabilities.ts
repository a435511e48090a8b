// Capabilities with an implementation: what a phase that takes a capability over lends to the
// default provider's generators. The default provider asks the run context for it
// (`cx.capability(PURCHASE_PRICING)`) and keeps its own behaviour when no phase provides one,
// so no generator imports the phase that extends it.
import type { CompanyInfo, RunContext } from "./context.ts";
import type { FlowEnv } from "./flows.ts";

/**
 * Keeps GL actuals per cost center (ledger/cost-centers.ts): a phase that needs them (budgets
 * by cost center) provides it and lends the COST_CENTERS slice; without it nothing is kept.
 */
export const COST_CENTER_ACTUALS = "cost_center_actuals";

/** Prices purchase orders from contracts: the source-to-contract phase provides it, procure-to-pay asks. */
export const PURCHASE_PRICING = "purchase_pricing";

export interface ContractTerms {
  contractId: string;
  /** The awarded vendor (index in the vendor master) and its agreed price per unit, company minor units. */
  vendorIndex: number;
  unitPrice: number;
  /** The delivery time the contract promises, in days, and the days it is valid. */
  leadDays: number;
  validFrom: number;
  validTo: number;
  /** This order is bought outside the contract (maverick buying): another vendor, the list price. */
  offContract: boolean;
}

export interface PurchasePricing {
  /**
   * The contract covering a material ordered on a day, or undefined. `draw` is a uniform number
   * in [0, 1) from the caller's stream: the provider decides maverick buying with it.
   */
  terms(cx: RunContext, c: CompanyInfo, materialIndex: number, day: number, draw: number): ContractTerms | undefined;
}

/** Subledger kinds procure-to-pay records for sourcing when a pricing provider runs (spend, consumption, delivery). */
export const SOURCING_KINDS = {
  spend: (group: string) => `s2c_spend:${group}`,
  offContract: (group: string) => `s2c_off:${group}`,
  /** Quantity bought under a contract line: the key is `<contract id>:<material index>`. */
  consumedQty: (line: string) => `s2c_cq:${line}`,
  consumedValue: (contract: string) => `s2c_cv:${contract}`,
  receipts: (vendor: number) => `s2c_gr:${vendor}`,
  late: (vendor: number) => `s2c_late:${vendor}`,
  priceDeviations: (vendor: number) => `s2c_dev:${vendor}`,
  invoices: (vendor: number) => `s2c_inv:${vendor}`,
  /** Receipts inspected at the dock (production's incoming inspection) and those partly returned. */
  inspected: (vendor: number) => `s2c_qi:${vendor}`,
  rejected: (vendor: number) => `s2c_qr:${vendor}`,
} as const;

/** Makes goods instead of buying them: the manufacturing phase provides it, replenishment asks. */
export const PRODUCTION = "production";

/** A material replenishment keeps in stock, with its expected yearly units at plan year 0. */
export interface StockItem {
  material: number;
  yearly: number;
}

export interface Production {
  /** Goods the company makes (replenishment does not buy them). */
  makes(cx: RunContext, c: CompanyInfo): ReadonlySet<number>;
  /** Materials production consumes: replenishment buys them like goods, from what production issued. */
  components(cx: RunContext, c: CompanyInfo): readonly StockItem[];
  /**
   * Inspects a bought component's receipt at the dock and writes the inspection: the units
   * returned to the vendor (0 when accepted). Undefined when the receipt is not inspected.
   */
  inspectReceipt(env: FlowEnv, c: CompanyInfo, lot: ReceiptLot): { id: string; returned: number } | undefined;
}

/** A goods receipt offered to the incoming inspection. */
export interface ReceiptLot {
  id: string;
  materialIndex: number;
  vendorIndex: number;
  day: number;
  qty: number;
}
