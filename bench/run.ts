// `bun run bench`: end-to-end throughput of `synth run` on the standard scenarios (real CLI in a
// child process, real CSV files), the write floor, compile and quickstart latency, and the
// targets. Writes bench/results.json. See bench/README.md.
//
//   bun run bench [--quick | --full] [--scenario journal|mixed|operations] [--sizes 100k,1M] [--repeat N] [--json]
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadavg, totalmem } from "node:os";
import { compile } from "../compiler/compile.ts";
import { fsHost, projectPath } from "../compiler/project.ts";
import { runFloor, type FloorResult } from "./floor.ts";
import { hostileInput, hostileLines } from "./hostile-input.ts";

const ROOT = resolve(import.meta.dir, "..");
const OUT = join(ROOT, "bench", "out");
const PLANS = join(OUT, "plans");
const SCENARIOS = ["journal", "mixed", "operations"] as const;
const CORES = navigator.hardwareConcurrency;
const MIN_FREE_GB_10M = 20;
const MiB = 2 ** 20;
const MB = 1e6;

interface Options {
  scenarios: string[];
  sizes: number[];
  json: boolean;
  /** Runs per measurement; the fastest counts (other processes only ever slow a run down). */
  repeat: number;
}

interface Measurement {
  scenario: string;
  size: string;
  workers: number;
  wallS: number;
  /** The transactions phase's units: standalone entries + document chains. */
  units: number;
  journalLines: number;
  bytes: number;
  entriesPerS: number;
  linesPerS: number;
  mbPerS: number;
  /** Kernel peak RSS of the child (wait4 rusage), the figure the targets use. */
  peakRssMiB: number;
  /** Highest VmHWM read from /proc/<pid>/status while polling every 50 ms (cross-check). */
  polledRssMiB: number | null;
  /** The runtime's own sampled peak RSS (run-report.json memory.peakRss). */
  reportRssMiB: number;
  meanLinesPerEntry: number | null;
  linesPerUnit: number;
  txPhaseS: number;
  cpuS: number;
  /** 1-minute load average just before the run: other processes competing for the cores. */
  loadBefore: number;
  scaling: number | null;
}

interface Target {
  name: string;
  value: string;
  goal: string;
  status: "PASS" | "FAIL" | "SKIP";
}

// ---------------------------------------------------------------- options and sizes

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKM]?)$/.exec(s.trim());
  if (!m) throw new Error(`bench: bad size "${s}" (use 100k, 1M, 10M)`);
  return Math.round(Number(m[1]) * ({ k: 1e3, K: 1e3, M: 1e6 }[m[2]!] ?? 1));
}

function sizeLabel(n: number): string {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}M`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return String(n);
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  let sizes = argv.includes("--quick") ? ["100k"] : argv.includes("--full") ? ["100k", "1M", "10M"] : ["100k", "1M"];
  const given = value("--sizes");
  if (given) sizes = given.split(",");
  const scenario = value("--scenario");
  if (scenario && !(SCENARIOS as readonly string[]).includes(scenario)) throw new Error(`bench: unknown scenario "${scenario}" (journal, mixed or operations)`);
  const repeat = Number(value("--repeat") ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error("bench: --repeat takes a whole number >= 1");
  return { scenarios: scenario ? [scenario] : [...SCENARIOS], sizes: sizes.map(parseSize), json: argv.includes("--json"), repeat };
}

const log = (msg: string) => process.stderr.write(msg + "\n");

// ---------------------------------------------------------------- scenarios at an exact size

/**
 * The scenario text with every `bench:volume` constant multiplied so that they sum to `target`,
 * and every `bench:scale` constant (the company's size: its people) by the same factor, so the
 * business the volume describes keeps its size per entry.
 */
export function scaledSource(text: string, target: number): string {
  const constant = (marker: string) => new RegExp(`^(const\\s+\\w+\\s*=\\s*)(\\d[\\d_]*(?:\\.\\d+)?[kKM]?)(\\s*\\/\\/\\s*bench:${marker})`, "gm");
  const volume = constant("volume");
  const base = [...text.matchAll(volume)].map((m) => parseSize(m[2]!.replaceAll("_", "")));
  const sum = base.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new Error("bench: the scenario has no `// bench:volume` constants");
  const scale = (head: string, v: string, tail: string) => {
    const n = (parseSize(v.replaceAll("_", "")) * target) / sum;
    if (!Number.isInteger(n)) throw new Error(`bench: ${sizeLabel(target)} is not a whole multiple of the scenario's volume split`);
    return head + n + tail;
  };
  return text.replace(volume, (_, head: string, v: string, tail: string) => scale(head, v, tail)).replace(constant("scale"), (_, head: string, v: string, tail: string) => scale(head, v, tail));
}

