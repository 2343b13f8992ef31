#!/usr/bin/env bash
# Builds dti as a static-stdlib release and writes the archive a CI job downloads instead of
# installing a Swift toolchain:
#   OUT/dti-VERSION-linux-ARCH.tar.gz   bin/dti, share/man/man1/dti.1 (and vi/man1/dti.1), bash/zsh/fish completions,
#                                        README.md, LICENSE, NOTICE
#   OUT/dti-VERSION-linux-ARCH.tar.gz.sha256
# The archive's layout is a prefix: `tar -xzf ARCHIVE --strip-components=1 -C ~/.local` installs it.
# Usage: Scripts/release.sh [OUT]   (default: dist)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
mkdir -p "$out"

Scripts/build-release.sh
binary=.build-static/release/dti
version=$("$binary" --version | cut -d' ' -f1)
name="dti-$version-linux-$(uname -m)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
    "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
# Debug symbols are most of the binary; a user's stack trace is never printed anyway.
strip -o "$root/bin/dti" "$binary"

# The man page from the commands' own help (swift-argument-parser's manual plugin), dated by the
# last commit so the same commit gives the same page.
date="$(git log -1 --format=%cs 2>/dev/null || echo 1970-01-01)"
# DTI_DEBUG_BUILD_FLAGS: the flags the debug build was made with (CI's strict ones), so that
# the manual's build finds it built instead of compiling the package again.
read -r -a debug_flags <<<"${DTI_DEBUG_BUILD_FLAGS:-}"
swift package "${debug_flags[@]}" generate-manual --date "$date" --configuration debug >/dev/null
cp .build/plugins/GenerateManual/outputs/dti/dti.1 "$root/share/man/man1/dti.1"
# The Vietnamese page, from the help in Vietnamese (the plugin keeps ASCII only: dti writes the
# other characters as QQ<hex>QQ under DTI_MAN_ASCII, and the script puts them back).
DTI_MAN_ASCII=1 LANG=vi_VN.UTF-8 swift package "${debug_flags[@]}" generate-manual --date "$date" --configuration debug >/dev/null
mkdir -p "$root/share/man/vi/man1"
python3 Scripts/vietnamese-man-page.py .build/plugins/GenerateManual/outputs/dti/dti.1 "$root/share/man/vi/man1/dti.1"

"$root/bin/dti" --generate-completion-script bash > "$root/share/bash-completion/completions/dti"
"$root/bin/dti" --generate-completion-script zsh > "$root/share/zsh/site-functions/_dti"
"$root/bin/dti" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/dti.fish"
cp README.md LICENSE NOTICE "$root/"

# Reproducible: sorted names, fixed owner and times, gzip without a time stamp.
mtime="$(git log -1 --format=%ct 2>/dev/null || echo 0)"
archive="$out/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -C "$stage" -cf - "$name" | gzip -n -9 > "$archive"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$archive ($(du -h "$archive" | cut -f1)), $(cut -c1-16 "$archive.sha256")…"
