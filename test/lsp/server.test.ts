// `synth lsp` driven as an editor drives it: the real executable over stdio, initialize,
// didOpen, didChange (full and incremental), then diagnostics, hover, completion, definition,
// formatting, semantic tokens, quick fixes, shutdown and exit.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CodeAction, CompletionItem, Hover, Location, TextEdit } from "vscode-languageserver/node";
import { formatSynth } from "../../compiler/format.ts";
import { generousTimeout } from "../setup.ts";
import { TestClient, uriOf } from "./client.ts";

generousTimeout();

const MAIN = `import "shared/accounts.synth"

const GROUP_VOLUME = 36k

scenario "Lsp Test" {
  seed     = 7
  industry = retail
  start    = 2025-01-01
  months   = 3
}

company US01 { name = "Test Inc."  country = US  currency = USD }

phase transactions {
  volume = GROUP_VOLUME per year
}

phase hr { }
`;

const ACCOUNTS = `chart_of_accounts {
  account 1950 { name = "Branch float"  type = asset }
}
`;

let dir: string;
let client: TestClient;
const mainUri = () => uriOf(join(dir, "main.synth"));
const accountsUri = () => uriOf(join(dir, "shared/accounts.synth"));

/** Line and character of the first `needle` in `text` (plus `skip` characters). */
function pos(text: string, needle: string, skip = 0) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, at + skip).split("\n");
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

async function hover(uri: string, text: string, needle: string, skip = 1): Promise<string> {
  const h = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: pos(text, needle, skip) });
  return h ? (h.contents as { value: string }).value : "";
}

async function complete(uri: string, text: string, needle: string, skip: number, triggerCharacter?: string): Promise<CompletionItem[]> {
  const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
  return client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: pos(text, needle, skip), context });
}

let version = 1;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "synth-lsp-"));
  writeFileSync(join(dir, "synth.project"), "");
  mkdirSync(join(dir, "shared"));
  writeFileSync(join(dir, "main.synth"), MAIN);
  writeFileSync(join(dir, "shared/accounts.synth"), ACCOUNTS);
  client = new TestClient(dir);
  await client.initialize(dir);
  await client.open(mainUri(), MAIN, version);
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

