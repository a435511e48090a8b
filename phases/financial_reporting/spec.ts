// financial_reporting: statements derived from the closed trial balance, bank statements and reconciliations.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perPeriod } from "../../specs/layout.ts";

const params = z.object({
  statements: f
    .list(z.enum(["balance_sheet", "income_statement", "cash_flow", "equity_changes"]), "statements to derive")
    .default(["balance_sheet", "income_statement", "cash_flow", "equity_changes"]),
  bank_reconciliation: f.bool("reconcile bank accounts every period").default(true),
});

export const financialReportingSpec = {
  id: "financial_reporting",
  title: "Financial reporting",
  rank: 15,
  stage: "reporting",
  params,
  needs: ["period_close"],
  tables: [],
  steps: [],
  layout: perPeriod("periods"),
} satisfies PhaseSpec<typeof params>;
