// Record specs of the document flows: procure-to-pay and order-to-cash documents, the links
// between them, and the subledgers they feed (open items, inventory).
import { c, MONEY_DECIMAL, table } from "./table.ts";

const company = c.id("company code");
const journal = c.optional(c.id("journal entry that posted this document (empty if it posts nothing)"));

export const purchaseOrders = table("purchase_orders", "purchase orders (one item each)", {
  company_code: company,
  po_id: c.id("purchase order id"),
  vendor_id: c.id("vendor"),
  material_id: c.id("material or service item"),
  order_date: c.date("order date"),
  quantity: c.int("ordered quantity"),
  unit_price: c.decimal("agreed price per unit, in the order currency", MONEY_DECIMAL),
  currency: c.id("order (document) currency"),
  net_amount: c.money("quantity x unit price, in the order currency"),
  is_service: c.bool("a service order (received as a service entry, expensed)"),
  status: c.id("closed (fully invoiced), open, or cut_off (still open at the scenario end)"),
  promised_date: c.date("delivery date the vendor confirmed (later receipts are late deliveries)"),
  contract_id: c.optional(c.id("the purchasing contract it is priced from, or the one its category is awarded under when bought off contract (source_to_contract)")),
  off_contract: c.bool("bought from another vendor or at another price although a contract covers the material (maverick buying)"),
}, { documents: { purchase_order: "po_id" } });

export const goodsReceipts = table("goods_receipts", "goods receipts and service entries against purchase orders", {
  company_code: company,
  gr_id: c.id("goods receipt id"),
  po_id: c.id("purchase order"),
  material_id: c.id("material"),
  receipt_date: c.date("posting date of the receipt"),
  quantity: c.int("received quantity"),
  returned_quantity: c.int("units returned to the vendor after the incoming inspection (quality_inspections); the vendor invoices the rest"),
  inventory_value: c.money("debit to inventory (standard cost) or expense, company currency"),
  gr_ir_value: c.money("credit to GR/IR (order price), company currency"),
  is_partial: c.bool("one of several partial deliveries"),
  journal_document_id: journal,
}, { documents: { goods_receipt: "gr_id" } });

export const vendorInvoices = table("vendor_invoices", "vendor invoices, matched three ways against order and receipt", {
  company_code: company,
  invoice_id: c.id("invoice id"),
  vendor_id: c.id("vendor"),
  po_id: c.optional(c.id("purchase order (empty for invoices open at the scenario start)")),
  gr_id: c.optional(c.id("goods receipt it matches (empty for invoices open at the scenario start)")),
  invoice_date: c.date("document date"),
  posting_date: c.date("posting date"),
  due_date: c.date("net due date from the vendor's payment terms"),
  discount_date: c.optional(c.date("last day for the cash discount")),
  currency: c.id("invoice currency"),
  net_amount: c.money("net, invoice currency"),
  tax_amount: c.money("input tax, invoice currency"),
  gross_amount: c.money("gross, invoice currency"),
  company_amount: c.money("gross in company currency at the posting-date rate"),
  variance_type: c.id("none, price or quantity"),
  variance_amount: c.money("invoice minus order/receipt value, invoice currency (signed)"),
  payment_block: c.bool("blocked for payment: the variance is outside the match tolerance"),
  block_released_date: c.optional(c.date("day the blocked invoice was released after review; payments come after it (empty when not blocked)")),
  journal_document_id: journal,
}, { documents: { vendor_invoice: "invoice_id" } });

export const payments = table("payments", "outgoing payments to vendors (full, partial and remainder)", {
  company_code: company,
  payment_id: c.id("payment id"),
  invoice_id: c.id("invoice paid"),
  vendor_id: c.id("vendor"),
  payment_date: c.date("value date"),
  currency: c.id("payment currency (= invoice currency)"),
  amount: c.money("amount paid, payment currency"),
  discount_amount: c.money("cash discount taken, payment currency"),
  company_amount: c.money("amount paid in company currency"),
  exchange_rate: c.decimal("payment currency -> company currency"),
  kind: c.id("full, partial or remainder"),
  journal_document_id: journal,
}, { documents: { payment: "payment_id" } });

export const salesOrders = table("sales_orders", "sales orders (one item each)", {
  company_code: company,
  so_id: c.id("sales order id"),
  customer_id: c.id("customer"),
  material_id: c.id("material"),
  order_date: c.date("order date"),
  quantity: c.int("ordered quantity"),
  unit_price: c.decimal("price per unit, order currency", MONEY_DECIMAL),
  currency: c.id("order currency"),
  net_amount: c.money("order value, order currency"),
  credit_check: c.id("passed; released (over the customer's credit limit, released by credit management before delivery); or blocked (over the limit and rejected: never delivered)"),
  status: c.id("closed, open, backordered, credit_blocked or cut_off"),
}, { documents: { sales_order: "so_id" } });

