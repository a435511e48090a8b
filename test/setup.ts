// The per-test time budget. End-to-end tests spawn synth and run small scenarios; on a loaded
// 2-core CI machine that can take longer than bun's 5 s default. Speed is measured by
// `bun run bench`, never by timeouts.
//
// setDefaultTimeout is file-scoped, and a bunfig preload runs once per process, so a preload
// only covers the first test file (oven-sh/bun#43787): every slow file calls this itself.
import { setDefaultTimeout } from "bun:test";

export function generousTimeout(): void {
  setDefaultTimeout(60_000);
}

generousTimeout();
