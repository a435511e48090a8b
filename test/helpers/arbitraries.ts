// fast-check arbitraries for .synth sources, generated from the real scenario schema (block and
// setting names, units, enum values), rendered in random but valid layouts, and mutated.
import fc from "fast-check";
import type { z } from "zod";
import { LANGUAGE } from "../../compiler/language.ts";
import { metaOf, unwrap, RATE_PERIODS, type FieldMeta, type Unit } from "../../specs/fields.ts";
import type { SourceHost } from "../../compiler/loader.ts";

// --- the generated model ---

export interface GenAttr {
  kind: "attr";
  key: string;
  /** Literal text as it would be written. */
  value: string;
  /** When set, the value is declared as `const <name> = <value>` and the setting uses the name. */
  viaConst?: boolean;
}

export interface GenBlock {
  kind: "block";
  key: string;
  label?: string;
  entries: GenEntry[];
}

export type GenEntry = GenAttr | GenBlock;

export interface GenScenario {
  imports: string[];
  entries: GenEntry[];
}

/** Files the generated imports name; pass as `host` when compiling generated scenarios. */
export const SHARED_FILES: Readonly<Record<string, string>> = {
  "lib/shared.synth": "// shared fragment\nconst SHARED_MONTHS = 2\noutput { directory = \"out/gen\" }\n",
  "lib/company.synth": "import \"shared.synth\"\ncompany LIB { name = \"Library Co\" }\n",
};

export const memoryHost: SourceHost = { readFile: (p) => SHARED_FILES[p] };

// --- values by unit ---

const CURRENCY_CODES = ["USD", "EUR", "GBP", "JPY", "CHF", "BHD", "SEK"] as const;
const nat = (min: number, max: number) => fc.integer({ min, max }).map(String);

const countArb = fc.oneof(
  { weight: 4, arbitrary: nat(1, 500) },
  { weight: 1, arbitrary: fc.constantFrom("1k", "2.5k", "10K", "1_000", "1.2M", "0") },
);
const percentArb = fc.oneof(
  { weight: 4, arbitrary: nat(0, 20).map((n) => `${n}%`) },
  { weight: 1, arbitrary: fc.constantFrom("0.5%", "12.25%", "100%", "45%") },
);
const DAYS: Record<string, number> = { d: 1, w: 7, mo: 30, y: 365 };
const durationArb = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom("d", "w", "mo", "y"));
const dayArb = fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }));

function unitArb(unit: Unit, inner: z.ZodType): fc.Arbitrary<string> {
  switch (unit) {
    case "count":
      return countArb;
    case "number":
      return fc.oneof(nat(1, 9), fc.constantFrom("1.5", "2.25", "0.75", "1.01"));
    case "percent":
      return percentArb;
    case "multiplier":
      return fc.constantFrom("1x", "1.5x", "2.5x", "3x");
    case "duration":
      return durationArb.map(([n, s]) => `${n}${s}`);
    case "bytes":
      return fc.constantFrom("64MiB", "512MiB", "1GiB", "2GB", "300MB", "4096KiB");
    case "money":
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom("1_000.00", "250", "1.5k", "2M", "99.99") },
        { weight: 1, arbitrary: fc.constantFrom("10 USD", "1_000 EUR", "500 JPY", "1.250 BHD") },
      );
    case "date":
      return dayArb.map(([y, m]) => `${y}-${String(m).padStart(2, "0")}-01`);
    case "enum":
      return fc.constantFrom(...((inner as z.ZodEnum).options as string[]));
    case "bool":
      return fc.constantFrom("true", "false", "on", "off", "yes", "no");
    case "string":
      return fc.stringMatching(/^[A-Za-z0-9 .,'-]{1,16}$/).map((s) => JSON.stringify(s));
    case "code":
      return fc.constantFrom("US", "DE", "C01", "1000", '"GB"');
    case "currency":
      return fc.constantFrom(...CURRENCY_CODES);
    case "rate":
      return fc.tuple(countArb, fc.constantFrom(...RATE_PERIODS, "period")).map(([n, p]) => `${n} per ${p}`);
    case "auto-or-count":
      return fc.oneof(fc.constant("auto"), nat(1, 16));
    case "auto-or-bytes":
      return fc.oneof(fc.constant("auto"), unitArb("bytes", inner));
    case "auto-or-money":
      return fc.oneof(fc.constant("auto"), unitArb("money", inner));
  }
}

