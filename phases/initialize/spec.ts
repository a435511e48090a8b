// initialize: the group's companies, the chart of accounts, the fiscal periods and the daily
// exchange rates every later phase converts with.
import { z } from "zod";
import type { PhaseSpec } from "../../specs/phase.ts";
import { buildLayout } from "../../specs/layout.ts";
import { chartOfAccounts, companies, fiscalPeriods } from "../../specs/records/ledger.ts";
import { fxRates } from "../../specs/records/group.ts";

export const initializeSpec = {
  id: "initialize",
  title: "Initialize",
  rank: 1,
  stage: "setup",
  params: z.object({}),
  needs: [],
  defaultEnabled: true,
  tables: [companies, chartOfAccounts, fiscalPeriods, fxRates],
  steps: [{ name: "setup", stage: "setup", kind: "main" }],
  layout: (cx) => buildLayout("companies", 1, [{ units: cx.companies.length }]),
} satisfies PhaseSpec;
