// A main step may hand its rows to the output as it goes (TableOut.flush): the files are the
// same bytes as when it keeps them all, and the step's writer keeps working after a flush.
import { describe, expect, test } from "bun:test";
import { ChunkCollector } from "../../engine/block-runner.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import type { Chunk } from "../../output/chunks.ts";

function writeRows(out: ChunkCollector, n: number, flushEvery: number): void {
  const w = out.table(journalEntries);
  for (let i = 0; i < n; i++) {
    if (flushEvery > 0 && i > 0 && i % flushEvery === 0) out.flush();
    for (const col of journalEntries.columns) {
      if (col.kind === "int") w.int(i);
      else if (col.kind === "money") w.money(i * 100 + 1, 2);
      else if (col.kind === "date") w.date("2025-01-02");
      else if (col.kind === "bool") w.bool(true);
      else if (col.kind === "decimal") w.decimal("1");
      else w.id(`X${i}`);
    }
    w.end();
  }
}

const bytesOf = (chunks: Chunk[]) => Buffer.concat(chunks.filter((c) => c.bytes).map((c) => Buffer.from(c.bytes!))).toString();

describe("main-step flush", () => {
  test("flushed chunks and the rest give the same bytes and rows as one chunk", () => {
    const whole = new ChunkCollector(["csv"], () => true);
    writeRows(whole, 1000, 0);
    const expected = whole.chunks();

    const drained: Chunk[] = [];
    const streamed = new ChunkCollector(["csv"], () => true, undefined, (c) => drained.push(c));
    writeRows(streamed, 1000, 97);
    const all = [...drained, ...streamed.chunks()];
    expect(drained.length).toBeGreaterThan(5);
    expect(bytesOf(all)).toBe(bytesOf(expected));
    expect(all.reduce((s, c) => s + c.rows, 0)).toBe(1000);
  });

  test("without a drain, flush keeps everything (blocks and overlays see their rows whole)", () => {
    const out = new ChunkCollector(["csv"], () => true);
    writeRows(out, 50, 10);
    expect(out.chunks().reduce((s, c) => s + c.rows, 0)).toBe(50);
  });
});
