// A fixed pool of Bun workers, reused for every batch and, within one process, for every run:
// creating and terminating workers repeatedly leaks memory in Bun. Workers receive the plan once
// per run; an idle pool is unref'd so it never keeps the process alive.
import type { Plan } from "../specs/plan.ts";
import type { BlockResult } from "./block-runner.ts";
import type { RowFormat } from "../output/chunks.ts";
import type { FromWorker, ToWorker } from "./worker.ts";
import { GenerationError } from "../core/errors.ts";

/** What a worker needs for a run: the plan, the formats and tables to encode, extension module files. */
export interface WorkerInit {
  plan: Plan;
  formats: RowFormat[];
  tables: string[] | null;
  extensions: string[];
}

export interface BatchTask {
  phase: string;
  step: string;
  from: number;
  to: number;
}

interface Pending {
  task: BatchTask;
  resolve: (r: { results: BlockResult[]; heap: number }) => void;
  reject: (e: Error) => void;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<number, Pending & { worker: Worker }>();
  private nextId = 1;
  private failure: Error | undefined;
  private readyWaiters: (() => void)[] = [];
  readonly heaps = new Map<Worker, number>();

  /** Pools between runs, by size. */
  private static readonly parked: WorkerPool[] = [];
  /** Workers created in this process (tests check that runs reuse them). */
  static spawned = 0;

  private constructor(readonly size: number) {}

  /** A pool of `size` workers initialised with this plan: a parked one if there is, else new. */
  static async acquire(size: number, init: WorkerInit): Promise<WorkerPool> {
    const i = WorkerPool.parked.findIndex((p) => p.size === size);
    if (i >= 0) {
      const pool = WorkerPool.parked.splice(i, 1)[0]!;
      for (const w of pool.workers) w.ref();
      await pool.init(init);
      return pool;
    }
    const pool = new WorkerPool(size);
    const url = new URL("./worker.ts", import.meta.url);
    await Promise.all(Array.from({ length: size }, () => pool.spawn(url, init)));
    return pool;
  }

  /** Sends a new plan to every (idle) worker and waits until all have it. */
  private init(init: WorkerInit): Promise<void> {
    return new Promise((resolve) => {
      let left = this.workers.length;
      this.readyWaiters = this.workers.map(() => () => {
        if (--left === 0) resolve();
      });
      for (const w of this.workers) w.postMessage({ type: "init", ...init } satisfies ToWorker);
    });
  }

  /** After a run: park the pool for the next run in this process (a failed pool is ended). */
  release(): void {
    const parked = WorkerPool.parked;
    if (this.failure || this.running.size > 0 || this.queue.length > 0 || parked.some((p) => p.size === this.size)) {
      this.stop();
      return;
    }
    // Keep the most recent few sizes; the oldest parked pool makes room.
    if (parked.length >= 3) parked.shift()!.stop();
    for (const w of this.workers) w.unref();
    parked.push(this);
  }

  private spawn(url: URL, init: WorkerInit): Promise<void> {
    const w = new Worker(url);
    WorkerPool.spawned++;
    this.workers.push(w);
    return new Promise((resolve, reject) => {
      w.onmessage = (ev: MessageEvent<FromWorker>) => {
        if (ev.data.type === "ready") {
          w.onmessage = (e: MessageEvent<FromWorker>) => this.onMessage(w, e.data);
          this.idle.push(w);
          resolve();
        }
      };
      w.onerror = (ev) => {
        const err = new GenerationError(`worker failed: ${ev.message}`);
        reject(err);
        this.fail(err);
      };
      w.postMessage({ type: "init", ...init } satisfies ToWorker);
    });
  }

  run(task: BatchTask): Promise<{ results: BlockResult[]; heap: number }> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  get busy(): number {
    return this.running.size + this.queue.length;
  }

  /** Sum of the workers' last reported heap sizes. */
  get workerHeap(): number {
    let s = 0;
    for (const h of this.heaps.values()) s += h;
    return s;
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      this.running.set(id, { ...job, worker });
      worker.postMessage({ type: "batch", id, ...job.task } satisfies ToWorker);
    }
  }

  private onMessage(worker: Worker, msg: FromWorker): void {
    if (msg.type === "ready") {
      this.readyWaiters.pop()?.();
      return;
    }
    const job = this.running.get(msg.id);
    if (!job) return;
    this.running.delete(msg.id);
    this.idle.push(worker);
    if (msg.type === "done") {
      this.heaps.set(worker, msg.heap);
      job.resolve({ results: msg.results, heap: msg.heap });
    } else {
      job.reject(new GenerationError(`block generation failed in phase ${job.task.phase}: ${msg.message}`));
    }
    this.pump();
  }

  private fail(err: Error): void {
    this.failure = err;
    for (const job of [...this.running.values(), ...this.queue]) job.reject(err);
    this.running.clear();
    this.queue.length = 0;
  }

  private recycleNext = 0;

  /** Sends written chunk buffers back to a worker for reuse (round robin: they are interchangeable). */
  recycle(buffers: ArrayBuffer[]): void {
    if (buffers.length === 0 || this.workers.length === 0) return;
    const w = this.workers[this.recycleNext++ % this.workers.length]!;
    w.postMessage({ type: "recycle", buffers } satisfies ToWorker, buffers);
  }

  stop(): void {
    for (const w of this.workers) w.terminate();
    this.workers.length = 0;
  }
}
