// Shared by the CLI tests: a temp project (a dir with package.json) and an in-memory Io.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Io } from "../../cli/io.ts";
import { main } from "../../cli/main.ts";

export const QUICK = `scenario "Quick" {
  seed = 7
  industry = retail
  start = 2024-01-01
  months = 3
}
company C01 { name = "Quick Retail Inc." currency = USD }
phase transactions { volume = 5k per year }
`;

export const BROKEN = QUICK.replace("phase transactions", "phase manufactring");

export interface TempProject {
  dir: string;
  write(path: string, text: string): void;
  remove(): void;
}

/** A temp dir with a package.json, so it is its own project root. */
export function tempProject(): TempProject {
  const dir = mkdtempSync(join(tmpdir(), "synth-cli-"));
  writeFileSync(join(dir, "package.json"), "{}\n");
  return {
    dir,
    write: (path, text) => writeFileSync(join(dir, path), text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with `cwd` as the working directory, color off. */
export async function runIn(cwd: string, ...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), cwd, color: false };
  const code = await main(argv, io);
  return { code, out, err };
}
