// Row writers: generators emit each row field by field, in the table's column order, and the
// writer encodes straight into the output format (no per-record objects on the hot path).
import type { Column, ColumnKind, RowWriter, TableSpec } from "../specs/records/table.ts";



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

/**
 * A growable byte buffer that encodes ASCII by hand (ids, numbers, dates: the bulk of every row)
 * and falls back to TextEncoder only for non-ASCII text. Building one big JS string and
 * encoding it at the end was a third of the generation time.
 */
export class ByteBuffer {
  buf: Uint8Array<ArrayBufferLike> = new Uint8Array(1 << 16);
  pos = 0;
  private static readonly encoder = new TextEncoder();
  private static readonly scratch = new Map<string, ByteBuffer>();

  /**
   * A reset buffer reused per key on this thread: blocks run one at a time and `take()` copies,
   * so regrowing a fresh buffer for every block (a tenth of the time) is avoided.
   */
  static reused(key: string): ByteBuffer {
    let b = ByteBuffer.scratch.get(key);
    if (!b) ByteBuffer.scratch.set(key, (b = new ByteBuffer()));
    b.pos = 0;
    return b;
  }

  /** Makes room for n more bytes (callers check `pos + n > buf.length` first: calls are costly here). */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** Writes a string; returns false (writing nothing) if it is not pure ASCII. */
  ascii(s: string): boolean {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.ensure(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) return false;
      b[p++] = c;
    }
    this.pos = p;
    return true;
  }

  utf8(s: string): void {
    this.ensure(s.length * 3);
    this.pos += ByteBuffer.encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  str(s: string): void {
    if (!this.ascii(s)) this.utf8(s);
  }

  /** A non-negative integer's decimal digits, without creating a string. */
  uint(v: number): void {
    if (this.pos + 20 > this.buf.length) this.ensure(20);
    const b = this.buf;
    if (v < 10) {
      b[this.pos++] = 48 + v;
      return;
    }
    const digits = digitCount(v);
    let p = this.pos + digits;
    this.pos = p;
    // Integer division by truncation is exact below 2^31; beyond, Math.floor.
    if (v < 2147483648) {
      for (let t = v; t > 0; t = (t / 10) | 0) b[--p] = 48 + (t % 10);
    } else {
      for (let t = v; t > 0; t = Math.floor(t / 10)) b[--p] = 48 + (t % 10);
    }
  }

  /** `prefix` followed by n zero-padded to `width` digits: ids such as JE-C01-000000042. */
  padded(prefix: string, n: number, width: number): void {
    this.str(prefix);
    if (this.pos + width + 20 > this.buf.length) this.ensure(width + 20);
    for (let pad = width - digitCount(n); pad > 0; pad--) this.buf[this.pos++] = 48;
    this.uint(n);
  }

  int(v: number): void {
    if (v < 0) {
      this.byte(45);
      v = -v;
    }
    this.uint(v);
  }

  /** Minor units as a decimal with `digits` decimals ("1234.50"). */
  money(minor: number, digits: number): void {
    if (minor < 0) {
      this.byte(45);
      minor = -minor;
    }
    if (digits === 0) return this.uint(minor);
    const p = POW10[digits]!;
    const major = Math.floor(minor / p);
    let frac = minor - major * p;
    this.uint(major);
    if (this.pos + digits + 1 > this.buf.length) this.ensure(digits + 1);
    const b = this.buf;
    b[this.pos] = 46;
    for (let i = digits; i >= 1; i--, frac = (frac / 10) | 0) b[this.pos + i] = 48 + (frac % 10);
    this.pos += digits + 1;
  }

  /**
   * Hands over the bytes written so far (a view on this buffer, to be transferred) and continues
   * on a recycled buffer. Copying out every block cost a third of the generation time; instead
   * the main thread sends written buffers back (see recycle).
   */
  take(): Uint8Array {
    // Small outputs are copied out (the scratch stays); large ones are handed over whole.
    if (this.pos < 1 << 18) return this.buf.slice(0, this.pos);
    const out = this.buf.subarray(0, this.pos);
    this.buf = ByteBuffer.spare.pop() ?? new Uint8Array(this.buf.length);
    this.pos = 0;
    return out;
  }

  private static readonly spare: Uint8Array[] = [];

  /** Returns a written chunk's memory to this thread's pool (bounded in bytes, so memory stays flat). */
  static recycle(buffer: ArrayBufferLike): void {
    if (buffer.byteLength < 1 << 18) return;
    const held = ByteBuffer.spare.reduce((s, b) => s + b.byteLength, 0);
    if (held + buffer.byteLength <= SPARE_BYTES) ByteBuffer.spare.push(new Uint8Array(buffer));
  }

  toString(): string {
    return new TextDecoder().decode(this.buf.subarray(0, this.pos));
  }
}

