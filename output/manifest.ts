// Reading and atomically writing manifest.json and the checkpoint state next to it.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import { canonicalJson } from "../core/canonical.ts";
import { Manifest, MANIFEST_FORMAT_VERSION } from "../specs/manifest.ts";
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
    // A full disk must not leave the half-written temp file behind.
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The write error is what the user needs to see.
    }
    throw outputError(path, e);
  }
}

/** Temp files of writeAtomic that a killed run left in `dir` (and its state directory). */
const LEFTOVER = /\.tmp-\d+$/;

/** Removes them; called once the run holds the directory's lock, so none is another run's. */
export function removeLeftovers(dir: string): void {
  for (const d of [dir, join(dir, STATE_DIR)]) {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names) if (LEFTOVER.test(n)) rmSync(join(d, n), { force: true });
  }
}

export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(join(dir, MANIFEST_FILE), canonicalJson(m));
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new ConfigurationError(`${path} is not valid JSON`, "delete the output directory and run again");
  }
}

export function readManifest(dir: string): Manifest | undefined {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  const raw = readJson(path);
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === "number" && version !== MANIFEST_FORMAT_VERSION && (raw as { generator?: unknown }).generator === "synth") {
    throw new ConfigurationError(`${path} was written by another version of synth (manifest format ${version}, this one writes ${MANIFEST_FORMAT_VERSION})`, "run without --resume to start over, or use another --out");
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw new ConfigurationError(`${path} is not a synth manifest`, "use another --out directory, or delete it");
  return parsed.data;
}

const Listed = z.object({
  generator: z.literal("synth"),
  files: z.array(z.object({ path: z.string() })),
  checkpoint: z.object({ files: z.array(z.object({ path: z.string() })) }).optional(),
});

/** The files a previous run's manifest lists (of any manifest version), for a fresh run to remove. */
export function listedFiles(dir: string): string[] {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return [];
  const parsed = Listed.safeParse(readJson(path));
  if (!parsed.success) throw new ConfigurationError(`${path} is not a synth manifest`, "use another --out directory, or delete it");
  const m = parsed.data;
  return [...new Set([...m.files.map((f) => f.path), ...(m.checkpoint?.files.map((f) => f.path) ?? [])])];
}
