// `synth merge --out DIR SHARD...`: combines shard outputs into exactly the single-machine
// result. It walks the driver's sequence of steps: a block step appends every shard's part in
// shard order (contiguous block ranges, so block order is kept) and folds their state; a main
// step (close, reporting, export) runs here on the folded state. Same rows, same bytes, same
// manifest as one run on one machine.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { buildContext, type RunContext } from "../ledger/context.ts";
import { runMain } from "./block-runner.ts";
import type { Chunk, RowFormat } from "../output/chunks.ts";
import { ConfigurationError, GenerationError, RunError } from "../core/errors.ts";
import { RunState } from "../ledger/state.ts";
import { checkPlan } from "./plan-check.ts";
import { PLAN_FILE, readShard, type ShardManifest } from "../output/shard.ts";
import { DirStore } from "../output/store.ts";
import type { Manifest } from "../specs/manifest.ts";
import { makeView, type ProgressMode } from "./progress.ts";
import { DEFAULT_MODULES, type Modules } from "./modules.ts";
import { sequence, type Work } from "./driver.ts";

export interface MergeOptions {
  out: string;
  progress?: ProgressMode;
  modules?: Modules;
}

interface Shard {
  dir: string;
  manifest: ShardManifest;
}

export async function mergeShards(dirs: string[], opts: MergeOptions): Promise<Manifest> {
  const modules = opts.modules ?? DEFAULT_MODULES;
  const view = makeView(opts.progress ?? "none");
  const shards = checkShards(dirs.map((dir) => ({ dir, manifest: readShard(dir) })));
  const plan = checkPlan(JSON.parse(readFileSync(join(shards[0]!.dir, PLAN_FILE), "utf8")), modules);
  if (plan.planHash !== shards[0]!.manifest.planHash) throw new ConfigurationError(`${PLAN_FILE} in ${shards[0]!.dir} does not belong to its shards`);
  const sx = { tables: modules.tables() };
  const cx = buildContext(plan, sx.tables, modules.implementations(plan));
  const store = new DirStore(opts.out, plan, shards[0]!.manifest.formats as RowFormat[], sx);
  let manifest: Manifest;
  try {
    store.begin(false, cx);
    manifest = await mergeAll(cx, modules, shards, store, view);
  } catch (e) {
    const err = e instanceof RunError ? e : new GenerationError(`unexpected failure: ${(e as Error)?.message ?? e}`);
    await store.fail(err, false);
    throw err;
  } finally {
    store.release();
  }
  view.finish(`merged ${shards.length} shards: ${manifest.files.reduce((s, f) => s + f.rows, 0).toLocaleString("en-US")} rows in ${manifest.files.length} files`);
  return manifest;
}

async function mergeAll(cx: RunContext, modules: Modules, shards: Shard[], store: DirStore, view: ReturnType<typeof makeView>): Promise<Manifest> {
  const state = new RunState(cx, modules.slices(cx.plan));
  for (const ev of sequence(cx.plan, modules)) {
    if (ev.kind === "mark") store.markPhase(ev.phase.id, ev.status, ev.reason);
    else if (ev.kind === "done") store.markPhase(ev.phase.id, "complete", undefined, ev.phase.layout.blocks);
    else {
      view.note(`merging ${ev.phase.id} (${ev.step.step})`);
      mergeWork(cx, modules, ev, shards, store, state);
      await store.sink.flush();
    }
  }
  return store.complete();
}

/** All shards of one plan, each exactly once, in index order. */
function checkShards(shards: Shard[]): Shard[] {
  if (shards.length === 0) throw new ConfigurationError("merge needs the shard directories", "synth merge --out DIR shards/0 shards/1 ...");
  const first = shards[0]!.manifest;
  for (const s of shards) {
    if (s.manifest.planHash !== first.planHash) throw new ConfigurationError(`${s.dir} belongs to another plan (${s.manifest.planHash.slice(0, 12)}, not ${first.planHash.slice(0, 12)})`);
    if (s.manifest.count !== first.count) throw new ConfigurationError(`${s.dir} is shard ${s.manifest.shard}/${s.manifest.count}, the others are of ${first.count}`);
    if (s.manifest.formats.join() !== first.formats.join()) throw new ConfigurationError(`${s.dir} wrote other formats than the other shards`);
  }
  const sorted = [...shards].sort((a, b) => a.manifest.shard - b.manifest.shard);
  const missing = Array.from({ length: first.count }, (_, i) => i).filter((i) => sorted[i]?.manifest.shard !== i);
  if (sorted.length !== first.count || missing.length) {
    throw new ConfigurationError(`merge needs all ${first.count} shards exactly once; missing or repeated: ${missing.join(", ") || "a duplicate"}`);
  }
  return sorted;
}

function mergeWork(cx: RunContext, modules: Modules, w: Work, shards: Shard[], store: DirStore, state: RunState): void {
  if (w.kind === "blocks") {
    for (const s of shards) appendShardPart(cx, modules, s, w, store, state);
    return;
  }
  const write = (c: Chunk) => store.sink.write(c);
  for (const c of runMain(cx, modules.step(w.phase.id, w.step.step), w, state, store.sink.formats, store.keep, modules.overlays(cx.plan), write)) write(c);
}

/** Appends one shard's part of a block step (checked against its sha256) and folds its state. */
function appendShardPart(cx: RunContext, modules: Modules, s: Shard, w: Work, store: DirStore, state: RunState): void {
  const part = s.manifest.parts.find((p) => p.position === w.position);
  if (!part || part.phase !== w.phase.id || part.step !== w.step.step) throw new ConfigurationError(`shard ${s.manifest.shard} in ${s.dir} has no output for ${w.phase.id} (${w.step.step})`);
  for (const f of [...part.files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const hasher = new Bun.CryptoHasher("sha256");
    let rows = f.rows;
    streamFile(join(s.dir, f.path), (bytes) => {
      hasher.update(bytes);
      store.sink.write({ table: f.table, format: f.format as Chunk["format"], rows, bytes });
      rows = 0;
    });
    if (hasher.digest("hex") !== f.sha256) throw new ConfigurationError(`${join(s.dir, f.path)} changed since its shard wrote it (sha256 differs)`, "rerun that shard");
  }
  const totals = JSON.parse(readFileSync(join(s.dir, part.totals), "utf8")) as Record<string, unknown>;
  state.add(new RunState(cx, modules.slices(cx.plan)).load(totals));
}

/** Reads a file in 4 MiB chunks (parts can be far larger than memory should hold). */
function streamFile(path: string, onChunk: (bytes: Uint8Array) => void): void {
  const fd = openSync(path, "r");
  try {
    for (;;) {
      const buf = new Uint8Array(4 << 20);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      onChunk(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}
