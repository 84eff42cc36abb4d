#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 5's display-filter benchmark, beside tshark in the same run. For each filter:
#   - the filter pass over packets already loaded as the GUI loads them (filter_bench:
#     file-backed PacketStore; quick header pass, lone dissection for what it cannot decide)
#   - end to end: rcvmon-cli -r F -Y X -w /dev/null   vs   tshark -r F -Y X -w /dev/null
# Goal: the filter pass over 1,000,000 packets in under 100 ms.
# Usage: tests/bench/filter_bench.sh BUILD_DIR [RUNS=3] [PACKETS=1000000]
set -euo pipefail
build="${1:?usage: filter_bench.sh BUILD_DIR [RUNS] [PACKETS]}"
runs="${2:-3}"
packets="${3:-1000000}"
base=/tmp; [ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
work="$(mktemp -d "$base/rcvmon-filter-bench-XXXXXX")"
trap 'rm -rf "$work"' EXIT

cli="$build/app/rcvmon-cli"
bench="$build/tests/bench/filter_bench"
"$build/tests/bench/gen_mixed_capture" "$work/mixed.pcap" "$packets" > /dev/null
echo "capture: $packets packets, $(du -m "$work/mixed.pcap" | cut -f1) MiB (gen_mixed_capture), $runs runs per figure"
cat "$work/mixed.pcap" > /dev/null  # warm the page cache for every tool alike

source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"

filters=(
  "tcp.port == 443"
  "ip.addr == 198.18.0.0/24 && udp.port == 53"
  "ipv6 && tcp.flags.push == 1 && !(tcp.dstport in {80, 8000..8080})"
  "dns"
)
for f in "${filters[@]}"; do
  echo
  echo "filter: $f"
  line="$("$bench" "$work/mixed.pcap" "$f" "$runs")"
  echo "  in-store filter pass: $line"
  : > "$work/r"; : > "$work/t"
  for _ in $(seq "$runs"); do  # alternate the tools so both see the same machine load
    seconds "$cli" -r "$work/mixed.pcap" -Y "$f" -w /dev/null >> "$work/r"
    seconds tshark -r "$work/mixed.pcap" -Y "$f" -w /dev/null >> "$work/t"
  done
  rw="$(cut -d' ' -f1 "$work/r" | median)"; rc="$(cut -d' ' -f2 "$work/r" | median)"
  tw="$(cut -d' ' -f1 "$work/t" | median)"; tc="$(cut -d' ' -f2 "$work/t" | median)"
  pass_ms="$(sed -n 's/.*filter_wall_ms=\([0-9.]*\).*/\1/p' <<< "$line")"
  echo "  end to end -Y -w /dev/null (median wall / cpu): rcvmon-cli ${rw}s / ${rc}s, tshark ${tw}s / ${tc}s," \
       "tshark/rcvmon-cli = $(awk "BEGIN { printf \"%.1f\", $tw / $rw }")x"
  echo "  filter pass ${pass_ms} ms vs tshark end to end: $(awk "BEGIN { printf \"%.0f\", $tw * 1000 / $pass_ms }")x;" \
       "goal 1M packets < 100 ms: $(awk "BEGIN { print ($pass_ms * 1000000 / $packets < 100) ? \"met\" : \"not met\" }")"
done
