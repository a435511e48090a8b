// `synth run` as a user drives it: the real executable, real signals, real exit codes.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { tempProject } from "./helpers.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const BIN = join(import.meta.dir, "..", "..", "bin", "synth.ts");
const project = tempProject();
afterAll(() => project.remove());

const SCENARIO = `
scenario "Signals" { seed = 5  industry = technology  start = 2024-01-01  months = 1 }
chart_of_accounts { size = small }
company T1 { currency = USD }
phase master_data { vendors = 20 customers = 20 materials = 10 fixed_assets = 10 employees = 10 cost_centers = 3 }
phase transactions { volume = 1.5M per year  block_size = 256 }
`;
project.write("s.synth", SCENARIO);
project.write("quick.synth", SCENARIO.replace("1.5M per year", "3k per year"));

const env = { ...process.env, NO_COLOR: "1" };

function synth(...args: string[]) {
  const r = Bun.spawnSync([process.execPath, BIN, ...args], { cwd: project.dir, env, stdout: "pipe", stderr: "pipe" });
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(project.dir, dir, "manifest.json"), "utf8"));
const hashes = (dir: string) => manifest(dir).files.map((f: { path: string; sha256: string }) => `${f.path}:${f.sha256}`);

const RUN_ARGS = (out: string) => ["run", "s.synth", "--out", out, "--workers", "1", "--batch-size", "1", "--progress", "json"];

/** Starts a run and calls back once the transactions phase reports progress (with the stderr seen so far). */
async function runUntilTransactions(out: string, onTransactions: (p: Bun.Subprocess, seen: () => string) => Promise<void>, extra: string[] = []) {
  const p = Bun.spawn([process.execPath, BIN, ...RUN_ARGS(out), ...extra], {
    cwd: project.dir,
    env,
    stdout: "pipe",
    stderr: "pipe",
  });
  const decoder = new TextDecoder();
  let seen = "";
  let fired = false;
  for await (const chunk of p.stderr as ReadableStream<Uint8Array>) {
    seen += decoder.decode(chunk);
    if (!fired && seen.includes('"phase":"transactions"')) {
      fired = true;
      // Not awaited: stderr keeps being read while the callback waits.
      void onTransactions(p, () => seen);
    }
  }
  return { code: await p.exited, err: seen };
}

let clean: Promise<string[]> | undefined;
/** The uninterrupted run's files (computed once, by whichever test asks first). */
const cleanHashes = () =>
  (clean ??= (async () => {
    expect(synth("run", "s.synth", "--out", "out-clean", "--quiet").code).toBe(0);
    return hashes("out-clean");
  })());

