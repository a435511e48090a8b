// The memory governor: reads process RSS on the main thread and sizes dispatch batches and the
// work in flight. Below the soft limit: full speed; between soft and hard: shrink; at the hard
// limit: stop dispatching until sinks drain. Every change is recorded for the run report.
import { heapSize } from "bun:jsc";

export interface Adjustment {
  phase: string;
  blocksDone: number;
  rss: number;
  action: "shrink" | "grow" | "pause-dispatch" | "resume-dispatch";
  batchBlocks: number;
  inFlight: number;
}

export interface MemoryLimits {
  soft: number;
  hard: number;
}

export type RssReader = () => number;

export const processRss: RssReader = () => process.memoryUsage.rss();

export class MemoryGovernor {
  readonly adjustments: Adjustment[] = [];
  batchBlocks: number;
  inFlight: number;
  peakRss = 0;
  peakMainHeap = 0;
  private dispatchStopped = false;
  /** Largest encoded block seen so far, in bytes (batches are sized by bytes, not only blocks). */
  private blockBytes = 0;

  constructor(
    readonly limits: MemoryLimits,
    private readonly maxBatch: number,
    private readonly maxInFlight: number,
    private readonly readRss: RssReader = processRss,
    /** Fixed batch size (runtime.batch_size = N): never grown, only shrunk under pressure. */
    readonly fixedBatch = false,
    /** RSS the process held before the run (not the run's): the limits apply above it. */
    readonly base = 0,
  ) {
    this.batchBlocks = fixedBatch ? maxBatch : 1;
    this.inFlight = maxInFlight;
  }

  /** A new block phase: its blocks may be of another size, so sizing starts over from one block. */
  startPhase(): void {
    this.blockBytes = 0;
    if (!this.fixedBatch) this.batchBlocks = 1;
  }

  /** Records a written block's size; the in-flight byte budget then caps the batch size. */
  observeBlock(bytes: number): void {
    if (bytes > this.blockBytes) this.blockBytes = bytes;
  }

  /**
   * Bytes of encoded rows allowed in flight: 1/32 of the soft limit, between 8 and 16 MiB. What
   * a run holds then depends on workers and batch size, never on the total volume.
   */
  private get budget(): number {
    return Math.min(16 * 2 ** 20, Math.max(8 * 2 ** 20, this.limits.soft / 32));
  }

  /** The largest batch the byte budget allows with the work currently in flight. */
  private get byteCap(): number {
    if (this.blockBytes === 0) return this.maxBatch;
    return Math.max(1, Math.min(this.maxBatch, Math.floor(this.budget / (this.blockBytes * this.maxInFlight))));
  }

  /** Process RSS (peaks are reported as the process's). */
  rss(): number {
    const r = this.readRss();
    if (r > this.peakRss) this.peakRss = r;
    const h = heapSize();
    if (h > this.peakMainHeap) this.peakMainHeap = h;
    return r;
  }

  /** What the limits measure: RSS above the process's before the run. */
  used(): number {
    return Math.max(0, this.rss() - this.base);
  }

  /** Called after each completed batch; returns whether dispatching may continue. */
  review(phase: string, blocksDone: number): boolean {
    const rss = this.used();
    const { soft, hard } = this.limits;
    if (rss >= hard) {
      if (!this.dispatchStopped) this.note(phase, blocksDone, rss, "pause-dispatch");
      this.dispatchStopped = true;
      this.batchBlocks = 1;
      this.inFlight = 1;
      return false;
    }
    if (this.dispatchStopped) {
      this.dispatchStopped = false;
      this.note(phase, blocksDone, rss, "resume-dispatch");
    }
    if (rss >= soft && (this.batchBlocks > 1 || this.inFlight > 1)) {
      this.batchBlocks = Math.max(1, this.batchBlocks >> 1);
      this.inFlight = Math.max(1, this.inFlight - 1);
      this.note(phase, blocksDone, rss, "shrink");
    } else if (this.batchBlocks > this.byteCap && !this.fixedBatch) {
      this.batchBlocks = this.byteCap;
      this.note(phase, blocksDone, rss, "shrink");
    } else if (rss < soft * 0.7 && (this.batchBlocks < this.byteCap || this.inFlight < this.maxInFlight) && !this.fixedBatch) {
      this.batchBlocks = Math.min(this.byteCap, this.batchBlocks * 2);
      this.inFlight = Math.min(this.maxInFlight, this.inFlight + 1);
      this.note(phase, blocksDone, rss, "grow");
    }
    return true;
  }

  get stopped(): boolean {
    return this.dispatchStopped;
  }

  private note(phase: string, blocksDone: number, rss: number, action: Adjustment["action"]): void {
    this.adjustments.push({ phase, blocksDone, rss, action, batchBlocks: this.batchBlocks, inFlight: this.inFlight });
  }
}
