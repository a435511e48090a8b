// `synth` argv -> command -> exit code. Expected failures are CliErrors (one line, a distinct
// code); anything else is a bug and propagates to bin/synth.ts.
import { suggest } from "../core/diagnostics.ts";
import { parseCommandArgs } from "./args.ts";
import { COMMANDS, findCommand } from "./commands/index.ts";
import type { CommandSpec } from "./command.ts";
import { EXIT } from "./exit-codes.ts";
import { commandHelp, mainHelp, versionText } from "./help.ts";
import { CliError, processIo, usageError, type Io } from "./io.ts";
import { RunError } from "../core/errors.ts";

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return await dispatch([...argv], io);
  } catch (e) {
    if (e instanceof RunError) return reportRunError(io, e);
    if (!(e instanceof CliError)) throw e;
    io.err(`synth: ${e.message}\n`);
    return e.code;
  }
}

/** A runtime failure: one line with what kind it is, a hint, and the .synth line behind it if known. */
function reportRunError(io: Io, e: RunError): number {
  const where = e.source ? ` (${e.source.file}:${e.source.line}:${e.source.column})` : "";
  // "synth: interrupted (SIGINT); ..." rather than "interrupted: interrupted (SIGINT)".
  const text = e.message.startsWith(e.label) ? e.message : `${e.label}: ${e.message}`;
  io.err(`synth: ${text}${where}\n`);
  if (e.hint) io.err(`  hint: ${e.hint}\n`);
  return e.exitCode;
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  // No command is a usage error: the help goes to stderr, so a script sees exit 2 and no output.
  if (first === undefined) {
    io.err(mainHelp(COMMANDS));
    return EXIT.usage;
  }
  if (first === "--help" || first === "-h") return print(io, mainHelp(COMMANDS));
  if (first === "--version" || first === "-V") return print(io, versionText());
  if (first === "help") return print(io, rest[0] === undefined ? mainHelp(COMMANDS) : commandHelp(lookup(rest[0])));
  if (first.startsWith("-")) throw usageError(`unknown option ${first} (see synth --help)`);
  const spec = lookup(first);
  const args = parseCommandArgs(spec, rest);
  if (args.values.help === true) return print(io, commandHelp(spec));
  return spec.run({ io, values: args.values, positionals: args.positionals });
}

function lookup(name: string): CommandSpec {
  const spec = findCommand(name);
  if (spec) return spec;
  const guess = suggest(name, [...COMMANDS.map((c) => c.name), "help"]);
  const mean = guess ? `; did you mean ${guess}?` : "";
  throw usageError(`unknown command "${name}"${mean} (see synth --help)`);
}

function print(io: Io, text: string): number {
  io.out(text);
  return EXIT.ok;
}
