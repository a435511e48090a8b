// export: the data dictionary of every table the run writes, derived from the record specs.
import { z } from "zod";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";
import { dataDictionary } from "./tables.ts";

export const exportSpec = {
  id: "export",
  title: "Export and ML labels",
  rank: 7,
  stage: "final",
  params: z.object({}),
  needs: ["transactions"],
  after: ["period_close", "anomalies"],
  defaultEnabled: true,
  tables: [dataDictionary],
  steps: [{ name: "dictionary", stage: "final", kind: "main" }],
  layout: perCompany("companies"),
} satisfies PhaseSpec;
