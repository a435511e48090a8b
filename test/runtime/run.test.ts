// The runtime end to end on real files: determinism across workers and batch sizes,
// pause / resume, interrupt + resume equality, memory governance and every error path.
import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { run, type RunOptions } from "../../engine/run.ts";
import { ConfigurationError, Interrupted, MemoryExceeded, OutputError } from "../../core/errors.ts";
import type { Plan } from "../../specs/plan.ts";
import type { Progress } from "../../engine/progress.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const root = mkdtempSync(join(tmpdir(), "synth-run-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = () => join(root, `out-${++n}`);

const SOURCE = `
scenario "Runtime test" { seed = 11  industry = manufacturing  start = 2024-11-01  months = 3 }
chart_of_accounts { size = small }
company US1 { currency = USD  share = 60% }
company DE1 { country = DE  currency = EUR }
phase master_data { vendors = 30 customers = 40 materials = 20 fixed_assets = 10 employees = 25 cost_centers = 5  block_size = 64 }
phase transactions { volume = 12k per year  block_size = 64 }
`;

function plan(source = SOURCE): Plan {
  const r = compile(source, { path: "runtime-test.synth" });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.plan;
}

const base: RunOptions = { progress: "none" };
const hashes = (out: string) => {
  const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
  return Object.fromEntries(m.files.map((f: { path: string; sha256: string; rows: number }) => [f.path, `${f.sha256}:${f.rows}`]));
};

const p = plan();
let referenceRun: Promise<Record<string, string>> | undefined;
/** The uninterrupted result every other run must equal (computed once, by whichever test asks first). */
const reference = () =>
  (referenceRun ??= (async () => {
    const out = dir();
    await run(p, { ...base, out, workers: 1 }).done;
    return hashes(out);
  })());

/** Progress events of a run, and the latest one (so a test can see whether writing advances). */
function progressLog() {
  const log: Progress[] = [];
  return { log, latest: () => log.at(-1)!, on: (pr: Progress) => void log.push(pr) };
}

