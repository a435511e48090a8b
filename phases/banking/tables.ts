// Record specs of the bank: customers with their KYC files and owners, accounts, transactions
// with running balances, and the bank's own ledger. The AML tables (cases, labels, alerts,
// dispositions, SARs, screening) are in tables-aml.ts.
import { c, table } from "../../specs/records/table.ts";

export const CUSTOMER_TYPES = { person: "a private person", business: "a company or sole trader", trust: "a trust", group_company: "a company of the scenario's group (group_accounts = on)" } as const;

export const bankCustomers = table("bank_customers", "customers of the bank: persons (in households), businesses and trusts, and the group's companies when they bank here", {
  customer_id: c.id("customer id, BC-<n>"),
  customer_type: c.code(CUSTOMER_TYPES, "kind of customer"),
  name: c.text("full name (person) or legal name"),
  segment: c.id("persons: salaried, student, retiree, self_employed, high_net_worth; businesses: retail_shop, restaurant, professional_services, construction, import_export, online_merchant, consulting, holding; trusts: family_trust, charitable_trust; group"),
  date_of_birth: c.optional(c.date("date of birth (persons)")),
  incorporation_date: c.optional(c.date("incorporation or settlement date (businesses, trusts)")),
  nationality: c.optional(c.id("ISO 3166 nationality (persons)")),
  residence_country: c.id("ISO 3166 country of residence or incorporation"),
  city: c.text("city"),
  postal_code: c.id("postal code"),
  street: c.text("street address"),
  household_id: c.optional(c.id("household: the customer id of its first member (persons living together)")),
  onboarding_date: c.date("first day of the relationship"),
  partner_ref: c.optional(c.id("the scenario's master-data vendor or customer this business is (V-/C-<company>-<n>)")),
  group_company: c.optional(c.id("company code, for the group's own companies")),
  email: c.optional(c.text("e-mail address (example.com and friends: never deliverable)")),
});

export const kycProfiles = table("kyc_profiles", "the know-your-customer file of every customer at the end of onboarding", {
  customer_id: c.id("customer"),
  id_document_type: c.code({ passport: "passport", national_id: "national identity card", driving_licence: "driving licence", company_register: "commercial register extract", trust_deed: "trust deed" }, "identity document"),
  id_document_number: c.id("document number (synthetic)"),
  id_verified: c.bool("identity verified"),
  verification_date: c.date("day the identity was verified"),
  occupation: c.optional(c.text("occupation (persons)")),
  industry: c.optional(c.id("industry (businesses and trusts)")),
  declared_source_of_funds: c.id("what the customer declared: salary, pension, family_support, business_revenue, investments, inheritance, trust_assets, group_operations"),
  true_source_of_funds: c.id("where the money really comes from: the declared source, or criminal_proceeds, fraud_proceeds, undeclared_income"),
  kyc_truthful: c.bool("declared source = true source"),
  expected_monthly_turnover: c.money("turnover the customer declared (credits a month)"),
  currency: c.id("currency of the turnover"),
  is_pep: c.bool("politically exposed person (or a business owned by one)"),
  pep_category: c.optional(c.code({ domestic: "domestic PEP", foreign: "foreign PEP", international_organisation: "senior official of an international organisation", family_member: "family member of a PEP", close_associate: "close associate of a PEP" }, "kind of PEP")),
  screening_result: c.code({ clear: "no watchlist hit", potential_match_cleared: "a hit the analyst cleared (not the listed party)", confirmed_match: "a true match (PEP list)" }, "watchlist screening at onboarding"),
  risk_rating: c.code({ low: "low risk", medium: "medium risk", high: "high risk: enhanced due diligence" }, "customer risk rating"),
  risk_score: c.int("risk score 0-100 the rating comes from"),
  risk_reasons: c.id("reasons, separated by ';' (none when low): pep, high_risk_country, cash_intensive, complex_structure, offshore_owner, non_resident, new_business, adverse_screening"),
  edd_required: c.bool("enhanced due diligence applies"),
  last_review_date: c.date("last KYC review before or at onboarding"),
  next_review_date: c.date("next periodic review due (1 year for high, 2 for medium, 3 for low risk)"),
});

