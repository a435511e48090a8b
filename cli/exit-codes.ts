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

  // 10-14 are reserved for the runtime's typed errors (`synth run`, `synth merge`), one each:
  //   10 ConfigurationError, 11 GenerationError, 12 MemoryExceeded, 13 OutputError, 14 Interrupted
  // Add them here when the runtime lands; never reuse a number.

  /** A bug in synth: an exception nobody expected (EX_SOFTWARE from sysexits.h). */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
