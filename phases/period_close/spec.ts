// period_close: depreciation, accruals and their reversal, the income tax provision, year-end
// closing into retained earnings, then the trial balance, subledger reconciliation, stock per
// material, and the translated and consolidated trial balances of the group; after the last
// period, each company's business plan against its ledger (plan_vs_actual).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perPeriod } from "../../specs/layout.ts";
import { journalEntries, trialBalance } from "../../specs/records/ledger.ts";
import { consolidatedTrialBalance, inventoryBalances, reconciliation, translatedTrialBalance } from "../../specs/records/group.ts";
import { planVsActual } from "../../specs/records/business.ts";

const params = z.object({
  depreciation: f.bool("post monthly depreciation").default(true),
  accruals: f.bool("post accruals and reverse them next period").default(true),
  tax_rate: f.percent("income tax rate for the tax provision").default(0.25),
  close_years: f.bool("close P&L into retained earnings at fiscal year end").default(true),
});

export type PeriodCloseParams = z.infer<typeof params>;

export const periodCloseSpec = {
  id: "period_close",
  title: "Period close",
  rank: 5,
  stage: "close",
  params,
  needs: ["transactions"],
  defaultEnabled: true,
  tables: [journalEntries, trialBalance, reconciliation, inventoryBalances, translatedTrialBalance, consolidatedTrialBalance, planVsActual],
  steps: [
    { name: "close", stage: "close", kind: "main", reads: ["ledger", "subledger", "stock"], posts: ["ledger"] },
    // After the last period: each company's business plan against its ledger.
    { name: "plan_vs_actual", stage: "final", kind: "main", reads: ["ledger", "treasury", "period_close"] },
  ],
  layout: perPeriod("periods"),
} satisfies PhaseSpec<typeof params>;
