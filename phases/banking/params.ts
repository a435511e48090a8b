// The banking phase's settings: volumes, the rates its labels follow exactly, the typologies and
// their sophistication mix, and how analysts dispose of alerts.
import { z } from "zod";
import { f } from "../../specs/fields.ts";

/** Every laundering and fraud typology the phase generates (docs/banking.md describes each pattern). */
export const TYPOLOGIES = [
  "structuring", "smurfing", "cuckoo_smurfing", "funnel_account", "layering", "round_tripping", "trade_based",
  "money_mule", "shell_company", "account_takeover", "authorised_push_payment", "business_email_compromise", "sanctions_evasion",
] as const;
export type Typology = (typeof TYPOLOGIES)[number];

export const SOPHISTICATION = ["basic", "standard", "professional", "advanced"] as const;
export type Sophistication = (typeof SOPHISTICATION)[number];

const pct = (doc: string, d: number) => f.percent(doc).default(d);

const sophistication = z
  .object({
    basic: pct("share of basic cases (few steps, just under thresholds, round amounts)", 0.4),
    standard: pct("share of standard cases", 0.35),
    professional: pct("share of professional cases", 0.2),
    advanced: pct("share of advanced cases (many steps, amounts well under thresholds, slow)", 0.05),
  })
  .meta({ doc: "mix of the cases' sophistication; shares must add up to 100%" });

export const params = z.object({
  customers: f.volume("bank customers (persons, businesses and trusts)").max(10_000_000).default(1000),
  accounts_per_customer: f.number("average accounts per customer: a current account each, plus savings, credit cards and loans").min(1).max(4).default(1.6),
  transactions_per_customer: f.number("normal transactions per customer and month, over all its accounts (the exact total is customers x this x months)").min(4).max(2000).default(20),
  suspicious_rate: pct("share of customers who take part in a case as launderer, mule, smurf, shell or front (exactly round(customers x rate))", 0.02),
  laundering_rate: pct("share of the customers' transactions that belong to a laundering or fraud case (AMLworld's HI sets: about 1 in 1,000)", 0.001),
  typologies: f.list(z.enum(TYPOLOGIES), "typologies of the cases, in equal shares").min(1).default([...TYPOLOGIES]),
  sophistication: sophistication.prefault({}),
  business_share: pct("share of customers that are businesses", 0.11),
  trust_share: pct("share of customers that are trusts", 0.01),
  pep_rate: pct("share of customers who are politically exposed persons (exactly round(customers x rate))", 0.01),
  screening_false_positive_rate: pct("share of customers whose name is close to a watchlist entry that is not them (exact)", 0.02),
  p2p_rate: pct("share of persons sending a transfer to another customer of the bank each month", 0.05),
  true_positive_escalation: pct("share of true-positive alerts an analyst escalates to an investigation", 0.85),
  false_positive_escalation: pct("share of false-positive alerts an analyst escalates", 0.06),
  sar_rate: pct("share of investigations of truly suspicious activity that end in a SAR", 0.9),
  defensive_sar_rate: pct("share of investigations of innocent activity that still end in a SAR (defensive filing)", 0.15),
  country: f.country("country of the bank (default: the first company's)").optional(),
  name: f.string("name of the bank").default("Synth Community Bank"),
  group_accounts: f.bool("the group's companies in the bank's currency bank here: their payments and receipts appear on their accounts").default(false),
  block_size: f.autoOrCount("customers per block (auto: about 15k transactions a block)", 1_000_000).default("auto"),
});

export type BankingParams = z.infer<typeof params>;