/** Recycled buffers a thread may hold. */
const SPARE_BYTES = 8 * 2 ** 20;

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

function digitCount(v: number): number {
  let d = 1;
  for (let t = 10; t <= v && d < 17; t *= 10) d++;
  return d;
}

const COMMA = 44;
const NL = 10;
const QUOTE = 34;

function needsQuote(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === QUOTE || c === COMMA || c === NL || c === 13) return true;
  }
  return false;
}

/** CSV (RFC 4180), encoded straight to UTF-8 bytes; fields quoted only when they must be. */
export class CsvWriter implements RowWriter {
  constructor(readonly out: ByteBuffer = new ByteBuffer()) {}
  rows = 0;
  private first = true;

  static header(spec: TableSpec): string {
    return spec.columns.map((c) => c.name).join(",") + "\n";
  }
  /** The rows written so far as text (tests, debugging). */
  get buf(): string {
    return this.out.toString();
  }
  private sep(): void {
    if (this.first) this.first = false;
    else this.out.byte(COMMA);
  }
  id(v: string): void {
    this.sep();
    this.out.str(v);
  }
  padded(prefix: string, n: number, width: number): void {
    this.sep();
    this.out.padded(prefix, n, width);
  }
  text(v: string): void {
    this.sep();
    if (!needsQuote(v)) return this.out.str(v);
    this.out.byte(QUOTE);
    this.out.str(v.replaceAll('"', '""'));
    this.out.byte(QUOTE);
  }
  int(v: number): void {
    this.sep();
    this.out.int(v);
  }
  money(minor: number, digits: number): void {
    this.sep();
    this.out.money(minor, digits);
  }
  decimal(v: string): void {
    this.id(v);
  }
  date(v: string): void {
    this.id(v);
  }
  bool(v: boolean): void {
    this.id(v ? "true" : "false");
  }
  empty(): void {
    this.sep();
  }
  end(): void {
    this.out.byte(NL);
    this.first = true;
    this.rows++;
  }
}

/** Newline-delimited JSON: ints and bools as JSON values, money and decimals as strings. */
export class NdjsonWriter implements RowWriter {
  rows = 0;
  private col = 0;
  private readonly keys: string[];

  constructor(
    spec: TableSpec,
    readonly out: ByteBuffer = new ByteBuffer(),
  ) {
    this.keys = spec.columns.map((c, i) => (i === 0 ? "{" : ",") + JSON.stringify(c.name) + ":");
  }
  get buf(): string {
    return this.out.toString();
  }
  private key(): void {
    this.out.ascii(this.keys[this.col++]!);
  }
  id(v: string): void {
    this.text(v);
  }
  padded(prefix: string, n: number, width: number): void {
    this.key();
    this.out.byte(QUOTE);
    this.out.padded(prefix, n, width);
    this.out.byte(QUOTE);
  }
  text(v: string): void {
    this.key();
    this.out.str(JSON.stringify(v));
  }
  int(v: number): void {
    this.key();
    this.out.int(v);
  }
  money(minor: number, digits: number): void {
    this.key();
    this.out.byte(QUOTE);
    this.out.money(minor, digits);
    this.out.byte(QUOTE);
  }
  decimal(v: string): void {
    this.text(v);
  }
  date(v: string): void {
    this.key();
    this.out.byte(QUOTE);
    this.out.ascii(v);
    this.out.byte(QUOTE);
  }
  bool(v: boolean): void {
    this.key();
    this.out.ascii(v ? "true" : "false");
  }
  empty(): void {
    this.key();
    this.out.ascii("null");
  }
  end(): void {
    this.out.ascii("}\n");
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
  padded(prefix: string, n: number, width: number): void {
    this.put(prefix + String(n).padStart(width, "0"));
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

/**
 * Writes a logical record (as ObjectWriter holds it: money and decimals as exact decimal text,
 * null for empty) through a writer, field by field: the bytes equal those of the generator's
 * own calls, so rows an overlay leaves alone are unchanged.
 */
export function writeRecord(w: RowWriter, spec: TableSpec, r: Record<string, unknown>): void {
  for (const c of spec.columns) {
    const v = r[c.name];
    if (v === null || v === undefined) w.empty();
    else if (c.kind === "id") w.id(String(v));
    else if (c.kind === "text") w.text(String(v));
    else if (c.kind === "int") w.int(v as number);
    else if (c.kind === "date") w.date(String(v));
    else if (c.kind === "bool") w.bool(v as boolean);
    else w.decimal(String(v));
  }
  w.end();
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
  padded(prefix: string, n: number, width: number): void {
    for (const t of this.targets) t.padded(prefix, n, width);
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