async function spawnCli(args: string[]): Promise<{ code: number; stderr: string; wallS: number }> {
  const start = performance.now();
  const p = Bun.spawn([process.execPath, "bin/synth.ts", ...args], { cwd: ROOT, stdout: "ignore", stderr: "pipe" });
  const [code, stderr] = await Promise.all([p.exited, new Response(p.stderr).text()]);
  return { code, stderr, wallS: (performance.now() - start) / 1000 };
}

/** Compiles the scenario at exactly `size` transactions units; returns the plan's path. */
async function compilePlan(scenario: string, size: number): Promise<string> {
  const name = `${scenario}-${sizeLabel(size)}`;
  mkdirSync(PLANS, { recursive: true });
  const source = join(PLANS, `${name}.synth`);
  const plan = join(PLANS, `${name}.plan.json`);
  writeFileSync(source, scaledSource(readFileSync(join(ROOT, "bench", `${scenario}.synth`), "utf8"), size));
  const r = await spawnCli(["compile", source, "-o", plan]);
  if (r.code !== 0) throw new Error(`bench: compiling ${name} failed:\n${r.stderr}`);
  const tx = JSON.parse(readFileSync(plan, "utf8")).phases.find((p: { id: string }) => p.id === "transactions");
  if (tx?.layout?.total !== size) throw new Error(`bench: ${name} lays out ${tx?.layout?.total} units, not ${size}`);
  return plan;
}

// ---------------------------------------------------------------- one measured run

function vmHwm(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the CLI on a plan, polling the child's VmHWM; returns wall time, rusage and the poll. */
export async function timedRun(plan: string, dir: string, workers: number) {
  const args = [process.execPath, "bin/synth.ts", "run", plan, "--out", dir, "--workers", String(workers), "--quiet"];
  const start = performance.now();
  const p = Bun.spawn(args, { cwd: ROOT, stdout: "ignore", stderr: "pipe" });
  let polled: number | undefined;
  const poll = () => {
    const v = vmHwm(p.pid);
    if (v !== undefined) polled = Math.max(polled ?? 0, v);
  };
  const timer = setInterval(poll, 50);
  poll();
  const [code, stderr] = await Promise.all([p.exited, new Response(p.stderr).text()]);
  const wallS = (performance.now() - start) / 1000;
  clearInterval(timer);
  if (code !== 0) throw new Error(`bench: synth run ${plan} --workers ${workers} exited ${code}:\n${stderr}`);
  const usage = p.resourceUsage();
  return { wallS, polled, maxRss: usage?.maxRSS ?? 0, cpuS: usage ? Number(usage.cpuTime.total) / 1e6 : 0 };
}

let sampleLine: string | undefined;

/** The first plain standalone-entry line of a journal_entries.csv: the floor's template. */
async function captureSample(dir: string): Promise<void> {
  if (sampleLine) return;
  const head = await Bun.file(join(dir, "journal_entries.csv")).slice(0, 4 * MiB).text();
  sampleLine = head.split("\n").find((l) => /^([^,]+),JE-\1-\d{9},/.test(l) && !l.includes('"') && l.split(",").length === 23);
}

async function measure(scenario: string, size: number, plan: string, workers: number): Promise<Measurement> {
  const dir = join(OUT, `${scenario}-${sizeLabel(size)}-w${workers}`);
  rmSync(dir, { recursive: true, force: true });
  const loadBefore = loadavg()[0]!;
  const t = await timedRun(plan, dir, workers);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const report = JSON.parse(readFileSync(join(dir, "run-report.json"), "utf8"));
  await captureSample(dir);
  rmSync(dir, { recursive: true, force: true });
  const files = manifest.files as { table: string; rows: number; bytes: number }[];
  const tx = (report.phases as { id: string; units: number; ms: number }[]).find((p) => p.id === "transactions")!;
  const lines = files.filter((f) => f.table === "journal_entries").reduce((a, f) => a + f.rows, 0);
  const bytes = files.reduce((a, f) => a + f.bytes, 0);
  return {
    scenario, size: sizeLabel(size), workers, wallS: t.wallS, units: tx.units, journalLines: lines, bytes,
    entriesPerS: tx.units / t.wallS, linesPerS: lines / t.wallS, mbPerS: bytes / MB / t.wallS,
    peakRssMiB: Math.max(t.maxRss, t.polled ?? 0) / MiB,
    polledRssMiB: t.polled === undefined ? null : t.polled / MiB,
    reportRssMiB: report.memory.peakRss / MiB,
    meanLinesPerEntry: report.figures?.transactions?.meanLinesPerEntry ?? null, linesPerUnit: lines / tx.units,
    txPhaseS: tx.ms / 1000, cpuS: t.cpuS, loadBefore, scaling: null,
  };
}

// ---------------------------------------------------------------- compile and quickstart latency

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function exampleFiles(): string[] {
  return readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".synth")).sort().map((f) => join(ROOT, "examples", f));
}

