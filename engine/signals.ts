// Signal handling. SIGUSR1 toggles pause for the current run; its listener is installed once and
// stays for the life of the process (removing it would restore the default action: exit).
// SIGINT / SIGTERM ask the run to stop cleanly; a second one exits at once.
import type { RunControl } from "./control.ts";

let current: { control: RunControl; onPause: () => void } | undefined;
let usr1Installed = false;

function onUsr1(): void {
  if (!current) return;
  current.control.toggle();
  if (current.control.paused) current.onPause();
}

export function installSignals(control: RunControl, onPause: () => void): () => void {
  current = { control, onPause };
  if (!usr1Installed) {
    process.on("SIGUSR1", onUsr1);
    usr1Installed = true;
  }
  let stops = 0;
  const onStop = (signal: NodeJS.Signals) => {
    stops++;
    if (stops > 1) {
      // The last checkpoint in manifest.json still allows --resume.
      process.stderr.write(`\nsynth: ${signal} again: exiting now; --resume continues from the last checkpoint\n`);
      process.exit(130);
    }
    control.stop(signal);
  };
  process.on("SIGINT", onStop);
  process.on("SIGTERM", onStop);
  return () => {
    process.off("SIGINT", onStop);
    process.off("SIGTERM", onStop);
    if (current?.control === control) current = undefined;
  };
}
