#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The clean Debian 12 that chroot_test.sh installs the package into: a minbase bookworm made by
# debootstrap in WORK_DIR/bookworm (the stamp .rcvmon-complete is its last step, so a base is
# reused only when whole), and the .debs the package will pull in, downloaded ahead into
# WORK_DIR/apt-archives. scripts/test starts this in the background before the build, so the
# download overlaps the compiler instead of holding a test slot; the test then waits on the lock
# and finds it done. Run alone, the test does the same work itself. Only a cache: the test's own
# `apt install ./rcvmon_*.deb` still resolves and fetches whatever the package needs.
# Usage: debian_base.sh WORK_DIR
set -euo pipefail
mkdir -p "$1"
work=$(cd "$1" && pwd)
mirror=http://deb.debian.org/debian
base="$work/bookworm"
archives="$work/apt-archives"
# What the package depends on and recommends (cmake/RcvmonPackage.cmake; its Depends come from
# dpkg-shlibdeps at cpack time). A name missing here only costs the test its download time.
runtime=(libqt6widgets6 libqt6charts6 libqt6svg6 libqt6gui6 libpcap0.8 libpcre2-8-0 libssl3 zlib1g
  ieee-data shared-mime-info desktop-file-utils hicolor-icon-theme)

mkdir -p "$archives/partial"
trap 'exit 1' INT TERM HUP  # so that the EXIT trap below unmounts
exec 9>"$work/debian_base.lock"
flock 9

if [ ! -f "$base/.rcvmon-complete" ]; then
  rm -rf "$base" "$base.tmp"
  t=$SECONDS
  debootstrap --variant=minbase bookworm "$base.tmp" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; echo "FAIL: debootstrap bookworm" >&2; exit 1; }
  cp /etc/resolv.conf "$base.tmp/etc/resolv.conf"
  # The package lists and the runtime's .debs, into the shared archive folder (bind-mounted).
  mount --bind "$archives" "$base.tmp/var/cache/apt/archives"
  trap 'umount "$base.tmp/var/cache/apt/archives" 2>/dev/null || umount -l "$base.tmp/var/cache/apt/archives" || true' EXIT
  fetched=0
  chroot "$base.tmp" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 sh -c \
    "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --download-only ${runtime[*]}" \
    >"$work/prefetch.log" 2>&1 && fetched=1
  umount "$base.tmp/var/cache/apt/archives"
  trap - EXIT
  [ "$fetched" = 1 ] || echo "note: the runtime .debs were not fetched ahead (see $work/prefetch.log)" >&2
  touch "$base.tmp/.rcvmon-complete"
  mv "$base.tmp" "$base"
  echo "ok: debootstrap --variant=minbase bookworm and the runtime's .debs in $((SECONDS - t)) s"
else
  echo "ok: reusing the complete Debian 12 base in $base"
fi
