#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (with AddressSanitizer) and runs each for SECONDS
# (default 40), seeded from Tests/Corpus, SampleData, Indicators and the workbook fixtures.
# A crash, a sanitizer report or a timeout fails the run; its input is kept in Fuzz/artifacts/,
# to be added to Tests/Corpus once fixed. Usage: Scripts/fuzz.sh [SECONDS] [TARGET…]
# (FUZZ_BUILD_ONLY=1 builds and stops; FUZZ_START_AFTER, below; FUZZ_JOBS=N runs N targets at once,
# default one per core.)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-40}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(number csv xml catalogue xlsx)

# --sanitize fuzzer links libFuzzer's main; -Xswiftc instruments every module, the dependencies
# (DTIIngest, XLSX, Yams…) included, so coverage guides the search through them.
# SwiftPM keeps the file list of a path dependency from its first build: when files were added
# to or removed from Sources/ since, the build would miss them, so it starts afresh.
stamp="$(find Sources -name '*.swift' | sort | sha256sum | cut -c1-64)"
if [ "$(cat Fuzz/.build/dti-sources.stamp 2>/dev/null)" != "$stamp" ]; then rm -rf Fuzz/.build; fi
build_log="$(mktemp)"
if ! (cd Fuzz && swift build -c release --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address) >"$build_log" 2>&1; then
    cat "$build_log"
    exit 1
fi
tail -1 "$build_log"
rm -f "$build_log"
echo "$stamp" > Fuzz/.build/dti-sources.stamp
[ -z "${FUZZ_BUILD_ONLY:-}" ] || exit 0
# FUZZ_START_AFTER=FILE: built, the runs wait until FILE exists (CI builds the targets beside its
# other builds and starts the runs when the machine has room for them), or until the process
# FUZZ_WAIT_PID is gone (then nothing is run, and the status is 1).
if [ -n "${FUZZ_START_AFTER:-}" ]; then
    while [ ! -e "$FUZZ_START_AFTER" ]; do
        if [ -n "${FUZZ_WAIT_PID:-}" ] && ! kill -0 "$FUZZ_WAIT_PID" 2>/dev/null; then exit 1; fi
        sleep 1
    done
    echo "runs started"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p Fuzz/artifacts
seed() { # seed TARGET FILE…
    mkdir -p "$work/$1/seeds" "$work/$1/corpus"
    shift_target="$1"; shift
    for file in "$@"; do [ -f "$file" ] && cp "$file" "$work/$shift_target/seeds/" || true; done
}
mkdir -p "$work/number/seeds"
i=0
for text in 0.8253 56,83 1.417 "97%" "1 350 000" 1591/2003 1e-05 1e309 -0,5 "1.234.567,89" "nan"; do
    printf '%s' "$text" > "$work/number/seeds/$i"; i=$((i + 1))
done
mkdir -p "$work/number/corpus"
seed csv Tests/Corpus/*.csv SampleData/*.csv SampleData/examples/*.csv SampleData/components/*.csv
seed xml Tests/Corpus/*.xml SampleData/examples/*.xml
seed catalogue Tests/Corpus/*.yaml Indicators/*.yaml Indicators/illustrative/*.yaml
seed xlsx Tests/Corpus/*.xls* $(ls Tests/dtiTests/Fixtures/xlsx/*.xlsx | grep -v zip-bomb)

# Each target runs on one core: as many run at once as the machine has cores (FUZZ_JOBS to
# choose), each still for SECONDS, so five targets take three rounds on two cores, not five.
jobs="${FUZZ_JOBS:-$(nproc)}"
fuzz() { # fuzz TARGET: runs it; its log is $work/TARGET.log, its status the run's
    Fuzz/.build/release/fuzz-"$1" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -detect_leaks=0 \
        -print_final_stats=1 -artifact_prefix="Fuzz/artifacts/$1-" "$work/$1/corpus" "$work/$1/seeds" >"$work/$1.log" 2>&1
}
for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
    (if fuzz "$target"; then echo 0; else echo 1; fi >"$work/$target.status") &
done
wait

status=0
for target in "${targets[@]}"; do
    log="$work/$target.log"
    if [ "$(cat "$work/$target.status")" != 0 ]; then
        echo "fuzz-$target FOUND A PROBLEM (input kept in Fuzz/artifacts/):"
        grep -E "ERROR|Fatal error|SUMMARY|Test unit written" "$log" | head -20
        status=1
        continue
    fi
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')"
    speed="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')"
    coverage="$(grep -o 'cov: [0-9]*' "$log" | tail -1)"
    echo "fuzz-$target: ${seconds} s, $runs runs ($speed/s), $coverage, $(ls "$work/$target/corpus" | wc -l) new inputs, no crash"
done
exit $status
