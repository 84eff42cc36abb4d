#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 2's benchmark, side by side with tcpdump in one run:
#   - header dissection into the packet index (rcvmon-cli --bench): packets/s, bytes/packet
#   - export speed: rcvmon-cli -r F -w out.pcapng  vs  tcpdump -r F -w out.pcap
# Usage: tests/bench/run_core_bench.sh BUILD_DIR [PACKETS=1000000] [RUNS=5]
set -euo pipefail
build="${1:?usage: run_core_bench.sh BUILD_DIR [PACKETS] [RUNS]}"
packets="${2:-1000000}"
runs="${3:-5}"
# On tmpfs when there is one: the comparison is of the tools, not of the disk.
base=/tmp; [ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
work="$(mktemp -d "$base/rcvmon-bench-XXXXXX")"
trap 'rm -rf "$work"' EXIT

cli="$build/app/rcvmon-cli"
"$build/tests/bench/gen_mixed_capture" "$work/mixed.pcap" "$packets"
echo "capture: $packets packets, $(du -m "$work/mixed.pcap" | cut -f1) MiB"
cat "$work/mixed.pcap" > /dev/null  # warm the page cache for both tools alike

source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"

: > "$work/index_pps"; : > "$work/index_bpp"; : > "$work/dissect_pps"
for _ in $(seq "$runs"); do
  line="$("$cli" --bench -r "$work/mixed.pcap")"
  echo "  $line"
  for key in index_pps index_bytes_per_packet dissect_pps; do
    value="$(sed -n "s/.*$key=\([0-9.e+]*\).*/\1/p" <<< "$line")"
    case "$key" in
      index_pps) echo "$value" >> "$work/index_pps" ;;
      index_bytes_per_packet) echo "$value" >> "$work/index_bpp" ;;
      dissect_pps) echo "$value" >> "$work/dissect_pps" ;;
    esac
  done
done

: > "$work/rcvmon_w"; : > "$work/tcpdump_w"
for _ in $(seq "$runs"); do  # alternate the two tools so both see the same machine load
  seconds "$cli" -r "$work/mixed.pcap" -w "$work/out.pcapng" >> "$work/rcvmon_w"
  seconds tcpdump -r "$work/mixed.pcap" -w "$work/out.pcap" >> "$work/tcpdump_w"
done

rw="$(cut -d' ' -f1 "$work/rcvmon_w" | median)"; tw="$(cut -d' ' -f1 "$work/tcpdump_w" | median)"
rc="$(cut -d' ' -f2 "$work/rcvmon_w" | median)"; tc="$(cut -d' ' -f2 "$work/tcpdump_w" | median)"
echo "index pass (median of $runs): $(median < "$work/index_pps") packets/s per core (CPU time), $(median < "$work/index_bpp") index bytes/packet"
echo "full dissection (median of $runs): $(median < "$work/dissect_pps") packets/s per core (CPU time)"
echo "export -w wall (median of $runs): rcvmon-cli ${rw}s (pcapng), tcpdump ${tw}s (pcap), tcpdump/rcvmon = $(awk "BEGIN { printf \"%.2f\", $tw / $rw }")"
echo "export -w cpu  (median of $runs): rcvmon-cli ${rc}s, tcpdump ${tc}s, tcpdump/rcvmon = $(awk "BEGIN { printf \"%.2f\", $tc / $rc }")"
