// The file system side of compilation: where the project root is, and reading sources
// relative to it. Plans only ever hold project-relative paths.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
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

/** Reads project-relative paths under `root`; undefined for missing files or directories. */
export function fsHost(root: string): SourceHost {
  return {
    readFile(path: string): string | undefined {
      const full = join(root, path);
      try {
        return statSync(full).isFile() ? readFileSync(full, "utf8") : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
