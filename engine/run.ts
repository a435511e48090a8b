// The orchestrator: walks the driver's sequence of steps, runs block steps on the worker pool
// and main steps on this thread, writes in block order, checkpoints, honours pause and stop
// between and inside steps, and ends with a manifest whose status says exactly how far it got.
import type { Plan } from "../specs/plan.ts";
import type { Manifest } from "../specs/manifest.ts";
import { checkPlan } from "./plan-check.ts";
import { buildContext, type RunContext } from "../ledger/context.ts";
import { runBlock, runMain, type BlockResult } from "./block-runner.ts";
import type { RowFormat } from "../output/chunks.ts";
import { RunControl } from "./control.ts";
import { ConfigurationError, GenerationError, Interrupted, RunError } from "../core/errors.ts";
import { ByteBuffer } from "../output/writers.ts";
import { RunState } from "../ledger/state.ts";
import { MemoryGovernor, type RssReader } from "./memory.ts";
import { WorkerPool } from "./pool.ts";
import { makeView, ProgressTracker, type Progress, type ProgressMode, type ProgressView } from "./progress.ts";
import { runBlocks, type BatchRunner } from "./scheduler.ts";
import { MemorySink, type FileState, type Sink } from "../output/sinks.ts";
import { DirStore, NoStore, type StartPoint, type Store } from "../output/store.ts";
import { installSignals } from "./signals.ts";
import { ShardStore, sliceOf, type ShardSpec } from "../output/shard.ts";
import { buildReport, type RunReport } from "./report.ts";
import { DEFAULT_MODULES, type Modules } from "./modules.ts";
import { sequence, unitsInBlocks, type Work } from "./driver.ts";
import { PLANNED } from "../specs/plan.ts";

export interface RunOptions {
  /** Output directory (default: the plan's output.directory). */
  out?: string;
  /** Write to memory instead of files (tests, the library). */
  memory?: boolean;
  /** Worker threads; 0 runs blocks inline on this thread. Default: the plan's, else all cores. */
  workers?: number;
  formats?: RowFormat[];
  resume?: boolean;
  /** Hard memory limit in bytes (the soft limit becomes 60% of it). */
  memoryLimit?: number;
  /** Blocks per dispatch batch; default: the plan's (auto). */
  batchSize?: number;
  /** Progress display on stderr; default "none": as a library, a run is silent unless asked. */
  progress?: ProgressMode;
  view?: ProgressView;
  onProgress?: (p: Progress) => void;
  /** Install SIGINT / SIGTERM / SIGUSR1 handlers (the CLI does). */
  signals?: boolean;
  checkpointEveryMs?: number;
  readRss?: RssReader;
  /** Run only this slice of every block step, writing parts for `synth merge`. */
  shard?: ShardSpec;
  /** The phase modules (default: the registry); modules not loaded from files run without workers. */
  modules?: Modules;
}

export interface RunResult {
  manifest: Manifest;
  files: FileState[];
  report: RunReport;
  /** In-memory tables when run with { memory: true }. */
  tables?: Map<string, Record<string, unknown>[]>;
}

const DATA_FORMATS: readonly string[] = ["csv", "ndjson", "parquet", "sqlite"];

export class SynthRun {
  readonly control = new RunControl();
  readonly done: Promise<RunResult>;

  constructor(plan: unknown, opts: RunOptions = {}) {
    this.done = execute(plan, opts, this.control);
    // The caller awaits `done`; this only keeps an unobserved failure from being reported twice.
    this.done.catch(() => {});
  }
  pause(): void {
    this.control.pause();
  }
  resume(): void {
    this.control.resume();
  }
  isPaused(): boolean {
    return this.control.paused;
  }
  /** Stop after the blocks in flight, as SIGINT does; `done` rejects with Interrupted. */
  stop(): void {
    this.control.stop("stopped");
  }
}

export function run(plan: unknown, opts: RunOptions = {}): SynthRun {
  return new SynthRun(plan, opts);
}

