// `synth run`: the main job. Compiles a .synth (or loads a committed plan) and generates its data
// into an output directory, with progress, pause / resume, clean interrupts and --resume.
import { isAbsolute, resolve } from "node:path";
import { flag, stringOpt, type CommandContext, type CommandSpec } from "../command.ts";
import { loadPlanOrCompile, scaleOption } from "../compile-source.ts";
import { EXIT } from "../exit-codes.ts";
import { usageError } from "../io.ts";
import { parseBytes } from "../../specs/units.ts";
import type { ProgressMode } from "../../engine/progress.ts";
import type { RowFormat } from "../../output/chunks.ts";

export const runCommand: CommandSpec = {
  name: "run",
  summary: "generate the data of a scenario or a plan into an output directory",
  usage: ["run FILE [--out DIR] [--workers N] [--format csv,ndjson,parquet,sqlite] [--resume] [--memory-limit SIZE] [--progress MODE] [--quiet] [--scale F] [--shard I/N]"],
  description: [
    "Runs every phase of the plan in order on a fixed pool of worker threads and writes one file per",
    "table (CSV by default) plus manifest.json (plan hash, rows, sha256 of every file, status) and",
    "run-report.json (timings, memory, scheduler adjustments). FILE is a .synth scenario (compiled",
    "first) or a committed plan (.json, .yaml). The output depends on the plan alone: any worker",
    "count or batch size gives byte-identical files.",
    "",
    "Ctrl-C (SIGINT) or SIGTERM stops cleanly after the blocks in flight and records them in the",
    "manifest (exit 14); run the same command with --resume to finish: the result equals an",
    "uninterrupted run. Signals within a second of the first are the same Ctrl-C (a wrapper such as",
    "npx forwards it while the terminal sends it too); Ctrl-C again after that exits at once (130).",
    "SIGUSR1 pauses and resumes (kill -USR1 <pid>); nothing is written while paused.",
    "",
    "Progress goes to stderr (stdout stays empty): the overall percent, block count and ETA, and",
    "beside them the current phase's own count in its unit (entries, records, periods) and rate.",
    "--progress json writes one JSON event per line to stderr: progress, note, done or failed.",
  ].join("\n"),
  arguments: [{ name: "FILE", description: "a .synth scenario or a compiled plan" }],
  options: {
    out: { type: "string", value: "DIR", description: "output directory (default: the scenario's output.directory)" },
    workers: { type: "string", value: "N", description: "worker threads (default: the scenario's runtime.workers, auto = all cores; 0 = run inline)" },
    format: { type: "string", value: "LIST", description: "csv, ndjson, parquet, sqlite, comma-separated (default: the scenario's output.formats)" },
    resume: { type: "boolean", description: "continue an interrupted run in the same output directory" },
    "memory-limit": { type: "string", value: "SIZE", description: "hard memory limit such as 512MiB or 2GiB (soft limit: 60% of it)" },
    "batch-size": { type: "string", value: "N", description: "blocks per dispatch batch (default: sized for memory)" },
    progress: { type: "string", choices: ["auto", "bar", "plain", "json", "none"], description: "progress display on stderr (default: a bar on a terminal, plain lines otherwise; json: one event per line, on stderr too)" },
    quiet: { type: "boolean", short: "q", description: "no progress output (same as --progress none)" },
    scale: { type: "string", value: "F", description: "run a .synth at F times its volume (0.01: a 1% preview)" },
    shard: { type: "string", value: "I/N", description: "run only slice I of N (0-based) of every block phase, for synth merge" },
  },
  examples: [
    { comment: "generate the quickstart scenario", command: "run examples/quickstart.synth --out out/quickstart" },
    { comment: "run a committed plan with 2 workers, CSV and NDJSON", command: "run scenarios/acme.plan.json --workers 2 --format csv,ndjson" },
    { comment: "finish a run that was interrupted", command: "run scenarios/acme.plan.json --resume" },
    { comment: "one of 4 shards (e.g. a Kubernetes Indexed Job pod), merged later with synth merge", command: "run acme.plan.json --shard 2/4 --out shards/2" },
  ],
  positionals: { min: 1, max: 1 },
  run: runRun,
};

async function runRun(ctx: CommandContext): Promise<number> {
  const file = ctx.positionals[0]!;
  const opts = parseOptions(ctx);
  const shard = await shardOption(stringOpt(ctx, "shard"));
  const given = outDir(stringOpt(ctx, "out"));
  const plan = await loadPlanOrCompile(ctx.io, file, scaleOption(stringOpt(ctx, "scale")));
  if (!plan) return EXIT.failed;
  const { run } = await import("../../engine/run.ts");
  const out = given ?? plan.output.directory;
  const { makeView } = await import("../../engine/progress.ts");
  // The CLI's own display: a bar on a terminal, else lines through its stderr (--progress json included).
  const view = makeView(opts.progress, process.stderr, ctx.io.err);
  const r = run(plan, { ...opts, view, shard, out: isAbsolute(out) ? out : resolve(ctx.io.cwd, out), signals: true, memoryScope: ctx.io.ownsProcess ? "process" : "run" });
  await r.done;
  return EXIT.ok;
}

/** A bad --shard is a usage error, said before any compiling. */
async function shardOption(text: string | undefined) {
  if (text === undefined) return undefined;
  const { parseShard } = await import("../../output/shard.ts");
  try {
    return parseShard(text);
  } catch (e) {
    throw usageError((e as Error).message);
  }
}

/** `--out ""` would write into the working directory: a usage error, like a missing value. */
export function outDir(text: string | undefined): string | undefined {
  if (text !== undefined && text.trim() === "") throw usageError(`--out needs a directory, got ${JSON.stringify(text)}`);
  return text;
}

function parseOptions(ctx: CommandContext) {
  const workers = stringOpt(ctx, "workers");
  const batch = stringOpt(ctx, "batch-size");
  const memory = stringOpt(ctx, "memory-limit");
  const format = stringOpt(ctx, "format");
  const progress = (flag(ctx, "quiet") ? "none" : (stringOpt(ctx, "progress") ?? "auto")) as ProgressMode;
  return {
    workers: workers === undefined || workers === "auto" ? undefined : wholeNumber("--workers", workers, 0),
    batchSize: batch === undefined ? undefined : wholeNumber("--batch-size", batch, 1),
    memoryLimit: memory === undefined ? undefined : size(memory),
    formats: format === undefined ? undefined : formats(format),
    resume: flag(ctx, "resume"),
    progress,
  };
}

function wholeNumber(name: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min) throw usageError(`${name} must be a whole number of at least ${min}, got "${text}"`);
  return Number(text);
}

function size(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([A-Za-z]+)$/.exec(text);
  const r = m ? parseBytes({ digits: m[1]!, suffix: m[2]!, negative: false }) : undefined;
  if (!r?.ok) throw usageError(`--memory-limit must be a size such as 512MiB or 2GiB, got "${text}"`);
  return r.value;
}

function formats(text: string): RowFormat[] {
  const list = text.split(",").map((s) => s.trim()).filter(Boolean);
  const known = ["csv", "ndjson", "parquet", "sqlite"];
  const bad = list.find((f) => !known.includes(f));
  if (bad || list.length === 0) throw usageError(`--format takes csv, ndjson, parquet or sqlite (comma-separated), got "${text}"`);
  return list as RowFormat[];
}
