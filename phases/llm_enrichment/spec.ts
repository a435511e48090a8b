// llm_enrichment: richer free text for entries and master records.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";

const params = z.object({
  provider: f.enum(["template", "none"], "text source (template: deterministic, offline)").default("template"),
  fields: f.list(z.enum(["entry_text", "vendor_description", "material_description"]), "fields to enrich").default(["entry_text"]),
});

export const llmEnrichmentSpec = {
  id: "llm_enrichment",
  title: "LLM enrichment",
  rank: 11,
  stage: "posting",
  params,
  needs: ["master_data"],
  after: ["transactions"],
  tables: [],
  steps: [],
  layout: perCompany("companies"),
} satisfies PhaseSpec<typeof params>;
