#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# One bounded fuzzing run, as ctest's fuzz_NAME_bounded tests start it:
#   run_fuzzer.sh FUZZER SECONDS WORKDIR [--corpus-captures pcap|pcapng CORPUS]
#                 [--filter-lines FILE]... -- SEED_DIR...
# New inputs go to WORKDIR/corpus (kept between runs), crashes to WORKDIR/artifacts. Extra
# seeds are picked at test time into WORKDIR/picked, never committed:
#   --corpus-captures  the captures under CORPUS ($RCVMON_CORPUS overrides it) of that format
#                      (by magic number) and up to 16 KiB. A missing corpus fails the test when
#                      RCVMON_REQUIRE_REFERENCES is on, else the run uses the committed seeds.
#   --filter-lines     each filter of FILE (one a line, "#" comments) as its own seed.
set -euo pipefail

fuzzer="$1" seconds="$2" work="$3"
shift 3
picked="$work/picked"
rm -rf "$picked"
mkdir -p "$work/corpus" "$work/artifacts" "$picked"

pick_captures() {
  local format="$1" corpus="${RCVMON_CORPUS:-$2}"
  if [ ! -d "$corpus" ]; then
    case "${RCVMON_REQUIRE_REFERENCES:-0}" in
      [Oo][Nn]|1|[Yy][Ee][Ss]|[Tt][Rr][Uu][Ee])
        echo "FAILED: no corpus at $corpus to seed the $format fuzzer (set RCVMON_CORPUS)" >&2; exit 1 ;;
    esac
    echo "note: no corpus at $corpus; fuzzing from the committed seeds only"
    return
  fi
  # Small files only: the readers' paths are all in the first records, and small inputs
  # keep the fuzzer fast.
  python3 - "$format" "$corpus" "$picked" <<'PY'
import os, shutil, sys
fmt, corpus, picked = sys.argv[1:4]
magics = {"pcap": {"d4c3b2a1", "a1b2c3d4", "4d3cb2a1", "a1b23c4d", "34cdb2a1", "a1b2cd34"}, "pcapng": {"0a0d0d0a"}}[fmt]
n = 0
for root, _, files in sorted(os.walk(corpus)):
    for name in sorted(files):
        path = os.path.join(root, name)
        if not name.endswith((".pcap", ".pcapng", ".cap")) or os.path.getsize(path) > 16384:
            continue
        with open(path, "rb") as f:
            if f.read(4).hex() in magics:
                n += 1
                shutil.copy(path, os.path.join(picked, "%d-%s" % (n, name)))
print("seeded with %d %s captures from %s" % (n, fmt, corpus))
PY
}
pick_filters() {
  local n=0 line
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    printf '%s' "$line" > "$picked/$(basename "$1")-$n"
  done < "$1"
  echo "seeded with $n filters from $1"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --corpus-captures) pick_captures "$2" "$3"; shift 3 ;;
    --filter-lines) pick_filters "$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
seeds=()
for dir in "$@"; do [ -d "$dir" ] && seeds+=("$dir"); done

exec "$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" "$picked" "${seeds[@]}"
