// The floor: how fast one thread can only format and write journal lines, with no generation
// logic. A fixed realistic journal_entries line (taken from a real run) whose document number,
// line number and amounts change per line, encoded with the runtime's ByteBuffer and written
// through a Bun FileSink in large chunks, as the runtime's DirSink does. synth's lines/s is
// reported as a fraction of this.
//
//   bun run bench/floor.ts [LINES]        # standalone: 5M lines by default
import { mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { ByteBuffer } from "../output/writers.ts";

/** A standalone entry's journal_entries line from bench/journal.synth (when no run supplied one). */
export const DEFAULT_LINE =
  "BJ01,JE-BJ01-000000001,1,2025-01-09,2025-01-09,2025,1,2210,3457.26,0.00,USD,ZP,automated,payroll_payment,SYS-IFACE,,,Salary payment,USD,3457.26,1,,";

export interface FloorResult {
  lines: number;
  bytes: number;
  seconds: number;
  linesPerS: number;
  mbPerS: number;
  sampleLine: string;
}

/** The line's fixed text around its variable fields: document number, line, debit, document amount. */
type Pieces = [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];

const CHUNK = 1 << 20;
const WARMUP = 200_000;

function pieces(line: string): Pieces {
  const f = line.split(",");
  if (f.length !== 23 || line.includes('"')) throw new Error(`floor: not a plain 23-column journal line: ${line}`);
  const between = (from: number, to: number) => f.slice(from, to).map((x) => x + ",").join("");
  const doc = f[1]!;
  const text = [
    between(0, 1) + doc.slice(0, doc.length - 9), // "BJ01,JE-BJ01-" then 9 digits
    ",",
    "," + between(3, 8),
    "," + between(9, 19),
    "," + f.slice(20).join(",") + "\n",
  ];
  const enc = new TextEncoder();
  return text.map((t) => enc.encode(t)) as Pieces;
}

function copy(b: ByteBuffer, bytes: Uint8Array): void {
  b.ensure(bytes.length);
  b.buf.set(bytes, b.pos);
  b.pos += bytes.length;
}

/** Nine zero-padded digits, as in JE-BJ01-000000042. */
function padded9(b: ByteBuffer, n: number): void {
  b.ensure(9);
  for (let i = 8; i >= 0; i--, n = Math.floor(n / 10)) b.buf[b.pos + i] = 48 + (n % 10);
  b.pos += 9;
}

function writeLine(b: ByteBuffer, p: Pieces, i: number): void {
  // a cheap varied amount: 0.01 .. 99,999.99
  const amount = ((i * 7919) % 9_999_999) + 1;
  copy(b, p[0]);
  padded9(b, (i >> 2) + 1);
  copy(b, p[1]);
  b.uint((i & 3) + 1);
  copy(b, p[2]);
  b.money(amount, 2);
  copy(b, p[3]);
  b.money(amount, 2);
  copy(b, p[4]);
}

/** Formats `lines` lines and writes them to `path` through a FileSink; returns the seconds taken. */
async function writeLines(lines: number, path: string, p: Pieces): Promise<number> {
  const start = performance.now();
  const sink = Bun.file(path).writer({ highWaterMark: 4 << 20 });
  const b = new ByteBuffer();
  for (let i = 0; i < lines; i++) {
    writeLine(b, p, i);
    if (b.pos >= CHUNK) {
      sink.write(b.take());
      b.pos = 0;
    }
  }
  if (b.pos > 0) sink.write(b.take());
  await sink.end();
  return (performance.now() - start) / 1000;
}

/** The floor for `lines` lines, timed after an untimed warm-up pass (the JIT tiers up first). */
export async function runFloor(lines: number, path: string, sampleLine = DEFAULT_LINE): Promise<FloorResult> {
  const p = pieces(sampleLine);
  mkdirSync(dirname(path), { recursive: true });
  await writeLines(Math.min(lines, WARMUP), path, p);
  rmSync(path, { force: true });
  const seconds = await writeLines(lines, path, p);
  const bytes = statSync(path).size;
  return { lines, bytes, seconds, linesPerS: lines / seconds, mbPerS: bytes / 1e6 / seconds, sampleLine };
}

if (import.meta.main) {
  const lines = Number(process.argv[2] ?? 5_000_000);
  const path = join(import.meta.dir, "out", "floor", "journal_entries.csv");
  const r = await runFloor(lines, path);
  rmSync(dirname(path), { recursive: true, force: true });
  console.log(`floor: ${r.lines} lines in ${r.seconds.toFixed(2)} s = ${Math.round(r.linesPerS).toLocaleString("en-US")} lines/s, ${r.mbPerS.toFixed(1)} MB/s`);
}
