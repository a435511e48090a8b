// The command table: `synth <name>` dispatches here, and `synth --help` lists it in this order.
import type { CommandSpec } from "../command.ts";
import { checkCommand } from "./check.ts";
import { compileCommand } from "./compile.ts";
import { graphCommand } from "./graph.ts";

export const COMMANDS: readonly CommandSpec[] = [
  compileCommand,
  checkCommand,
  graphCommand,
  // ---- runtime commands: register `run` and `merge` here (cli/commands/run.ts, merge.ts) ----
  // Their typed errors map to the reserved exit codes 10-14 in cli/exit-codes.ts.
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export { checkCommand, compileCommand, graphCommand };
