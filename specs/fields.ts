// Field constructors for the scenario language. Each is a zod schema (the single source of
// truth) carrying `unit` metadata that tells the checker which literals a setting accepts and
// how to convert them: the grammar stays generic, the language lives here.
import { z } from "zod";
import { countryHint, ISO_COUNTRIES } from "./countries.ts";

export type Unit =
  | "count" // 42, 10k, 1.5M -> integer
  | "number" // 1.8, -0.5 -> plain decimal
  | "percent" // 0.5% -> 0.005
  | "multiplier" // 2.5x -> 2.5
  | "duration" // 30d, 2w, 3mo, 1y -> days
  | "bytes" // 512MiB, 1GB -> bytes
  | "money" // 1_000.00 USD -> { minor, currency? }
  | "date" // 2024-01-01 -> "2024-01-01"
  | "enum" // a bare word from a fixed set
  | "bool" // true / false / on / off / yes / no
  | "string" // "text"
  | "code" // a bare word or string: company codes, country codes
  | "currency" // USD
  | "rate" // 100k per year -> { amount, per }
  | "auto-or-count" // auto | 4 -> "auto" | 4
  | "auto-or-bytes" // auto | 64MiB -> "auto" | bytes
  | "auto-or-money"; // auto | 120M -> "auto" | { minor, currency? }

export interface FieldMeta {
  [key: string]: unknown;
  unit?: Unit;
  doc?: string;
  /** Blocks: how a label after the block name is used. */
  labelled?: "record" | "keys";
  /** Blocks whose label fills one of their settings: scenario "Acme" { } -> name. */
  labelAs?: string;
  /** For "keys" labelled blocks, what the label names (for messages: "unknown phase"). */
  labelNoun?: string;
  /** Range fields: the unit of each end. */
  of?: Unit;
  /** A volume: `--scale F` multiplies it (counts marked so, and every rate). */
  scales?: boolean;
}

/** Reads the synth metadata of a schema, looking through default/optional wrappers. */
export function metaOf(schema: z.ZodType): FieldMeta {
  const layers: FieldMeta[] = [];
  for (let s: z.ZodType | undefined = schema; s; s = innerOf(s)) layers.push((s.meta() as FieldMeta) ?? {});
  // Outer wrappers win: a field can refine the doc of a shared inner schema.
  return Object.assign({}, ...layers.reverse());
}

/** The schema inside a default / optional / nullable wrapper, if any. */
export function innerOf(schema: z.ZodType): z.ZodType | undefined {
  const def = schema.def as { type: string; innerType?: z.ZodType };
  return def.type === "default" || def.type === "optional" || def.type === "nullable" || def.type === "prefault"
    ? def.innerType
    : undefined;
}

/** The innermost schema (no wrappers). */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = innerOf(s); i; i = innerOf(s)) s = i;
  return s;
}

/** Company codes, account parents, table names: 1-12 of A-Z a-z 0-9 _ -. */
export const CODE = /^[A-Za-z0-9_-]{1,12}$/;
export const COUNTRY_CODE = /^[A-Z]{2}$/;

const m = (unit: Unit, doc: string, extra: FieldMeta = {}): FieldMeta => ({ unit, doc, ...extra });

export const f = {
  count: (doc: string) => z.number().int().nonnegative().meta(m("count", doc)),
  /** A count that is a volume (records, customers, samples): scaled by `--scale`. */
  volume: (doc: string) => z.number().int().nonnegative().meta(m("count", doc, { scales: true })),
  number: (doc: string) => z.number().meta(m("number", doc)),
  percent: (doc: string) => z.number().min(0).max(1).meta(m("percent", doc)),
  /** A percentage that may be negative: -100%..100%. */
  signedPercent: (doc: string) => z.number().min(-1).max(1).meta(m("percent", doc)),
  multiplier: (doc: string) => z.number().positive().meta(m("multiplier", doc)),
  duration: (doc: string) => z.number().int().nonnegative().meta(m("duration", doc)),
  bytes: (doc: string) => z.number().int().positive().meta(m("bytes", doc)),
  money: (doc: string) => Money.meta(m("money", doc)),
  date: (doc: string) => IsoDate.meta(m("date", doc)),
  enum: <const T extends readonly [string, ...string[]]>(values: T, doc: string) => z.enum(values).meta(m("enum", doc)),
  bool: (doc: string) => z.boolean().meta(m("bool", doc)),
  string: (doc: string) => z.string().min(1).meta(m("string", doc)),
  code: (doc: string) => z.string().regex(CODE, "must be 1-12 letters, digits, _ or -").meta(m("code", doc)),
  currency: (doc: string) => z.string().regex(/^[A-Z]{3}$/).meta(m("currency", doc)),
  /** ISO 3166 alpha-2, written like a code: US, DE. */
  country: (doc: string) =>
    z
      .string()
      .regex(COUNTRY_CODE, "must be a two-letter upper-case ISO 3166 code (US, DE)")
      .superRefine((code, ctx) => {
        // Two upper-case letters, but not a country: UK (GB), EL (GR), XX.
        if (COUNTRY_CODE.test(code) && !ISO_COUNTRIES.has(code)) {
          ctx.addIssue({ code: "custom", message: `"${code}" is not an ISO 3166 country code`, params: { synth: "unknown", hint: countryHint(code) } });
        }
      })
      .meta(m("code", doc)),
  /** A volume per period (100k per year): scaled by `--scale`. */
  rate: (doc: string) => Rate.meta(m("rate", doc, { scales: true })),
  autoOrCount: (doc: string, max?: number) => {
    const n = z.number().int().positive();
    return z.union([z.literal("auto"), max === undefined ? n : n.max(max)]).meta(m("auto-or-count", doc));
  },
  autoOrBytes: (doc: string) => z.union([z.literal("auto"), z.number().int().positive()]).meta(m("auto-or-bytes", doc)),
  autoOrMoney: (doc: string) => z.union([z.literal("auto"), Money]).meta(m("auto-or-money", doc)),
  range: <T extends z.ZodType>(of: Unit, end: T, doc: string) =>
    z.object({ min: end, max: end }).meta({ of, doc }),
  list: <T extends z.ZodType>(item: T, doc: string) => z.array(item).meta({ doc }),
};

export const Money = z.object({
  /** Integer minor units (cents). */
  minor: z.number().int(),
  /** Absent: the company's own currency. */
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
});
export type Money = z.infer<typeof Money>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RATE_PERIODS = ["day", "week", "month", "quarter", "year"] as const;
// Bounded so a whole scenario's volume (up to 120 months of days) stays a safe integer.
export const Rate = z.object({
  amount: z.number().nonnegative().max(1e12).meta({ unit: "count" }),
  per: z.enum(RATE_PERIODS),
});
export type Rate = z.infer<typeof Rate>;

/** A labelled block family whose labels are free: company C01 { }, account 1000 { }. */
export function labelledRecord<T extends z.ZodType>(item: T, doc: string, noun: string) {
  return z.record(z.string(), item).meta({ labelled: "record", labelNoun: noun, doc });
}

/** A labelled block family whose labels are a fixed set: phase audit { }, process order_to_cash { }. */
export function labelledKeys<T extends z.ZodRawShape>(shape: T, doc: string, noun: string) {
  return z.object(shape).meta({ labelled: "keys", labelNoun: noun, doc });
}
