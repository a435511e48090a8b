// Go to definition (constants, imports), semantic tokens, the outline, formatting and quick
// fixes: the smaller features, each a function of the text, the analysis and a position.
import {
  CodeActionKind,
  SymbolKind,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Location,
  type SemanticTokensLegend,
  type TextEdit,
} from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import * as T from "../grammar/tokens.ts";
import { formatSynth } from "../compiler/format.ts";
import type { BlockNode, EntryNode } from "../compiler/ast.ts";
import { importTarget, uriOf, type Analysis } from "./analysis.ts";
import { rangeOf } from "./diagnostics.ts";
import { constants } from "./hover.ts";
import { scan, tokenAt, type Scanned } from "./scan.ts";

export function definitionAt(text: string, offset: number, a: Analysis): Location | undefined {
  const s = tokenAt(scan(text), offset);
  if (!s || !a.root) return undefined;
  if (s.role === "import") {
    const target = importTarget(a.path, s.token.image.slice(1, -1));
    if (!a.texts.has(target)) return undefined;
    return { uri: uriOf(a.root, target), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }
  if (s.role === "value" || s.role === "constName") {
    const c = constants(a).get(s.token.image);
    if (c) return { uri: uriOf(a.root, c.nameSpan.file), range: rangeOf(c.nameSpan) };
  }
  return undefined;
}

// ------------------------------------------------------------------ semantic tokens

export const LEGEND: SemanticTokensLegend = {
  tokenTypes: ["keyword", "namespace", "property", "class", "enumMember", "variable", "number", "string", "type"],
  tokenModifiers: ["declaration", "readonly", "defaultLibrary"],
};
const TYPE = Object.fromEntries(LEGEND.tokenTypes.map((t, i) => [t, i])) as Record<string, number>;
const MOD = { declaration: 1, readonly: 2, defaultLibrary: 4 };

/** LSP's relative encoding: [deltaLine, deltaStart, length, type, modifiers] per token. */
export function semanticTokens(text: string, a: Analysis): number[] {
  const consts = constants(a);
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const s of scan(text)) {
    const kind = classify(s, consts.has(s.token.image));
    if (!kind) continue;
    const l = (s.token.startLine ?? 1) - 1;
    const c = (s.token.startColumn ?? 1) - 1;
    data.push(l - line, l === line ? c - char : c, s.token.image.length, TYPE[kind[0]]!, kind[1]);
    line = l;
    char = c;
  }
  return data;
}

function classify(s: Scanned, isConst: boolean): [string, number] | undefined {
  const t = s.token.tokenType;
  switch (s.role) {
    case "keyword":
      return ["keyword", 0];
    case "import":
      return ["string", 0];
    case "constName":
      return ["variable", MOD.declaration | MOD.readonly];
    case "blockKey":
      return ["namespace", 0];
    case "settingKey":
      return ["property", 0];
    case "label":
      return t === T.StringLit ? ["string", 0] : ["class", 0];
    case "value":
      if ((t === T.Identifier || t === T.CurrencyCode) && isConst) return ["variable", MOD.readonly];
      if (t === T.Quantity || t === T.DateLit) return ["number", 0];
      if (t === T.StringLit || t === T.UnterminatedString) return ["string", 0];
      if (t === T.CurrencyCode) return ["type", MOD.defaultLibrary];
      return ["enumMember", 0];
    default:
      return undefined;
  }
}

// ------------------------------------------------------------------ outline

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const file = a.files.find((f) => f.path === a.path);
  if (!file) return [];
  const consts: DocumentSymbol[] = file.consts.map((c) => ({ name: c.name, kind: SymbolKind.Constant, range: rangeOf(c.span), selectionRange: rangeOf(c.nameSpan) }));
  return [...consts, ...file.entries.flatMap(symbolOf)];
}

function symbolOf(e: EntryNode): DocumentSymbol[] {
  if (e.kind === "attribute") return [{ name: e.key, kind: SymbolKind.Property, range: rangeOf(e.span), selectionRange: rangeOf(e.keySpan) }];
  const b = e as BlockNode;
  const name = b.label ? `${b.key} ${b.label.value}` : b.key;
  return [{ name, kind: SymbolKind.Namespace, range: rangeOf(b.span), selectionRange: rangeOf(b.keySpan), children: b.entries.flatMap(symbolOf) }];
}

// ------------------------------------------------------------------ formatting, quick fixes

/** `synth fmt` as one edit of the whole document; none when it has syntax errors or is formatted. */
export function formatEdits(doc: TextDocument, path: string): TextEdit[] {
  const text = doc.getText();
  const r = formatSynth(text, { path });
  if (r.diagnostics.length > 0 || r.text === text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, newText: r.text }];
}

/** "did you mean X?" hints become one-click replacements. */
export function quickFixes(uri: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  return diagnostics.flatMap((d) => {
    const hint = (d.data as { hint?: string } | undefined)?.hint;
    const m = hint && /^did you mean ([\w-]+)\?/.exec(hint);
    if (!m) return [];
    return [{ title: `Replace with ${m[1]}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [{ range: d.range, newText: m[1]! }] } } }];
  });
}
