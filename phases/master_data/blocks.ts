// The master_data phase: each block is a run of consecutive records of one table of one company.
import { MASTER_DATA_TABLES } from "./tables.ts";
import { generateMasterBlock } from "./generate.ts";
import type { BlockStep } from "../api.ts";

const SPECS = new Map(MASTER_DATA_TABLES.map((t) => [t.name, t]));

export const recordsStep: BlockStep = {
  kind: "blocks",
  block(cx, _phase, ref, out) {
    const table = ref.segment.table!;
    const spec = SPECS.get(table);
    if (!spec) throw new Error(`internal: no record spec for master data table ${table}`);
    generateMasterBlock(cx.plan, table as never, cx.companyIndex.get(ref.segment.company!)!, ref.offset, ref.units, out.table(spec));
    return undefined;
  },
};