/** Value overrides where the generic unit would mostly be out of range. */
const BY_KEY: Record<string, fc.Arbitrary<string>> = {
  months: nat(1, 18),
  block_size: fc.constantFrom("64", "1k", "4096", "8192"),
  seed: fc.oneof(nat(0, 1000), fc.constant("4_294_967_295")),
  weekdays: fc.array(fc.constantFrom("1", "1.1", "0.5", "0"), { minLength: 7, maxLength: 7 }).map((xs) => list(["1", ...xs.slice(1)])),
  country: fc.constantFrom("US", "DE", "GB", "FR", "JP", "CH", "BR", '"NL"'),
  max: nat(6, 3000),
  tail: fc.constantFrom("1.5", "2.2", "3"),
  sigma: fc.constantFrom("0.5", "1.6", "2"),
  equity_ratio: fc.constantFrom("10%", "40%", "90%"),
  share: fc.constantFrom("10%", "25%", "40%"),
  accounts_per_customer: fc.constantFrom("1", "1.6", "3"),
  memory_soft: fc.constantFrom("64MiB", "256MiB"),
  memory_hard: fc.constantFrom("1GiB", "2GiB"),
};

/** A subarray of at most `max` items (fast-check refuses a maximum above the array's length). */
function sub<T>(items: readonly T[], max: number, min = 0): fc.Arbitrary<T[]> {
  return fc.subarray([...items], { minLength: Math.min(min, items.length), maxLength: Math.min(max, items.length) });
}

/** A list literal; with `trailing`, a trailing comma (allowed, and dropped by the formatter). */
function list(items: string[], trailing = false): string {
  return `[${items.join(", ")}${trailing && items.length ? "," : ""}]`;
}

/** `temporal { months = [...] }`: twelve weights (scenario.months is a count, see BY_KEY). */
const seasonArb = fc
  .tuple(fc.array(fc.constantFrom("1", "0.8", "1.5", "0"), { minLength: 11, maxLength: 11 }), fc.boolean())
  .map(([xs, trailing]) => list(["1", ...xs], trailing));

type Shape = Record<string, z.ZodType>;

function unitOf(inner: z.ZodType, meta: FieldMeta): Unit | "list" | "range" {
  if (meta.of) return "range";
  if (meta.unit) return meta.unit;
  const t = inner.def.type;
  return t === "array" ? "list" : t === "enum" ? "enum" : t === "boolean" ? "bool" : t === "string" ? "string" : "number";
}

