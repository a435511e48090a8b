// Command-line parsing with node:util parseArgs; every failure becomes one usage-error line.
import { parseArgs } from "node:util";
import { suggest } from "../core/diagnostics.ts";
import type { CommandSpec } from "./command.ts";
import { usageError } from "./io.ts";

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** The option every command accepts. */
export const HELP_OPTION = { type: "boolean", short: "h", description: "show this help" } as const;

export function parseCommandArgs(spec: CommandSpec, args: string[]): ParsedArgs {
  const options = { ...spec.options, help: HELP_OPTION };
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...("multiple" in o && o.multiple ? { multiple: true } : {}) }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: attachNegativeValues(spec, args), options: config, strict: true, allowPositionals: true });
  } catch (e) {
    throw usageError(explainParseError(spec, Object.keys(options), e));
  }
  const values = parsed.values as ParsedArgs["values"];
  if (values.help !== true) {
    checkChoices(spec, values);
    checkPositionals(spec, parsed.positionals);
  }
  return { values, positionals: parsed.positionals };
}

/**
 * `--workers -1` is read by parseArgs as an option named -1 ("argument is ambiguous"); a value
 * that starts with a minus and a digit is the option's value, so the command can say what is
 * wrong with it.
 */
function attachNegativeValues(spec: CommandSpec, args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    const name = a.startsWith("--") ? a.slice(2) : Object.keys(spec.options).find((k) => a === `-${spec.options[k]!.short}`);
    if (name && spec.options[name]?.type === "string" && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** parseArgs messages are long and node-flavoured; say the same in one synth line. */
function explainParseError(spec: CommandSpec, known: string[], e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ,]+)/.exec(message)?.[1] ?? "";
  const see = `see synth help ${spec.name}`;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const guess = option.startsWith("--") ? suggest(option.slice(2), known) : undefined;
    const mean = guess ? `; did you mean --${guess}?` : "";
    return `unknown option ${option} for ${spec.name}${mean} (${see})`;
  }
  if (message.includes("argument missing")) return `option ${longName(spec, option)} needs a value (${see})`;
  if (message.includes("does not take an argument")) return `option ${option} does not take a value (${see})`;
  return `${message.split(". ")[0]} (${see})`;
}

/** `-o` -> `--output` so the message names the option the help lists. */
function longName(spec: CommandSpec, option: string): string {
  if (option.startsWith("--")) return option;
  const short = option.slice(1);
  const hit = Object.entries(spec.options).find(([, o]) => o.short === short);
  return hit ? `--${hit[0]}` : option;
}

function checkChoices(spec: CommandSpec, values: ParsedArgs["values"]): void {
  for (const [name, o] of Object.entries(spec.options)) {
    const v = values[name];
    if (typeof v !== "string" || !o.choices || o.choices.includes(v)) continue;
    const guess = suggest(v, o.choices);
    const mean = guess ? `; did you mean ${guess}?` : "";
    throw usageError(`--${name} must be one of ${o.choices.join(", ")}, not "${v}"${mean}`);
  }
}

function checkPositionals(spec: CommandSpec, positionals: string[]): void {
  const { min, max } = spec.positionals;
  const usage = `usage: synth ${spec.usage[0] ?? spec.name}`;
  if (positionals.length < min) {
    const missing = spec.arguments[positionals.length]?.name ?? "an argument";
    throw usageError(`${spec.name}: missing ${missing}; ${usage}`);
  }
  if (positionals.length > max) {
    throw usageError(`${spec.name}: unexpected argument "${positionals[max]}"; ${usage}`);
  }
}
