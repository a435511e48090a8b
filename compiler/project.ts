// The file system side of compilation: where the project root is, and reading sources
// relative to it. Plans only ever hold project-relative paths.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { SourceHost } from "./loader.ts";

const ROOT_MARKERS = ["synth.project", "package.json", ".git"];

/** Nearest ancestor of `dir` (itself included) holding a root marker; else `dir`. */
export function findProjectRoot(dir: string): string {
  const start = resolve(dir);
  for (let d = start; ; d = dirname(d)) {
    if (ROOT_MARKERS.some((m) => existsSync(join(d, m)))) return d;
    if (dirname(d) === d) return start;
  }
}

/** Project-relative, forward-slash path of a file. */
export function projectPath(root: string, file: string): string {
  return relative(root, resolve(file)).split(sep).join("/");
}

/** Whether `path` is `base` or below it. */
function within(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * Reads project-relative paths under `root`; undefined for missing files or directories. A path
 * that leads outside the root, written so or through a symbolic link, is never read.
 */
export function fsHost(root: string): SourceHost {
  const escapes = (path: string): boolean => {
    const full = resolve(root, path);
    if (!within(resolve(root), full)) return true;
    try {
      return !within(realpathSync(root), realpathSync(full));
    } catch {
      // Missing: nothing to read, so nothing escapes (readFile says it is not there).
      return false;
    }
  };
  return {
    escapes,
    readFile(path: string): string | undefined {
      if (escapes(path)) return undefined;
      const full = join(root, path);
      try {
        return statSync(full).isFile() ? readFileSync(full, "utf8") : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
