// The orchestrator: walks the plan's phases in order, runs main phases on this thread and block
// phases on the worker pool, writes in block order, checkpoints, and ends with a manifest whose
// status says exactly how far it got.
import type { Plan } from "../specs/plan.ts";
import { checkPlan } from "./plan-check.ts";
import type { Manifest } from "../specs/manifest.ts";
import { buildContext, type RunContext } from "../ledger/context.ts";
import { ChunkCollector, runBlock, type RowFormat } from "./block-runner.ts";
import { RunControl } from "./control.ts";
import { ConfigurationError, GenerationError, Interrupted, RunError } from "../core/errors.ts";
import type { BlockResult } from "./block-runner.ts";
import { ByteBuffer } from "../output/writers.ts";
import { emptyState, foldTotals, type RunState } from "../ledger/state.ts";
import { MemoryGovernor, type RssReader } from "./memory.ts";
import { WorkerPool } from "./pool.ts";
import { makeView, ProgressTracker, type Progress, type ProgressMode, type ProgressView } from "./progress.ts";
import { runBlockPhase, type BatchRunner } from "./scheduler.ts";
import { PHASE_IMPLS, blockPhase } from "./phases.ts";
import { MemorySink, type FileState, type Sink } from "../output/sinks.ts";
import { DirStore, type Store, NoStore } from "../output/store.ts";
import { installSignals } from "./signals.ts";
import { isBlockPhase, ShardStore, sliceOf, type ShardSpec } from "../output/shard.ts";
import { buildReport, type RunReport } from "./report.ts";

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
  progress?: ProgressMode;
  view?: ProgressView;
  onProgress?: (p: Progress) => void;
  /** Install SIGINT / SIGTERM / SIGUSR1 handlers (the CLI does). */
  signals?: boolean;
  checkpointEveryMs?: number;
  readRss?: RssReader;
  /** Run only this slice of every block phase, writing parts for `synth merge`. */
  shard?: ShardSpec;
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

function resolveWorkers(plan: Plan, opts: RunOptions): number {
  const blockUnits = plan.phases.reduce((s, p) => s + (p.status === "run" && PHASE_IMPLS[p.id]?.kind === "blocks" ? p.layout.total : 0), 0);
  const auto = blockUnits < INLINE_UNITS ? 0 : navigator.hardwareConcurrency;
  const w = opts.workers ?? (plan.runtime.workers === "auto" ? auto : plan.runtime.workers);
  if (!Number.isInteger(w) || w < 0 || w > 256) throw new ConfigurationError(`--workers must be a whole number from 0 to 256, got ${w}`);
  const maxBlocks = Math.max(1, ...plan.phases.map((p) => (p.status === "run" ? p.layout.blocks : 0)));
  return Math.min(w, maxBlocks);
}