export const beneficialOwners = table("beneficial_owners", "owners and controllers of businesses and trusts (25% or more: ultimate beneficial owner)", {
  customer_id: c.id("business or trust"),
  owner_id: c.id("owner: a bank customer id, or UBO-<customer>-<n> for owners who are not customers"),
  owner_name: c.text("owner's name"),
  owner_customer_id: c.optional(c.id("the owner's customer id when the owner banks here")),
  owner_type: c.code({ person: "natural person", organisation: "company or other legal person" }, "kind of owner"),
  ownership_percent: c.decimal("share of capital or votes in percent", { precision: 5, scale: 2 }),
  is_ubo: c.bool("ultimate beneficial owner (25% or more, or control)"),
  control_type: c.code({ shareholding: "owns shares", director: "director without shares", nominee: "nominee shareholder for someone else", trustee: "trustee", settlor: "settlor", beneficiary: "beneficiary" }, "how the owner controls"),
  residence_country: c.id("ISO 3166 country"),
  date_of_birth: c.optional(c.date("date of birth (persons)")),
  is_pep: c.bool("politically exposed person"),
});

export const ACCOUNT_TYPES = { current: "current (checking) account", savings: "savings account", credit_card: "credit card account", loan: "loan account" } as const;

export const bankAccounts = table("bank_accounts", "accounts of the bank's customers: current, savings, credit card and loan", {
  account_id: c.id("account id, BA-<customer>-<n>"),
  customer_id: c.id("owner"),
  account_type: c.code(ACCOUNT_TYPES, "kind of account"),
  product: c.id("product name"),
  iban: c.optional(c.id("IBAN with valid check digits (countries that use IBAN)")),
  account_number: c.id("national account number"),
  bank_code: c.id("the bank's national code (sort code, routing number, BLZ, ...)"),
  bic: c.id("the bank's BIC (synthetic)"),
  currency: c.id("account currency (the bank's)"),
  opening_date: c.date("day the account was opened"),
  status: c.code({ active: "in use", dormant: "no customer activity in the scenario" }, "status at the scenario end"),
  balance_floor: c.money("lowest balance allowed: 0, minus the overdraft limit, minus the credit limit, or minus the loan principal and a month's interest (charged before the instalment that pays it)"),
  interest_rate: c.decimal("annual interest rate in percent (credit interest on savings, debit interest on overdrafts, cards and loans)", { precision: 7, scale: 3 }),
  opening_balance: c.money("balance at the start of the scenario, or 0.00 on the opening day of a newer account"),
  opening_balance_date: c.date("day the opening balance holds at the start of: the scenario start or the opening date"),
  gl_account: c.id("the bank's ledger account the balance belongs to"),
});

export const TRANSACTION_TYPES = {
  card_purchase: "card payment at a merchant", atm_withdrawal: "cash from an ATM", cash_deposit: "cash paid in at a branch or ATM", cash_withdrawal: "cash taken out at a branch",
  transfer_in: "incoming domestic transfer", transfer_out: "outgoing domestic transfer", wire_in: "incoming international wire", wire_out: "outgoing international wire",
  internal_transfer: "transfer between two accounts of the bank", direct_debit: "direct debit", standing_order: "standing order", salary: "salary or pension credit",
  card_settlement: "card takings credited to a merchant", card_repayment: "credit card statement paid from the current account", loan_disbursement: "loan paid out",
  loan_instalment: "loan instalment", fee: "account fee", interest_credit: "interest paid by the bank", interest_charge: "interest charged by the bank", initial_deposit: "first deposit of a new account",
} as const;

