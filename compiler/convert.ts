// AST -> raw scenario document, driven by the zod schema in specs/scenario.ts: the schema says
// which blocks and settings exist and which literals each accepts. Every converted value's
// span is indexed by its path so later checks (and zod's range checks) can point at it.
import type { z } from "zod";
import type * as A from "./ast.ts";
import { didYouMean, type DiagnosticBag, type Span } from "../core/diagnostics.ts";
import { metaOf, unwrap, type FieldMeta, type Unit, RATE_PERIODS } from "../specs/fields.ts";
import type { Language } from "./language.ts";
import { isKnownCurrency } from "../specs/currencies.ts";
import { countryAlias, countryHint } from "../specs/countries.ts";
import { describeUnit, isValidDate, parseQuantity, unitExamples, unitNoun } from "../specs/units.ts";
import type { Constants } from "./constants.ts";

export type Raw = Record<string, unknown>;

/** Spans by dotted path ("phase.transactions.volume"); keys and blocks too. */
export class SpanIndex {
  private readonly map = new Map<string, Span>();
  set(path: readonly (string | number)[], span: Span): void {
    this.map.set(path.join("."), span);
  }
  get(path: readonly (string | number)[]): Span | undefined {
    return this.map.get(path.join("."));
  }
  /** The span of the path or of its nearest ancestor. */
  nearest(path: readonly PropertyKey[]): Span | undefined {
    for (let n = path.length; n >= 0; n--) {
      const s = this.map.get(path.slice(0, n).map(String).join("."));
      if (s) return s;
    }
    return undefined;
  }
}

export interface Converted {
  raw: Raw;
  spans: SpanIndex;
}

const BOOLS: Record<string, boolean> = { true: true, false: false, on: true, off: false, yes: true, no: false };
const PERIOD_ALIASES: Record<string, string> = { period: "month", months: "month", years: "year", days: "day" };

export function convertFiles(files: A.FileNode[], consts: Constants, diags: DiagnosticBag, language: Language): Converted {
  const out: Converted = { raw: {}, spans: new SpanIndex() };
  const cx = new Converter(consts, diags, out.spans);
  for (const file of files) cx.entries(file.entries, language.document, out.raw, []);
  return out;
}

class Converter {
  constructor(
    private readonly consts: Constants,
    private readonly diags: DiagnosticBag,
    private readonly spans: SpanIndex,
  ) {}

  entries(entries: A.EntryNode[], schema: z.ZodObject, target: Raw, path: string[]): void {
    for (const e of entries) {
      const field = this.fieldFor(schema, e, path);
      if (!field) continue;
      if (e.kind === "attribute") this.attribute(e, field, target, path);
      else this.block(e, field, target, path);
    }
  }

  private fieldFor(schema: z.ZodObject, e: A.EntryNode, path: string[]): z.ZodType | undefined {
    const shape = schema.shape as Record<string, z.ZodType>;
    if (Object.hasOwn(shape, e.key)) return shape[e.key];
    const catchall = (schema.def as { catchall?: z.ZodType }).catchall;
    if (catchall && /^[A-Z]{3}$/.test(e.key)) return isKnownCurrency(e.key) ? catchall : this.unknownCurrency(e.key, e.keySpan);
    const where = path.length ? `in ${path.join(".")}` : "at the top level";
    const hint = didYouMean(e.key, Object.keys(shape)) ?? `known here: ${Object.keys(shape).join(", ")}`;
    const code = e.kind === "block" ? "SYN2001" : "SYN2002";
    this.diags.report(code, `unknown ${e.kind === "block" ? "block" : "setting"} "${e.key}" ${where}`, e.keySpan, hint);
    return undefined;
  }

