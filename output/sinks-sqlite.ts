// SQLite output: ONE database (synth.sqlite at the output root) with a table per record spec,
// loaded with bun:sqlite in block order (prepared multi-row INSERTs inside large transactions,
// journal and fsync off during the load), indexed and VACUUMed at finish().
//
// Column types: int and bool -> INTEGER (bool as 0 / 1); money -> INTEGER in ten-thousandths of
// the currency unit (1234.50 USD is 12345000, -7 JPY is -70000: the scale of Parquet's
// DECIMAL(18, 4), so one column mixes currencies exactly and SUM is exact; SQLite has no exact
// decimal and REAL would round); id, text, decimal, date -> TEXT (dates as YYYY-MM-DD, decimals
// as their exact strings). For each table with money, a view `<table>_decimal` shows the same
// rows with money as exact decimal text. Required columns are NOT NULL. Indexes: each table's
// first *_id column (its own document id), every other *document_id column (document chains),
// and (company_code, fiscal_year, fiscal_period).
//
// Determinism: the same rows in the same order, commits at fixed row counts, a fixed page size,
// no timestamps and a VACUUM give byte-identical files with the same SQLite library version.
import { Database, type Statement } from "bun:sqlite";
import { rmSync } from "node:fs";
import { MONEY_DECIMAL, type Column, type TableSpec } from "../specs/records/table.ts";
import { dictionary, isoFromDays, type ColumnBuffer } from "./columnar.ts";

export const SQLITE_FILE = "synth.sqlite";
/** Rows per INSERT statement (bound parameters stay well under SQLite's limit). */
const BATCH_ROWS = 64;
/** Rows per transaction: fixed, so the commit count (in the file header) depends on rows alone. */
const COMMIT_ROWS = 500_000;

export function sqliteType(c: Column): string {
  return c.kind === "int" || c.kind === "bool" || c.kind === "money" ? "INTEGER" : "TEXT";
}

/** Money is stored at this many decimals (as an integer): MONEY_DECIMAL's scale. */
export const SQLITE_MONEY_SCALE = MONEY_DECIMAL.scale;
const POW10 = [1, 10, 100, 1000, 10000];

