// Row writers: generators emit each row field by field, in the table's column order, and the
// writer encodes straight into the output format (no per-record objects on the hot path).
import type { Column, ColumnKind, TableSpec } from "../specs/records/table.ts";

export interface RowWriter {
  /** A value that never needs quoting (ids, codes, account numbers). */
  id(v: string): void;
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

export type Format = "csv" | "ndjson" | "objects";

const PAD2: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? "0" : "") + i);

/** Minor units -> "1234.50"; exact for any safe integer. */
export function formatMinor(minor: number, digits: number): string {
  const neg = minor < 0;
  const abs = neg ? -minor : minor;
  let s: string;
  if (digits === 2) {
    const major = Math.floor(abs / 100);
    s = major + "." + PAD2[abs - major * 100];
  } else if (digits === 0) {
    s = String(abs);
  } else {
    const p = 10 ** digits;
    const major = Math.floor(abs / p);
    s = major + "." + String(abs - major * p).padStart(digits, "0");
  }
  return neg ? "-" + s : s;
}

const NEEDS_QUOTE = /[",\r\n]/;

/** CSV (RFC 4180): header line first, fields quoted only when they must be. */
export class CsvWriter implements RowWriter {
  buf = "";
  rows = 0;
  private sep = "";

  static header(spec: TableSpec): string {
    return spec.columns.map((c) => c.name).join(",") + "\n";
  }
  id(v: string): void {
    this.buf += this.sep + v;
    this.sep = ",";
  }
  text(v: string): void {
    this.buf += this.sep + (NEEDS_QUOTE.test(v) ? '"' + v.replaceAll('"', '""') + '"' : v);
    this.sep = ",";
  }
  int(v: number): void {
    this.buf += this.sep + v;
    this.sep = ",";
  }
  money(minor: number, digits: number): void {
    this.buf += this.sep + formatMinor(minor, digits);
    this.sep = ",";
  }
  decimal(v: string): void {
    this.id(v);
  }
  date(v: string): void {
    this.id(v);
  }
  bool(v: boolean): void {
    this.buf += this.sep + (v ? "true" : "false");
    this.sep = ",";
  }
  empty(): void {
    this.buf += this.sep;
    this.sep = ",";
  }
  end(): void {
    this.buf += "\n";
    this.sep = "";
    this.rows++;
  }
}

/** Newline-delimited JSON: ints and bools as JSON values, money and decimals as strings. */
export class NdjsonWriter implements RowWriter {
  buf = "";
  rows = 0;
  private col = 0;
  private readonly keys: string[];

  constructor(spec: TableSpec) {
    this.keys = spec.columns.map((c, i) => (i === 0 ? "{" : ",") + JSON.stringify(c.name) + ":");
  }
  private put(json: string): void {
    this.buf += this.keys[this.col++] + json;
  }
  id(v: string): void {
    this.put('"' + v + '"');
  }
  text(v: string): void {
    this.put(JSON.stringify(v));
  }
  int(v: number): void {
    this.put(String(v));
  }
  money(minor: number, digits: number): void {
    this.put('"' + formatMinor(minor, digits) + '"');
  }
  decimal(v: string): void {
    this.id(v);
  }
  date(v: string): void {
    this.id(v);
  }
  bool(v: boolean): void {
    this.put(v ? "true" : "false");
  }
  empty(): void {
    this.put("null");
  }
  end(): void {
    this.buf += "}\n";
    this.col = 0;
    this.rows++;
  }
}

/** Logical records in memory: for tests, the library API and property-based checks. */
export class ObjectWriter implements RowWriter {
  readonly records: Record<string, unknown>[] = [];
  private current: Record<string, unknown> = {};
  private col = 0;
  private readonly columns: Column[];

  constructor(spec: TableSpec) {
    this.columns = spec.columns;
  }
  get rows(): number {
    return this.records.length;
  }
  private put(v: unknown): void {
    this.current[this.columns[this.col++]!.name] = v;
  }
  id(v: string): void {
    this.put(v);
  }
  text(v: string): void {
    this.put(v);
  }
  int(v: number): void {
    this.put(v);
  }
  money(minor: number, digits: number): void {
    this.put(formatMinor(minor, digits));
  }
  decimal(v: string): void {
    this.put(v);
  }
  date(v: string): void {
    this.put(v);
  }
  bool(v: boolean): void {
    this.put(v);
  }
  empty(): void {
    this.put(null);
  }
  end(): void {
    this.records.push(this.current);
    this.current = {};
    this.col = 0;
  }
}

/** Writes the same rows to several formats at once. */
export class FanOutWriter implements RowWriter {
  constructor(readonly targets: RowWriter[]) {}
  get rows(): number {
    return this.targets[0]?.rows ?? 0;
  }
  id(v: string): void {
    for (const t of this.targets) t.id(v);
  }
  text(v: string): void {
    for (const t of this.targets) t.text(v);
  }
  int(v: number): void {
    for (const t of this.targets) t.int(v);
  }
  money(minor: number, digits: number): void {
    for (const t of this.targets) t.money(minor, digits);
  }
  decimal(v: string): void {
    for (const t of this.targets) t.decimal(v);
  }
  date(v: string): void {
    for (const t of this.targets) t.date(v);
  }
  bool(v: boolean): void {
    for (const t of this.targets) t.bool(v);
  }
  empty(): void {
    for (const t of this.targets) t.empty();
  }
  end(): void {
    for (const t of this.targets) t.end();
  }
}

export function writerFor(format: Format, spec: TableSpec): RowWriter {
  if (format === "csv") return new CsvWriter();
  if (format === "ndjson") return new NdjsonWriter(spec);
  return new ObjectWriter(spec);
}

export type { ColumnKind };
