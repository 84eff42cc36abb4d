#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 11 item 6, the fault benchmark: a CLI capture killed with SIGKILL every few seconds and
# restarted. A paced udp_blaster stream (RATE frames/s) runs from namespace B over a veth pair
# the whole time; in namespace A `rcvmon-cli -i veth-a -m on -w cap-N.pcapng --flush-interval F`
# is started, killed with SIGKILL after INTERVAL seconds, and started again, KILLS times.
# For each killed capture: capinfos must read the file (exit 0, its packet count), and the packets
# lost to the kill are those sent after the last packet in the file and before the kill:
# (kill time - last packet's time) × RATE, which must not exceed the flush interval's worth,
# F × RATE. Prints a line per kill, then the median and the worst.
# Needs root. Usage: tests/bench/kill_bench.sh BUILD_DIR [KILLS=10] [INTERVAL=3] [RATE=20000] [FLUSH=1]
set -euo pipefail
build="$(cd "${1:?usage: kill_bench.sh BUILD_DIR [KILLS] [INTERVAL] [RATE] [FLUSH]}" && pwd)"
kills="${2:-10}"
interval="${3:-3}"
rate="${4:-20000}"
flush="${5:-1}"
cli="$build/app/rcvmon-cli"
blaster="$build/tests/bench/udp_blaster"
for tool in "$cli" "$blaster"; do
  [ -x "$tool" ] || { echo "kill_bench: $tool missing: build rcvmon-cli and udp_blaster" >&2; exit 1; }
done
command -v capinfos > /dev/null || { echo "kill_bench: capinfos not found (apt install wireshark-common)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "kill_bench: needs root (network namespaces)" >&2; exit 1; }
[ "$kills" -ge 1 ] && [ "$kills" -le 100 ] || { echo "kill_bench: KILLS must be 1..100" >&2; exit 1; }
[ "$interval" -ge 1 ] && [ "$interval" -le 30 ] || { echo "kill_bench: INTERVAL must be 1..30" >&2; exit 1; }
[ "$rate" -ge 100 ] && [ "$rate" -le 300000 ] || { echo "kill_bench: RATE must be 100..300000" >&2; exit 1; }

source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/netns_lib.sh"

work="$(mktemp -d /tmp/rcvmon-kill-bench-XXXXXX)"
capture_pid=""; sender_pid=""
cleanup() {
  # Only what this script started, by pid; then the namespaces (the veth goes with them).
  [ -n "$capture_pid" ] && kill -KILL "$capture_pid" 2> /dev/null || true
  [ -n "$sender_pid" ] && kill -TERM "$sender_pid" 2> /dev/null || true
  wait 2> /dev/null || true
  netns_down
  [ -n "${KILL_BENCH_KEEP:-}" ] && mkdir -p "$KILL_BENCH_KEEP" && cp -r "$work"/. "$KILL_BENCH_KEEP"/ || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
netns_up "rcvmon-kill-a-$$" "rcvmon-kill-b-$$"

# The stream: paced runs of at most 15 s each (udp_blaster's own bound), for as long as the kills
# take plus a margin; the loop ends by itself at that deadline.
total=$((kills * (interval + 3) + 10))
(
  end=$((SECONDS + total))
  while [ "$SECONDS" -lt "$end" ]; do
    left=$((end - SECONDS)); [ "$left" -gt 15 ] && left=15; [ "$left" -lt 1 ] && break
    ip netns exec "$ns_b" "$blaster" veth-b 100 $((rate * left)) "$left" "$rate" >> "$work/sent.log"
  done
) &
sender_pid=$!

echo "kill benchmark: $kills SIGKILLs, one every ${interval}s, stream of $rate frames/s, flush interval ${flush}s"
printf '%-5s %9s %8s %11s %10s %10s\n' kill packets capinfos gap_ms lost bound
: > "$work/lost"; : > "$work/gap"
bound=$(awk -v r="$rate" -v f="$flush" 'BEGIN { printf "%d", r * f }')
fail=0
for k in $(seq "$kills"); do
  out="$work/cap-$k.pcapng"
  ip netns exec "$ns_a" "$cli" -i veth-a -m on --flush-interval "$flush" -w "$out" 2> "$work/cap-$k.err" &
  capture_pid=$!
  wait_promiscuous 1 || { echo "kill_bench: capture $k did not start:" >&2; cat "$work/cap-$k.err" >&2; exit 1; }
  sleep "$interval"
  killed_at="$(date +%s.%N)"
  kill -KILL "$capture_pid"
  wait "$capture_pid" 2> /dev/null || true
  capture_pid=""
  # What a reader sees after the kill: capinfos must read the file without an error.
  status=0
  capinfos -M -c -e -S "$out" > "$work/cap-$k.info" 2>&1 || status=$?
  packets="$(sed -n 's/^Number of packets: *\([0-9]*\).*/\1/p' "$work/cap-$k.info")"
  last="$(sed -n 's/^Last packet time: *\([0-9.]*\).*/\1/p' "$work/cap-$k.info")"
  if [ "$status" != 0 ] || [ -z "$packets" ] || [ -z "$last" ]; then
    echo "kill_bench: capinfos could not read capture $k (exit $status):" >&2; cat "$work/cap-$k.info" >&2; fail=1
    continue
  fi
  gap_ms="$(awk -v k="$killed_at" -v l="$last" 'BEGIN { printf "%.1f", (k - l) * 1000 }')"
  lost="$(awk -v g="$gap_ms" -v r="$rate" 'BEGIN { printf "%d", g / 1000 * r }')"
  printf '%-5s %9s %8s %11s %10s %10s\n' "$k" "$packets" ok "$gap_ms" "$lost" "$bound"
  echo "$lost" >> "$work/lost"; echo "$gap_ms" >> "$work/gap"
  [ "$lost" -le "$bound" ] || fail=1
done
kill -TERM "$sender_pid" 2> /dev/null || true; wait "$sender_pid" 2> /dev/null || true; sender_pid=""
sent="$(awk '{ s += $2 } END { print s + 0 }' "$work/sent.log")"
echo
echo "sent $sent frames in total; every killed capture read by capinfos: $([ "$fail" = 0 ] && echo yes || echo NO)"
echo "lost per kill (packets sent after the last one on disk): median $(median < "$work/lost"), worst $(sort -n "$work/lost" | tail -1); bound (flush interval × rate) $bound"
echo "gap kill - last packet on disk: median $(median < "$work/gap") ms, worst $(sort -g "$work/gap" | tail -1) ms"
exit "$fail"
