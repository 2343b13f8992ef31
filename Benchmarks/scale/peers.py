#!/usr/bin/env python3
"""The peers of the scale benchmark: the same checked load and the same score and rank that dti
does, in DuckDB (pip install duckdb), timed in this process and printed one figure per line as
`label<TAB>seconds<TAB>megabytes` for run.sh to set beside dti's.

  peers.py WORK UNITS YEARS DTI_RANK_CSV

The load checks what dti's import checks on this file: every unit is in the unit file, every
indicator is a component of the framework, every value is a number in [0, 1], no value is given
twice; it then stores the values in a DuckDB database file (its size is the last figure). The
score is the framework bench-100 (generate.py): each component earns min(max(value, 0), 1) × 10
of its 10 points, a main indicator is its points earned ÷ 100, a pillar the points-weighted mean
of its main indicators, the index the mean of the ten; ranks are competition ranks of the index.
"""
import csv
import os
import resource
import sys
import time

import duckdb


def timed(label, action):
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{label}\t{seconds:.2f}\t{peak}", flush=True)
    return result


SCORE = """
WITH earned AS (
    SELECT unit, split_part(indicator, '_', 1) AS main, SUM(LEAST(GREATEST(value, 0), 1) * 10) / 100 AS score
    FROM value WHERE year = ? GROUP BY unit, main
), pillars AS (
    SELECT unit,
        AVG(score) AS dti,
        AVG(score) FILTER (WHERE CAST(substr(main, 2) AS INTEGER) % 3 = 0) AS government,
        AVG(score) FILTER (WHERE CAST(substr(main, 2) AS INTEGER) % 3 = 1) AS economy,
        AVG(score) FILTER (WHERE CAST(substr(main, 2) AS INTEGER) % 3 = 2) AS society
    FROM earned GROUP BY unit
)
SELECT RANK() OVER (ORDER BY round(dti * 10000) DESC) AS rank, unit, dti, government, economy, society FROM pillars ORDER BY rank, unit
"""


def main():
    work, units, years, dti_ranks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    path = os.path.join(work, "peer.duckdb")
    if os.path.exists(path):
        os.remove(path)
    db = duckdb.connect(path)
    db.execute("SET threads TO 2")
    components = [f"m{i:02d}_c{j}" for i in range(10) for j in range(10)]

    def load():
        db.execute(f"CREATE TABLE unit AS SELECT code FROM read_csv('{work}/units-{units}.csv', header = true, all_varchar = true)")
        db.execute("CREATE TABLE component (id VARCHAR)")
        db.executemany("INSERT INTO component VALUES (?)", [[c] for c in components])
        db.execute(f"""CREATE TEMP TABLE raw AS SELECT * FROM read_csv('{work}/values.csv', header = true,
                       columns = {{'unit': 'VARCHAR', 'year': 'VARCHAR', 'indicator': 'VARCHAR', 'value': 'VARCHAR'}})""")
        problems = db.execute("""
            SELECT
                (SELECT COUNT(*) FROM raw WHERE unit NOT IN (SELECT code FROM unit)),
                (SELECT COUNT(*) FROM raw WHERE indicator NOT IN (SELECT id FROM component)),
                (SELECT COUNT(*) FROM raw WHERE TRY_CAST(year AS INTEGER) IS NULL),
                (SELECT COUNT(*) FROM raw WHERE TRY_CAST(value AS DOUBLE) IS NULL OR TRY_CAST(value AS DOUBLE) NOT BETWEEN 0 AND 1),
                (SELECT COUNT(*) FROM (SELECT 1 FROM raw GROUP BY unit, year, indicator HAVING COUNT(*) > 1))
        """).fetchone()
        if any(problems):
            sys.exit(f"peers.py: the checks found problems {problems} in a file dti imports without error")
        db.execute("""CREATE TABLE value AS SELECT unit, CAST(year AS INTEGER) AS year, indicator, CAST(value AS DOUBLE) AS value
                      FROM raw ORDER BY year, unit, indicator""")
        db.execute("DROP TABLE raw")
        db.execute("CHECKPOINT")

    timed("DuckDB: checked load into a database file", load)
    last = 2015 + years - 1
    ranked = timed("DuckDB: score and rank one year", lambda: db.execute(SCORE, [last]).fetchall())
    timed("DuckDB: score and rank all years", lambda: [db.execute(SCORE, [year]).fetchall() for year in range(2015, last + 1)])
    db.close()
    print(f"DuckDB: database size\t0\t{os.path.getsize(path) // (1 << 20)}")

    with open(dti_ranks, encoding="utf-8") as handle:
        dti = {row["code"]: int(row["rank"]) for row in csv.DictReader(handle)}
    agree = sum(1 for row in ranked if dti.get(row[1]) == row[0])
    print(f"DuckDB ranks equal to dti's (index at 4 decimals, as published)\t{agree}\t{len(ranked)}")


if __name__ == "__main__":
    main()
