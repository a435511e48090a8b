// `synth init`: scaffolds a project (scenario, root marker, compiled plan, CI job, README).
// Asks on a terminal for what the flags do not say; with flags, --yes or no terminal it asks
// nothing. It never overwrites: if any file it would write exists, it writes none.
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { flag, listOpt, stringOpt, type CommandContext, type CommandSpec } from "../command.ts";
import { EXIT } from "../exit-codes.ts";
import { displayPath, writeAtomic } from "../files.ts";
import { CliError, usageError, type Io } from "../io.ts";
import { INDUSTRIES, type Industry } from "../../specs/industries.ts";
import { isKnownCurrency } from "../../specs/currencies.ts";
import { suggest } from "../../core/diagnostics.ts";
import { CI_FILES, CI_KINDS, ciText, MARKER_FILE, MARKER_TEXT, PLAN_FILE, README_FILE, readmeText, SCENARIO_FILE, scenarioText, type CiKind, type InitAnswers } from "../scaffold.ts";

const MAX_COMPANIES = 50;

export const initCommand: CommandSpec = {
  name: "init",
  summary: "create a new synth project: scenario, compiled plan, CI check and README",
  usage: ["init [DIR] [--name NAME] [--industry X] [--companies N] [--currency C]... [--ci github|gitlab|none] [--yes]"],
  description: [
    `Creates, in DIR (default: the current directory, created if missing), ${SCENARIO_FILE} (a`,
    `scenario that compiles and runs as is), ${MARKER_FILE} (the project root marker), ${PLAN_FILE}`,
    `(the compiled plan, to commit), README.md and a CI job that runs \`synth compile --check\`.`,
    "On a terminal it asks for the name, industry, number of companies and currencies the flags",
    "do not give; with --yes, or without a terminal, it takes the defaults instead. It never",
    "overwrites: when any of these files exists it writes nothing and exits 5.",
    "--currency may be repeated (or comma-separated): the first is the group currency, and the",
    "companies take the currencies in turn; each company's country follows its currency.",
  ].join("\n"),
  arguments: [{ name: "DIR", description: "the project directory (default: .)" }],
  options: {
    name: { type: "string", value: "NAME", description: "scenario name (default: the directory's name)" },
    industry: { type: "string", choices: INDUSTRIES, description: "industry preset (default: manufacturing)" },
    companies: { type: "string", value: "N", description: `companies in the group, 1..${MAX_COMPANIES} (default: 1)` },
    currency: { type: "string", value: "C", multiple: true, description: "currency of the companies, repeatable: USD, EUR ... (default: USD)" },
    ci: { type: "string", choices: CI_KINDS, description: "CI job to write (default: github, .github/workflows/synth.yml)" },
    yes: { type: "boolean", short: "y", description: "ask nothing: defaults for what the flags do not say" },
  },
  examples: [
    { comment: "answer a few questions, in a new directory", command: "init acme" },
    { comment: "in a script: everything from flags", command: "init acme --industry retail --companies 2 --currency USD --currency EUR --yes" },
  ],
  positionals: { min: 0, max: 1 },
  run: runInit,
};

async function runInit(ctx: CommandContext): Promise<number> {
  const dirArg = ctx.positionals[0] ?? ".";
  const dir = resolve(ctx.io.cwd, dirArg);
  const given = fromFlags(ctx);
  const ask = flag(ctx, "yes") ? undefined : ctx.io.ask;
  const answers = ask ? await interview(ctx.io, ask, given, dir) : withDefaults(given, dir);
  const files = filesOf(answers);
  refuseExisting(ctx.io, dir, [...files.keys(), PLAN_FILE]);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new CliError(`cannot create ${dirArg}: a file is in the way`, EXIT.cantWrite);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeAtomic(dir, name, text);
  const plan = await compilePlan(ctx.io, dir);
  writeAtomic(dir, PLAN_FILE, plan);
  const shown = (f: string) => displayPath(ctx.io.cwd, join(dir, f));
  ctx.io.err(`created ${[...files.keys(), PLAN_FILE].map(shown).join(", ")}\n`);
  ctx.io.err(`next: synth run ${shown(SCENARIO_FILE)}   (or --scale 0.1 for a quick preview)\n`);
  return EXIT.ok;
}

type Given = Partial<InitAnswers>;