function valueArb(key: string, field: z.ZodType): fc.Arbitrary<string> {
  const inner = unwrap(field);
  if (key === "months" && inner.def.type === "array") return seasonArb;
  if (BY_KEY[key]) return BY_KEY[key]!;
  const meta = metaOf(field);
  const unit = unitOf(inner, meta);
  if (unit === "range") {
    return fc.tuple(durationArb, durationArb).map(([a, b]) => {
      const days = ([n, s]: [number, string]) => n * DAYS[s]!;
      const [lo, hi] = days(a) <= days(b) ? [a, b] : [b, a];
      return `${lo[0]}${lo[1]}..${hi[0]}${hi[1]}`;
    });
  }
  if (unit === "list") {
    const element = (inner.def as unknown as { element: z.ZodType }).element;
    const el = unwrap(element);
    if (el.def.type === "enum") return fc.tuple(sub((el as z.ZodEnum).options as string[], 4, 1), fc.boolean()).map(([xs, t]) => list(xs, t));
    return fc.tuple(fc.array(valueArb("", element), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([xs, t]) => list(xs, t));
  }
  return unitArb(unit, inner);
}

// --- blocks from the schema ---

const ACCOUNTS = [
  ["1000", "asset"],
  ["1200", "asset"],
  ["2000", "liability"],
  ["3000", "equity"],
  ["4000", "revenue"],
  ["6000", "expense"],
] as const;

const COMPANY_CODES = ["C01", "C02", "DE01", "US", "GBR", "7"] as const;

const attr = (key: string, value: fc.Arbitrary<string>): fc.Arbitrary<GenAttr> =>
  fc.tuple(value, fc.boolean(), fc.integer({ min: 0, max: 9 })).map(([v, c, r]) => ({ kind: "attr", key, value: v, viaConst: c && r < 2 }));

function isBlock(inner: z.ZodType): boolean {
  const meta = metaOf(inner);
  return (inner.def.type === "object" && !meta.of && meta.unit === undefined) || inner.def.type === "record";
}

/** Entries for a subset of an object schema's keys (a labelled family may give several). */
function bodyArb(schema: z.ZodObject, depth: number, maxKeys = 5): fc.Arbitrary<GenEntry[]> {
  const shape = schema.shape as Shape;
  const catchall = (schema.def as { catchall?: z.ZodType }).catchall;
  const keys = Object.keys(shape);
  const fixed = sub(keys, maxKeys).chain((ks) => fc.tuple(...ks.map((k) => entriesArb(k, shape[k]!, depth))));
  const extra = catchall
    ? fc.subarray(["EUR", "GBP", "JPY"], { maxLength: 2 }).map((cs) => cs.map((c): GenEntry => ({ kind: "attr", key: c, value: "1.25" })))
    : fc.constant([] as GenEntry[]);
  return fc.tuple(fixed, extra).map(([groups, more]) => [...groups.flat(), ...more]);
}

function entriesArb(key: string, field: z.ZodType, depth: number): fc.Arbitrary<GenEntry[]> {
  const inner = unwrap(field);
  if (!isBlock(inner)) return attr(key, valueArb(key, field)).map((a) => [a]);
  const meta = metaOf(field);
  if (key === "account") return accountsArb();
  if (meta.labelled === "record") {
    const item = unwrap((inner.def as unknown as { valueType: z.ZodType }).valueType) as z.ZodObject;
    return fc
      .uniqueArray(fc.constantFrom(...COMPANY_CODES), { maxLength: 3 })
      .chain((labels) => fc.tuple(...labels.map((l) => bodyArb(item, depth + 1, 2).map((e): GenBlock => ({ kind: "block", key, label: l, entries: e })))));
  }
  if (meta.labelled === "keys") {
    const shape = (inner as z.ZodObject).shape as Shape;
    return fc
      .constant(Object.keys(shape))
      .chain((ks) => sub(ks, 4))
      .chain((labels) =>
        fc.tuple(...labels.map((l) => bodyArb(unwrap(shape[l]!) as z.ZodObject, depth + 1, 3).map((e): GenBlock => ({ kind: "block", key, label: l, entries: e })))),
      );
  }
  const label = key === "scenario" ? fc.option(fc.constantFrom('"Generated"', "Gen"), { nil: undefined }) : fc.constant(undefined);
  return fc.tuple(label, bodyArb(inner as z.ZodObject, depth + 1, depth > 1 ? 3 : 5)).map(([l, e]) => [{ kind: "block", key, label: l, entries: e }]);
}

function accountsArb(): fc.Arbitrary<GenEntry[]> {
  const one = fc.tuple(fc.constantFrom(...ACCOUNTS), fc.stringMatching(/^[A-Z][a-z]{2,8}$/)).map(
    ([[number, type], name]): GenBlock => ({
      kind: "block",
      key: "account",
      label: number,
      entries: [
        { kind: "attr", key: "name", value: JSON.stringify(name) },
        { kind: "attr", key: "type", value: type },
      ],
    }),
  );
  return fc.uniqueArray(one, { maxLength: 3, selector: (b) => b.label });
}

/** A structured scenario: random top-level blocks and settings from the real schema. */
export const genScenarioArb: fc.Arbitrary<GenScenario> = fc.record({
  imports: fc.subarray(Object.keys(SHARED_FILES), { maxLength: 1 }),
  entries: bodyArb(LANGUAGE.document, 0, 8),
});

// --- rendering ---

export interface RenderStyle {
  indent: string;
  /** Between entries: a newline, or `; ` / `, ` / ` ` on one line. */
  separator: "\n" | "; " | ", " | " ";
  equals: " = " | "=" | "  =  ";
  /** Indexes (mod entry count) after which a comment or blank line goes. */
  comments: number[];
  blanks: number[];
  /** Where consts go among the top-level entries (fraction of the way down). */
  constsAt: number;
}

export const styleArb: fc.Arbitrary<RenderStyle> = fc.record({
  indent: fc.constantFrom("  ", "    ", "\t", "", " "),
  separator: fc.constantFrom<RenderStyle["separator"]>("\n", "\n", "; ", ", ", " "),
  equals: fc.constantFrom<RenderStyle["equals"]>(" = ", "=", "  =  "),
  comments: fc.array(fc.nat(30), { maxLength: 4 }),
  blanks: fc.array(fc.nat(30), { maxLength: 4 }),
  constsAt: fc.double({ min: 0, max: 1, noNaN: true }),
});

const COMMENTS = ["# note", "// why", "/* inline */", "/* two\n   lines */", "#", "// ümlaut ✓"];

export function renderScenario(s: GenScenario, style: RenderStyle): string {
  const consts: string[] = [];
  let counter = 0;
  const r = { ...style, consts, next: () => counter++ };
  const top = s.entries.map((e) => renderEntry(e, 0, r));
  const at = Math.floor(style.constsAt * top.length);
  const head = s.imports.map((p) => `import ${JSON.stringify(p)}`);
  const lines = [...head, ...top.slice(0, at), ...consts, ...top.slice(at)];
  return lines.join("\n") + "\n";
}

type RenderCx = RenderStyle & { consts: string[]; next: () => number };

function renderEntry(e: GenEntry, depth: number, r: RenderCx): string {
  const pad = r.indent.repeat(depth);
  const n = r.next();
  const comment = r.comments.includes(n) ? COMMENTS[n % COMMENTS.length]! : undefined;
  const blank = r.blanks.includes(n) ? "\n" : "";
  let text: string;
  if (e.kind === "attr") {
    let value = e.value;
    if (e.viaConst) {
      const name = `K${r.consts.length}`;
      r.consts.push(`const ${name}${r.equals}${value}`);
      value = name;
    }
    text = `${pad}${e.key}${r.equals}${value}`;
  } else {
    const inner = e.entries.map((x) => renderEntry(x, depth + 1, r));
    const body = r.separator === "\n" ? inner.map((l) => l + "\n").join("") : inner.map((l) => l.trim()).join(r.separator) + " ";
    const open = `${pad}${e.key}${e.label !== undefined ? " " + e.label : ""} {`;
    text = r.separator === "\n" ? `${open}\n${body}${pad}}` : `${open} ${body}}`;
  }
  // A line comment must end the line: only put one where a newline follows.
  if (comment && (r.separator === "\n" || comment.startsWith("/*"))) text = `${text} ${comment}`;
  return blank + text;
}

/** Generated scenario text in a random layout. */
export const scenarioTextArb: fc.Arbitrary<string> = fc.tuple(genScenarioArb, styleArb).map(([s, st]) => renderScenario(s, st));

// --- mutations ---

const NOISE = ["{", "}", "[", "]", "=", ",", ";", '"', "#", "/", "*", ".", "..", "-", "_", " ", "\n", "\r", "\t", "x", "Z", "9", "%", "é", "€", "😀", "\u2028", "\0", "per", "const", "import", "USD", "1k", "2024-02-30", "99999999999999999999", "0.000000001", "1_000_000bn", "9999-12-01", "0001-01-01"];

export type Mutation =
  | { op: "delete"; at: number; length: number }
  | { op: "insert"; at: number; text: string }
  | { op: "replace"; at: number; text: string }
  | { op: "truncate"; at: number }
  | { op: "duplicateLine"; at: number }
  | { op: "swapWords"; a: number; b: number };

const pos = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: pos, length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant("insert" as const), at: pos, text: fc.constantFrom(...NOISE) }),
  fc.record({ op: fc.constant("replace" as const), at: pos, text: fc.constantFrom(...NOISE) }),
  fc.record({ op: fc.constant("truncate" as const), at: pos }),
  fc.record({ op: fc.constant("duplicateLine" as const), at: pos }),
  fc.record({ op: fc.constant("swapWords" as const), a: pos, b: pos }),
);

export function applyMutation(text: string, m: Mutation): string {
  const i = (f: number, n: number) => Math.floor(f * n);
  switch (m.op) {
    case "delete": {
      const at = i(m.at, text.length);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case "insert": {
      const at = i(m.at, text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "replace": {
      const at = i(m.at, text.length);
      return text.slice(0, at) + m.text + text.slice(at + 1);
    }
    case "truncate":
      return text.slice(0, i(m.at, text.length));
    case "duplicateLine": {
      const lines = text.split("\n");
      const at = i(m.at, lines.length);
      lines.splice(at, 0, lines[at]!);
      return lines.join("\n");
    }
    case "swapWords": {
      const words = text.split(/(\s+)/);
      const [a, b] = [i(m.a, words.length), i(m.b, words.length)];
      [words[a], words[b]] = [words[b]!, words[a]!];
      return words.join("");
    }
  }
}

/** A generated scenario with 1-4 random edits: mostly broken, sometimes still valid. */
export const mutatedScenarioArb: fc.Arbitrary<string> = fc
  .tuple(scenarioTextArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([text, ms]) => ms.reduce(applyMutation, text));
