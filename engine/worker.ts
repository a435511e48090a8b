// A pool worker: receives the plan once, then runs batches of blocks and sends back encoded
// rows and totals, transferring the buffers instead of copying them.
import { heapSize } from "bun:jsc";
import { Plan } from "../specs/plan.ts";
import { buildContext, type RunContext } from "../ledger/context.ts";
import { runBlock, type BlockResult } from "./block-runner.ts";
import { chunkTransferables, type RowFormat } from "../output/chunks.ts";
import { DEFAULT_MODULES, Modules } from "./modules.ts";
import { deltaTransferables, type Slice } from "../ledger/state.ts";
import { ByteBuffer } from "../output/writers.ts";

declare const self: Worker;

export type ToWorker =
  | { type: "init"; plan: unknown; formats: RowFormat[]; tables: string[] | null; extensions: string[] }
  | { type: "batch"; id: number; phase: string; step: string; from: number; to: number }
  | { type: "recycle"; buffers: ArrayBuffer[] };

export type FromWorker =
  | { type: "ready" }
  | { type: "done"; id: number; results: BlockResult[]; heap: number }
  | { type: "error"; id: number; message: string; stack?: string };

let cx: RunContext | undefined;
let slices: Slice[] = [];
let modules: Modules = DEFAULT_MODULES;
let formats: RowFormat[] = ["csv"];
let keep: (t: string) => boolean = () => true;

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === "init") {
    const plan = Plan.parse(msg.plan);
    modules = await Modules.withExtensions(msg.extensions);
    cx = buildContext(plan, modules.tables(), modules.implementations(plan));
    slices = modules.slices(plan);
    formats = msg.formats;
    const set = msg.tables ? new Set(msg.tables) : null;
    keep = set ? (t) => set.has(t) : () => true;
    self.postMessage({ type: "ready" } satisfies FromWorker);
    return;
  }
  if (msg.type === "recycle") {
    for (const b of msg.buffers) ByteBuffer.recycle(b);
    return;
  }
  try {
    const phase = cx!.phase(msg.phase as never);
    const impl = modules.step(phase.id, msg.step);
    const overlays = modules.overlays(cx!.plan);
    const results: BlockResult[] = [];
    for (let i = msg.from; i < msg.to; i++) results.push(runBlock(cx!, impl, phase, i, formats, keep, overlays));
    const transfer: ArrayBuffer[] = [];
    for (const r of results) {
      if (r.deltas) transfer.push(...deltaTransferables(slices, r.deltas));
      transfer.push(...chunkTransferables(r.chunks));
    }
    // heapSize is this thread's heap (process RSS is read on the main thread).
    const heap = heapSize();
    self.postMessage({ type: "done", id: msg.id, results, heap } satisfies FromWorker, transfer);
  } catch (e) {
    const err = e as Error;
    self.postMessage({ type: "error", id: msg.id, message: err?.message ?? String(e), stack: err?.stack } satisfies FromWorker);
  }
};