function fromFlags(ctx: CommandContext): Given {
  const g: Given = {};
  const name = stringOpt(ctx, "name");
  if (name !== undefined) g.name = checkName(name);
  const industry = stringOpt(ctx, "industry");
  if (industry !== undefined) g.industry = industry as Industry;
  const companies = stringOpt(ctx, "companies");
  if (companies !== undefined) g.companies = checkCompanies(companies);
  const currencies = listOpt(ctx, "currency").flatMap((c) => c.split(",")).map((c) => c.trim()).filter(Boolean);
  if (currencies.length) g.currencies = currencies.map(checkCurrency);
  const ci = stringOpt(ctx, "ci");
  if (ci !== undefined) g.ci = ci as CiKind;
  return g;
}

function withDefaults(g: Given, dir: string): InitAnswers {
  return {
    name: g.name ?? defaultName(dir),
    industry: g.industry ?? "manufacturing",
    companies: g.companies ?? Math.max(1, g.currencies?.length ?? 1),
    currencies: g.currencies ?? ["USD"],
    ci: g.ci ?? "github",
  };
}

/** "acme-group" -> "Acme Group". */
function defaultName(dir: string): string {
  const words = basename(dir).split(/[-_\s.]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");
  return name || "My Scenario";
}

/** Asks for what the flags did not give; an empty answer takes the default shown in brackets. */
async function interview(io: Io, ask: NonNullable<Io["ask"]>, g: Given, dir: string): Promise<InitAnswers> {
  const d = withDefaults(g, dir);
  const q = async <T>(question: string, def: string, read: (s: string) => T): Promise<T> => {
    for (;;) {
      const answer = await ask(`${question} [${def}]: `);
      if (answer === undefined) throw usageError("init: input ended before every question was answered (use flags and --yes in scripts)");
      try {
        return read(answer.trim() === "" ? def : answer.trim());
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        io.err(`  ${e.message}\n`);
      }
    }
  };
  const name = g.name ?? (await q("Scenario name", d.name, checkName));
  const industry = g.industry ?? (await q(`Industry (${INDUSTRIES.join(", ")})`, d.industry, checkIndustry));
  const companies = g.companies ?? (await q("Companies in the group", String(d.companies), checkCompanies));
  const currencies = g.currencies ?? (await q("Currencies, the group's first (e.g. USD, EUR)", d.currencies.join(", "), (s) => s.split(/[\s,]+/).filter(Boolean).map(checkCurrency)));
  return { name, industry, companies, currencies, ci: d.ci };
}

function checkName(s: string): string {
  if (!s.trim() || /["\\\n\r]/.test(s)) throw usageError(`--name must be a non-empty name without quotes or backslashes, got ${JSON.stringify(s)}`);
  return s.trim();
}

function checkIndustry(s: string): Industry {
  if ((INDUSTRIES as readonly string[]).includes(s)) return s as Industry;
  const guess = suggest(s, INDUSTRIES);
  throw usageError(`industry must be one of ${INDUSTRIES.join(", ")}, not "${s}"${guess ? `; did you mean ${guess}?` : ""}`);
}

function checkCompanies(s: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 1 || n > MAX_COMPANIES) throw usageError(`--companies must be a whole number from 1 to ${MAX_COMPANIES}, got "${s}"`);
  return n;
}

function checkCurrency(s: string): string {
  const c = s.toUpperCase();
  if (!/^[A-Z]{3}$/.test(c) || !isKnownCurrency(c)) throw usageError(`--currency must be an ISO 4217 code synth knows (USD, EUR, GBP, JPY ...), got "${s}"`);
  return c;
}

function filesOf(a: InitAnswers): Map<string, string> {
  const files = new Map<string, string>([
    [MARKER_FILE, MARKER_TEXT],
    [SCENARIO_FILE, scenarioText(a)],
    [README_FILE, readmeText(a)],
  ]);
  const ci = CI_FILES[a.ci];
  const text = ciText(a.ci);
  if (ci && text) files.set(ci, text);
  return files;
}

function refuseExisting(io: Io, dir: string, names: string[]): void {
  const existing = names.filter((n) => existsSync(join(dir, n)));
  if (!existing.length) return;
  const shown = existing.map((n) => displayPath(io.cwd, join(dir, n))).join(", ");
  throw new CliError(`init: ${shown} already exist${existing.length === 1 ? "s" : ""}; nothing was written (init never overwrites: pick an empty directory)`, EXIT.exists);
}

async function compilePlan(io: Io, dir: string): Promise<string> {
  const { compileIn, printDiagnostics } = await import("../compile-source.ts");
  const { serializePlan } = await import("../plan-file.ts");
  const compiled = await compileIn(dir, SCENARIO_FILE, readFileSync(join(dir, SCENARIO_FILE), "utf8"));
  if (!compiled.plan) {
    printDiagnostics(io, compiled);
    throw new CliError(`init: the new scenario does not compile (a bug in synth init)`, EXIT.internal);
  }
  return serializePlan(compiled.plan, "json");
}
