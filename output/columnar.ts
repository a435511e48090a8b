// Columnar rows: a block's rows kept per column in compact arrays. Workers send them to the
// main thread (typed arrays transferred, not copied), where the Parquet and SQLite sinks encode
// them; the logical values are exactly those of the CSV and NDJSON writers.
import type { ColumnKind, TableSpec } from "../specs/records/table.ts";
import { formatMinor } from "./writers.ts";
import type { RowWriter } from "../specs/records/table.ts";

/** One column of a run of rows. Which fields are set follows the column's kind. */
export interface ColumnBuffer {
  /** int: the value; money: minor units; date: days since 1970-01-01; bool: 0 or 1. */
  num?: Float64Array;
  /** money: each value's minor digits (a table can mix JPY 0 and USD 2). */
  digits?: Uint8Array;
  /** Numeric kinds of optional columns: 1 where the value is absent. */
  nulls?: Uint8Array;
  /** id, text, decimal: each row's index into the column's distinct strings, -1 when absent. */
  codes?: Int32Array;
  /**
   * The distinct strings, concatenated, with their lengths: one string crosses threads far
   * faster than an array of them (structured clone costs about 1 us per array element).
   */
  dict?: { text: string; lens: Uint32Array };
  /** `dict` split back into strings (cached per chunk on the main thread). */
  decoded?: string[];
}

/** A text column's distinct strings, in code order. */
export function dictionary(b: ColumnBuffer): string[] {
  if (b.decoded) return b.decoded;
  const { text, lens } = b.dict!;
  const out = new Array<string>(lens.length);
  for (let i = 0, at = 0; i < lens.length; at += lens[i++]!) out[i] = text.slice(at, at + lens[i]!);
  return (b.decoded = out);
}

/** Kinds kept as strings: identifiers, free text and exact decimals (rates, quantities). */
export function isTextKind(kind: ColumnKind): boolean {
  return kind === "id" || kind === "text" || kind === "decimal";
}

/** Empty buffers for a spec's columns, sized for `capacity` rows. */
export function allocColumns(spec: TableSpec, capacity: number): ColumnBuffer[] {
  return spec.columns.map((c) => {
    if (isTextKind(c.kind)) return { codes: new Int32Array(capacity) };
    const b: ColumnBuffer = { num: new Float64Array(capacity) };
    if (c.kind === "money") b.digits = new Uint8Array(capacity);
    if (c.optional) b.nulls = new Uint8Array(capacity);
    return b;
  });
}

/** The same buffers, regrown to `capacity` rows, keeping the first `rows`. */
export function regrow(cols: ColumnBuffer[], rows: number, capacity: number): void {
  for (const c of cols) {
    if (c.codes) c.codes = grown(c.codes, new Int32Array(capacity), rows);
    if (c.num) c.num = grown(c.num, new Float64Array(capacity), rows);
    if (c.digits) c.digits = grown(c.digits, new Uint8Array(capacity), rows);
    if (c.nulls) c.nulls = grown(c.nulls, new Uint8Array(capacity), rows);
  }
}

function grown<T extends Float64Array | Uint8Array | Int32Array>(old: T, next: T, rows: number): T {
  next.set(old.subarray(0, rows) as never);
  return next;
}

/** The ArrayBuffers behind the columns, to transfer between threads. */
export function columnTransferables(cols: ColumnBuffer[], into: Set<ArrayBuffer>): void {
  for (const c of cols) for (const a of [c.num, c.digits, c.nulls, c.codes, c.dict?.lens]) if (a) into.add(a.buffer as ArrayBuffer);
}