/** The view of a table with money as exact decimal text ("1234.5000"), or none without money. */
export function decimalViewSql(spec: TableSpec): string | undefined {
  if (!spec.columns.some((c) => c.kind === "money")) return undefined;
  const unit = 10 ** SQLITE_MONEY_SCALE;
  const cols = spec.columns.map((c) => {
    if (c.kind !== "money") return q(c.name);
    const x = q(c.name);
    const text = `CASE WHEN ${x} < 0 THEN '-' ELSE '' END || (abs(${x}) / ${unit}) || '.' || substr('${"0".repeat(SQLITE_MONEY_SCALE)}' || (abs(${x}) % ${unit}), -${SQLITE_MONEY_SCALE}, ${SQLITE_MONEY_SCALE})`;
    return `CASE WHEN ${x} IS NULL THEN NULL ELSE ${text} END AS ${x}`;
  });
  return `CREATE VIEW ${q(`${spec.name}_decimal`)} AS SELECT ${cols.join(", ")} FROM ${q(spec.name)}`;
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function createTableSql(spec: TableSpec): string {
  const cols = spec.columns.map((c) => `${q(c.name)} ${sqliteType(c)}${c.optional ? "" : " NOT NULL"}`);
  return `CREATE TABLE ${q(spec.name)} (${cols.join(", ")})`;
}

/** The indexes created at finish, as [index name, columns]. */
export function indexesFor(spec: TableSpec): [string, string[]][] {
  const names = spec.columns.map((c) => c.name);
  const sets: string[][] = [];
  const own = names.find((n) => n.endsWith("_id"));
  if (own) sets.push([own]);
  for (const n of names) if (n !== own && n.endsWith("document_id")) sets.push([n]);
  const period = ["company_code", "fiscal_year", "fiscal_period"];
  if (period.every((p) => names.includes(p))) sets.push(period);
  return sets.map((cols) => [`${spec.name}__${cols.join("__")}`, cols]);
}

interface Loader {
  spec: TableSpec;
  many: Statement;
  one: Statement;
  params: (string | number | bigint | null)[];
}

export class SqliteOutput {
  /** Rows inserted, over all tables. */
  rows = 0;
  private db: Database | undefined;
  private readonly tables = new Map<string, Loader>();
  private sinceCommit = 0;
  private readonly dates = new Map<number, string>();

  constructor(readonly path: string) {
    for (const p of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
    const db = (this.db = new Database(path, { create: true }));
    db.run("PRAGMA page_size = 4096");
    db.run("PRAGMA journal_mode = OFF");
    db.run("PRAGMA synchronous = OFF");
    db.run("PRAGMA locking_mode = EXCLUSIVE");
    db.run("PRAGMA cache_size = -65536");
    db.run("PRAGMA temp_store = MEMORY");
    db.run("BEGIN");
  }

  append(spec: TableSpec, cols: ColumnBuffer[], rows: number): void {
    const t = this.loader(spec);
    const width = spec.columns.length;
    const dicts = cols.map((b) => (b.codes ? dictionary(b) : undefined));
    let r = 0;
    for (; r + BATCH_ROWS <= rows; r += BATCH_ROWS) {
      for (let k = 0; k < BATCH_ROWS; k++) this.fill(t, cols, dicts, r + k, k * width);
      t.many.run(t.params);
    }
    for (; r < rows; r++) {
      this.fill(t, cols, dicts, r, 0);
      t.one.run(t.params.slice(0, width));
    }
    this.rows += rows;
    this.sinceCommit += rows;
    if (this.sinceCommit >= COMMIT_ROWS) this.commit();
  }

  /** Commits, creates the indexes, compacts and closes the database. */
  finish(): void {
    const db = this.db!;
    for (const { spec } of this.tables.values()) {
      for (const [name, cols] of indexesFor(spec)) db.run(`CREATE INDEX ${q(name)} ON ${q(spec.name)} (${cols.map(q).join(", ")})`);
      const view = decimalViewSql(spec);
      if (view) db.run(view);
    }
    db.run("COMMIT");
    // A compact file with each table's pages together (bytes are deterministic with or without).
    db.run("VACUUM");
    this.close();
  }

  /** Keeps the rows inserted so far (an interrupted run): no indexes. */
  close(): void {
    if (!this.db) return;
    this.finalize();
    if (this.db.inTransaction) this.db.run("COMMIT");
    this.db.close();
    this.db = undefined;
  }

  private commit(): void {
    this.db!.run("COMMIT");
    this.db!.run("BEGIN");
    this.sinceCommit = 0;
  }

  private finalize(): void {
    for (const t of this.tables.values()) {
      t.many.finalize();
      t.one.finalize();
    }
    this.tables.clear();
  }

  private loader(spec: TableSpec): Loader {
    let t = this.tables.get(spec.name);
    if (t) return t;
    const db = this.db!;
    db.run(createTableSql(spec));
    const row = `(${spec.columns.map(() => "?").join(", ")})`;
    const insert = `INSERT INTO ${q(spec.name)} VALUES `;
    t = {
      spec,
      many: db.prepare(insert + Array.from({ length: BATCH_ROWS }, () => row).join(", ")),
      one: db.prepare(insert + row),
      params: new Array(BATCH_ROWS * spec.columns.length).fill(null),
    };
    this.tables.set(spec.name, t);
    return t;
  }

  /** Row `r`'s values into params[at...]. */
  private fill(t: Loader, cols: ColumnBuffer[], dicts: (string[] | undefined)[], r: number, at: number): void {
    const columns = t.spec.columns;
    const p = t.params;
    for (let i = 0; i < columns.length; i++) p[at + i] = this.value(columns[i]!, cols[i]!, dicts[i], r);
  }

  /** The SQL value of row `r` of one column: text as is, money as an integer at SQLITE_MONEY_SCALE. */
  private value(c: Column, b: ColumnBuffer, dict: string[] | undefined, r: number): string | number | bigint | null {
    if (b.codes) {
      const code = b.codes[r]!;
      return code < 0 ? null : dict![code]!;
    }
    if (b.nulls?.[r]) return null;
    if (b.digits) return scaledMoney(b.num![r]!, b.digits[r]!, c);
    return c.kind === "date" ? this.date(b.num![r]!) : b.num![r]!;
  }

  private date(days: number): string {
    let s = this.dates.get(days);
    if (s === undefined) this.dates.set(days, (s = isoFromDays(days)));
    return s;
  }
}

/** Minor units with `digits` decimals -> the integer at SQLITE_MONEY_SCALE, exactly (a bigint past 2^53). */
function scaledMoney(minor: number, digits: number, c: Column): number | bigint {
  const shift = SQLITE_MONEY_SCALE - digits;
  if (shift < 0) throw new Error(`${c.name}: money with ${digits} minor digits does not fit scale ${SQLITE_MONEY_SCALE}`);
  const v = minor * POW10[shift]!;
  return Number.isSafeInteger(v) ? v : BigInt(minor) * BigInt(POW10[shift]!);
}
