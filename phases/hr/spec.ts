// hr: payroll from the employee master, time entries and expense reports.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perPeriod } from "../../specs/layout.ts";

const params = z.object({
  pay_frequency: f.enum(["monthly", "biweekly", "weekly"], "payroll frequency").default("monthly"),
  time_entries: f.bool("generate time entries").default(true),
  expenses: f.bool("generate expense reports").default(true),
});

export const hrSpec = {
  id: "hr",
  title: "HR (payroll, time, expenses)",
  rank: 16,
  stage: "posting",
  params,
  needs: ["master_data"],
  tables: [],
  steps: [],
  layout: perPeriod("payroll periods"),
} satisfies PhaseSpec<typeof params>;
