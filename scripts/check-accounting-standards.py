#!/usr/bin/env python3
"""Runs the SQL checks of docs/accounting-standards.md on a run's output directory (CSV).

Each ```sql block starting with `-- check: NAME` must return no rows. Every CSV file of the
directory is a table of its name. Exit status 1 when a check fails.
Usage: python3 scripts/check-accounting-standards.py OUT_DIR
"""
import pathlib
import re
import sys

import duckdb

def main() -> int:
    out = pathlib.Path(sys.argv[1])
    doc = (pathlib.Path(__file__).resolve().parent.parent / "docs" / "accounting-standards.md").read_text()
    checks = re.findall(r"```sql\n-- check: ([^\n]+)\n(.*?)```", doc, re.S)
    con = duckdb.connect()
    for f in sorted(out.glob("*.csv")):
        con.execute(f"create view {f.stem} as select * from read_csv('{f}', header = true, all_varchar = false, sample_size = -1)")
    # A run without the anomalies phase has no labels: an empty table lets the checks leave labelled documents out.
    if not (out / "anomaly_labels.csv").exists():
        con.execute("create view anomaly_labels as select null::varchar as company_code, null::varchar as document_id where false")
    failed = 0
    for name, sql in checks:
        try:
            rows = con.execute(sql).fetchall()
        except duckdb.CatalogException as e:
            # A table with no rows is not written (e.g. no impairment test in a short run).
            print(f"skip {name} ({str(e).splitlines()[0]})")
            continue
        print(f"{'ok  ' if not rows else 'FAIL'} {name}{'' if not rows else f' ({len(rows)} rows)'}")
        for r in rows[:5]:
            print("     ", r)
        failed += bool(rows)
    print(f"{len(checks)} checks, {failed} failed")
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
