#!/usr/bin/env bash
# Regenerates Reports/ from SampleData: the reports committed in the repository.
# CI runs this and fails when the result differs from what is committed.
# Usage: Scripts/generate-reports.sh [path-to-dti]   (default: swift run dti)
set -euo pipefail
cd "$(dirname "$0")/.."
dti=("${1:-swift}")
[ "${1:-}" = "" ] && dti=(swift run -q dti)
export DTI_DB="$(mktemp -d)/history.sqlite"
"${dti[@]}" import SampleData/*.csv >/dev/null
rm -rf Reports/vi Reports/en Reports/vi-34
for lang in vi en; do
    "${dti[@]}" report --year 2024 --lang "$lang" --format html,markdown --out "Reports/$lang" \
        --compare "Bắc Ninh,Bắc Giang,Vĩnh Phúc" --uncertainty --audit
done
# The 34 units of 1 July 2025: merged units, their members' back-cast history, the comparison
# across the merger. Also the golden files of ReportCommandTests.
"${dti[@]}" report --year 2024 --units 34 --lang vi --format html,markdown --out Reports/vi-34 \
    --compare "Bắc Ninh,Bắc Giang,Vĩnh Phúc,Hà Nội"
rm -rf "$(dirname "$DTI_DB")"
