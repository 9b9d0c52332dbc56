#!/bin/sh
# Builds honsim's Debian package: packaging/build-deb.sh OUTDIR writes
# OUTDIR/honsim_VERSION_ARCH.deb. The release binary links the Swift runtime statically and is
# stripped, so the package needs only the C libraries its Depends: names (found by
# dpkg-shlibdeps from the binary itself). Needs the Swift toolchain, dpkg-dev and gzip; no
# network beyond what `swift build` needs to fetch the dependencies once.
#   HONSIM_SCRATCH  the release build's folder (default .build-release in the clone)
set -eu

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=${HONSIM_SCRATCH:-$ROOT/.build-release}
cd "$ROOT"

VERSION=$(sed -n 's/^ *static let version = "\(.*\)"$/\1/p' Sources/honsim/BuildInfo.swift)
[ -n "$VERSION" ] || { echo "build-deb: no version in Sources/honsim/BuildInfo.swift" >&2; exit 1; }
ARCH=$(dpkg --print-architecture)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git status --porcelain --untracked-files=no 2>/dev/null | head -c1)
[ -z "$DIRTY" ] || COMMIT="$COMMIT+changes"

echo "build-deb: building the release (swift build -c release --static-swift-stdlib)"
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product honsim
BIN="$SCRATCH/release/honsim"

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
PKG="$STAGE/honsim_${VERSION}_${ARCH}"
mkdir -p "$PKG/DEBIAN" "$PKG/usr/bin" "$PKG/usr/share/honsim" "$PKG/usr/share/man/man1" \
    "$PKG/usr/share/bash-completion/completions" "$PKG/usr/share/zsh/vendor-completions" \
    "$PKG/usr/share/fish/vendor_completions.d" "$PKG/usr/share/doc/honsim/examples" "$PKG/lib/systemd/system" "$PKG/etc/default"

install -m 0755 "$BIN" "$PKG/usr/bin/honsim"
strip --strip-all "$PKG/usr/bin/honsim"
H="$PKG/usr/bin/honsim"

# The themes as files to copy and edit (the binary holds them too), and the demo data.
cp -r Themes "$PKG/usr/share/honsim/themes"
cp -r seeds "$PKG/usr/share/honsim/seeds"
echo "$COMMIT $(date -u +%Y-%m-%d)" > "$PKG/usr/share/honsim/build"

# Completions, from the command definitions. The binary runs with a throwaway home so that
# nothing of the builder's (settings, log) is read or written.
SCRATCH_HOME="$STAGE/home"
mkdir -p "$SCRATCH_HOME"
run() { env -i HOME="$SCRATCH_HOME" LANG=C.UTF-8 PATH=/usr/bin:/bin "$H" "$@"; }
run --generate-completion-script bash > "$PKG/usr/share/bash-completion/completions/honsim"
run --generate-completion-script zsh > "$PKG/usr/share/zsh/vendor-completions/_honsim"
run --generate-completion-script fish > "$PKG/usr/share/fish/vendor_completions.d/honsim.fish"

# The man page: swift-argument-parser's manual generator over the same binary.
"$ROOT/packaging/man-page.sh" "$H" "$STAGE/man"
gzip -9n < "$STAGE/man/honsim.1" > "$PKG/usr/share/man/man1/honsim.1.gz"

cp packaging/config.example.toml "$PKG/usr/share/doc/honsim/examples/config.toml"
cp packaging/systemd/honsim-kiosk.service packaging/systemd/honsim-backup.service packaging/systemd/honsim-backup.timer \
    "$PKG/lib/systemd/system/"
cp packaging/default.env "$PKG/etc/default/honsim"
cp packaging/postinst "$PKG/DEBIAN/postinst"
chmod 0755 "$PKG/DEBIAN/postinst"
echo /etc/default/honsim > "$PKG/DEBIAN/conffiles"

# Depends: the shared libraries the binary loads, as dpkg-shlibdeps names them.
mkdir -p "$STAGE/shlibs/debian"
printf 'Source: honsim\n\nPackage: honsim\nArchitecture: any\n' > "$STAGE/shlibs/debian/control"
DEPENDS=$(cd "$STAGE/shlibs" && dpkg-shlibdeps -O "$H" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$DEPENDS" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

SIZE=$(du -sk "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: honsim
Version: $VERSION
Architecture: $ARCH
Maintainer: honsim maintainers <honsim@localhost>
Installed-Size: $SIZE
Depends: $DEPENDS
Recommends: tmux
Suggests: cage, xwayland, foot, fonts-nanum, postgresql-client
Section: misc
Priority: optional
Homepage: https://github.com/honsim/honsim
Description: hospital-escort dashboard for people who live alone
 A full-screen terminal dashboard for the coordinators of a hospital-escort
 service (병원 동행) run by welfare offices: pending escort requests, free
 volunteers and per-dong statistics, keyboard-driven assignment, one shared
 case store (SQLite, or PostgreSQL city-wide), a read-only hall display.
CONTROL

DEB="$OUT/honsim_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group --build "$PKG" "$DEB" >/dev/null
echo "build-deb: $DEB"
echo "build-deb: binary $(stat -c %s "$H") bytes stripped, package $(stat -c %s "$DEB") bytes"
echo "build-deb: Depends: $DEPENDS"
