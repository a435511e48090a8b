// `synth compile`: .synth -> plan file, and `--check` that a committed plan is up to date.
import { dirname, join, resolve } from "node:path";
import { fsHost, findProjectRoot } from "../../compiler/project.ts";
import type { Plan } from "../../specs/plan.ts";
import { flag, stringOpt, type CommandContext, type CommandSpec } from "../command.ts";
import { compileFile, compileIn, printDiagnostics, scaleOption, type CompiledSource } from "../compile-source.ts";
import { EXIT } from "../exit-codes.ts";
import { displayPath, readInput, writeAtomic } from "../files.ts";
import { CliError, usageError, type Io } from "../io.ts";
import { formatOf, isPlanFile, parsePlan, PLAN_FORMATS, serializePlan, type PlanFormat } from "../plan-file.ts";

export const compileCommand: CommandSpec = {
  name: "compile",
  summary: "compile a .synth scenario into an execution plan",
  usage: ["compile FILE [-o PLAN] [--format json|yaml]", "compile FILE -o PLAN --check", "compile --check PLAN"],
  description: [
    "Compiles FILE and its imports into a plan: canonical JSON (or YAML) with sorted keys, no",
    "timestamps and no absolute paths, meant to be committed and reviewed like a lockfile.",
    "Diagnostics, warnings included, go to stderr; the plan goes to PLAN (written atomically) or",
    "stdout. With --check nothing is written: the plan is recompiled from its sources and compared.",
  ].join("\n"),
  arguments: [
    { name: "FILE", description: "the .synth scenario (its project root is the nearest synth.project, package.json or .git)" },
    { name: "PLAN", description: "a plan file; .yaml / .yml means YAML, anything else JSON" },
  ],
  options: {
    output: { type: "string", short: "o", value: "PLAN", description: "write the plan to PLAN instead of stdout" },
    format: { type: "string", choices: PLAN_FORMATS, description: "plan format on stdout (a PLAN file's follows its extension)" },
    check: { type: "boolean", description: "exit 0 if PLAN is up to date with its sources, 1 if it is stale" },
    scale: { type: "string", value: "F", description: "multiply every volume and count by F (0.01: a 1% preview); recorded in the plan" },
  },
  examples: [
    { comment: "compile a scenario and commit the plan next to it", command: "compile scenarios/acme.synth -o scenarios/acme.plan.json" },
    { comment: "in CI: fail when the committed plan is older than its sources", command: "compile --check scenarios/acme.plan.json" },
    { comment: "print the plan as YAML", command: "compile scenarios/acme.synth --format yaml" },
  ],
  positionals: { min: 1, max: 1 },
  run: runCompile,
};

async function runCompile(ctx: CommandContext): Promise<number> {
  const file = ctx.positionals[0]!;
  const output = stringOpt(ctx, "output");
  const format = stringOpt(ctx, "format") as PlanFormat | undefined;
  const scale = scaleOption(stringOpt(ctx, "scale"));
  if (flag(ctx, "check")) {
    if (output !== undefined) return checkAgainst(ctx.io, file, fileFormat(output, format), scale);
    if (!isPlanFile(file)) throw usageError(`compile --check takes a plan file (.json, .yaml) or FILE -o PLAN, not ${file}`);
    return checkCommitted(ctx.io, fileFormat(file, format));
  }
  if (isPlanFile(file)) throw usageError(`compile takes a .synth file; to verify a plan run synth compile --check ${file}`);
  const target = output === undefined ? { file: undefined, format: format ?? "json" } : fileFormat(output, format);
  return compileAndWrite(ctx.io, file, target, scale);
}

/** A plan file's format is its extension's, so --check can always read it back; --format may only agree. */
function fileFormat(file: string, format: PlanFormat | undefined): { file: string; format: PlanFormat } {
  const byName = formatOf(file);
  if (format !== undefined && format !== byName) {
    throw usageError(`--format ${format} does not match ${file}; plan files ending in .yaml or .yml are YAML, others JSON`);
  }
  return { file, format: byName };
}

