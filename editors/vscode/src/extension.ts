// The VS Code side of synth: starts `synth lsp --stdio` for .synth files and hands the editor's
// requests to it. Highlighting comes from the TextMate grammar; everything else from the server.
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function serverOptions(): ServerOptions {
  const config = vscode.workspace.getConfiguration("synth");
  const command = config.get<string>("server.command", "synth");
  const args = [...config.get<string[]>("server.args", []), "lsp"];
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  // TransportKind.stdio appends --stdio, which `synth lsp` accepts.
  return { command, args, transport: TransportKind.stdio, options: { cwd, shell: process.platform === "win32" } };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "synth" },
      { scheme: "untitled", language: "synth" },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.synth") },
  };
  client = new LanguageClient("synth", "synth", serverOptions(), clientOptions);
  try {
    await client.start();
  } catch (e) {
    const command = vscode.workspace.getConfiguration("synth").get<string>("server.command", "synth");
    void vscode.window.showErrorMessage(`synth: cannot start the language server with "${command} lsp" (${String(e)}). Set synth.server.command; see the extension's README.`);
  }
  context.subscriptions.push(client);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("synth.restartServer", async () => {
      await client?.stop();
      await start(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
