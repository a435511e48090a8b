// What a run may do to its output directory, and nothing beyond it: a resume continues exactly
// the run that was started (same plan, same formats) or refuses without touching a byte; paths
// read back from a manifest or checkpoint never lead outside; one run at a time holds the lock;
// no temp file or shard.json is left where it does not belong.
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { run, type RunOptions } from "../../engine/run.ts";
import { ConfigurationError, Interrupted, OutputError } from "../../core/errors.ts";
import { writeAtomic } from "../../output/manifest.ts";
import { LOCK_FILE } from "../../output/lock.ts";
import type { Plan } from "../../specs/plan.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const root = mkdtempSync(join(tmpdir(), "synth-safety-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = () => join(root, `out-${++n}`);

const SOURCE = `
scenario "Safety" { seed = 3  industry = retail  start = 2024-01-01  months = 2 }
chart_of_accounts { size = small }
company S1 { currency = USD }
phase master_data { vendors = 10 customers = 10 materials = 5 fixed_assets = 5 employees = 5 cost_centers = 2 }
phase transactions { volume = 3k per year  block_size = 64 }
`;

function plan(source = SOURCE): Plan {
  const r = compile(source, { path: "safety.synth" });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.plan;
}

const p = plan();
const base: RunOptions = { progress: "none", workers: 0 };

/** Every entry under `d`: files by content, symlinks by target. */
function snapshot(d: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(d, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(d, r));
      if (st.isSymbolicLink()) out[r] = `-> ${readlinkSync(join(d, r))}`;
      else if (st.isDirectory()) walk(r);
      else out[r] = new Bun.CryptoHasher("sha256").update(readFileSync(join(d, r))).digest("hex");
    }
  };
  walk("");
  return out;
}

const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
const hashes = (out: string) => Object.fromEntries(manifestOf(out).files.map((f: { path: string; sha256: string }) => [f.path, f.sha256]));

/** A run stopped at its first transactions block, with a checkpoint to resume from. */
async function interrupted(formats: RunOptions["formats"] = ["csv"]): Promise<string> {
  const out = dir();
  let stopped = false;
  const r = run(p, {
    ...base,
    out,
    formats,
    batchSize: 1,
    checkpointEveryMs: 0,
    onProgress: (pr) => {
      if (!stopped && pr.phase === "transactions") (stopped = true), r.stop();
    },
  });
  await expect(r.done).rejects.toBeInstanceOf(Interrupted);
  expect(manifestOf(out).checkpoint.files.length).toBeGreaterThan(0);
  return out;
}

let whole: Promise<Record<string, string>> | undefined;
const reference = () =>
  (whole ??= (async () => {
    const out = dir();
    await run(p, { ...base, out }).done;
    return hashes(out);
  })());

