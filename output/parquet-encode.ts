// Encodes one Parquet row group with hyparquet-writer: a pure function of the rows, so it can
// run in an encoder worker or inline and give the same bytes. Offsets in the returned metadata
// are relative to a file that holds only this group (after the 4-byte "PAR1" magic); the table
// writer shifts them to where the group lands.
//
// Column types (logical value -> Parquet):
//   id, text          -> BYTE_ARRAY UTF8 (STRING)
//   int               -> INT64
//   money             -> INT64 DECIMAL(18, 4): every ISO 4217 minor unit fits exactly at scale 4,
//                        so one column can mix JPY (0 digits) and USD (2); the row's currency
//                        column says how many decimals are significant
//   decimal           -> DECIMAL of the column's exact type (rates: DECIMAL(38, 18) as a 16-byte
//                        FIXED_LEN_BYTE_ARRAY; shares, prices, weights: INT64 at their scale)
//   date              -> INT32 DATE (days since 1970-01-01)
//   bool              -> BOOLEAN
//   optional columns  -> OPTIONAL (nullable); all others REQUIRED
// Statistics (min / max / nulls) are written for every column but free text and decimals.
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { decimalType, MONEY_DECIMAL, type Column, type DecimalType } from "../specs/records/table.ts";
import { dictionary, isTextKind, type ColumnBuffer } from "./columnar.ts";

export const MONEY_PRECISION = MONEY_DECIMAL.precision;
export const MONEY_SCALE = MONEY_DECIMAL.scale;
/** The footer's created_by: constant (no version, host or time), for byte-identical files. */
export const CREATED_BY = "synth (hyparquet-writer)";

// The writer's own types (it pins its own hyparquet, whose types can differ from ours).
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];
type ColumnSource = Parameters<ParquetWriter["write"]>[0]["columnData"][number];
export type RowGroup = ParquetWriter["row_groups"][number];
export type PageIndexes = ParquetWriter["pendingIndexes"][number];

/** A row group encoded on its own. */
export interface EncodedGroup {
  bytes: Uint8Array;
  rowGroup: RowGroup;
  indexes: PageIndexes[];
}

const MAGIC_BYTES = 4;
const MAX_UNSCALED = 10n ** BigInt(MONEY_PRECISION) - 1n;

function element(c: Column): SchemaElement {
  const repetition_type = c.optional ? "OPTIONAL" : "REQUIRED";
  switch (c.kind) {
    case "int":
      return { name: c.name, type: "INT64", repetition_type };
    case "money": {
      const decimal = { precision: MONEY_PRECISION, scale: MONEY_SCALE };
      return { name: c.name, type: "INT64", repetition_type, converted_type: "DECIMAL", ...decimal, logical_type: { type: "DECIMAL", ...decimal } };
    }
    case "decimal": {
      const decimal = decimalType(c)!;
      const physical = decimal.precision <= 18 ? { type: "INT64" as const } : { type: "FIXED_LEN_BYTE_ARRAY" as const, type_length: bytesFor(decimal.precision) };
      return { name: c.name, ...physical, repetition_type, converted_type: "DECIMAL", ...decimal, logical_type: { type: "DECIMAL", ...decimal } };
    }
    case "date":
      return { name: c.name, type: "INT32", repetition_type, converted_type: "DATE", logical_type: { type: "DATE" } };
    case "bool":
      return { name: c.name, type: "BOOLEAN", repetition_type };
    default:
      return { name: c.name, type: "BYTE_ARRAY", repetition_type, converted_type: "UTF8", logical_type: { type: "STRING" } };
  }
}

export function parquetSchema(columns: Column[]): SchemaElement[] {
  return [{ name: "schema", num_children: columns.length }, ...columns.map(element)];
}

/** Encodes `rows` rows (text columns as codes into their dictionaries) as one row group. */
export function encodeGroup(columns: Column[], cols: ColumnBuffer[], rows: number): EncodedGroup {
  const out = new ByteWriter(1 << 20);
  const pq = new ParquetWriter({ writer: out, schema: parquetSchema(columns), createdBy: CREATED_BY });
  const columnData = columns.map((c, i): ColumnSource => ({ name: c.name, data: parquetValues(c, cols[i]!, rows), statistics: c.kind !== "text" && c.kind !== "decimal" }));
  void pq.write({ columnData, rowGroupSize: rows });
  return { bytes: out.getBytes().slice(MAGIC_BYTES), rowGroup: pq.row_groups[0]!, indexes: pq.pendingIndexes };
}