function resolveFormats(plan: Plan, opts: RunOptions): RowFormat[] {
  if (opts.memory) return ["objects"];
  const formats = opts.formats ?? plan.output.formats;
  const unsupported = formats.filter((f) => !DATA_FORMATS.includes(f));
  if (unsupported.length) {
    throw new ConfigurationError(`unknown output format ${unsupported.join(", ")}`, "use csv, ndjson, parquet or sqlite");
  }
  return [...new Set(formats)] as RowFormat[];
}

/** Below this much block work, `auto` runs inline: starting workers would take longer than the work. */
const INLINE_UNITS = 20_000;

function resolveWorkers(plan: Plan, opts: RunOptions, modules: Modules): number {
  const hasBlocks = (id: string) => modules.get(id)?.spec.steps.some((s) => s.kind === "blocks") ?? false;
  const blockUnits = plan.phases.reduce((s, p) => s + (p.status === "run" && hasBlocks(p.id) ? p.layout.total : 0), 0);
  const auto = blockUnits < INLINE_UNITS ? 0 : navigator.hardwareConcurrency;
  const w = opts.workers ?? (plan.runtime.workers === "auto" ? auto : plan.runtime.workers);
  if (!Number.isInteger(w) || w < 0 || w > 256) throw new ConfigurationError(`--workers must be a whole number from 0 to 256, got ${w}`);
  // Workers load the registry's modules and extension files: modules built in memory run inline.
  if (!modules.portable) return 0;
  const maxBlocks = Math.max(1, ...plan.phases.map((p) => (p.status === "run" ? p.layout.blocks : 0)));
  return Math.min(w, maxBlocks);
}

async function execute(rawPlan: unknown, opts: RunOptions, control: RunControl): Promise<RunResult> {
  const modules = opts.modules ?? DEFAULT_MODULES;
  const plan = checkPlan(rawPlan, modules);
  const formats = resolveFormats(plan, opts);
  if (opts.shard && formats.some((f) => f !== "csv" && f !== "ndjson")) {
    throw new ConfigurationError("sharded runs write csv or ndjson parts", "shard with --format csv (or ndjson); convert after the merge");
  }
  const workers = resolveWorkers(plan, opts, modules);
  const memorySink = opts.memory ? new MemorySink() : undefined;
  const out = opts.out ?? plan.output.directory;
  const sx = { tables: modules.tables() };
  const store: Store = memorySink ? new NoStore(memorySink, sx) : opts.shard ? new ShardStore(out, plan, formats, opts.shard, sx) : new DirStore(out, plan, formats, sx);
  const view = opts.view ?? makeView(opts.progress ?? "none");
  const cx = buildContext(plan, sx.tables, modules.implementations(plan));
  const o = new Orchestrator(plan, cx, modules, store, control, view, opts, workers);
  const uninstall = opts.signals ? installSignals(control, () => view.note("paused (SIGUSR1 again to resume)")) : () => {};
  // Pausing and resuming show at once, even while no block completes.
  const unsubscribe = control.changed.on(() => o.emit());
  try {
    const result = await o.run();
    return { ...result, tables: memorySink?.tables };
  } finally {
    uninstall();
    unsubscribe();
  }
}

class Orchestrator {
  private state: RunState;
  private readonly governor: MemoryGovernor;
  private readonly tracker: ProgressTracker;
  private pool: WorkerPool | undefined;
  private readonly phaseTimes: { id: string; ms: number; units: number }[] = [];
  private phaseStarted = 0;
  private currentPhase: string | undefined;

  constructor(
    private readonly plan: Plan,
    private readonly cx: RunContext,
    private readonly modules: Modules,
    private readonly store: Store,
    private readonly control: RunControl,
    private readonly view: ProgressView,
    private readonly opts: RunOptions,
    private readonly workers: number,
  ) {
    this.state = this.freshState();
    const hard = opts.memoryLimit ?? plan.runtime.memoryHard;
    const soft = opts.memoryLimit ? Math.floor(hard * 0.6) : plan.runtime.memorySoft;
    const fixed = opts.batchSize ?? (plan.runtime.batchSize === "auto" ? undefined : plan.runtime.batchSize);
    this.governor = new MemoryGovernor({ soft, hard }, fixed ?? 16, Math.max(1, workers) * 2, opts.readRss, fixed !== undefined);
    this.tracker = new ProgressTracker(this.works().reduce((s, w) => s + this.blocksOf(w), 0));
  }

