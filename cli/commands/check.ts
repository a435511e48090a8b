// `synth check`: diagnostics only, for editors, pre-commit hooks and CI.
import { canonicalJson } from "../../core/canonical.ts";
import { stringOpt, type CommandContext, type CommandSpec } from "../command.ts";
import { compileFile, printDiagnostics, type CompiledSource } from "../compile-source.ts";
import { EXIT } from "../exit-codes.ts";
import { countSummary } from "../render-diagnostics.ts";
import { displayPath } from "../files.ts";
import { join } from "node:path";

export const checkCommand: CommandSpec = {
  name: "check",
  summary: "check a .synth scenario and report its diagnostics",
  usage: ["check FILE [--format text|json]"],
  description: [
    "Runs every compiler check on FILE and its imports without writing a plan. Diagnostics go to",
    "stderr, then one summary line (`FILE: 2 errors, 1 warning` or `FILE: ok`) to stdout.",
    "With --format json, stdout holds only a JSON document: { file, ok, errors, warnings, diagnostics }.",
  ].join("\n"),
  arguments: [{ name: "FILE", description: "the .synth scenario" }],
  options: {
    format: { type: "string", choices: ["text", "json"], description: "text for people (default), json for tools" },
  },
  examples: [
    { comment: "check a scenario before committing it", command: "check scenarios/acme.synth" },
    { comment: "feed the diagnostics to another tool", command: "check scenarios/acme.synth --format json" },
  ],
  positionals: { min: 1, max: 1 },
  run: runCheck,
};

async function runCheck(ctx: CommandContext): Promise<number> {
  const file = ctx.positionals[0]!;
  const compiled = await compileFile(ctx.io, file);
  const failed = compiled.diagnostics.some((d) => d.severity === "error");
  if (stringOpt(ctx, "format") === "json") {
    ctx.io.out(canonicalJson(jsonReport(compiled)));
  } else {
    printDiagnostics(ctx.io, compiled, false);
    // Shown as the spans show it: relative to the working directory, however it was named.
    ctx.io.out(`${displayPath(ctx.io.cwd, join(compiled.root, compiled.path))}: ${countSummary(compiled.diagnostics) || "ok"}\n`);
  }
  return failed ? EXIT.failed : EXIT.ok;
}

/** The machine-readable report: `file` is project-relative, as every span's file is. */
function jsonReport(compiled: CompiledSource) {
  const count = (s: string) => compiled.diagnostics.filter((d) => d.severity === s).length;
  return {
    file: compiled.path,
    ok: count("error") === 0,
    errors: count("error"),
    warnings: count("warning"),
    diagnostics: compiled.diagnostics,
  };
}
