// Capabilities with an implementation: what a phase that takes a capability over lends to the
// default provider's generators. The default provider asks the run context for it
// (`cx.capability(PURCHASE_PRICING)`) and keeps its own behaviour when no phase provides one,
// so no generator imports the phase that extends it.
import type { CompanyInfo, RunContext } from "./context.ts";
import type { Account } from "./chart.ts";
import type { FlowEnv } from "./flows.ts";
import type { Lines } from "./lines.ts";
import type { Deltas, RunState } from "./state.ts";

/**
 * Bank charges: by default the settlements charge a flat monthly fee with the debt service; a
 * phase that builds bank statements (financial_reporting) takes them over and books the
 * bank's tariff from the statement instead, so fees are charged once.
 */
export const BANK_CHARGES = "bank_charges";

/**
 * Keeps GL actuals per cost center (ledger/cost-centers.ts): a phase that needs them (budgets
 * by cost center) provides it and lends the COST_CENTERS slice; without it nothing is kept.
 */
export { COST_CENTER_ACTUALS } from "./cost-centers.ts";

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

/**
 * Revenue recognition (IFRS 15 / ASC 606): the accounting_standards phase provides it,
 * order-to-cash asks. With it, every order is a contract: its invoices post to receivables and
 * contract balances, and its revenue comes from the contract's schedule only.
 */
export const REVENUE_RECOGNITION = "revenue_recognition";

export interface RevenueRecognition {
  /** The contract book of one order-to-cash block, or undefined when this run recognises no revenue through contracts. */
  book(env: FlowEnv, c: CompanyInfo): ContractBook | undefined;
  /** The share of invoiced goods orders' value the plan expects sold as bundled services (budgets ask it; 0 when none are sold). */
  plannedBundleShare?(cx: RunContext, c: CompanyInfo): number;
}

/** A service line sold with a goods order (multi-element deal), priced from the service master in company minor units. */
export interface BundleLine {
  kind: "installation" | "subscription";
  materialIndex: number;
  quantity: number;
  unitPrice: number;
  /** Standalone selling price of the line (company minor units): the service master's list price for its quantity. */
  standalone: number;
  /** A subscription billed monthly in arrears (its quantity is in unit-months) rather than for its whole term in advance. */
  arrears?: boolean;
}

export interface Bundle {
  lines: BundleLine[];
  /** Sum of quantity x unit price: the part of the order's value the services take. */
  value: number;
}

/** When a bundle line's service is rendered (inclusive days), and how it is billed: each bill a service entry, then an invoice for its quantity. */
export interface BundleTiming {
  start: number;
  end: number;
  bills: { entry: number; invoice: number; quantity: number }[];
}

/** One line (sales order) of a contract as order-to-cash plans it: what it sells, when it is delivered and billed. */
export interface ContractLine {
  soId: string;
  materialIndex: number;
  kind: "goods" | "service" | "installation" | "subscription";
  quantity: number;
  /** Contract price of the line, document currency (quantity x unit price). */
  price: number;
  /** Standalone selling price of the line, company minor units. */
  standalone: number;
  /** The revenue account its revenue is credited to. */
  revenue: Account;
  /** Point in time: control passes at each delivery (deliveries on or after the scenario end do not happen). */
  deliveries: { id: string; day: number; quantity: number }[];
  /** Over time: rendered evenly from start to end (inclusive days). */
  service?: { start: number; end: number };
  /** Its invoices: net in company minor units, and the day the amount became billable. */
  invoices: { id: string; day: number; net: number; billable: number }[];
}

export interface ContractOrder {
  /** The contract's first sales order. */
  soId: string;
  customer: string;
  orderDay: number;
  /** Document currency of its orders and invoices. */
  currency: string;
  lines: ContractLine[];
}

/** A contract opened for posting: order-to-cash credits its invoices through it. */
export interface OpenContract {
  /** Adds the contract-balance lines of one of its invoices (instead of revenue); `net` in document currency. */
  credit(invoiceId: string, lines: Lines, net: number): void;
}

export interface ContractBook {
  /** The service lines sold with a goods order worth `value` (company minor units), or none. */
  bundle(soId: string, value: number): Bundle | undefined;
  /** When each line of a bundle is rendered, given the goods' first delivery (in the bundle's line order). */
  timing(soId: string, bundle: Bundle, firstDelivery: number): BundleTiming[];
  open(order: ContractOrder): OpenContract;
  /** Posts the contract's revenue from its schedule (within the scenario) and records the contract. */
  close(contract: OpenContract): void;
  /** What the block hands the provider's state slices. */
  deltas(): Deltas;
}

/** Expected credit losses: write-offs use the allowance the accounting_standards phase keeps. */
export const CREDIT_LOSSES = "credit_losses";

export interface CreditLosses {
  /** The account a bad-debt write-off debits, or undefined for the default (bad debt expense). */
  writeOffAccount(cx: RunContext): Account | undefined;
}

/**
 * Asset valuation after impairment: the accounting_standards phase provides it, period_close asks
 * for the month's depreciation and the register's net book value, which follow the carrying
 * amount an impairment left.
 */
export const ASSET_VALUATION = "asset_valuation";

export interface AssetValuation {
  /** Planned depreciation of an asset (index in the register) in a month (monthIndexOfDay). */
  depreciation(cx: RunContext, state: RunState, company: CompanyInfo, asset: number, month: number): number;
  /** Net book value at the end of a month, after the impairments of that month. */
  netBookValue(cx: RunContext, state: RunState, company: CompanyInfo, asset: number, month: number): number;
}

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
  /** The conversion cost (labour and machine time at standard) production plans to absorb in plan year 0, company minor units (budgets ask it). */
  plannedConversion?(cx: RunContext, c: CompanyInfo): number;
}

/** A goods receipt offered to the incoming inspection. */
export interface ReceiptLot {
  id: string;
  materialIndex: number;
  vendorIndex: number;
  day: number;
  qty: number;
}

/**
 * People on the payroll beyond the master (the anomalies phase's ghost employees): hr asks and
 * pays them through its normal pay runs, postings and payables, at the position of the master
 * they are listed under; they keep no time entries and file no expense reports. Without a
 * provider hr pays the master and its replacements only.
 */
export const PAYROLL_EXTRAS = "payroll_extras";

export interface PayrollExtra<E> {
  /** The employee record (master data's Employee), as the employees table shows it: an index beyond the master and its replacements. */
  record: E;
  /** First day paid (the record's hire date). */
  hireDay: number;
}

export interface PayrollExtras<E> {
  /** The extra people listed under position `position` of a company's master (usually none). */
  extras(cx: RunContext, c: CompanyInfo, position: number): readonly PayrollExtra<E>[];
}

/**
 * Service orders a colluding vendor takes at an inflated invoice price (the anomalies phase's
 * kickback scheme): transactions asks once per block of purchased services, orders the listed
 * ones from the named vendor and invoices them above the order price by the markup, unblocked
 * and paid in one full payment without cash discount, through its normal posting, payment and
 * open-item code. Without a provider no order is marked up.
 */
export const PURCHASE_KICKBACKS = "purchase_kickbacks";

export interface KickbackOrder {
  /** The colluding vendor (index in the company's vendor master). */
  vendorIndex: number;
  /** Invoice price over the order price, as a fraction (0.05 = 5% above). */
  markup: number;
}

export interface PurchaseKickbacks {
  /** Of a block's service orders (order numbers, in order), the ones marked up, by order number. */
  orders(cx: RunContext, c: CompanyInfo, block: number, seqs: readonly number[]): ReadonlyMap<number, KickbackOrder>;
}