export const deliveries = table("deliveries", "outbound deliveries (goods issues) against sales orders", {
  company_code: company,
  delivery_id: c.id("delivery id"),
  so_id: c.id("sales order"),
  material_id: c.id("material"),
  delivery_date: c.date("goods issue date"),
  quantity: c.int("delivered quantity"),
  cost_value: c.money("cost of goods sold at standard cost, company currency"),
  is_backorder: c.bool("delivers a quantity that was backordered"),
  journal_document_id: journal,
}, { documents: { delivery: "delivery_id" } });

export const customerInvoices = table("customer_invoices", "customer invoices (billing documents)", {
  company_code: company,
  invoice_id: c.id("invoice id"),
  customer_id: c.id("customer"),
  so_id: c.optional(c.id("sales order (empty for invoices open at the scenario start)")),
  delivery_id: c.optional(c.id("delivery billed (empty for invoices open at the scenario start)")),
  invoice_date: c.date("invoice and posting date"),
  due_date: c.date("net due date"),
  currency: c.id("invoice currency"),
  net_amount: c.money("net, invoice currency"),
  tax_amount: c.money("output tax, invoice currency"),
  gross_amount: c.money("gross, invoice currency"),
  company_amount: c.money("gross in company currency"),
  journal_document_id: journal,
}, { documents: { customer_invoice: "invoice_id" } });

export const customerReceipts = table("customer_receipts", "incoming payments and bad-debt write-offs", {
  company_code: company,
  receipt_id: c.id("receipt or write-off id"),
  invoice_id: c.id("invoice settled"),
  customer_id: c.id("customer"),
  receipt_date: c.date("value date"),
  currency: c.id("invoice currency"),
  amount: c.money("amount settled, invoice currency"),
  company_amount: c.money("amount in company currency"),
  exchange_rate: c.decimal("invoice currency -> company currency"),
  days_late: c.int("days after the due date (0 if on time)"),
  kind: c.id("full, partial, remainder or write_off"),
  journal_document_id: journal,
}, { documents: { customer_receipt: "receipt_id", write_off: "receipt_id" } });

export const documentReferences = table("document_references", "links between documents: the document flow", {
  company_code: company,
  from_document_id: c.id("earlier document"),
  from_type: c.id("purchase_order, goods_receipt, vendor_invoice, sales_order, delivery, customer_invoice, ..."),
  to_document_id: c.id("later document"),
  to_type: c.id("type of the later document"),
  relation: c.id("received_as, invoiced_as, paid_by, delivered_as, billed_as, settled_by, posted_as"),
});

const openItem = {
  company_code: company,
  fiscal_year: c.int("fiscal year of the period end"),
  fiscal_period: c.int("fiscal period"),
  period_end: c.date("the cut-off: the item is open at the end of this day"),
  invoice_id: c.id("invoice"),
  partner_id: c.id("vendor or customer"),
  invoice_date: c.date("invoice date"),
  due_date: c.date("due date"),
  currency: c.id("invoice currency"),
  open_amount: c.money("open amount, invoice currency"),
  open_amount_company: c.money("open amount in company currency (revalued at the period-end rate when foreign)"),
  days_overdue: c.int("days past due at the period end (0 if not due)"),
  aging_bucket: c.id("current, 1-30, 31-60, 61-90 or over_90"),
};

export const apOpenItems = table("ap_open_items", "accounts payable open items at every period end", {
  ...openItem,
  payment_block: c.bool("blocked for payment"),
});

export const arOpenItems = table("ar_open_items", "accounts receivable open items at every period end", {
  ...openItem,
  dunning_level: c.int("0 none, 1-3 reminders sent by the period end"),
});

export const inventoryMovements = table("inventory_movements", "stock movements per material at standard cost", {
  company_code: company,
  movement_id: c.id("movement id"),
  material_id: c.id("material"),
  movement_date: c.date("posting date"),
  movement_type: c.id("opening, receipt, issue, return_to_vendor; with manufacturing also production_issue, production_receipt and count_difference"),
  quantity: c.int("signed quantity (+ in, - out)"),
  value: c.money("signed value at standard cost, company currency"),
  reference_document_id: c.id("goods receipt, delivery, opening balance, quality inspection (returns), production order or cycle count document"),
});
