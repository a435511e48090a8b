// What a run leaves on disk besides the data: the manifest (status, phases, files), the
// checkpoint that --resume continues from, and the run report. The memory store keeps none.
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../specs/plan.ts";
import { MANIFEST_FORMAT_VERSION, type Checkpoint, type Manifest } from "../specs/manifest.ts";
import type { RowFormat } from "./chunks.ts";
import type { RunContext } from "../ledger/context.ts";
import { ConfigurationError, outputError, type RunError } from "../core/errors.ts";
import type { TableSpec } from "../specs/records/table.ts";
import { listedFiles, MANIFEST_FILE, readManifest, removeLeftovers, STATE_DIR, writeAtomic, writeManifest } from "./manifest.ts";
import { confined } from "./paths.ts";
import { acquireLock } from "./lock.ts";
import { typedLoadFiles } from "./typed-load.ts";
import { DirSink, type MemorySink, type Sink } from "./sinks.ts";
import { canonicalJson } from "../core/canonical.ts";

/** Where a run starts: the position in the driver's sequence, blocks of it done, the state then. */
export interface StartPoint {
  position: number;
  completedBlocks: number;
  /** The saved run state (JSON of its slices) when resuming. */
  state?: Record<string, unknown>;
}

/** What a store needs to know of the run's phases and tables. */
export interface StoreContext {
  tables: Map<string, TableSpec>;
}

type PhaseStatus = Manifest["phases"][number]["status"];

export interface Store {
  readonly sink: Sink;
  keep(table: string): boolean;
  begin(resume: boolean, cx: RunContext): StartPoint;
  /** Records a resumable point; the sink must have been flushed up to it. */
  checkpoint(position: number, completedBlocks: number, state: () => Record<string, unknown>): void;
  markPhase(id: string, status: PhaseStatus, reason?: string, completedBlocks?: number): void;
  complete(): Promise<Manifest>;
  fail(err: RunError, interrupted: boolean): Promise<void>;
  /** run-report.json (its shape is the engine's); nothing when the start was refused. */
  writeReport(report: object): void;
  /** Releases the output directory (its lock), whatever happened; called once at the end. */
  release(): void;
}

function initialPhases(plan: Plan): Manifest["phases"] {
  return plan.phases.map((p) => {
    const status: PhaseStatus = p.status === "run" ? "pending" : p.status;
    return { id: p.id, status, blocks: p.layout.blocks, completedBlocks: 0, reason: p.reason };
  });
}

function tableFilter(plan: Plan): (t: string) => boolean {
  const set = plan.output.tables ? new Set(plan.output.tables) : null;
  return set ? (t) => set.has(t) : () => true;
}

export class DirStore implements Store {
  readonly sink: DirSink;
  readonly keep: (table: string) => boolean;
  private manifest: Manifest;
  private last: Checkpoint | undefined;
  private stateSeq = 0;
  /** Set once begin() succeeded: before that, a refusal leaves the directory as it was. */
  private started = false;
  private releaseLock: (() => void) | undefined;

  constructor(
    readonly dir: string,
    private readonly plan: Plan,
    formats: RowFormat[],
    private readonly sx: StoreContext,
  ) {
    this.sink = new DirSink(dir, formats, sx.tables);
    this.keep = tableFilter(plan);
    this.manifest = {
      formatVersion: MANIFEST_FORMAT_VERSION,
      generator: "synth",
      planHash: plan.planHash,
      scenario: plan.scenario.name,
      formats: formatList(formats),
      status: "running",
      phases: initialPhases(plan),
      files: [],
    };
  }

