// Typed runtime failures. Each has one clear line, an optional hint, and its own exit code;
// the CLI prints them, never a stack trace.

/** Where in a .synth file a plan setting came from. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

export abstract class RunError extends Error {
  abstract readonly exitCode: number;
  /** The class's name, for tools (manifest.json, run-report.json). */
  abstract readonly kind: string;
  /** What a person reads before the message: "configuration error", never a class name. */
  abstract readonly label: string;
  constructor(
    message: string,
    readonly hint?: string,
    /** The .synth line behind the failure, when the plan knows it. */
    readonly source?: SourceRef,
  ) {
    super(message);
  }
}

/** The plan or the options are unusable (invalid plan, bad --shard, unknown format...). */
export class ConfigurationError extends RunError {
  readonly exitCode = 10;
  readonly kind = "ConfigurationError";
  readonly label = "configuration error";
}

/** A generator failed (a bug, or a plan the generators cannot honour). */
export class GenerationError extends RunError {
  readonly exitCode = 11;
  readonly kind = "GenerationError";
  readonly label = "generation error";
}

export class MemoryExceeded extends RunError {
  readonly exitCode = 12;
  readonly kind = "MemoryExceeded";
  readonly label = "memory exceeded";
  constructor(
    readonly limit: number,
    readonly current: number,
  ) {
    super(
      `memory use ${mib(current)} stays above the hard limit ${mib(limit)} even with dispatch stopped`,
      "raise --memory-limit, lower --workers, or set a smaller runtime.batch_size",
    );
  }
}

/** The output cannot be written: missing permissions, full disk, a file in the way. */
export class OutputError extends RunError {
  readonly exitCode = 13;
  readonly kind = "OutputError";
  readonly label = "output error";
}

/** SIGINT / SIGTERM: completed blocks are flushed and recorded; --resume continues. */
export class Interrupted extends RunError {
  readonly exitCode = 14;
  readonly kind = "Interrupted";
  readonly label = "interrupted";
}

export function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

/** Turns a file-system error into an OutputError with a readable reason. */
export function outputError(path: string, e: unknown): OutputError {
  const code = (e as { code?: string }).code;
  const reasons: Record<string, string> = {
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "read-only file system",
    ENOTDIR: "a path component is a file, not a directory",
    EISDIR: "a directory is in the way",
    ENOENT: "the directory does not exist",
  };
  const reason = (code && reasons[code]) ?? (e instanceof Error ? e.message : String(e));
  return new OutputError(`cannot write ${path}: ${reason}`, code === "ENOSPC" ? "free some space, then run again with --resume" : undefined);
}
