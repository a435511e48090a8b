// The shape every command has: its options (which drive both parsing and help) and a run
// function. Adding a command is adding one of these to the table in commands/index.ts.
import type { Io } from "./io.ts";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** Placeholder shown in help for a string option's value, e.g. PLAN. */
  value?: string;
  description: string;
  /** Accepted values of a string option; anything else is a usage error. */
  choices?: readonly string[];
  /** A string option that may be given more than once: its value is then a list. */
  multiple?: boolean;
}

export interface CommandContext {
  io: Io;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface CommandSpec {
  name: string;
  /** One lower-case line for the command list. */
  summary: string;
  /** Usage lines, without the leading `synth `. */
  usage: string[];
  /** A short paragraph for the command's help. */
  description: string;
  arguments: { name: string; description: string }[];
  options: Record<string, OptionSpec>;
  examples: { comment: string; command: string }[];
  positionals: { min: number; max: number };
  run(ctx: CommandContext): Promise<number>;
}

/** Typed access to a parsed string option. */
export function stringOpt(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === "string" ? v : undefined;
}

/** Every value of a repeatable string option (`--currency USD --currency EUR`), in order. */
export function listOpt(ctx: CommandContext, name: string): string[] {
  const v = ctx.values[name];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}

export function flag(ctx: CommandContext, name: string): boolean {
  return ctx.values[name] === true;
}