  private attribute(e: A.AttributeNode, field: z.ZodType, target: Raw, path: string[]): void {
    const inner = unwrap(field);
    if (isBlockSchema(inner)) {
      // `company C01` with its `{` missing already has its syntax error (SYN1004).
      if (e.missingEquals) return;
      this.diags.report("SYN3003", `"${e.key}" is a block, not a setting`, e.keySpan, `write ${e.key} { ... }`);
      return;
    }
    const p = [...path, e.key];
    if (Object.hasOwn(target, e.key)) {
      this.duplicate(e.key, e.keySpan, p);
      return;
    }
    const value = this.value(e.value, field);
    if (value === undefined) return;
    target[e.key] = value;
    this.spans.set(p, e.value.span);
  }

  private block(e: A.BlockNode, field: z.ZodType, target: Raw, path: string[]): void {
    const inner = unwrap(field);
    const meta = metaOf(field);
    if (!isBlockSchema(inner)) {
      this.diags.report("SYN3003", `"${e.key}" is a setting, not a block`, e.keySpan, `write ${e.key} = <value>`);
      return;
    }
    if (meta.labelled) return this.labelledBlock(e, inner, meta, target, path);
    const body = this.open(target, e.key, [...path, e.key], e.keySpan);
    if (e.label) {
      if (meta.labelAs && !Object.hasOwn(body, meta.labelAs)) {
        body[meta.labelAs] = e.label.value;
        this.spans.set([...path, e.key, meta.labelAs], e.label.span);
      } else {
        this.diags.report("SYN3010", `"${e.key}" takes no label`, e.label.span, `write ${e.key} { ... }`);
      }
    }
    this.entries(e.entries, inner as z.ZodObject, body, [...path, e.key]);
  }

  private labelledBlock(e: A.BlockNode, inner: z.ZodType, meta: FieldMeta, target: Raw, path: string[]): void {
    const noun = meta.labelNoun ?? e.key;
    if (!e.label) {
      this.diags.report("SYN3009", `a ${noun} block needs a label`, e.keySpan, `write ${e.key} <name> { ... }`);
      return;
    }
    const family = this.open(target, e.key, [...path, e.key], e.keySpan);
    const label = e.label.value;
    let itemSchema: z.ZodType | undefined;
    if (meta.labelled === "record") {
      itemSchema = (inner.def as unknown as { valueType: z.ZodType }).valueType;
    } else {
      const shape = (inner as z.ZodObject).shape as Record<string, z.ZodType>;
      itemSchema = Object.hasOwn(shape, label) ? shape[label] : undefined;
      if (!itemSchema) {
        const code = noun === "phase" ? "SYN2003" : noun === "process" ? "SYN2011" : "SYN2006";
        const hint = didYouMean(label, Object.keys(shape)) ?? `known ${plural(noun)}: ${Object.keys(shape).join(", ")}`;
        this.diags.report(code, `unknown ${noun} "${label}"`, e.label.span, hint);
        return;
      }
    }
    const p = [...path, e.key, label];
    const body = this.open(family, label, p, e.label.span);
    this.entries(e.entries, unwrap(itemSchema!) as z.ZodObject, body, p);
  }

  /** Opens (or reopens: blocks merge across imports) the object at target[key]. */
  private open(target: Raw, key: string, path: string[], span: Span): Raw {
    if (!Object.hasOwn(target, key)) {
      target[key] = {};
      this.spans.set(path, span);
    }
    return target[key] as Raw;
  }

  private duplicate(key: string, span: Span, path: string[]): void {
    const first = this.spans.get(path);
    const where = first ? ` (first set at ${first.file}:${first.start.line}:${first.start.column})` : "";
    this.diags.report("SYN2005", `"${key}" is set twice${where}`, span, "remove one of them");
  }

  // --- values ---

  value(expr: A.Expr, field: z.ZodType): unknown {
    const v = this.consts.deref(expr, this.diags);
    if (v === undefined) return undefined;
    const inner = unwrap(field);
    const meta = metaOf(field);
    const unit = unitOf(inner, meta);
    if (unit === "list") return this.list(v, expr.span, inner);
    if (unit === "range") return this.range(v, expr.span, inner, meta.of!);
    return this.scalar(v, expr.span, unit, inner);
  }

