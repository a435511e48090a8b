// One open document compiled as `synth check` would compile it: its project root, its
// project-relative path, every diagnostic, and the parsed files (itself and its imports) that
// hover, definition and completion read. Open documents are read from the editor, not the disk.
import { dirname, join, posix } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compile } from "../compiler/compile.ts";
import { loadSources, type SourceHost } from "../compiler/loader.ts";
import { findProjectRoot, fsHost, projectPath } from "../compiler/project.ts";
import type { FileNode } from "../compiler/ast.ts";
import { DiagnosticBag, type Diagnostic } from "../core/diagnostics.ts";

export interface Analysis {
  uri: string;
  /** Absolute project root, or undefined for a document that is not a file (untitled). */
  root?: string;
  /** Project-relative path of the document, as spans name it. */
  path: string;
  diagnostics: Diagnostic[];
  /** The document and every file it imports, parsed (imports first, the document last). */
  files: FileNode[];
  texts: Map<string, string>;
}

/** Reads a document by absolute path from the editor's open documents, if open there. */
export type Overlay = (absolutePath: string) => string | undefined;

export function fileOf(uri: string): string | undefined {
  return uri.startsWith("file:") ? fileURLToPath(uri) : undefined;
}

export function uriOf(root: string, path: string): string {
  return pathToFileURL(join(root, path)).href;
}

export function analyze(uri: string, text: string, overlay: Overlay): Analysis {
  const file = fileOf(uri);
  const root = file ? findProjectRoot(dirname(file)) : undefined;
  const path = file && root ? projectPath(root, file) : untitledName(uri);
  const host = root ? overlayHost(root, overlay) : { readFile: () => undefined };
  const result = compile(text, { path, host });
  // The ASTs again, for navigation: a parse is cheap next to the compile.
  const loaded = loadSources(path, text, host, new DiagnosticBag());
  return { uri, root, path, diagnostics: result.diagnostics, files: loaded.files, texts: loaded.texts };
}

/** Files are read from the open documents first, then from the disk (within the project root). */
function overlayHost(root: string, overlay: Overlay): SourceHost {
  const disk = fsHost(root);
  return {
    escapes: disk.escapes,
    readFile: (path) => (disk.escapes?.(path) ? undefined : (overlay(join(root, path)) ?? disk.readFile(path))),
  };
}

function untitledName(uri: string): string {
  const last = uri.split(/[/:]/).pop() || "untitled";
  return last.endsWith(".synth") ? last : `${last}.synth`;
}

/** The file an import of `from` names, project-relative (as the loader resolves it). */
export function importTarget(from: string, path: string): string {
  return posix.normalize(posix.join(posix.dirname(from), path.replaceAll("\\", "/")));
}

/** Every file reachable from `path` through imports (itself included). */
export function reachable(a: Analysis, path: string): Set<string> {
  const byPath = new Map(a.files.map((f) => [f.path, f]));
  const seen = new Set<string>();
  const visit = (p: string) => {
    if (seen.has(p)) return;
    seen.add(p);
    for (const imp of byPath.get(p)?.imports ?? []) visit(importTarget(p, imp.path));
  };
  visit(path);
  return seen;
}
