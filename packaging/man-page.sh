#!/bin/sh
# packaging/man-page.sh BINARY OUTDIR writes OUTDIR/honsim.1 from honsim's command definitions,
# with swift-argument-parser's manual generator: the `generate-manual` tool behind its
# GenerateManual plugin, built from the copy of swift-argument-parser the build already
# fetched (no network). It reads the commands from `BINARY --experimental-dump-help`.
set -eu

[ $# -eq 2 ] || { echo "usage: $0 BINARY OUTDIR" >&2; exit 2; }
BIN=$1
mkdir -p "$2"
OUT=$(cd "$2" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=${HONSIM_SCRATCH:-$ROOT/.build-release}
PARSER="$SCRATCH/checkouts/swift-argument-parser"
[ -d "$PARSER" ] || PARSER="$ROOT/.build/checkouts/swift-argument-parser"
[ -d "$PARSER" ] || { echo "man-page: swift-argument-parser is not fetched yet; run swift build first" >&2; exit 1; }

TOOLS="$SCRATCH/manual-tool"
swift build --package-path "$PARSER" --scratch-path "$TOOLS" -c release --product generate-manual >&2

SCRATCH_HOME=$(mktemp -d)
trap 'rm -rf "$SCRATCH_HOME"' EXIT
env -i HOME="$SCRATCH_HOME" LANG=C.UTF-8 PATH=/usr/bin:/bin \
    "$TOOLS/release/generate-manual" "$BIN" --output-directory "$OUT" --authors "honsim maintainers"
[ -s "$OUT/honsim.1" ] || { echo "man-page: no honsim.1 was written" >&2; exit 1; }