  private freshState(): RunState {
    return new RunState(this.cx, this.modules.slices(this.plan));
  }

  /** Every work of the sequence. */
  private works(): Work[] {
    return [...sequence(this.plan, this.modules)].filter((e): e is Work => e.kind === "blocks" || e.kind === "main");
  }

  async run(): Promise<Omit<RunResult, "tables">> {
    // Callers get their SynthRun handle before the first progress callback fires.
    await Promise.resolve();
    const started = performance.now();
    try {
      const start = this.store.begin(this.opts.resume ?? false, this.cx);
      if (start.state) this.state.load(start.state);
      this.noteResume(start);
      await this.walk(start);
      const manifest = await this.store.complete();
      const report = this.report(started);
      this.store.writeReport(report);
      this.view.finish(`done: ${rowsOf(manifest).toLocaleString("en-US")} rows in ${manifest.files.length} files (${((performance.now() - started) / 1000).toFixed(1)}s)`);
      return { manifest, files: manifest.files, report };
    } catch (e) {
      const err = e instanceof RunError ? e : new GenerationError(`unexpected failure: ${(e as Error)?.message ?? e}`);
      const interrupted = this.control.stopRequested && err instanceof Interrupted;
      await this.store.fail(err, interrupted);
      this.writeFailureReport(started, err, interrupted);
      this.view.fail(err.message);
      throw err;
    } finally {
      this.pool?.release();
      this.store.release();
    }
  }

  /** The report of a failed run: what the scheduler did is most wanted exactly when memory ran out. */
  private writeFailureReport(started: number, err: RunError, interrupted: boolean): void {
    try {
      this.store.writeReport(this.report(started, { status: interrupted ? "interrupted" : "failed", error: { kind: err.kind, message: err.message } }));
    } catch {
      // The failure being reported (a full disk) may be why the report cannot be written either.
    }
  }

  private noteResume(start: StartPoint): void {
    if (start.position === 0 && start.completedBlocks === 0) return;
    const work = this.works().find((w) => w.position === start.position);
    this.view.note(`resuming at ${work ? `${work.phase.id} (${work.step.step})` : "the end"}, block ${start.completedBlocks}`);
  }

  /** Walks the sequence from the start point. */
  private async walk(start: StartPoint): Promise<void> {
    this.start = start;
    this.tracker.current = this.works().reduce((s, w) => s + (w.position < start.position ? this.blocksOf(w) : w.position === start.position && w.kind === "blocks" ? Math.max(0, start.completedBlocks - w.from) : 0), 0);
    let next = 0;
    for (const ev of sequence(this.plan, this.modules)) {
      if (ev.kind === "mark") {
        this.markSkipped(ev.phase.id, ev.status, ev.reason);
        continue;
      }
      if (ev.kind === "done") {
        if (next > start.position) await this.phaseDone(ev.phase.id, ev.phase.layout.blocks, next);
        continue;
      }
      next = ev.position + 1;
      if (ev.position < start.position) continue;
      const from = ev.position === start.position ? Math.max(ev.from, start.completedBlocks) : ev.from;
      await this.untilResumed();
      if (this.store instanceof ShardStore) await this.runShardWork(ev, this.store);
      else if (await this.runWork(ev, from)) await this.checkpointIfDue(next, this.control.stopRequested);
      if (this.control.stopRequested) throw new Interrupted(`interrupted (${this.control.stopCause}); completed blocks are recorded`, "run the same command with --resume to finish");
    }
  }

  private lastCheckpoint = performance.now();

  /** Records a resumable point at the start of work `position` when one is due (or forced: a stop). */
  private async checkpointIfDue(position: number, force: boolean): Promise<void> {
    const now = performance.now();
    if (!force && now - this.lastCheckpoint < (this.opts.checkpointEveryMs ?? 5000)) return;
    await this.store.sink.flush();
    this.store.checkpoint(position, 0, () => this.state.toJSON());
    this.lastCheckpoint = now;
  }

