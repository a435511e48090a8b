// Scale-out: `synth run PLAN --shard i/n` runs a deterministic slice of every block step and
// writes its part files (no headers) and the totals they fold; `synth merge` walks the same
// sequence of steps over all shards and produces exactly the single-machine output. A shard is
// a unit of retry for the batch engine that runs it: it is rerun whole, never resumed.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { canonicalJson } from "../core/canonical.ts";
import type { Plan } from "../specs/plan.ts";
import { MANIFEST_FORMAT_VERSION, ManifestFile, type Manifest } from "../specs/manifest.ts";
import type { RowFormat } from "./chunks.ts";
import type { RunContext } from "../ledger/context.ts";
import { ConfigurationError, outputError, type RunError } from "../core/errors.ts";
import { removeLeftovers, writeAtomic } from "./manifest.ts";
import { acquireLock } from "./lock.ts";
import { confined } from "./paths.ts";
import { DirSink, type FileState, type Sink } from "./sinks.ts";
import type { StartPoint, Store, StoreContext } from "./store.ts";

export interface ShardSpec {
  index: number;
  count: number;
}

/** At most this many shards: a batch engine's array jobs stay well below it. */
export const MAX_SHARDS = 10_000;

/** "2/5" -> { index: 2, count: 5 } (0-based index). */
export function parseShard(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  const hint = "shards are numbered from 0, like JOB_COMPLETION_INDEX";
  if (!m) throw new ConfigurationError(`--shard takes I/N, two whole numbers with 0 <= I < N (for example 0/4), got "${text}"`, hint);
  if (count < 1 || count > MAX_SHARDS) throw new ConfigurationError(`--shard ${text}: the number of shards must be from 1 to ${MAX_SHARDS.toLocaleString("en-US")}, got ${count}`);
  if (index >= count) throw new ConfigurationError(`--shard ${text}: shard ${index} does not exist among ${count} shards (0 to ${count - 1})`, hint);
  return { index, count };
}

/** The blocks of [from, to) that shard i of n runs: contiguous, so merging keeps block order. */
export function sliceOf(range: { from: number; to: number }, s: ShardSpec): { from: number; to: number } {
  const n = range.to - range.from;
  return { from: range.from + Math.floor((s.index * n) / s.count), to: range.from + Math.floor(((s.index + 1) * n) / s.count) };
}

export const SHARD_FILE = "shard.json";
export const PLAN_FILE = "plan.json";

/** One block step's part of a shard: its rows and the state deltas they folded. */
export const ShardPart = z.object({
  /** The step's position in the driver's sequence. */
  position: z.number().int(),
  phase: z.string(),
  step: z.string(),
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
  parts: z.array(ShardPart),
  error: z.object({ kind: z.string(), message: z.string() }).optional(),
});
export type ShardManifest = z.infer<typeof ShardManifest>;

const partsDir = (position: number, phase: string, step: string) => join("parts", `${String(position).padStart(3, "0")}-${phase}-${step}`);

/** A shard's output: one part directory per block phase, then shard.json. */
export class ShardStore implements Store {
  private current: DirSink;
  private readonly parts: ShardManifest["parts"] = [];
  private status: ShardManifest["status"] = "running";
  private started = false;
  private releaseLock: () => void = () => {};
  readonly keep: (table: string) => boolean;

  constructor(
    readonly dir: string,
    private readonly plan: Plan,
    private readonly formats: RowFormat[],
    readonly shard: ShardSpec,
    private readonly sx: StoreContext,
  ) {
    const set = plan.output.tables ? new Set(plan.output.tables) : null;
    this.keep = set ? (t) => set.has(t) : () => true;
    this.current = this.partSink(".");
  }

  get sink(): Sink {
    return this.current;
  }

  private partSink(rel: string): DirSink {
    return new DirSink(join(this.dir, rel), this.formats, this.sx.tables, { headers: false });
  }

  begin(resume: boolean, _cx: RunContext): StartPoint {
    // Refused before anything is written: no shard.json is left where it does not belong.
    if (resume) throw new ConfigurationError("a shard cannot be resumed: rerun it whole (batch engines retry failed shards)", "run the same command without --resume");
    if (this.dir.trim() === "") throw new ConfigurationError("the output directory is empty", "name one with --out DIR");
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (e) {
      throw outputError(this.dir, e);
    }
    this.releaseLock = acquireLock(this.dir);
    try {
      removeLeftovers(this.dir);
      rmSync(join(this.dir, "parts"), { recursive: true, force: true });
      rmSync(join(this.dir, SHARD_FILE), { force: true });
    } catch (e) {
      this.releaseLock();
      throw outputError(this.dir, e);
    }
    this.started = true;
    writeAtomic(join(this.dir, PLAN_FILE), canonicalJson(this.plan));
    this.write();
    return { position: 0, completedBlocks: 0 };
  }

  /** Called before a block step: its rows go to their own part directory. */
  startPart(position: number, phase: string, step: string): void {
    this.current = this.partSink(partsDir(position, phase, step));
    this.current.prepareFresh([]);
  }

  /** Called after a block step: its part files and the state its blocks folded (JSON of the slices). */
  async endPart(position: number, phase: string, step: string, range: { from: number; to: number }, state: Record<string, unknown>): Promise<void> {
    await this.current.flush();
    const dir = partsDir(position, phase, step);
    const files = this.current.files().map((f) => ({ ...f, path: join(dir, f.path) }));
    await this.current.close();
    const totals = join(dir, "totals.json");
    writeAtomic(join(this.dir, totals), JSON.stringify(state));
    this.parts.push({ position, phase, step, ...range, files, totals });
    this.write();
  }

  checkpoint(): void {}
  markPhase(): void {}

  async complete(): Promise<Manifest> {
    this.status = "complete";
    this.write();
    const files = this.parts.flatMap((p) => p.files);
    return { formatVersion: MANIFEST_FORMAT_VERSION, generator: "synth", planHash: this.plan.planHash, scenario: this.plan.scenario.name, formats: [...new Set(this.formats)].sort(), status: "complete", phases: [], files };
  }

  async fail(err: RunError, interrupted: boolean): Promise<void> {
    if (!this.started) return;
    this.status = interrupted ? "interrupted" : "failed";
    try {
      await this.current.close();
    } catch {
      // The shard is rerun whole; shard.json says it did not complete.
    }
    this.write(err);
  }

  writeReport(report: object): void {
    if (this.started) writeAtomic(join(this.dir, "run-report.json"), canonicalJson(report));
  }

  release(): void {
    this.releaseLock();
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
      parts: this.parts,
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
  // The merge reads these: each must be a file of this shard's directory.
  for (const part of parsed.data.parts) for (const f of [...part.files.map((x) => x.path), part.totals]) confined(dir, f, path, true);
  return parsed.data;
}

export type { FileState };
