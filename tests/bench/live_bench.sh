#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 3's live-capture benchmark, side by side with tcpdump in one run.
# udp_blaster floods 60- and 1514-byte frames (to a foreign unicast MAC) from namespace B over a
# veth pair; in namespace A, promiscuous on veth-a, the two captures take turns:
#   rcvmon-cli -i veth-a -m on -w - > /dev/null      and      tcpdump -B 65536 -i veth-a -w /dev/null
# For each run: frames sent, frames captured, drops (RcvMon: kernel + ring; tcpdump: "dropped by
# kernel"), and CPU-seconds per million packets of the capturing process (utime + stime of all
# its threads, read from /proc/PID/task/*/schedstat, from just before the flood until the capture
# has drained it: start-up and shut-down are not per-packet costs). Prints the medians and the ratios RcvMon/tcpdump.
# Needs root. Usage: tests/bench/live_bench.sh BUILD_DIR [RUNS=3] [COUNT=3000000] [SECONDS=12]
# Environment: LIVE_BENCH_SIZES="60 1514"; LIVE_BENCH_KEEP=DIR keeps the per-run logs there;
# LIVE_BENCH_PERF=DIR also records a perf profile of each capture during its flood (it costs CPU
# on the same cores: use it to find where the time goes, not for the figures); LIVE_BENCH_PERF_ARGS
# replaces its default "-g" (e.g. "--call-graph dwarf" for callers inside libc);
# LIVE_BENCH_PIN="C S" pins the capture (all its threads) to CPU C and the sender to CPU S.
set -euo pipefail
build="$(cd "${1:?usage: live_bench.sh BUILD_DIR [RUNS] [COUNT] [SECONDS]}" && pwd)"
runs="${2:-3}"
count="${3:-3000000}"
seconds="${4:-12}"
sizes="${LIVE_BENCH_SIZES:-60 1514}"
cli="$build/app/rcvmon-cli"
blaster="$build/tests/bench/udp_blaster"
for tool in "$cli" "$blaster"; do
  [ -x "$tool" ] || { echo "live_bench: $tool missing: build rcvmon-cli and udp_blaster" >&2; exit 1; }
done
command -v tcpdump > /dev/null || { echo "live_bench: tcpdump not found" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "live_bench: needs root (network namespaces)" >&2; exit 1; }
# The sender enforces these too; checked here so a typo fails before any namespace exists.
[ "$count" -ge 1 ] && [ "$count" -le 5000000 ] || { echo "live_bench: COUNT must be 1..5000000" >&2; exit 1; }
[ "$seconds" -ge 1 ] && [ "$seconds" -le 15 ] || { echo "live_bench: SECONDS must be 1..15" >&2; exit 1; }

capture_pin=(); sender_pin=()
if [ -n "${LIVE_BENCH_PIN:-}" ]; then
  read -r capture_cpu sender_cpu <<< "$LIVE_BENCH_PIN"
  capture_pin=(taskset -c "$capture_cpu"); sender_pin=(taskset -c "${sender_cpu:?LIVE_BENCH_PIN needs two CPUs}")
fi

