// Record specs of the core ledger: the group, its accounts and periods, the journal and the
// trial balance.
import { c, table } from "./table.ts";

export const companies = table("companies", "companies of the group", {
  company_code: c.id("company code"),
  name: c.text("legal name"),
  country: c.id("ISO 3166 country code"),
  currency: c.id("functional currency (ISO 4217)"),
  share: c.decimal("share of the group's transaction volume", { precision: 18, scale: 6 }),
});

export const chartOfAccounts = table("chart_of_accounts", "the chart of accounts (shared by all companies)", {
  account_number: c.id("account number; the first digit is the class: 1 assets, 2 liabilities, 3 equity, 4 revenue, 5-8 expenses"),
  name: c.text("account name"),
  account_type: c.id("asset, liability, equity, revenue or expense"),
  parent_number: c.optional(c.id("parent account in the hierarchy (empty for a class root)")),
  level: c.int("depth in the hierarchy: 1 class, 2 group, 3 posting account"),
  is_posting: c.bool("whether entries may post to it (false for class and group nodes)"),
  role: c.optional(c.id("the account's role in the ledger (cash, ar_control, ap_control, gr_ir, ...)")),
  normal_balance: c.id("debit or credit"),
});

export const fiscalPeriods = table("fiscal_periods", "fiscal periods of the scenario", {
  period_index: c.int("0-based index from the scenario start"),
  fiscal_year: c.int("fiscal year (named by the calendar year it ends in)"),
  fiscal_period: c.int("1-12 within the fiscal year"),
  start_date: c.date("first day"),
  end_date: c.date("last day"),
  is_quarter_end: c.bool("last period of a fiscal quarter"),
  is_year_end: c.bool("last period of the fiscal year"),
});

export const openingBalances = table("opening_balances", "opening balance sheet per company (it balances)", {
  company_code: c.id("company code"),
  as_of: c.date("the balances hold at the start of this day"),
  account_number: c.id("balance sheet account"),
  debit_amount: c.money("debit balance"),
  credit_amount: c.money("credit balance"),
  currency: c.id("company currency"),
});

/**
 * The journal's document types and what each is. The generators write exactly these (a test
 * reads their sources), the record schema accepts nothing else, and the data dictionary's
 * description of document_type is this list.
 */
export const DOCUMENT_TYPES = {
  SA: "general ledger entry (expenses paid directly, cost reallocations)",
  DR: "cash sale or service fee received",
  RV: "customer invoice",
  WL: "goods issue for a delivery",
  DZ: "incoming payment (customer receipt)",
  AB: "bad debt write-off",
  WE: "goods receipt",
  RE: "vendor invoice",
  ZP: "outgoing payment (vendor payment run)",
  PP: "production (components issued, time confirmed, goods received from production, order settled)",
  WI: "inventory count difference",
  PR: "payroll (salaries and employer costs, funding of the payroll account, net salaries paid)",
  ZT: "treasury and settlement (tax return, payroll remittance, income tax instalment, debt service, prepayment, dividend, cash deposit, credit line, shareholder loan)",
  IC: "intercompany recharge, loan, interest or settlement",
  FX: "foreign exchange revaluation of open items and its reversal",
  AF: "depreciation",
  AC: "accrual and its reversal",
  TX: "income tax provision",
  CL: "year-end closing of profit and loss",
  OB: "opening balances",
  RR: "revenue recognition from the revenue schedule (IFRS 15 / ASC 606)",
  IM: "impairment loss on property, plant and equipment (IAS 36 / ASC 360)",
  EC: "expected credit loss allowance on receivables and contract assets (IFRS 9 / CECL)",
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

export const journalEntries = table("journal_entries", "the general journal: one row per line; every document balances", {
  company_code: c.id("company code"),
  document_id: c.id("journal entry (document) id, unique in the output"),
  line_number: c.int("1-based line within the document"),
  posting_date: c.date("posting date"),
  document_date: c.date("document date (on or before the posting date)"),
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("fiscal period 1-12"),
  account_number: c.id("posting account"),
  debit_amount: c.money("debit in company currency"),
  credit_amount: c.money("credit in company currency"),
  currency: c.id("company currency"),
  document_type: c.code(DOCUMENT_TYPES, "document type"),
  source: c.id("manual, automated or recurring"),
  business_event: c.id("what happened (sale, purchase, payroll, rent, ...)"),
  posted_by: c.id("user id of the poster (U<company>-NNN people, U<company>-ANN approvers, SYS-* interfaces and batch jobs)"),
  posting_time: c.id("time of day the entry was posted, company local time (HH:MM:SS)"),
  approved_by: c.optional(c.id("user who approved the entry: manual entries from the company's approval threshold up (roles and limits: users.csv of the anomalies phase, docs/anomalies.md)")),
  approved_at: c.optional(c.id("approval timestamp, company local time (YYYY-MM-DDTHH:MM:SS): before the posting")),
  cost_center: c.optional(c.id("cost center, on expense lines")),
  partner_id: c.optional(c.id("vendor, customer or employee the line concerns")),
  line_text: c.text("line description"),
  document_currency: c.id("currency of the business document (= currency when it is the company's)"),
  document_amount: c.money("the line's amount in the document currency (on the line's debit or credit side)"),
  exchange_rate: c.decimal("document currency -> company currency rate used (1 for the company's own)"),
  source_document_id: c.optional(c.id("business document that produced the entry (purchase order, goods receipt, invoice, payment, ...)")),
  source_document_type: c.optional(c.id("its type: goods_receipt, vendor_invoice, payment, delivery, customer_invoice, customer_receipt, ...")),
}, { documents: { journal_entry: "document_id" } });

export const trialBalance = table("trial_balance", "cumulative balances per company, period and account after the period's close", {
  company_code: c.id("company code"),
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("fiscal period 1-12"),
  period_end: c.date("last day of the period"),
  account_number: c.id("account"),
  account_type: c.id("asset, liability, equity, revenue or expense"),
  period_debits: c.money("debits posted in the period"),
  period_credits: c.money("credits posted in the period"),
  debit_balance: c.money("closing balance when on the debit side, else 0.00"),
  credit_balance: c.money("closing balance when on the credit side, else 0.00"),
  currency: c.id("company currency"),
});