  private markSkipped(id: string, status: "skipped" | "disabled" | "planned", reason?: string): void {
    if (this.store instanceof ShardStore) return;
    this.store.markPhase(id, status, reason);
    if (status === "skipped") this.view.note(`skipped ${id}: ${reason}`);
    if (status === "planned") this.view.note(`not generated: ${id} (${PLANNED})`);
  }

  private async phaseDone(id: string, blocks: number, nextPosition: number): Promise<void> {
    if (this.store instanceof ShardStore) return;
    this.store.markPhase(id, "complete", undefined, blocks);
    await this.checkpointIfDue(nextPosition, false);
    const done = this.works().filter((w) => w.phase.id === id);
    this.phaseTimes.push({ id, ms: performance.now() - this.phaseStarted, units: done.reduce((s, w) => s + this.unitsOf(w), 0) });
  }

  /** Waits while paused between steps, so nothing runs or is written until resumed (or stopped). */
  private async untilResumed(): Promise<void> {
    while (this.control.paused && !this.control.stopRequested) {
      await new Promise<void>((resolve) => {
        const off = this.control.changed.on(() => (off(), resolve()));
      });
    }
  }

  /** Where this run started (a resume: inside the sequence). */
  private start: StartPoint = { position: 0, completedBlocks: 0 };

  /** Blocks of a work this run does, the overall unit of progress (a main step counts as one). */
  private blocksOf(w: Work): number {
    if (w.kind === "main") return this.opts.shard ? 0 : 1;
    const range = this.opts.shard ? sliceOf(w, this.opts.shard) : w;
    return range.to - range.from;
  }

  /** Units of a work this run does (a shard: its slice of block steps, nothing of main steps). */
  private unitsOf(w: Work): number {
    if (w.kind === "main") return this.opts.shard ? 0 : w.units;
    const range = this.opts.shard ? sliceOf(w, this.opts.shard) : w;
    return unitsInBlocks(w.phase, range.from, range.to);
  }

  /** Units of a work already done when a resumed run starts inside it (blocks before `next`). */
  private unitsDone(w: Work, next: number): number {
    return w.kind === "main" ? 0 : unitsInBlocks(w.phase, w.from, Math.max(w.from, next));
  }

  /** Runs one work; false when a stop left it partial (its checkpoint is then recorded). */
  private async runWork(w: Work, from: number): Promise<boolean> {
    const { phase } = w;
    this.enterPhase(w);
    if (w.kind === "main") {
      const sink = this.store.sink;
      const chunks = runMain(this.cx, this.modules.step(phase.id, w.step.step), w, this.state, sink.formats, this.store.keep, this.modules.overlays(this.plan), (c) => sink.write(c));
      for (const c of chunks) this.store.sink.write(c);
      this.tracker.add(1, w.units);
      this.emit();
      return true;
    }
    this.governor.startPhase();
    const written = await runBlocks({ phase, step: w.step.step }, from, w.to, await this.runner(), this.hooks(w.position));
    if (written >= w.to) return true;
    this.store.markPhase(phase.id, "partial", undefined, written);
    await this.store.sink.flush();
    this.store.checkpoint(w.position, written, () => this.state.toJSON());
    return false;
  }

  /** Progress and timing follow the phase of the work at hand, with its own count so far. */
  private enterPhase(w: Work): void {
    if (this.currentPhase === w.phase.id) return;
    this.currentPhase = w.phase.id;
    this.phaseStarted = performance.now();
    const own = this.works().filter((x) => x.phase.id === w.phase.id);
    const total = own.reduce((s, x) => s + this.unitsOf(x), 0);
    const done = own.reduce((s, x) => s + (x.position < w.position ? this.unitsOf(x) : x.position === this.start.position ? this.unitsDone(x, this.start.completedBlocks) : 0), 0);
    this.tracker.enter(w.phase.id, w.phase.title, w.phase.layout.unit, total, done);
  }

