// `synth graph`: the phase DAG of a scenario or a plan, as Mermaid or Graphviz DOT.
import { toDot, toMermaid } from "../../compiler/graph.ts";
import { stringOpt, type CommandContext, type CommandSpec } from "../command.ts";
import { loadPlanOrCompile } from "../compile-source.ts";
import { EXIT } from "../exit-codes.ts";
import { writeAtomic } from "../files.ts";

export const graphCommand: CommandSpec = {
  name: "graph",
  summary: "print the phase graph of a scenario or a plan (mermaid or dot)",
  usage: ["graph FILE [--format mermaid|dot] [-o OUT]"],
  description: [
    "Prints the phases in execution order as a graph: one node per phase, styled by status",
    "(run, skipped with its reason, disabled); solid edges are needs, dashed edges are `after`",
    "ordering. FILE is a .synth scenario (compiled first) or a plan file (.json, .yaml).",
  ].join("\n"),
  arguments: [{ name: "FILE", description: "a .synth scenario or a compiled plan" }],
  options: {
    format: { type: "string", choices: ["mermaid", "dot"], description: "graph language (default: mermaid)" },
    output: { type: "string", short: "o", value: "OUT", description: "write the graph to OUT instead of stdout" },
  },
  examples: [
    { comment: "paste the phase graph into a Markdown doc", command: "graph scenarios/acme.synth" },
    { comment: "render a committed plan with Graphviz", command: "graph scenarios/acme.plan.json --format dot | dot -Tsvg -o phases.svg" },
  ],
  positionals: { min: 1, max: 1 },
  run: runGraph,
};

async function runGraph(ctx: CommandContext): Promise<number> {
  const file = ctx.positionals[0]!;
  const plan = await loadPlanOrCompile(ctx.io, file);
  if (!plan) return EXIT.failed;
  const text = stringOpt(ctx, "format") === "dot" ? toDot(plan) : toMermaid(plan);
  const output = stringOpt(ctx, "output");
  if (output === undefined) ctx.io.out(text);
  else writeAtomic(ctx.io.cwd, output, text);
  return EXIT.ok;
}
