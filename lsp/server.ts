// The language server: the protocol (vscode-languageserver) wired to the compiler. Every open
// document is compiled as `synth check` compiles it, on open and (debounced) on every change; a
// document that imports a changed one is checked again too.
import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { join } from "node:path";
import pkg from "../package.json";
import { analyze, fileOf, type Analysis } from "./analysis.ts";
import { completionAt } from "./completion.ts";
import { lspDiagnostics } from "./diagnostics.ts";
import { hoverAt } from "./hover.ts";
import { definitionAt, documentSymbols, formatEdits, LEGEND, quickFixes, semanticTokens } from "./navigation.ts";

export interface ServerOptions {
  /** Quiet time after a change before the document is compiled again (ms). */
  debounceMs?: number;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const debounce = options.debounceMs ?? 150;
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, { version: number; analysis: Analysis }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  // Imports are read from the editor when open there, so unsaved edits count.
  const overlay = (absolute: string) => documents.all().find((d) => fileOf(d.uri) === absolute)?.getText();

  const analysisOf = (doc: TextDocument): Analysis => {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.analysis;
    const analysis = analyze(doc.uri, doc.getText(), overlay);
    cache.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  };

  const validate = (doc: TextDocument): void => {
    cache.delete(doc.uri);
    const a = analysisOf(doc);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: lspDiagnostics(a) });
  };

  const schedule = (doc: TextDocument): void => {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) validate(current);
      }, debounce),
    );
  };

  /** Other open documents that import the changed one. */
  const dependents = (changed: TextDocument): TextDocument[] => {
    const file = fileOf(changed.uri);
    return documents.all().filter((d) => {
      if (d.uri === changed.uri) return false;
      const a = cache.get(d.uri)?.analysis;
      return file !== undefined && a?.root !== undefined && [...a.texts.keys()].some((p) => join(a.root!, p) === file);
    });
  };

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [" ", "=", "["] },
        definitionProvider: true,
        documentFormattingProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: true,
        semanticTokensProvider: { legend: LEGEND, full: true },
      },
      serverInfo: { name: "synth", version: pkg.version },
    }),
  );

  documents.onDidChangeContent((e) => {
    if (!cache.has(e.document.uri)) validate(e.document);
    else schedule(e.document);
    for (const d of dependents(e.document)) schedule(d);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    cache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const withDoc = <R>(uri: string, fallback: R, f: (doc: TextDocument, a: Analysis) => R): R => {
    const doc = documents.get(uri);
    return doc ? f(doc, analysisOf(doc)) : fallback;
  };

  connection.onHover((p) =>
    withDoc(p.textDocument.uri, null, (doc, a) => {
      const value = hoverAt(doc.getText(), doc.offsetAt(p.position), a);
      return value ? { contents: { kind: "markdown", value } } : null;
    }),
  );
  connection.onCompletion((p) => withDoc(p.textDocument.uri, [], (doc, a) => completionAt(doc.getText(), doc.offsetAt(p.position), a, p.context?.triggerCharacter)));
  connection.onDefinition((p) => withDoc(p.textDocument.uri, null, (doc, a) => definitionAt(doc.getText(), doc.offsetAt(p.position), a) ?? null));
  connection.onDocumentFormatting((p) => withDoc(p.textDocument.uri, [], (doc, a) => formatEdits(doc, a.path)));
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (_doc, a) => documentSymbols(a)));
  connection.onCodeAction((p) => quickFixes(p.textDocument.uri, p.context.diagnostics));
  connection.languages.semanticTokens.on((p) => withDoc(p.textDocument.uri, { data: [] }, (doc, a) => ({ data: semanticTokens(doc.getText(), a) })));

  documents.listen(connection);
  connection.listen();
}
