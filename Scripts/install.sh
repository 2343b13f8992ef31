#!/usr/bin/env bash
# Installs dti: bin/dti, the man page and bash, zsh and fish completions under a prefix.
# Usage: Scripts/install.sh [--prefix DIR] [--archive FILE]
#   --prefix   where to install (default: ~/.local): DIR/bin/dti, DIR/share/man/man1/dti.1 (English),
#              DIR/share/man/vi/man1/dti.1 (Vietnamese: man dti under a Vietnamese locale), ...
#   --archive  a release archive (Scripts/release.sh, or downloaded with its .sha256); without it,
#              one is built from this checkout first.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="$HOME/.local"
archive=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
        --archive) archive="${2:?--archive needs a file}"; shift 2 ;;
        -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 64 ;;
    esac
done

if [ -z "$archive" ]; then
    Scripts/release.sh dist
    archive="$(ls -t dist/dti-*-linux-"$(uname -m)".tar.gz | head -1)"
fi
[ -f "$archive" ] || { echo "install.sh: no archive at $archive" >&2; exit 1; }
if [ -f "$archive.sha256" ]; then
    expected="$(cut -d' ' -f1 "$archive.sha256")"
    actual="$(sha256sum "$archive" | cut -d' ' -f1)"
    [ "$expected" = "$actual" ] || { echo "install.sh: $archive does not match its .sha256" >&2; exit 1; }
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
tar -xzf "$archive" -C "$stage" --strip-components=1
install -Dm755 "$stage/bin/dti" "$prefix/bin/dti"
install -Dm644 "$stage/share/man/man1/dti.1" "$prefix/share/man/man1/dti.1"
install -Dm644 "$stage/share/man/vi/man1/dti.1" "$prefix/share/man/vi/man1/dti.1"
install -Dm644 "$stage/share/bash-completion/completions/dti" "$prefix/share/bash-completion/completions/dti"
install -Dm644 "$stage/share/zsh/site-functions/_dti" "$prefix/share/zsh/site-functions/_dti"
install -Dm644 "$stage/share/fish/vendor_completions.d/dti.fish" "$prefix/share/fish/vendor_completions.d/dti.fish"
install -Dm644 "$stage/NOTICE" "$prefix/share/doc/dti/NOTICE"
install -Dm644 "$stage/LICENSE" "$prefix/share/doc/dti/LICENSE"

echo "Installed $("$prefix/bin/dti" --version | cut -d' ' -f1) into $prefix: bin/dti, share/man/man1/dti.1 (and vi/man1 in Vietnamese), completions for bash, zsh and fish."
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Add it to your PATH: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
