// Signal handling. SIGUSR1 toggles pause for the current run; its listener is installed once and
// stays for the life of the process (removing it would restore the default action: exit).
// SIGINT / SIGTERM ask the run to stop cleanly. One Ctrl-C often arrives twice: a wrapper such as
// `npx bun run synth` forwards it while the terminal also sends it to the whole process group.
// So stop signals within STOP_GRACE_MS of the first are that same request; one after it is a
// deliberate second Ctrl-C and exits at once with FORCED_EXIT.
import type { RunControl } from "./control.ts";

/** Stop signals this soon after the first are duplicates of it. */
export const STOP_GRACE_MS = 1000;
/** Exit code of a forced stop (a second Ctrl-C after the grace period): 128 + SIGINT. */
export const FORCED_EXIT = 130;

let current: { control: RunControl; onPause: () => void } | undefined;
let usr1Installed = false;

function onUsr1(): void {
  if (!current) return;
  current.control.toggle();
  if (current.control.paused) current.onPause();
}

export interface SignalOptions {
  /** Default STOP_GRACE_MS. */
  graceMs?: number;
  /** Default process.exit (tests replace it). */
  exit?: (code: number) => void;
}

export function installSignals(control: RunControl, onPause: () => void, opts: SignalOptions = {}): () => void {
  const grace = opts.graceMs ?? STOP_GRACE_MS;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  current = { control, onPause };
  if (!usr1Installed) {
    process.on("SIGUSR1", onUsr1);
    usr1Installed = true;
  }
  let first: number | undefined;
  const onStop = (signal: NodeJS.Signals) => {
    if (first === undefined) {
      first = performance.now();
      control.stop(signal);
      return;
    }
    if (performance.now() - first < grace) return;
    // The last checkpoint in manifest.json still allows --resume.
    process.stderr.write(`\nsynth: ${signal} again: exiting now (exit ${FORCED_EXIT}); --resume continues from the last checkpoint\n`);
    exit(FORCED_EXIT);
  };
  process.on("SIGINT", onStop);
  process.on("SIGTERM", onStop);
  return () => {
    process.off("SIGINT", onStop);
    process.off("SIGTERM", onStop);
    if (current?.control === control) current = undefined;
  };
}
