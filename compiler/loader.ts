// Source loading: the root file and its imports, parsed to ASTs. Import paths are relative to
// the importing file and may never leave the project root; cycles are reported, not followed.
import { posix } from "node:path";
import { parseText } from "../grammar/parse.ts";
import { buildAst } from "./ast-builder.ts";
import type { FileNode, ImportNode } from "./ast.ts";
import type { DiagnosticBag } from "../core/diagnostics.ts";
import { sha256 } from "../core/canonical.ts";

/** Reads a project-relative path; undefined when it does not exist. */
export interface SourceHost {
  readFile(path: string): string | undefined;
  /** Whether the path resolves, symbolic links followed, to a place outside the project root. */
  escapes?(path: string): boolean;
}

export interface SourceFile {
  /** Project-relative, forward slashes. */
  path: string;
  sha256: string;
}

export interface LoadedSources {
  /** Imports before importers, each file once. */
  files: FileNode[];
  sources: SourceFile[];
  texts: Map<string, string>;
}

export function loadSources(rootPath: string, rootText: string, host: SourceHost, diags: DiagnosticBag): LoadedSources {
  const out: LoadedSources = { files: [], sources: [], texts: new Map() };
  const state = { done: new Set<string>(), stack: [] as string[] };
  visit(rootPath, rootText, out, state, host, diags);
  return out;
}

function visit(
  path: string,
  text: string,
  out: LoadedSources,
  state: { done: Set<string>; stack: string[] },
  host: SourceHost,
  diags: DiagnosticBag,
): void {
  state.stack.push(path);
  out.texts.set(path, text);
  const ast = buildAst(parseText(text, path, diags).cst, path, diags);
  for (const imp of ast.imports) {
    const target = resolveImport(path, imp, diags);
    if (target === undefined || state.done.has(target)) continue;
    if (state.stack.includes(target)) {
      const chain = [...state.stack.slice(state.stack.indexOf(target)), target].join(" -> ");
      diags.report("SYN2008", `import cycle: ${chain}`, imp.span, "move what both files need into a third file");
      continue;
    }
    if (host.escapes?.(target)) {
      diags.report("SYN2009", `import "${imp.path}" leads outside the project root through a symbolic link`, imp.span, "copy the file into the project instead of linking to it");
      continue;
    }
    const importedText = host.readFile(target);
    if (importedText === undefined) {
      diags.report("SYN2007", `cannot find "${imp.path}" (looked for ${target})`, imp.span, "paths are relative to the importing file");
      continue;
    }
    visit(target, importedText, out, state, host, diags);
  }
  state.stack.pop();
  state.done.add(path);
  out.files.push(ast);
  out.sources.push({ path, sha256: sha256(text) });
}

function resolveImport(from: string, imp: ImportNode, diags: DiagnosticBag): string | undefined {
  if (posix.isAbsolute(imp.path) || /^[A-Za-z]:[\\/]/.test(imp.path)) {
    diags.report("SYN2009", `import "${imp.path}" is absolute`, imp.span, "write a path relative to this file");
    return undefined;
  }
  const target = posix.normalize(posix.join(posix.dirname(from), imp.path.replaceAll("\\", "/")));
  if (target.startsWith("../") || target === "..") {
    diags.report("SYN2009", `import "${imp.path}" leaves the project root`, imp.span, "keep shared fragments inside the project");
    return undefined;
  }
  return target;
}
