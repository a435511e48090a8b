// Paths read back from disk (a manifest, a checkpoint, a shard's part list) are data that anyone
// could have edited: each must name a place inside the directory it came from, symlinks included,
// before anything is read, truncated or deleted there.
import { existsSync, lstatSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { ConfigurationError } from "../core/errors.ts";

/** Whether `path` is `base` or below it (both absolute, normalized). */
function within(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** The real path of `path`'s nearest existing ancestor (itself included). */
function realAncestor(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return realpathSync(p);
}

/**
 * The absolute path of `rel` under `dir`, or a ConfigurationError when it leads outside `dir`:
 * an absolute path, `..`, or a symlinked directory on the way. With `follow` (the caller reads
 * or truncates the file itself), a symlink in the last component must stay inside too; without
 * it (the caller deletes the entry), the link itself is what is removed, never its target.
 */
export function confined(dir: string, rel: string, source: string, follow: boolean): string {
  const base = resolve(dir);
  const full = resolve(base, rel);
  const refuse = () =>
    new ConfigurationError(`${source} names ${JSON.stringify(rel)}, which is outside the output directory ${dir}`, `it was not written by synth: delete ${source}, or use another --out`);
  if (rel === "" || isAbsolute(rel) || rel.includes("\0") || !within(base, full) || full === base) throw refuse();
  const realBase = realpathSync(base);
  if (!within(realBase, realAncestor(dirname(full)))) throw refuse();
  if (follow && isSymlink(full) && !within(realBase, realAncestor(full))) throw refuse();
  return full;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
