// The command table: `synth <name>` dispatches here, and `synth --help` lists it in this order.
import type { CommandSpec } from "../command.ts";
import { checkCommand } from "./check.ts";
import { compileCommand } from "./compile.ts";
import { graphCommand } from "./graph.ts";
import { runCommand } from "./run.ts";
import { mergeCommand } from "./merge.ts";
import { fmtCommand } from "./fmt.ts";
import { lspCommand } from "./lsp.ts";
import { initCommand } from "./init.ts";
import { importCommand } from "./import.ts";

export const COMMANDS: readonly CommandSpec[] = [
  initCommand,
  importCommand,
  compileCommand,
  checkCommand,
  graphCommand,
  fmtCommand,
  runCommand,
  mergeCommand,
  lspCommand,
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export { checkCommand, compileCommand, graphCommand };
