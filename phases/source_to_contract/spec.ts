// source_to_contract: spend analysis, sourcing events, bids, contracts and scorecards.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";

const params = z.object({
  sourcing_events: f.volume("sourcing events (RFx) per year").default(40),
  contracts: f.volume("contracts per year").default(25),
});

export const sourceToContractSpec = {
  id: "source_to_contract",
  title: "Source-to-contract",
  rank: 14,
  stage: "posting",
  params,
  needs: ["master_data"],
  tables: [],
  steps: [],
  layout: perCompany("companies"),
} satisfies PhaseSpec<typeof params>;
