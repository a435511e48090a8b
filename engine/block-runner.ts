// Runs one block of a block step, or a main step, and encodes its rows: the same code in a
// worker and inline, so where a block runs never changes what it produces. Overlays of other
// phases transform the rows of the tables they post before they are encoded.
import type { PlanPhase } from "../specs/plan.ts";
import type { RowWriter, TableOut, TableSpec } from "../specs/records/table.ts";
import { blockRef, type RunContext } from "../ledger/context.ts";
import type { BlockStep, OverlayStep, StepImpl } from "../phases/api.ts";
import type { Deltas, RunState } from "../ledger/state.ts";
import type { Work } from "./driver.ts";
import type { ActiveOverlay } from "./modules.ts";
import { ByteBuffer, CsvWriter, FanOutWriter, NdjsonWriter, ObjectWriter, writeRecord } from "../output/writers.ts";
import { ColumnarWriter } from "../output/columnar.ts";
import { chunkFormats, type Chunk, type ChunkFormat, type RowFormat } from "../output/chunks.ts";
import { hash32, Rng } from "../core/rng.ts";

export interface BlockResult {
  phase: string;
  index: number;
  chunks: Chunk[];
  deltas?: Deltas;
  units: number;
}

/** Where a collector's rows come from: the producing phase, its block, and the overlays on its tables. */
export interface Producer {
  cx: RunContext;
  phase: PlanPhase;
  block?: number;
  period?: number;
  overlays?: readonly ActiveOverlay[];
}

/** A writer that drops rows: for tables the output does not keep. */
/** A writer that forwards to another, which flush() can replace. */
class Relay implements RowWriter {
  constructor(public inner: RowWriter) {}
  get rows(): number {
    return this.inner.rows;
  }
  id(v: string): void {
    this.inner.id(v);
  }
  padded(prefix: string, n: number, width: number): void {
    this.inner.padded(prefix, n, width);
  }
  text(v: string): void {
    this.inner.text(v);
  }
  int(v: number): void {
    this.inner.int(v);
  }
  money(minor: number, digits: number): void {
    this.inner.money(minor, digits);
  }
  decimal(v: string): void {
    this.inner.decimal(v);
  }
  date(v: string): void {
    this.inner.date(v);
  }
  bool(v: boolean): void {
    this.inner.bool(v);
  }
  empty(): void {
    this.inner.empty();
  }
  end(): void {
    this.inner.end();
  }
}

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
  /** Rows of tables an overlay transforms, held as records until the step is done. */
  private readonly captured = new Map<string, { spec: TableSpec; rows: ObjectWriter }>();
  private readonly streams = new Map<string, ByteBuffer>();
  private readonly formats: ChunkFormat[];
  /** Tables and streams the producer (and its overlays) may write: anything else is a bug, caught here. */
  private readonly allowed: Set<string> | undefined;

  constructor(
    formats: readonly RowFormat[],
    private readonly keep: (table: string) => boolean,
    private readonly producer?: Producer,
    /** Where flushed chunks go (main steps): when set, tables are written through relays that flush can re-point. */
    private readonly drain?: (chunk: Chunk) => void,
  ) {
    this.formats = chunkFormats(formats);
    if (producer) {
      const own = [...producer.phase.outputs, ...(producer.phase.streams ?? [])];
      // A capability's provider writes its own records when the asking phase calls it.
      const plan = producer.cx.plan;
      const lent = Object.values(plan.capabilities).flatMap((id) => plan.phases.find((p) => p.id === id)?.outputs ?? []);
      this.allowed = new Set([...own, ...lent, ...(producer.overlays ?? []).flatMap((o) => o.phase.outputs)]);
    }
  }

  table(spec: TableSpec): RowWriter {
    const held = this.captured.get(spec.name);
    if (held) return held.rows;
    const entry = this.writers.get(spec.name);
    if (entry) return entry.writer;
    this.check(spec.name);
    if (this.overlaysOf(spec.name).length > 0) {
      const rows = new ObjectWriter(spec);
      this.captured.set(spec.name, { spec, rows });
      return rows;
    }
    return this.encoder(spec);
  }

  /** A file that is not a table (graph arrays, scripts), declared by the phase as a stream. */
  stream(path: string): { write(text: string): void } {
    this.check(path);
    let b = this.streams.get(path);
    if (!b) this.streams.set(path, (b = new ByteBuffer()));
    return { write: (text: string) => b!.str(text) };
  }

  private check(name: string): void {
    if (this.allowed && !this.allowed.has(name)) {
      throw new Error(`internal: phase ${this.producer!.phase.id} writes ${name}, which its spec does not declare`);
    }
  }

  private overlaysOf(table: string): readonly ActiveOverlay[] {
    return (this.producer?.overlays ?? []).filter((o) => o.tables.has(table) && o.phase.id !== this.producer!.phase.id);
  }

  private encoder(spec: TableSpec): RowWriter {
    const parts: [ChunkFormat, RowWriter][] = this.keep(spec.name) ? this.formats.map((f) => [f, makeWriter(f, spec)]) : [];
    const direct = parts.length === 0 ? new NullWriter() : parts.length === 1 ? parts[0]![1] : new FanOutWriter(parts.map((p) => p[1]));
    // The step keeps the writer it was given: a relay lets flush() put fresh encoders behind it.
    const writer = this.drain ? new Relay(direct) : direct;
    this.writers.set(spec.name, { spec, parts, writer });
    return writer;
  }

  /** Writes out the rows so far and starts fresh encoders (not while overlays hold rows: they see a step's rows whole). */
  flush(): void {
    if (!this.drain || this.captured.size > 0) return;
    for (const c of this.chunks()) this.drain(c);
    for (const [name, entry] of this.writers) {
      const parts: [ChunkFormat, RowWriter][] = this.keep(name) ? this.formats.map((f) => [f, makeWriter(f, entry.spec)]) : [];
      (entry.writer as Relay).inner = parts.length === 0 ? new NullWriter() : parts.length === 1 ? parts[0]![1] : new FanOutWriter(parts.map((p) => p[1]));
      entry.parts = parts;
    }
  }

  /** Applies the overlays to the held tables, in overlay order, and encodes them. */
  private settle(deltas: Deltas | undefined): void {
    const p = this.producer!;
    for (const [name, { spec, rows }] of this.captured) {
      const records = rows.records;
      for (const o of this.overlaysOf(name)) {
        const rng = new Rng(p.cx.seed, hash32(o.phase.id), hash32(p.phase.id), p.block ?? -1, p.period ?? -1, hash32(name));
        o.step.transform(p.cx, { phase: p.phase, block: p.block, period: p.period, table: spec, rows: records, rng, out: this, deltas });
      }
      const w = this.encoder(spec);
      for (const r of records) writeRecord(w, spec, r);
    }
    this.captured.clear();
  }

  chunks(deltas?: Deltas): Chunk[] {
    if (this.captured.size > 0) this.settle(deltas);
    const out: Chunk[] = [];
    for (const [table, { parts }] of this.writers) {
      for (const [format, w] of parts) {
        if (w.rows === 0) continue;
        if (format === "objects") out.push({ table, format, rows: w.rows, records: (w as ObjectWriter).records });
        else if (format === "columnar") out.push({ table, format, rows: w.rows, columns: (w as ColumnarWriter).take() });
        else out.push({ table, format, rows: w.rows, bytes: (w as CsvWriter | NdjsonWriter).out.take() });
      }
    }
    for (const [path, b] of this.streams) if (this.keep(path)) out.push({ table: path, format: "stream", rows: 0, bytes: b.take() });
    return out;
  }
}

