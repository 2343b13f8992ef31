#!/usr/bin/env bash
# Prints the figures of the performance targets (issue 13), whole process, on this machine:
#   - dti sensitivity: 10,000 runs, 63 units × 8 main indicators, --weights 25% --aggregation sum,geometric
#     (target ≤ 0.3 s and at most half the numpy baseline below, timed in the same run);
#   - the same runs with --sobol;
#   - dti audit for one edition; dti rank on the sample database (target ≤ 50 ms);
#   - the in-process kernel alone (the package's `kernel-bench` executable).
# Each figure is the median of REPEAT runs (default 7) of the release archive's static build, the
# one binary CI builds for every check that needs an optimised dti.
#
#   Benchmarks/run.sh [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
repeat="${1:-7}"
Scripts/build-release.sh >/dev/null
dti="$PWD/.build-static/release/dti"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/history.sqlite"
"$dti" import --db "$db" SampleData/ >/dev/null
"$dti" rank --db "$db" --year 2022 --format csv >"$work/rank-2022.csv"

# median wall time in milliseconds of REPEAT runs of a command
median_ms() {
    python3 - "$repeat" "$@" <<'PY'
import subprocess, sys, time
repeat, command = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(repeat):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"{times[len(times) // 2]:.0f}")
PY
}

sensitivity=("$dti" sensitivity --db "$db" --year 2022 --runs 10000 --weights 25% --aggregation sum,geometric --format json)
python3 -c "import numpy" 2>/dev/null || { echo "numpy is needed for the baseline: pip install numpy" >&2; exit 1; }
dti_ms=$(median_ms "${sensitivity[@]}")
numpy_ms=$(median_ms python3 Benchmarks/sensitivity_numpy.py "$work/rank-2022.csv" 10000 1)
sobol_ms=$(median_ms "${sensitivity[@]}" --sobol)
audit_ms=$(median_ms "$dti" audit --db "$db" --year 2022 --format json)
rank_ms=$(median_ms "$dti" rank --db "$db" --year 2022)

printf '%-68s %8s\n' "whole process, median of $repeat (release build)" "ms"
printf '%-68s %8s\n' "dti sensitivity, 10,000 runs, 63 × 8, weights 25%, sum|geometric" "$dti_ms"
printf '%-68s %8s\n' "numpy baseline, the same runs (Benchmarks/sensitivity_numpy.py)" "$numpy_ms"
printf '%-68s %8s\n' "dti sensitivity --sobol (about 10,000 runs of the Saltelli design)" "$sobol_ms"
printf '%-68s %8s\n' "dti audit, one edition" "$audit_ms"
printf '%-68s %8s\n' "dti rank, sample database" "$rank_ms"
python3 -c "import sys; d, n = int(sys.argv[1]), int(sys.argv[2]); print(f'dti / numpy: {d / n:.2f} (target at most 0.50)')" "$dti_ms" "$numpy_ms"
kernel="$(.build-static/release/kernel-bench 2>"$work/kernel-bench.err")" || {
    cat "$work/kernel-bench.err" >&2
    exit 1
}
tail -n 3 <<<"$kernel"
