// The anomalies phase's settings: how many anomalies of which types, how they cluster, and the
// data-quality layer ("as extracted" copy of the journal).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import { ANOMALY_CATALOG, DEFAULT_TYPES, TYPE_IDS } from "./catalog.ts";

export const QUALITY_PRESETS = ["none", "clean", "minimal", "normal", "high", "noisy", "legacy"] as const;
export type QualityPreset = (typeof QUALITY_PRESETS)[number];

/** Shares of rows per issue kind, by preset (missing values / typos / duplicates as the reference's presets). */
export const PRESET_RATES: Record<QualityPreset, { missing: number; typos: number; duplicates: number }> = {
  none: { missing: 0, typos: 0, duplicates: 0 },
  clean: { missing: 0.001, typos: 0.0005, duplicates: 0 },
  minimal: { missing: 0.005, typos: 0.0005, duplicates: 0.001 },
  normal: { missing: 0.02, typos: 0.002, duplicates: 0.005 },
  high: { missing: 0.08, typos: 0.01, duplicates: 0.02 },
  noisy: { missing: 0.05, typos: 0.02, duplicates: 0.01 },
  legacy: { missing: 0.1, typos: 0.05, duplicates: 0.03 },
};

const dataQuality = z
  .object({
    preset: f.enum(QUALITY_PRESETS, "issue rates of the as-extracted copy (none: no copy unless an integrity-breaking type is listed)").default("none"),
    missing: f.percent("share of rows with a missing value (overrides the preset)").optional(),
    typos: f.percent("share of rows with a typo in a text field (overrides the preset)").optional(),
    duplicates: f.percent("share of rows extracted twice, exactly or nearly (overrides the preset)").optional(),
    formats: f.percent("share of rows with a date, amount or identifier in another format (default: twice the typo share)").optional(),
    encoding: f.percent("share of rows with an encoding issue in a text field (default: half the typo share)").optional(),
  })
  .meta({ doc: "the data-quality layer: an as-extracted copy of the journal (dirty_journal_entries) with every changed cell in quality_labels" });

const rates = z
  .object(Object.fromEntries(ANOMALY_CATALOG.map((t) => [t.id, f.percent(t.carrier === "payroll" ? `share of the employee master added as ${t.id} (needs hr)` : `share of ${t.carrier === "procure_to_pay" ? "purchase orders (placed on service purchases)" : "standalone entries"} that carry ${t.id}`).optional()])))
  .meta({ doc: "per-type shares that replace the type's part of `rate`" });

export const params = z.object({
  rate: f.percent("share of documents that carry an injected anomaly, split over `types` by their weights").max(0.5).default(0.005),
  types: f.list(z.enum(TYPE_IDS), "anomaly types to inject (docs/anomalies.md lists them)").min(1).default([...DEFAULT_TYPES]),
  rates: rates.prefault({}),
  seed_offset: f.count("extra seed so anomaly placement can vary independently").default(0),
  ml_labels: f.bool("also write ml_labels: one row per journal line with is_anomaly, is_fraud, category, type and a suggested split").default(true),
  max_per_document: f.count("most anomalies one document carries (they never change the same fields)").min(1).max(3).default(1),
  clustering: f.percent("how strongly a type's anomalies cluster in time (0: spread by volume)").default(0.5),
  period_end: f.multiplier("weight of a quarter-end period against the others (a year end counts twice)").default(1.5),
  near_misses: f.bool("flag legitimate entries that an easy or medium type's detection predicate fires on as near misses in ml_labels").default(true),
  data_quality: dataQuality.prefault({}),
});

export type AnomaliesParams = z.infer<typeof params>;

/** The issue rates of the data-quality copy, preset and overrides resolved. */
export function qualityRates(p: AnomaliesParams["data_quality"]): { missing: number; typos: number; duplicates: number; formats: number; encoding: number } {
  const base = PRESET_RATES[p.preset];
  const typos = p.typos ?? base.typos;
  return { missing: p.missing ?? base.missing, typos, duplicates: p.duplicates ?? base.duplicates, formats: p.formats ?? 2 * typos, encoding: p.encoding ?? typos / 2 };
}

/** Each listed type's share of its carrier's documents: its own rate, or its weight's part of `rate`. */
export function typeRates(p: Pick<AnomaliesParams, "rate" | "types" | "rates">): Map<string, number> {
  const listed = [...new Set(p.types)];
  const own = (t: string) => (p.rates as Record<string, number | undefined>)[t];
  const free = listed.filter((t) => own(t) === undefined);
  const weights = new Map(ANOMALY_CATALOG.map((t) => [t.id, t.weight]));
  const sum = free.reduce((s, t) => s + weights.get(t)!, 0);
  return new Map(listed.map((t) => [t, own(t) ?? (sum > 0 ? (p.rate * weights.get(t)!) / sum : 0)]));
}
