// Runs one block of a block phase and encodes its rows: the same code in a worker and inline,
// so where a block runs never changes what it produces.
import type { PlanPhase } from "../specs/plan.ts";
import type { TableSpec } from "../specs/records/table.ts";
import { blockRef, type RunContext } from "../ledger/context.ts";
import type { BlockPhaseImpl, TableOut } from "../phases/api.ts";
import type { PackedTotals } from "../ledger/totals.ts";
import { ByteBuffer, CsvWriter, FanOutWriter, NdjsonWriter, ObjectWriter, type RowWriter } from "../output/writers.ts";
import { ColumnarWriter, columnTransferables, type ColumnBuffer } from "../output/columnar.ts";

/** Formats a run can be asked for; parquet and sqlite are encoded from "columnar" chunks. */
export type RowFormat = "csv" | "ndjson" | "objects" | "columnar" | "parquet" | "sqlite";
/** What a chunk carries. */
export type ChunkFormat = "csv" | "ndjson" | "objects" | "columnar";

/** One table's rows of one block, in one format. */
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

export interface BlockResult {
  phase: string;
  index: number;
  chunks: Chunk[];
  totals?: PackedTotals;
  units: number;
}

/** A writer that drops rows: for tables the output does not keep. */
class NullWriter implements RowWriter {
  rows = 0;
  id(): void {}
  padded(): void {}
  text(): void {}
  int(): void {}
  money(): void {}
  decimal(): void {}
  date(): void {}
  bool(): void {}
  empty(): void {}
  end(): void {
    this.rows++;
  }
}

/** Collects the writers a generator asks for, then turns them into chunks. */
export class ChunkCollector implements TableOut {
  private readonly writers = new Map<string, { spec: TableSpec; parts: [ChunkFormat, RowWriter][]; writer: RowWriter }>();
  private readonly formats: ChunkFormat[];

  constructor(
    formats: readonly RowFormat[],
    private readonly keep: (table: string) => boolean,
  ) {
    this.formats = chunkFormats(formats);
  }

  table(spec: TableSpec): RowWriter {
    let entry = this.writers.get(spec.name);
    if (!entry) {
      const parts: [ChunkFormat, RowWriter][] = this.keep(spec.name) ? this.formats.map((f) => [f, makeWriter(f, spec)]) : [];
      const writer = parts.length === 0 ? new NullWriter() : parts.length === 1 ? parts[0]![1] : new FanOutWriter(parts.map((p) => p[1]));
      this.writers.set(spec.name, (entry = { spec, parts, writer }));
    }
    return entry.writer;
  }

  chunks(): Chunk[] {
    const out: Chunk[] = [];
    for (const [table, { parts }] of this.writers) {
      for (const [format, w] of parts) {
        if (w.rows === 0) continue;
        if (format === "objects") out.push({ table, format, rows: w.rows, records: (w as ObjectWriter).records });
        else if (format === "columnar") out.push({ table, format, rows: w.rows, columns: (w as ColumnarWriter).take() });
        else out.push({ table, format, rows: w.rows, bytes: (w as CsvWriter | NdjsonWriter).out.take() });
      }
    }
    return out;
  }
}

function makeWriter(format: ChunkFormat, spec: TableSpec): RowWriter {
  if (format === "columnar") return new ColumnarWriter(spec);
  if (format === "csv") return new CsvWriter(ByteBuffer.reused(`${spec.name}.csv`));
  if (format === "ndjson") return new NdjsonWriter(spec, ByteBuffer.reused(`${spec.name}.ndjson`));
  return new ObjectWriter(spec);
}

export function runBlock(
  cx: RunContext,
  impl: BlockPhaseImpl,
  phase: PlanPhase,
  index: number,
  formats: readonly RowFormat[],
  keep: (table: string) => boolean,
): BlockResult {
  const ref = blockRef(phase, index);
  const out = new ChunkCollector(formats, keep);
  const totals = impl.block(cx, phase, ref, out);
  return { phase: phase.id, index, chunks: out.chunks(), totals, units: ref.units };
}
