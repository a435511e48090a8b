// Parquet and SQLite output, checked by reading back what was written: every table equals the
// CSV run's logical records (nulls, non-ASCII text, money of mixed minor digits), SQLite is
// indexed, bytes do not depend on workers or batch sizes, and resume is refused.
import { Database } from "bun:sqlite";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { compile } from "../../compiler/compile.ts";
import { ColumnarWriter, daysFromIso, isoFromDays } from "../../output/columnar.ts";
import { ConfigurationError } from "../../core/errors.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import { run, type RunOptions } from "../../engine/run.ts";
import { EncoderPool, encodeInline, MONEY_SCALE, ParquetTable, type GroupEncoder } from "../../output/sinks-parquet.ts";
import { DirSink } from "../../output/sinks.ts";
import { ObjectWriter } from "../../output/writers.ts";
import type { Manifest } from "../../specs/manifest.ts";
import type { Plan } from "../../specs/plan.ts";
import { decimalType, fromText, table, c, type TableSpec } from "../../specs/records/table.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const root = mkdtempSync(join(tmpdir(), "synth-formats-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = () => join(root, `out-${++n}`);

// Two currencies with different minor digits (USD 2, JPY 0) and a name that needs CSV quoting.
const SOURCE = `
scenario "Formats test" { seed = 5  industry = manufacturing  start = 2024-11-01  months = 2 }
chart_of_accounts { size = small }
company US1 { currency = USD  share = 70%  name = "Müller, \\"Söhne\\" & Co. — 東京" }
company JP1 { country = JP  currency = JPY }
phase master_data { vendors = 12 customers = 15 materials = 8 fixed_assets = 5 employees = 10 cost_centers = 3  block_size = 64 }
phase transactions { volume = 6k per year  block_size = 64 }
`;

function plan(extra = ""): Plan {
  const r = compile(SOURCE + extra, { path: "formats-test.synth" });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.plan;
}

const base: RunOptions = { progress: "none", workers: 2 };
const specs = DEFAULT_MODULES.tables();
const manifest = (out: string): Manifest => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
/** The table files of a run (not load.sql and the other files beside them). */
const tableFiles = (out: string) => manifest(out).files.filter((f) => f.format !== "stream");
const entries = (out: string, format: string) =>
  Object.fromEntries(manifest(out).files.filter((f) => f.format === format).map((f) => [f.path, `${f.rows}:${f.bytes}:${f.sha256}`]));

/** RFC 4180: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += ch;
  }
  return rows;
}

function csvRecords(out: string, spec: TableSpec): Record<string, unknown>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(out, `${spec.name}.csv`), "utf8"));
  expect(header).toEqual(spec.columns.map((col) => col.name));
  return rows.map((r) => Object.fromEntries(spec.columns.map((col, i) => [col.name, fromText(col, r[i]!)])));
}

/** A decimal string as an integer at a Parquet DECIMAL scale ("12.5" -> 125000n at scale 4). */
function scaled(v: string, scale = MONEY_SCALE): bigint {
  const [int, frac = ""] = v.replace("-", "").split(".");
  const big = BigInt(int! + frac.padEnd(scale, "0"));
  return v.startsWith("-") ? -big : big;
}

/** A FIXED_LEN_BYTE_ARRAY DECIMAL's bytes (big-endian two's complement) as its unscaled integer. */
function fromBytes(b: Uint8Array): bigint {
  let v = 0n;
  for (const byte of b) v = (v << 8n) | BigInt(byte);
  return b.length && b[0]! & 0x80 ? v - (1n << BigInt(8 * b.length)) : v;
}

