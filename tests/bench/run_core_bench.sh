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
# The export comparison runs on tmpfs when there is one: it compares the tools, not the disk.
base=/tmp; [ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
work="$(mktemp -d "$base/rcvmon-bench-XXXXXX")"
# The index pass is measured on both: a page-cached file on the disk's filesystem (where users'
# captures live; ext4 keeps it in large folios, so mapping it takes fewer page faults) and tmpfs.
disk="$(mktemp -d "${BENCH_DISK_DIR:-/var/tmp}/rcvmon-bench-XXXXXX")"
trap 'rm -rf "$work" "$disk"' EXIT

cli="$build/app/rcvmon-cli"
"$build/tests/bench/gen_mixed_capture" "$work/mixed.pcap" "$packets"
cp "$work/mixed.pcap" "$disk/mixed.pcap"
echo "capture: $packets packets, $(du -m "$work/mixed.pcap" | cut -f1) MiB"
cat "$work/mixed.pcap" "$disk/mixed.pcap" > /dev/null  # warm the page cache for both tools alike

source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"

# Runs --bench once on $1 and appends each figure to $work/<key>.<label>.
bench_pass() {
  local file="$1" label="$2" line value key
  line="$("$cli" --bench -r "$file")"
  echo "  $label: $line"
  for key in index_pps index_bytes_per_packet dissect_pps; do
    value="$(sed -n "s/.*$key=\([0-9.e+]*\).*/\1/p" <<< "$line")"
    echo "$value" >> "$work/$key.$label"
  done
}
for _ in $(seq "$runs"); do  # alternate the two files so both see the same machine load
  bench_pass "$disk/mixed.pcap" disk
  bench_pass "$work/mixed.pcap" tmpfs
done

: > "$work/rcvmon_w"; : > "$work/tcpdump_w"
for _ in $(seq "$runs"); do  # alternate the two tools so both see the same machine load
  seconds "$cli" -r "$work/mixed.pcap" -w "$work/out.pcapng" >> "$work/rcvmon_w"
  seconds tcpdump -r "$work/mixed.pcap" -w "$work/out.pcap" >> "$work/tcpdump_w"
done

rw="$(cut -d' ' -f1 "$work/rcvmon_w" | median)"; tw="$(cut -d' ' -f1 "$work/tcpdump_w" | median)"
rc="$(cut -d' ' -f2 "$work/rcvmon_w" | median)"; tc="$(cut -d' ' -f2 "$work/tcpdump_w" | median)"
for label in disk tmpfs; do
  fs="$(df --output=fstype "$([ "$label" = disk ] && echo "$disk" || echo "$work")" | tail -1)"
  echo "index pass, file on $label ($fs; median of $runs): $(median < "$work/index_pps.$label") packets/s per core (CPU time), $(median < "$work/index_bytes_per_packet.$label") index bytes/packet"
done
echo "full dissection (median of $runs): $(median < "$work/dissect_pps.tmpfs") packets/s per core (CPU time)"
echo "export -w wall (median of $runs): rcvmon-cli ${rw}s (pcapng), tcpdump ${tw}s (pcap), tcpdump/rcvmon = $(awk "BEGIN { printf \"%.2f\", $tw / $rw }")"
echo "export -w cpu  (median of $runs): rcvmon-cli ${rc}s, tcpdump ${tc}s, tcpdump/rcvmon = $(awk "BEGIN { printf \"%.2f\", $tc / $rc }")"
