// Compiler diagnostics as the editor shows them: every one, with its code and hint. One found in
// an imported file is shown on the import that brings the file in, and points to where it is.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from "vscode-languageserver/node";
import type { Diagnostic, Severity, Span } from "../core/diagnostics.ts";
import { importTarget, reachable, uriOf, type Analysis } from "./analysis.ts";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function rangeOf(span: Span): Range {
  return {
    start: { line: span.start.line - 1, character: span.start.column - 1 },
    end: { line: span.end.line - 1, character: span.end.column - 1 },
  };
}

export function lspDiagnostics(a: Analysis): LspDiagnostic[] {
  const root = a.files.find((f) => f.path === a.path);
  return a.diagnostics.flatMap((d) => {
    if (d.span.file === a.path) return [convert(d, rangeOf(d.span))];
    // In an imported file: on the import of this document that leads to it.
    const via = root?.imports.find((imp) => reachable(a, importTarget(a.path, imp.path)).has(d.span.file));
    if (!via) return [];
    const at = `${d.span.file}:${d.span.start.line}:${d.span.start.column}`;
    const out = convert({ ...d, message: `in ${at}: ${d.message}` }, rangeOf(via.span));
    if (a.root) out.relatedInformation = [{ location: { uri: uriOf(a.root, d.span.file), range: rangeOf(d.span) }, message: d.message }];
    return [out];
  });
}

function convert(d: Diagnostic, range: Range): LspDiagnostic {
  const out: LspDiagnostic = {
    range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: "synth",
    message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
  };
  if (d.hint) out.data = { hint: d.hint };
  return out;
}
