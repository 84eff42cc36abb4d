#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Renders resources/rcvmon.svg into the hicolor PNG sizes committed under resources/icons/
# (run once after the SVG changes; needs rsvg-convert from Debian's librsvg2-bin). The PNGs are
# committed so that building and installing need no SVG renderer.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
for size in 16 22 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$here/rcvmon.svg" -o "$here/icons/rcvmon-$size.png"
done
