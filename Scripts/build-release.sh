#!/usr/bin/env bash
# Builds the one optimised build of dti that everything needing one uses: the release archive
# (Scripts/release.sh), the benchmarks (Benchmarks/run.sh, Benchmarks/scale/run.sh) and CI's checks
# of the release build. Into .build-static/release: dti, kernel-bench, scale-bench.
#
# The Swift runtime and Foundation are linked in; SQLite and libxml2 stay the system's shared
# libraries (libsqlite3-0, libxml2 on Debian and Ubuntu), as for any Unix tool. Products by name,
# not the whole package: the tests' support module imports Testing, which has no static library.
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for product in dti kernel-bench scale-bench; do
    # The compiler's progress is kept out of the way; shown whole if the build fails.
    swift build -c release --static-swift-stdlib --scratch-path .build-static --product "$product" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
done
echo ".build-static/release: dti, kernel-bench, scale-bench"
