// audit: engagements, risk assessments, samples drawn from the journal, findings.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";

const params = z.object({
  standard: f.enum(["isa", "pcaob"], "auditing standard").default("isa"),
  materiality: f.percent("overall materiality as a share of revenue").max(0.2).default(0.01),
  samples: f.volume("sampled items per engagement").default(60),
  engagements: f.volume("audit engagements").min(1).default(1),
});

export const auditSpec = {
  id: "audit",
  title: "Audit (ISA)",
  rank: 9,
  stage: "reporting",
  params,
  needs: ["transactions", "period_close"],
  tables: [],
  steps: [],
  layout: perCompany("companies"),
} satisfies PhaseSpec<typeof params>;
