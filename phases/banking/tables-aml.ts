// Record specs of the AML side: the ground truth (cases and labels at transaction, account,
// customer and relationship level), what the bank's monitoring saw (alerts, dispositions, SARs,
// KYC reviews, watchlist screening) and the reporting thresholds it worked to.
import { c, table } from "../../specs/records/table.ts";
import { SOPHISTICATION, TYPOLOGIES } from "./params.ts";

const typology = Object.fromEntries(TYPOLOGIES.map((t) => [t, t.replaceAll("_", " ")])) as Record<string, string>;
const sophistication = Object.fromEntries(SOPHISTICATION.map((s) => [s, s])) as Record<string, string>;
export const STAGES = { placement: "cash or criminal funds enter the financial system", layering: "funds move to hide their origin", integration: "funds are spent or invested as if clean" } as const;
export const ROLES = {
  none: "not involved", launderer: "launders own proceeds", smurf: "deposits cash for someone else", collector: "collects what smurfs deposit", funnel: "holds a funnel account",
  hop: "passes funds on (rapid movement)", originator: "sends funds out to bring them back", front_company: "trades to move value", mule: "receives and forwards fraud proceeds",
  controller: "receives the laundered funds", shell: "shell company", evader: "pays a sanctioned party through intermediaries", victim: "defrauded customer", unwitting_recipient: "receives cash deposits in place of an expected transfer",
} as const;

export const amlCases = table("aml_cases", "ground truth: every laundering or fraud case, with its typology, sophistication, parties and size", {
  case_id: c.id("case id, CASE-<n>"),
  typology: c.code(typology, "typology"),
  sophistication: c.code(sophistication, "sophistication"),
  start_date: c.date("first labelled transaction"),
  end_date: c.date("last labelled transaction"),
  suspicious_customers: c.int("customers of the bank taking part as perpetrators, mules, smurfs, shells or fronts"),
  victims: c.int("customers of the bank who are victims or unwitting recipients"),
  transactions: c.int("labelled transactions (rows of bank_transactions)"),
  amount: c.money("amount the case moves: money into its participants' accounts from outside them (cash, outside payers, victims) or out of them, whichever is more; hops among them count once"),
  currency: c.id("the bank's currency"),
  threshold: c.optional(c.money("cash threshold the case stays under (structuring, smurfing, cuckoo smurfing, funnel accounts)")),
  window_days: c.optional(c.int("days within which the cash deposits of one round fall")),
  fair_value: c.optional(c.money("trade-based: the goods' fair value")),
  invoiced_value: c.optional(c.money("trade-based: what was invoiced and paid")),
  partner_ref: c.optional(c.id("the scenario's master-data partner involved (trade counterparty, impersonated vendor)")),
  watchlist_entry_id: c.optional(c.id("sanctions evasion: the listed party the payments benefit")),
  description: c.text("what happens"),
});

export const amlTransactionLabels = table("aml_transaction_labels", "ground truth per transaction: one row for every transaction of a case (transactions without a row are not suspicious)", {
  transaction_id: c.id("transaction"),
  account_id: c.id("account"),
  customer_id: c.id("account owner"),
  case_id: c.id("case"),
  typology: c.code(typology, "typology"),
  stage: c.code(STAGES, "laundering stage"),
  label: c.code({ laundering: "moves criminal funds", fraud: "the payment a victim was defrauded of" }, "kind of label"),
  role: c.code(ROLES, "role of the account owner in the case"),
  step: c.int("1-based step of the case (both sides of an internal transfer share it)"),
});

export const amlCustomerLabels = table("aml_customer_labels", "ground truth per customer (every customer has a row)", {
  customer_id: c.id("customer"),
  is_suspicious: c.bool("takes part in a case as perpetrator, mule, smurf, shell or front"),
  role: c.code(ROLES, "role in its case"),
  case_id: c.optional(c.id("case")),
  typology: c.optional(c.code(typology, "typology of the case")),
  sophistication: c.optional(c.code(sophistication, "sophistication of the case")),
  kyc_truthful: c.bool("the declared source of funds is the true one"),
});

