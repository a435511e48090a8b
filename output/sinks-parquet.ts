// Parquet output: one file per table, encoded with hyparquet-writer (pure JS, no native code).
// Rows arrive per block as columns and are cut into row groups of exactly ROW_GROUP_ROWS rows
// (the last one shorter), so the bytes never depend on how blocks were batched. Row groups are
// encoded in parallel by a few encoder threads (parquet-worker.ts) and written in order; only
// the open group and the groups being encoded are in memory. The footer is written by
// finish(): until then the file is not valid Parquet (an interrupted run leaves it so, and
// --resume is refused for parquet). Column types: see parquet-encode.ts.
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { Column, TableSpec } from "../specs/records/table.ts";
import { allocColumns, columnTransferables, regrow, type ColumnBuffer } from "./columnar.ts";
import { CREATED_BY, encodeGroup, parquetSchema, shiftGroup, type EncodedGroup } from "./parquet-encode.ts";
import type { EncodeJob, EncodeReply } from "./parquet-worker.ts";

export { CREATED_BY, MONEY_PRECISION, MONEY_SCALE } from "./parquet-encode.ts";

/** Rows per row group: fixed, so file bytes depend on the rows alone. */
export const ROW_GROUP_ROWS = 100_000;

/** Encodes a row group somewhere (an encoder thread or this one); the bytes are the same. */
export type GroupEncoder = (columns: Column[], cols: ColumnBuffer[], rows: number) => Promise<EncodedGroup>;

export const encodeInline: GroupEncoder = async (columns, cols, rows) => encodeGroup(columns, cols, rows);

/** Hands the bytes the footer writer produces to `emit`; row groups arrive already encoded. */
class StreamingBytes extends ByteWriter {
  constructor(private readonly emit: (bytes: Uint8Array) => void) {
    super(1 << 16);
  }
  flush(): void {
    if (this.index === 0) return;
    // A copy: the buffer is reused for the next bytes.
    this.emit(new Uint8Array(this.buffer, 0, this.index).slice());
    this.index = 0;
  }
  /** Bytes encoded elsewhere, written at the current offset. */
  place(bytes: Uint8Array): void {
    this.flush();
    this.emit(bytes);
    this.offset += bytes.byteLength;
  }
  override finish(): void {
    this.flush();
  }
}

/** One row group's rows: numbers copied, text kept as codes into the chunks' dictionaries. */
class GroupBuilder {
  rows = 0;
  private capacity = 0;
  private cols: ColumnBuffer[] = [];
  private texts: string[][] = [];
  private lens: Uint32Array[][] = [];
  private sizes: number[] = [];
  /** Per column: the chunk whose dictionary was added last, and where its codes start. */
  private last: (ColumnBuffer | undefined)[] = [];
  private base: number[] = [];

  constructor(
    private readonly spec: TableSpec,
    private readonly max: number,
  ) {
    this.reset();
  }

  add(src: ColumnBuffer[], from: number, n: number): void {
    if (this.rows + n > this.capacity) this.grow(this.rows + n);
    for (let i = 0; i < src.length; i++) {
      const s = src[i]!;
      const d = this.cols[i]!;
      if (d.codes) this.addCodes(i, s, d.codes, from, n);
      else {
        d.num!.set(s.num!.subarray(from, from + n), this.rows);
        if (d.digits) d.digits.set(s.digits!.subarray(from, from + n), this.rows);
        if (d.nulls) d.nulls.set(s.nulls!.subarray(from, from + n), this.rows);
      }
    }
    this.rows += n;
  }

  /** The group's columns (exactly sized; hand them over) and a fresh, empty builder. */
  take(): ColumnBuffer[] {
    const n = this.rows;
    const out = this.cols.map((c, i) => ({
      num: c.num?.subarray(0, n),
      digits: c.digits?.subarray(0, n),
      nulls: c.nulls?.subarray(0, n),
      codes: c.codes?.subarray(0, n),
      dict: c.codes && { text: this.texts[i]!.join(""), lens: concat(this.lens[i]!, this.sizes[i]!) },
    }));
    this.reset();
    return out;
  }

  private addCodes(i: number, s: ColumnBuffer, codes: Int32Array, from: number, n: number): void {
    if (this.last[i] !== s) {
      this.last[i] = s;
      this.base[i] = this.sizes[i]!;
      this.texts[i]!.push(s.dict!.text);
      this.lens[i]!.push(s.dict!.lens);
      this.sizes[i]! += s.dict!.lens.length;
    }
    const base = this.base[i]!;
    const src = s.codes!;
    for (let r = 0; r < n; r++) {
      const code = src[from + r]!;
      codes[this.rows + r] = code < 0 ? -1 : code + base;
    }
  }

  private reset(): void {
    const n = this.spec.columns.length;
    this.rows = 0;
    this.capacity = Math.min(this.max, 1024);
    this.cols = allocColumns(this.spec, this.capacity);
    this.texts = Array.from({ length: n }, () => []);
    this.lens = Array.from({ length: n }, () => []);
    this.sizes = new Array(n).fill(0);
    this.last = new Array(n).fill(undefined);
    this.base = new Array(n).fill(0);
  }

