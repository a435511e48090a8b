// Text -> tokens, with lexing errors turned into diagnostics.
import { createTokenInstance, Lexer, type IToken } from "chevrotain";
import { allTokens, Identifier, Per, Quantity, StringLit, UnterminatedComment, UnterminatedString } from "./tokens.ts";
import type { DiagnosticBag, Span } from "../core/diagnostics.ts";

export const lexer = new Lexer(allTokens, { positionTracking: "full", ensureOptimizations: false });

export function tokenize(text: string, file: string, diags: DiagnosticBag): IToken[] {
  const result = lexer.tokenize(text);
  for (const e of result.errors) {
    const span = spanAt(file, e.offset, e.length, e.line ?? 1, e.column ?? 1);
    const ch = text.slice(e.offset, e.offset + e.length);
    if (ch === "/" && slashRate(result.tokens, e.offset, span, diags)) continue;
    diags.report("SYN1001", `unexpected character ${JSON.stringify(ch)}`, span, "remove it, or quote it in a string");
  }
  for (const t of result.groups.unterminated ?? []) {
    if (t.tokenType !== UnterminatedComment) continue;
    // Only the opening `/*`: the comment itself runs to the end of the file.
    const span = spanAt(file, t.startOffset, 2, t.startLine ?? 1, t.startColumn ?? 1);
    diags.report("SYN1002", "unterminated comment", span, "close the comment with */");
  }
  for (const t of result.tokens) {
    if (t.tokenType !== UnterminatedString) continue;
    diags.report("SYN1002", "unterminated string", tokenSpan(file, t), 'close the string with " on the same line');
    // Recovery: parse it as the string it was meant to be, so nothing else cascades.
    t.tokenType = StringLit;
    t.tokenTypeIdx = StringLit.tokenTypeIdx!;
  }
  return result.tokens;
}

/**
 * `4000/month` means `4000 per month`: one clear error, and the slash is read as `per` so the
 * rest of the line parses instead of cascading into more errors.
 */
function slashRate(tokens: IToken[], offset: number, span: Span, diags: DiagnosticBag): boolean {
  const i = tokens.findIndex((t) => t.startOffset > offset);
  const before = tokens[i - 1];
  const after = tokens[i];
  if (i < 1 || before?.tokenType !== Quantity || before.endOffset !== offset - 1 || after?.tokenType !== Identifier || after.startOffset !== offset + 1) return false;
  const written = `${before.image} per ${after.image}`;
  diags.report("SYN1001", `a rate is written with per, not "/": ${written}`, span, `write ${written}`);
  tokens.splice(i, 0, createTokenInstance(Per, "per", offset, offset, span.start.line, span.start.line, span.start.column, span.start.column));
  return true;
}

export function tokenSpan(file: string, t: IToken): Span {
  return spanAt(file, t.startOffset, t.image.length, t.startLine ?? 1, t.startColumn ?? 1);
}

/** Builds a span from a start position and a length; tokens never span lines except comments. */
export function spanAt(file: string, offset: number, length: number, line: number, column: number): Span {
  return {
    file,
    start: { line, column, offset },
    end: { line, column: column + length, offset: offset + length },
  };
}

/** Span from the start of one token to the end of another. */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: b.end };
}
