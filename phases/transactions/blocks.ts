// The transactions phase: standalone journal entries, and the document chains (procure-to-pay,
// order-to-cash, intercompany) laid out as their own segments. A chain is generated wholly
// inside its block, so blocks stay independent and the output never depends on who ran them.
import { Rng } from "../../core/rng.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { apOpenItems, arOpenItems, customerInvoices, customerReceipts, deliveries, documentReferences, goodsReceipts, inventoryMovements, payments, purchaseOrders, salesOrders, vendorInvoices } from "../../specs/records/flows.ts";
import { intercompanyMatches } from "../../specs/records/group.ts";
import type { BlockRef, RunContext } from "../../ledger/context.ts";
import type { PlanPhase } from "../../specs/plan.ts";
import { BlockTotals } from "../../ledger/totals.ts";
import type { Deltas } from "../../ledger/state.ts";
import { docOffset, standaloneBlock } from "./standalone.ts";
import { flowEnv, type FlowEnv } from "../../ledger/flows.ts";
import { procureToPay, type P2PParams } from "./p2p.ts";
import { orderToCash, type O2CParams } from "./o2c.ts";
import { intercompany, type IntercompanyParams } from "./intercompany.ts";
import type { BlockStep } from "../api.ts";
import type { TableOut } from "../../specs/records/table.ts";
import type { CompanyInfo } from "../../ledger/context.ts";

type Chain = (env: FlowEnv, c: CompanyInfo, period: number, seq: number, params: never) => void;

/** Segment kinds (the layout's `table`) that are document chains, and their generators. */
export const CHAINS: Record<string, Chain> = {
  procure_to_pay: procureToPay as Chain,
  order_to_cash: orderToCash as Chain,
  intercompany: intercompany as Chain,
};

function processParams(cx: RunContext, id: string): unknown {
  const p = cx.plan.processes.find((x) => x.id === id);
  if (!p) throw new Error(`internal: the plan lays out ${id} chains but has no process ${id}`);
  return p.params;
}

function chainBlock(cx: RunContext, phase: PlanPhase, ref: BlockRef, out: TableOut): Deltas {
  const kind = ref.segment.table!;
  const run = CHAINS[kind];
  if (!run) throw new Error(`internal: unknown segment kind ${kind}`);
  const totals = new BlockTotals(cx);
  const env = flowEnv(cx, Rng.forBlock(cx.seed, phase.id, ref.index), totals, out);
  const company = cx.companies[cx.companyIndex.get(ref.segment.company!)!]!;
  const params = processParams(cx, kind) as never;
  const first = docOffset(phase, ref.segment) + ref.offset + 1;
  for (let i = 0; i < ref.units; i++) run(env, company, ref.segment.period!, first + i, params);
  env.reval.post(env, `B${String(ref.index).padStart(6, "0")}`);
  return totals.pack();
}

export const entriesStep: BlockStep = {
  kind: "blocks",
  block: (cx, phase, ref, out) => (ref.segment.table ? chainBlock(cx, phase, ref, out) : standaloneBlock(cx, phase, ref, out.table(journalEntries))),
};

export type { P2PParams, O2CParams, IntercompanyParams };
