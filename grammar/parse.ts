// Tokens -> CST, with recognition errors turned into positioned diagnostics.
import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import { parser } from "./parser.ts";
import { tokenize, tokenSpan, spanAt } from "./lexer.ts";
import type { DiagnosticBag } from "../core/diagnostics.ts";

export interface CstResult {
  cst: CstNode;
  tokens: IToken[];
}

export function parseText(text: string, file: string, diags: DiagnosticBag): CstResult {
  const tokens = tokenize(text, file, diags);
  parser.input = tokens;
  const cst = parser.file();
  for (const e of parser.errors) reportParseError(e, file, text, diags);
  return { cst, tokens };
}

function reportParseError(e: IRecognitionException, file: string, text: string, diags: DiagnosticBag): void {
  const t = e.token;
  const atEnd = t.tokenType?.name === "EOF" || Number.isNaN(t.startOffset);
  const span = atEnd ? endSpan(file, text) : tokenSpan(file, t);
  const found = atEnd ? "end of file" : JSON.stringify(t.image);
  const rules = e.context?.ruleStack ?? [];
  const inValue = rules[rules.length - 1] === "primary" || rules[rules.length - 1] === "quantity";
  const expected = inValue && e.name === "NoViableAltException" ? "a value" : expectedFrom(e.message);
  if (e.name === "MismatchedTokenException" && expected) {
    diags.report("SYN1004", `expected ${expected} but found ${found}`, span, hintFor(expected));
  } else {
    diags.report("SYN1003", `unexpected ${found}${expected ? `, expected ${expected}` : ""}`, span, hintFor(expected));
  }
}

// chevrotain messages read "Expecting token of type --> RCurly <-- but found --> 'x' <--";
// we keep only the expected part and phrase it ourselves.
function expectedFrom(message: string): string | undefined {
  const m = /Expecting (?:token of type )?--> (.+?) <--/.exec(message);
  if (m) return friendly(m[1]!);
  if (/one of these possible Token sequences/.test(message)) {
    const alts = [...message.matchAll(/\[([^\]]+)\]/g)].map((x) => friendly(x[1]!.split(",")[0]!.trim()));
    return [...new Set(alts)].slice(0, 4).join(" or ") || undefined;
  }
  return undefined;
}

const FRIENDLY: Record<string, string> = {
  Identifier: "a name",
  StringLit: "a string",
  Quantity: "a number",
  DateLit: "a date",
  CurrencyCode: "a currency code",
  Equals: "'='",
  LCurly: "'{'",
  RCurly: "'}'",
  LSquare: "'['",
  RSquare: "']'",
  EOF: "end of file",
};

function friendly(name: string): string {
  return FRIENDLY[name] ?? name;
}

function hintFor(expected: string | undefined): string | undefined {
  if (expected === "'}'") return "a block opened with '{' is not closed";
  if (expected === "'='" || expected?.includes("'='")) return "settings are written `key = value`, blocks `name { ... }`";
  return undefined;
}

function endSpan(file: string, text: string) {
  // Line breaks as the lexer counts them: \n, \r\n and a lone \r.
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines.length;
  const column = (lines[lines.length - 1]?.length ?? 0) + 1;
  return spanAt(file, text.length, 0, line, column);
}
