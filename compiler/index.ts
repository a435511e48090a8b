// Public surface of the compiler: .synth text -> checked model -> plan, with diagnostics.
export { compile, type CompileOptions, type CompileResult } from "./compile.ts";
export { CATALOG, hasErrors, sortDiagnostics, type Diagnostic, type DiagnosticCode, type Severity, type Span } from "../core/diagnostics.ts";
export { canonicalJson, hashOf, sha256 } from "../core/canonical.ts";
export { findProjectRoot, fsHost, projectPath } from "./project.ts";
export type { SourceHost } from "./loader.ts";
export * as units from "../specs/units.ts";
