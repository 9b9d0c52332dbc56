#!/bin/sh
# Shows a run sheet (동행 일지) as it prints: `honsim sheet --format html` of a store's day,
# rendered by headless Chromium to a PNG (the page as seen) and a PDF (as printed on A4). Needs
# Debian's chromium and fonts-nanum. Look at the PNG: one volunteer per page, Hangul drawn
# (not boxes), the boxes to fill in bordered, nothing that needs colour.
#   usage: packaging/try-sheet-in-chromium.sh STORE DAY OUT-PREFIX [HONSIM]
#   e.g.   packaging/try-sheet-in-chromium.sh ~/.local/share/honsim/demo.sqlite 2026-12-07 /tmp/sheet
# writes OUT-PREFIX.html, OUT-PREFIX.png and OUT-PREFIX.pdf (each readable by you alone).
set -eu

[ $# -ge 3 ] || { echo "usage: $0 STORE DAY OUT-PREFIX [HONSIM]" >&2; exit 2; }
STORE=$1
DAY=$2
OUT=$3
HONSIM=${4:-$(command -v honsim)}
CHROMIUM=$(command -v chromium || command -v chromium-browser) || { echo "needs chromium (apt-get install chromium fonts-nanum)" >&2; exit 1; }
PROFILE=$(mktemp -d /tmp/honsim-sheet-chromium.XXXXXX)
trap 'rm -rf "$PROFILE"' EXIT

umask 077
rm -f "$OUT.html"
"$HONSIM" sheet --store "$STORE" --day "$DAY" --format html --output "$OUT.html"
# A4 at 96 dpi is 794 x 1123 pixels; a tall window shows the first pages one under another.
"$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$PROFILE" --hide-scrollbars \
    --window-size=900,${HEIGHT:-2400} --screenshot="$OUT.png" "file://$(realpath "$OUT.html")" 2>"$PROFILE/png.log" \
    || { cat "$PROFILE/png.log" >&2; exit 1; }
"$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$PROFILE" --no-pdf-header-footer \
    --print-to-pdf="$OUT.pdf" "file://$(realpath "$OUT.html")" 2>"$PROFILE/pdf.log" \
    || { cat "$PROFILE/pdf.log" >&2; exit 1; }
echo "run sheet: $OUT.html, as seen: $OUT.png, as printed: $OUT.pdf"
