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

  constructor(
    readonly limits: MemoryLimits,
    private readonly maxBatch: number,
    private readonly maxInFlight: number,
    private readonly readRss: RssReader = processRss,
    /** Fixed batch size (runtime.batch_size = N): never grown, only shrunk under pressure. */
    readonly fixedBatch = false,
  ) {
    this.batchBlocks = fixedBatch ? maxBatch : 1;
    this.inFlight = maxInFlight;
  }

  rss(): number {
    const r = this.readRss();
    if (r > this.peakRss) this.peakRss = r;
    const h = heapSize();
    if (h > this.peakMainHeap) this.peakMainHeap = h;
    return r;
  }

  /** Called after each completed batch; returns whether dispatching may continue. */
  review(phase: string, blocksDone: number): boolean {
    const rss = this.rss();
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
    } else if (rss < soft * 0.7 && (this.batchBlocks < this.maxBatch || this.inFlight < this.maxInFlight) && !this.fixedBatch) {
      this.batchBlocks = Math.min(this.maxBatch, this.batchBlocks * 2);
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
