#!/usr/bin/env bash
# Measures what `dti validate` and `dti import` cost on hostile-sized inputs: one million bad
# rows, one million repeats of one row, and one million rows cycling through every value of the
# bundled sample data. Prints wall time and peak memory (max RSS) for each, with sqlite3's own
# `.import` of the same file (text, no checks) as the baseline an analyst would reach for.
#
#   Scripts/measure-import.sh [ROWS]        (default 1000000; builds the release binary first)
#
# Memory is the figure to watch: reading is a batch at a time, so it should not grow with ROWS.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
swift build -c release --product dti >/dev/null 2>&1
dti="$PWD/.build/release/dti"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$rows" <<'PY'
import csv, glob, sys
work, rows = sys.argv[1], int(sys.argv[2])
header = "province,year,indicator,value\n"
with open(f"{work}/bad.csv", "w") as out:
    out.write(header)
    row = "Hà Nội,2022,awareness,abc\n"
    for _ in range(rows):
        out.write(row)
with open(f"{work}/repeats.csv", "w") as out:
    out.write(header)
    row = "Hà Nội,2022,awareness,0.5\n"
    for _ in range(rows):
        out.write(row)
values = []
for path in sorted(glob.glob("SampleData/dti-20*.csv")):
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    for record in csv.DictReader(lines):
        values.append(f"{record['province']},{record['year']},{record['indicator']},{record['value']}\n")
with open(f"{work}/sample-cycled.csv", "w") as out:
    out.write(header)
    for i in range(rows):
        out.write(values[i % len(values)])
PY

measure() { # label, command…
    local label="$1"; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || true
    read -r seconds kilobytes < <(tail -n 1 "$work/time")
    local said
    said="$(tail -n 1 "$work/out")"
    [ -n "$said" ] || said="$(tail -n 1 "$work/err")"
    printf '%-44s %8s s %8.0f MB   %s\n' "$label" "$seconds" "$((kilobytes / 1024))" "${said:0:70}"
}

printf '%-44s %10s %11s\n' "$rows rows" "wall" "peak RSS"
for input in bad repeats sample-cycled; do
    size=$(du -m "$work/$input.csv" | cut -f1)
    measure "dti validate $input.csv ($size MB)" "$dti" validate "$work/$input.csv"
    rm -f "$work/history.sqlite"
    measure "dti import $input.csv" "$dti" import --db "$work/history.sqlite" "$work/$input.csv"
    rm -f "$work/baseline.sqlite"
    measure "sqlite3 .import $input.csv (baseline)" sqlite3 "$work/baseline.sqlite" ".import --csv $work/$input.csv staged"
done
