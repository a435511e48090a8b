// `synth lsp`: the language server, speaking the Language Server Protocol on stdin / stdout.
import { type CommandContext, type CommandSpec } from "../command.ts";
import { EXIT } from "../exit-codes.ts";

export const lspCommand: CommandSpec = {
  name: "lsp",
  summary: "run the language server (Language Server Protocol on stdin/stdout) for editors",
  usage: ["lsp [--stdio]"],
  description: [
    "Starts a Language Server Protocol server on standard input and output, for editors: every",
    "diagnostic of `synth check` as you type (codes and hints, quick fixes for did-you-mean hints),",
    "hover documentation of every setting (type, unit, default, range, presets) and value,",
    "completion of keys, values, phase and process names, constants and company codes, go to",
    "definition of constants and imports, formatting as `synth fmt`, an outline and semantic",
    "tokens. An editor starts it; editors/vscode/ is a VS Code extension that does. It runs until",
    "the editor sends exit or closes its input; nothing but protocol messages goes to stdout.",
  ].join("\n"),
  arguments: [],
  options: {
    stdio: { type: "boolean", description: "talk over stdin/stdout (the default and only transport; accepted because clients pass it)" },
  },
  examples: [{ comment: "what an editor runs", command: "lsp --stdio" }],
  positionals: { min: 0, max: 0 },
  run: runLsp,
};

async function runLsp(_ctx: CommandContext): Promise<number> {
  // loaded on demand: no other command pays for the protocol library
  const { createConnection, ProposedFeatures } = await import("vscode-languageserver/node");
  const { startServer } = await import("../../lsp/server.ts");
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection);
  // The protocol library ends the process on `exit` (0 after shutdown, else 1) or when stdin closes.
  await new Promise<never>(() => {});
  return EXIT.ok;
}
