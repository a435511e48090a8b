// graphs: transaction, entity, approval and document-flow graphs for graph ML and graph databases.
// Planned: the compiler checks and plans it; the runtime does not generate it yet (no steps).
import { z } from "zod";
import { f } from "../../specs/fields.ts";
import type { PhaseSpec } from "../../specs/phase.ts";
import { perCompany } from "../../specs/layout.ts";

const params = z.object({
  formats: f.list(z.enum(["graphml", "neo4j_csv", "pyg"]), "graph export formats").default(["neo4j_csv"]),
  kinds: f.list(z.enum(["transaction", "entity", "approval", "document_flow"]), "graphs to build").default(["transaction", "document_flow"]),
});

export const graphsSpec = {
  id: "graphs",
  title: "Graph exports",
  rank: 10,
  stage: "final",
  params,
  needs: ["transactions"],
  after: ["anomalies"],
  tables: [],
  steps: [],
  layout: perCompany("companies"),
} satisfies PhaseSpec<typeof params>;
