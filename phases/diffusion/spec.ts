// diffusion: statistical enhancement of amounts towards learned distributions.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";

const params = z.object({
  steps: f.count("denoising steps").min(1).max(1000).default(50),
  strength: f.percent("how far the enhanced amounts may move").default(0.1),
});

export const diffusionSpec = {
  id: "diffusion",
  title: "Diffusion enhancement",
  rank: 12,
  stage: "posting",
  params,
  needs: ["transactions"],
  tables: [],
  steps: [],
  layout: perCompany("companies"),
} satisfies PhaseSpec<typeof params>;
