#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A performance change must not change output: dumps `-T fields` of two rcvmon-cli binaries
# (the deep fields of each capture's .deep.tsv header, then the Protocol and Info columns) over
# captures and diffs them. Prints one line per capture that differs and a total.
# Usage: tests/bench/compare_fields_output.sh OLD_CLI NEW_CLI CAPTURE...
set -uo pipefail
old="${1:?usage: compare_fields_output.sh OLD_CLI NEW_CLI CAPTURE...}"; new="${2:?}"; shift 2
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
compared=0; differ=0
for cap in "$@"; do
  header="$cap.deep.tsv"
  [ -f "$header" ] || continue
  args=()
  for f in $(head -1 "$header" | tr '\t' ' '); do args+=(-e "$f"); done
  args+=(-e _ws.col.Protocol -e _ws.col.Info -E occurrence=a -E aggregator=,)
  timeout 300 "$old" -r "$cap" -T fields "${args[@]}" > "$work/old" 2> "$work/old.err"; ro=$?
  timeout 300 "$new" -r "$cap" -T fields "${args[@]}" > "$work/new" 2> "$work/new.err"; rn=$?
  compared=$((compared + 1))
  if [ "$ro" != "$rn" ] || ! cmp -s "$work/old" "$work/new" || ! cmp -s "$work/old.err" "$work/new.err"; then
    differ=$((differ + 1))
    echo "DIFFERS: $cap (exit $ro/$rn, $(diff "$work/old" "$work/new" | grep -c '^<') lines)"
  fi
done
echo "compared $compared captures, $differ differ"
[ "$differ" = 0 ]