  /** A shard runs its slice of each block step into its own part; main steps wait for the merge. */
  private async runShardWork(w: Work, store: ShardStore): Promise<void> {
    if (w.kind !== "blocks") return;
    const range = sliceOf(w, store.shard);
    store.startPart(w.position, w.phase.id, w.step.step);
    this.state = this.freshState();
    this.currentPhase = undefined;
    this.enterPhase(w);
    this.governor.startPhase();
    const written = await runBlocks({ phase: w.phase, step: w.step.step }, range.from, range.to, await this.runner(), this.hooks(w.position));
    if (written >= range.to) await store.endPart(w.position, w.phase.id, w.step.step, range, this.state.toJSON());
  }

  private hooks(position: number) {
    return {
      control: this.control,
      governor: this.governor,
      sink: this.store.sink,
      onBlock: (r: BlockResult) => {
        if (r.deltas) this.state.fold(r.deltas);
        this.governor.observeBlock(r.chunks.reduce((s, c) => s + (c.bytes?.byteLength ?? 0), 0));
        this.recycle(r);
        this.tracker.add(1, r.units);
        this.emit();
      },
      checkpoint: (blocks: number) => {
        this.store.checkpoint(position, blocks, () => this.state.toJSON());
        this.lastCheckpoint = performance.now();
      },
      checkpointEvery: this.opts.checkpointEveryMs ?? 5000,
      now: () => performance.now(),
    };
  }

  /** The sink has copied the chunk's bytes: give the memory back to whoever generates. */
  private recycle(r: BlockResult): void {
    const buffers = r.chunks.flatMap((c) => (c.bytes ? [c.bytes.buffer as ArrayBuffer] : []));
    if (this.pool) this.pool.recycle(buffers);
    else for (const b of buffers) ByteBuffer.recycle(b);
  }

  private async runner(): Promise<BatchRunner> {
    if (this.workers === 0) return inlineRunner(this.cx, this.modules, this.store);
    this.pool ??= await WorkerPool.acquire(this.workers, { plan: this.plan, formats: this.store.sink.formats, tables: this.plan.output.tables ?? null, extensions: [...this.modules.extensions] });
    return this.pool;
  }

  private emitting = false;

  emit(): void {
    // A callback that pauses or stops the run re-enters here through the control signal.
    if (this.emitting) return;
    this.emitting = true;
    try {
      this.emitNow();
    } finally {
      this.emitting = false;
    }
  }

  private emitNow(): void {
    const p = this.tracker.snapshot(this.control.paused);
    try {
      this.view.update(p);
    } catch {
      // A display problem (a closed terminal) must never stop the generation.
    }
    this.opts.onProgress?.(p);
  }

  private report(started: number, outcome: Pick<RunReport, "status" | "error"> = { status: "complete" }): RunReport {
    return buildReport({
      ...outcome,
      plan: this.plan,
      cx: this.cx,
      state: this.opts.shard ? undefined : this.state,
      modules: this.modules,
      workers: this.workers,
      formats: this.store.sink.formats,
      elapsedMs: performance.now() - started,
      phases: this.phaseTimes,
      governor: this.governor,
      workerHeap: this.pool?.workerHeap ?? 0,
    });
  }
}

/** Rows generated, counted once whatever the number of formats they were written in. */
function rowsOf(m: Manifest): number {
  const perFormat = new Map<string, number>();
  for (const f of m.files) if (f.table !== "*") perFormat.set(f.format, (perFormat.get(f.format) ?? 0) + f.rows);
  return Math.max(0, ...perFormat.values(), ...m.files.filter((f) => f.table === "*").map((f) => f.rows));
}

function inlineRunner(cx: RunContext, modules: Modules, store: Store): BatchRunner {
  const overlays = modules.overlays(cx.plan);
  return {
    async run(task) {
      const phase = cx.phase(task.phase);
      const impl = modules.step(phase.id, task.step);
      const results = [];
      for (let i = task.from; i < task.to; i++) results.push(runBlock(cx, impl, phase, i, store.sink.formats, store.keep, overlays));
      return { results };
    },
  };
}

export type { Sink };