describe("synth run on files", () => {
  test("writes every table, a complete manifest and a run report", async () => {
    const out = dir();
    const r = await run(p, { ...base, out, workers: 1 }).done;
    expect(r.manifest.status).toBe("complete");
    const tables = r.files.map((f) => f.table).sort();
    const core = ["chart_of_accounts", "companies", "cost_centers", "customers", "data_dictionary", "employees", "fiscal_periods", "fixed_assets", "journal_entries", "materials", "opening_balances", "trial_balance", "vendors"];
    const flows = ["purchase_orders", "goods_receipts", "vendor_invoices", "payments", "sales_orders", "deliveries", "customer_invoices", "customer_receipts", "document_references", "ap_open_items", "ar_open_items", "inventory_movements", "reconciliation", "intercompany_matches", "fx_rates", "consolidated_trial_balance"];
    expect(tables).toEqual(expect.arrayContaining([...core, ...flows]));
    const csv = readFileSync(join(out, "journal_entries.csv"), "utf8");
    expect(csv.split("\n")[0]).toStartWith("company_code,document_id,line_number,posting_date");
    expect(csv.trimEnd().split("\n").length - 1).toBe(r.files.find((f) => f.table === "journal_entries")!.rows);
    expect(JSON.parse(readFileSync(join(out, "run-report.json"), "utf8")).figures.transactions.meanLinesPerEntry).toBeGreaterThan(2);
    expect(hashes(out)).toEqual(await reference());
  });

  test("as a library a run is silent unless asked (nothing on stderr, even with onProgress); progress: blocks overall, the phase's own count beside", async () => {
    const written: string[] = [];
    const original = process.stderr.write;
    process.stderr.write = ((s: string | Uint8Array) => (written.push(String(s)), true)) as typeof process.stderr.write;
    const events: Progress[] = [];
    try {
      await run(p, { out: dir(), workers: 0, onProgress: (e) => void events.push(e) }).done;
    } finally {
      process.stderr.write = original;
    }
    expect(written).toEqual([]);
    const last = events.at(-1)!;
    expect(last.current).toBe(last.total);
    expect(events.every((e, i) => i === 0 || e.current >= events[i - 1]!.current)).toBe(true);
    expect(events.every((e) => e.phaseCurrent <= e.phaseTotal)).toBe(true);
    // Each phase's own count reaches its total, in its own unit.
    const byPhase = new Map(events.map((e) => [e.phase, e]));
    for (const e of byPhase.values()) expect(e.phaseCurrent).toBe(e.phaseTotal);
    expect(byPhase.get("transactions")!.unit).toBe("entries");
    expect(byPhase.get("transactions")!.phaseTotal).toBe(p.phases.find((x) => x.id === "transactions")!.layout.total);
  });

  test("output is byte-identical for 1 and 3 workers and any batch size", async () => {
    for (const opts of [{ workers: 3 }, { workers: 2, batchSize: 1 }, { workers: 3, batchSize: 7 }, { workers: 0 }]) {
      const out = dir();
      await run(p, { ...base, out, ...opts }).done;
      expect(hashes(out)).toEqual(await reference());
    }
  });

  test("an interrupted run resumes to exactly the uninterrupted result", async () => {
    const out = dir();
    let stopped = false;
    const r = run(p, {
      ...base,
      out,
      workers: 2,
      batchSize: 2,
      checkpointEveryMs: 0,
      onProgress: (pr) => {
        // The first written transactions block: with 2-block batches, most blocks are still to come.
        if (!stopped && pr.phase === "transactions") {
          stopped = true;
          r.stop();
        }
      },
    });
    await expect(r.done).rejects.toBeInstanceOf(Interrupted);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.status).toBe("interrupted");
    expect(m.checkpoint.completedBlocks).toBeGreaterThan(0);
    expect(m.phases.find((x: { id: string }) => x.id === "transactions").status).toBe("partial");
    const resumed = await run(p, { ...base, out, workers: 3, resume: true }).done;
    expect(resumed.manifest.status).toBe("complete");
    expect(hashes(out)).toEqual(await reference());
  });

  test("a run that died without cleaning up resumes from its last checkpoint", async () => {
    const out = dir();
    const r = run(p, { ...base, out, workers: 1, batchSize: 1, checkpointEveryMs: 0, onProgress: (pr) => pr.phase === "transactions" && pr.percent > 60 && r.stop() });
    await expect(r.done).rejects.toBeInstanceOf(Interrupted);
    // Simulate a kill: garbage after the checkpoint and a manifest still saying "running".
    writeFileSync(join(out, "journal_entries.csv"), "half a line,", { flag: "a" });
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    writeFileSync(join(out, "manifest.json"), JSON.stringify({ ...m, status: "running", error: undefined }));
    await run(p, { ...base, out, workers: 2, resume: true }).done;
    expect(hashes(out)).toEqual(await reference());
  });

  test("pause stops writing until resume (blocks in flight finish, none is written), and the result is unchanged", async () => {
    const out = dir();
    const events = progressLog();
    let pausedAt = -1;
    let whilePaused = -1;
    const r = run(p, {
      ...base,
      out,
      workers: 2,
      batchSize: 1,
      onProgress: (pr) => {
        events.on(pr);
        if (pausedAt >= 0 || pr.phase !== "transactions") return;
        r.pause();
        pausedAt = pr.current;
        // Long enough for the workers to finish what is in flight; nothing of it may be written.
        setTimeout(() => {
          whilePaused = events.latest().current;
          r.resume();
        }, 300);
      },
    });
    const res = await r.done;
    expect(pausedAt).toBeGreaterThan(0);
    expect(whilePaused).toBe(pausedAt);
    // Without the pause, the rest of the run would have been written in those 300 ms.
    expect(events.log.filter((e) => e.paused).every((e) => e.current === pausedAt)).toBe(true);
    expect(r.isPaused()).toBe(false);
    expect(res.manifest.status).toBe("complete");
    expect(hashes(out)).toEqual(await reference());
  });

  test("pause during a main-thread phase (period close) holds the next period's close until resume", async () => {
    const out = dir();
    const events = progressLog();
    let pausedAt = -1;
    let whilePaused = -1;
    const r = run(p, {
      ...base,
      out,
      workers: 0,
      onProgress: (pr) => {
        events.on(pr);
        if (pausedAt >= 0 || pr.phase !== "period_close") return;
        r.pause();
        pausedAt = pr.current;
        setTimeout(() => {
          whilePaused = events.latest().current;
          r.resume();
        }, 200);
      },
    });
    await r.done;
    expect(pausedAt).toBeGreaterThan(0);
    expect(whilePaused).toBe(pausedAt);
    expect(hashes(out)).toEqual(await reference());
  });

  test("a stop during a main-thread phase is a clean interrupt; --resume finishes it identically", async () => {
    const out = dir();
    let stopped = false;
    const r = run(p, {
      ...base,
      out,
      workers: 0,
      onProgress: (pr) => {
        if (stopped || pr.phase !== "period_close") return;
        stopped = true;
        r.stop();
      },
    });
    await expect(r.done).rejects.toBeInstanceOf(Interrupted);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.status).toBe("interrupted");
    expect(m.phases.find((x: { id: string }) => x.id === "period_close").status).not.toBe("complete");
    await run(p, { ...base, out, workers: 2, resume: true }).done;
    expect(hashes(out)).toEqual(await reference());
  });

  test("an interrupted ndjson run resumes to exactly the uninterrupted ndjson result", async () => {
    const whole = dir();
    await run(p, { ...base, out: whole, workers: 1, formats: ["ndjson"] }).done;
    const out = dir();
    let stopped = false;
    const r = run(p, {
      ...base,
      out,
      workers: 2,
      batchSize: 1,
      formats: ["ndjson"],
      checkpointEveryMs: 0,
      onProgress: (pr) => {
        if (!stopped && pr.phase === "transactions") (stopped = true), r.stop();
      },
    });
    await expect(r.done).rejects.toBeInstanceOf(Interrupted);
    await run(p, { ...base, out, workers: 1, resume: true, formats: ["ndjson"] }).done;
    expect(hashes(out)).toEqual(hashes(whole));
  });

  test("runs in one process reuse the worker pool instead of creating workers again", async () => {
    const { WorkerPool } = await import("../../engine/pool.ts");
    await run(p, { ...base, out: dir(), workers: 2 }).done;
    const before = WorkerPool.spawned;
    await run(p, { ...base, out: dir(), workers: 2 }).done;
    const other = plan(SOURCE.replace("seed = 11", "seed = 13"));
    const out = dir();
    await run(other, { ...base, out, workers: 2 }).done;
    expect(WorkerPool.spawned).toBe(before);
    // A reused pool generates the new plan, not the old one.
    const again = dir();
    await run(other, { ...base, out: again, workers: 0 }).done;
    expect(hashes(out)).toEqual(hashes(again));
  });

  test("memory above the soft limit shrinks batches; the data does not change", async () => {
    const out = dir();
    let calls = 0;
    // A fake RSS: low for the first reviews (batches grow), then between soft (60 MB) and hard (100 MB).
    const readRss = () => (++calls <= 3 ? 10e6 : 80e6);
    const res = await run(p, { ...base, out, workers: 2, memoryLimit: 100e6, readRss }).done;
    const adj = res.report.adjustments;
    expect(adj.map((a) => a.action)).toContain("grow");
    const firstShrink = adj.findIndex((a) => a.action === "shrink");
    expect(firstShrink).toBeGreaterThan(0);
    // Once over the soft limit, batches and work in flight only get smaller.
    const after = adj.slice(firstShrink);
    expect(after.every((a) => a.action === "shrink")).toBe(true);
    // ... halving within the phase where memory rose, not only at the next phase's reset.
    const phase = adj[firstShrink]!.phase;
    const inPhase = adj.filter((a) => a.phase === phase);
    expect(inPhase.filter((a) => a.action === "shrink").length).toBeGreaterThan(0);
    for (let i = 1; i < inPhase.length; i++) if (inPhase[i]!.action === "shrink") expect(inPhase[i]!.batchBlocks).toBe(Math.max(1, inPhase[i - 1]!.batchBlocks >> 1));
    expect(after.at(-1)!.batchBlocks).toBeLessThan(Math.max(...adj.map((a) => a.batchBlocks)));
    expect(hashes(out)).toEqual(await reference());
  });

  test("memory that stays above the hard limit fails with MemoryExceeded and a failed manifest", async () => {
    const out = dir();
    const r = run(p, { ...base, out, workers: 1, memoryLimit: 50e6, readRss: () => 90e6 });
    const err = await r.done.catch((e) => e);
    expect(err).toBeInstanceOf(MemoryExceeded);
    expect(err.limit).toBe(50e6);
    expect(err.current).toBe(90e6);
    expect(err.exitCode).toBe(12);
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).status).toBe("failed");
    // The report is written on failure too: the scheduler's adjustments are wanted exactly now.
    const report = JSON.parse(readFileSync(join(out, "run-report.json"), "utf8"));
    expect(report.status).toBe("failed");
    expect(report.error.kind).toBe("MemoryExceeded");
    expect(report.adjustments.map((a: { action: string }) => a.action)).toContain("pause-dispatch");
  });

  test("a library run's limits count what the run adds, not what the process held before it (the CLI's count the process)", async () => {
    // A limit well below what this process already holds (the test runner, earlier files).
    const held = process.memoryUsage.rss();
    const limit = Math.floor(held / 2);
    expect(held).toBeGreaterThan(100e6);
    const ok = await run(p, { ...base, out: dir(), workers: 1, memoryLimit: Math.max(limit, 80e6) }).done.catch((e) => e);
    expect(ok).not.toBeInstanceOf(Error);
    const err = await run(p, { ...base, out: dir(), workers: 1, memoryLimit: limit, memoryScope: "process" }).done.catch((e) => e);
    expect(err).toBeInstanceOf(MemoryExceeded);
  });
});

