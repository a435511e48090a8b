// The one table of process exit codes: scripts and CI branch on them, so each failure kind
// keeps its own number forever.

export const EXIT = {
  /** Success; for `compile --check`, the plan is up to date. */
  ok: 0,
  /** The sources have errors, or a committed plan is stale or invalid. */
  failed: 1,
  /** Bad command line: unknown command or option, missing or extra arguments. */
  usage: 2,
  /** An input file does not exist or cannot be read. */
  noInput: 3,
  /** An output file could not be written. */
  cantWrite: 4,
  /** A file the command would create already exists (init, import): nothing was written. */
  exists: 5,

  // The runtime's typed errors (core/errors.ts carries the same numbers).
  /** The plan or run options are unusable (invalid or hand-edited plan, bad --shard, nothing to resume). */
  configuration: 10,
  /** A generator failed. */
  generation: 11,
  /** Memory stayed above the hard limit with dispatch stopped. */
  memoryExceeded: 12,
  /** The output could not be written (permissions, full disk, a file in the way). */
  output: 13,
  /** SIGINT / SIGTERM: stopped cleanly; `--resume` finishes the job. */
  interrupted: 14,

  /** Ctrl-C again more than a second after the first: exits at once (128 + SIGINT); `--resume` continues from the last checkpoint. */
  forcedStop: 130,

  /** A bug in synth: an exception nobody expected (EX_SOFTWARE from sysexits.h). */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
