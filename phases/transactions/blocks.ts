// The transactions phase's block step: standalone journal entries, and the document chains
// laid out as their own segments (order-to-cash, purchased services, intercompany). A block is
// generated wholly inside itself, so blocks stay independent and the output never depends on
// who ran them. Stock replenishment is planned per period by purchasing (replenish.ts), from the
// purchase orders of the procure-to-pay segments reserved for it.
import { Rng } from "../../core/rng.ts";
import type { BlockRef, CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { PlanPhase } from "../../specs/plan.ts";
import { BlockTotals } from "../../ledger/totals.ts";
import type { Deltas } from "../../ledger/state.ts";
import { docOffset, standaloneBlock } from "./standalone.ts";
import { flowEnv } from "../../ledger/flows.ts";
import { servicePurchasesBlock, type P2PParams } from "./p2p.ts";
import { orderToCashBlock, type O2CParams } from "./o2c.ts";
import { intercompanyBlock, type IntercompanyParams } from "./intercompany.ts";
import { stockOrders } from "./chains.ts";

import type { BlockStep } from "../api.ts";
import type { TableOut } from "../../specs/records/table.ts";

function processParams(cx: RunContext, id: string): unknown {
  const p = cx.plan.processes.find((x) => x.id === id);
  if (!p) throw new Error(`internal: the plan lays out ${id} chains but has no process ${id}`);
  return p.params;
}

function chainBlock(cx: RunContext, phase: PlanPhase, ref: BlockRef, out: TableOut): Deltas {
  const kind = ref.segment.table!;
  const totals = new BlockTotals(cx);
  const env = flowEnv(cx, Rng.forBlock(cx.seed, phase.id, ref.index), totals, out);
  const company = cx.companies[cx.companyIndex.get(ref.segment.company!)!]!;
  const first = docOffset(phase, ref.segment) + ref.offset + 1;
  // With revenue recognition provided, order-to-cash hands the provider's slices their part too.
  let own: Deltas | undefined;
  if (kind === "order_to_cash") own = orderToCashBlock(env, company, ref, first, processParams(cx, kind) as O2CParams);
  else if (kind === "procure_to_pay") servicePurchasesBlock(env, company, ref, serviceSeqs(cx, phase, company, ref), docOffset(phase, ref.segment) + 1, processParams(cx, kind) as P2PParams);
  else if (kind === "intercompany") intercompanyBlock(env, company, ref, first, processParams(cx, kind) as IntercompanyParams);
  else throw new Error(`internal: unknown segment kind ${kind}`);
  env.reval.post(env, `B${String(ref.index).padStart(6, "0")}`);
  return own ? { ...totals.pack(), ...own } : totals.pack();
}

/** Purchase order numbers of the block that are not reserved for stock replenishment. */
function serviceSeqs(cx: RunContext, phase: PlanPhase, c: CompanyInfo, ref: BlockRef): number[] {
  const reserved = stockOrders(cx, c, ref.segment.units);
  const first = docOffset(phase, ref.segment) + 1;
  const out: number[] = [];
  for (let i = Math.max(ref.offset, reserved); i < ref.offset + ref.units; i++) out.push(first + i);
  return out;
}

export const entriesStep: BlockStep = {
  kind: "blocks",
  block: (cx, phase, ref, out) => (ref.segment.table ? chainBlock(cx, phase, ref, out) : standaloneBlock(cx, phase, ref, out)),
};
