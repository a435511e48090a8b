// manufacturing: bills of material, production orders with WIP and variances, inspections, cycle counts.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { ratedLayout } from "../../specs/layout.ts";

const params = z.object({
  production_orders: f.rate("production orders").default({ amount: 2000, per: "year" }),
  inspection_rate: f.percent("share of production orders inspected").default(0.2),
  cycle_counts: f.rate("inventory cycle counts").default({ amount: 12, per: "year" }),
});

export const manufacturingSpec = {
  id: "manufacturing",
  title: "Manufacturing",
  rank: 18,
  stage: "posting",
  params,
  needs: ["master_data"],
  tables: [],
  steps: [],
  layout: (cx) => ratedLayout("production orders", (cx.params.manufacturing as z.infer<typeof params>).production_orders, cx),
} satisfies PhaseSpec<typeof params>;
