// Golden-file support shared by compiler tests: update-mode detection, a source host over a
// folder, and the one-line diagnostic format the expected files use.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, normalize, sep } from "node:path";
import type { Diagnostic } from "../../core/diagnostics.ts";
import type { SourceHost } from "../../compiler/loader.ts";

/**
 * True when goldens should be rewritten instead of compared.
 *
 * Bun 1.4 does not pass `--update-snapshots` / `-u` through to `process.argv` or `Bun.argv` of
 * the test process, so we also read the real command line from /proc/self/cmdline (Linux).
 * Where /proc is not available (macOS, Windows), set UPDATE_GOLDEN=1 instead:
 *   UPDATE_GOLDEN=1 bun test test/compiler
 */
export function isUpdateMode(): boolean {
  if (process.env.UPDATE_GOLDEN === "1" || process.env.UPDATE_GOLDEN === "true") return true;
  const argv = [...process.argv, ...Bun.argv, ...procCmdline()];
  return argv.some((a) => a === "--update-snapshots" || a === "-u");
}

function procCmdline(): string[] {
  try {
    return readFileSync("/proc/self/cmdline", "utf8").split("\0");
  } catch {
    return [];
  }
}

/** `file:line:col severity code message [| hint]`: one line per diagnostic. */
export function diagnosticLine(d: Diagnostic): string {
  const at = `${d.span.file}:${d.span.start.line}:${d.span.start.column}`;
  const text = `${at} ${d.severity} ${d.code} ${d.message}${d.hint !== undefined ? ` | ${d.hint}` : ""}`;
  // Keep one diagnostic per line even if a message ever carries a newline.
  return text.replace(/\r?\n/g, "\\n");
}

export function diagnosticsText(diags: readonly Diagnostic[]): string {
  return diags.map((d) => diagnosticLine(d) + "\n").join("");
}

/** Reads project-relative paths inside `root` only (imports may not leave it). */
export function folderHost(root: string): SourceHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(path: string): string | undefined {
      reads.push(path);
      const full = normalize(join(root, path));
      if (!full.startsWith(normalize(root) + sep)) return undefined;
      try {
        return statSync(full).isFile() ? readFileSync(full, "utf8") : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Sub-folders of `dir` that hold an input.synth, sorted by name. */
export function goldenCases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "input.synth")))
    .sort();
}
