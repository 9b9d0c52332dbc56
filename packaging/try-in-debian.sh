#!/bin/sh
# Meets the package the way an office would: installs it into a fresh Debian 12 (bookworm) root
# made by `debootstrap --variant=minbase` (Debian's own packages, no Swift toolchain), lets apt
# fetch what its Depends: names, and runs there, as an ordinary user: honsim --version,
# honsim init, honsim seed, honsim check, and the demo dashboard in tmux for one screen.
# Needs root, debootstrap and access to the Debian mirror; takes minutes, so it is not part of
# the test suite.
#   usage: sudo packaging/try-in-debian.sh DEB [ROOT]
#   ROOT   an existing debootstrap root to reuse (made there when empty or missing)
#   DEBIAN_MIRROR  default http://deb.debian.org/debian
set -eu

[ $# -ge 1 ] || { echo "usage: $0 DEB [ROOT]" >&2; exit 2; }
DEB=$(realpath "$1")
ROOT=${2:-$(mktemp -d /tmp/honsim-bookworm.XXXXXX)}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ ! -f "$ROOT/etc/debian_version" ]; then
    echo "== debootstrap --variant=minbase bookworm $ROOT"
    debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >/dev/null
fi

cleanup() {
    chroot "$ROOT" tmux kill-server 2>/dev/null || true
    umount -R "$ROOT/dev" 2>/dev/null || true
    umount "$ROOT/proc" 2>/dev/null || true
}
trap cleanup EXIT
mount -t proc proc "$ROOT/proc"
mount --rbind /dev "$ROOT/dev"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true

in_root() { chroot "$ROOT" "$@"; }
as_office() { chroot "$ROOT" runuser -u office -- env HOME=/home/office LANG=C.UTF-8 TERM=xterm-256color "$@"; }

echo "== the root: $(cat "$ROOT/etc/debian_version"), Swift toolchain: $(in_root sh -c 'command -v swift || ls -d /opt/swift 2>/dev/null || echo none')"
cp "$DEB" "$ROOT/tmp/honsim.deb"
echo "== apt-get install ./honsim.deb tmux"
in_root sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/honsim.deb tmux man-db >/tmp/apt.log 2>&1 || { tail -20 /tmp/apt.log; exit 1; }'
in_root dpkg-query -W -f='installed ${Package} ${Version}, Depends: ${Depends}\n' honsim
echo "== what the binary loads"
in_root ldd /usr/bin/honsim
echo "== files: $(in_root sh -c 'ls /usr/share/man/man1/honsim.1.gz /usr/share/bash-completion/completions/honsim /usr/share/zsh/vendor-completions/_honsim /usr/share/fish/vendor_completions.d/honsim.fish /usr/share/doc/honsim/examples/config.toml /lib/systemd/system/honsim-* | wc -l') of 8 expected present"
in_root sh -c 'ls /usr/share/honsim/themes | tr "\n" " "'; echo
in_root sh -c 'getent passwd honsim honsim-kiosk | cut -d: -f1,6; stat -c "%A %U:%G %n" /var/lib/honsim /var/backups/honsim'

in_root sh -c 'id office >/dev/null 2>&1 || useradd -m office'
echo "== honsim --version"; as_office honsim --version
echo "== honsim init"; as_office honsim init
echo "== honsim seed"; as_office honsim seed --force
echo "== honsim check"; as_office honsim check
echo "== man honsim (first lines)"
in_root sh -c 'MANWIDTH=80 man -P cat honsim 2>/dev/null | head -12'
echo "== honsim demo in tmux, 120x40, after 4 seconds"
as_office tmux new-session -d -s demo -x 120 -y 40 'honsim demo'
sleep 4
as_office tmux capture-pane -p -t demo
as_office tmux kill-server || true
echo "== honsim's log"
as_office sh -c 'ls -l ~/.local/state/honsim/ && tail -3 ~/.local/state/honsim/honsim.log'
echo "== done"
