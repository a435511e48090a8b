// The last line of defence: a bug becomes one line and exit 70, the stack only on request.
import { EXIT } from "./exit-codes.ts";

export function reportInternalError(e: unknown, env: Record<string, string | undefined>, err: (t: string) => void): number {
  const message = e instanceof Error ? e.message : String(e);
  err(`synth: internal error: ${message.split("\n")[0]}\n`);
  if (env.SYNTH_DEBUG === "1") err(`${e instanceof Error && e.stack ? e.stack : message}\n`);
  else err("synth: this is a bug in synth; rerun with SYNTH_DEBUG=1 for the stack trace\n");
  return EXIT.internal;
}