function makeWriter(format: ChunkFormat, spec: TableSpec): RowWriter {
  if (format === "columnar") return new ColumnarWriter(spec);
  if (format === "csv") return new CsvWriter(ByteBuffer.reused(`${spec.name}.csv`));
  if (format === "ndjson") return new NdjsonWriter(spec, ByteBuffer.reused(`${spec.name}.ndjson`));
  return new ObjectWriter(spec);
}

/**
 * Runs a main step on this thread and returns the chunks it wrote; with `drain`, chunks the step
 * flushes on the way go there first (same rows, same order).
 */
export function runMain(cx: RunContext, impl: StepImpl, w: Work, state: RunState, formats: readonly RowFormat[], keep: (table: string) => boolean, overlays?: readonly ActiveOverlay[], drain?: (chunk: Chunk) => void): Chunk[] {
  if (impl.kind !== "main") throw new Error(`internal: step ${w.step.step} of ${w.phase.id} is not a main step`);
  const out = new ChunkCollector(formats, keep, { cx, phase: w.phase, period: w.period, overlays }, drain);
  impl.run(cx, w.phase, state, out, w.period);
  // Overlays on a main step's tables keep their figures as in a block: deltas, folded at once.
  const deltas: Deltas = {};
  const chunks = out.chunks(deltas);
  state.fold(deltas);
  return chunks;
}

export function runBlock(
  cx: RunContext,
  impl: StepImpl,
  phase: PlanPhase,
  index: number,
  formats: readonly RowFormat[],
  keep: (table: string) => boolean,
  overlays?: readonly ActiveOverlay[],
): BlockResult {
  if (impl.kind !== "blocks") throw new Error(`internal: a step of ${phase.id} is not a block step`);
  const ref = blockRef(phase, index);
  const out = new ChunkCollector(formats, keep, { cx, phase, block: index, period: ref.segment.period, overlays });
  const deltas = (impl as BlockStep).block(cx, phase, ref, out);
  return { phase: phase.id, index, chunks: out.chunks(deltas), deltas, units: ref.units };
}