  private list(v: A.Expr, at: Span, inner: z.ZodType): unknown {
    if (v.kind !== "list") {
      this.diags.report("SYN3003", "expected a list", at, "write [a, b, c]");
      return undefined;
    }
    const element = (inner.def as unknown as { element: z.ZodType }).element;
    const items = v.items.map((item) => this.value(item, element));
    return items.some((i) => i === undefined) ? undefined : items;
  }

  private range(v: A.Expr, at: Span, inner: z.ZodType, of: Unit): unknown {
    const endSchema = ((inner as z.ZodObject).shape as Record<string, z.ZodType>).min!;
    const end = (e: A.Expr) => this.scalar(this.consts.deref(e, this.diags) ?? e, e.span, of, unwrap(endSchema));
    // A single value is both ends: convert (and report) it once.
    const min = end(v.kind === "range" ? v.from : v);
    const max = v.kind === "range" ? end(v.to) : min;
    if (min === undefined || max === undefined) return undefined;
    if ((min as number) > (max as number)) {
      this.diags.report("SYN3013", "the range's start is after its end", at, "write low..high");
      return undefined;
    }
    return { min, max };
  }

  private scalar(v: A.Expr, at: Span, unit: Unit, inner: z.ZodType): unknown {
    if (v.kind === "list" || v.kind === "range" || (v.kind === "rate" && unit !== "rate")) {
      this.diags.report("SYN3003", `expected ${describeUnit(unit)}, found a ${v.kind}`, at);
      return undefined;
    }
    switch (unit) {
      case "enum":
        return this.enumValue(v, at, (inner as z.ZodEnum).options as string[]);
      case "bool":
        return this.word(v, at, (w) => BOOLS[w], "true or false");
      case "string":
        return this.stringValue(v, at);
      case "code":
        return this.code(v, at);
      case "currency":
        return this.currency(v, at);
      case "date":
        return this.date(v, at);
      case "rate":
        return this.rate(v, at);
      default:
        return this.quantity(v, at, unit);
    }
  }

  private quantity(v: A.Expr, at: Span, unit: Unit): unknown {
    if (unit.startsWith("auto-") && v.kind === "ident" && v.name === "auto") return "auto";
    if (v.kind === "ident" && /^[A-Z_][A-Z0-9_]*$/.test(v.name)) {
      this.diags.report("SYN2004", `unknown constant ${v.name}`, at, this.consts.suggest(v.name));
      return undefined;
    }
    if (v.kind !== "quantity") {
      this.diags.report("SYN3003", `expected ${describeUnit(unit)}, found ${describeExpr(v)}`, at);
      return undefined;
    }
    if (v.currency !== undefined && unit !== "money" && unit !== "auto-or-money") {
      this.diags.report("SYN3001", `a currency is not allowed here (expected ${unitNoun(unit)}: ${unitExamples(unit)})`, at);
      return undefined;
    }
    const r = parseQuantity(unit, v);
    if (!r.ok) {
      this.diags.report("SYN3001", r.message, at, r.hint);
      return undefined;
    }
    const money = r.value as { currency?: string };
    if ((unit === "money" || unit === "auto-or-money") && money.currency && !isKnownCurrency(money.currency)) return this.unknownCurrency(money.currency, at);
    return r.value;
  }

  private rate(v: A.Expr, at: Span): unknown {
    if (v.kind !== "rate") {
      this.diags.report("SYN3003", `expected ${describeUnit("rate")}, found ${describeExpr(v)}`, at, "say per year or per month: 100k per year");
      return undefined;
    }
    const per = PERIOD_ALIASES[v.per] ?? v.per;
    if (!(RATE_PERIODS as readonly string[]).includes(per)) {
      this.diags.report("SYN2006", `unknown period "${v.per}"`, v.perSpan, didYouMean(v.per, RATE_PERIODS) ?? `use ${RATE_PERIODS.join(", ")}`);
      return undefined;
    }
    const amount = this.quantity(this.consts.deref(v.amount, this.diags) ?? v.amount, v.amount.span, "count");
    return amount === undefined ? undefined : { amount, per };
  }