describe("synth run (executable)", () => {
  test("runs a scenario to a complete manifest", () => {
    const r = synth("run", "quick.synth", "--out", "out-quick", "--progress", "plain");
    expect(r.code).toBe(0);
    expect(r.err).toContain("done:");
    expect(manifest("out-quick").status).toBe("complete");
  });

  test("SIGINT stops cleanly (exit 14); --resume finishes with the uninterrupted result", async () => {
    const r = await runUntilTransactions("out-int", async (p) => p.kill("SIGINT"));
    expect(r.code).toBe(14);
    expect(r.err).toContain("synth: interrupted (SIGINT); completed blocks are recorded\n");
    expect(r.err).not.toContain("Interrupted:");
    expect(r.err).toContain("--resume");
    expect(manifest("out-int").status).toBe("interrupted");
    const resumed = synth("run", "s.synth", "--out", "out-int", "--resume", "--quiet", "--workers", "2");
    expect(resumed.code).toBe(0);
    expect(hashes("out-int")).toEqual(await cleanHashes());
  });

  test("one Ctrl-C delivered twice (50 ms apart) is one clean stop: exit 14, manifest interrupted", async () => {
    let stillRunning = false;
    // Big batches: the blocks in flight take a while to finish, so the second signal finds the run stopping.
    const r = await runUntilTransactions("out-int2", async (p) => {
      p.kill("SIGINT");
      await Bun.sleep(50);
      stillRunning = p.exitCode === null;
      p.kill("SIGINT");
    }, ["--batch-size", "200"]);
    expect(stillRunning).toBe(true);
    expect(r.code).toBe(14);
    expect(manifest("out-int2").status).toBe("interrupted");
  });

  test("Ctrl-C to the process group under a wrapper that forwards it (as npx bun run does): exit 14, manifest interrupted", async () => {
    // Its own process group, as a terminal's foreground job: a signal to the group reaches wrapper and synth.
    const p = spawn(process.execPath, [join(import.meta.dir, "..", "fixtures", "forward-sigint.ts"), BIN, ...RUN_ARGS("out-group")], { cwd: project.dir, env, detached: true, stdio: ["ignore", "ignore", "pipe"] });
    const exited = new Promise<number | null>((resolve) => p.on("exit", (code) => resolve(code)));
    let seen = "";
    await new Promise<void>((resolve) => {
      p.stderr!.on("data", (b: Buffer) => {
        seen += b.toString();
        if (seen.includes('"phase":"transactions"')) resolve();
      });
    });
    process.kill(-p.pid!, "SIGINT");
    expect(await exited).toBe(14);
    expect(manifest("out-group").status).toBe("interrupted");
  });

  test("SIGUSR1 pauses (nothing is written until the second SIGUSR1) and resumes; the result is unchanged", async () => {
    let pausedLines = 0;
    const r = await runUntilTransactions("out-usr1", async (p, seen) => {
      p.kill("SIGUSR1");
      // More than two throttle intervals of the JSON view (500 ms): a run that kept writing would show it.
      await Bun.sleep(1200);
      pausedLines = seen().split("\n").filter((l) => l.includes('"paused":true')).length;
      p.kill("SIGUSR1");
    });
    expect(r.code).toBe(0);
    const events = r.err.split("\n").filter((l) => l.includes('"event":"progress"')).map((l) => JSON.parse(l) as { current: number; paused: boolean });
    const paused = events.filter((e) => e.paused);
    expect(pausedLines).toBeGreaterThan(0);
    // While paused, progress never moves: no block was written between the two signals.
    expect(new Set(paused.map((e) => e.current)).size).toBe(1);
    // ... and there was work left that an unpaused run would have written meanwhile.
    expect(events.at(-1)!.current).toBeGreaterThan(paused[0]!.current);
    expect(hashes("out-usr1")).toEqual(await cleanHashes());
  });

  test("a memory limit below what the process needs is MemoryExceeded (exit 12)", () => {
    const r = synth("run", "quick.synth", "--out", "out-mem", "--memory-limit", "1MiB", "--quiet");
    expect(r.code).toBe(12);
    expect(r.err).toMatch(/^synth: memory exceeded: memory use \d+ MiB stays above the hard limit 1 MiB/m);
    expect(r.err).not.toContain("    at ");
  });

  test("an output path that is a file is an OutputError (exit 13)", () => {
    project.write("taken", "x");
    const r = synth("run", "quick.synth", "--out", "taken", "--quiet");
    expect(r.code).toBe(13);
    expect(r.err).toMatch(/^synth: output error: cannot write .*taken/m);
  });

  test("bad options are usage errors (exit 2)", () => {
    expect(synth("run", "quick.synth", "--workers", "two").code).toBe(2);
    expect(synth("run", "quick.synth", "--memory-limit", "lots").code).toBe(2);
    expect(synth("run", "quick.synth", "--format", "xlsx").code).toBe(2);
    expect(synth("compile", "quick.synth", "-o", "scaled.plan.json").code).toBe(0);
    // A plan keeps the scale it was compiled with: --scale on a plan is refused, not ignored.
    expect(synth("run", "scaled.plan.json", "--scale", "0.5").code).toBe(2);
  });

  test("a run into an output directory another run holds is refused (exit 13) and says who holds it", () => {
    mkdirSync(join(project.dir, "out-locked"));
    // This test process is alive on this host: the lock is held.
    writeFileSync(join(project.dir, "out-locked", ".synth.lock"), JSON.stringify({ host: hostname(), pid: process.pid, run: 1 }));
    const r = synth("run", "quick.synth", "--out", "out-locked", "--quiet");
    expect(r.code).toBe(13);
    expect(r.err).toContain(`is in use by another synth run (pid ${process.pid} on this host)`);
    expect(readdirSync(join(project.dir, "out-locked"))).toEqual([".synth.lock"]);
  });

  test("a hand-edited plan is refused (exit 10), a broken one is SYN4001 (exit 1)", () => {
    expect(synth("compile", "quick.synth", "-o", "quick.plan.json").code).toBe(0);
    const plan = JSON.parse(readFileSync(join(project.dir, "quick.plan.json"), "utf8"));
    plan.scenario.seed = 99;
    writeFileSync(join(project.dir, "edited.plan.json"), JSON.stringify(plan));
    const edited = synth("run", "edited.plan.json", "--out", "out-edited");
    expect(edited.code).toBe(10);
    expect(edited.err).toContain("synth: configuration error: the plan's content does not match its planHash");
    writeFileSync(join(project.dir, "broken.plan.json"), "{ not json");
    expect(synth("run", "broken.plan.json").code).toBe(1);
    // A key the compiler never writes, and a plan from a newer synth: SYN4001 saying what it is.
    writeFileSync(join(project.dir, "extra.plan.json"), JSON.stringify({ ...plan, seed: 99, turbo: true }));
    const extra = synth("run", "extra.plan.json", "--out", "out-edited");
    expect([extra.code, extra.err]).toEqual([1, 'synth: error[SYN4001]: extra.plan.json: plan is not valid: Unrecognized keys: "seed", "turbo"\n']);
    writeFileSync(join(project.dir, "newer.plan.json"), JSON.stringify({ ...plan, formatVersion: 4 }));
    expect(synth("run", "newer.plan.json", "--out", "out-edited").err).toContain("plan is not valid: the plan is in format 4, written by a newer synth; this one reads format 3 (upgrade synth");
  });

  test("run --help documents the command", () => {
    const r = synth("run", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("--resume");
    expect(r.out).toContain("SIGUSR1");
  });
});
