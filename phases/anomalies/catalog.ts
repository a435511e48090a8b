// The anomaly taxonomy: every injectable type, what its mutation does, where it lands and how a
// detector finds it. Metadata only (the mutations are in entries/*.ts and chains.ts); docs and
// labels are derived from this list, so a type is described once.

export const CATEGORIES = ["fraud", "error", "process", "statistical", "relational"] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * What carries a type: standalone journal entries of the transactions phase (`entries`),
 * purchased-service chains (`procure_to_pay`: order, service entry, invoice, payment), or the
 * data-quality copy of the journal (`dirty`: integrity-breaking errors, never in the clean tables),
 * or the hr phase's payroll (`payroll`: a share of the employee master, only when hr runs).
 */
export type Carrier = "entries" | "procure_to_pay" | "dirty" | "payroll";

/** Fields a mutation changes: two anomalies share a document only when these do not overlap. */
export type Touch = "amounts" | "accounts" | "dates" | "time" | "approval" | "poster" | "text" | "cost_center" | "structure" | "partner" | "source";

export interface AnomalyType {
  id: string;
  category: Category;
  /** 1 (cosmetic) to 5 (material fraud). */
  severity: number;
  carrier: Carrier;
  /** Default share of `rate` among the listed types. */
  weight: number;
  /** Most a type can take of its carrier's documents (compile check; block caps). */
  cap: number;
  /**
   * Periods whose documents are eligible: every period; all but the last (the mutation posts
   * into the next); or those at least two before the end (a payment is made a month or two
   * after its invoice, so only their invoices are paid within the scenario).
   */
  periods?: "not_last" | "paid" | "quarter_end";
  /**
   * A second part in another block, planned with the first: the reversal in the next period's
   * first entries (channel stuffing), or the partner company's side in the same period (round trip).
   */
  pairs?: "next_period" | "partner_company";
  /** Weight of quarter-end periods relative to the others (beyond the phase's period_end). */
  quarterEnd?: number;
  /** A multi-step scheme: each cluster is one scheme, its anomalies close together in time. */
  scheme?: boolean;
  /** Documents one anomaly occupies (split transactions and duplicates take more than one). */
  slots?: number;
  touches: readonly Touch[];
  /** How well the detection predicate separates it: easy (near-perfect), medium, hard. */
  difficulty: "easy" | "medium" | "hard";
  /** Monetary impact: the change in the document's total, or the whole amount at risk. */
  impact: "delta" | "total";
  mutation: string;
  detection: string;
  /** An invariant of testing/ the type breaks on purpose, and why (verifyLabelled exempts exactly these). */
  breaks?: { check: string; why: string };
  /** The reference system's names this type covers. */
  reference?: string;
}

const T = (t: AnomalyType) => t;