export const amlAccountLabels = table("aml_account_labels", "ground truth per account (every account has a row)", {
  account_id: c.id("account"),
  customer_id: c.id("owner"),
  is_suspicious: c.bool("used in a case by a suspicious customer"),
  role: c.code({ none: "not used in a case", mule_account: "receives and forwards fraud proceeds", funnel_account: "funnel", collection_account: "collects smurfed or structured cash", pass_through: "passes funds on", shell_account: "account of a shell or front", victim_account: "account of a victim or unwitting recipient" }, "role of the account"),
  case_id: c.optional(c.id("case")),
  is_new: c.bool("opened within 90 days before its first case transaction"),
  is_dormant: c.bool("no customer-initiated activity in the scenario"),
});

export const amlRelationships = table("aml_relationships", "ground truth and KYC links between parties: households, ownership, case links", {
  relationship_id: c.id("relationship id, REL-<n>"),
  from_id: c.id("party (a customer id, an owner id UBO-..., or a watchlist entry id)"),
  to_id: c.id("related party"),
  relationship_type: c.code({ household_member: "lives in the same household", beneficial_owner: "owns or controls the business or trust", recruited_by: "mule or smurf recruited by the case's controller", co_participant: "takes part in the same case", owned_by_listed_party: "a sanctioned party benefits from the customer" }, "kind of link"),
  ownership_percent: c.optional(c.decimal("ownership in percent", { precision: 5, scale: 2 })),
  is_suspicious: c.bool("the link is part of a case"),
  case_id: c.optional(c.id("case")),
});

export const RULES = {
  large_cash: "a cash deposit at or above the cash threshold",
  structuring: "3+ cash deposits within 7 days, each between 50% and 100% of the threshold, together above it",
  rapid_movement: "credits moved on (80%+) within 3 days, 5,000 or more in the threshold's currency units / 2",
  round_amounts: "3+ round transfers (multiples of 1,000) of 5,000+ within 30 days",
  high_risk_country: "a wire to or from a FATF call-for-action or offshore jurisdiction",
  turnover_mismatch: "monthly credits above 3x the declared expected turnover",
  new_payee_drain: "a first transfer to a new payee taking 50%+ of the balance (standing orders and direct debits are mandates, not new payees)",
} as const;

export const amlAlerts = table("aml_alerts", "alerts of the bank's rule engine, labelled true or false positive", {
  alert_id: c.id("alert id, ALT-<customer>-<n>"),
  customer_id: c.id("customer"),
  account_id: c.id("account the rule fired on"),
  rule_id: c.code(RULES, "rule"),
  alert_date: c.date("day the alert was raised (the day after its last transaction)"),
  window_start: c.date("first transaction the rule looked at"),
  window_end: c.date("last transaction the rule looked at"),
  transactions: c.int("transactions that triggered it"),
  amount: c.money("their total"),
  currency: c.id("currency"),
  score: c.int("rule score 0-100"),
  first_transaction_id: c.id("first triggering transaction"),
  last_transaction_id: c.id("last triggering transaction"),
  is_true_positive: c.bool("at least one triggering transaction is labelled in aml_transaction_labels"),
  case_id: c.optional(c.id("the case behind a true positive")),
});

export const amlAlertDispositions = table("aml_alert_dispositions", "what the analysts decided on each alert", {
  alert_id: c.id("alert"),
  analyst_id: c.id("analyst, AN-<n>"),
  review_date: c.date("day the alert was reviewed"),
  decision: c.code({ closed_false_positive: "closed: nothing unusual", closed_no_further_action: "closed: unusual but explained", escalated: "escalated to an investigation" }, "first-level decision"),
  investigation_id: c.optional(c.id("investigation it was escalated to (one per customer at a time)")),
  investigation_outcome: c.optional(c.code({ sar_filed: "a suspicious activity report was filed", no_sar: "closed without a report" }, "investigation outcome")),
  outcome_date: c.optional(c.date("day the investigation decided")),
  days_to_decision: c.int("days from the alert to the final decision"),
  is_correct: c.bool("decision agrees with the ground truth (true positives escalated and filed, false positives closed)"),
});

