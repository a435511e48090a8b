// banking: bank customers with KYC files, accounts and transactions with labelled laundering typologies.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";

const params = z.object({
  customers: f.volume("bank customers").default(1000),
  accounts_per_customer: f.number("average accounts per customer").min(1).max(20).default(1.6),
  suspicious_rate: f.percent("share of customers with suspicious activity").default(0.02),
  typologies: f
    .list(z.enum(["structuring", "layering", "round_tripping", "smurfing", "funnel_account", "trade_based"]), "AML typologies")
    .default(["structuring", "layering", "smurfing"]),
});

export const bankingSpec = {
  id: "banking",
  title: "Banking KYC/AML",
  rank: 8,
  stage: "posting",
  params,
  needs: ["master_data"],
  tables: [],
  steps: [],
  layout: perCompany("companies"),
} satisfies PhaseSpec<typeof params>;