export const ANOMALY_CATALOG: readonly AnomalyType[] = [
  // ---------- fraud ----------
  T({ id: "self_approval", category: "fraud", severity: 4, carrier: "entries", weight: 1.5, cap: 0.02, touches: ["approval", "amounts"], difficulty: "easy", impact: "total", reference: "SelfApproval",
    mutation: "a manual entry that needs approval is approved by its own poster (a smaller one is first raised above the approval threshold)",
    detection: "approved_by = posted_by" }),
  T({ id: "exceeded_approval_limit", category: "fraud", severity: 4, carrier: "entries", weight: 1.5, cap: 0.02, touches: ["approval", "amounts"], difficulty: "easy", impact: "total", reference: "ExceededApprovalLimit",
    mutation: "a manual entry that needs approval is approved by a colleague without approval authority (an accountant: limit 0)",
    detection: "approved_by's approval_limit (users) < the entry's debits" }),
  T({ id: "segregation_of_duties", category: "fraud", severity: 4, carrier: "entries", weight: 1, cap: 0.02, touches: ["poster", "approval"], difficulty: "easy", impact: "total", reference: "SegregationOfDuties",
    mutation: "an approver (a U<company>-ANN user) posts a manual entry herself; another approver approves it when it needs approval",
    detection: "posted_by is an approver (role cfo, controller or accounting_manager)" }),
  T({ id: "just_below_threshold", category: "fraud", severity: 3, carrier: "entries", weight: 2.5, cap: 0.02, touches: ["amounts", "approval"], difficulty: "medium", impact: "delta", reference: "JustBelowThreshold",
    mutation: "a manual entry's amount is set to 90-99.9% of the approval threshold, so it needs no approval",
    detection: "manual entry with debits in [90%, 100%) of the company's approval threshold" }),
  T({ id: "split_transaction", category: "fraud", severity: 4, carrier: "entries", weight: 1.5, cap: 0.01, slots: 3, touches: ["structure"], difficulty: "medium", impact: "total",
    mutation: "one purchase above the approval threshold is posted as 2-3 entries of the same poster, day, account and text, each just below the threshold (76-99.5% of it; a purchase of 1.64-1.94 or 2.46-2.91 times the threshold is split as it is, else a purchase of 1.64-1.94 times it takes the entry's place; the parts take the places of other entries of the block)",
    detection: "two or more manual entries of one poster on one day to the same account, each in [75%, 100%) of the approval threshold" }),
  T({ id: "duplicate_payment", category: "fraud", severity: 4, carrier: "procure_to_pay", weight: 2, cap: 0.03, periods: "paid", touches: ["structure"], difficulty: "easy", impact: "total", reference: "DuplicatePayment",
    mutation: "a vendor invoice paid in full is paid a second time in a later payment run (payments -A and -B, both full; AP shows the vendor's debit balance as a negative open item until the scenario ends)",
    detection: "an invoice with payments adding up to more than its gross amount",
    breaks: { check: "overpaid", why: "the invoice is paid twice: that is the anomaly" } }),
  T({ id: "ghost_vendor", category: "fraud", severity: 5, carrier: "procure_to_pay", weight: 0.5, cap: 0.02, scheme: true, touches: ["structure", "partner"], difficulty: "medium", impact: "total", reference: "FictitiousVendor",
    mutation: "an unused (inactive) vendor record becomes a new active vendor with a new name and a new bank account; service purchases of 1-3 periods are ordered from, invoiced by and paid to it (one scheme per ghost vendor)",
    detection: "purchases from a vendor the master data created inactive: reactivated, renamed and paid to a new bank account, with no purchase before its first invoice (new_counterparty shares the first half of the signal)" }),
  T({ id: "kickback", category: "fraud", severity: 5, carrier: "procure_to_pay", weight: 0.5, cap: 0.05, periods: "not_last", scheme: true, touches: ["amounts", "partner"], difficulty: "medium", impact: "delta", reference: "Kickback",
    mutation: "one colluding vendor per company (a services vendor) and one approver: service orders spread over the scenario go to that vendor and are invoiced 5-15% above the order price; the invoice is let through unblocked (the approver named in the labels) and paid as the order it replaces would have been (its currency, terms and payment plan), through the normal posting, payment and open-item code: the invoice entry carries the price-variance line and the larger AP credit, the payment, vendor_invoices, payments, ap_open_items, the AP subledger and ageing and source_to_contract's price deviations all include it and still reconcile (listed explicitly, not a default type)",
    detection: "a vendor invoice with an upward price variance beyond the match tolerance that is not payment-blocked (repeatedly from the same vendor)" }),
  T({ id: "ghost_employee", category: "fraud", severity: 5, carrier: "payroll", weight: 0.5, cap: 0.02, scheme: true, touches: ["structure"], difficulty: "easy", impact: "total", reference: "GhostEmployee",
    mutation: "a fictitious salaried employee is hired during the scenario into the position of an employee who left before it (that job, cost center and pay, a new name, the number a hire there gets, no manager) and paid through the normal pay runs until the end: pay lines, run totals, payroll postings and payables include it and still reconcile; it keeps no time entries and files no expense reports (needs hr; a share of the employee master, at most one per position left before the scenario; none without hr)",
    detection: "an employee hired during the scenario without a manager (and paid every run with no time entries and no expense reports; salaried even where the department's frontline staff are paid by the hour)" }),
  T({ id: "revenue_manipulation", category: "fraud", severity: 5, carrier: "entries", weight: 0.5, cap: 0.02, quarterEnd: 3, touches: ["structure"], difficulty: "easy", impact: "total", reference: "RevenueManipulation",
    mutation: "an entry's place is taken by a manual entry in the last three working days of the period booking revenue (2-6 times the replaced event's median) against accrued income (prepaid expenses and accrued income), with no customer and no cash",
    detection: "a manual entry (document type SA) crediting a revenue account" }),
  T({ id: "improper_capitalization", category: "fraud", severity: 4, carrier: "entries", weight: 1, cap: 0.05, touches: ["accounts"], difficulty: "easy", impact: "total", reference: "ImproperCapitalization",
    mutation: "the expense lines of an ordinary-sized expense paid from the bank are booked to prepaid expenses (an asset), lifting profit; fixed assets are left alone so the asset register still reconciles",
    detection: "an SA entry paid from the bank that debits prepaid expenses" }),
  T({ id: "fictitious_entry", category: "fraud", severity: 5, carrier: "entries", weight: 1, cap: 0.05, touches: ["structure"], difficulty: "easy", impact: "total", reference: "FictitiousEntry",
    mutation: "an entry's place is taken by a manual entry with no business behind it: an operating expense (1-4 times the replaced event's median) against accrued liabilities, at a month end",
    detection: "an SA entry crediting accrued liabilities (accruals proper are document type AC)" }),
  T({ id: "channel_stuffing", category: "fraud", severity: 5, carrier: "entries", weight: 0.5, cap: 0.01, periods: "quarter_end", pairs: "next_period", scheme: true, touches: ["structure"], difficulty: "medium", impact: "total", reference: "RevenueManipulation (multi-step)",
    mutation: "in the last working days of a quarter a manual sale to a distributor books product revenue against accrued income (no delivery, no customer invoice); in the first days of the next period it is reversed as a return: two entries of one scheme, in the places of two other entries",
    detection: "a manual (SA) entry on a product revenue account: a credit in the last days of a quarter, and its debit (same amount) in the first days of the next period" }),
  // ---------- error ----------
  T({ id: "duplicate_entry", category: "error", severity: 3, carrier: "entries", weight: 2, cap: 0.05, slots: 2, touches: ["structure"], difficulty: "easy", impact: "total", reference: "DuplicateEntry",
    mutation: "an entry is posted a second time (same lines, poster and text, 0-3 days later in the same period) in the place of another entry of the block",
    detection: "two entries of a company with the same lines (accounts, cost centers and amounts) within 5 days" }),
  T({ id: "reversed_amount", category: "error", severity: 3, carrier: "entries", weight: 1.5, cap: 0.05, touches: ["amounts"], difficulty: "easy", impact: "total", reference: "ReversedAmount",
    mutation: "every line's debit and credit are swapped (an entry of ordinary size): an expense paid becomes money received and an expense credit",
    detection: "an expense event (rent, utilities, ...) whose expense lines are credits" }),
  T({ id: "transposed_digits", category: "error", severity: 2, carrier: "entries", weight: 2.5, cap: 0.1, touches: ["amounts"], difficulty: "hard", impact: "delta", reference: "TransposedDigits",
    mutation: "two adjacent digits of the entry's amount are swapped on every line it is on (the payment went out wrong too)",
    detection: "amount minus the median of its event in the block divisible by 9, as every digit transposition is: weak without the source document" }),
  T({ id: "decimal_error", category: "error", severity: 3, carrier: "entries", weight: 1.5, cap: 0.1, touches: ["amounts"], difficulty: "hard", impact: "delta", reference: "DecimalError",
    mutation: "the decimal point slips one place: every amount of an ordinary-sized entry times 10 or divided by 10",
    detection: "the amount is 8-12 times, or 1/12-1/8 of, the median amount of its event in the block" }),
  T({ id: "wrong_period", category: "error", severity: 3, carrier: "entries", weight: 2, cap: 0.1, periods: "not_last", touches: ["dates"], difficulty: "easy", impact: "total", reference: "WrongPeriod",
    mutation: "an entry of the period (one dated in its last 12 days first) is posted in the first days of the next period (document date unchanged): a cut-off error",
    detection: "document_date in an earlier fiscal period than posting_date" }),
  T({ id: "backdated_entry", category: "error", severity: 3, carrier: "entries", weight: 1.5, cap: 0.1, touches: ["dates"], difficulty: "easy", impact: "total", reference: "Backdated",
    mutation: "the document date is moved 30-90 days before the posting date",
    detection: "posting_date - document_date > 25 days" }),
  T({ id: "future_dated", category: "error", severity: 2, carrier: "entries", weight: 0.5, cap: 0.1, touches: ["dates"], difficulty: "easy", impact: "total", reference: "FutureDated",
    mutation: "the document date is 5-40 days after the posting date",
    detection: "document_date > posting_date" }),
  T({ id: "misclassified", category: "error", severity: 2, carrier: "entries", weight: 2, cap: 0.1, touches: ["accounts"], difficulty: "easy", impact: "total", reference: "Misclassified",
    mutation: "the expense lines are booked to another operating expense (rent to marketing, travel to IT, ...)",
    detection: "an expense line whose account's role is not the one its business_event books" }),
  T({ id: "wrong_cost_center", category: "error", severity: 1, carrier: "entries", weight: 2.5, cap: 0.1, touches: ["cost_center"], difficulty: "hard", impact: "total", reference: "WrongCostCenter",
    mutation: "the cost center of every expense line moves to another cost center of the company",
    detection: "weak: a cost center the account rarely receives (fewer than 2% of the account's lines in the company and period)" }),
  T({ id: "rounding_error", category: "error", severity: 1, carrier: "entries", weight: 3, cap: 0.1, touches: ["amounts"], difficulty: "medium", impact: "delta", reference: "Rounding",
    mutation: "the tax line is rounded to whole currency units (the bank line follows); entries without tax lose their cents",
    detection: "a tax line that is not round(net x the company's tax rate), or an entry with no cents whose event is never round" }),
  T({ id: "currency_error", category: "error", severity: 3, carrier: "entries", weight: 1, cap: 0.05, touches: ["amounts"], difficulty: "easy", impact: "total", reference: "Currency",
    mutation: "the entry's document currency is another currency of the group (EUR or USD if the group has one) but it was converted at 1: document and company amounts are equal",
    detection: "document_currency != currency and exchange_rate = 1",
    breaks: { check: "fx-rate", why: "the wrong rate is the error itself" } }),
  T({ id: "reversed_entry", category: "error", severity: 2, carrier: "entries", weight: 1, cap: 0.05, slots: 2, touches: ["structure"], difficulty: "easy", impact: "total",
    mutation: "an entry is reversed without reason (same lines, debits and credits swapped, 1-3 working days later in the same period) in the place of another entry of the block",
    detection: "two entries of a company whose lines cancel out (same accounts, cost centers and amounts, opposite sides)" }),
  T({ id: "unbalanced_entry", category: "error", severity: 4, carrier: "dirty", weight: 0.5, cap: 0.05, touches: ["amounts"], difficulty: "easy", impact: "delta", reference: "Unbalanced",
    mutation: "in the as-extracted copy only: one line's amount is changed, so the entry no longer balances",
    detection: "sum of debits != sum of credits per document" }),
  T({ id: "invalid_account", category: "error", severity: 4, carrier: "dirty", weight: 1, cap: 0.05, touches: ["accounts"], difficulty: "easy", impact: "total", reference: "InvalidAccount",
    mutation: "in the as-extracted copy only: one line posts to an account number that is not in the chart (or to a group account)",
    detection: "account_number not a posting account of chart_of_accounts" }),
  T({ id: "missing_field", category: "error", severity: 3, carrier: "dirty", weight: 3, cap: 0.05, touches: ["text"], difficulty: "easy", impact: "total", reference: "MissingField",
    mutation: "in the as-extracted copy only: a required field of one line (account, posting date, amount side, currency) is empty",
    detection: "a required column is empty" }),
  T({ id: "broken_reference", category: "error", severity: 3, carrier: "dirty", weight: 1, cap: 0.05, touches: ["partner"], difficulty: "easy", impact: "total", reference: "MissingRelationship (integrity)",
    mutation: "in the as-extracted copy only: a line's cost center or partner names a record that does not exist",
    detection: "cost_center / partner_id not found in cost_centers / vendors, customers, employees" }),
  // ---------- process ----------
  T({ id: "missing_approval", category: "process", severity: 3, carrier: "entries", weight: 1.5, cap: 0.02, touches: ["approval", "amounts"], difficulty: "easy", impact: "total", reference: "SkippedApproval",
    mutation: "a manual entry that needs approval has none (approved_by and approved_at empty); a smaller one is first raised above the threshold",
    detection: "manual entry with debits >= the approval threshold and no approved_by" }),
  T({ id: "late_approval", category: "process", severity: 2, carrier: "entries", weight: 2.5, cap: 0.02, touches: ["approval", "amounts"], difficulty: "easy", impact: "total", reference: "LateApproval",
    mutation: "the approval is given 2-15 days after the posting",
    detection: "date of approved_at after posting_date" }),
  T({ id: "skipped_approval", category: "process", severity: 2, carrier: "entries", weight: 1, cap: 0.02, touches: ["approval", "amounts", "time"], difficulty: "easy", impact: "total", reference: "IncompleteApprovalChain",
    mutation: "the entry is posted before it is approved: the approval follows later the same day",
    detection: "approved_at later than posting_date + posting_time on the same day" }),
  T({ id: "after_hours_posting", category: "process", severity: 2, carrier: "entries", weight: 2, cap: 0.05, touches: ["time", "approval"], difficulty: "medium", impact: "total", reference: "AfterHours",
    mutation: "a manual entry is posted between 22:00 and 05:59",
    detection: "a person posts outside 07:00-20:00 (people work late now and then: natural ones exist)" }),
  T({ id: "weekend_posting", category: "process", severity: 2, carrier: "entries", weight: 1.5, cap: 0.05, touches: ["dates"], difficulty: "medium", impact: "total", reference: "Weekend",
    mutation: "the entry is posted (and dated) on a Saturday or Sunday of the same period; entries without a bank or cash line (reallocations) are taken first, and only when a block has none left does a bank line move on a day banks are closed",
    detection: "posting_date on a Saturday or Sunday (interfaces and point-of-sale takings post on weekends too)",
    breaks: { check: "bank-holiday", why: "only when a block has no reallocation left: a bank-paid entry posted on a weekend moves the bank on a weekend" } }),
  T({ id: "rushed_period_end", category: "process", severity: 2, carrier: "entries", weight: 2, cap: 0.05, touches: ["dates", "time", "approval"], difficulty: "medium", impact: "total", reference: "RushedPeriodEnd",
    mutation: "a manual entry is posted on the last day of the period after 20:00, approved within minutes when it needs approval",
    detection: "a person posts on the last day of the period after 20:00" }),
  T({ id: "manual_override", category: "process", severity: 3, carrier: "entries", weight: 1, cap: 0.1, touches: ["source", "poster", "time", "approval"], difficulty: "hard", impact: "total", reference: "ManualOverride",
    mutation: "an interface or point-of-sale entry (else an automated entry) is overridden by hand: source manual, posted by a person",
    detection: "an event only interfaces post (cash_sale, service_fee) with source manual; in industries without such entries (manufacturing) the override falls on an automated expense entry, which then looks like any manual one" }),
  T({ id: "vague_description", category: "process", severity: 1, carrier: "entries", weight: 4, cap: 0.1, touches: ["text"], difficulty: "easy", impact: "total", reference: "VagueDescription",
    mutation: "the line texts say nothing (Misc, Adjustment, Per discussion, ...)",
    detection: "line_text in the list of vague texts" }),
  T({ id: "late_posting", category: "process", severity: 2, carrier: "entries", weight: 3.5, cap: 0.1, touches: ["dates"], difficulty: "medium", impact: "total", reference: "LatePosting",
    mutation: "the entry is posted 10-25 days after its document date (later in the same period)",
    detection: "posting_date - document_date between 8 and 25 days" }),
  T({ id: "missing_documentation", category: "process", severity: 2, carrier: "procure_to_pay", weight: 3, cap: 0.05, touches: ["text"], difficulty: "easy", impact: "total", reference: "MissingDocumentation",
    mutation: "a vendor invoice's journal entry lost its source document (source_document_id and source_document_type empty)",
    detection: "an RE entry without source_document_id" }),
  // ---------- statistical ----------
  T({ id: "round_amount", category: "statistical", severity: 2, carrier: "entries", weight: 2, cap: 0.1, touches: ["amounts"], difficulty: "hard", impact: "delta", reference: "RoundDollarManipulation",
    mutation: "the entry's total becomes a round figure (a multiple of 1,000, or 100 below 10,000)",
    detection: "total a multiple of 100 currency units (natural round amounts exist: round_share)" }),
  T({ id: "unusually_high_amount", category: "statistical", severity: 3, carrier: "entries", weight: 2, cap: 0.1, touches: ["amounts"], difficulty: "medium", impact: "delta", reference: "UnusuallyHigh",
    mutation: "an entry of ordinary size (at most 1.5 times its event's median) becomes 5-10 times the median of its event",
    detection: "total > 4 times the median of its event in the block" }),
  T({ id: "unusually_low_amount", category: "statistical", severity: 2, carrier: "entries", weight: 1.5, cap: 0.1, touches: ["amounts"], difficulty: "hard", impact: "delta", reference: "UnusuallyLow",
    mutation: "every amount of the entry times 2-10% (a low amount, never a higher one)",
    detection: "total < 1/8 of the median of its event in the block" }),
  T({ id: "amount_outlier", category: "statistical", severity: 3, carrier: "entries", weight: 2, cap: 0.05, touches: ["amounts"], difficulty: "medium", impact: "delta", reference: "StatisticalOutlier",
    mutation: "an entry of ordinary size becomes 25-50 times the median of its event: far beyond the event's usual range, yet a local misstatement, not a company-sized one",
    detection: "total more than 20 times the median of its event in the block (heavy-tailed amounts cross it naturally now and then)" }),
  T({ id: "benford_violation", category: "statistical", severity: 2, carrier: "entries", weight: 2.5, cap: 0.1, touches: ["amounts"], difficulty: "hard", impact: "delta", reference: "BenfordViolation",
    mutation: "the amounts of one poster's entries start with 7, 8 or 9 (the same digits, scaled into the entry's order of magnitude)",
    detection: "first digit 7-9 by a poster whose first digits deviate from Benford's law (weak for a single entry)" }),
  T({ id: "exact_duplicate_amount", category: "statistical", severity: 2, carrier: "entries", weight: 2, cap: 0.1, touches: ["amounts"], difficulty: "medium", impact: "delta", reference: "ExactDuplicateAmount",
    mutation: "the total equals, to the cent, the total of another entry of a different event in the block",
    detection: "two entries of different events with the same total (in the company and period)" }),
  T({ id: "repeating_amount", category: "statistical", severity: 2, carrier: "entries", weight: 1.5, cap: 0.05, touches: ["amounts"], difficulty: "hard", impact: "delta", reference: "RepeatingAmount",
    mutation: "the anomalies of a cluster all carry the same total",
    detection: "three or more entries of a company and period with the same total" }),
  T({ id: "unusual_frequency", category: "statistical", severity: 2, carrier: "entries", weight: 2, cap: 0.05, touches: ["poster", "approval"], difficulty: "hard", impact: "total", reference: "UnusualFrequency",
    mutation: "the poster of manual entries becomes the cluster's one user, who then posts far more than colleagues",
    detection: "a poster with more than 3 times the mean manual entries per poster in the block" }),
  T({ id: "transaction_burst", category: "statistical", severity: 2, carrier: "entries", weight: 1.5, cap: 0.05, touches: ["dates"], difficulty: "hard", impact: "total", reference: "TransactionBurst",
    mutation: "the block's anomalies of this type all move to one day of the period",
    detection: "a day with more than 4 times the block's mean entries per day" }),
  T({ id: "unusual_timing", category: "statistical", severity: 2, carrier: "entries", weight: 3, cap: 0.05, touches: ["dates"], difficulty: "medium", impact: "total", reference: "UnusualTiming",
    mutation: "the entry is posted on a public holiday of the company's country in the period (or, with none, on a Sunday); entries without a bank or cash line (reallocations) are taken first",
    detection: "posting_date a public holiday or Sunday (holiday_weight lets some through naturally)",
    breaks: { check: "bank-holiday", why: "only when a block has no reallocation left: a bank line posted on a holiday moves the bank on a day it is closed" } }),
  T({ id: "trend_break", category: "statistical", severity: 2, carrier: "entries", weight: 1, cap: 0.05, touches: ["amounts"], difficulty: "hard", impact: "delta", reference: "TrendBreak",
    mutation: "within its cluster, an event's ordinary-sized amounts run 40-80% higher",
    detection: "weak for a single entry: total above 1.4 times the median of its event in the block" }),
  // ---------- relational ----------
  T({ id: "unusual_account_pair", category: "relational", severity: 3, carrier: "entries", weight: 2.5, cap: 0.1, touches: ["accounts"], difficulty: "easy", impact: "total", reference: "UnusualAccountPair",
    mutation: "the bank side of a payment (or receipt) becomes a revenue account (or an operating expense): an operating expense credited to revenue, revenue debited to an expense",
    detection: "an entry that debits an operating expense and credits revenue, or the reverse" }),
  T({ id: "dormant_account", category: "relational", severity: 3, carrier: "entries", weight: 2, cap: 0.1, touches: ["accounts"], difficulty: "easy", impact: "total", reference: "DormantAccountActivity",
    mutation: "the expense (or revenue) lines post to an account no generator has ever posted to: freight in (or other operating income)",
    detection: "a line on an account with no postings in the periods before" }),
  T({ id: "new_counterparty", category: "relational", severity: 3, carrier: "procure_to_pay", weight: 3, cap: 0.02, touches: ["partner"], difficulty: "medium", impact: "total", reference: "NewCounterparty",
    mutation: "a service purchase is ordered from, invoiced by and paid to an inactive vendor (is_active false in the master, same currency), never used before",
    detection: "a purchase from a vendor marked inactive" }),
  T({ id: "foreign_cost_center", category: "relational", severity: 2, carrier: "entries", weight: 1.5, cap: 0.1, touches: ["cost_center"], difficulty: "easy", impact: "total",
    mutation: "the expense lines are charged to a cost center of another company of the group",
    detection: "a cost center whose company code is not the line's company" }),
  T({ id: "payment_to_employee", category: "relational", severity: 4, carrier: "entries", weight: 1, cap: 0.05, touches: ["partner"], difficulty: "easy", impact: "total",
    mutation: "a bank-paid expense names an employee of the company as its partner: money to a person outside payroll and expenses",
    detection: "an SA entry paid from the bank whose partner is an employee" }),
  T({ id: "round_tripping", category: "relational", severity: 4, carrier: "entries", weight: 0.5, cap: 0.01, pairs: "partner_company", touches: ["structure"], difficulty: "easy", impact: "total", reference: "CircularIntercompany, CircularTransaction",
    mutation: "cash goes from one company of the group to the next and comes back 3-10 days later in the same period, booked as manual intercompany postings with no intercompany document (no intercompany_matches row): four entries, two in each company, in the places of four other entries",
    detection: "a manual (SA) entry on an intercompany receivable or payable account (intercompany documents are type IC); its legs net to zero within the period" }),
  T({ id: "invoice_without_po", category: "relational", severity: 2, carrier: "procure_to_pay", weight: 2, cap: 0.05, touches: ["partner"], difficulty: "easy", impact: "total", reference: "MissingRelationship",
    mutation: "a vendor invoice is recorded without its purchase order and receipt (po_id and gr_id empty, its invoiced_as link gone)",
    detection: "a vendor invoice dated in the scenario with no po_id" }),
];

export const TYPE_IDS = ANOMALY_CATALOG.map((t) => t.id) as [string, ...string[]];

const byId = new Map(ANOMALY_CATALOG.map((t) => [t.id, t]));

export function anomalyType(id: string): AnomalyType {
  const t = byId.get(id);
  if (!t) throw new Error(`internal: unknown anomaly type ${id}`);
  return t;
}

/** Types that go into the clean ledger by default (integrity-breaking ones need the data-quality copy; payroll ones need hr and, like kickback, are listed explicitly). */
export const DEFAULT_TYPES = ANOMALY_CATALOG.filter((t) => t.carrier !== "dirty" && t.carrier !== "payroll" && t.id !== "kickback").map((t) => t.id);

/** Vague line texts (vague_description and its detection predicate). */
export const VAGUE_TEXTS = ["Misc", "Adjustment", "Per discussion", "See attached", "Correction", "Various", "Reclass", "As agreed", "Sundry", "Other"];
