// Reading and atomically writing manifest.json and the checkpoint state next to it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { canonicalJson } from "../core/canonical.ts";
import { Manifest } from "../specs/manifest.ts";
import { ConfigurationError, outputError } from "../core/errors.ts";

export const MANIFEST_FILE = "manifest.json";
export const STATE_DIR = ".synth";

/** Write-then-rename: a reader never sees half a file, a crash never leaves one. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    throw outputError(path, e);
  }
}

export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(join(dir, MANIFEST_FILE), canonicalJson(m));
}

export function readManifest(dir: string): Manifest | undefined {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new ConfigurationError(`${path} is not valid JSON`, "delete the output directory and run again");
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw new ConfigurationError(`${path} is not a synth manifest`, "use another --out directory, or delete it");
  return parsed.data;
}
