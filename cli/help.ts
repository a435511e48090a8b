// Help text, derived from the command table so options and help never drift apart.
import pkg from "../package.json";
import { HELP_OPTION } from "./args.ts";
import type { CommandSpec, OptionSpec } from "./command.ts";
import { EXIT } from "./exit-codes.ts";

export const VERSION: string = pkg.version;

export function versionText(): string {
  return `synth ${VERSION}\n`;
}

export function mainHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(4, ...commands.map((c) => c.name.length)) + 3;
  const list = [...commands.map((c) => [c.name, c.summary] as const), ["help", "show help for a command"] as const];
  return [
    `synth ${VERSION} - declarative generator of coherent enterprise financial data`,
    "",
    "Usage:",
    "  synth <command> [options]",
    "",
    "Commands:",
    ...list.map(([name, summary]) => `  ${name.padEnd(width)}${summary}`),
    "",
    "Options:",
    "  -h, --help       show this help",
    "  -V, --version    print the version",
    "",
    "Exit codes:",
    `  ${EXIT.ok} ok, ${EXIT.failed} errors in the sources or a stale plan, ${EXIT.usage} usage error (also: no command),`,
    `  ${EXIT.noInput} input not found, ${EXIT.cantWrite} output not writable (compile, graph, fmt),`,
    `  ${EXIT.exists} a file it would create exists (init, import; nothing is overwritten),`,
    `  ${EXIT.configuration} configuration error (invalid plan or options, nothing to resume), ${EXIT.generation} generation error,`,
    `  ${EXIT.memoryExceeded} memory exceeded, ${EXIT.output} output error (disk, permissions, directory in use by another run),`,
    `  ${EXIT.interrupted} interrupted (run again with --resume), ${EXIT.forcedStop} stopped at once by a second Ctrl-C,`,
    `  ${EXIT.internal} internal error (a bug in synth)`,
    "",
    "Run `synth help <command>` for a command's options and examples.",
    "",
  ].join("\n");
}

export function commandHelp(spec: CommandSpec): string {
  const lines = [`synth ${spec.name} - ${spec.summary}`, "", "Usage:", ...spec.usage.map((u) => `  synth ${u}`)];
  lines.push("", spec.description);
  if (spec.arguments.length > 0) {
    const w = Math.max(...spec.arguments.map((a) => a.name.length)) + 3;
    lines.push("", "Arguments:", ...spec.arguments.map((a) => `  ${a.name.padEnd(w)}${a.description}`));
  }
  lines.push("", "Options:", ...optionLines({ ...spec.options, help: HELP_OPTION }));
  if (spec.examples.length > 0) {
    lines.push("", "Examples:");
    for (const ex of spec.examples) lines.push(`  # ${ex.comment}`, `  synth ${ex.command}`);
  }
  return lines.join("\n") + "\n";
}

function optionLines(options: Record<string, OptionSpec>): string[] {
  const heads = Object.entries(options).map(([name, o]) => {
    const short = o.short ? `-${o.short}, ` : "    ";
    const value = o.type === "string" ? ` ${o.choices ? o.choices.join("|") : (o.value ?? "VALUE")}` : "";
    return [`${short}--${name}${value}`, o.description] as const;
  });
  const w = Math.max(...heads.map(([h]) => h.length)) + 3;
  return heads.map(([h, d]) => `  ${h.padEnd(w)}${d}`);
}