describe("synth lsp", () => {
  test("initialize: the server announces hover, completion, definition, formatting and semantic tokens", async () => {
    const probe = new TestClient(dir);
    const r = await probe.initialize(dir);
    expect(r.serverInfo?.name).toBe("synth");
    for (const c of ["hoverProvider", "completionProvider", "definitionProvider", "documentFormattingProvider", "documentSymbolProvider", "codeActionProvider", "semanticTokensProvider"]) expect(r.capabilities[c]).toBeTruthy();
    expect(await probe.close()).toBe(0);
  });

  test("didOpen: the diagnostics synth check gives: none for a clean scenario", async () => {
    expect((await client.diagnostics(mainUri(), version)).diagnostics).toEqual([]);
  });

  test("didChange: errors as you type, with code, severity, hint and the exact range", async () => {
    const text = MAIN.replace("industry = retail", "industry = retial").replace("months   = 3", "months   = 3d");
    version++;
    await client.change(mainUri(), text, version);
    const d = (await client.diagnostics(mainUri(), version)).diagnostics;
    const unknown = d.find((x) => x.code === "SYN2006")!;
    expect(unknown.severity).toBe(1);
    expect(unknown.message).toBe('unknown value "retial"\nhint: did you mean retail?');
    expect(unknown.range).toEqual({ start: pos(text, "retial"), end: pos(text, "retial", 6) });
    const unit = d.find((x) => x.code === "SYN3001")!;
    expect(unit.message).toContain('"d" is not a count suffix');
    expect(unit.range.start).toEqual(pos(text, "3d"));

    // the quick fix of a did-you-mean hint replaces the word
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: mainUri() }, range: unknown.range, context: { diagnostics: [unknown] } });
    expect(actions.map((a) => a.title)).toEqual(["Replace with retail"]);
    expect(actions[0]!.edit!.changes![mainUri()]).toEqual([{ range: unknown.range, newText: "retail" }]);
  });

  test("an incremental didChange that fixes the errors clears them", async () => {
    const broken = MAIN.replace("industry = retail", "industry = retial");
    version++;
    await client.change(mainUri(), broken, version);
    expect((await client.diagnostics(mainUri(), version)).diagnostics.map((d) => d.code)).toContain("SYN2006");
    version++;
    await client.edit(mainUri(), version, { start: pos(broken, "retial"), end: pos(broken, "retial", 6) }, "retail");
    expect((await client.diagnostics(mainUri(), version)).diagnostics.filter((d) => d.severity === 1)).toEqual([]);
  });

  test("an error in an imported file shows on the import, pointing to it; unsaved edits of the import count", async () => {
    const bad = ACCOUNTS.replace("type = asset", "type = assets");
    await client.open(accountsUri(), bad, 1);
    const own = (await client.diagnostics(accountsUri(), 1)).diagnostics;
    expect(own.map((d) => d.code)).toContain("SYN2006");
    // the importer is checked again with the editor's text of the import
    const d = await waitFor(async () => (await client.diagnostics(mainUri())).diagnostics.find((x) => x.code === "SYN2006"));
    const column = bad.split("\n")[1]!.indexOf("assets") + 1;
    expect(d.message).toStartWith(`in shared/accounts.synth:2:${column}: unknown value "assets"`);
    expect(d.range.start).toEqual(pos(MAIN, 'import "shared'));
    expect(d.relatedInformation![0]!.location.uri).toBe(accountsUri());
    await client.change(accountsUri(), ACCOUNTS, 2);
    await waitFor(async () => ((await client.diagnostics(mainUri())).diagnostics.some((x) => x.code === "SYN2006") ? undefined : true));
  });

  test("hover: a setting's type, default, range, meaning and industry presets", async () => {
    const h = await hover(mainUri(), MAIN, "volume =");
    expect(h).toContain("**volume** · `phase.transactions.volume`");
    expect(h).toContain("type rate · default `10k per year`");
    expect(h).toContain("Standalone journal entries for the whole group");
    expect(h).toContain("retail `60k per year`");
    const months = await hover(mainUri(), MAIN, "months   =");
    expect(months).toContain("type count · default `12` · range 1..120");
  });

  test("hover: an enum value, a number's meaning, a phase, a constant", async () => {
    const retail = await hover(mainUri(), MAIN, "retail");
    expect(retail).toContain("`retail`: a value of **industry**");
    expect(retail).toContain("Values: `manufacturing`, `retail`");
    expect(await hover(mainUri(), MAIN, "phase hr", 7)).toContain("**phase hr** · HR (payroll, time, expenses)");
    expect(await hover(mainUri(), MAIN, "phase hr", 7)).toContain("`payroll_runs`");
    const constant = await hover(mainUri(), MAIN, "= GROUP_VOLUME", 3);
    expect(constant).toContain("const GROUP_VOLUME = 36k");
    expect(constant).toContain("declared at main.synth:3:7");
  });

  test("completion: the keys of the block at the cursor, without the settings already written", async () => {
    const labels = (await complete(mainUri(), MAIN, "  volume", 0)).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(["block_size", "users", "amounts", "temporal", "sources", "enabled"]));
    expect(labels).not.toContain("volume");
    const top = (await complete(mainUri(), MAIN, "phase hr", 0)).map((c) => c.label);
    expect(top).toEqual(expect.arrayContaining(["scenario", "company", "business", "phase transactions", "phase source_to_contract", "process order_to_cash", "fx", "output", "runtime", "import", "const"]));
  });

  test("completion while typing: enum values after =, phase names after phase, constants, company codes, periods", async () => {
    const text = `${MAIN}
scenario { fiscal_year = ap }
phase tr
company U
phase transactions { temporal { holidays =  } }
process procure_to_pay { volume = 6k  }
`;
    version++;
    await client.change(mainUri(), text, version);
    const fiscal = (await complete(mainUri(), text, "fiscal_year = ap", 16)).map((c) => c.label);
    expect(fiscal).toEqual(expect.arrayContaining(["april", "august", "calendar"]));
    expect(fiscal).toContain("GROUP_VOLUME");
    const phases = (await complete(mainUri(), text, "phase tr", 8)).map((c) => c.label);
    expect(phases).toEqual(expect.arrayContaining(["transactions", "hr", "anomalies", "period_close"]));
    expect((await complete(mainUri(), text, "company U\n", 9)).map((c) => c.label)).toEqual(["US01"]);
    const holidays = await complete(mainUri(), text, "holidays =  ", 11, " ");
    expect(holidays.map((c) => c.label)).toEqual(expect.arrayContaining(["auto", "none", "us", "de"]));
    expect(holidays.find((c) => c.label === "auto")!.documentation).toMatchObject({ kind: "markdown" });
    expect((await complete(mainUri(), text, "volume = 6k  ", 12, " ")).map((c) => c.label)).toEqual(["per day", "per week", "per month", "per quarter", "per year"]);
  });

  test("go to definition: a constant's declaration, an import's file", async () => {
    version++;
    await client.change(mainUri(), MAIN, version);
    const c = await client.request<Location>("textDocument/definition", { textDocument: { uri: mainUri() }, position: pos(MAIN, "= GROUP_VOLUME", 4) });
    expect(c).toEqual({ uri: mainUri(), range: { start: pos(MAIN, "GROUP_VOLUME"), end: pos(MAIN, "GROUP_VOLUME", 12) } });
    const i = await client.request<Location>("textDocument/definition", { textDocument: { uri: mainUri() }, position: pos(MAIN, "shared/acc") });
    expect(i.uri).toBe(accountsUri());
  });

  test("formatting: the edit synth fmt makes; none for a formatted file", async () => {
    const messy = 'scenario "X" {\nseed=7\n     months = 3 }\n';
    const uri = uriOf(join(dir, "messy.synth"));
    await client.open(uri, messy, 1);
    const edits = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0]!.newText).toBe(formatSynth(messy).text);
    await client.change(uri, edits[0]!.newText, 2);
    expect(await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  test("semantic tokens: blocks, settings, labels, values, numbers and constants", async () => {
    const r = await client.request<{ data: number[] }>("textDocument/semanticTokens/full", { textDocument: { uri: mainUri() } });
    const legend = ["keyword", "namespace", "property", "class", "enumMember", "variable", "number", "string", "type"];
    const lines = MAIN.split("\n");
    const tokens: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < r.data.length; i += 5) {
      const [dl, dc, len, type] = r.data.slice(i, i + 4) as [number, number, number, number];
      line += dl;
      char = dl ? dc : char + dc;
      tokens.push(`${lines[line]!.slice(char, char + len)}:${legend[type]}`);
    }
    expect(tokens).toEqual(expect.arrayContaining(["import:keyword", "GROUP_VOLUME:variable", "scenario:namespace", "seed:property", "retail:enumMember", "2025-01-01:number", "US01:class", '"Test Inc.":string', "USD:type", "per:keyword", "year:enumMember"]));
  });

  test("closing a document clears its diagnostics; shutdown then exit ends the server with 0", async () => {
    await client.conn.sendNotification("textDocument/didClose", { textDocument: { uri: accountsUri() } });
    await waitFor(async () => ((await client.diagnostics(accountsUri())).diagnostics.length === 0 ? true : undefined));
    expect(await client.close()).toBe(0);
  });
});

async function waitFor<T>(f: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}
