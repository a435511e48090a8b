// source_to_contract: spend analysis, sourcing projects with qualifications, RFx events, bids
// and evaluations, contracts with their lines and catalog items, and supplier scorecards. It
// takes purchase pricing over: procure-to-pay orders goods of an awarded category from the
// contract's vendor at the contract's price (a configured share bought off contract).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";
import { bidEvaluations, catalogItems, contractLines, contracts, rfxEvents, sourcingProjects, spendAnalysis, supplierBids, supplierQualifications, supplierScorecards } from "./tables.ts";

const params = z.object({
  sourcing_events: f.volume("sourcing projects per year, for the group (each company by its share; at least one)").default(40),
  contracts: f.volume("of them, projects that award a contract per year (the best bid must also save money)").default(25),
  contract_months: f.count("months a contract runs").min(3).max(60).default(18),
  maverick_rate: f.percent("share of orders in an awarded category bought off contract").max(0.9).default(0.08),
});

export type SourcingParams = z.infer<typeof params>;

export const sourceToContractSpec = {
  id: "source_to_contract",
  title: "Source-to-contract",
  rank: 14,
  stage: "posting",
  params,
  needs: ["master_data"],
  tables: [spendAnalysis, sourcingProjects, supplierQualifications, rfxEvents, supplierBids, bidEvaluations, contracts, contractLines, catalogItems, supplierScorecards],
  steps: [
    // Once: the sourcing plan (a function of the plan: blocks price from it).
    { name: "sourcing", stage: "setup", kind: "main" },
    // Each period after the close, at quarter ends: the scorecards of the quarter's receipts.
    { name: "scorecards", stage: "reporting", kind: "main", reads: ["subledger"] },
    // At the end (a period's orders are placed while later periods replenish): spend by period
    // and category, and the contracts with what real orders consumed.
    { name: "spend", stage: "final", kind: "main", reads: ["subledger"] },
    { name: "contracts", stage: "final", kind: "main", reads: ["subledger"] },
  ],
  layout: perCompany("companies"),
  provides: ["purchase_pricing"],
} satisfies PhaseSpec<typeof params>;
