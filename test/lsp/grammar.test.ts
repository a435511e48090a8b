// The TextMate grammar of editors/vscode, run by the engine VS Code uses (vscode-textmate with
// the Oniguruma regex engine), on every example: each token gets the scope that the compiler's
// own reading of it calls for (its lexer for the token's kind, the language server's scan for
// its role: a block key, a setting key, a label, a value, a constant). A grammar that drifts
// from the language fails here.
import { beforeAll, describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createToken, Lexer } from "chevrotain";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from "vscode-textmate";
import { allTokens, BlockComment, LineComment } from "../../grammar/tokens.ts";
import * as T from "../../grammar/tokens.ts";
import { scan, type Scanned } from "../../lsp/scan.ts";

const ROOT = join(import.meta.dir, "../..");
const GRAMMAR = join(ROOT, "editors/vscode/syntaxes/synth.tmLanguage.json");
const EXAMPLES = [
  ...readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".synth")).map((f) => `examples/${f}`),
  "examples/shared/chart-of-accounts.synth",
];

let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(join(ROOT, "node_modules/vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => parseRawGrammar(readFileSync(GRAMMAR, "utf8"), GRAMMAR),
  });
  grammar = (await registry.loadGrammar("source.synth"))!;
});

/** The scopes at every character offset of `text`. */
function scopesOf(text: string): string[][] {
  const out: string[][] = [];
  let stack = INITIAL;
  for (const line of text.split("\n")) {
    const r = grammar.tokenizeLine(line, stack);
    const at = (i: number) => r.tokens.find((t) => t.startIndex <= i && i < t.endIndex)?.scopes ?? ["source.synth"];
    for (let i = 0; i <= line.length; i++) out.push(at(i));
    stack = r.ruleStack;
  }
  return out;
}

/** What the compiler's reading of a token says its scope must start with. */
function expected(s: Scanned, constants: Set<string>): string {
  const t = s.token.tokenType;
  const image = s.token.image;
  if (t === T.Import) return "keyword.control.import";
  if (t === T.Const) return "storage.type.const";
  if (t === T.Per) return "keyword.operator.rate";
  if (s.role === "import") return "string.quoted.double";
  if (s.role === "constName") return "variable.other.constant";
  if (s.role === "blockKey") return "entity.name.section";
  if (s.role === "settingKey") return "variable.other.property";
  if (s.role === "label") return t === T.StringLit ? "string.quoted.double" : "entity.name.type.label";
  if (t === T.StringLit) return "string.quoted.double";
  if (t === T.DateLit) return "constant.numeric.date";
  if (t === T.Quantity) return "constant.numeric";
  if (t === T.CurrencyCode) return constants.has(image) ? "" : "support.constant.currency";
  if (t === T.Identifier) {
    if (constants.has(image)) return "variable.other.constant";
    if (["true", "false", "on", "off", "yes", "no"].includes(image)) return "constant.language.boolean";
    if (image === "auto") return "constant.language.auto";
    if (/^[A-Z]{2}$/.test(image)) return "constant.other.code";
    return "support.constant.value";
  }
  if (t === T.LCurly || t === T.RCurly) return "punctuation.section.block";
  if (t === T.LSquare || t === T.RSquare) return "punctuation.section.brackets";
  if (t === T.Equals) return "keyword.operator.assignment";
  if (t === T.DotDot) return "keyword.operator.range";
  if (t === T.Comma || t === T.Semicolon) return "punctuation.separator";
  if (t === T.Minus) return "keyword.operator.sign";
  throw new Error(`no expectation for ${t.name} ${image}`);
}

// Comments, which the parser's lexer skips, kept aside as format.ts keeps them.
const commentLexer = new Lexer(
  allTokens.map((t) =>
    t === LineComment ? createToken({ name: "LineComment", pattern: LineComment.PATTERN, group: "comments" }) : t === BlockComment ? createToken({ name: "BlockComment", pattern: BlockComment.PATTERN, group: "comments" }) : t,
  ),
);

describe("the TextMate grammar (editors/vscode/syntaxes/synth.tmLanguage.json)", () => {
  for (const file of EXAMPLES) {
    test(`scopes every token of ${file} as the compiler reads it`, () => {
      const text = readFileSync(join(ROOT, file), "utf8");
      const scopes = scopesOf(text);
      const scanned = scan(text);
      const constants = new Set(scanned.filter((s) => s.role === "constName").map((s) => s.token.image));
      const wrong: string[] = [];
      for (const s of scanned) {
        const want = expected(s, constants);
        const got = scopes[s.token.startOffset]!;
        // The whole token, not only its first character (a number's unit suffix has its own scope).
        const last = scopes[s.token.endOffset!]!;
        const lastWant = s.token.tokenType === T.Quantity && /[A-Za-z%]$/.test(s.token.image) ? "keyword.other.unit" : want;
        if (want && !(got.some((g) => g.startsWith(want)) && last.some((g) => g.startsWith(lastWant)))) wrong.push(`${s.token.startLine}:${s.token.startColumn} ${s.token.image} (${s.role}): want ${want}, got ${got.slice(1).join(" ")}`);
      }
      for (const c of commentLexer.tokenize(text).groups.comments ?? []) {
        for (const i of [c.startOffset, c.endOffset!]) {
          if (!scopes[i]!.some((g) => g.startsWith("comment."))) wrong.push(`${c.startLine}:${c.startColumn} comment: got ${scopes[i]!.slice(1).join(" ")}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(scanned.length).toBeGreaterThan(20);
    });
  }

  test("a comment marker inside a string stays a string; a URL in a comment stays a comment", () => {
    const text = 'company C01 { name = "A // B # C" }  // see https://example.org/x\n';
    const scopes = scopesOf(text);
    expect(scopes[text.indexOf("//")]!.join(" ")).toContain("string.quoted.double");
    expect(scopes[text.indexOf("https")]!.join(" ")).toContain("comment.line.double-slash");
  });
});
