// The export phase: the data dictionary of everything this run writes, derived from the record
// specs (the single source of truth), so a user can load the files without guessing types.
import type { MainStep } from "../api.ts";
import { dataDictionary } from "./tables.ts";

export const dictionaryStep: MainStep = {
  kind: "main",
  run(cx, _phase, _state, out) {
    const w = out.table(dataDictionary);
    const written = new Set(cx.plan.phases.filter((p) => p.status === "run").flatMap((p) => p.outputs));
    written.add(dataDictionary.name);
    const specs = [...cx.tables.values()].filter((s) => written.has(s.name));
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
