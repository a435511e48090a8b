// Record specs of the accounting standards phase: revenue contracts with their performance
// obligations and recognition schedules (IFRS 15 / ASC 606), the contract balances' roll-forward
// against the GL, impairment tests (IAS 36 / ASC 360) and the expected credit loss allowance
// (IFRS 9 / CECL) by aging bucket.
import { c, table } from "../../specs/records/table.ts";

const company = c.id("company code");
const companyCurrency = c.id("company currency (the currency of every amount not marked otherwise)");
const RATE = { precision: 12, scale: 8 };

export const STANDARDS = {
  ifrs_15: "IFRS 15 Revenue from Contracts with Customers",
  asc_606: "ASC 606 Revenue from Contracts with Customers (US GAAP)",
  ias_36: "IAS 36 Impairment of Assets (one-step: carrying amount against the recoverable amount)",
  asc_360: "ASC 360-10 (US GAAP two-step: recoverability by undiscounted cash flows, then fair value)",
  ifrs_9: "IFRS 9 simplified approach (lifetime expected credit losses by provision matrix)",
  asc_326: "ASC 326 CECL (current expected credit losses by provision matrix)",
} as const;

export const revenueContracts = table("revenue_contracts", "customer contracts (IFRS 15 / ASC 606 step 1): one per accepted sales order, with the services sold with it in a multi-element deal", {
  company_code: company,
  contract_id: c.id("contract id, RC- and the number of its first sales order"),
  customer_id: c.id("customer (customers.customer_id)"),
  so_id: c.id("its first sales order (sales_orders.so_id): the goods or service ordered"),
  contract_date: c.date("the day the order was accepted"),
  standard: c.code({ ifrs_15: STANDARDS.ifrs_15, asc_606: STANDARDS.asc_606 }, "revenue standard of the company's framework"),
  document_currency: c.id("currency the customer is charged in"),
  contract_price: c.money("what the customer is charged for every line, document currency"),
  transaction_price: c.money("step 3: the consideration, company currency (each invoice at its day's rate)"),
  standalone_selling_price: c.money("sum of the lines' standalone selling prices"),
  bundle_discount: c.money("standalone selling prices minus the transaction price (signed): the discount step 4 allocates over the lines"),
  obligations: c.int("performance obligations (lines) of the contract"),
  is_bundle: c.bool("a multi-element deal: goods with installation and a support subscription"),
  recognised_revenue: c.money("revenue recognised by the end of the scenario"),
  billed_amount: c.money("net invoiced by the end of the scenario"),
  status: c.code({ not_started: "nothing recognised yet", in_progress: "partly recognised", fulfilled: "every obligation satisfied" }, "state at the end of the scenario"),
  currency: companyCurrency,
}, { documents: { revenue_contract: "contract_id" } });

export const performanceObligations = table("performance_obligations", "the distinct goods and services of each contract (step 2), their standalone selling prices and the transaction price allocated to them (step 4)", {
  company_code: company,
  obligation_id: c.id("obligation id: the contract id and the line number"),
  contract_id: c.id("contract (revenue_contracts.contract_id)"),
  line_number: c.int("1-based line of the contract"),
  so_id: c.id("the sales order of the line (sales_orders.so_id)"),
  material_id: c.id("material or service item (materials.material_id)"),
  obligation_type: c.code({ goods: "goods delivered", service: "a service rendered on its service entry", installation: "installation of the goods, rendered over days", subscription: "support subscription, rendered evenly over its term" }, "what is promised"),
  quantity: c.int("quantity of the sales order"),
  contract_price: c.money("the line's price on the order, document currency"),
  standalone_selling_price: c.money("price the item sells for on its own: what the ordered goods or service are invoiced (their agreed price), the service master's list price for services sold in a deal"),
  allocated_price: c.money("transaction price allocated by relative standalone selling price (exact to the cent; the lines sum to it)"),
  recognition_pattern: c.code({ point_in_time: "when control passes (each delivery or service entry)", over_time: "as the service is rendered (days elapsed)" }, "step 5"),
  start_date: c.optional(c.date("first delivery or the start of the service (empty when nothing is scheduled)")),
  end_date: c.optional(c.date("last delivery or the end of the service")),
  revenue_account: c.id("revenue account the schedule credits"),
  recognised_revenue: c.money("revenue recognised by the end of the scenario"),
  billed_amount: c.money("net invoiced for the line by the end of the scenario"),
  currency: companyCurrency,
});

export const revenueSchedule = table("revenue_schedule", "when each obligation's allocated price becomes revenue: every row to the end of the obligation (it sums to the allocated price); rows within the scenario are posted", {
  company_code: company,
  obligation_id: c.id("performance obligation"),
  contract_id: c.id("contract"),
  line_number: c.int("1-based row of the obligation's schedule"),
  recognition_date: c.date("delivery day, or the month end (the service's end) of time elapsed"),
  fiscal_year: c.int("fiscal year of the recognition date"),
  fiscal_period: c.int("fiscal period of the recognition date"),
  amount: c.money("revenue of the row"),
  cumulative_amount: c.money("revenue of the obligation up to and including this row"),
  progress: c.decimal("cumulative share of the allocated price (1 at the last row)", { precision: 9, scale: 6 }),
  delivery_id: c.optional(c.id("delivery that passed control (recognised rows of goods and services recognised at a point in time; a planned row's delivery has not happened yet)")),
  status: c.code({ recognised: "posted", planned: "after the end of the scenario (not posted)" }, "posting status"),
  journal_document_id: c.optional(c.id("the revenue recognition entry (recognised rows)")),
});

