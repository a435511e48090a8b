// Volume scaling (`synth compile --scale 0.01`): the same scenario at a fraction of its volume,
// for a quick preview or a CI smoke run. Every setting whose schema is marked as a volume
// (`scales` metadata: counts of records, and every rate) shrinks by the factor (at least 1 where
// the scenario had any); distributions, dates and settings stay as written. The factor is
// recorded in the plan, so `compile --check` reproduces it.
import type { z } from "zod";
import { metaOf, unwrap } from "../specs/fields.ts";
import { ProcessesBlock } from "../specs/scenario.ts";
import type { Model } from "./model.ts";

type Raw = Record<string, unknown>;

const scaled = (n: number, factor: number) => (n === 0 ? 0 : Math.max(1, Math.round(n * factor)));

export function scaleModel(m: Model, factor: number): void {
  if (factor === 1) return;
  for (const spec of m.language.specs) scaleObject(spec.params, m.params[spec.id]!, factor);
  scaleObject(ProcessesBlock, m.doc.process as Raw, factor);
}

/** Scales, in place, every volume setting of `value` that `schema` describes (at any depth). */
function scaleObject(schema: z.ZodType, value: Raw, factor: number): void {
  const shape = (unwrap(schema) as z.ZodObject).shape as Record<string, z.ZodType>;
  for (const [key, field] of Object.entries(shape)) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    const meta = metaOf(field);
    if (meta.scales && typeof v === "number") value[key] = scaled(v, factor);
    else if (meta.scales && meta.unit === "rate") value[key] = { ...(v as Raw), amount: scaled((v as { amount: number }).amount, factor) };
    else if (unwrap(field).def.type === "object" && typeof v === "object") scaleObject(field, v as Raw, factor);
  }
}
