// causal_overlay: interventions on a structural causal model of the business.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";

const params = z.object({
  interventions: f.volume("causal interventions to overlay").default(3),
  model: f.enum(["linear", "additive"], "structural model").default("linear"),
});

export const causalOverlaySpec = {
  id: "causal_overlay",
  title: "Causal overlay",
  rank: 13,
  stage: "posting",
  params,
  needs: ["transactions"],
  tables: [],
  steps: [],
  layout: perCompany("companies"),
} satisfies PhaseSpec<typeof params>;