  begin(resume: boolean, _cx: RunContext): StartPoint {
    if (this.dir.trim() === "") throw new ConfigurationError("the output directory is empty", "name one with --out DIR");
    if (existsSync(this.dir) && !isDirectory(this.dir)) throw outputError(this.dir, Object.assign(new Error("not a directory"), { code: "ENOTDIR" }));
    if (resume && !existsSync(join(this.dir, MANIFEST_FILE))) throw nothingToResume(this.dir);
    if (!resume) this.sink.prepareFresh();
    this.releaseLock = acquireLock(this.dir);
    try {
      const start = resume ? this.beginResume() : this.beginFresh();
      this.started = true;
      return start;
    } catch (e) {
      this.unlock();
      throw e;
    }
  }

  private get manifestPath(): string {
    return join(this.dir, MANIFEST_FILE);
  }

  private beginFresh(): StartPoint {
    // Every listed path is checked before the first one is removed.
    const listed = listedFiles(this.dir).map((p) => confined(this.dir, p, this.manifestPath, false));
    removeLeftovers(this.dir);
    this.sink.prepareFresh(listed);
    rmSync(join(this.dir, STATE_DIR), { recursive: true, force: true });
    writeManifest(this.dir, this.manifest);
    return { position: 0, completedBlocks: 0 };
  }

  /** Checks everything first (plan, formats, paths, files, state): a refusal changes nothing. */
  private beginResume(): StartPoint {
    const previous = readManifest(this.dir);
    if (!previous) throw nothingToResume(this.dir);
    this.checkSameRun(previous);
    if (previous.status === "complete") {
      this.manifest = previous;
      return { position: Number.MAX_SAFE_INTEGER, completedBlocks: 0 };
    }
    const cp = previous.checkpoint;
    if (!cp) throw new ConfigurationError(`${this.dir} has no checkpoint to resume from`, "run without --resume to start over");
    const full = (f: { path: string }) => confined(this.dir, f.path, this.manifestPath, true);
    const state = readState(confined(this.dir, cp.state, this.manifestPath, true));
    const keep = new Set(cp.files.map((f) => f.path));
    const drop = previous.files.filter((f) => !keep.has(f.path)).map((f) => confined(this.dir, f.path, this.manifestPath, false));
    this.sink.checkResume(cp.files, full);
    removeLeftovers(this.dir);
    this.sink.prepareResume(cp.files, full, drop);
    this.manifest = { ...previous, status: "running", error: undefined };
    this.last = cp;
    this.stateSeq = Number(/state-(\d+)/.exec(cp.state)?.[1] ?? 0);
    return { position: cp.position, completedBlocks: cp.completedBlocks, state };
  }

  /** A resume continues the run that was started: the same plan, the same formats. */
  private checkSameRun(previous: Manifest): void {
    if (previous.planHash !== this.plan.planHash) {
      throw new ConfigurationError(`${this.dir} was written by a different plan (${previous.planHash.slice(0, 12)}), not this one (${this.plan.planHash.slice(0, 12)})`, "run without --resume to start over, or use another --out");
    }
    const want = this.manifest.formats.join(",");
    if (previous.formats.join(",") !== want) {
      throw new ConfigurationError(`${this.dir} was started with --format ${previous.formats.join(",")}; this resume asks for ${want}`, `resume with --format ${previous.formats.join(",")}, or run without --resume to start over`);
    }
  }

  private unlock(): void {
    this.releaseLock?.();
    this.releaseLock = undefined;
  }

  checkpoint(position: number, completedBlocks: number, state: () => Record<string, unknown>): void {
    const stateFile = `${STATE_DIR}/state-${++this.stateSeq}.json`;
    writeAtomic(join(this.dir, stateFile), JSON.stringify(state()));
    const files = this.sink.files().map(({ sha256: _s, ...f }) => f);
    const previous = this.last?.state;
    this.last = { position, completedBlocks, files, state: stateFile };
    this.manifest = { ...this.manifest, checkpoint: this.last, files: this.sink.files() };
    writeManifest(this.dir, this.manifest);
    // The previous state file is only dropped once the manifest no longer points to it.
    if (previous && previous !== stateFile) rmSync(join(this.dir, previous), { force: true });
  }

