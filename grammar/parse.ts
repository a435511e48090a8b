// Tokens -> CST, with recognition errors turned into positioned diagnostics.
import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import { parser } from "./parser.ts";
import { tokenize, tokenSpan, spanAt } from "./lexer.ts";
import { LCurly, LSquare, RCurly, RSquare } from "./tokens.ts";
import { DiagnosticBag, type Span } from "../core/diagnostics.ts";

export interface CstResult {
  cst: CstNode;
  tokens: IToken[];
}

/** The largest source file read (UTF-8 bytes): a scenario is a few kilobytes. */
export const MAX_SOURCE_BYTES = 1 << 20;
/** The deepest nesting of blocks and lists: real scenarios stay under 5. */
export const MAX_NESTING = 32;
/** Syntax errors reported per file before the rest of it is skipped. */
export const MAX_SYNTAX_ERRORS = 100;

const EMPTY: CstNode = { name: "file", children: {} };

/**
 * Any input ends in diagnostics, in time and memory bounded by the limits above: a file too
 * large is not lexed, one nested too deeply is not parsed, and after MAX_SYNTAX_ERRORS errors
 * the rest is skipped.
 */
export function parseText(text: string, file: string, diags: DiagnosticBag): CstResult {
  const bytes = text.length > MAX_SOURCE_BYTES / 4 ? Buffer.byteLength(text, "utf8") : text.length;
  if (bytes > MAX_SOURCE_BYTES) {
    diags.report("SYN1006", `${file} is ${bytes.toLocaleString("en-US")} bytes; a source file may have at most ${MAX_SOURCE_BYTES.toLocaleString("en-US")}`, spanAt(file, 0, 0, 1, 1), "split it into files joined with import");
    return { cst: EMPTY, tokens: [] };
  }
  const lexed = new DiagnosticBag();
  const tokens = tokenize(text, file, lexed);
  const kept = lexed.items.slice(0, MAX_SYNTAX_ERRORS);
  for (const d of kept) diags.report(d.code, d.message, d.span, d.hint);
  if (lexed.items.length > kept.length) return tooMany(file, lexed.items[kept.length]!.span, diags, tokens);
  const deep = tooDeep(tokens);
  if (deep) {
    diags.report("SYN1007", `nested more than ${MAX_NESTING} levels deep`, tokenSpan(file, deep), "blocks and lists nest a few levels at most; close the ones left open");
    return { cst: EMPTY, tokens };
  }
  parser.begin(tokens, MAX_SYNTAX_ERRORS - kept.length);
  const cst = parser.file();
  for (const e of parser.errors) reportParseError(e, file, text, diags);
  const stop = parser.stoppedAt;
  if (stop) return tooMany(file, Number.isNaN(stop.startOffset) || stop.tokenType?.name === "EOF" ? endSpan(file, text) : tokenSpan(file, stop), diags, tokens, cst);
  return { cst, tokens };
}

function tooMany(file: string, span: Span, diags: DiagnosticBag, tokens: IToken[], cst: CstNode = EMPTY): CstResult {
  diags.report("SYN1008", `more than ${MAX_SYNTAX_ERRORS} syntax errors in ${file}; the rest of it was not read`, span, "fix the first errors and check again");
  return { cst, tokens };
}

/** The first opening token nested deeper than MAX_NESTING, if any. */
function tooDeep(tokens: IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === LCurly || type === LSquare) {
      if (++depth > MAX_NESTING) return t;
    } else if ((type === RCurly || type === RSquare) && depth > 0) depth--;
  }
  return undefined;
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