async function parquetRecords(path: string, spec: TableSpec): Promise<Record<string, unknown>[]> {
  const file = (await Bun.file(path).arrayBuffer()) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  // Read DECIMAL columns as their raw unscaled integers, to compare exactly.
  metadata.schema = metadata.schema.map((e) => (e.converted_type === "DECIMAL" ? { ...e, converted_type: undefined, logical_type: undefined } : e));
  const rows = await parquetReadObjects({ file, metadata, parsers: { dateFromDays: (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10) } });
  return rows.map((r) =>
    Object.fromEntries(
      spec.columns.map((col) => {
        const v = r[col.name];
        if (v === null || v === undefined) return [col.name, null];
        if (col.kind === "int") return [col.name, Number(v)];
        if (v instanceof Uint8Array) return [col.name, fromBytes(v)];
        return [col.name, v];
      }),
    ),
  );
}

/** CSV records with money and decimals as the unscaled Parquet integers (the only representation change). */
function asParquet(spec: TableSpec, records: Record<string, unknown>[]): Record<string, unknown>[] {
  const exact = spec.columns.flatMap((col) => (decimalType(col) ? [[col.name, decimalType(col)!.scale] as const] : []));
  return records.map((r) => {
    const out = { ...r };
    for (const [m, scale] of exact) if (typeof out[m] === "string") out[m] = scaled(out[m] as string, scale);
    return out;
  });
}

