#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `cmake --install` into a fresh prefix puts down every file a desktop expects, and each passes
# its validator: desktop-file-validate, appstreamcli validate, update-mime-database, groff for
# the man pages (no warning), PNG sizes matching their hicolor folders.
# Usage: install_tree_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -eu
mkdir -p "$3"
# Absolute paths: the script changes folders, and mounts are found by path in /proc/mounts.
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
work=$(cd "$3" && pwd)
. "$source/tests/package/require.sh"
tool() { require "command -v $1" "$1 on PATH (package $2; scripts/test installs it)"; }
tool desktop-file-validate desktop-file-utils
tool appstreamcli appstream
tool update-mime-database shared-mime-info
tool groff groff-base

id=io.github.rcvmon.RcvMon
prefix="$work/prefix"
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }

sizes="16 22 24 32 48 64 128 256 512"
expected="bin/rcvmon bin/rcvmon-cli
share/applications/$id.desktop
share/metainfo/$id.metainfo.xml
share/mime/packages/$id.xml
share/man/man1/rcvmon.1 share/man/man1/rcvmon-cli.1
share/doc/rcvmon/README.md share/doc/rcvmon/sample.pcapng
share/icons/hicolor/scalable/apps/$id.svg"
for s in $sizes; do expected="$expected share/icons/hicolor/${s}x${s}/apps/$id.png"; done
for f in $expected; do
  [ -f "$prefix/$f" ] || fail "$f is not installed"
done
[ -x "$prefix/bin/rcvmon" ] && [ -x "$prefix/bin/rcvmon-cli" ] || fail "the programs are not executable"
# Nothing else: a stray file would end up in the package unnoticed.
count=$(find "$prefix" -type f | wc -l)
want=$(echo $expected | wc -w)
[ "$count" -eq "$want" ] || { find "$prefix" -type f; fail "$count files installed, expected $want"; }
echo "ok: $count files installed"

# hicolor's NxN folder must hold an N×N PNG (IHDR width and height, big endian, at byte 16).
for s in $sizes; do
  png="$prefix/share/icons/hicolor/${s}x${s}/apps/$id.png"
  dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
  [ "$dims" = "${s}x${s}" ] || fail "$png is $dims"
done
echo "ok: icon sizes $sizes"

desktop="$prefix/share/applications/$id.desktop"
desktop-file-validate "$desktop" || fail "desktop-file-validate"
grep -qx "Icon=$id" "$desktop" || fail "the desktop entry's icon is not $id"
exe=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$prefix/bin/$exe" ] || fail "Exec=$exe is not an installed program"
echo "ok: desktop-file-validate"

metainfo="$prefix/share/metainfo/$id.metainfo.xml"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate"
# The tree check also finds the .desktop file the metainfo launches.
appstreamcli validate-tree --no-net "$prefix" || fail "appstreamcli validate-tree"
grep -q "<id>$id</id>" "$metainfo" || fail "the AppStream id is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" || fail "launchable is not $id.desktop"
echo "ok: appstreamcli validate"

# The database built from the package alone must know pcapng by name and by content.
XDG_DATA_DIRS="$prefix/share:/usr/share" update-mime-database "$prefix/share/mime" >"$work/mime.log" 2>&1 || { cat "$work/mime.log"; fail "update-mime-database"; }
[ ! -s "$work/mime.log" ] || { cat "$work/mime.log"; fail "update-mime-database warned"; }
grep -q "application/x-pcapng:\*\.pcapng" "$prefix/share/mime/globs2" || fail "no *.pcapng glob"
grep -q "application/x-pcapng" "$prefix/share/mime/magic" || fail "no pcapng magic"
for type in $(sed -n 's/^MimeType=//p' "$desktop" | tr ';' ' '); do
  [ "$type" = application/x-pcapng ] && continue
  grep -q "type=\"$type\"" /usr/share/mime/packages/freedesktop.org.xml || fail "$type is in no MIME package"
done
echo "ok: MIME types"

for page in rcvmon rcvmon-cli; do
  man="$prefix/share/man/man1/$page.1"
  warnings=$(groff -man -ww -z "$man" 2>&1) || fail "groff failed on $page.1: $warnings"
  [ -z "$warnings" ] || fail "groff warns on $page.1: $warnings"
  # The page documents every option the program's own help names (roff writes - as \-).
  options=$(QT_QPA_PLATFORM=offscreen "$prefix/bin/$page" --help 2>/dev/null \
            | grep -oE '(^|[ [])--?[A-Za-z][A-Za-z-]*' | sed 's/^[[ ]*//' | sort -u)
  [ -n "$options" ] || fail "$page --help names no option"
  for option in $options; do
    grep -qF -- "$(printf '%s' "$option" | sed 's/-/\\-/g')" "$man" || fail "$page.1 does not document $option"
  done
  echo "ok: $page.1 documents" $options
done
echo "ok: man pages render without warnings"

# The installed programs run from the prefix.
"$prefix/bin/rcvmon-cli" --version || fail "rcvmon-cli --version"
rows=$("$prefix/bin/rcvmon-cli" -r "$prefix/share/doc/rcvmon/sample.pcapng" -T fields -e frame.number | wc -l)
[ "$rows" -gt 0 ] || fail "rcvmon-cli read no frames from the installed sample"
echo "ok: installed rcvmon-cli reads $rows frames of the installed sample"