ns_a="rcvmon-bench-a-$$"
ns_b="rcvmon-bench-b-$$"
work="$(mktemp -d /tmp/rcvmon-live-bench-XXXXXX)"
capture_pid=""
cleanup() {
  # Only the capture this script started, by its pid; then the namespaces (the veth goes with them).
  if [ -n "$capture_pid" ]; then kill -TERM "$capture_pid" 2> /dev/null || true; wait "$capture_pid" 2> /dev/null || true; fi
  ip netns del "$ns_a" 2> /dev/null || true
  ip netns del "$ns_b" 2> /dev/null || true
  if [ -n "${LIVE_BENCH_KEEP:-}" ]; then mkdir -p "$LIVE_BENCH_KEEP" && cp -r "$work"/. "$LIVE_BENCH_KEEP"/; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$ns_a"
ip netns add "$ns_b"
ip link add veth-a netns "$ns_a" type veth peer name veth-b netns "$ns_b"
for ns in "$ns_a" "$ns_b"; do
  # No IPv6: no router solicitations or MLD reports, so every captured frame is a sent one.
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip -n "$ns" link set lo up
done
ip -n "$ns_a" addr add 198.18.0.2/24 dev veth-a
ip -n "$ns_b" addr add 198.18.0.1/24 dev veth-b
ip -n "$ns_a" link set veth-a up
ip -n "$ns_b" link set veth-b up

# CPU time of all the capture's threads in ns: the per-thread schedstat run time is utime + stime
# of /proc/PID/stat without its 10 ms tick granularity (tcpdump needs only ~20 ticks per run).
cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{ t += $1 } END { printf "%.0f\n", t }'; }
# A packet-socket membership shows as "promiscuity 1" in the details, not as the PROMISC flag.
promiscuous() { ip -d -n "$ns_a" link show veth-a | grep -q "promiscuity [1-9]"; }

# One capture of one flood. Appends "sent rate captured drops cpu_us_per_packet" to $work/<tool>-<size>.
measure() {
  local tool="$1" size="$2" tag="$1-$2-$3" err out
  err="$work/$tag.err"; out="$work/$tag.blaster"
  case "$tool" in
    rcvmon) ip netns exec "$ns_a" "${capture_pin[@]}" "$cli" -i veth-a -m on -w - > /dev/null 2> "$err" & ;;
    tcpdump) ip netns exec "$ns_a" "${capture_pin[@]}" tcpdump -B 65536 -i veth-a -w /dev/null 2> "$err" & ;;
  esac
  capture_pid=$!
  # Both tools make veth-a promiscuous once their socket is set up; give the ring a moment more.
  local waited=0
  until promiscuous; do
    sleep 0.05; waited=$((waited + 1))
    if [ "$waited" -gt 200 ] || ! kill -0 "$capture_pid" 2> /dev/null; then
      echo "live_bench: $tool did not start capturing:" >&2; cat "$err" >&2; exit 1
    fi
  done
  sleep 0.5
  local before after
  local perf_pid=""
  if [ -n "${LIVE_BENCH_PERF:-}" ]; then
    mkdir -p "$LIVE_BENCH_PERF"
    # shellcheck disable=SC2086  # LIVE_BENCH_PERF_ARGS is a list of perf options, e.g. "--call-graph dwarf"
    perf record -q ${LIVE_BENCH_PERF_ARGS:--g} -p "$capture_pid" -o "$LIVE_BENCH_PERF/$tag.data" > /dev/null 2>&1 &
    perf_pid=$!
    sleep 0.5
  fi
  before="$(cpu_ns "$capture_pid")"
  ip netns exec "$ns_b" "${sender_pin[@]}" "$blaster" veth-b "$size" "$count" "$seconds" > "$out"
  # Let the capture drain what the kernel has queued (tcpdump hands a block over after 1 s at
  # the latest, RcvMon after 50 ms), then take its CPU time before it shuts down.
  sleep 1.5
  after="$(cpu_ns "$capture_pid")"
  if [ -n "$perf_pid" ]; then kill -INT "$perf_pid"; wait "$perf_pid" || true; fi
  kill -INT "$capture_pid"
  wait "$capture_pid" || { echo "live_bench: $tool failed:" >&2; cat "$err" >&2; exit 1; }
  capture_pid=""

  local sent rate captured drops
  sent="$(sed -n 's/^sent \([0-9]*\) frames in .* (\([0-9]*\) frames\/s.*/\1/p' "$out")"
  rate="$(sed -n 's/^sent \([0-9]*\) frames in .* (\([0-9]*\) frames\/s.*/\2/p' "$out")"
  case "$tool" in
    rcvmon)
      captured="$(sed -n 's/^rcvmon-cli: \([0-9]*\) packets captured on .*/\1/p' "$err")"
      drops="$(sed -n 's/.*dropped (kernel) \([0-9]*\), dropped (ring) \([0-9]*\).*/\1 \2/p' "$err" | awk '{ print $1 + $2 }')" ;;
    tcpdump)
      captured="$(sed -n 's/^\([0-9]*\) packets\{0,1\} captured.*/\1/p' "$err")"
      drops="$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel.*/\1/p' "$err")" ;;
  esac
  if [ -z "$sent" ] || [ -z "$captured" ] || [ -z "$drops" ]; then
    echo "live_bench: could not read the $tool run's figures:" >&2; cat "$out" "$err" >&2; exit 1
  fi
  local us
  us="$(awk -v t=$((after - before)) -v n="$captured" 'BEGIN { printf "%.3f", n ? t / 1e3 / n : 0 }')"
  printf '  %-7s %4s B run %s: sent %8s at %7s/s, captured %8s, dropped %7s, CPU %6.3f s/Mpkt (%.3f s)\n' \
    "$tool" "$size" "$3" "$sent" "$rate" "$captured" "$drops" "$us" "$(awk -v t=$((after - before)) 'BEGIN { print t / 1e9 }')"
  echo "$sent $rate $captured $drops $us" >> "$work/$tool-$size"
}

source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"
column_median() { awk -v c="$2" '{ print $c }' "$1" | median; }

echo "live capture benchmark: $runs runs per tool and size, up to $count frames or ${seconds}s per run${LIVE_BENCH_PIN:+, capture on CPU $capture_cpu, sender on CPU $sender_cpu}"
for size in $sizes; do
  : > "$work/rcvmon-$size"; : > "$work/tcpdump-$size"
  for run in $(seq "$runs"); do
    # Alternate which tool goes first, so neither always inherits the other's leftovers.
    if [ $((run % 2)) = 1 ]; then order="rcvmon tcpdump"; else order="tcpdump rcvmon"; fi
    for tool in $order; do measure "$tool" "$size" "$run"; done
  done
done

echo
echo "medians of $runs runs (CPU = CPU-seconds per million captured packets = µs per packet)"
printf '%-6s %-8s %10s %10s %10s %9s %9s\n' size tool sent/s sent captured dropped CPU
for size in $sizes; do
  for tool in rcvmon tcpdump; do
    f="$work/$tool-$size"
    printf '%-6s %-8s %10s %10s %10s %9s %9s\n' "$size" "$tool" "$(column_median "$f" 2)" "$(column_median "$f" 1)" \
      "$(column_median "$f" 3)" "$(column_median "$f" 4)" "$(column_median "$f" 5)"
  done
  rc="$(column_median "$work/rcvmon-$size" 5)"; tc="$(column_median "$work/tcpdump-$size" 5)"
  rd="$(column_median "$work/rcvmon-$size" 4)"; td="$(column_median "$work/tcpdump-$size" 4)"
  echo "$size B: RcvMon/tcpdump CPU per packet = $(awk -v r="$rc" -v t="$tc" 'BEGIN { printf (t > 0 ? "%.2f" : "n/a"), (t > 0 ? r / t : 0) }'), drops $rd vs $td"
done
