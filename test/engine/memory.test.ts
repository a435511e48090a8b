// The memory governor on its own, with a scripted RSS: what it does within one phase, review by
// review (the run-level test sees only the adjustments a whole run happened to record).
import { describe, expect, test } from "bun:test";
import { MemoryGovernor } from "../../engine/memory.ts";

const MB = 1e6;

/** A governor whose RSS reads the next value of `script` at each review. */
function scripted(script: number[], maxBatch = 16, maxInFlight = 4) {
  let i = 0;
  const g = new MemoryGovernor({ soft: 60 * MB, hard: 100 * MB }, maxBatch, maxInFlight, () => script[Math.min(i++, script.length - 1)]!);
  g.startPhase();
  return g;
}

describe("memory governor", () => {
  test("above the soft limit, every review of the same phase halves the batch and lowers work in flight", () => {
    const g = scripted([10 * MB, 10 * MB, 10 * MB, 10 * MB, 80 * MB, 80 * MB, 80 * MB, 80 * MB, 80 * MB]);
    const sizes: [number, number][] = [];
    for (let done = 1; done <= 9; done++) {
      expect(g.review("transactions", done)).toBe(true);
      sizes.push([g.batchBlocks, g.inFlight]);
    }
    // Four reviews below 70% of soft grow the batch to 16; then each review above soft halves it.
    expect(sizes.map(([b]) => b)).toEqual([2, 4, 8, 16, 8, 4, 2, 1, 1]);
    expect(sizes.map(([, f]) => f)).toEqual([4, 4, 4, 4, 3, 2, 1, 1, 1]);
    expect(g.adjustments.map((a) => a.action)).toEqual(["grow", "grow", "grow", "grow", "shrink", "shrink", "shrink", "shrink"]);
  });

  test("at the hard limit dispatch stops until memory is back under it", () => {
    const g = scripted([10 * MB, 120 * MB, 50 * MB]);
    g.review("transactions", 1);
    expect(g.review("transactions", 2)).toBe(false);
    expect([g.batchBlocks, g.inFlight, g.stopped]).toEqual([1, 1, true]);
    expect(g.review("transactions", 3)).toBe(true);
    expect(g.adjustments.map((a) => a.action)).toEqual(["grow", "pause-dispatch", "resume-dispatch"]);
  });
});
