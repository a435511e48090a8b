// Where encoded rows go, in block order: files in an output directory (Bun FileSinks, hashed as
// they are written, truncatable to a checkpoint for --resume) or memory (tests, the library).
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync, truncateSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FileSink } from "bun";
import type { Chunk, RowFormat } from "./chunks.ts";
import { CsvWriter } from "./writers.ts";
import { ConfigurationError, outputError } from "../core/errors.ts";
import type { TableSpec } from "../specs/records/table.ts";
import { EncoderPool, ParquetTable } from "./sinks-parquet.ts";
import { SQLITE_FILE, SqliteOutput } from "./sinks-sqlite.ts";

export interface FileState {
  path: string;
  table: string;
  format: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Sink {
  readonly formats: RowFormat[];
  write(chunk: Chunk): void;
  /** Makes everything written so far durable (files) and surfaces write errors. */
  flush(): Promise<void>;
  /**
   * Writes what can only be written once all rows are in (Parquet footers, SQLite indexes);
   * called after the last flush and before files() when a run completes.
   */
  finish?(): Promise<void>;
  files(): FileState[];
  close(): Promise<void>;
}

const EXT: Record<string, string> = { csv: "csv", ndjson: "ndjson", parquet: "parquet" };

interface OpenFile {
  state: Omit<FileState, "sha256">;
  hasher: Bun.CryptoHasher;
  sink: FileSink;
}

export class DirSink implements Sink {
  private readonly open = new Map<string, OpenFile>();
  /** A write error seen asynchronously (an auto-flush); raised at the next write or flush. */
  private failure: Error | undefined;
  private readonly parquet = new Map<string, ParquetTable>();
  private encoders: EncoderPool | undefined;
  private sqlite: SqliteOutput | undefined;
  private sqliteState: FileState | undefined;

  constructor(
    readonly dir: string,
    readonly formats: RowFormat[],
    private readonly specs: Map<string, TableSpec>,
    /** headers: false for shard part files (the merge writes one header per table). */
    private readonly options: { headers: boolean } = { headers: true },
  ) {}

