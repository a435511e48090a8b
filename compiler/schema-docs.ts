// What the docs and the language server say about a setting, read off the zod schemas: its
// type, default, range and values, written as they would be in a .synth file. One reading for
// docs/settings.md (scripts/gen-docs.ts) and for hover and completion (lsp/).
import { z } from "zod";
import { LANGUAGE } from "./language.ts";
import { metaOf, unwrap, type Unit } from "../specs/fields.ts";
import { formatBytes, formatPercent, shiftDecimal } from "../specs/units.ts";
import { minorDigits } from "../specs/currencies.ts";

export type Schema = z.ZodType;
type Raw = Record<string, unknown>;

export const shapeOf = (o: z.ZodObject) => o.shape as Record<string, Schema>;
export const defOf = (s: Schema) => s.def as unknown as Raw;

/** A schema that is written as a block `{ ... }` rather than a setting. */
export function isBlock(field: Schema): boolean {
  const inner = unwrap(field);
  const meta = metaOf(field);
  return (inner.def.type === "object" && !meta.of && meta.unit === undefined) || inner.def.type === "record";
}

/** The field at a dotted path below the document (for presets). */
export function fieldAt(path: readonly string[], root: Schema = LANGUAGE.document): Schema | undefined {
  let s: Schema | undefined = root;
  for (const key of path) {
    if (!s) return undefined;
    const inner: Schema = unwrap(s);
    const def = defOf(inner);
    if (def.type === "object") s = shapeOf(inner as z.ZodObject)[key] ?? (def.catchall as Schema | undefined);
    else if (def.type === "record") s = def.valueType as Schema;
    else return undefined;
  }
  return s;
}

export type Kind = Unit | "list" | "range" | "block";

const KIND_BY_ZOD_TYPE: Record<string, Kind> = { array: "list", enum: "enum", boolean: "bool", string: "string", object: "block", record: "block" };

/** What a field is written as; the same reading as the checker's (compiler/convert.ts). */
export function kindOf(field: Schema): Kind {
  const meta = metaOf(field);
  if (meta.of) return "range";
  return meta.unit ?? KIND_BY_ZOD_TYPE[unwrap(field).def.type] ?? "number";
}

export const elementOf = (field: Schema) => defOf(unwrap(field)).element as Schema;
export const rangeEnd = (field: Schema) => shapeOf(unwrap(field) as z.ZodObject).min!;

/** From 10k up, a count with k / M / bn when exact to one decimal: 4096 stays, 12500 reads 12.5k. */
export function fmtCount(n: number): string {
  for (const [suffix, exp] of [["bn", 9], ["M", 6], ["k", 3]] as const) {
    const s = shiftDecimal(String(n), -exp);
    if (n >= 10_000 && n >= 10 ** exp && (s.split(".")[1] ?? "").length <= 1) return s + suffix;
  }
  return String(n);
}

/** 5000000.00 -> 5_000_000.00 (both are valid .synth). */
export function fmtMoney(minor: number, currency?: string): string {
  const digits = currency ? minorDigits(currency) : 2;
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  const int = (digits ? abs.slice(0, -digits) : abs).replace(/\B(?=(\d{3})+(?!\d))/g, "_");
  const text = (minor < 0 ? "-" : "") + int + (digits ? "." + abs.slice(-digits) : "");
  return currency ? `${text} ${currency}` : text;
}

/** A value as it would be written in a .synth file, for the field it belongs to. */
export function literal(value: unknown, field: Schema): string {
  if (value === "auto") return "auto";
  switch (kindOf(field)) {
    case "list":
      return `[${(value as unknown[]).map((v) => literal(v, elementOf(field))).join(", ")}]`;
    case "range": {
      const r = value as { min: unknown; max: unknown };
      return `${literal(r.min, rangeEnd(field))}..${literal(r.max, rangeEnd(field))}`;
    }
    default:
      return scalar(value, kindOf(field));
  }
}

export function scalar(value: unknown, kind: Kind): string {
  const money = value as { minor: number; currency?: string };
  const rate = value as { amount: number; per: string };
  const n = value as number;
  const by: Partial<Record<Kind, () => string>> = {
    count: () => fmtCount(n),
    "auto-or-count": () => fmtCount(n),
    percent: () => formatPercent(n),
    multiplier: () => `${n}x`,
    duration: () => `${n}d`,
    bytes: () => formatBytes(n),
    "auto-or-bytes": () => formatBytes(n),
    "auto-or-money": () => fmtMoney(money.minor, money.currency),
    money: () => fmtMoney(money.minor, money.currency),
    rate: () => `${fmtCount(rate.amount)} per ${rate.per}`,
    string: () => JSON.stringify(value),
  };
  return (by[kind] ?? (() => String(value)))();
}