/** In-process compile() per example after a warm-up (median of 5), and cold CLI compiles. */
async function compileLatency() {
  const host = fsHost(ROOT);
  const once = (file: string) => {
    const start = performance.now();
    const r = compile(readFileSync(file, "utf8"), { path: projectPath(ROOT, file), host });
    if (!r.plan) throw new Error(`bench: ${file} does not compile`);
    return performance.now() - start;
  };
  const files = exampleFiles();
  for (let i = 0; i < 3; i++) files.forEach(once);
  const inProcess = files.map((f) => ({ example: projectPath(ROOT, f), ms: median(Array.from({ length: 5 }, () => once(f))) }));
  const cold = [];
  for (const f of files) {
    const r = await spawnCli(["compile", f, "-o", join(PLANS, "example.plan.json")]);
    if (r.code !== 0) throw new Error(`bench: synth compile ${f} failed:\n${r.stderr}`);
    cold.push({ example: projectPath(ROOT, f), ms: r.wallS * 1000 });
  }
  return { inProcess, maxMs: Math.max(...inProcess.map((x) => x.ms)), coldCli: cold, coldMaxMs: Math.max(...cold.map((x) => x.ms)) };
}

/** `synth run examples/quickstart.synth` end to end in a cold process, 3 times. */
async function quickstartLatency() {
  const dir = join(OUT, "quickstart");
  const runsS: number[] = [];
  for (let i = 0; i < 3; i++) {
    rmSync(dir, { recursive: true, force: true });
    const r = await spawnCli(["run", "examples/quickstart.synth", "--out", dir, "--quiet"]);
    if (r.code !== 0) throw new Error(`bench: quickstart failed:\n${r.stderr}`);
    runsS.push(r.wallS);
  }
  rmSync(dir, { recursive: true, force: true });
  return { runsS, medianS: median(runsS) };
}

// ---------------------------------------------------------------- targets

const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const check = (name: string, value: string, goal: string, ok: boolean | null): Target => ({ name, value, goal, status: ok === null ? "SKIP" : ok ? "PASS" : "FAIL" });

function throughputTargets(ms: Measurement[], floor: FloorResult | undefined): Target[] {
  const out: Target[] = [];
  // The operations scenario measures what its phases add to mixed (see phaseCost), not a rate target.
  for (const scenario of new Set(ms.map((m) => m.scenario).filter((s) => s !== "operations"))) {
    const one = ms.filter((m) => m.scenario === scenario && m.workers === 1).sort((a, b) => parseSize(a.size) - parseSize(b.size)).at(-1);
    if (!one) continue;
    const all = ms.find((m) => m.scenario === scenario && m.size === one.size && m.workers === CORES && CORES > 1);
    const at = `${scenario} ${one.size}`;
    out.push(check(`${at}, 1 worker: entries/s`, fmt(one.entriesPerS), ">= 250,000", one.entriesPerS >= 250_000));
    out.push(check(`${at}, 1 worker: lines/s`, fmt(one.linesPerS), ">= 1,000,000", one.linesPerS >= 1_000_000));
    const scaling = all?.scaling ?? null;
    out.push(check(`${at}, ${CORES} workers: scaling`, scaling === null ? "n/a" : `${fmt(scaling, 2)}x`, ">= 1.8x", scaling === null ? null : scaling >= 1.8));
    const ratio = floor ? one.linesPerS / floor.linesPerS : null;
    out.push(check(`${at}, 1 worker: lines/s vs floor`, ratio === null ? "n/a" : fmt(ratio, 2), ">= 0.50", ratio === null ? null : ratio >= 0.5));
  }
  return out;
}

