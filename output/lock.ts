// One run per output directory: a lock file naming the host and pid of the run that writes there.
// A lock left by a run that died on this host (its pid is gone) is reclaimed; a lock from another
// host cannot be judged from here, so the message says how to clear it.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { OutputError, outputError } from "../core/errors.ts";

export const LOCK_FILE = ".synth.lock";

interface LockInfo {
  host: string;
  pid: number;
  /** Tells apart two runs of one process (the library may start several). */
  run: number;
}

let runs = 0;

/** Takes the lock of `dir` (which must exist); returns its release. */
export function acquireLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const mine: LockInfo = { host: hostname(), pid: process.pid, run: ++runs };
  const text = JSON.stringify(mine) + "\n";
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(path, text)) break;
    const held = readLock(path);
    if (attempt === 0 && held && held.host === mine.host && !alive(held.pid)) {
      // Left by a run that was killed on this host: nobody writes there any more.
      rmSync(path, { force: true });
      continue;
    }
    throw lockedError(dir, path, held);
  }
  return () => {
    // Only our own lock: a lock someone reclaimed meanwhile is theirs.
    if (readText(path) === text) rmSync(path, { force: true });
  };
}

function tryCreate(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (e) {
    if ((e as { code?: string }).code === "EEXIST") return false;
    throw outputError(path, e);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

function lockedError(dir: string, path: string, held: LockInfo | undefined): OutputError {
  if (held && held.host === hostname()) {
    return new OutputError(`${dir} is in use by another synth run (pid ${held.pid} on this host)`, "wait for that run to finish or stop it (Ctrl-C), or use another --out");
  }
  const who = held ? `a synth run on host ${held.host} (pid ${held.pid})` : "another synth run";
  return new OutputError(`${dir} is locked by ${who}`, `if no run writes there any more, delete ${path} and run again`);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const v = JSON.parse(readText(path) ?? "") as Partial<LockInfo>;
    return typeof v.host === "string" && Number.isInteger(v.pid) ? (v as LockInfo) : undefined;
  } catch {
    // Being written by the run that just created it, or damaged: treated as held.
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === "EPERM";
  }
}