export const bankTransactions = table("bank_transactions", "every movement of every account, with running balances (after = before + credit - debit; declined items leave the balance unchanged)", {
  transaction_id: c.id("transaction id, BT-<customer>-<n>, unique"),
  account_id: c.id("account"),
  customer_id: c.id("account owner"),
  booking_date: c.date("booking date"),
  booking_time: c.id("time of day, HH:MM:SS (bank's local time)"),
  value_date: c.date("value date (the next bank day for items booked on a weekend or holiday)"),
  direction: c.code({ credit: "money in", debit: "money out" }, "direction"),
  amount: c.money("amount, always positive"),
  currency: c.id("account currency"),
  balance_before: c.money("balance before the item"),
  balance_after: c.money("balance after the item (never below the account's balance_floor)"),
  status: c.code({ booked: "booked", declined: "declined for lack of funds (no effect on the balance)" }, "outcome"),
  transaction_type: c.code(TRANSACTION_TYPES, "what happened"),
  channel: c.code({ card_pos: "card at a terminal", card_online: "card not present", atm: "ATM", branch: "branch counter", online_banking: "online banking", mobile_app: "mobile app", direct_debit: "direct debit", standing_order: "standing order", system: "booked by the bank" }, "channel"),
  rail: c.code({ card: "card scheme", cash: "cash", internal: "book transfer inside the bank", domestic: "domestic clearing (Faster Payments, SEPA, ACH ...)", wire: "SWIFT wire", book: "bank posting" }, "payment rail"),
  mcc: c.optional(c.id("ISO 18245 merchant category code (card purchases)")),
  counterparty_name: c.optional(c.text("merchant, payer or payee; for third-party cash deposits, the depositor")),
  counterparty_account: c.optional(c.id("counterparty IBAN or account number")),
  counterparty_bank: c.optional(c.id("counterparty bank code or BIC")),
  counterparty_country: c.optional(c.id("ISO 3166 country of the counterparty")),
  counterparty_customer_id: c.optional(c.id("counterparty when it is a customer of this bank (internal transfers, third-party deposits)")),
  counterparty_account_id: c.optional(c.id("counterparty account when it is at this bank")),
  reference: c.text("payment reference or booking text"),
  transfer_id: c.optional(c.id("id shared by both sides of a transfer between two accounts of the bank")),
  location_country: c.id("where it happened: merchant, ATM or branch country, or the IP address's country"),
  location_city: c.optional(c.text("branch, ATM or merchant city")),
  device_id: c.optional(c.id("device fingerprint (online, mobile and card-not-present items)")),
  ip_address: c.optional(c.id("IP address (documentation ranges only: RFC 5737 for IPv4, RFC 3849 for IPv6)")),
});

export const bankGl = table("bank_gl", "the bank's own journal, per period: customer flows aggregated by kind, interest and fees, and the bank's treasury; every entry balances", {
  entry_id: c.id("entry id, BGL-<period>-<n>"),
  line_number: c.int("1-based line"),
  period_index: c.int("0-based period of the scenario"),
  posting_date: c.date("posting date (the period end; the opening entry on the first day)"),
  account_number: c.id("bank ledger account"),
  account_name: c.text("account name"),
  debit: c.money("debit"),
  credit: c.money("credit"),
  currency: c.id("the bank's currency"),
  event: c.id("what the entry books: opening, customer_flows, reclass_overdrafts, reverse_reclass, interbank, cash_logistics, operating_costs, year_end_close"),
  text: c.text("entry text"),
});

export const bankTrialBalance = table("bank_trial_balance", "the bank's balances at every period end (after the overdraft reclassification): assets = liabilities + equity", {
  period_index: c.int("0-based period"),
  period_end: c.date("last day of the period"),
  account_number: c.id("bank ledger account"),
  account_name: c.text("account name"),
  account_type: c.code({ asset: "asset", liability: "liability", equity: "equity", income: "income", expense: "expense" }, "type"),
  period_debits: c.money("debits of the period"),
  period_credits: c.money("credits of the period"),
  balance: c.money("closing balance, positive on the account's normal side"),
  currency: c.id("the bank's currency"),
});

export const BANK_TABLES = [bankCustomers, kycProfiles, beneficialOwners, bankAccounts, bankTransactions, bankGl, bankTrialBalance] as const;