  private grow(rows: number): void {
    while (this.capacity < rows) this.capacity = Math.min(this.max, this.capacity * 2);
    regrow(this.cols, this.rows, this.capacity);
  }
}

function concat(parts: Uint32Array[], size: number): Uint32Array {
  const out = new Uint32Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One table's Parquet file being written. */
export class ParquetTable {
  /** Rows appended (written or still in a row group). */
  rows = 0;
  private failure: unknown;
  private readonly builder: GroupBuilder;
  private readonly out: StreamingBytes;
  private readonly pq: ParquetWriter;
  /** Settles when every submitted row group is in the file, in order. */
  private written: Promise<void> = Promise.resolve();

  constructor(
    private readonly spec: TableSpec,
    emit: (bytes: Uint8Array) => void,
    private readonly encode: GroupEncoder = encodeInline,
    /** Rows per row group (tests use small groups). */
    private readonly groupRows = ROW_GROUP_ROWS,
  ) {
    this.builder = new GroupBuilder(spec, groupRows);
    this.out = new StreamingBytes(emit);
    this.pq = new ParquetWriter({ writer: this.out, schema: parquetSchema(spec.columns), createdBy: CREATED_BY });
  }

  append(cols: ColumnBuffer[], rows: number): void {
    if (this.failure) throw this.failure;
    for (let from = 0; from < rows; ) {
      const n = Math.min(rows - from, this.groupRows - this.builder.rows);
      this.builder.add(cols, from, n);
      this.rows += n;
      from += n;
      if (this.builder.rows === this.groupRows) this.submit();
    }
  }

  /** Waits until every full row group so far is written. */
  flush(): Promise<void> {
    return this.written;
  }

  /** Writes the last row group and the footer. */
  async finish(): Promise<void> {
    if (this.builder.rows > 0) this.submit();
    await this.written;
    void this.pq.finish();
  }

  private submit(): void {
    const rows = this.builder.rows;
    const job = this.encode(this.spec.columns, this.builder.take(), rows);
    // Groups encode concurrently but land in submission order.
    job.catch(() => {});
    this.written = this.written.then(() => job).then((g) => this.place(g, rows));
    this.written.catch((e) => (this.failure ??= e));
  }

  private place(g: EncodedGroup, rows: number): void {
    this.out.flush();
    shiftGroup(g, this.out.offset);
    this.out.place(g.bytes);
    this.pq.row_groups.push(g.rowGroup);
    this.pq.pendingIndexes.push(...g.indexes);
    this.pq.num_rows += BigInt(rows);
  }
}

/**
 * A few encoder threads, started on first use; jobs wait for an idle one. When 4x as many
 * jobs wait as there are threads, the caller encodes the next group itself: that bounds the
 * groups held in memory and slows the producer down (backpressure) instead of queueing on.
 */
export class EncoderPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { job: EncodeJob; done: Settle }[] = [];
  private readonly running = new Map<number, { worker: Worker; done: Settle }>();
  private nextId = 1;

  constructor(readonly size = Math.max(1, Math.min(4, navigator.hardwareConcurrency))) {}

  readonly encode: GroupEncoder = (columns, cols, rows) => {
    if (this.queue.length >= 4 * this.size) return encodeInline(columns, cols, rows);
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, columns, cols, rows }, done: { resolve, reject } });
      this.pump();
    });
  };

  stop(): void {
    for (const w of this.workers) w.terminate();
    for (const { done } of [...this.running.values(), ...this.queue]) done.reject(new Error("the parquet encoder was stopped"));
    this.workers.length = this.idle.length = this.queue.length = 0;
    this.running.clear();
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.workers.length < this.size)) {
      const worker = this.idle.pop() ?? this.spawn();
      const { job, done } = this.queue.shift()!;
      this.running.set(job.id, { worker, done });
      const transfer = new Set<ArrayBuffer>();
      columnTransferables(job.cols, transfer);
      // Referenced while it works, so the process waits for it; idle threads never hold it open.
      worker.ref();
      worker.postMessage(job, [...transfer]);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(new URL("./parquet-worker.ts", import.meta.url));
    worker.onmessage = (ev: MessageEvent<EncodeReply>) => this.reply(worker, ev.data);
    worker.onerror = (ev) => this.crash(worker, ev.message);
    this.workers.push(worker);
    return worker;
  }

  private reply(worker: Worker, r: EncodeReply): void {
    const run = this.running.get(r.id);
    this.running.delete(r.id);
    worker.unref();
    this.idle.push(worker);
    if ("error" in r) run?.done.reject(new Error(r.error));
    else run?.done.resolve(r.group);
    this.pump();
  }

  private crash(worker: Worker, message: string): void {
    for (const [id, run] of this.running) {
      if (run.worker !== worker) continue;
      this.running.delete(id);
      run.done.reject(new Error(`parquet encoder failed: ${message}`));
    }
  }
}

interface Settle {
  resolve: (g: EncodedGroup) => void;
  reject: (e: Error) => void;
}
