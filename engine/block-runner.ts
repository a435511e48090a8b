// Runs one block of a block phase and encodes its rows: the same code in a worker and inline,
// so where a block runs never changes what it produces.
import type { PlanPhase } from "../specs/plan.ts";
import type { TableSpec } from "../specs/records/table.ts";
import { blockRef, type RunContext } from "../ledger/context.ts";
import type { BlockStep } from "../phases/api.ts";
import type { Deltas } from "../ledger/state.ts";
import { ByteBuffer, CsvWriter, FanOutWriter, NdjsonWriter, ObjectWriter } from "../output/writers.ts";
import type { RowWriter, TableOut } from "../specs/records/table.ts";
import { ColumnarWriter } from "../output/columnar.ts";
import { chunkFormats, type Chunk, type ChunkFormat, type RowFormat } from "../output/chunks.ts";


export interface BlockResult {
  phase: string;
  index: number;
  chunks: Chunk[];
  deltas?: Deltas;
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
    /** The tables the phase declares: writing another is a bug in the phase, caught here. */
    private readonly declared?: PlanPhase,
  ) {
    this.formats = chunkFormats(formats);
  }

  table(spec: TableSpec): RowWriter {
    let entry = this.writers.get(spec.name);
    if (!entry) {
      if (this.declared && !this.declared.outputs.includes(spec.name)) {
        throw new Error(`internal: phase ${this.declared.id} writes ${spec.name}, which its spec does not declare`);
      }
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
  impl: BlockStep,
  phase: PlanPhase,
  index: number,
  formats: readonly RowFormat[],
  keep: (table: string) => boolean,
): BlockResult {
  const ref = blockRef(phase, index);
  const out = new ChunkCollector(formats, keep, phase);
  const deltas = impl.block(cx, phase, ref, out);
  return { phase: phase.id, index, chunks: out.chunks(), deltas, units: ref.units };
}