  /** Creates the directory (the caller has checked the paths of `previous`, see DirStore). */
  prepareFresh(previous: string[] = []): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      for (const p of previous) rmSync(p, { force: true });
    } catch (e) {
      throw outputError(this.dir, e);
    }
  }

  /**
   * Refuses, changing nothing, a checkpoint this sink cannot continue: a format that cannot be
   * appended to, or a file that is missing or shorter than the checkpoint says. Paths are absolute
   * and already confined to the output directory.
   */
  checkResume(checkpoint: Omit<FileState, "sha256">[], full: (f: { path: string }) => string): void {
    // Parquet footers and SQLite indexes are written at the end; continuing a file is not supported.
    const unresumable = (f: string) => f === "parquet" || f === "sqlite";
    if (this.formats.some(unresumable) || checkpoint.some((f) => unresumable(f.format))) {
      throw new ConfigurationError("resume is supported for csv and ndjson; this run writes parquet or sqlite", "rerun without --resume");
    }
    for (const f of checkpoint) {
      const path = full(f);
      if (!existsSync(path) || statSync(path).size < f.bytes) {
        throw new ConfigurationError(`cannot resume: ${path} is shorter than its checkpoint; it was changed since the interrupted run`, "rerun without --resume to start over");
      }
    }
  }

  /** Reopens files at a checked checkpoint: removes what it does not list, truncates and re-hashes the rest. */
  prepareResume(checkpoint: Omit<FileState, "sha256">[], full: (f: { path: string }) => string, drop: string[]): void {
    for (const p of drop) rmSync(p, { force: true });
    for (const f of checkpoint) {
      const path = full(f);
      truncateSync(path, f.bytes);
      const hasher = new Bun.CryptoHasher("sha256");
      hashPrefix(path, f.bytes, hasher);
      this.open.set(f.path, { state: { ...f }, hasher, sink: Bun.file(openSync(path, "a")).writer({ highWaterMark: 4 << 20 }) });
    }
  }

  write(chunk: Chunk): void {
    if (chunk.columns) return this.writeColumns(chunk);
    if (!chunk.bytes) return;
    if (this.failure) throw this.failure;
    const f = this.file(chunk.table, chunk.format);
    this.guard(f, () => f.sink.write(chunk.bytes!));
    f.hasher.update(chunk.bytes);
    f.state.bytes += chunk.bytes.byteLength;
    f.state.rows += chunk.rows;
  }

  /** Columnar chunks feed the Parquet file of their table and the SQLite database. */
  private writeColumns(chunk: Chunk): void {
    if (this.failure) throw this.failure;
    const spec = this.specs.get(chunk.table)!;
    if (this.formats.includes("parquet")) {
      const f = this.file(chunk.table, "parquet");
      this.attempt(f.state.path, () => {
        let t = this.parquet.get(chunk.table);
        if (!t) this.parquet.set(chunk.table, (t = new ParquetTable(spec, (b) => this.append(f, b), (this.encoders ??= new EncoderPool()).encode)));
        t.append(chunk.columns!, chunk.rows);
        f.state.rows = t.rows;
      });
    }
    if (this.formats.includes("sqlite")) {
      this.attempt(SQLITE_FILE, () => (this.sqlite ??= new SqliteOutput(join(this.dir, SQLITE_FILE))).append(spec, chunk.columns!, chunk.rows));
    }
  }

  /** Runs an encoder step; a failure becomes this sink's OutputError for `path`. */
  private attempt(path: string, step: () => void): void {
    try {
      step();
    } catch (e) {
      throw (this.failure ??= outputError(join(this.dir, path), e));
    }
  }

  private append(f: OpenFile, bytes: Uint8Array): void {
    this.guard(f, () => f.sink.write(bytes));
    f.hasher.update(bytes);
    f.state.bytes += bytes.byteLength;
  }

  async finish(): Promise<void> {
    // SQLite first: its indexes build on this thread while the encoder threads finish Parquet.
    if (this.sqlite) this.sqliteState = await finishSqlite(this.sqlite, SQLITE_FILE);
    this.sqlite = undefined;
    await this.settleParquet((t) => t.finish());
    this.parquet.clear();
    await this.flush();
  }

  private file(table: string, format: string): OpenFile {
    // A stream's "table" is its path under the output directory.
    const path = format === "stream" ? table : `${table}.${EXT[format]}`;
    let f = this.open.get(path);
    if (f) return f;
    const full = join(this.dir, path);
    const header = format === "csv" && this.options.headers ? CsvWriter.header(this.specs.get(table)!) : "";
    const bytes = new TextEncoder().encode(header);
    let sink: FileSink;
    try {
      if (format === "stream") mkdirSync(dirname(full), { recursive: true });
      sink = Bun.file(full).writer({ highWaterMark: 4 << 20 });
    } catch (e) {
      throw outputError(full, e);
    }
    const hasher = new Bun.CryptoHasher("sha256");
    hasher.update(bytes);
    f = { state: { path, table, format, rows: 0, bytes: bytes.byteLength }, hasher, sink };
    this.open.set(path, f);
    this.guard(f, () => sink.write(bytes));
    return f;
  }

  /** FileSink.write throws, or returns a promise when it flushes; both become OutputErrors. */
  private guard(f: OpenFile, write: () => unknown): void {
    const where = join(this.dir, f.state.path);
    try {
      const r = write();
      if (r instanceof Promise) r.catch((e) => (this.failure ??= outputError(where, e)));
    } catch (e) {
      throw (this.failure ??= outputError(where, e));
    }
  }

  /** Waits for every Parquet table's `step`; a failure becomes an OutputError for its file. */
  private async settleParquet(step: (t: ParquetTable) => Promise<void>): Promise<void> {
    for (const [table, t] of this.parquet) {
      try {
        await step(t);
      } catch (e) {
        throw (this.failure ??= outputError(join(this.dir, `${table}.${EXT.parquet}`), e));
      }
    }
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    await this.settleParquet((t) => t.flush());
    for (const [path, f] of this.open) {
      try {
        await f.sink.flush();
      } catch (e) {
        throw outputError(join(this.dir, path), e);
      }
    }
  }

  files(): FileState[] {
    const db = this.sqliteState ?? (this.sqlite ? { path: SQLITE_FILE, table: "*", format: "sqlite", rows: this.sqlite.rows, bytes: 0, sha256: "" } : undefined);
    return [...this.open.values()]
      .map((f) => ({ ...f.state, sha256: f.hasher.copy().digest("hex") }))
      .concat(db ? [db] : [])
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  async close(): Promise<void> {
    this.encoders?.stop();
    this.encoders = undefined;
    try {
      this.sqlite?.close();
    } catch (e) {
      throw outputError(join(this.dir, SQLITE_FILE), e);
    }
    this.sqlite = undefined;
    for (const [path, f] of this.open) {
      try {
        await f.sink.end();
      } catch (e) {
        throw outputError(join(this.dir, path), e);
      }
    }
    this.open.clear();
  }
}

/** Indexes and compacts the database, then hashes the finished file. */
async function finishSqlite(db: SqliteOutput, path: string): Promise<FileState> {
  try {
    db.finish();
    const bytes = await Bun.file(db.path).bytes();
    const sha256 = new Bun.CryptoHasher("sha256").update(bytes).digest("hex");
    return { path, table: "*", format: "sqlite", rows: db.rows, bytes: bytes.byteLength, sha256 };
  } catch (e) {
    throw outputError(db.path, e);
  }
}

function hashPrefix(path: string, length: number, hasher: Bun.CryptoHasher): void {
  const fd = openSync(path, "r");
  try {
    const buf = new Uint8Array(1 << 20);
    for (let pos = 0; pos < length; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, length - pos), pos);
      if (n <= 0) break;
      hasher.update(buf.subarray(0, n));
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Keeps logical records per table in memory, and the bytes of streams by path. */
export class MemorySink implements Sink {
  readonly formats: RowFormat[] = ["objects"];
  readonly tables = new Map<string, Record<string, unknown>[]>();
  readonly streams = new Map<string, string>();

  write(chunk: Chunk): void {
    if (chunk.format === "stream") {
      this.streams.set(chunk.table, (this.streams.get(chunk.table) ?? "") + new TextDecoder().decode(chunk.bytes));
      return;
    }
    if (!chunk.records) return;
    let list = this.tables.get(chunk.table);
    if (!list) this.tables.set(chunk.table, (list = []));
    for (const r of chunk.records) list.push(r);
  }
  async flush(): Promise<void> {}
  files(): FileState[] {
    return [...this.tables].map(([table, rows]) => ({ path: table, table, format: "objects", rows: rows.length, bytes: 0, sha256: "" }));
  }
  async close(): Promise<void> {}

  rows(table: string): Record<string, unknown>[] {
    return this.tables.get(table) ?? [];
  }
}
