// Stop signals in-process: a duplicate within the grace period is the same Ctrl-C; one after it
// forces the exit with the documented code. (The real processes are in test/cli/run.e2e.test.ts.)
import { describe, expect, test } from "bun:test";
import { RunControl } from "../../engine/control.ts";
import { FORCED_EXIT, installSignals, STOP_GRACE_MS } from "../../engine/signals.ts";
import { EXIT } from "../../cli/exit-codes.ts";

function withSignals(graceMs: number, body: (control: RunControl, exits: number[]) => void): void {
  const control = new RunControl();
  const exits: number[] = [];
  const uninstall = installSignals(control, () => {}, { graceMs, exit: (code) => void exits.push(code) });
  try {
    body(control, exits);
  } finally {
    uninstall();
  }
}

describe("stop signals", () => {
  test("SIGINT twice within the grace period stops once and never forces an exit", () => {
    expect(STOP_GRACE_MS).toBe(1000);
    withSignals(STOP_GRACE_MS, (control, exits) => {
      process.emit("SIGINT", "SIGINT");
      process.emit("SIGINT", "SIGINT");
      process.emit("SIGTERM", "SIGTERM");
      expect(control.stopRequested).toBe(true);
      expect(exits).toEqual([]);
    });
  });

  test("a second signal after the grace period forces the exit, with the documented code", () => {
    expect(FORCED_EXIT).toBe(EXIT.forcedStop);
    withSignals(0, (control, exits) => {
      process.emit("SIGINT", "SIGINT");
      expect(exits).toEqual([]);
      process.emit("SIGINT", "SIGINT");
      expect(control.stopRequested).toBe(true);
      expect(exits).toEqual([FORCED_EXIT]);
    });
  });
});
