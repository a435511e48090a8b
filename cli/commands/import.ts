// `synth import datasynth CONFIG.yaml [-o FILE]`: a config of the reference system -> a .synth
// scenario. Diagnostics (what is not imported and why) go to stderr, positioned in the YAML.
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { flag, stringOpt, type CommandContext, type CommandSpec } from "../command.ts";
import { EXIT } from "../exit-codes.ts";
import { displayPath, readInput, writeAtomic } from "../files.ts";
import { CliError, usageError } from "../io.ts";
import { renderDiagnostics } from "../render-diagnostics.ts";

const FORMATS = ["datasynth"] as const;

export const importCommand: CommandSpec = {
  name: "import",
  summary: "convert another tool's config into a .synth scenario (datasynth YAML)",
  usage: ["import datasynth CONFIG.yaml [-o FILE.synth] [--name NAME] [--strict]"],
  description: [
    "Converts a config of the reference system (SyntheticData / datasynth, YAML) into a .synth",
    "scenario: global settings, companies and their volumes, the chart of accounts, master data,",
    "document flows, intercompany, fraud and anomaly settings, output formats and the phases the",
    "config enables. Each setting written carries a comment naming the YAML key it came from.",
    "What synth cannot express is reported on stderr, positioned in the YAML (file:line:col) with",
    "the reason: SYN5001 no synth equivalent, SYN5002 not a key of the datasynth format (datasynth",
    "ignores such keys silently; obvious ones such as count_per_company are read as the key they",
    "stand for), SYN5003 imported approximately, SYN5006 a disabled section. docs/import.md has",
    "the mapping of every section. Without -o the scenario goes to stdout. The result is compiled",
    "before it is written. It never overwrites: an existing FILE exits 5.",
    "Exit codes: 0 imported (warnings allowed; with --strict, none), 1 the config has errors",
    "(not YAML, not a datasynth config, a value of the wrong type) and nothing is written, 2 usage,",
    "3 CONFIG not readable, 4 FILE not writable, 5 FILE exists.",
  ].join("\n"),
  arguments: [
    { name: "FORMAT", description: "the config's format: datasynth" },
    { name: "CONFIG", description: "the config file (YAML)" },
  ],
  options: {
    output: { type: "string", short: "o", value: "FILE", description: "write the scenario to FILE (default: stdout)" },
    name: { type: "string", value: "NAME", description: "scenario name (default: from the config's file name)" },
    strict: { type: "boolean", description: "exit 1, writing nothing, if any key is not imported (SYN5001, SYN5002)" },
  },
  examples: [
    { comment: "import a config and look at what was not imported", command: "import datasynth fraud-detection-basic.yaml -o fraud.synth" },
    { comment: "then compile and run it at 1% of its volume", command: "run fraud.synth --scale 0.01" },
  ],
  positionals: { min: 2, max: 2 },
  run: runImport,
};

async function runImport(ctx: CommandContext): Promise<number> {
  const [format, config] = ctx.positionals as [string, string];
  if (!(FORMATS as readonly string[]).includes(format)) throw usageError(`import: unknown format "${format}"; synth imports: ${FORMATS.join(", ")}`);
  const output = stringOpt(ctx, "output");
  if (output !== undefined && !output.endsWith(".synth")) throw usageError(`import: --output must name a .synth file, got "${output}"`);
  const name = stringOpt(ctx, "name");
  if (name !== undefined && (!name.trim() || /["\\\n\r]/.test(name))) throw usageError(`import: --name must be a non-empty name without quotes or backslashes`);
  const text = readInput(ctx.io.cwd, config);
  if (output !== undefined && existsSync(resolve(ctx.io.cwd, output))) throw new CliError(`import: ${output} exists; nothing was written (remove it or choose another -o)`, EXIT.exists);

  const { importDatasynth } = await import("../../importers/datasynth/import.ts");
  // the config's path as the user typed it: diagnostics read CONFIG:line:col
  const shown = config.split("\\").join("/");
  const result = importDatasynth(text, { file: shown, ...(name ? { name: name.trim() } : {}) });
  if (result.diagnostics.length) ctx.io.err(renderDiagnostics(result.diagnostics, new Map([[shown, text]]), { color: ctx.io.color, summary: true }));
  if (result.text === undefined) {
    ctx.io.err(`synth: import: ${config} has errors; nothing was written\n`);
    return EXIT.failed;
  }
  const skipped = result.diagnostics.filter((d) => (d.code === "SYN5001" || d.code === "SYN5002") && !d.message.includes("; imported as "));
  if (flag(ctx, "strict") && skipped.length) {
    ctx.io.err(`synth: import: ${skipped.length} key${skipped.length === 1 ? " is" : "s are"} not imported (--strict); nothing was written\n`);
    return EXIT.failed;
  }

  // The scenario must compile: a failure here is a bug in the importer, not in the config.
  const { compileIn, printDiagnostics } = await import("../compile-source.ts");
  const { findProjectRoot, projectPath } = await import("../../compiler/project.ts");
  const target = resolve(ctx.io.cwd, output ?? `${basename(config).replace(/\.ya?ml$/i, "")}.synth`);
  const root = findProjectRoot(dirname(target));
  const compiled = await compileIn(root, projectPath(root, target), result.text);
  if (!compiled.plan) {
    printDiagnostics(ctx.io, { ...compiled, sources: new Map([[compiled.path, result.text]]) });
    throw new CliError("import: the imported scenario does not compile (a bug in synth import)", EXIT.internal);
  }
  if (output === undefined) {
    ctx.io.out(result.text);
    return EXIT.ok;
  }
  writeAtomic(ctx.io.cwd, output, result.text);
  const out = displayPath(ctx.io.cwd, join(dirname(target), basename(target)));
  ctx.io.err(`wrote ${out}${skipped.length ? ` (${skipped.length} key${skipped.length === 1 ? "" : "s"} not imported: see above)` : ""}\n`);
  ctx.io.err(`next: synth run ${out} --scale 0.01   (a quick run at 1% of the volume)\n`);
  return EXIT.ok;
}