/** Type names that differ from the unit's own name. */
export const TYPE_NAMES: Partial<Record<Unit, string>> = { bytes: "size", "auto-or-count": "`auto` or count", "auto-or-bytes": "`auto` or size", "auto-or-money": "`auto` or money" };

export function typeName(field: Schema): string {
  const kind = kindOf(field);
  if (kind === "list") return `list of ${plural(typeName(elementOf(field)))}`;
  if (kind === "range") return `range of ${plural(typeName(rangeEnd(field)))}`;
  if (kind === "block") return "block";
  return TYPE_NAMES[kind] ?? kind;
}

export function plural(word: string): string {
  return word.endsWith("y") ? word.slice(0, -1) + "ies" : word === "enum" ? "enum values" : word + "s";
}

/** Enum values, for the meaning column (lists of enums included). */
export function enumValues(field: Schema): string[] | undefined {
  const kind = kindOf(field);
  const target = kind === "list" ? unwrap(elementOf(field)) : unwrap(field);
  return target.def.type === "enum" ? ((target as z.ZodEnum).options as string[]) : undefined;
}

// ---------------------------------------------------------------- ranges (from JSON Schema)

const SAFE = Number.MAX_SAFE_INTEGER;

export function rangeText(field: Schema): string {
  const kind = kindOf(field);
  if (kind === "range") return rangeText(rangeEnd(field));
  const js = z.toJSONSchema(unwrap(field), { unrepresentable: "any" }) as Raw;
  if (kind === "list") return itemsText(js);
  const num = ((js.anyOf as Raw[] | undefined)?.find((a) => a.type === "integer" || a.type === "number") ?? js) as Raw;
  const int = num.type === "integer";
  let lo = num.minimum as number | undefined;
  let hi = num.maximum as number | undefined;
  if (typeof num.exclusiveMinimum === "number") lo = int ? num.exclusiveMinimum + 1 : undefined;
  if (typeof num.exclusiveMaximum === "number") hi = int ? num.exclusiveMaximum - 1 : undefined;
  if (hi !== undefined && Math.abs(hi) >= SAFE) hi = undefined;
  if (lo !== undefined && Math.abs(lo) >= SAFE) lo = undefined;
  const show = (n: number) => scalar(n, kind === "auto-or-count" ? "count" : kind);
  const gt0 = typeof num.exclusiveMinimum === "number" && !int ? "> 0" : undefined;
  if (lo !== undefined && hi !== undefined) return `${show(lo)}..${show(hi)}`;
  // A bare lower bound of 0 (or 1 byte) is what the type already says.
  if (lo !== undefined) return lo === 0 || kind === "bytes" ? "" : `≥ ${show(lo)}`;
  if (hi !== undefined) return gt0 ? `> 0, ≤ ${show(hi)}` : `≤ ${show(hi)}`;
  return gt0 ?? "";
}

export function itemsText(js: Raw): string {
  const lo = js.minItems as number | undefined;
  const hi = js.maxItems as number | undefined;
  if (lo !== undefined && lo === hi) return `exactly ${lo} items`;
  if (lo !== undefined && hi !== undefined) return `${lo}..${hi} items`;
  if (lo !== undefined) return `at least ${lo} item${lo === 1 ? "" : "s"}`;
  return hi !== undefined ? `at most ${hi} items` : "";
}

export const code = (s: string) => (s ? "`" + s + "`" : "");

export function defaultText(field: Schema): string {
  const def = defOf(field);
  if (def.type === "default") {
    const raw = def.defaultValue;
    const value = typeof raw === "function" ? (raw as () => unknown)() : raw;
    const values = enumValues(field);
    // A list defaulting to every value would repeat the Values column.
    if (Array.isArray(value) && values && value.length === values.length && values.every((v) => value.includes(v))) return "all values";
    return code(literal(value, field));
  }
  if (def.type === "optional") return "—";
  return "**required**";
}

/** "a phrase" -> "A phrase." */
export function sentence(text: string | undefined): string {
  if (!text) return "";
  const t = text.replace(/^./, (c) => c.toUpperCase());
  return /[.!?]$/.test(t) ? t : t + ".";
}