async function compileAndWrite(io: Io, file: string, target: { file?: string; format: PlanFormat }, scale?: number): Promise<number> {
  const compiled = await compileFile(io, file, scale);
  printDiagnostics(io, compiled);
  if (!compiled.plan) return EXIT.failed;
  const text = serializePlan(compiled.plan, target.format);
  if (target.file === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  writeAtomic(io.cwd, target.file, text);
  io.err(`wrote ${target.file} (${phaseSummary(compiled.plan)}, planHash ${compiled.plan.planHash.slice(0, 12)})\n`);
  return EXIT.ok;
}

/** `compile FILE -o PLAN --check`: compile FILE and compare with PLAN without writing. */
async function checkAgainst(io: Io, file: string, target: { file: string; format: PlanFormat }, scale?: number): Promise<number> {
  const planFile = target.file;
  const compiled = await compileFile(io, file, scale);
  printDiagnostics(io, compiled);
  if (!compiled.plan) return EXIT.failed;
  const text = readInput(io.cwd, planFile);
  const committed = parsePlan(text, planFile);
  return compare(io, { planFile, text, committed, compiled, format: target.format });
}

/** `compile --check PLAN`: recompile the plan's own root source and compare. */
async function checkCommitted(io: Io, plan: { file: string; format: PlanFormat }): Promise<number> {
  const planFile = plan.file;
  const text = readInput(io.cwd, planFile);
  const committed = parsePlan(text, planFile);
  const root = findProjectRoot(dirname(resolve(io.cwd, planFile)));
  const source = committed.sources[0]?.path;
  if (source === undefined) throw new CliError(`error[SYN4001]: ${planFile}: plan is not valid: it lists no sources`, EXIT.failed);
  const shown = displayPath(io.cwd, join(root, source));
  const sourceText = fsHost(root).readFile(source);
  if (sourceText === undefined) throw new CliError(`cannot read ${shown}: no such file (the source of ${planFile})`, EXIT.noInput);
  // A plan compiled with --scale is checked at the same scale.
  const compiled = await compileIn(root, source, sourceText, committed.scenario.volumeScale);
  printDiagnostics(io, compiled);
  if (!compiled.plan) throw new CliError(`cannot check ${planFile}: ${shown} has errors`, EXIT.failed);
  return compare(io, { planFile, text, committed, compiled, format: plan.format });
}

interface Comparison {
  planFile: string;
  text: string;
  committed: Plan;
  compiled: CompiledSource;
  format: PlanFormat;
}

function compare(io: Io, c: Comparison): number {
  const fresh = c.compiled.plan!;
  if (fresh.planHash === c.committed.planHash && serializePlan(fresh, c.format) === c.text) {
    io.out(`${c.planFile}: plan is up to date\n`);
    return EXIT.ok;
  }
  const source = (p: string) => displayPath(io.cwd, join(c.compiled.root, p));
  const command = `synth compile ${source(c.compiled.path)} -o ${c.planFile}`;
  io.err(`synth: error[SYN4002]: plan is stale: ${c.planFile} ${staleReason(c.committed, fresh, source)}; run ${command}\n`);
  return EXIT.failed;
}

/** Why the bytes differ, most specific first: a changed source, the compiler, or hand edits. */
function staleReason(committed: Plan, fresh: Plan, source: (p: string) => string): string {
  const [committedRoot, freshRoot] = [committed.sources[0]?.path, fresh.sources[0]?.path];
  // Checked against another scenario: its file is not "older", it is a different one.
  if (committedRoot !== freshRoot && committedRoot !== undefined) return `was compiled from ${source(committedRoot)}, not ${source(freshRoot!)}`;
  const before = new Map(committed.sources.map((s) => [s.path, s.sha256]));
  const changed = fresh.sources.find((s) => before.has(s.path) && before.get(s.path) !== s.sha256);
  if (changed) return `was compiled from an older ${source(changed.path)}`;
  if (committed.sourceHash !== fresh.sourceHash) return `was compiled from a different set of sources`;
  if (committed.planHash !== fresh.planHash) return "was compiled by a different version of synth";
  return "was edited by hand or is not in canonical form";
}

/** "19 phases: 6 run, 2 planned (not generated yet)": planned phases never look as if they ran. */
export function phaseSummary(plan: Plan): string {
  const run = plan.phases.filter((p) => p.status === "run").length;
  const planned = plan.phases.filter((p) => p.status === "planned").length;
  return `${plan.phases.length} phases: ${run} run${planned ? `, ${planned} planned (not generated yet)` : ""}`;
}