/** Peak RSS at the largest size (10M with --full) and against the size below it (1M). */
function memoryTargets(ms: Measurement[]): Target[] {
  const out: Target[] = [];
  for (const scenario of new Set(ms.map((m) => m.scenario))) {
    const sizes = [...new Set(ms.filter((m) => m.scenario === scenario).map((m) => m.size))].sort((a, b) => parseSize(a) - parseSize(b));
    const top = sizes.at(-1)!;
    const below = sizes.at(-2);
    const proxy = top === "10M" ? "" : " (10M needs --full)";
    const peak = (size: string) => Math.max(...ms.filter((m) => m.scenario === scenario && m.size === size).map((m) => m.peakRssMiB));
    out.push(check(`${scenario} ${top}: peak RSS${proxy}`, `${fmt(peak(top), 1)} MiB`, "<= 256 MiB", top === "10M" ? peak(top) <= 256 : null));
    const growth = below ? peak(top) / peak(below) - 1 : null;
    const value = growth === null ? "n/a" : `${growth >= 0 ? "+" : ""}${fmt(growth * 100, 1)}% vs ${below}`;
    out.push(check(`${scenario} ${top}: peak RSS flat in volume${proxy}`, value, "within 10%", growth === null || top !== "10M" ? null : Math.abs(growth) <= 0.1));
  }
  return out;
}

// ---------------------------------------------------------------- output

