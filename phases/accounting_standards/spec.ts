// accounting_standards: revenue contracts (IFRS 15 / ASC 606), impairment and expected credit losses.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";

const params = z.object({
  framework: f.enum(["ifrs", "us_gaap"], "accounting framework").default("ifrs"),
  revenue_recognition: f.bool("ASC 606 / IFRS 15 revenue contracts").default(true),
  impairment: f.bool("impairment tests").default(true),
});

export const accountingStandardsSpec = {
  id: "accounting_standards",
  title: "Accounting standards",
  rank: 17,
  stage: "posting",
  params,
  needs: ["transactions"],
  tables: [],
  steps: [],
  layout: perCompany("companies"),
} satisfies PhaseSpec<typeof params>;
