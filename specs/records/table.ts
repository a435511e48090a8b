// Record specs: each output table is declared once, as ordered typed columns. The zod schema
// (logical values), CSV header, NDJSON keys, column types for columnar formats and the data
// dictionary are all derived from this declaration.
import { z } from "zod";

export type ColumnKind =
  | "id" // identifier-like text that never needs CSV quoting (codes, ids, numbers-as-text)
  | "text" // free text, quoted as needed
  | "int" // integer
  | "money" // decimal string with the currency's minor digits ("1234.50")
  | "decimal" // other exact decimals as strings (rates, quantities)
  | "date" // YYYY-MM-DD
  | "bool";

export interface Column {
  name: string;
  kind: ColumnKind;
  optional: boolean;
  doc: string;
  /** A code column's values and their meanings: the schema accepts only these, the doc lists them. */
  values?: Readonly<Record<string, string>>;
  /** A decimal column's exact type, when not DEFAULT_DECIMAL. */
  decimal?: DecimalType;
}

/** An exact decimal type: `precision` digits, `scale` of them after the point. */
export interface DecimalType {
  precision: number;
  scale: number;
}

/** Money in any currency: every ISO 4217 minor unit (0 to 3 digits) fits exactly at scale 4. */
export const MONEY_DECIMAL: DecimalType = { precision: 18, scale: 4 };
/** Rates and other decimals not declared otherwise: 8 significant digits down to 1e-10 fit. */
export const DEFAULT_DECIMAL: DecimalType = { precision: 38, scale: 18 };

/** The exact type of a money or decimal column (what Parquet, DuckDB and the schemas use). */
export function decimalType(col: Column): DecimalType | undefined {
  if (col.kind === "money") return MONEY_DECIMAL;
  if (col.kind === "decimal") return col.decimal ?? DEFAULT_DECIMAL;
  return undefined;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function zodFor(kind: ColumnKind): z.ZodType {
  switch (kind) {
    case "id":
      return z.string().min(1).regex(/^[^,"\r\n]*$/, "ids never need quoting");
    case "text":
      return z.string();
    case "int":
      return z.number().int();
    case "money":
    case "decimal":
      return z.string().regex(DECIMAL);
    case "date":
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
    case "bool":
      return z.boolean();
  }
}

type Def = { kind: ColumnKind; optional?: boolean; doc: string; values?: Readonly<Record<string, string>>; decimal?: DecimalType };

export const c = {
  id: (doc: string): Def => ({ kind: "id", doc }),
  text: (doc: string): Def => ({ kind: "text", doc }),
  int: (doc: string): Def => ({ kind: "int", doc }),
  money: (doc: string): Def => ({ kind: "money", doc }),
  /** An exact decimal kept as written; `type` when narrower than DEFAULT_DECIMAL (it must hold every value). */
  decimal: (doc: string, type?: DecimalType): Def => ({ kind: "decimal", doc, ...(type ? { decimal: type } : {}) }),
  date: (doc: string): Def => ({ kind: "date", doc }),
  bool: (doc: string): Def => ({ kind: "bool", doc }),
  /** An id from a fixed list of codes; the column's doc is `doc` followed by every code and its meaning. */
  code: (values: Readonly<Record<string, string>>, doc: string): Def => ({ kind: "id", values, doc: `${doc}: ${Object.entries(values).map(([k, v]) => `${k} ${v}`).join(", ")}` }),
  optional: (d: Def): Def => ({ ...d, optional: true }),
};

export interface TableSpec {
  name: string;
  doc: string;
  columns: Column[];
  /**
   * The business documents whose ids this table holds, by the source document type journal
   * entries and document references name them with (`source_document_type`): the checkers
   * resolve every reference through these, so a phase's documents need no edit elsewhere.
   */
  documents?: Readonly<Record<string, string>>;
  /** Validates one logical record (ints as numbers, money as decimal strings). */
  schema: z.ZodObject;
}

export function table(name: string, doc: string, defs: Record<string, Def>, opts: { documents?: Record<string, string> } = {}): TableSpec {
  const columns: Column[] = Object.entries(defs).map(([n, d]) => ({ name: n, kind: d.kind, optional: d.optional ?? false, doc: d.doc, ...(d.values ? { values: d.values } : {}), ...(d.decimal ? { decimal: d.decimal } : {}) }));
  const of = (col: Column) => (col.values ? z.enum(Object.keys(col.values) as [string, ...string[]]) : zodFor(col.kind));
  const shape = Object.fromEntries(columns.map((col) => [col.name, col.optional ? of(col).nullable() : of(col)]));
  for (const col of Object.values(opts.documents ?? {})) if (!defs[col]) throw new Error(`internal: table ${name} declares documents in a column ${col} it does not have`);
  return { name, doc, columns, schema: z.object(shape).strict(), ...(opts.documents ? { documents: opts.documents } : {}) };
}

/** A CSV field (already unquoted) -> its logical value, per the column kind. */
export function fromText(col: Column, text: string): unknown {
  if (text === "" && col.optional) return null;
  switch (col.kind) {
    case "int":
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case "bool":
      return text === "true" ? true : text === "false" ? false : text;
    default:
      return text;
  }
}

/**
 * How a generator emits a row: field by field, in the table's column order; the writer encodes
 * straight into the output format (no per-record objects on the hot path).
 */
export interface RowWriter {
  /** A value that never needs quoting (ids, codes, account numbers). */
  id(v: string): void;
  /** An id made of a prefix and a zero-padded number (JE-C01-000000042), without building it. */
  padded(prefix: string, n: number, width: number): void;
  /** Free text. */
  text(v: string): void;
  int(v: number): void;
  /** Integer minor units, written with `digits` decimals. */
  money(minor: number, digits: number): void;
  /** Preformatted exact decimal. */
  decimal(v: string): void;
  /** YYYY-MM-DD */
  date(v: string): void;
  bool(v: boolean): void;
  /** An absent optional value. */
  empty(): void;
  end(): void;
  readonly rows: number;
}

/** Gives a generator the writer of each table it fills, and of the files that are not tables. */
export interface TableOut {
  table(spec: TableSpec): RowWriter;
  /** A non-table output (GraphML, import scripts) at a path under the output directory, declared by the phase. */
  stream(path: string): { write(text: string): void };
  /**
   * Hands the rows written so far to the output (a main step that writes much calls this at
   * natural boundaries, so memory stays flat); a no-op where rows must stay together.
   */
  flush?(): void;
}
