// `synth merge --out DIR SHARD...`: combines shard outputs into exactly the single-machine
// result. Phases are replayed in plan order: a block phase appends every shard's parts in
// shard order (contiguous block ranges, so block order is kept) and folds their totals; a main
// phase (close, reporting, export) runs here on the folded state. Same rows, same bytes, same
// manifest as one run on one machine.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { buildContext, type RunContext } from "../ledger/context.ts";
import { ChunkCollector, type Chunk, type RowFormat } from "./block-runner.ts";
import { ConfigurationError } from "../core/errors.ts";
import { addState, emptyState, stateFromJSON, type RunState } from "../ledger/state.ts";
import { checkPlan } from "./plan-check.ts";
import { PHASE_IMPLS } from "./phases.ts";
import { PLAN_FILE, readShard, type ShardManifest } from "../output/shard.ts";
import { DirStore } from "../output/store.ts";
import type { Manifest } from "../specs/manifest.ts";
import type { Plan } from "../specs/plan.ts";
import { makeView, type ProgressMode } from "./progress.ts";

export interface MergeOptions {
  out: string;
  progress?: ProgressMode;
}

interface Shard {
  dir: string;
  manifest: ShardManifest;
}

export async function mergeShards(dirs: string[], opts: MergeOptions): Promise<Manifest> {
  const view = makeView(opts.progress ?? "auto");
  const shards = checkShards(dirs.map((dir) => ({ dir, manifest: readShard(dir) })));
  const plan = checkPlan(JSON.parse(readFileSync(join(shards[0]!.dir, PLAN_FILE), "utf8")));
  if (plan.planHash !== shards[0]!.manifest.planHash) throw new ConfigurationError(`${PLAN_FILE} in ${shards[0]!.dir} does not belong to its shards`);
  const cx = buildContext(plan);
  const store = new DirStore(opts.out, plan, shards[0]!.manifest.formats as RowFormat[]);
  store.begin(false, cx);
  const state = emptyState(cx);
  for (let i = 0; i < plan.phases.length; i++) {
    view.note(`merging ${plan.phases[i]!.id}`);
    await mergePhase(plan, cx, i, shards, store, state);
  }
  const manifest = await store.complete(state);
  view.finish(`merged ${shards.length} shards: ${manifest.files.reduce((s, f) => s + f.rows, 0).toLocaleString("en-US")} rows in ${manifest.files.length} files`);
  return manifest;
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

async function mergePhase(plan: Plan, cx: RunContext, i: number, shards: Shard[], store: DirStore, state: RunState): Promise<void> {
  const phase = plan.phases[i]!;
  const impl = PHASE_IMPLS[phase.id];
  if (phase.status !== "run") return store.markPhase(phase.id, phase.status, phase.reason);
  if (!impl) return store.markPhase(phase.id, "not_implemented", "this runtime does not generate this phase yet");
  if (impl.kind === "main") {
    const out = new ChunkCollector(store.sink.formats, store.keep);
    impl.run(cx, phase, state, out);
    for (const c of out.chunks()) store.sink.write(c);
  } else {
    for (const s of shards) appendShardPhase(cx, s, i, store, state);
  }
  await store.sink.flush();
  store.markPhase(phase.id, "complete", undefined, phase.layout.blocks);
}

/** Appends one shard's part files of a phase (checked against their sha256) and folds its totals. */
function appendShardPhase(cx: RunContext, s: Shard, phaseIndex: number, store: DirStore, state: RunState): void {
  const part = s.manifest.phases.find((p) => p.index === phaseIndex);
  if (!part) throw new ConfigurationError(`shard ${s.manifest.shard} in ${s.dir} has no output for phase ${cx.plan.phases[phaseIndex]!.id}`);
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
  addState(state, stateFromJSON(cx, JSON.parse(readFileSync(join(s.dir, part.totals), "utf8"))));
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
