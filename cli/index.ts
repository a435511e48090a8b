// Public surface of the CLI.
export { main } from "./main.ts";
export { COMMANDS, findCommand } from "./commands/index.ts";
export type { CommandContext, CommandSpec, OptionSpec } from "./command.ts";
export { EXIT, type ExitCode } from "./exit-codes.ts";
export { CliError, colorEnabled, processIo, type Io } from "./io.ts";
export { reportInternalError } from "./internal-error.ts";
export { countSummary, renderDiagnostics, type RenderOptions } from "./render-diagnostics.ts";