export const contractBalances = table("contract_balances", "roll-forward of contract liabilities (deferred revenue), contract assets and unbilled receivables per company and period, from the contracts, against the GL", {
  company_code: company,
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("fiscal period"),
  period_end: c.date("the cut-off"),
  balance_type: c.code({ contract_liability: "billed before it is earned (deferred revenue)", contract_asset: "earned, but the right to bill depends on more performance", unbilled_receivable: "earned and billable, not yet invoiced" }, "contract balance"),
  gl_accounts: c.text("the GL accounts of the balance, space-separated"),
  opening_balance: c.money("balance at the end of the previous period"),
  billed: c.money("change from the period's invoices (signed)"),
  recognised: c.money("change from the period's revenue recognition, including transfers between contract assets and unbilled receivables when an obligation completes (signed)"),
  closing_balance: c.money("opening + billed + recognised"),
  contracts: c.int("contracts that hold this balance at the period end"),
  contract_balance: c.money("sum of those contracts' balances at the period end (the subledger)"),
  gl_balance: c.money("balance of the GL accounts at the period end, on their natural side"),
  difference: c.money("gl_balance - contract_balance"),
  status: c.code({ reconciled: "no difference", difference: "a difference (a bug)" }, "reconciliation status"),
  currency: companyCurrency,
});

export const impairmentTests = table("impairment_tests", "impairment tests of property, plant and equipment: the annual review and every test an indicator triggers, per cash-generating unit or idle asset", {
  company_code: company,
  test_id: c.id("test id"),
  test_date: c.date("the period end tested"),
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("fiscal period"),
  standard: c.code({ ias_36: STANDARDS.ias_36, asc_360: STANDARDS.asc_360 }, "impairment standard of the company's framework"),
  unit_type: c.code({ cgu: "a cash-generating unit (asset group)", asset: "one asset: idle, or its share of a unit's loss" }, "what is tested"),
  unit_id: c.id("CGU-<company> (the company's operating assets) or the asset id"),
  cgu_id: c.id("the cash-generating unit the row belongs to"),
  trigger: c.code({ annual_review: "the year-end review", sustained_losses: "operating losses in this and the previous quarter", idle_assets: "no active staff at the asset's cost center", allocation: "share of the unit's loss" }, "why it was tested"),
  carrying_amount: c.money("net book value tested (after the period's depreciation)"),
  base_cash_flow: c.optional(c.money("yearly cash flow the projection starts from: the trailing months' EBITDA, annualised (units)")),
  growth_rate: c.optional(c.decimal("yearly growth of the projected cash flows (the business plan's)", RATE)),
  discount_rate: c.optional(c.decimal("pre-tax discount rate of the value in use", RATE)),
  value_in_use: c.optional(c.money("present value of five years' cash flows and a terminal value (IAS 36; also the income approach to fair value under ASC 360)")),
  undiscounted_cash_flows: c.optional(c.money("ASC 360 step 1: undiscounted cash flows over the primary asset's remaining life")),
  recoverable_by_cash_flows: c.optional(c.bool("ASC 360 step 1 passed: the undiscounted cash flows cover the carrying amount (no loss)")),
  fair_value: c.money("fair value by the market approach (second-hand prices by asset class) or the income approach, whichever is higher"),
  costs_of_disposal: c.money("costs to sell"),
  recoverable_amount: c.money("IAS 36: the higher of value in use and fair value less costs of disposal; ASC 360: the fair value"),
  impairment_loss: c.money("loss posted (0 when the carrying amount is recoverable or the loss is immaterial)"),
  carrying_after: c.money("carrying amount after the loss: later depreciation spreads it over the remaining life"),
  journal_document_id: c.optional(c.id("the entry posting the loss")),
  currency: companyCurrency,
});

export const creditLossAllowance = table("credit_loss_allowance", "expected credit losses on trade receivables (by aging bucket) and contract assets with a provision matrix, per company and period; the total row rolls the allowance forward against the GL", {
  company_code: company,
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("fiscal period"),
  period_end: c.date("the cut-off"),
  standard: c.code({ ifrs_9: STANDARDS.ifrs_9, asc_326: STANDARDS.asc_326 }, "credit loss standard of the company's framework"),
  aging_bucket: c.code({ current: "not yet due", "1-30": "1-30 days past due", "31-60": "31-60 days past due", "61-90": "61-90 days past due", over_90: "more than 90 days past due", contract_assets: "contract assets and unbilled receivables", total: "the allowance" }, "row"),
  gross_amount: c.money("receivables open at the period end (ar_open_items, company currency) or contract assets and unbilled receivables"),
  historical_loss_rate: c.optional(c.decimal("the matrix's loss rate of the bucket", RATE)),
  forward_looking_adjustment: c.optional(c.decimal("adjustment of the historical rate for forecast conditions", RATE)),
  loss_rate: c.decimal("expected loss rate applied (total row: the weighted rate)", RATE),
  expected_credit_loss: c.money("gross amount x loss rate (total row: the allowance required)"),
  opening_allowance: c.optional(c.money("total row: the allowance at the end of the previous period")),
  written_off: c.optional(c.money("total row: receivables written off against the allowance in the period")),
  charge: c.optional(c.money("total row: impairment loss (+) or release (-) posted to credit loss expense")),
  closing_allowance: c.optional(c.money("total row: opening - written off + charge")),
  gl_balance: c.optional(c.money("total row: the allowance account's credit balance")),
  difference: c.optional(c.money("total row: gl_balance - closing_allowance")),
  journal_document_id: c.optional(c.id("total row: the entry posting the charge")),
  currency: companyCurrency,
});
