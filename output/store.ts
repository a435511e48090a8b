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
import { readManifest, STATE_DIR, writeAtomic, writeManifest } from "./manifest.ts";
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
  implemented(id: string): boolean;
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
  /** run-report.json (its shape is the engine's). */
  writeReport(report: object): void;
}

function initialPhases(plan: Plan, sx: StoreContext): Manifest["phases"] {
  return plan.phases.map((p) => {
    const status: PhaseStatus = p.status === "run" ? (sx.implemented(p.id) ? "pending" : "not_implemented") : p.status;
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

  constructor(
    readonly dir: string,
    private readonly plan: Plan,
    formats: RowFormat[],
    sx: StoreContext,
  ) {
    this.sink = new DirSink(dir, formats, sx.tables);
    this.keep = tableFilter(plan);
    this.manifest = {
      formatVersion: MANIFEST_FORMAT_VERSION,
      generator: "synth",
      planHash: plan.planHash,
      scenario: plan.scenario.name,
      status: "running",
      phases: initialPhases(plan, sx),
      files: [],
    };
  }

  begin(resume: boolean, cx: RunContext): StartPoint {
    if (existsSync(this.dir) && !isDirectory(this.dir)) throw outputError(this.dir, Object.assign(new Error("not a directory"), { code: "ENOTDIR" }));
    const previous = readManifest(this.dir);
    if (resume) return this.beginResume(previous, cx);
    const listed = previous ? [...previous.files.map((f) => f.path), ...(previous.checkpoint?.files.map((f) => f.path) ?? [])] : [];
    this.sink.prepareFresh(listed);
    rmSync(join(this.dir, STATE_DIR), { recursive: true, force: true });
    writeManifest(this.dir, this.manifest);
    return { position: 0, completedBlocks: 0 };
  }

  private beginResume(previous: Manifest | undefined, _cx: RunContext): StartPoint {
    if (!previous) throw new ConfigurationError(`nothing to resume in ${this.dir}: it has no manifest.json`, "run without --resume to start");
    if (previous.planHash !== this.plan.planHash) {
      throw new ConfigurationError(`${this.dir} was written by a different plan (${previous.planHash.slice(0, 12)}), not this one (${this.plan.planHash.slice(0, 12)})`, "run without --resume to start over, or use another --out");
    }
    if (previous.status === "complete") {
      this.manifest = previous;
      return { position: Number.MAX_SAFE_INTEGER, completedBlocks: 0 };
    }
    const cp = previous.checkpoint;
    if (!cp) throw new ConfigurationError(`${this.dir} has no checkpoint to resume from`, "run without --resume to start over");
    const state = JSON.parse(readFileSync(join(this.dir, cp.state), "utf8")) as Record<string, unknown>;
    this.sink.prepareResume(cp.files, previous.files.map((f) => f.path));
    this.manifest = { ...previous, status: "running", error: undefined };
    this.last = cp;
    this.stateSeq = Number(/state-(\d+)/.exec(cp.state)?.[1] ?? 0);
    return { position: cp.position, completedBlocks: cp.completedBlocks, state };
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
    writeAtomic(join(this.dir, "run-report.json"), canonicalJson(report));
  }
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
    this.phases = initialPhases(cx.plan, this.sx);
    return { position: 0, completedBlocks: 0 };
  }
  checkpoint(): void {}
  markPhase(id: string, status: PhaseStatus, reason?: string, completedBlocks?: number): void {
    this.phases = this.phases.map((p) => (p.id === id ? { ...p, status, reason: reason ?? p.reason, completedBlocks: completedBlocks ?? p.completedBlocks } : p));
  }
  async complete(): Promise<Manifest> {
    const plan = this.plan!;
    return { formatVersion: MANIFEST_FORMAT_VERSION, generator: "synth", planHash: plan.planHash, scenario: plan.scenario.name, status: "complete", phases: this.phases, files: this.sink.files() };
  }
  async fail(): Promise<void> {}
  writeReport(): void {}
}
