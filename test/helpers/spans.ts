// Span sanity for diagnostics: every position must point into the text it names, and its
// line/column must agree with its offset (chevrotain counts \n, \r\n and a lone \r as breaks).
import type { Diagnostic, Position } from "../../core/diagnostics.ts";

/** 1-based line and column of a 0-based offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Problems with one diagnostic's span (empty when it is fine). */
export function spanProblems(d: Diagnostic, sources: ReadonlyMap<string, string>): string[] {
  const text = sources.get(d.span.file);
  if (text === undefined) return [`${d.code}: span names unknown file ${d.span.file}`];
  const problems: string[] = [];
  const check = (which: string, p: Position) => {
    const ok = Number.isInteger(p.line) && Number.isInteger(p.column) && Number.isInteger(p.offset);
    if (!ok || p.line < 1 || p.column < 1) problems.push(`${which} ${JSON.stringify(p)} is not 1-based`);
    else if (p.offset < 0 || p.offset > text.length) problems.push(`${which} offset ${p.offset} outside [0, ${text.length}]`);
    else {
      const want = positionOf(text, p.offset);
      if (want.line !== p.line || want.column !== p.column) {
        problems.push(`${which} ${p.line}:${p.column} disagrees with offset ${p.offset} (${want.line}:${want.column})`);
      }
    }
  };
  check("start", d.span.start);
  check("end", d.span.end);
  if (d.span.end.offset < d.span.start.offset) problems.push(`end ${d.span.end.offset} before start ${d.span.start.offset}`);
  return problems.map((p) => `${d.code} "${d.message}": ${p}`);
}

export function allSpanProblems(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string[] {
  return diags.flatMap((d) => spanProblems(d, sources));
}
