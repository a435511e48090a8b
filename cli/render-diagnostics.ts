// Diagnostics -> text, rustc style: a header, the location, the source line with carets under
// the span and the hint after them. Pure (a string out) so it can be golden-tested.
import kleur from "kleur";
import type { Diagnostic, Severity } from "../core/diagnostics.ts";

export interface RenderOptions {
  color: boolean;
  /** End with a summary line such as `2 errors, 1 warning emitted` (default true). */
  summary?: boolean;
  /** How a span's project-relative file is shown (default: as is). */
  displayPath?: (file: string) => string;
}

/** Columns a tab is shown as; tabs are expanded so carets stay under the right characters. */
const TAB_WIDTH = 4;

type Paint = (s: string) => string;

interface Palette {
  severity: Record<Severity, Paint>;
  bold: Paint;
  gutter: Paint;
}

export function renderDiagnostics(
  diags: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: RenderOptions,
): string {
  // kleur's switch is global: set it for this call only, so the output depends on options alone
  const saved = kleur.enabled;
  kleur.enabled = options.color;
  try {
    const p = palette();
    const blocks = diags.map((d) => renderOne(d, sources.get(d.span.file), p, options.displayPath ?? ((f) => f)));
    const summary = options.summary === false ? "" : summaryLine(diags);
    if (summary) blocks.push(paintSummary(summary, diags, p) + "\n");
    return blocks.join("\n");
  } finally {
    kleur.enabled = saved;
  }
}

/** `2 errors, 1 warning` (no suffix); empty when there is nothing to count. */
export function countSummary(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === "error").length;
  const warnings = diags.filter((d) => d.severity === "warning").length;
  const parts: string[] = [];
  if (errors > 0) parts.push(plural(errors, "error"));
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  return parts.join(", ");
}

function summaryLine(diags: readonly Diagnostic[]): string {
  const counts = countSummary(diags);
  return counts ? `${counts} emitted` : "";
}

function paintSummary(line: string, diags: readonly Diagnostic[], p: Palette): string {
  const worst: Severity = diags.some((d) => d.severity === "error") ? "error" : "warning";
  return p.severity[worst](line);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function palette(): Palette {
  return {
    severity: {
      error: (s) => kleur.bold().red(s),
      warning: (s) => kleur.bold().yellow(s),
      info: (s) => kleur.bold().cyan(s),
    },
    bold: (s) => kleur.bold(s),
    gutter: (s) => kleur.bold().blue(s),
  };
}

function renderOne(d: Diagnostic, text: string | undefined, p: Palette, displayPath: (f: string) => string): string {
  const { start } = d.span;
  const width = String(start.line).length;
  const pad = " ".repeat(width);
  const lines = [
    `${p.severity[d.severity](`${d.severity}[${d.code}]`)}${p.bold(`: ${d.message}`)}`,
    `${pad}${p.gutter("-->")} ${displayPath(d.span.file)}:${start.line}:${start.column}`,
  ];
  const snippet = text === undefined ? undefined : sourceLine(text, start.line);
  if (snippet === undefined) {
    if (d.hint) lines.push(`${pad} ${p.gutter("=")} ${p.bold("hint:")} ${d.hint}`);
    return lines.join("\n") + "\n";
  }
  const view = clip(snippet, spanColumns(snippet, d));
  const offset = displayWidth(view.text.slice(0, view.from));
  const count = Math.max(1, displayWidth(view.text.slice(view.from, view.to)));
  const label = d.hint ? ` ${p.severity[d.severity](d.hint)}` : "";
  lines.push(
    `${pad} ${p.gutter("|")}`,
    `${p.gutter(`${start.line} |`)} ${expandTabs(view.text)}`.trimEnd(),
    `${pad} ${p.gutter("|")} ${" ".repeat(offset)}${p.severity[d.severity]("^".repeat(count))}${label}`,
  );
  return lines.join("\n") + "\n";
}

/** The 1-based line of `text`, without its line break; undefined when out of range. */
function sourceLine(text: string, line: number): string | undefined {
  if (line < 1) return undefined;
  // Walks to the line instead of splitting the whole text: a file can be a megabyte on one line.
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", at);
    if (nl < 0) return undefined;
    at = nl + 1;
  }
  const end = text.indexOf("\n", at);
  return text.slice(at, end < 0 ? text.length : end).replace(/\r$/, "");
}

/** The span's part of this line as indexes, at least one character wide where the line allows. */
function spanColumns(line: string, d: Diagnostic): { from: number; to: number } {
  const { start, end } = d.span;
  const from = Math.min(Math.max(start.column - 1, 0), line.length);
  // a span that runs onto later lines is underlined to the end of its first line
  const to = end.line === start.line ? Math.min(Math.max(end.column - 1, from), line.length) : line.length;
  return { from, to };
}

/** Characters of a source line shown at most; a longer line is cut around the span, marked with "…". */
const MAX_SHOWN = 160;

function clip(line: string, cols: { from: number; to: number }): { text: string; from: number; to: number } {
  if (line.length <= MAX_SHOWN) return { text: line, ...cols };
  const start = Math.max(0, Math.min(cols.from - 40, line.length - MAX_SHOWN));
  const end = Math.min(line.length, start + MAX_SHOWN);
  const head = start > 0 ? "…" : "";
  const tail = end < line.length ? "…" : "";
  const shift = head.length - start;
  return { text: head + line.slice(start, end) + tail, from: cols.from + shift, to: Math.min(cols.to, end) + shift };
}

function expandTabs(s: string): string {
  return s.replaceAll("\t", " ".repeat(TAB_WIDTH));
}

/** Columns a string takes on screen: tabs expanded, astral characters counted once. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch === "\t" ? TAB_WIDTH : 1;
  return w;
}
