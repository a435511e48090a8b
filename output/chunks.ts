// What sinks receive: one table's rows of one block, encoded in one format, and the formats a
// run can be asked for (parquet and sqlite are encoded from shared "columnar" chunks).
import { columnTransferables, type ColumnBuffer } from "./columnar.ts";

/** Formats a run can be asked for; parquet and sqlite are encoded from "columnar" chunks. */
export type RowFormat = "csv" | "ndjson" | "objects" | "columnar" | "parquet" | "sqlite";
/** What a chunk carries. */
export type ChunkFormat = "csv" | "ndjson" | "objects" | "columnar" | "stream";

/** One table's rows of one block, in one format; or (format "stream") bytes of a file that is not a table, `table` being its path. */
export interface Chunk {
  table: string;
  format: ChunkFormat;
  rows: number;
  /** Encoded rows (csv / ndjson), without header. */
  bytes?: Uint8Array;
  /** Logical records ("objects" format). */
  records?: Record<string, unknown>[];
  /** Rows per column ("columnar" format), for the parquet and sqlite sinks. */
  columns?: ColumnBuffer[];
}

/** The chunk formats that serve the requested formats (parquet and sqlite share one). */
export function chunkFormats(formats: readonly RowFormat[]): ChunkFormat[] {
  return [...new Set(formats.map((f): ChunkFormat => (f === "parquet" || f === "sqlite" ? "columnar" : f)))];
}

/** The buffers a block result can transfer to the main thread instead of copying. */
export function chunkTransferables(chunks: readonly Chunk[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const c of chunks) {
    if (c.bytes) out.add(c.bytes.buffer as ArrayBuffer);
    if (c.columns) columnTransferables(c.columns, out);
  }
  return [...out];
}
