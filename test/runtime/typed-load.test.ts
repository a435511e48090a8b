// Loading the output with exact types in one command: load.sql for DuckDB (checked with DuckDB
// itself when it is installed: every table loads, money is DECIMAL and its sums are exact) and
// a JSON Schema beside every NDJSON table.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { run } from "../../engine/run.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import type { Manifest } from "../../specs/manifest.ts";
import { minorOf } from "../../testing/verify.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const root = mkdtempSync(join(tmpdir(), "synth-typed-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const specs = DEFAULT_MODULES.tables();

// Two currencies of different minor digits, so one money column mixes JPY and USD.
const plan = compile(
  `scenario "Typed" { seed = 9  industry = manufacturing  start = 2024-11-01  months = 2 }
chart_of_accounts { size = small }
company US1 { currency = USD  share = 70% }
company JP1 { country = JP  currency = JPY }
phase master_data { vendors = 12 customers = 15 materials = 8 fixed_assets = 5 employees = 10 cost_centers = 3 }
phase transactions { volume = 6k per year  block_size = 64 }`,
  { path: "typed.synth" },
).plan!;

const outs = new Map<string, Promise<string>>();
/** One run per format (started once, shared by the tests). */
const output = (format: "csv" | "ndjson" | "parquet") =>
  outs.get(format) ??
  outs.set(format, (async () => {
    const out = join(root, format);
    await run(plan, { out, workers: 0, formats: [format] }).done;
    return out;
  })()).get(format)!;

const manifest = (out: string): Manifest => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
const hasDuckdb = Bun.spawnSync(["python3", "-c", "import duckdb"], { stdout: "ignore", stderr: "ignore" }).exitCode === 0;

/** Runs load.sql in DuckDB (in the output directory) and reports row counts, types and sums. */
function duckdb(out: string) {
  const script = `
import duckdb, json, os, sys
os.chdir(sys.argv[1])
con = duckdb.connect()
con.execute(open("load.sql").read())
tables = [r[0] for r in con.execute("select table_name from information_schema.tables order by 1").fetchall()]
types = {t: dict(con.execute(f'select column_name, data_type from information_schema.columns where table_name = ?', [t]).fetchall()) for t in tables}
rows = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
unbalanced = con.execute("select count(*) from (select company_code, document_id from journal_entries group by all having sum(debit_amount) <> sum(credit_amount))").fetchone()[0]
sums = {c: str(d) for c, d in con.execute("select company_code, sum(debit_amount) from journal_entries group by 1").fetchall()}
print(json.dumps({"types": types, "rows": rows, "unbalanced": unbalanced, "sums": sums}))
`;
  const r = Bun.spawnSync(["python3", "-c", script, out], { stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(r.stderr.toString());
  return JSON.parse(r.stdout.toString()) as { types: Record<string, Record<string, string>>; rows: Record<string, number>; unbalanced: number; sums: Record<string, string> };
}

describe("load.sql", () => {
  test("is written beside the data, listed in the manifest, and types every column of every table written", async () => {
    const out = await output("csv");
    const files = manifest(out).files;
    expect(files.find((f) => f.path === "load.sql")).toMatchObject({ format: "stream" });
    const sql = readFileSync(join(out, "load.sql"), "utf8");
    for (const f of files.filter((x) => x.format === "csv")) expect(sql).toContain(`INSERT INTO "${f.table}" SELECT * FROM read_csv('${f.path}'`);
    expect(sql).toContain(`"debit_amount" DECIMAL(18,4) NOT NULL`);
    expect(sql).toContain(`"account_number" VARCHAR NOT NULL`);
    expect(sql).toContain(`"exchange_rate" DECIMAL(38,18) NOT NULL`);
    expect(sql).toContain(`"posting_date" DATE NOT NULL`);
    expect(sql).toContain(`"cost_center" VARCHAR,`);
    expect(sql).not.toContain("auto_detect = true");
  });

  for (const format of ["csv", "ndjson", "parquet"] as const) {
    test.skipIf(!hasDuckdb)(`DuckDB loads every ${format} table with exact types; money sums are exact and every document balances`, async () => {
      const out = await output(format);
      const db = duckdb(out);
      const tables = manifest(out).files.filter((f) => f.format === format);
      expect(Object.keys(db.rows).sort()).toEqual(tables.map((f) => f.table).sort());
      for (const f of tables) expect(db.rows[f.table]).toBe(f.rows);
      const je = db.types.journal_entries!;
      expect([je.debit_amount, je.account_number, je.exchange_rate, je.posting_date, je.line_number]).toEqual(["DECIMAL(18,4)", "VARCHAR", "DECIMAL(38,18)", "DATE", "BIGINT"]);
      expect(db.types.companies!.share).toBe("DECIMAL(18,6)");
      expect(db.types.fx_rates!.rate).toBe("DECIMAL(38,18)");
      expect(db.types.vendors!.is_active).toBe("BOOLEAN");
      expect(db.unbalanced).toBe(0);
      // The exact sum per company, from the CSV's decimal strings.
      const csv = await output("csv");
      const lines = readFileSync(join(csv, "journal_entries.csv"), "utf8").trim().split("\n").slice(1);
      const exact = new Map<string, number>();
      const digits = new Map<string, number>();
      for (const l of lines) {
        const [company, , , , , , , , debit] = l.split(",");
        exact.set(company!, (exact.get(company!) ?? 0) + minorOf(debit));
        digits.set(company!, (debit!.split(".")[1] ?? "").length);
      }
      for (const [company, minor] of exact) expect(minorOf(db.sums[company]!)).toBe(minor * 10 ** (4 - digits.get(company)!));
    });
  }
});

describe("NDJSON schemas", () => {
  test("every NDJSON table has a JSON Schema beside it that its lines satisfy", async () => {
    const out = await output("ndjson");
    for (const f of manifest(out).files.filter((x) => x.format === "ndjson")) {
      const schema = JSON.parse(readFileSync(join(out, `${f.table}.schema.json`), "utf8"));
      const spec = specs.get(f.table)!;
      expect(schema).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", title: f.table, type: "object", additionalProperties: false });
      expect(schema.required).toEqual(spec.columns.map((c) => c.name));
      const lines = readFileSync(join(out, f.path), "utf8").trim().split("\n").slice(0, 50).map((l) => JSON.parse(l) as Record<string, unknown>);
      for (const line of lines) {
        expect(Object.keys(line)).toEqual(schema.required);
        for (const [k, v] of Object.entries(line)) {
          const p = schema.properties[k];
          const types = ([] as string[]).concat(p.type);
          const actual = v === null ? "null" : Number.isInteger(v) ? "integer" : typeof v;
          expect(types).toContain(actual);
          if (p.pattern && typeof v === "string") expect(v).toMatch(new RegExp(p.pattern));
          if (p.enum && v !== null) expect(p.enum).toContain(v);
        }
      }
    }
    const je = JSON.parse(readFileSync(join(out, "journal_entries.schema.json"), "utf8"));
    expect(je.properties.debit_amount).toMatchObject({ type: "string", "x-duckdb-type": "DECIMAL(18,4)" });
    expect(je.properties.cost_center.type).toEqual(["string", "null"]);
  });
});
