// `synth fmt`: prints a .synth file in canonical layout (comments kept, literals as written).
import { flag, type CommandContext, type CommandSpec } from "../command.ts";
import { EXIT } from "../exit-codes.ts";
import { readInput, writeAtomic } from "../files.ts";
import { renderDiagnostics } from "../render-diagnostics.ts";

export const fmtCommand: CommandSpec = {
  name: "fmt",
  summary: "format .synth files in the canonical layout",
  usage: ["fmt FILE... [--write | --check]"],
  description: [
    "Prints each FILE in the canonical layout: two-space indent, one setting per line, a blank",
    "line between top-level blocks, imports then constants first. A short block written on one",
    "line stays on one line (consecutive ones of the same kind line up as a table); a list too",
    "long for 100 columns wraps under its first item. Comments are kept and literals stay as",
    "written (10k stays 10k). A file with syntax errors is left alone and",
    "its errors are reported. --write rewrites the files in place; --check changes nothing and",
    "exits 1 if a file is not formatted (for CI).",
  ].join("\n"),
  arguments: [{ name: "FILE", description: "one or more .synth files" }],
  options: {
    write: { type: "boolean", short: "w", description: "rewrite the files in place" },
    check: { type: "boolean", description: "exit 1 if any file is not formatted; write nothing" },
  },
  examples: [
    { comment: "format every scenario in place", command: "fmt --write scenarios/*.synth" },
    { comment: "in CI: fail on unformatted files", command: "fmt --check scenarios/*.synth" },
  ],
  positionals: { min: 1, max: 10_000 },
  run: runFmt,
};

async function runFmt(ctx: CommandContext): Promise<number> {
  const { formatSynth } = await import("../../compiler/format.ts");
  let status: number = EXIT.ok;
  for (const file of ctx.positionals) {
    const text = readInput(ctx.io.cwd, file);
    const r = formatSynth(text, { path: file });
    if (r.diagnostics.some((d) => d.severity === "error")) {
      ctx.io.err(renderDiagnostics(r.diagnostics, new Map([[file, text]]), { color: ctx.io.color, summary: true }));
      status = EXIT.failed;
    } else if (flag(ctx, "check")) {
      if (r.text !== text) {
        ctx.io.err(`${file}: not formatted (run synth fmt --write ${file})\n`);
        status = EXIT.failed;
      }
    } else if (flag(ctx, "write")) {
      if (r.text !== text) writeAtomic(ctx.io.cwd, file, r.text);
    } else {
      ctx.io.out(r.text);
    }
  }
  return status;
}
