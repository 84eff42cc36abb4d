#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The Debian package on a clean Debian 12: `cpack -G DEB`, then `apt install ./rcvmon_*.deb`
# inside a minbase bookworm chroot, then the installed rcvmon-cli reads the installed sample
# and the installed window opens it offscreen (--bench-open), both counting the same frames.
# The debootstrapped base (~1-4 min, debian_base.sh) is kept in WORK_DIR/bookworm and reused
# once complete; each run installs into a throwaway overlay (or copy) of it, so every run starts
# from a clean system. Downloaded .debs are kept in WORK_DIR/apt-archives for the next run.
# Usage: chroot_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
mkdir -p "$3"
# Absolute paths: the script changes folders, and mounts are found by path in /proc/mounts.
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
work=$(cd "$3" && pwd)
. "$source/tests/package/require.sh"
mirror=http://deb.debian.org/debian

require '[ "$(id -u)" -eq 0 ]' "root (debootstrap, chroot and mount need it)"
require 'command -v debootstrap' "debootstrap on PATH (scripts/test installs it)"
require 'command -v dpkg-shlibdeps' "dpkg-shlibdeps on PATH (package dpkg-dev; cpack's DEB dependencies)"
require 'command -v cpack' "cpack on PATH (package cmake)"
require "timeout 60 wget -q -O /dev/null $mirror/dists/bookworm/Release || timeout 60 curl -fsS -o /dev/null $mirror/dists/bookworm/Release" \
  "the network: $mirror (debootstrap and apt download Debian 12 from it)"

base="$work/bookworm"
run="$work/run"
archives="$work/apt-archives"
mkdir -p "$work" "$archives/partial"
started=$SECONDS

# The package, from the build folder's install rules.
rm -rf "$work/deb"
(cd "$build" && cpack -G DEB -B "$work/deb") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/deb/rcvmon_*.deb)
echo "ok: $(basename "$deb") built in $((SECONDS - started)) s"
dpkg-deb -f "$deb" Depends

# The base (and the runtime's .debs), unless scripts/test made it in the background: then this
# waits for it to finish.
bash "$source/tests/package/debian_base.sh" "$work" || fail "a Debian 12 base in $base"

# Everything mounted is unmounted on every exit, in reverse order, failure or not.
mounted=()
# Removes the run folder, but never while anything is still mounted under it (the chroot's
# /dev and /sys are the host's); a run killed without its trap left mounts, taken down here.
remove_run() {
  local target
  for target in $(awk -v run="$run/" 'index($2, run) == 1 {print $2}' /proc/mounts | sort -r); do
    umount "$target" 2>/dev/null || umount -l "$target" || true
  done
  if awk -v run="$run/" 'index($2, run) == 1 {found = 1} END {exit !found}' /proc/mounts; then
    echo "still mounted under $run, left in place" >&2
    return 1
  fi
  rm -rf --one-file-system "$run"
}
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
  done
  remove_run || true
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
mount_at() {  # mount_at TARGET ARGS...: mounts and remembers TARGET
  local target=$1; shift
  mount "$@" "$target"
  mounted+=("$target")
}

remove_run || fail "could not clear $run"
mkdir -p "$run/upper" "$run/workdir" "$run/root"
root="$run/root"
if ! mount_at "$root" -t overlay overlay -o "lowerdir=$base,upperdir=$run/upper,workdir=$run/workdir" 2>/dev/null; then
  # No overlayfs here (some containers): a copy is slower but as clean.
  rmdir "$root"
  cp -a "$base" "$root"
fi
mount_at "$root/proc" -t proc proc
mount_at "$root/dev" --bind /dev
mount_at "$root/sys" --bind /sys
mount_at "$root/var/cache/apt/archives" --bind "$archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"

in_chroot() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

t=$SECONDS
in_chroot apt-get update -q >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get update in the chroot"; }
# A throwaway system: dpkg need not fsync every file it unpacks (minutes on a busy disk).
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Options::=--force-unsafe-io "/tmp/$(basename "$deb")" >>"$work/apt.log" 2>&1 \
  || { tail -40 "$work/apt.log"; fail "apt install ./$(basename "$deb") on Debian 12"; }
echo "ok: apt install ./$(basename "$deb") in $((SECONDS - t)) s"
in_chroot dpkg -s rcvmon | grep -q "^Status: install ok installed" || fail "dpkg does not list rcvmon as installed"

sample=/usr/share/doc/rcvmon/sample.pcapng
version=$(in_chroot rcvmon-cli --version) || fail "rcvmon-cli --version in the chroot"
echo "ok: rcvmon-cli --version: $version"
frames=$(in_chroot rcvmon-cli -r "$sample" -T fields -e frame.number | wc -l) || fail "rcvmon-cli -r $sample"
[ "$frames" -gt 0 ] || fail "rcvmon-cli read no frames of $sample"
echo "ok: rcvmon-cli -r $sample: $frames frames"

# The real window, offscreen: opens the sample and exits once every row is in the table.
out=$(in_chroot env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp timeout 300 rcvmon --bench-open "$sample" 2>"$work/rcvmon.log") \
  || { cat "$work/rcvmon.log"; fail "rcvmon --bench-open in the chroot"; }
echo "$out"
case "$out" in
  "rows=$frames "*) echo "ok: the installed window opened $frames rows" ;;
  *) cat "$work/rcvmon.log"; fail "expected rows=$frames from the window" ;;
esac

# The triggers of the recommended packages indexed what the package installs.
grep -q "application/x-pcapng:\*\.pcapng" "$root/usr/share/mime/globs2" || fail "the MIME database lacks *.pcapng"
grep -q "io.github.rcvmon.RcvMon.desktop" "$root/usr/share/applications/mimeinfo.cache" \
  || fail "the desktop database does not associate the pcap types with RcvMon"
echo "ok: MIME type and desktop database updated"
echo "ok: the chroot test took $((SECONDS - started)) s"