function table(ms: Measurement[]): string {
  const head = ["scenario", "size", "workers", "wall s", "cpu s", "journal lines", "entries/s", "lines/s", "MB/s", "peak RSS MiB", "lines/entry", "scaling"];
  const rows = ms.map((m) => [m.scenario, m.size, String(m.workers), fmt(m.wallS, 2), fmt(m.cpuS, 2), fmt(m.journalLines), fmt(m.entriesPerS), fmt(m.linesPerS), fmt(m.mbPerS, 1), fmt(m.peakRssMiB, 1), fmt(m.linesPerUnit, 2), m.scaling === null ? "" : `${fmt(m.scaling, 2)}x`]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join("  ");
  return [line(head), width.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function machine() {
  const cpu = /model name\s*:\s*(.*)/.exec(existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "")?.[1] ?? "unknown";
  return { cpu, cores: CORES, totalMemoryMiB: Math.round(totalmem() / MiB), bun: Bun.version, platform: `${process.platform}-${process.arch}`, loadAverage: loadavg().map((x) => Number(x.toFixed(2))), date: new Date().toISOString() };
}

function freeGb(path: string): number {
  const r = Bun.spawnSync(["df", "-Pk", path]);
  const avail = Number(r.stdout.toString().trim().split("\n").at(-1)?.split(/\s+/)[3]);
  return Number.isFinite(avail) ? avail / 2 ** 20 : Infinity;
}

/** What the operations phases (hr, manufacturing, source_to_contract) cost: operations against mixed, same size and workers. */
function phaseCost(ms: Measurement[]): string[] {
  const out: string[] = [];
  for (const o of ms.filter((m) => m.scenario === "operations")) {
    const m = ms.find((x) => x.scenario === "mixed" && x.size === o.size && x.workers === o.workers);
    if (!m) continue;
    out.push(`  operations phases at ${o.size}, ${o.workers} worker(s): wall ${fmt(o.wallS, 2)} s vs ${fmt(m.wallS, 2)} s (${fmt(o.wallS / m.wallS, 2)}x), ` +
      `bytes ${fmt(o.bytes / MB)} MB vs ${fmt(m.bytes / MB)} MB, peak RSS ${fmt(o.peakRssMiB, 1)} vs ${fmt(m.peakRssMiB, 1)} MiB`);
  }
  return out.length ? ["cost of hr + manufacturing + source_to_contract (operations vs mixed):", ...out] : [];
}

function printReport(r: Awaited<ReturnType<typeof runAll>>, targets: Target[]): void {
  const out: string[] = ["", table(r.measurements), ""];
  if (r.floor) out.push(`floor: ${fmt(r.floor.lines)} lines formatted and written by one thread in ${fmt(r.floor.seconds, 2)} s = ${fmt(r.floor.linesPerS)} lines/s, ${fmt(r.floor.mbPerS, 1)} MB/s`);
  for (const m of r.measurements.filter((x) => x.workers === 1 && r.floor)) out.push(`  ${m.scenario} ${m.size}, 1 worker: ${fmt(m.linesPerS / r.floor!.linesPerS, 2)} of the floor`);
  out.push(...phaseCost(r.measurements));
  out.push(`compile (in process, after warm-up): max ${fmt(r.compile.maxMs, 1)} ms; cold CLI \`synth compile\`: max ${fmt(r.compile.coldMaxMs)} ms`);
  out.push(`quickstart (cold CLI run): ${r.quickstart.runsS.map((s) => fmt(s, 2)).join(", ")} s; median ${fmt(r.quickstart.medianS, 2)} s`);
  out.push(...hostileLines(r.hostile));
  for (const s of r.skipped) out.push(`skipped: ${s}`);
  const busy = r.measurements.filter((m) => m.loadBefore > 0.5);
  if (busy.length) out.push(`warning: load average up to ${fmt(Math.max(...busy.map((m) => m.loadBefore)), 2)} before ${busy.length} run(s): other processes competed for the ${CORES} cores`);
  out.push("", "targets:");
  const w = Math.max(...targets.map((t) => t.name.length));
  for (const t of targets) out.push(`  ${t.status.padEnd(4)}  ${t.name.padEnd(w)}  ${t.value.padStart(14)}  (${t.goal})`);
  console.log(out.join("\n"));
}

// ---------------------------------------------------------------- main

async function runScenarios(o: Options, skipped: string[]): Promise<Measurement[]> {
  const ms: Measurement[] = [];
  const workers = [...new Set([1, CORES])];
  for (const scenario of o.scenarios) {
    for (const size of o.sizes) {
      if (size >= 1e7 && freeGb(OUT) < MIN_FREE_GB_10M) {
        skipped.push(`${scenario} ${sizeLabel(size)}: less than ${MIN_FREE_GB_10M} GB free under bench/out`);
        log(`skipping ${scenario} ${sizeLabel(size)}: only ${fmt(freeGb(OUT), 1)} GB free (needs ${MIN_FREE_GB_10M} GB)`);
        continue;
      }
      log(`compiling ${scenario} at ${sizeLabel(size)} units`);
      const plan = await compilePlan(scenario, size);
      for (const w of workers) {
        log(`running ${scenario} ${sizeLabel(size)} with ${w} worker(s)`);
        let m = await measure(scenario, size, plan, w);
        for (let r = 1; r < o.repeat; r++) {
          const again = await measure(scenario, size, plan, w);
          if (again.wallS < m.wallS) m = { ...again, peakRssMiB: Math.max(again.peakRssMiB, m.peakRssMiB) };
          else m.peakRssMiB = Math.max(again.peakRssMiB, m.peakRssMiB);
        }
        const base = ms.find((x) => x.scenario === scenario && x.size === m.size && x.workers === 1);
        if (base && w !== 1) m.scaling = m.entriesPerS / base.entriesPerS;
        log(`  ${fmt(m.wallS, 2)} s, ${fmt(m.entriesPerS)} entries/s, ${fmt(m.linesPerS)} lines/s, ${fmt(m.peakRssMiB, 1)} MiB`);
        ms.push(m);
      }
    }
  }
  return ms;
}

async function runAll(o: Options) {
  mkdirSync(OUT, { recursive: true });
  const skipped: string[] = [];
  const measurements = await runScenarios(o, skipped);
  const lines = Math.max(0, ...measurements.filter((m) => m.workers === 1).map((m) => m.journalLines));
  let floor: FloorResult | undefined;
  if (lines > 0) {
    log(`floor: ${fmt(lines)} lines`);
    const path = join(OUT, "floor", "journal_entries.csv");
    floor = await runFloor(lines, path, sampleLine);
    rmSync(join(OUT, "floor"), { recursive: true, force: true });
  }
  log("compile latency (examples/)");
  const compileTimes = await compileLatency();
  log("quickstart latency");
  const quickstart = await quickstartLatency();
  log("hostile input (random tokens)");
  const hostile = await hostileInput(OUT);
  rmSync(PLANS, { recursive: true, force: true });
  if (readdirSync(OUT).length === 0) rmSync(OUT, { recursive: true });
  return { measurements, floor, compile: compileTimes, quickstart, hostile, skipped };
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const info = machine(); // load average and date at the start
  const r = await runAll(o);
  const targets = [
    ...throughputTargets(r.measurements, r.floor),
    ...memoryTargets(r.measurements),
    check("compile every example (in process, max)", `${fmt(r.compile.maxMs, 1)} ms`, "< 100 ms", r.compile.maxMs < 100),
    check("quickstart run (cold CLI, median of 3)", `${fmt(r.quickstart.medianS, 2)} s`, "< 1 s", r.quickstart.medianS < 1),
    ...r.hostile.map((h) => check(`${h.input}: ends in diagnostics (exit 1)`, `${fmt(h.peakRssMiB, 1)} MiB`, "exit 1, < 256 MiB", h.exitCode === 1 && h.peakRssMiB < 256)),
  ];
  const results = { machine: info, options: { scenarios: o.scenarios, sizes: o.sizes.map(sizeLabel), workers: [...new Set([1, CORES])] }, ...r, targets };
  writeFileSync(join(ROOT, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  if (o.json) console.log(JSON.stringify(results, null, 2));
  else printReport(r, targets);
}

if (import.meta.main) {
  main().catch((e) => {
    log(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
