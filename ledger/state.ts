// The run's folded state, as registered slices. A block returns a delta per slice it touched;
// the main thread folds the deltas in block order, so the state never depends on which thread
// ran what. Each slice knows how to create, fold, add (a shard's state into the merge's) and
// serialize itself (checkpoints, shard totals), so --resume, --shard and merge work for any
// phase's slice without edits here. The ledger, the subledgers and stock are the core slices;
// a phase adds its own through its module.
import type { RunContext } from "./context.ts";

export interface Slice<S = unknown, D = unknown> {
  name: string;
  create(cx: RunContext): S;
  /** Adds a block's delta (main thread, block order). */
  fold(state: S, delta: D): void;
  /** Adds one state into another of the same run (shard totals into the merge's state). */
  add(into: S, from: S): void;
  toJSON(state: S): unknown;
  fromJSON(cx: RunContext, json: unknown): S;
  /** Buffers of a delta a worker can transfer instead of copying. */
  transferables?(delta: D): ArrayBuffer[];
}

/** Block deltas by slice name. */
export type Deltas = Record<string, unknown>;

export class RunState {
  private readonly values = new Map<string, unknown>();

  constructor(readonly cx: RunContext, readonly slices: readonly Slice[]) {
    for (const s of slices) this.values.set(s.name, s.create(cx));
  }

  get<S>(slice: Slice<S, never>): S {
    const v = this.values.get(slice.name);
    if (v === undefined) throw new Error(`internal: slice ${slice.name} is not registered in this run`);
    return v as S;
  }

  fold(deltas: Deltas): void {
    for (const s of this.slices) if (deltas[s.name] !== undefined) s.fold(this.values.get(s.name), deltas[s.name]);
  }

  add(from: RunState): void {
    for (const s of this.slices) s.add(this.values.get(s.name), from.values.get(s.name));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.slices.map((s) => [s.name, s.toJSON(this.values.get(s.name))]));
  }

  load(json: Record<string, unknown>): this {
    for (const s of this.slices) {
      if (!(s.name in json)) throw new Error(`the saved state has no slice ${s.name}`);
      this.values.set(s.name, s.fromJSON(this.cx, json[s.name]));
    }
    return this;
  }
}

/** Buffers of a block's deltas that can be transferred to the main thread. */
export function deltaTransferables(slices: readonly Slice[], deltas: Deltas): ArrayBuffer[] {
  return slices.flatMap((s) => (deltas[s.name] !== undefined && s.transferables ? s.transferables(deltas[s.name] as never) : []));
}
