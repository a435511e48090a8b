// The export phase: the data dictionary of everything this run writes, derived from the record
// specs (the single source of truth), so a user can load the files without guessing types.
import { c, table, type TableSpec } from "../../specs/records/table.ts";
import type { MainPhaseImpl } from "../api.ts";
import { tableSpecs } from "../../engine/phases.ts";

export const dataDictionary: TableSpec = table("data_dictionary", "every column of every table this run writes", {
  table_name: c.id("table"),
  column_position: c.int("1-based column position"),
  column_name: c.id("column"),
  column_type: c.id("id, text, int, money, decimal, date or bool"),
  nullable: c.bool("whether the column may be empty"),
  description: c.text("what the column holds"),
});

export const exportPhase: MainPhaseImpl = {
  kind: "main",
  tables: [dataDictionary],
  run(cx, _phase, _state, out) {
    const w = out.table(dataDictionary);
    const written = new Set(cx.plan.phases.filter((p) => p.status === "run").flatMap((p) => p.outputs));
    written.add(dataDictionary.name);
    const specs = [...tableSpecs().values(), dataDictionary].filter((s) => written.has(s.name));
    for (const spec of specs.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      spec.columns.forEach((col, i) => {
        w.id(spec.name);
        w.int(i + 1);
        w.id(col.name);
        w.id(col.kind);
        w.bool(col.optional);
        w.text(col.doc);
        w.end();
      });
    }
  },
};