  markPhase(id: string, status: PhaseStatus, reason?: string, completedBlocks?: number): void {
    const phases = this.manifest.phases.map((p) => (p.id === id ? { ...p, status, reason: reason ?? p.reason, completedBlocks: completedBlocks ?? p.completedBlocks } : p));
    this.manifest = { ...this.manifest, phases };
  }

  async complete(): Promise<Manifest> {
    // Beside the data: load.sql and the NDJSON schemas, for exactly the tables this run wrote.
    const written = this.sink.files();
    if (written.length) for (const [path, text] of typedLoadFiles(written, this.sx.tables)) this.sink.write({ table: path, format: "stream", rows: 0, bytes: new TextEncoder().encode(text) });
    await this.sink.flush();
    // Parquet footers and SQLite indexes: the files are final only after this (see Sink.finish).
    await this.sink.finish?.();
    const files = this.sink.files();
    await this.sink.close();
    this.manifest = { ...this.manifest, status: "complete", files: files.length ? files : this.manifest.files, checkpoint: undefined, error: undefined };
    writeManifest(this.dir, this.manifest);
    rmSync(join(this.dir, STATE_DIR), { recursive: true, force: true });
    return this.manifest;
  }

  async fail(err: RunError, interrupted: boolean): Promise<void> {
    // Refused before it started: the directory stays exactly as it was.
    if (!this.started) return;
    let files = this.last?.files.map((f) => ({ ...f, sha256: "" })) ?? [];
    try {
      await this.sink.flush();
      if (interrupted) files = this.sink.files();
      await this.sink.close();
    } catch {
      // The sink is what failed (a full disk): the checkpoint still says what is good.
    }
    this.manifest = { ...this.manifest, status: interrupted ? "interrupted" : "failed", files, checkpoint: this.last, error: { kind: err.kind, message: err.message } };
    try {
      writeManifest(this.dir, this.manifest);
    } catch {
      // Nothing more can be written; the previous manifest on disk still holds the last checkpoint.
    }
  }

  writeReport(report: object): void {
    if (this.started) writeAtomic(join(this.dir, "run-report.json"), canonicalJson(report));
  }

  release(): void {
    this.unlock();
  }
}

function nothingToResume(dir: string): ConfigurationError {
  return new ConfigurationError(`nothing to resume in ${dir}: it has no manifest.json`, "run without --resume to start");
}

function readState(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch {
    throw new ConfigurationError(`cannot resume: the checkpoint state ${path} is missing or damaged`, "rerun without --resume to start over");
  }
}

/** The formats as the manifest records them: data formats, once each, sorted. */
export function formatList(formats: readonly string[]): string[] {
  return [...new Set(formats)].sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** In-memory runs: no manifest on disk, nothing to resume. */
export class NoStore implements Store {
  readonly keep: (table: string) => boolean = () => true;
  private phases: Manifest["phases"] = [];
  private plan: Plan | undefined;
  constructor(readonly sink: MemorySink, private readonly sx: StoreContext) {}
  begin(resume: boolean, cx: RunContext): StartPoint {
    if (resume) throw new ConfigurationError("an in-memory run cannot be resumed");
    this.plan = cx.plan;
    this.phases = initialPhases(cx.plan);
    return { position: 0, completedBlocks: 0 };
  }
  checkpoint(): void {}
  markPhase(id: string, status: PhaseStatus, reason?: string, completedBlocks?: number): void {
    this.phases = this.phases.map((p) => (p.id === id ? { ...p, status, reason: reason ?? p.reason, completedBlocks: completedBlocks ?? p.completedBlocks } : p));
  }
  async complete(): Promise<Manifest> {
    const plan = this.plan!;
    return { formatVersion: MANIFEST_FORMAT_VERSION, generator: "synth", planHash: plan.planHash, scenario: plan.scenario.name, formats: ["objects"], status: "complete", phases: this.phases, files: this.sink.files() };
  }
  async fail(): Promise<void> {}
  writeReport(): void {}
  release(): void {}
}
