// Reading inputs and writing outputs with one-line errors and distinct exit codes.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { EXIT } from "./exit-codes.ts";
import { CliError } from "./io.ts";

/** Reads a text file given on the command line; a missing or unreadable file exits 3. */
export function readInput(cwd: string, file: string): string {
  try {
    return readFileSync(resolve(cwd, file), "utf8");
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${reason(e)}`, EXIT.noInput);
  }
}

/**
 * Writes `text` to `file` atomically: a temp file next to it, then a rename, so a failed or
 * interrupted write never leaves half a plan behind.
 */
export function writeAtomic(cwd: string, file: string, text: string): void {
  const target = resolve(cwd, file);
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    removeQuietly(tmp);
    throw new CliError(`cannot write ${file}: ${reason(e, "directory")}`, EXIT.cantWrite);
  }
}

/** Best-effort cleanup; the write error is what the user needs to see. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Bun's rmSync throws even with force when a parent is not a directory (EFAULT)
  }
}

/** A path as the user would type it from `cwd`: relative to it, forward slashes. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel === "" || isAbsolute(rel) ? absolute : rel;
  return shown.split("\\").join("/");
}

/** Node's error codes in words; a missing path is the file when reading, its directory when writing. */
function reason(e: unknown, missing: "file" | "directory" = "file"): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case "ENOENT":
      return `no such ${missing}`;
    case "EISDIR":
      return "is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "a parent is not a directory";
    case "EEXIST":
      // only mkdir of the output's directory raises it: a file sits where a directory should
      return missing === "directory" ? "a parent is not a directory" : "already exists";
    case "ENOSPC":
      return "no space left on device";
    case "EROFS":
      return "read-only file system";
    default:
      return e instanceof Error ? e.message.split("\n")[0]!.toLowerCase() : String(e);
  }
}
