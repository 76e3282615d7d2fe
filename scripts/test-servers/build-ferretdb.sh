#!/usr/bin/env bash
# Prints the path of a FerretDB binary, building it once into a cache folder.
#
# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at start
# ("Invalid build/version/version.txt file content"): the module zip has no version.txt, which the
# release build generates. So the same module is built from a writable copy of its source with that
# one file written in.
set -euo pipefail

FERRETDB_VERSION=v1.24.2
cache_dir="${FERRETDB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/plan-tracking/ferretdb-$FERRETDB_VERSION}"
binary="$cache_dir/ferretdb"

if [ -x "$binary" ]; then
  echo "$binary"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  if [ -x /usr/local/go/bin/go ]; then
    PATH="/usr/local/go/bin:$PATH"
  else
    echo "Cannot build FerretDB $FERRETDB_VERSION: no Go toolchain on PATH or in /usr/local/go/bin." >&2
    exit 1
  fi
fi

echo "Building FerretDB $FERRETDB_VERSION into $cache_dir (once; later runs reuse it)" >&2
mkdir -p "$cache_dir"
source_dir="$(mktemp -d "$cache_dir/source.XXXXXX")"
trap 'chmod -R u+w "$source_dir" 2>/dev/null; rm -rf "$source_dir"' EXIT

module_dir="$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
if [ -z "$module_dir" ] || [ ! -d "$module_dir" ]; then
  echo "Cannot build FerretDB $FERRETDB_VERSION: go mod download gave no module folder." >&2
  exit 1
fi
cp -R "$module_dir/." "$source_dir"
chmod -R u+w "$source_dir"
printf '%s' "$FERRETDB_VERSION" >"$source_dir/build/version/version.txt"
# Built beside the cache entry and moved in whole, so a concurrent run never sees half a binary.
(cd "$source_dir" && go build -buildvcs=false -o "$source_dir/ferretdb.bin" ./cmd/ferretdb) >&2
mv -f "$source_dir/ferretdb.bin" "$binary"
echo "$binary"
