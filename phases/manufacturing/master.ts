// The production master data, written once: work centers, bills of material (multi-level:
// semi-finished components have bills of their own) and routings.
import { formatMinor } from "../../output/writers.ts";
import type { MainStep } from "../api.ts";
import { material } from "../master_data/index.ts";
import { production } from "./bom.ts";
import { billsOfMaterial, routings, workCenters } from "./tables.ts";

export const masterStep: MainStep = {
  kind: "main",
  run(cx, _phase, _state, out) {
    const ww = out.table(workCenters);
    const wb = out.table(billsOfMaterial);
    const wr = out.table(routings);
    for (const c of cx.companies) {
      const prod = production(cx, c);
      if (prod.made.size === 0) continue;
      const id = (m: number) => material(cx, c.index, m).id;
      for (const wc of prod.workCenters) {
        ww.id(c.code); ww.id(wc.id); ww.text(wc.name); ww.id(wc.costCenter);
        ww.decimal(formatMinor(wc.labourRate, c.digits)); ww.decimal(formatMinor(wc.machineRate, c.digits)); ww.decimal(wc.capacityHours.toFixed(1)); ww.id(c.currency); ww.end();
      }
      for (const [m, r] of [...prod.recipes].sort((x, y) => x[0] - y[0])) {
        const level = material(cx, c.index, m).type === "semi_finished" ? 2 : 1;
        r.components.forEach((comp, k) => {
          wb.id(c.code); wb.id(id(m)); wb.int(k + 1); wb.id(id(comp.material)); wb.int(comp.quantity);
          wb.money(comp.quantity * material(cx, c.index, comp.material).standardCost, c.digits); wb.int(level); wb.end();
        });
        for (const op of r.operations) {
          wr.id(c.code); wr.id(id(m)); wr.int(op.number); wr.id(prod.workCenters[op.workCenter]!.id); wr.text(op.description);
          wr.decimal(op.setupMinutes.toFixed(2)); wr.decimal(op.runMinutes.toFixed(4)); wr.money(op.cost, c.digits); wr.end();
        }
      }
    }
  },
};
