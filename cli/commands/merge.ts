// `synth merge`: combines the outputs of `synth run --shard i/n` into the single-machine result.
import { isAbsolute, resolve } from "node:path";
import { flag, stringOpt, type CommandContext, type CommandSpec } from "../command.ts";
import { outDir } from "./run.ts";
import { EXIT } from "../exit-codes.ts";
import { usageError } from "../io.ts";

export const mergeCommand: CommandSpec = {
  name: "merge",
  summary: "combine the outputs of sharded runs into the single-machine result",
  usage: ["merge --out DIR SHARD_DIR..."],
  description: [
    "Takes the output directories of `synth run PLAN --shard i/n` (all n of them, in any order),",
    "checks that they belong to one plan and that no part file changed, and writes DIR exactly as",
    "one uninterrupted run on one machine would: the same files, bytes, sha256 and manifest. The",
    "phases that need the whole ledger (period close, trial balances, reconciliation, group",
    "consolidation, export) run here, on the totals the shards folded.",
  ].join("\n"),
  arguments: [{ name: "SHARD_DIR", description: "output directories of the shards" }],
  options: {
    out: { type: "string", value: "DIR", description: "where to write the merged output (required)" },
    quiet: { type: "boolean", short: "q", description: "no progress output" },
  },
  examples: [
    { comment: "merge three shards", command: "merge --out out/acme shards/0 shards/1 shards/2" },
  ],
  positionals: { min: 1, max: 10_000 },
  run: runMerge,
};

async function runMerge(ctx: CommandContext): Promise<number> {
  const out = outDir(stringOpt(ctx, "out"));
  if (out === undefined) throw usageError("merge needs --out DIR");
  const { mergeShards } = await import("../../engine/merge.ts");
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(ctx.io.cwd, p));
  await mergeShards(ctx.positionals.map(abs), { out: abs(out), progress: flag(ctx, "quiet") ? "none" : "auto" });
  return EXIT.ok;
}