describe("a resume continues exactly the run that was started, or changes nothing", () => {
  test("other formats, another plan, parquet: each refused with the directory unchanged; the right resume then finishes", async () => {
    const out = await interrupted();
    const before = snapshot(out);
    expect(manifestOf(out).formats).toEqual(["csv"]);
    const refusals: [Plan, RunOptions, string][] = [
      [p, { formats: ["ndjson"] }, "was started with --format csv"],
      [p, { formats: ["csv", "ndjson"] }, "was started with --format csv"],
      [plan(SOURCE.replace("seed = 3", "seed = 4")), {}, "different plan"],
      [p, { formats: ["csv", "parquet"] }, "was started with --format csv"],
    ];
    for (const [other, opts, message] of refusals) {
      const err = await run(other, { ...base, out, resume: true, ...opts }).done.catch((e) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect(err.message).toContain(message);
      expect(snapshot(out)).toEqual(before);
    }
    const done = await run(p, { ...base, out, resume: true }).done;
    expect(done.manifest.status).toBe("complete");
    expect(hashes(out)).toEqual(await reference());
  });

  test("a parquet run cannot be resumed; the refusal keeps its checkpoint", async () => {
    const out = await interrupted(["csv", "parquet"]);
    const before = snapshot(out);
    const err = await run(p, { ...base, out, resume: true, formats: ["csv", "parquet"] }).done.catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain("resume is supported for csv and ndjson");
    expect(snapshot(out)).toEqual(before);
  });

  test("--resume into a missing or an empty directory is refused and creates nothing", async () => {
    const missing = dir();
    expect(await run(p, { ...base, out: missing, resume: true }).done.catch((e) => e)).toBeInstanceOf(ConfigurationError);
    expect(existsSync(missing)).toBe(false);
    const empty = dir();
    mkdirSync(empty);
    const err = await run(p, { ...base, out: empty, resume: true }).done.catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain("nothing to resume");
    expect(readdirSync(empty)).toEqual([]);
  });

  test("a resume with files shorter than the checkpoint is refused before anything is truncated", async () => {
    const out = await interrupted();
    writeFileSync(join(out, "companies.csv"), "");
    const before = snapshot(out);
    const err = await run(p, { ...base, out, resume: true }).done.catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain("shorter than its checkpoint");
    expect(snapshot(out)).toEqual(before);
  });
});

describe("paths read from a manifest stay inside the output directory", () => {
  /** A victim file next to the output directory, and a directory symlink pointing at its folder. */
  function victim(out: string) {
    const outside = dir();
    mkdirSync(outside);
    const file = join(outside, "victim.txt");
    writeFileSync(file, "precious\n");
    return { outside, file, intact: () => existsSync(file) && readFileSync(file, "utf8") === "precious\n" };
  }

  test("a fresh run refuses a manifest that lists ../victim.txt or a file behind a symlinked directory", async () => {
    const out = dir();
    await run(p, { ...base, out }).done;
    const v = victim(out);
    symlinkSync(v.outside, join(out, "elsewhere"));
    const m = manifestOf(out);
    for (const path of [`../${v.outside.split("/").at(-1)}/victim.txt`, "elsewhere/victim.txt", v.file]) {
      writeFileSync(join(out, "manifest.json"), JSON.stringify({ ...m, files: [...m.files, { ...m.files[0], path }] }));
      const before = snapshot(out);
      const err = await run(p, { ...base, out }).done.catch((e) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect(err.message).toContain("outside the output directory");
      expect(v.intact()).toBe(true);
      expect(snapshot(out)).toEqual(before);
    }
  });

  test("a resume refuses a checkpoint that would truncate or read a file outside", async () => {
    const out = await interrupted();
    const v = victim(out);
    const m = manifestOf(out);
    const cp = m.checkpoint;
    const escape = `../${v.outside.split("/").at(-1)}/victim.txt`;
    // A checkpoint file that is a symlink to the victim: truncating it would follow the link.
    symlinkSync(v.file, join(out, "link.csv"));
    const crafted = [
      { ...m, checkpoint: { ...cp, files: [...cp.files, { ...cp.files[0], path: escape, bytes: 1 }] } },
      { ...m, checkpoint: { ...cp, files: [...cp.files, { ...cp.files[0], path: "link.csv", bytes: 1 }] } },
      { ...m, checkpoint: { ...cp, state: escape } },
      { ...m, files: [...m.files, { ...m.files[0], path: escape }] },
    ];
    for (const c of crafted) {
      writeFileSync(join(out, "manifest.json"), JSON.stringify(c));
      const before = snapshot(out);
      const err = await run(p, { ...base, out, resume: true }).done.catch((e) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect(err.message).toContain("outside the output directory");
      expect(v.intact()).toBe(true);
      expect(snapshot(out)).toEqual(before);
    }
  });
});

describe("one run per output directory", () => {
  test("a second run into the same --out while the first runs is refused (OutputError); the first completes", async () => {
    const out = dir();
    let second: Promise<unknown> | undefined;
    const first = run(p, {
      ...base,
      out,
      onProgress: (pr) => {
        if (!second && pr.phase === "transactions") second = run(plan(SOURCE.replace("seed = 3", "seed = 9")), { ...base, out }).done.catch((e) => e);
      },
    });
    const done = await first.done;
    const err = await second;
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).message).toContain("in use by another synth run");
    expect((err as OutputError).exitCode).toBe(13);
    expect(done.manifest.planHash).toBe(p.planHash);
    expect(hashes(out)).toEqual(await reference());
    // The lock goes with the run.
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  test("a stale lock of a dead process on this host is reclaimed; one from another host says how to clear it", async () => {
    const out = dir();
    mkdirSync(out);
    const dead = Bun.spawnSync(["true"]).pid;
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ host: hostname(), pid: dead, run: 1 }));
    expect((await run(p, { ...base, out }).done).manifest.status).toBe("complete");
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ host: "build-7.example", pid: 4242, run: 1 }));
    const before = snapshot(out);
    const err = await run(p, { ...base, out }).done.catch((e) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect(err.message).toContain("build-7.example (pid 4242)");
    expect(err.hint).toContain(`delete ${join(out, LOCK_FILE)}`);
    expect(snapshot(out)).toEqual(before);
  });
});

describe("nothing is left behind", () => {
  test("a failed atomic write removes its temp file", () => {
    const d = dir();
    mkdirSync(d);
    // The temp file is /dev/full: the write fails with ENOSPC, as on a full disk.
    symlinkSync("/dev/full", join(d, `manifest.json.tmp-${process.pid}`));
    expect(() => writeAtomic(join(d, "manifest.json"), "{}")).toThrow(OutputError);
    expect(readdirSync(d)).toEqual([]);
  });

  test("temp files a killed run left are removed by the next run", async () => {
    const out = await interrupted();
    writeFileSync(join(out, "manifest.json.tmp-99999"), "{ half");
    writeFileSync(join(out, ".synth", "state-7.json.tmp-99999"), "{ half");
    await run(p, { ...base, out, resume: true }).done;
    expect(readdirSync(out).filter((f) => f.includes(".tmp-"))).toEqual([]);
    expect(existsSync(join(out, ".synth"))).toBe(false);
  });

  test("a refused --shard --resume writes no shard.json; an empty --out is refused", async () => {
    const out = await interrupted();
    const before = snapshot(out);
    const err = await run(p, { ...base, out, resume: true, shard: { index: 0, count: 2 } }).done.catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(snapshot(out)).toEqual(before);
    await run(p, { ...base, out, resume: true }).done;
    expect(existsSync(join(out, "shard.json"))).toBe(false);
    for (const empty of ["", " "]) expect(await run(p, { ...base, out: empty }).done.catch((e) => e)).toBeInstanceOf(ConfigurationError);
  });
});
