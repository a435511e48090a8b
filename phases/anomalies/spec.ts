// anomalies: labelled fraud, errors and process anomalies injected into the data, with ML labels.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";

export const ANOMALY_TYPES = [
  "duplicate_entry",
  "round_amount",
  "weekend_posting",
  "after_hours_posting",
  "unusual_account_pair",
  "split_transaction",
  "backdated_entry",
  "missing_approval",
  "self_approval",
  "amount_outlier",
  "benford_violation",
  "reversed_entry",
  "dormant_account",
  "ghost_vendor",
  "duplicate_payment",
] as const;

const params = z.object({
  rate: f.percent("share of entries that carry an injected anomaly").max(0.5).default(0.005),
  types: f.list(z.enum(ANOMALY_TYPES), "anomaly types to inject").min(1).default([...ANOMALY_TYPES]),
  seed_offset: f.count("extra seed so anomaly placement can vary independently").default(0),
  ml_labels: f.bool("also write ml_labels: one row per entry with is_anomaly and anomaly_type").default(true),
});

export const anomaliesSpec = {
  id: "anomalies",
  title: "Anomaly injection",
  rank: 6,
  stage: "posting",
  params,
  needs: ["transactions"],
  tables: [],
  steps: [],
  layout: perCompany("companies"),
} satisfies PhaseSpec<typeof params>;
