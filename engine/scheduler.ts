// Runs the blocks of one block step: dispatches batches of consecutive blocks (sized by the
// memory governor) to the pool, and writes results strictly in block order, whatever order
// they complete in.
import type { PlanPhase } from "../specs/plan.ts";
import type { BlockResult } from "./block-runner.ts";
import type { RunControl } from "./control.ts";
import { Signal } from "./control.ts";
import { MemoryExceeded } from "../core/errors.ts";
import type { MemoryGovernor } from "./memory.ts";
import type { BatchTask } from "./pool.ts";
import type { Sink } from "../output/sinks.ts";

export interface BatchRunner {
  run(task: BatchTask): Promise<{ results: BlockResult[] }>;
}

export interface PhaseHooks {
  control: RunControl;
  governor: MemoryGovernor;
  sink: Sink;
  /** Called for every written block, in block order (fold totals, count progress, recycle buffers). */
  onBlock(result: BlockResult): void;
  /** Called after a flush at most every `checkpointEvery` ms with the blocks written so far. */
  checkpoint(completedBlocks: number): void;
  checkpointEvery: number;
  now(): number;
}

/** The blocks to run: of which phase and step. */
export interface BlockTask {
  phase: PlanPhase;
  step: string;
}

/**
 * Runs blocks [start, end) of a step (a shard runs a slice). Returns the index after the last
 * block written: `end` unless a stop was requested.
 */
export async function runBlocks(task: BlockTask, start: number, end: number, runner: BatchRunner, h: PhaseHooks): Promise<number> {
  const wake = new Signal();
  const unsubscribe = h.control.changed.on(() => wake.notify());
  try {
    return await loop(task, start, end, runner, h, wake);
  } finally {
    unsubscribe();
  }
}

async function loop(task: BlockTask, start: number, total: number, runner: BatchRunner, h: PhaseHooks, wake: Signal): Promise<number> {
  const done = new Map<number, { to: number; results: BlockResult[] }>();
  let next = start;
  let written = start;
  let inFlight = 0;
  let failure: unknown;
  let lastCheckpoint = h.now();

  const dispatch = () => {
    while (mayDispatch(h) && inFlight < h.governor.inFlight && next < total) {
      const from = next;
      const to = Math.min(total, from + h.governor.batchBlocks);
      next = to;
      inFlight++;
      runner.run({ phase: task.phase.id, step: task.step, from, to }).then(
        (r) => {
          done.set(from, { to, results: r.results });
          inFlight--;
          wake.notify();
        },
        (e) => {
          failure ??= e;
          inFlight--;
          wake.notify();
        },
      );
    }
  };

  for (;;) {
    if (failure) throw failure;
    dispatch();
    const progressed = writeReady(done, () => written, (w) => (written = w), h);
    if (progressed) {
      await guardMemory(task.phase, written, inFlight, h);
      if (h.now() - lastCheckpoint >= h.checkpointEvery) {
        await h.sink.flush();
        h.checkpoint(written);
        lastCheckpoint = h.now();
      }
    }
    if (written >= total) break;
    if (h.control.stopRequested && inFlight === 0 && !done.has(written)) break;
    if (!progressed) await wake.wait();
  }
  await h.sink.flush();
  return written;
}

function mayDispatch(h: PhaseHooks): boolean {
  return !h.control.stopRequested && !h.control.paused && !h.governor.stopped;
}

/** Writes every completed batch that continues the written prefix. Nothing while paused. */
function writeReady(
  done: Map<number, { to: number; results: BlockResult[] }>,
  written: () => number,
  setWritten: (n: number) => void,
  h: PhaseHooks,
): boolean {
  let progressed = false;
  while (!h.control.paused && done.has(written())) {
    const batch = done.get(written())!;
    done.delete(written());
    for (const r of batch.results) {
      for (const c of r.chunks) h.sink.write(c);
      h.onBlock(r);
    }
    setWritten(batch.to);
    progressed = true;
  }
  return progressed;
}

/** At the hard limit: drain sinks, collect garbage; if still over with nothing in flight, fail. */
async function guardMemory(phase: PlanPhase, written: number, inFlight: number, h: PhaseHooks): Promise<void> {
  if (h.governor.review(phase.id, written)) return;
  await h.sink.flush();
  Bun.gc(true);
  const rss = h.governor.used();
  if (rss >= h.governor.limits.hard && inFlight === 0) throw new MemoryExceeded(h.governor.limits.hard, rss);
  h.governor.review(phase.id, written);
}