/** "2024-11-05" -> days since 1970-01-01, without a Date (civil-from-days, proleptic Gregorian). */
export function daysFromIso(s: string): number {
  const y0 = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

/** Days since 1970-01-01 -> "2024-11-05". */
export function isoFromDays(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** "-1234.50" -> minor units and digits. */
export function parseDecimalMinor(v: string): { minor: number; digits: number } {
  const dot = v.indexOf(".");
  if (dot < 0) return { minor: Number(v), digits: 0 };
  return { minor: Number(v.slice(0, dot) + v.slice(dot + 1)), digits: v.length - dot - 1 };
}

/**
 * A RowWriter that fills column buffers. The column's kind decides how a value is kept, so a
 * generator that writes a money column with decimal() still gets an exact money value.
 */
export class ColumnarWriter implements RowWriter {
  rows = 0;
  private col = 0;
  private capacity: number;
  private readonly cols: ColumnBuffer[];
  private readonly kinds: ColumnKind[];
  /** Per text column: its distinct strings -> code (interning keeps chunks small and fast to send). */
  private readonly codes: (Map<string, number> | undefined)[];

  constructor(readonly spec: TableSpec, capacity = 256) {
    this.capacity = capacity;
    this.cols = allocColumns(spec, capacity);
    this.kinds = spec.columns.map((c) => c.kind);
    this.codes = spec.columns.map((c) => (isTextKind(c.kind) ? new Map() : undefined));
  }

  id(v: string): void {
    this.string(v);
  }
  padded(prefix: string, n: number, width: number): void {
    this.string(prefix + String(n).padStart(width, "0"));
  }
  text(v: string): void {
    this.string(v);
  }
  decimal(v: string): void {
    if (this.kinds[this.col] !== "money") return this.string(v);
    const { minor, digits } = parseDecimalMinor(v);
    this.money(minor, digits);
  }
  int(v: number): void {
    if (!this.cols[this.col]!.num) return this.string(String(v));
    this.cols[this.col++]!.num![this.rows] = v;
  }
  money(minor: number, digits: number): void {
    const c = this.cols[this.col]!;
    if (!c.num) return this.string(formatMinor(minor, digits));
    this.col++;
    c.num[this.rows] = minor;
    if (c.digits) c.digits[this.rows] = digits;
  }
  date(v: string): void {
    if (this.kinds[this.col] === "date") this.cols[this.col++]!.num![this.rows] = daysFromIso(v);
    else this.string(v);
  }
  bool(v: boolean): void {
    if (!this.cols[this.col]!.num) return this.string(v ? "true" : "false");
    this.cols[this.col++]!.num![this.rows] = v ? 1 : 0;
  }
  empty(): void {
    const c = this.cols[this.col++]!;
    if (c.codes) c.codes[this.rows] = -1;
    else if (c.nulls) c.nulls[this.rows] = 1;
    else throw new Error(`internal: ${this.spec.name}.${this.spec.columns[this.col - 1]!.name} is not optional`);
  }
  end(): void {
    this.col = 0;
    if (++this.rows === this.capacity) regrow(this.cols, this.rows, (this.capacity *= 2));
  }

  /** A string value: interned in a text column, converted for a numeric one (a date as an id). */
  private string(v: string): void {
    const kind = this.kinds[this.col]!;
    const codes = this.codes[this.col];
    const c = this.cols[this.col++]!;
    if (codes) {
      let code = codes.get(v);
      if (code === undefined) codes.set(v, (code = codes.size));
      c.codes![this.rows] = code;
    } else if (kind === "date") c.num![this.rows] = daysFromIso(v);
    else if (kind === "bool") c.num![this.rows] = v === "true" ? 1 : 0;
    else if (kind === "money") {
      this.col--;
      this.decimal(v);
    } else c.num![this.rows] = Number(v);
  }

  /** The rows written, as exactly sized views (hand them over; the writer is done). */
  take(): ColumnBuffer[] {
    const n = this.rows;
    return this.cols.map((c, i) => {
      const codes = this.codes[i];
      const dict = codes && { text: [...codes.keys()].join(""), lens: Uint32Array.from(codes.keys(), (k) => k.length) };
      return { num: c.num?.subarray(0, n), digits: c.digits?.subarray(0, n), nulls: c.nulls?.subarray(0, n), codes: c.codes?.subarray(0, n), dict };
    });
  }
}