/** Moves a group's metadata by `delta` bytes (to where it is written in the file). */
export function shiftGroup(g: EncodedGroup, delta: number): void {
  const d = BigInt(delta - MAGIC_BYTES);
  g.rowGroup.columns.forEach((chunk, i) => {
    chunk.file_offset += d;
    const m = chunk.meta_data!;
    m.data_page_offset += d;
    if (m.dictionary_page_offset !== undefined) m.dictionary_page_offset += d;
    // Structured clone loses the identity the footer relies on: the index entry's chunk is the group's.
    const idx = g.indexes[i]!;
    idx.chunk = chunk;
    for (const p of idx.offsetIndex?.page_locations ?? []) p.offset += d;
  });
}

/** The first `n` values of a column in the shape hyparquet-writer encodes for its type. */
function parquetValues(c: Column, b: ColumnBuffer, n: number): ColumnSource["data"] {
  if (c.kind === "decimal") return decimals(c, b, n);
  if (isTextKind(c.kind)) return strings(b, n);
  const num = b.num!;
  const nulls = b.nulls;
  if (c.kind === "date" && !nulls) return Int32Array.from(num.subarray(0, n));
  if (c.kind === "int" && !nulls) {
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = BigInt(num[i]!);
    return out;
  }
  if (c.kind === "money" && !nulls) {
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = unscaled(num[i]!, b.digits![i]!, c);
    return out;
  }
  const out = new Array<unknown>(n) as unknown[] & ColumnSource["data"];
  for (let i = 0; i < n; i++) out[i] = nulls?.[i] ? null : value(c, b, i);
  return out;
}

function strings(b: ColumnBuffer, n: number): string[] {
  const dict = dictionary(b);
  const codes = b.codes!;
  const out: (string | null)[] = [];
  for (let i = 0; i < n; i++) out.push(codes[i]! < 0 ? null : dict[codes[i]!]!);
  return out as string[];
}

/** Exact decimal strings -> unscaled integers of the column's DECIMAL type (one parse per distinct string). */
function decimals(c: Column, b: ColumnBuffer, n: number): ColumnSource["data"] {
  const type = decimalType(c)!;
  const parsed = dictionary(b).map((text) => unscaledText(text, type, c));
  const codes = b.codes!;
  const out: (bigint | null)[] = [];
  for (let i = 0; i < n; i++) out.push(codes[i]! < 0 ? null : parsed[codes[i]!]!);
  return out as unknown as ColumnSource["data"];
}

/** "-12.5" at scale 4 -> -125000n, exactly; a value the type cannot hold is an error, never rounded. */
export function unscaledText(text: string, type: DecimalType, c: Column): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  const frac = (m?.[3] ?? "").replace(/0+$/, "");
  if (!m || frac.length > type.scale) throw new Error(`${c.name}: ${JSON.stringify(text)} does not fit DECIMAL(${type.precision}, ${type.scale})`);
  const v = BigInt(m[2]! + frac.padEnd(type.scale, "0"));
  if (v > 10n ** BigInt(type.precision) - 1n) throw new Error(`${c.name}: ${text} exceeds DECIMAL(${type.precision}, ${type.scale})`);
  return m[1] ? -v : v;
}

/** Bytes of a two's-complement integer that holds every `precision`-digit value. */
function bytesFor(precision: number): number {
  return Math.ceil((Math.log2(10) * precision + 1) / 8);
}

function value(c: Column, b: ColumnBuffer, i: number): unknown {
  const v = b.num![i]!;
  if (c.kind === "bool") return v === 1;
  if (c.kind === "int") return BigInt(v);
  if (c.kind === "money") return unscaled(v, b.digits![i]!, c);
  return v;
}

const POW10 = [1, 10, 100, 1000, 10000];

/** Minor units with `digits` decimals -> the DECIMAL(18, 4) unscaled integer, exactly. */
function unscaled(minor: number, digits: number, c: Column): bigint {
  const shift = MONEY_SCALE - digits;
  if (shift < 0) throw new Error(`${c.name}: money with ${digits} minor digits does not fit DECIMAL(${MONEY_PRECISION}, ${MONEY_SCALE})`);
  const v = minor * POW10[shift]!;
  if (Number.isSafeInteger(v)) return BigInt(v);
  const big = BigInt(minor) * BigInt(POW10[shift]!);
  if (big > MAX_UNSCALED || big < -MAX_UNSCALED) throw new Error(`${c.name}: ${minor} (${digits} digits) exceeds DECIMAL(${MONEY_PRECISION}, ${MONEY_SCALE})`);
  return big;
}