export const sarFilings = table("sar_filings", "suspicious activity reports filed with the financial intelligence unit", {
  sar_id: c.id("report id, SAR-<customer>-<n>"),
  customer_id: c.id("subject"),
  investigation_id: c.id("investigation that decided to file"),
  first_alert_id: c.id("first alert of the investigation"),
  detection_date: c.date("day the activity was escalated (initial detection)"),
  filing_date: c.date("day the report was filed"),
  filing_lag_days: c.int("days from detection to filing"),
  deadline_days: c.optional(c.int("legal deadline in days where the country sets one (US: 30)")),
  fiu: c.id("receiving financial intelligence unit"),
  report_type: c.id("the country's name for the report (SAR, STR, SMR ...)"),
  amount: c.money("amount of the reported activity"),
  currency: c.id("currency"),
  is_true_positive: c.bool("the subject is really involved in a case at that time"),
  case_id: c.optional(c.id("the case behind it, if any")),
});

export const kycReviews = table("kyc_reviews", "periodic KYC refreshes, enhanced due diligence and reviews triggered by a SAR, during the scenario", {
  review_id: c.id("review id, KYR-<customer>-<n>"),
  customer_id: c.id("customer"),
  review_date: c.date("day of the review"),
  review_type: c.code({ periodic_refresh: "due by the risk rating's cycle", enhanced_due_diligence: "yearly enhanced due diligence of a high-risk customer", sar_trigger: "after a SAR on the customer" }, "why"),
  risk_before: c.id("risk rating before"),
  risk_after: c.id("risk rating after"),
  outcome: c.code({ no_change: "nothing changed", documents_updated: "documents refreshed", risk_upgraded: "risk rating raised", exit_relationship: "the bank decided to end the relationship" }, "outcome"),
  reviewer_id: c.id("analyst, AN-<n>"),
  next_review_date: c.date("next review due"),
});

export const amlWatchlist = table("aml_watchlist", "the synthetic watchlist screened against (invented names and dates: never real persons or sanctions lists)", {
  entry_id: c.id("entry id, WL-<n>"),
  list_name: c.code({ "SYNTH-SANCTIONS": "synthetic sanctions list", "SYNTH-PEP": "synthetic list of politically exposed persons" }, "list"),
  entity_type: c.code({ person: "natural person", organisation: "legal person" }, "kind of entry"),
  name: c.text("listed name"),
  date_of_birth: c.optional(c.date("date of birth (persons)")),
  country: c.id("ISO 3166 country"),
  program: c.id("listing reason: pep_domestic, pep_foreign, sanctions_trade, sanctions_finance, ..."),
  listed_date: c.date("day the entry was listed"),
});

export const amlScreeningHits = table("aml_screening_hits", "watchlist hits of customer screening (onboarding) and payment screening, with the analyst's disposition and the truth", {
  hit_id: c.id("hit id, HIT-<customer>-<n>"),
  customer_id: c.id("customer screened, or who made the payment"),
  transaction_id: c.optional(c.id("payment screened (payment screening)")),
  entry_id: c.id("watchlist entry hit"),
  screened_name: c.text("name screened"),
  listed_name: c.text("name on the list"),
  match_score: c.int("fuzzy match score 0-100"),
  screening_date: c.date("day of the screening"),
  disposition: c.code({ true_match: "confirmed", false_positive: "cleared as not the listed party" }, "analyst's disposition"),
  is_true_match: c.bool("ground truth: the screened party is the listed one or acts for it"),
});

export const amlReportingThresholds = table("aml_reporting_thresholds", "cash reporting thresholds per country, with their sources (no general threshold: the row says so), and the threshold this bank monitors", {
  country: c.id("ISO 3166 country"),
  currency: c.id("currency of the threshold"),
  threshold: c.optional(c.money("cash amount that must be reported (empty: no general cash reporting)")),
  comparison: c.code({ more_than: "strictly above", at_least: "at or above", none: "no general threshold" }, "how the amount compares"),
  aggregation: c.code({ business_day: "cash of one person on one business day is added up", "24_hours": "within 24 consecutive hours", calendar_month: "within a calendar month", none: "each transaction alone" }, "aggregation"),
  report: c.text("report it triggers"),
  regulator: c.text("who receives it"),
  note: c.text("other cash thresholds that matter"),
  source: c.text("legal source and a public reference"),
  bank_monitoring_threshold: c.optional(c.money("the threshold this bank's monitoring and the structuring typologies use (its own country's row only)")),
});

export const AML_TABLES = [amlCases, amlTransactionLabels, amlCustomerLabels, amlAccountLabels, amlRelationships, amlAlerts, amlAlertDispositions, sarFilings, kycReviews, amlWatchlist, amlScreeningHits, amlReportingThresholds] as const;
