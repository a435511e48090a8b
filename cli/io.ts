// What a command may touch of the outside world, so commands run in-process in tests.
import { EXIT, type ExitCode } from "./exit-codes.ts";

export interface Io {
  /** Writes to standard output (plans, graphs, JSON for tools). */
  out(text: string): void;
  /** Writes to standard error (diagnostics, summaries, messages for people). */
  err(text: string): void;
  /** Directory relative command-line paths are resolved against. */
  cwd: string;
  /** Whether diagnostics on stderr are colored. */
  color: boolean;
  /** Asks a question on the terminal and reads the answer; absent when there is no terminal (scripts, CI). */
  ask?(question: string): Promise<string | undefined>;
  /** The CLI is the whole process (bin/synth): a run's memory limits then count the process's RSS. */
  ownsProcess?: boolean;
}

/** An expected failure: main prints `synth: <message>` and exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: ExitCode,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);

/** Color on stderr: NO_COLOR and TERM=dumb win, FORCE_COLOR forces, else only on a TTY. */
export function colorEnabled(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  if (env.TERM === "dumb") return false;
  return isTTY;
}

/** The real process streams. */
export function processIo(): Io {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    color: colorEnabled(process.env, process.stderr.isTTY === true),
    ask: process.stdin.isTTY && process.stderr.isTTY ? askOnTerminal : undefined,
    ownsProcess: true,
  };
}

/** One line from the terminal (the question on stderr, so stdout stays clean); undefined on end of input. */
async function askOnTerminal(question: string): Promise<string | undefined> {
  const { createInterface } = await import("node:readline");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await new Promise<string | undefined>((resolve) => {
      rl.once("close", () => resolve(undefined));
      rl.question(question, (answer) => resolve(answer));
    });
  } finally {
    rl.close();
  }
}
