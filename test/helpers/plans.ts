// Plan helpers for tests: the plan without what depends on the source text's bytes and layout.
import { hashOf } from "../../core/canonical.ts";
import type { Plan } from "../../specs/plan.ts";

/**
 * The plan minus source hashes, source positions and the hashes that cover them: what the
 * scenario *means*. The planHash covers the source bytes on purpose (a reformatted .synth makes
 * a committed plan stale), so reformatting is compared on this instead.
 */
export function planMeaning(plan: Plan): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === "source" || k === "sources" || k === "sourceHash" || k === "planHash" || k === "hash") continue;
      out[k] = strip(x);
    }
    return out;
  };
  return strip(plan);
}

export function meaningHash(plan: Plan): string {
  return hashOf(planMeaning(plan));
}