describe("runtime errors", () => {

  test("an output path that is a file is an OutputError", async () => {
    const file = join(root, "a-file");
    writeFileSync(file, "x");
    const err = await run(p, { ...base, out: file }).done.catch((e) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect(err.exitCode).toBe(13);
  });

  test("an unwritable directory is an OutputError", async () => {
    // Root writes through permission bits, so as root the output goes where nobody may write: /sys.
    const locked = join(root, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const target = process.getuid?.() === 0 ? "/sys/synth-test-out" : join(locked, "out");
    const err = await run(p, { ...base, out: target }).done.catch((e) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect(err.message).toMatch(/permission denied|read-only/);
  });

  test("a full disk is an OutputError that names the file", async () => {
    const out = dir();
    mkdirSync(out);
    // journal_entries.csv -> /dev/full: every write fails with ENOSPC.
    require("node:fs").symlinkSync("/dev/full", join(out, "journal_entries.csv"));
    const err = await run(p, { ...base, out, workers: 1 }).done.catch((e) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect(err.message).toContain("no space left");
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).status).toBe("failed");
  });

  test("a hand-edited plan is refused", async () => {
    const edited = { ...p, scenario: { ...p.scenario, seed: p.scenario.seed + 1 } };
    const err = await run(edited, { ...base, out: dir() }).done.catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain("planHash");
  });

  test("a plan that is not a plan is refused", async () => {
    const err = await run({ formatVersion: 1 }, { ...base, out: dir() }).done.catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.exitCode).toBe(10);
  });

  test("--resume with nothing to resume, or another plan's output, is refused", async () => {
    const empty = dir();
    expect(await run(p, { ...base, out: empty, resume: true }).done.catch((e) => e)).toBeInstanceOf(ConfigurationError);
    const out = dir();
    await run(p, { ...base, out, workers: 0 }).done;
    const other = plan(SOURCE.replace("seed = 11", "seed = 12"));
    const err = await run(other, { ...base, out, resume: true }).done.catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain("different plan");
  });

  test("an unsupported format is a ConfigurationError", async () => {
    const err = await run(p, { ...base, out: dir(), formats: ["xlsx" as never] }).done.catch((e) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
  });
});
