#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# `rcvmon -r -` end to end: the window reads a pcapng stream from standard input (through
# --bench-open -, which opens "-" as -r does) and holds as many rows as capinfos counts.
# Usage: stdin_stream_test.sh RCVMON FILE
set -eu
rcvmon=$1
file=$2
expected=$(capinfos -c -M "$file" | awk '/Number of packets/ {print $NF}')
out=$("$rcvmon" --bench-open - < "$file" 2>/dev/null)
echo "$out"
case "$out" in
  "rows=$expected "*) echo "ok: $expected rows from stdin" ;;
  *) echo "expected rows=$expected"; exit 1 ;;
esac
