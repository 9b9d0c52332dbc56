#!/bin/sh
# Shows the kiosk as the hall's screen would, without a screen: cage (a kiosk Wayland
# compositor) on a headless output, foot with the Nanum fonts running `honsim kiosk`, and a
# screenshot by grim after a few seconds. Needs Debian's cage, xwayland, foot, fonts-nanum and
# grim. cage refuses to run as root: run this as an ordinary user, or as root with RUN_AS=USER.
#   usage: packaging/try-kiosk-headless.sh STORE OUT.png [HONSIM]
set -eu

[ $# -ge 2 ] || { echo "usage: $0 STORE OUT.png [HONSIM]" >&2; exit 2; }
STORE=$(realpath "$1")
OUT=$2
HONSIM=${3:-$(command -v honsim)}
RUNTIME=$(mktemp -d /tmp/honsim-kiosk-run.XXXXXX)
[ -z "${RUN_AS:-}" ] || chown "$RUN_AS" "$RUNTIME"
chmod 700 "$RUNTIME"
as_user() { if [ -n "${RUN_AS:-}" ]; then runuser -u "$RUN_AS" -- "$@"; else "$@"; fi; }

as_user env HOME="$RUNTIME" XDG_RUNTIME_DIR="$RUNTIME" WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
    LANG=C.UTF-8 cage -- foot --font=NanumGothicCoding:size=13 "$HONSIM" kiosk --store "$STORE" >"$RUNTIME/cage.log" 2>&1 &
CAGE=$!
sleep "${WAIT:-6}"
as_user env XDG_RUNTIME_DIR="$RUNTIME" WAYLAND_DISPLAY=wayland-0 grim "$RUNTIME/shot.png"
cp "$RUNTIME/shot.png" "$OUT"
# runuser does not pass the signal on: stop cage (its child) itself.
kill $(pgrep -P "$CAGE") "$CAGE" 2>/dev/null || true
wait "$CAGE" 2>/dev/null || true
rm -rf "$RUNTIME"
echo "kiosk screenshot: $OUT"
