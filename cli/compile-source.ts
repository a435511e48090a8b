// The CLI's side of compilation: a .synth path on the command line -> project root,
// project-relative path, compile result; and diagnostics rendered for the terminal.
import { dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../core/diagnostics.ts";
import { findProjectRoot, fsHost, projectPath } from "../compiler/project.ts";
import type { Plan } from "../specs/plan.ts";
import { displayPath, readInput } from "./files.ts";
import { usageError, type Io } from "./io.ts";
import { renderDiagnostics } from "./render-diagnostics.ts";
import { isPlanFile, parsePlan } from "./plan-file.ts";

export interface CompiledSource {
  /** Absolute project root (nearest synth.project / package.json / .git above the file). */
  root: string;
  /** The file's project-relative path, as spans and the plan name it. */
  path: string;
  plan?: Plan;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

/** Compiles a .synth file named on the command line (relative to io.cwd). */
export async function compileFile(io: Io, file: string, scale?: number): Promise<CompiledSource> {
  const text = readInput(io.cwd, file);
  const absolute = resolve(io.cwd, file);
  const root = findProjectRoot(dirname(absolute));
  return compileIn(root, projectPath(root, absolute), text, scale);
}

/** A plan file is read and validated; a .synth is compiled (at `scale`), diagnostics to stderr. */
export async function loadPlanOrCompile(io: Io, file: string, scale?: number): Promise<Plan | undefined> {
  if (isPlanFile(file)) {
    if (scale !== undefined) throw usageError("--scale applies to a .synth; a plan keeps the scale it was compiled with");
    return parsePlan(readInput(io.cwd, file), file);
  }
  const compiled = await compileFile(io, file, scale);
  printDiagnostics(io, compiled);
  return compiled.plan;
}

/** `--scale F`: a positive factor for every volume (0.01 = 1% of the scenario). */
export function scaleOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0) || n > 1000) throw usageError(`--scale must be a number above 0 (0.01 is 1% of the volume), got "${text}"`);
  return n;
}

/** Compiles a project-relative source under `root` whose text is already read. */
export async function compileIn(root: string, path: string, text: string, scale?: number): Promise<CompiledSource> {
  // loaded on demand: help, version and usage errors never pay for the compiler
  const { compile } = await import("../compiler/compile.ts");
  const result = compile(text, { path, host: fsHost(root), scale });
  return { root, path, ...result };
}

/** Writes a compilation's diagnostics to stderr, paths shown relative to the working dir. */
export function printDiagnostics(io: Io, compiled: CompiledSource, summary = true): void {
  if (compiled.diagnostics.length === 0) return;
  const show = (f: string) => displayPath(io.cwd, join(compiled.root, f));
  io.err(renderDiagnostics(compiled.diagnostics, compiled.sources, { color: io.color, summary, displayPath: show }));
}
