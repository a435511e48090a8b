// accounting_standards: revenue from contracts with customers (IFRS 15 / ASC 606) on the real
// order-to-cash orders, impairment of property, plant and equipment (IAS 36 one-step, ASC 360
// two-step) and expected credit losses on receivables (IFRS 9 simplified approach / CECL), under
// the scenario's framework or each company's country's. It takes revenue recognition over from
// order-to-cash (invoices post to contract balances, revenue comes from the schedule), lends
// order-to-cash's write-offs the allowance, and lends period_close the carrying amounts an
// impairment leaves. Its postings come before the period close.
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { contractBalances, creditLossAllowance, impairmentTests, performanceObligations, revenueContracts, revenueSchedule } from "./tables.ts";

const lossRates = z
  .object({
    current: f.percent("receivables not yet due").default(0.005),
    days_1_30: f.percent("1-30 days past due").default(0.02),
    days_31_60: f.percent("31-60 days past due").default(0.05),
    days_61_90: f.percent("61-90 days past due").default(0.1),
    over_90: f.percent("more than 90 days past due").default(0.25),
  })
  .meta({ doc: "provision matrix: historical loss rates by aging bucket (contract assets take the current rate)" });

const params = z.object({
  framework: f.enum(["auto", "ifrs", "us_gaap"], "accounting framework (auto: each company's country's: US GAAP in the US, IFRS elsewhere)").default("auto"),
  revenue_recognition: f.bool("IFRS 15 / ASC 606: every order a contract, revenue from its schedule, invoices to contract balances").default(true),
  bundles: f.percent("share of goods orders sold as multi-element deals (installation and a support subscription with the goods)").max(0.6).default(0.15),
  subscription_months: f.count("term of a deal's support subscription").min(1).max(36).default(12),
  arrears_billing: f.percent("share of support subscriptions billed monthly in arrears (the others are billed for the whole term in advance)").default(0.3),
  impairment: f.bool("impairment tests of property, plant and equipment (IAS 36 / ASC 360)").default(true),
  discount_rate: f.percent("pre-tax discount rate of value in use").min(0.03).max(0.4).default(0.09),
  terminal_growth: f.percent("yearly growth of cash flows after the five projected years").max(0.025).default(0.02),
  costs_of_disposal: f.percent("costs to sell, share of fair value").max(0.2).default(0.03),
  credit_losses: f.bool("expected credit losses on receivables and contract assets (IFRS 9 simplified approach / CECL)").default(true),
  loss_rates: lossRates.prefault({}),
  forward_looking: f.signedPercent("adjustment of the historical loss rates for forecast conditions").min(-0.5).default(0.1),
});

export type AccountingStandardsParams = z.infer<typeof params>;

export const accountingStandardsSpec = {
  id: "accounting_standards",
  title: "Accounting standards",
  rank: 17,
  stage: "posting",
  params,
  needs: ["transactions"],
  tables: [revenueContracts, performanceObligations, revenueSchedule, contractBalances, impairmentTests, creditLossAllowance, journalEntries],
  steps: [
    // Per period, once order-to-cash has posted: the contracts its blocks opened, and the contract balances against the GL.
    { name: "contracts", stage: "posting", kind: "main", reads: ["ledger", "subledger", "revenue_contracts"] },
    // The allowance to the provision matrix on the period-end aging (write-offs of the period already used it).
    { name: "credit_losses", stage: "posting", kind: "main", reads: ["ledger", "subledger"], posts: ["ledger"] },
    // At quarter ends (and the year-end review): the period's operating result, indicators, tests and losses.
    { name: "impairment", stage: "posting", kind: "main", reads: ["ledger"], posts: ["ledger", "impairments"] },
  ],
  layout: perCompany("companies"),
  roles: ["deferred_revenue", "contract_asset", "unbilled_receivables", "revenue", "service_revenue", "ar_control", "allowance_doubtful", "bad_debt_expense", "impairment_loss", "accumulated_depreciation", "ppe"],
  provides: ["revenue_recognition", "credit_losses", "asset_valuation"],
} satisfies PhaseSpec<typeof params>;
