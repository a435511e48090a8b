// A language client for tests: spawns `synth lsp --stdio` and talks to it as an editor would.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver/node";

const BIN = join(import.meta.dir, "../../bin/synth.ts");

export class TestClient {
  readonly conn: ProtocolConnection;
  private readonly proc: ChildProcess;
  private readonly published: PublishDiagnosticsParams[] = [];
  private waiters: (() => void)[] = [];
  stderr = "";

  constructor(cwd: string) {
    this.proc = spawn(process.execPath, ["run", BIN, "lsp", "--stdio"], { cwd, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    this.proc.stderr!.on("data", (b) => (this.stderr += String(b)));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.listen();
  }

  async initialize(rootDir: string) {
    const r = await this.conn.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(rootDir).href, capabilities: {} });
    await this.conn.sendNotification("initialized", {});
    return r as { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
  }

  open(uri: string, text: string, version = 1) {
    return this.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "synth", version, text } });
  }

  /** Replaces the whole text (a full-document change). */
  change(uri: string, text: string, version: number) {
    return this.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental change: replace a range. */
  edit(uri: string, version: number, range: { start: Pos; end: Pos }, text: string) {
    return this.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** The diagnostics published for `uri` at `version` (waits for them). */
  async diagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.published.findLast((p) => p.uri === uri && (version === undefined || p.version === version));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}; stderr: ${this.stderr}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async close(): Promise<number | null> {
    await this.conn.sendRequest("shutdown");
    await this.conn.sendNotification("exit");
    const code = await new Promise<number | null>((r) => (this.proc.exitCode !== null ? r(this.proc.exitCode) : this.proc.on("exit", (c) => r(c))));
    this.conn.dispose();
    return code;
  }
}

export interface Pos {
  line: number;
  character: number;
}

export const uriOf = (path: string) => pathToFileURL(path).href;
