// Diagnostics are data: stages collect them; only the CLI / API boundary prints them.

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** 0-based character offset. */
  offset: number;
}

export interface Span {
  /** Path relative to the scenario's project root (never absolute). */
  file: string;
  start: Position;
  end: Position;
}

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
  hint?: string;
}

/** The one catalog of stable codes: SYN1xxx syntax, SYN2xxx names, SYN3xxx semantics, SYN4xxx plans, SYN5xxx imports. */
export const CATALOG = {
  // syntax
  SYN1001: { severity: "error", title: "unexpected character" },
  SYN1002: { severity: "error", title: "unterminated string or comment" },
  SYN1003: { severity: "error", title: "unexpected token" },
  SYN1004: { severity: "error", title: "missing token" },
  SYN1005: { severity: "error", title: "malformed literal" },
  SYN1006: { severity: "error", title: "source file too large" },
  SYN1007: { severity: "error", title: "nested too deeply" },
  SYN1008: { severity: "error", title: "too many syntax errors" },
  // names
  SYN2001: { severity: "error", title: "unknown block" },
  SYN2002: { severity: "error", title: "unknown key" },
  SYN2003: { severity: "error", title: "unknown phase" },
  SYN2004: { severity: "error", title: "unknown constant" },
  SYN2005: { severity: "error", title: "duplicate definition" },
  SYN2006: { severity: "error", title: "unknown value" },
  SYN2007: { severity: "error", title: "import not found" },
  SYN2008: { severity: "error", title: "import cycle" },
  SYN2009: { severity: "error", title: "import outside project root" },
  SYN2010: { severity: "warning", title: "constant shadows a keyword value" },
  SYN2011: { severity: "error", title: "unknown process chain" },
  SYN2012: { severity: "warning", title: "unused constant" },
  // semantics
  SYN3001: { severity: "error", title: "wrong unit" },
  SYN3002: { severity: "error", title: "value out of range" },
  SYN3003: { severity: "error", title: "wrong value type" },
  SYN3004: { severity: "error", title: "missing required setting" },
  SYN3005: { severity: "error", title: "dependency cycle" },
  SYN3006: { severity: "warning", title: "phase skipped: a need is disabled" },
  SYN3007: { severity: "error", title: "company shares do not add up" },
  SYN3008: { severity: "error", title: "invalid date" },
  SYN3009: { severity: "error", title: "missing block label" },
  SYN3010: { severity: "error", title: "unexpected block label" },
  SYN3011: { severity: "error", title: "distribution does not add up" },
  SYN3012: { severity: "error", title: "unknown currency" },
  SYN3013: { severity: "error", title: "invalid range" },
  SYN3014: { severity: "info", title: "phase not yet implemented by the runtime" },
  SYN3015: { severity: "warning", title: "no scenario block: defaults apply" },
  SYN3016: { severity: "error", title: "invalid account" },
  SYN3017: { severity: "warning", title: "ordering after a disabled phase has no effect" },
  SYN3018: { severity: "error", title: "output table of a phase that does not run" },
  SYN3019: { severity: "warning", title: "the business plan loses money" },
  SYN3020: { severity: "warning", title: "the payroll does not fit the stated revenue" },
  // plans
  SYN4001: { severity: "error", title: "plan is not valid" },
  SYN4002: { severity: "error", title: "plan is stale" },
  SYN4003: { severity: "error", title: "file not readable" },
  // imports of other tools' configs (synth import)
  SYN5001: { severity: "warning", title: "imported config key has no synth equivalent" },
  SYN5002: { severity: "warning", title: "not a key of the imported format" },
  SYN5003: { severity: "info", title: "imported approximately" },
  SYN5004: { severity: "error", title: "invalid value in the imported config" },
  SYN5005: { severity: "error", title: "not a readable config" },
  SYN5006: { severity: "info", title: "disabled section: nothing to import" },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type DiagnosticCode = keyof typeof CATALOG;

/** Collects diagnostics for one compilation; the catalog decides severity. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  report(code: DiagnosticCode, message: string, span: Span, hint?: string): void {
    const d: Diagnostic = { code, severity: CATALOG[code].severity, message, span };
    if (hint !== undefined) d.hint = hint;
    this.items.push(d);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

/** Stable order: file, offset, code, so output never depends on check order. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort(
    (a, b) =>
      cmp(a.span.file, b.span.file) ||
      a.span.start.offset - b.span.start.offset ||
      cmp(a.code, b.code) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A span covering a whole file's start, for diagnostics without a better location. */
export function fileSpan(file: string): Span {
  const p = { line: 1, column: 1, offset: 0 };
  return { file, start: p, end: p };
}

/** Levenshtein-based suggestion: "did you mean manufacturing?" */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDist <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const s = suggest(word, candidates);
  return s === undefined ? undefined : `did you mean ${s}?`;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
