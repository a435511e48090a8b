// Scale-out: `synth run PLAN --shard i/n` runs a deterministic slice of every block phase and
// writes its part files (no headers) and the phase totals; `synth merge` replays the phases in
// order over all shards and produces exactly the single-machine output. A shard is a unit of
// retry for the batch engine that runs it: it is rerun whole, never resumed.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { canonicalJson } from "../core/canonical.ts";
import type { Plan } from "../specs/plan.ts";
import { MANIFEST_FORMAT_VERSION, ManifestFile, type Manifest } from "../specs/manifest.ts";
import type { RowFormat } from "../engine/block-runner.ts";
import type { RunContext } from "../ledger/context.ts";
import { ConfigurationError, outputError, type RunError } from "../core/errors.ts";
import { stateToJSON, type RunState } from "../ledger/state.ts";
import { writeAtomic } from "./manifest.ts";
import { PHASE_IMPLS, tableSpecs } from "../engine/phases.ts";
import { DirSink, type FileState, type Sink } from "./sinks.ts";
import type { StartPoint, Store } from "./store.ts";
import type { RunReport } from "../engine/report.ts";

export interface ShardSpec {
  index: number;
  count: number;
}

/** "2/5" -> { index: 2, count: 5 } (0-based index). */
export function parseShard(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 10_000 || index >= count) {
    throw new ConfigurationError(`--shard takes i/n with 0 <= i < n (for example 0/4), got "${text}"`, "shards are numbered from 0, like JOB_COMPLETION_INDEX");
  }
  return { index, count };
}

/** The blocks [from, to) of a phase that shard i of n runs: contiguous, so merging keeps block order. */
export function sliceOf(blocks: number, s: ShardSpec): { from: number; to: number } {
  return { from: Math.floor((s.index * blocks) / s.count), to: Math.floor(((s.index + 1) * blocks) / s.count) };
}

export const SHARD_FILE = "shard.json";
export const PLAN_FILE = "plan.json";

export const ShardPhase = z.object({
  index: z.number().int(),
  id: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  files: z.array(ManifestFile),
  totals: z.string(),
});

export const ShardManifest = z.object({
  formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
  generator: z.literal("synth"),
  kind: z.literal("shard"),
  planHash: z.string(),
  shard: z.number().int(),
  count: z.number().int(),
  formats: z.array(z.string()),
  status: z.enum(["running", "complete", "failed", "interrupted"]),
  phases: z.array(ShardPhase),
  error: z.object({ kind: z.string(), message: z.string() }).optional(),
});
export type ShardManifest = z.infer<typeof ShardManifest>;

const partsDir = (phaseIndex: number, id: string) => join("parts", `${String(phaseIndex).padStart(2, "0")}-${id}`);

/** A shard's output: one part directory per block phase, then shard.json. */
export class ShardStore implements Store {
  private current: DirSink;
  private readonly phases: ShardManifest["phases"] = [];
  private status: ShardManifest["status"] = "running";
  readonly keep: (table: string) => boolean;

  constructor(
    readonly dir: string,
    private readonly plan: Plan,
    private readonly formats: RowFormat[],
    readonly shard: ShardSpec,
  ) {
    const set = plan.output.tables ? new Set(plan.output.tables) : null;
    this.keep = set ? (t) => set.has(t) : () => true;
    this.current = this.partSink(".");
  }

  get sink(): Sink {
    return this.current;
  }

  private partSink(rel: string): DirSink {
    return new DirSink(join(this.dir, rel), this.formats, tableSpecs(), { headers: false });
  }

  begin(resume: boolean, _cx: RunContext): StartPoint {
    if (resume) throw new ConfigurationError("a shard cannot be resumed: rerun it whole (batch engines retry failed shards)", "run the same command without --resume");
    try {
      mkdirSync(this.dir, { recursive: true });
      rmSync(join(this.dir, "parts"), { recursive: true, force: true });
      rmSync(join(this.dir, SHARD_FILE), { force: true });
    } catch (e) {
      throw outputError(this.dir, e);
    }
    writeAtomic(join(this.dir, PLAN_FILE), canonicalJson(this.plan));
    this.write();
    return { phaseIndex: 0, completedBlocks: 0 };
  }

  /** Called before a block phase: its rows go to their own part directory. */
  startPhase(phaseIndex: number, id: string): void {
    this.current = this.partSink(partsDir(phaseIndex, id));
    this.current.prepareFresh([]);
  }

  /** Called after a block phase: its part files and the totals it folded. */
  async endPhase(phaseIndex: number, id: string, range: { from: number; to: number }, state: RunState): Promise<void> {
    await this.current.flush();
    const files = this.current.files().map((f) => ({ ...f, path: join(partsDir(phaseIndex, id), f.path) }));
    await this.current.close();
    const totals = join(partsDir(phaseIndex, id), "totals.json");
    writeAtomic(join(this.dir, totals), JSON.stringify(stateToJSON(state)));
    this.phases.push({ index: phaseIndex, id, ...range, files, totals });
    this.write();
  }

  checkpoint(): void {}
  markPhase(): void {}

  async complete(): Promise<Manifest> {
    this.status = "complete";
    this.write();
    const files = this.phases.flatMap((p) => p.files);
    return { formatVersion: MANIFEST_FORMAT_VERSION, generator: "synth", planHash: this.plan.planHash, scenario: this.plan.scenario.name, status: "complete", phases: [], files };
  }

  async fail(err: RunError, interrupted: boolean): Promise<void> {
    this.status = interrupted ? "interrupted" : "failed";
    try {
      await this.current.close();
    } catch {
      // The shard is rerun whole; shard.json says it did not complete.
    }
    this.write(err);
  }

  writeReport(report: RunReport): void {
    writeAtomic(join(this.dir, "run-report.json"), canonicalJson(report));
  }

  private write(err?: RunError): void {
    const m: ShardManifest = {
      formatVersion: MANIFEST_FORMAT_VERSION,
      generator: "synth",
      kind: "shard",
      planHash: this.plan.planHash,
      shard: this.shard.index,
      count: this.shard.count,
      formats: this.formats,
      status: this.status,
      phases: this.phases,
      error: err && { kind: err.kind, message: err.message },
    };
    writeAtomic(join(this.dir, SHARD_FILE), canonicalJson(m));
  }
}

/** Reads and checks a shard directory's manifest. */
export function readShard(dir: string): ShardManifest {
  const path = join(dir, SHARD_FILE);
  if (!existsSync(path)) throw new ConfigurationError(`${dir} is not a shard output: it has no ${SHARD_FILE}`, "pass the directories given to synth run --shard i/n --out DIR");
  const parsed = ShardManifest.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new ConfigurationError(`${path} is not a synth shard manifest`);
  if (parsed.data.status !== "complete") throw new ConfigurationError(`shard ${parsed.data.shard}/${parsed.data.count} in ${dir} did not complete (${parsed.data.status})`, "rerun that shard, then merge");
  return parsed.data;
}

/** Whether a block phase runs in shards (main phases run in the merge). */
export function isBlockPhase(plan: Plan, i: number): boolean {
  const p = plan.phases[i]!;
  return p.status === "run" && PHASE_IMPLS[p.id]?.kind === "blocks";
}

export type { FileState };