  private enumValue(v: A.Expr, at: Span, options: string[]): unknown {
    if (v.kind !== "ident") {
      this.diags.report("SYN3003", `expected one of ${options.join(", ")}, found ${describeExpr(v)}`, at);
      return undefined;
    }
    if (options.includes(v.name)) return v.name;
    // holidays = uk: the calendars are named by country code, and the UK's is GB.
    const alias = countryAlias(v.name);
    const hint = alias && options.includes(alias) ? countryHint(v.name) : (didYouMean(v.name, options) ?? `use one of ${options.join(", ")}`);
    this.diags.report("SYN2006", `unknown value "${v.name}"`, at, hint);
    return undefined;
  }

  private word(v: A.Expr, at: Span, read: (w: string) => unknown, expected: string): unknown {
    const value = v.kind === "ident" ? read(v.name) : undefined;
    if (value === undefined) this.diags.report("SYN3003", `expected ${expected}, found ${describeExpr(v)}`, at);
    return value;
  }

  private stringValue(v: A.Expr, at: Span): unknown {
    if (v.kind === "string") return v.value;
    const hint = v.kind === "ident" ? `quote it: "${v.name}"` : undefined;
    this.diags.report("SYN3003", `expected a string, found ${describeExpr(v)}`, at, hint);
    return undefined;
  }

  private code(v: A.Expr, at: Span): unknown {
    if (v.kind === "ident" || v.kind === "string") return v.kind === "ident" ? v.name : v.value;
    if (v.kind === "quantity" && !v.suffix && !v.negative) return v.text;
    this.diags.report("SYN3003", `expected a code, found ${describeExpr(v)}`, at);
    return undefined;
  }

  private currency(v: A.Expr, at: Span): unknown {
    if (v.kind !== "ident" || !/^[A-Z]{3}$/.test(v.name)) {
      this.diags.report("SYN3003", `expected a currency code (USD), found ${describeExpr(v)}`, at);
      return undefined;
    }
    return isKnownCurrency(v.name) ? v.name : this.unknownCurrency(v.name, at);
  }

  private unknownCurrency(code: string, at: Span): undefined {
    this.diags.report("SYN3012", `unknown currency "${code}"`, at, "use an ISO 4217 code such as USD, EUR, GBP, JPY");
    return undefined;
  }

  private date(v: A.Expr, at: Span): unknown {
    if (v.kind !== "date") {
      this.diags.report("SYN3003", `expected a date (2024-01-31), found ${describeExpr(v)}`, at);
      return undefined;
    }
    if (!isValidDate(v.text)) {
      this.diags.report("SYN3008", `${v.text} is not a calendar date`, at);
      return undefined;
    }
    return v.text;
  }
}

type UnitOrShape = Unit | "list" | "range";

function unitOf(inner: z.ZodType, meta: FieldMeta): UnitOrShape {
  if (meta.of) return "range";
  if (meta.unit) return meta.unit;
  switch (inner.def.type) {
    case "array":
      return "list";
    case "enum":
      return "enum";
    case "boolean":
      return "bool";
    case "string":
      return "string";
    default:
      return "number";
  }
}

function isBlockSchema(inner: z.ZodType): boolean {
  const meta = metaOf(inner);
  return (inner.def.type === "object" && !meta.of && meta.unit === undefined) || inner.def.type === "record";
}

/** "process" -> "processes", "phase" -> "phases". */
export function plural(noun: string): string {
  return /(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

function describeExpr(v: A.Expr): string {
  switch (v.kind) {
    case "quantity":
      return v.text;
    case "date":
      return v.text;
    case "string":
      return JSON.stringify(v.value);
    case "ident":
      return `"${v.name}"`;
    default:
      return `a ${v.kind}`;
  }
}
