#!/usr/bin/env bash
# The scale benchmark (issues 14 and 27): prints each figure beside its target and beside the
# tools an analyst would use instead, timed in the same run on this machine:
#   - import 10,000 units × 100 components × 10 years = 10 million values from one long CSV
#     (target ≤ 2× sqlite3's own `.import` of the same file, peak ≤ 500 MB), beside `.import`
#     (text, no checks) and DuckDB loading the file with the same checks (peers.py);
#   - score and rank one year of the 10,000 units (≤ 0.1 s, ≤ 100 MB) and all ten (≤ 0.5 s, one
#     process: `--year 2015-2024 --out FOLDER`, a file a year), beside DuckDB doing the same;
#   - the same import and ranks in process, through the library (Benchmarks/Sources/scale-bench);
#   - the database's size (≤ 300 MB) beside DuckDB's;
#   - a report set (HTML and Markdown) for the 3,321 communes (≤ 2 s), its largest page, and
#     sensitivity over the 3,321 communes, 10,000 runs (≤ 2 s).
# Whole processes, the release archive's static build; the inputs are synthetic (generate.py). DuckDB comes from
# PyPI (pip install duckdb); without it the DuckDB lines are left out.
#
#   Benchmarks/scale/run.sh [UNITS] [YEARS]      (default 10000 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
units="${1:-10000}"
years="${2:-10}"
# The binary the release archive ships (Scripts/release.sh): the Swift runtime linked in, which
# also starts about 3 ms sooner than a binary that loads it.
Scripts/build-release.sh >/dev/null
dti="$PWD/.build-static/release/dti"
bench="$PWD/.build-static/release/scale-bench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 Benchmarks/scale/generate.py "$work" "$units" "$years"
size=$(du -m "$work/values.csv" | cut -f1)
printf 'generated %s units × 100 components × %s years: %s MB, synthetic\n\n' "$units" "$years" "$size"
export DTI_INDICATORS="$work/Indicators"
unitfile="$work/units-$units.csv"
last=$((2015 + years - 1))

row() { printf '%-62s %9s %9s   %s\n' "$@"; }
# Runs a command; sets `seconds` and `megabytes` (wall time, peak RSS) and prints a row.
measure() { # label, target, command…
    local label="$1" target="$2"; shift 2
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r seconds kilobytes < <(tail -n 1 "$work/time")
    megabytes=$((kilobytes / 1024))
    row "$label" "$seconds s" "$megabytes MB" "$target"
}
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.1f}×' if b > 0 else '–')" "$1" "$2"; }

row "whole process, static release build" "wall" "peak RSS" "target"
measure "dti import, $((units * years / 10))k values" "≤ 2× sqlite3 .import, ≤ 500 MB" \
    "$dti" import --db "$work/history.sqlite" --units "$unitfile" "$work/values.csv"
dti_import=$seconds
measure "sqlite3 .import of the same file (text, no checks)" "peer" \
    sqlite3 "$work/baseline.sqlite" ".mode csv" ".import $work/values.csv observation"
sqlite_import=$seconds
measure "dti rank, one year of $units units" "≤ 0.1 s, ≤ 100 MB" \
    "$dti" rank --db "$work/history.sqlite" --units "$unitfile" --year "$last" --format csv
dti_rank=$seconds
cp "$work/out" "$work/rank.csv"
measure "dti rank, all $years years (--year 2015-$last, one process)" "≤ 0.5 s" \
    "$dti" rank --db "$work/history.sqlite" --units "$unitfile" --year "2015-$last" --format csv --out "$work/ranks"
dti_all=$seconds
cmp -s "$work/ranks/rank-$last.csv" "$work/rank.csv" || { echo "rank-$last.csv of the several-year run differs from the one-year run" >&2; exit 1; }
all_years() {
    for year in $(seq 2015 "$last"); do
        "$dti" rank --db "$work/history.sqlite" --units "$unitfile" --year "$year" --format csv >/dev/null
    done
}
export -f all_years
export dti work unitfile last
measure "dti rank, all $years years (one process each, a shell loop)" "for comparison" bash -c all_years
dti_size=$(du -m "$work/history.sqlite" | cut -f1)
row "dti database holding the values" "" "$dti_size MB" "≤ 300 MB"

duckdb_load="" duckdb_rank="" duckdb_all=""
if python3 -c "import duckdb" 2>/dev/null; then
    echo
    while IFS=$'\t' read -r label value megabytes; do
        case "$label" in
        *"checked load"*) duckdb_load=$value; row "$label" "$value s" "$megabytes MB" "peer" ;;
        *"one year"*) duckdb_rank=$value; row "$label" "$value s" "" "peer (in process, after the load)" ;;
        *"all years"*) duckdb_all=$value; row "$label" "$value s" "" "peer (in process)" ;;
        *"size"*) row "$label" "" "$megabytes MB" "peer" ;;
        *) row "$label" "$value of $megabytes" "" "summation order differs at .00005 boundaries" ;;
        esac
    done < <(python3 Benchmarks/scale/peers.py "$work" "$units" "$years" "$work/rank.csv")
else
    echo "(DuckDB lines left out: pip install duckdb)"
fi

echo
while IFS=$'\t' read -r label value; do
    case "$label" in
    *import*) in_import=$value ;;
    *"one year"*) in_rank=$value ;;
    *) in_all=$value ;;
    esac
    row "$label" "$value s" "" "library, no process start"
done < <("$bench" "$work" "$units" "$years")

echo
row "dti's ratio to its peers" "" "" ""
row "import: dti ÷ sqlite3 .import" "$(ratio "$dti_import" "$sqlite_import")" "" "target ≤ 2×"
if [ -n "$duckdb_load" ]; then
    row "import: dti ÷ DuckDB checked load" "$(ratio "$dti_import" "$duckdb_load")" "" ""
    row "rank one year: dti process ÷ DuckDB query" "$(ratio "$dti_rank" "$duckdb_rank")" "" ""
    row "rank one year: dti in process ÷ DuckDB query" "$(ratio "$in_rank" "$duckdb_rank")" "" ""
    row "rank all years: dti in process ÷ DuckDB queries" "$(ratio "$in_all" "$duckdb_all")" "" ""
fi

echo
"$dti" import --db "$work/communes.sqlite" --units communes "$work/communes-2025.csv" >/dev/null
measure "dti report, 3,321 communes, html and markdown" "≤ 2 s" \
    "$dti" report --db "$work/communes.sqlite" --units communes --year 2025 --format html,markdown --out "$work/report"
# The same into a RAM file system, where there is one: this machine's root (ext4 without a journal)
# allocates inodes slowly for minutes after many files were deleted (the previous run's), which
# the line above includes; this line is dti's own time.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    shm="$(mktemp -d /dev/shm/dti-scale.XXXXXX)"
    measure "the same report into tmpfs (/dev/shm)" "dti's own time" \
        "$dti" report --db "$work/communes.sqlite" --units communes --year 2025 --format html,markdown --out "$shm/report"
    rm -rf "$shm"
fi
largest=$(find "$work/report" -type f \( -name '*.html' -o -name '*.md' -o -name '*.svg' \) -printf '%s %p\n' | sort -n | tail -n 1)
row "largest page of the report set" "$(( ${largest%% *} / 1024 )) KB" "" "≤ 2048 KB (${largest##*/})"
row "files in the report set" "$(find "$work/report" -type f | wc -l)" "" ""
measure "dti sensitivity, 3,321 communes, 10,000 runs" "≤ 2 s" \
    "$dti" sensitivity --db "$work/communes.sqlite" --units communes --year 2025 --runs 10000 --format json
