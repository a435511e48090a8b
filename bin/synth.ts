#!/usr/bin/env bun
// The `synth` executable: run the CLI, exit with its code; never a bare stack trace.
import { reportInternalError } from "../cli/internal-error.ts";

const err = (t: string) => void process.stderr.write(t);

try {
  // imported inside the try: even a module that fails to load becomes one line, exit 70
  const { main } = await import("../cli/main.ts");
  // exitCode rather than exit(): lets a large plan on a pipe finish flushing
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.exitCode = reportInternalError(e, process.env, err);
}
