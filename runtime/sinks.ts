// Where encoded rows go, in block order: files in an output directory (Bun FileSinks, hashed as
// they are written, truncatable to a checkpoint for --resume) or memory (tests, the library).
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync, truncateSync } from "node:fs";
import { join } from "node:path";
import type { FileSink } from "bun";
import type { Chunk, RowFormat } from "./block-runner.ts";
import { CsvWriter } from "./writers.ts";
import { outputError } from "./errors.ts";
import type { TableSpec } from "../specs/records/table.ts";

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
  files(): FileState[];
  close(): Promise<void>;
}

const EXT: Record<string, string> = { csv: "csv", ndjson: "ndjson" };

interface OpenFile {
  state: Omit<FileState, "sha256">;
  hasher: Bun.CryptoHasher;
  sink: FileSink;
}

export class DirSink implements Sink {
  private readonly open = new Map<string, OpenFile>();
  /** A write error seen asynchronously (an auto-flush); raised at the next write or flush. */
  private failure: Error | undefined;

  constructor(
    readonly dir: string,
    readonly formats: RowFormat[],
    private readonly specs: Map<string, TableSpec>,
  ) {}

  /** Creates the directory; removes files a previous run listed (never anything else). */
  prepareFresh(previous: string[]): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      for (const p of previous) rmSync(join(this.dir, p), { force: true });
    } catch (e) {
      throw outputError(this.dir, e);
    }
  }

  /** Reopens files at a checkpoint: truncates what came after it and re-hashes what stays. */
  prepareResume(checkpoint: Omit<FileState, "sha256">[], listed: string[]): void {
    const keep = new Set(checkpoint.map((f) => f.path));
    for (const p of listed) if (!keep.has(p)) rmSync(join(this.dir, p), { force: true });
    for (const f of checkpoint) {
      const full = join(this.dir, f.path);
      if (!existsSync(full) || statSync(full).size < f.bytes) throw outputError(full, new Error("the file is shorter than its checkpoint; it was changed since the interrupted run"));
      truncateSync(full, f.bytes);
      const hasher = new Bun.CryptoHasher("sha256");
      hashPrefix(full, f.bytes, hasher);
      this.open.set(f.path, { state: { ...f }, hasher, sink: Bun.file(openSync(full, "a")).writer({ highWaterMark: 4 << 20 }) });
    }
  }

  write(chunk: Chunk): void {
    if (!chunk.bytes) return;
    if (this.failure) throw this.failure;
    const f = this.file(chunk.table, chunk.format);
    this.guard(f, () => f.sink.write(chunk.bytes!));
    f.hasher.update(chunk.bytes);
    f.state.bytes += chunk.bytes.byteLength;
    f.state.rows += chunk.rows;
  }

  private file(table: string, format: string): OpenFile {
    const path = `${table}.${EXT[format]}`;
    let f = this.open.get(path);
    if (f) return f;
    const full = join(this.dir, path);
    const header = format === "csv" ? CsvWriter.header(this.specs.get(table)!) : "";
    const bytes = new TextEncoder().encode(header);
    let sink: FileSink;
    try {
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

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    for (const [path, f] of this.open) {
      try {
        await f.sink.flush();
      } catch (e) {
        throw outputError(join(this.dir, path), e);
      }
    }
  }

  files(): FileState[] {
    return [...this.open.values()]
      .map((f) => ({ ...f.state, sha256: f.hasher.copy().digest("hex") }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  async close(): Promise<void> {
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

/** Keeps logical records per table in memory. */
export class MemorySink implements Sink {
  readonly formats: RowFormat[] = ["objects"];
  readonly tables = new Map<string, Record<string, unknown>[]>();

  write(chunk: Chunk): void {
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
