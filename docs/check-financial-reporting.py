#!/usr/bin/env python3
"""Runs every ```sql block of docs/financial-reporting.md against a run's output (Parquet, or CSV)
with DuckDB. Each query selects the rows where the output disagrees with the figure recomputed
from the raw tables: every query must return no row.

    python3 docs/check-financial-reporting.py OUT_DIR [DOC.md]
"""
import glob, os, re, sys
import duckdb

out = sys.argv[1]
doc = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "financial-reporting.md")
con = duckdb.connect()
seen = set()
for f in sorted(glob.glob(os.path.join(out, "*.parquet"))) + sorted(glob.glob(os.path.join(out, "*.csv"))):
    name = os.path.splitext(os.path.basename(f))[0]
    if name in seen: continue
    seen.add(name)
    reader = "read_parquet" if f.endswith(".parquet") else "read_csv_auto"
    con.execute(f"CREATE VIEW {name} AS SELECT * FROM {reader}('{f}')")

# Without the banking phase no company banks at the scenario's bank.
if "bank_transactions" not in seen:
    con.execute("CREATE VIEW bank_transactions AS SELECT NULL::VARCHAR AS transaction_id, NULL::VARCHAR AS customer_id, NULL::VARCHAR AS direction, NULL::DOUBLE AS amount, NULL::DATE AS value_date, NULL::DOUBLE AS balance_after WHERE false")
if "bank_customers" not in seen:
    con.execute("CREATE VIEW bank_customers AS SELECT NULL::VARCHAR AS customer_id, NULL::VARCHAR AS customer_type WHERE false")

blocks = re.findall(r"```sql\n(.*?)```", open(doc).read(), re.S)
failed = 0
for sql in blocks:
    title = sql.strip().splitlines()[0]
    rows = con.execute(sql).fetchall()
    cols = [d[0] for d in con.description]
    if rows:
        failed += 1
        print(f"FAIL {title} ({len(rows)} rows)")
        print("  " + " | ".join(cols))
        for r in rows[:8]: print("  " + " | ".join(str(v) for v in r))
    else:
        print(f"ok   {title}")
print(f"{len(blocks)} checks, {failed} failed")
print("RESULT " + ("OK" if failed == 0 and blocks else "FAIL"))
sys.exit(1 if failed else 0)
