#!/usr/bin/env bash
# The scale benchmark of issue 14: prints each figure beside its target, on this machine.
#   - import 10,000 units × 100 components × 10 years = 10 million values from one long CSV
#     (target ≤ 15 s, peak memory ≤ 1 GB), beside sqlite3's own `.import` of the same file;
#   - score and rank one year of the 10,000 units (≤ 0.1 s) and all ten years (≤ 0.5 s);
#   - a report set (HTML and Markdown) for the 3,321 communes (≤ 5 s), and its largest page.
# Whole process, release build; the inputs are synthetic (generate.py).
#
#   Benchmarks/scale/run.sh [UNITS] [YEARS]      (default 10000 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
units="${1:-10000}"
years="${2:-10}"
swift build -c release --product dti >/dev/null 2>&1
dti="$PWD/.build/release/dti"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 Benchmarks/scale/generate.py "$work" "$units" "$years"
size=$(du -m "$work/values.csv" | cut -f1)
printf 'generated %s units × 100 components × %s years: %s MB, synthetic\n' "$units" "$years" "$size"
export DTI_INDICATORS="$work/Indicators"
unitfile="$work/units-$units.csv"

measure() { # label, target, command…: wall time and peak RSS of one run
    local label="$1" target="$2"; shift 2
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r seconds kilobytes < <(tail -n 1 "$work/time")
    printf '%-58s %8s s %7d MB   target %s\n' "$label" "$seconds" "$((kilobytes / 1024))" "$target"
}

printf '%-58s %10s %10s\n' "whole process, release build" "wall" "peak RSS"
measure "dti import, $((units * years / 10))k values" "≤ 15 s, ≤ 1 GB" \
    "$dti" import --db "$work/history.sqlite" --units "$unitfile" "$work/values.csv"
measure "sqlite3 .import of the same file (text, no checks)" "baseline" \
    sqlite3 "$work/baseline.sqlite" ".mode csv" ".import $work/values.csv observation"
last=$((2015 + years - 1))
measure "dti rank, one year of $units units" "≤ 0.1 s" \
    "$dti" rank --db "$work/history.sqlite" --units "$unitfile" --year "$last" --format csv
all_years() {
    for year in $(seq 2015 "$last"); do
        "$dti" rank --db "$work/history.sqlite" --units "$unitfile" --year "$year" --format csv >/dev/null
    done
}
export -f all_years
export dti work unitfile last
measure "dti rank, all $years years (one process each)" "≤ 0.5 s" bash -c all_years

"$dti" import --db "$work/communes.sqlite" --units communes "$work/communes-2025.csv" >/dev/null
measure "dti report, 3,321 communes, html and markdown" "≤ 5 s" \
    "$dti" report --db "$work/communes.sqlite" --units communes --year 2025 --format html,markdown --out "$work/report"
largest=$(find "$work/report" -type f \( -name '*.html' -o -name '*.md' -o -name '*.svg' \) -printf '%s %p\n' | sort -n | tail -n 1)
printf '%-58s %8s KB   %s\n' "largest page of the report set" "$(( ${largest%% *} / 1024 ))" "target ≤ 2048 KB (${largest##*/})"
printf '%-58s %8s\n' "files in the report set" "$(find "$work/report" -type f | wc -l)"
