#!/usr/bin/env bash
# The system libraries dti builds on, checked before the first build: SQLite (the history),
# libxml2 (XML and its schema), zlib (workbooks) and pkg-config, as Debian/Ubuntu packages.
# Missing ones are installed when this runs as root or with a password-free sudo; otherwise the
# one command that installs them is printed and the exit status is 1. Nothing to do on macOS,
# whose SDK has them.
#
#     Scripts/requirements.sh && swift run dti import SampleData/*.csv && swift run dti rank --year 2022
set -euo pipefail

[ "$(uname -s)" = Linux ] || exit 0

packages=(libsqlite3-dev libxml2-dev zlib1g-dev pkg-config)
if ! command -v dpkg >/dev/null 2>&1; then
    # Not Debian or Ubuntu: ask pkg-config, and name what is wanted.
    if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists sqlite3 libxml-2.0 zlib; then exit 0; fi
    echo "dti needs the development files of SQLite 3, libxml2 and zlib, and pkg-config; install them with your package manager, then run this again" >&2
    exit 1
fi

need=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
    echo "installing what dti builds on: ${need[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "installing what dti builds on: ${need[*]}" >&2
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
else
    echo "dti needs these packages to build: ${need[*]}; install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
fi