describe("parquet and sqlite output", () => {
  const p = plan();
  let csvOut: string;
  let pqOut: string;
  let sqOut: string;

  test("runs write parquet files and one sqlite database, listed in the manifest", async () => {
    csvOut = dir();
    pqOut = dir();
    sqOut = dir();
    await run(p, { ...base, out: csvOut, formats: ["csv"] }).done;
    const pq = await run(p, { ...base, out: pqOut, formats: ["parquet"] }).done;
    const sq = await run(p, { ...base, out: sqOut, formats: ["sqlite"] }).done;
    const csvFiles = tableFiles(csvOut);
    expect(tableFiles(pqOut).map((f) => f.path)).toEqual(csvFiles.map((f) => f.path.replace(/\.csv$/, ".parquet")));
    expect(tableFiles(pqOut).map((f) => f.rows)).toEqual(csvFiles.map((f) => f.rows));
    // SQLite only: nothing DuckDB would read as a table, so no load.sql.
    expect(sq.manifest.files).toEqual([expect.objectContaining({ path: "synth.sqlite", table: "*", format: "sqlite", rows: csvFiles.reduce((s, f) => s + f.rows, 0) })]);
    // The manifest's bytes and sha256 are those of the files on disk.
    for (const [out, files] of [[pqOut, pq.manifest.files], [sqOut, sq.manifest.files]] as const) {
      for (const f of files) {
        const bytes = readFileSync(join(out, f.path));
        expect(bytes.byteLength).toBe(f.bytes);
        expect(new Bun.CryptoHasher("sha256").update(bytes).digest("hex")).toBe(f.sha256);
      }
    }
  });

  test("every parquet table reads back to the csv run's records", async () => {
    let mixedDigits = false;
    let nulls = 0;
    for (const f of tableFiles(csvOut)) {
      const spec = specs.get(f.table)!;
      const expected = csvRecords(csvOut, spec);
      const actual = await parquetRecords(join(pqOut, `${f.table}.parquet`), spec);
      expect(actual).toEqual(asParquet(spec, expected));
      nulls += expected.reduce((s, r) => s + Object.values(r).filter((v) => v === null).length, 0);
      if (f.table === "journal_entries") mixedDigits = expected.some((r) => r.currency === "JPY") && expected.some((r) => r.currency === "USD");
    }
    expect(mixedDigits).toBe(true);
    expect(nulls).toBeGreaterThan(0);
    const companies = await parquetRecords(join(pqOut, "companies.parquet"), specs.get("companies")!);
    expect(companies[0]!.name).toBe('Müller, "Söhne" & Co. — 東京');
  });

  test("parquet column types follow the record specs", async () => {
    const file = (await Bun.file(join(pqOut, "journal_entries.parquet")).arrayBuffer()) as ArrayBuffer;
    const meta = parquetMetadata(file);
    const el = (name: string) => meta.schema.find((e) => e.name === name)!;
    expect(el("line_number")).toMatchObject({ type: "INT64", repetition_type: "REQUIRED" });
    expect(el("debit_amount")).toMatchObject({ type: "INT64", converted_type: "DECIMAL", precision: 18, scale: MONEY_SCALE });
    expect(el("posting_date")).toMatchObject({ type: "INT32", converted_type: "DATE" });
    expect(el("document_id")).toMatchObject({ type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" });
    // Every number is an exact DECIMAL: rates at 38 digits (16 bytes), shares at their own scale.
    expect(el("exchange_rate")).toMatchObject({ type: "FIXED_LEN_BYTE_ARRAY", type_length: 16, converted_type: "DECIMAL", precision: 38, scale: 18 });
    const companies = parquetMetadata((await Bun.file(join(pqOut, "companies.parquet")).arrayBuffer()) as ArrayBuffer);
    expect(companies.schema.find((e) => e.name === "share")).toMatchObject({ type: "INT64", converted_type: "DECIMAL", precision: 18, scale: 6 });
    const rates = parquetMetadata((await Bun.file(join(pqOut, "fx_rates.parquet")).arrayBuffer()) as ArrayBuffer);
    expect(rates.schema.find((e) => e.name === "rate")).toMatchObject({ converted_type: "DECIMAL", precision: 38, scale: 18 });
    // No number is left as a string: strings are ids and text only.
    for (const m of [meta, companies, rates]) for (const e of m.schema.filter((x) => x.converted_type === "UTF8")) expect(["id", "text"]).toContain([...specs.values()].flatMap((s) => s.columns).find((col) => col.name === e.name)!.kind);
    expect(el("cost_center")).toMatchObject({ repetition_type: "OPTIONAL" });
    const vendors = parquetMetadata((await Bun.file(join(pqOut, "vendors.parquet")).arrayBuffer()) as ArrayBuffer);
    expect(vendors.schema.find((e) => e.name === "is_active")).toMatchObject({ type: "BOOLEAN" });
    expect(meta.created_by).toBe("synth (hyparquet-writer)");
  });

  test("every sqlite table reads back to the csv run's records, with typed columns; money as exact integers, and as text in the _decimal views", () => {
    const db = new Database(join(sqOut, "synth.sqlite"), { readonly: true, safeIntegers: true });
    try {
      for (const f of tableFiles(csvOut)) {
        const spec = specs.get(f.table)!;
        const info = db.query(`PRAGMA table_info("${f.table}")`).all() as { name: string; type: string; notnull: bigint }[];
        expect(info.map((i) => [i.name, i.type, Number(i.notnull)])).toEqual(
          spec.columns.map((col) => [col.name, col.kind === "int" || col.kind === "bool" || col.kind === "money" ? "INTEGER" : "TEXT", col.optional ? 0 : 1]),
        );
        const rows = db.query(`SELECT * FROM "${f.table}" ORDER BY rowid`).all() as Record<string, unknown>[];
        const expected = csvRecords(csvOut, spec);
        for (const r of rows) {
          for (const col of spec.columns) {
            const v = r[col.name];
            if (v === null) continue;
            if (col.kind === "bool") r[col.name] = v === 1n;
            else if (col.kind === "int") r[col.name] = Number(v);
          }
        }
        const money = spec.columns.filter((col) => col.kind === "money").map((col) => col.name);
        expect(rows).toEqual(expected.map((r) => ({ ...r, ...Object.fromEntries(money.map((m) => [m, r[m] === null ? null : scaled(r[m] as string)])) })));
        if (money.length === 0) continue;
        // The view gives the same amounts back as exact decimal text.
        const view = db.query(`SELECT ${money.map((m) => `"${m}"`).join(", ")} FROM "${f.table}_decimal"`).all() as Record<string, string | null>[];
        view.forEach((v, i) => {
          for (const m of money) expect(v[m] === null ? null : scaled(v[m]!)).toEqual(expected[i]![m] === null ? null : scaled(expected[i]![m] as string));
        });
      }
    } finally {
      db.close();
    }
  });

  test("a plain SUM of money in sqlite is exact: it equals the csv's decimal sum to the cent", () => {
    const db = new Database(join(sqOut, "synth.sqlite"), { readonly: true, safeIntegers: true });
    try {
      const csv = csvRecords(csvOut, specs.get("journal_entries")!);
      const sums = db.query(`SELECT company_code, SUM(debit_amount) AS d, SUM(credit_amount) AS c FROM journal_entries GROUP BY company_code`).all() as { company_code: string; d: bigint; c: bigint }[];
      for (const s of sums) {
        const own = csv.filter((r) => r.company_code === s.company_code);
        expect(s.d).toBe(own.reduce((t, r) => t + scaled(r.debit_amount as string), 0n));
        // Every document balances, so debits equal credits exactly.
        expect(s.d).toBe(s.c);
      }
      expect(sums.length).toBe(2);
    } finally {
      db.close();
    }
  });

  test("sqlite has indexes on document ids and periods", () => {
    const db = new Database(join(sqOut, "synth.sqlite"), { readonly: true });
    try {
      const indexed = (t: string) =>
        (db.query(`PRAGMA index_list("${t}")`).all() as { name: string }[]).map((i) =>
          (db.query(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name).join("+"),
        );
      expect(indexed("journal_entries")).toEqual(expect.arrayContaining(["document_id", "source_document_id", "company_code+fiscal_year+fiscal_period"]));
      expect(indexed("trial_balance")).toContain("company_code+fiscal_year+fiscal_period");
      expect(indexed("vendor_invoices")).toEqual(expect.arrayContaining(["invoice_id", "journal_document_id"]));
      const plan = db.query(`EXPLAIN QUERY PLAN SELECT * FROM journal_entries WHERE document_id = 'x'`).all() as { detail: string }[];
      expect(plan.map((r) => r.detail).join(" ")).toContain("journal_entries__document_id");
    } finally {
      db.close();
    }
  });

  test("parquet and sqlite bytes are identical for 1 and 3 workers and any batch size", async () => {
    const reference = { ...entries(pqOut, "parquet"), ...entries(sqOut, "sqlite") };
    for (const opts of [{ workers: 1 }, { workers: 3, batchSize: 1 }]) {
      const out = dir();
      await run(p, { ...base, ...opts, out, formats: ["parquet", "sqlite"] }).done;
      expect({ ...entries(out, "parquet"), ...entries(out, "sqlite") }).toEqual(reference);
    }
  });

  test("csv, parquet and sqlite together give the same files as separate runs", async () => {
    const out = dir();
    await run(p, { ...base, out, workers: 3, formats: ["csv", "parquet", "sqlite"] }).done;
    expect(entries(out, "csv")).toEqual(entries(csvOut, "csv"));
    expect(entries(out, "parquet")).toEqual(entries(pqOut, "parquet"));
    expect(entries(out, "sqlite")).toEqual(entries(sqOut, "sqlite"));
    expect(readdirSync(out).filter((f) => f.startsWith("synth.sqlite-"))).toEqual([]);
  });

  test("the scenario's output formats select parquet", async () => {
    const out = dir();
    const r = await run(plan("output { formats = [parquet] }"), { ...base, out }).done;
    expect(new Set(r.files.map((f) => f.format))).toEqual(new Set(["parquet", "stream"]));
    expect(r.files.filter((f) => f.format === "stream").map((f) => f.path)).toEqual(["load.sql"]);
  });

  test("resuming a run that writes parquet or sqlite is refused", async () => {
    const out = dir();
    const formats: RunOptions["formats"] = ["csv", "parquet", "sqlite"];
    let stopped = false;
    const r = run(p, {
      ...base,
      out,
      formats,
      batchSize: 1,
      checkpointEveryMs: 0,
      onProgress: (pr) => {
        if (!stopped && pr.phase === "transactions") {
          stopped = true;
          r.stop();
        }
      },
    });
    await expect(r.done).rejects.toThrow("interrupted");
    const resumed = run(p, { ...base, out, formats, resume: true }).done;
    await expect(resumed).rejects.toBeInstanceOf(ConfigurationError);
    await expect(resumed).rejects.toThrow("resume is supported for csv and ndjson");
    for (const format of ["parquet", "sqlite"] as const) {
      expect(() => new DirSink(dir(), ["csv", format], specs).checkResume([], (f) => f.path)).toThrow(ConfigurationError);
      // A csv-only resume of a run that also wrote parquet or sqlite would leave those files broken.
      const written = { path: `x.${format}`, table: "x", format, rows: 1, bytes: 1 };
      expect(() => new DirSink(dir(), ["csv"], specs).checkResume([written], (f) => f.path)).toThrow(ConfigurationError);
    }
  });
});

describe("columnar rows", () => {
  const spec = table("t", "test", {
    id: c.id("id"),
    note: c.optional(c.text("note")),
    n: c.int("n"),
    amount: c.money("amount"),
    rate: c.decimal("rate"),
    day: c.optional(c.date("day")),
    flag: c.bool("flag"),
  });

  function writeRow(w: ColumnarWriter | ObjectWriter, i: number): void {
    w.padded("ID-", i, 6);
    if (i % 3 === 0) w.empty();
    else w.text(`ñote, "${i}" ✓`);
    w.int(i * 1000 - 7);
    if (i % 2) w.money(-i * 101, i % 4 === 1 ? 0 : 2);
    else w.decimal(`${i}.125`);
    w.decimal("1.0825");
    if (i % 5 === 0) w.empty();
    else w.date(isoFromDays(19_000 + i));
    w.bool(i % 2 === 0);
    w.end();
  }

  test("dates convert both ways without a Date per row", () => {
    for (const iso of ["1970-01-01", "2000-02-29", "2024-12-31", "1969-12-31", "2100-03-01"]) {
      expect(daysFromIso(iso)).toBe(Date.parse(iso) / 86_400_000);
      expect(isoFromDays(daysFromIso(iso))).toBe(iso);
    }
  });

  test("parquet bytes do not depend on how rows are split into chunks", async () => {
    const objects = new ObjectWriter(spec);
    const rows = 2_500;
    for (let i = 0; i < rows; i++) writeRow(objects, i);
    const encode = async (chunkSizes: number[], encoder: GroupEncoder = encodeInline) => {
      const parts: Uint8Array[] = [];
      const t = new ParquetTable(spec, (b) => parts.push(b), encoder, 1_000);
      let i = 0;
      for (let k = 0; i < rows; k++) {
        const w = new ColumnarWriter(spec, 4);
        const end = Math.min(rows, i + chunkSizes[k % chunkSizes.length]!);
        for (; i < end; i++) writeRow(w, i);
        t.append(w.take(), w.rows);
      }
      await t.finish();
      return Buffer.concat(parts);
    };
    const whole = await encode([rows]);
    expect(await encode([1, 7, 333])).toEqual(whole);
    const pool = new EncoderPool(3);
    try {
      expect(await encode([999, 2], pool.encode)).toEqual(whole);
    } finally {
      pool.stop();
    }
    const file = whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength) as ArrayBuffer;
    expect(parquetMetadata(file).row_groups.map((g) => Number(g.num_rows))).toEqual([1_000, 1_000, 500]);
    const metadata = parquetMetadata(file);
    metadata.schema = metadata.schema.map((e) => (e.converted_type === "DECIMAL" ? { ...e, converted_type: undefined, logical_type: undefined } : e));
    const read = await parquetReadObjects({ file, metadata, parsers: { dateFromDays: (d: number) => isoFromDays(d) } });
    const expected = asParquet(spec, objects.records);
    expect(read.map((r): Record<string, unknown> => ({ ...r, n: Number(r.n), rate: fromBytes(r.rate as Uint8Array) }))).toEqual(expected);
  });
});
