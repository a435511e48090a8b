// Progress display: the right view for the stream, and text that never breaks a terminal.
import { describe, expect, test } from "bun:test";
import { describe as describeProgress, makeView, ProgressTracker } from "../../engine/progress.ts";

function fakeStream(isTTY: boolean, columns: number | undefined) {
  const written: string[] = [];
  return { stream: { isTTY, columns, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

describe("progress", () => {
  test("a terminal that reports no width gets plain lines, not the animated bar", () => {
    const { stream, written } = fakeStream(true, 0);
    const view = makeView("auto", stream);
    view.note("hello");
    expect(written).toEqual(["hello\n"]);
  });

  test("json mode writes one event per line", () => {
    const { stream, written } = fakeStream(false, undefined);
    const view = makeView("json", stream);
    view.update(new ProgressTracker(10).snapshot(false));
    view.finish("done");
    expect(written.map((l) => JSON.parse(l).event)).toEqual(["progress", "done"]);
  });

  test("one overall unit (blocks) for percent and ETA; the phase's own count beside it in its unit", () => {
    const t = new ProgressTracker(40);
    t.enter("initialize", "Initialize", "companies", 2);
    t.add(1, 2);
    t.enter("transactions", "Transactions", "entries", 48_000, 12_000);
    t.add(9, 9_000);
    const p = t.snapshot(false);
    expect([p.current, p.total, p.percent]).toEqual([10, 40, 25]);
    expect([p.phaseCurrent, p.phaseTotal, p.unit]).toEqual([21_000, 48_000, "entries"]);
    const text = describeProgress(p);
    expect(text).toMatch(/^\[#####-+\]  25\.0% 10\/40 blocks · Transactions 21k\/48k entries · \S+ entries\/s · /);
  });

  test("percent above 100 (a resumed run's estimate) never breaks the bar", () => {
    const t = new ProgressTracker(100);
    t.enter("transactions", "Transactions", "entries", 1000);
    t.add(150, 1500);
    const text = describeProgress(t.snapshot(true));
    expect(text).toContain("[####################]");
    expect(text).toContain("PAUSED");
  });
});