async function execute(rawPlan: unknown, opts: RunOptions, control: RunControl): Promise<RunResult> {
  const plan = checkPlan(rawPlan);
  const formats = resolveFormats(plan, opts);
  if (opts.shard && formats.some((f) => f !== "csv" && f !== "ndjson")) {
    throw new ConfigurationError("sharded runs write csv or ndjson parts", "shard with --format csv (or ndjson); convert after the merge");
  }
  const workers = resolveWorkers(plan, opts);
  const memorySink = opts.memory ? new MemorySink() : undefined;
  const out = opts.out ?? plan.output.directory;
  const store: Store = memorySink ? new NoStore(memorySink) : opts.shard ? new ShardStore(out, plan, formats, opts.shard) : new DirStore(out, plan, formats);
  const view = opts.view ?? makeView(opts.progress ?? "auto");
  const o = new Orchestrator(plan, buildContext(plan), store, control, view, opts, workers);
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

  constructor(
    private readonly plan: Plan,
    private readonly cx: RunContext,
    private readonly store: Store,
    private readonly control: RunControl,
    private readonly view: ProgressView,
    private readonly opts: RunOptions,
    private readonly workers: number,
  ) {
    this.state = emptyState(cx);
    const hard = opts.memoryLimit ?? plan.runtime.memoryHard;
    const soft = opts.memoryLimit ? Math.floor(hard * 0.6) : plan.runtime.memorySoft;
    const fixed = opts.batchSize ?? (plan.runtime.batchSize === "auto" ? undefined : plan.runtime.batchSize);
    this.governor = new MemoryGovernor({ soft, hard }, fixed ?? 16, Math.max(1, workers) * 2, opts.readRss, fixed !== undefined);
    this.tracker = new ProgressTracker(plan.phases.reduce((s, _p, i) => s + this.unitsOf(i), 0));
  }

  async run(): Promise<Omit<RunResult, "tables">> {
    // Callers get their SynthRun handle before the first progress callback fires.
    await Promise.resolve();
    const started = performance.now();
    try {
      const start = this.store.begin(this.opts.resume ?? false, this.cx);
      if (start.state) this.state = start.state;
      if (start.phaseIndex > 0 || start.completedBlocks > 0) this.view.note(`resuming at phase ${this.plan.phases[start.phaseIndex]?.id ?? "end"}, block ${start.completedBlocks}`);
      this.tracker.current = this.unitsBefore(start.phaseIndex, start.completedBlocks);
      for (let i = start.phaseIndex; i < this.plan.phases.length; i++) {
        await this.runPhase(i, i === start.phaseIndex ? start.completedBlocks : 0);
        if (this.control.stopRequested) throw new Interrupted(`interrupted (${this.control.stopCause}); completed blocks are recorded`, "run the same command with --resume to finish");
      }
      const manifest = await this.store.complete(this.state);
      const report = this.report(started);
      this.store.writeReport(report);
      this.view.finish(`done: ${rowsOf(manifest).toLocaleString("en-US")} rows in ${manifest.files.length} files (${((performance.now() - started) / 1000).toFixed(1)}s)`);
      return { manifest, files: manifest.files, report };
    } catch (e) {
      const err = e instanceof RunError ? e : new GenerationError(`unexpected failure: ${(e as Error)?.message ?? e}`);
      await this.store.fail(err, this.control.stopRequested && err instanceof Interrupted);
      this.view.fail(err.message);
      throw err;
    } finally {
      this.pool?.release();
    }
  }

  /** Units of a phase this run does (a shard: its slice of block phases, no main phases). */
  private unitsOf(i: number): number {
    const p = this.plan.phases[i]!;
    if (p.status !== "run" || !PHASE_IMPLS[p.id]) return 0;
    if (!this.opts.shard) return p.layout.total;
    if (!isBlockPhase(this.plan, i)) return 0;
    const r = sliceOf(p.layout.blocks, this.opts.shard);
    return unitsInFirstBlocks(p, r.to) - unitsInFirstBlocks(p, r.from);
  }

  private unitsBefore(phaseIndex: number, blocks: number): number {
    let units = 0;
    this.plan.phases.forEach((p, i) => {
      if (p.status !== "run" || !PHASE_IMPLS[p.id]) return;
      if (i < phaseIndex) units += p.layout.total;
      else if (i === phaseIndex) units += unitsInFirstBlocks(p, blocks);
    });
    return units;
  }

  /** A shard runs its slice of each block phase into its own parts; main phases wait for the merge. */
  private async runShardPhase(index: number, store: ShardStore): Promise<void> {
    const phase = this.plan.phases[index]!;
    if (!isBlockPhase(this.plan, index)) return;
    const range = sliceOf(phase.layout.blocks, store.shard);
    store.startPhase(index, phase.id);
    this.state = emptyState(this.cx);
    this.tracker.enter(phase.id, phase.title, phase.layout.unit);
    this.governor.startPhase();
    const written = await runBlockPhase(phase, range.from, await this.runner(), this.hooks(index), range.to);
    if (written >= range.to) await store.endPhase(index, phase.id, range, this.state);
  }

  private async runPhase(index: number, fromBlock: number): Promise<void> {
    if (this.store instanceof ShardStore) return this.runShardPhase(index, this.store);
    const phase = this.plan.phases[index]!;
    const impl = PHASE_IMPLS[phase.id];
    if (phase.status !== "run") {
      this.store.markPhase(phase.id, phase.status, phase.reason);
      if (phase.status === "skipped") this.view.note(`skipped ${phase.id}: ${phase.reason}`);
      return;
    }
    if (!impl) {
      this.store.markPhase(phase.id, "not_implemented", "this runtime does not generate this phase yet");
      this.view.note(`not generated: ${phase.id} (planned, not implemented by this runtime yet)`);
      return;
    }
    const t0 = performance.now();
    this.tracker.enter(phase.id, phase.title, phase.layout.unit);
    this.store.checkpoint(index, fromBlock, this.state);
    if (impl.kind === "main") {
      const out = new ChunkCollector(this.store.sink.formats, this.store.keep);
      impl.run(this.cx, phase, this.state, out);
      for (const c of out.chunks()) this.store.sink.write(c);
      this.tracker.add(phase.layout.total);
      this.emit();
      this.store.markPhase(phase.id, "complete", undefined, phase.layout.blocks);
    } else {
      this.governor.startPhase();
      const written = await runBlockPhase(phase, fromBlock, await this.runner(), this.hooks(index));
      const complete = written >= phase.layout.blocks;
      this.store.markPhase(phase.id, complete ? "complete" : "partial", undefined, written);
      if (!complete) {
        this.store.checkpoint(index, written, this.state);
        return;
      }
    }
    await this.store.sink.flush();
    this.store.checkpoint(index + 1, 0, this.state);
    this.phaseTimes.push({ id: phase.id, ms: performance.now() - t0, units: phase.layout.total });
  }

  private hooks(index: number) {
    return {
      control: this.control,
      governor: this.governor,
      sink: this.store.sink,
      onBlock: (r: BlockResult) => {
        if (r.totals) foldTotals(this.state, r.totals);
        this.governor.observeBlock(r.chunks.reduce((s, c) => s + (c.bytes?.byteLength ?? 0), 0));
        this.recycle(r);
        this.tracker.add(r.units);
        this.emit();
      },
      checkpoint: (blocks: number) => this.store.checkpoint(index, blocks, this.state),
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
    if (this.workers === 0) return inlineRunner(this.cx, this.store);
    this.pool ??= await WorkerPool.acquire(this.workers, this.plan, this.store.sink.formats, this.plan.output.tables ?? null);
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

  private report(started: number): RunReport {
    return buildReport({
      plan: this.plan,
      cx: this.cx,
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

/** Units covered by blocks [0, blocks) of a phase (segments end in partial blocks). */
function unitsInFirstBlocks(p: Plan["phases"][number], blocks: number): number {
  let units = 0;
  for (const s of p.layout.segments) units += Math.min(s.units, Math.max(0, blocks - s.firstBlock) * (s.blockSize ?? p.layout.blockSize));
  return units;
}

function inlineRunner(cx: RunContext, store: Store): BatchRunner {
  return {
    async run(task) {
      const phase = cx.phase(task.phase as never);
      const impl = blockPhase(phase.id);
      const results = [];
      for (let i = task.from; i < task.to; i++) results.push(runBlock(cx, impl, phase, i, store.sink.formats, store.keep));
      return { results };
    },
  };
}

export type { Sink };
