#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 11 item 6: the window capturing over a veth pair at RATE packets/s (default 500,000),
# side by side with Wireshark's own capture of the same stream, in one run, under one Xvfb.
# udp_blaster (paced, 60-byte frames, from namespace B) sends RATE frames/s for SEND seconds,
# split over SENDERS processes at RATE/SENDERS each (one sender tops out near 150-190 k/s on a
# shared 2-core machine); in namespace A, taking turns run by run:
#   rcvmon -i veth-a -m on --bench-capture S      the real window, spooling; it reports its own
#                                                  counters and event-loop latency (10 ms probe)
#   wireshark -i veth-a -k -a duration:S -w F      Wireshark's GUI with its dumpcap
# For each: frames sent, captured (RcvMon: received; Wireshark: capinfos of its file), lost =
# sent - captured (RcvMon also splits kernel / ring drops), peak RSS of the GUI process (sampled
# every 100 ms), and RcvMon's event-loop p99. Prints the medians of RUNS and the ratios.
# Both GUIs and Xvfb run in sessions of their own (setsid: their own scheduler autogroup, as a
# desktop's display server and applications are apart from whatever makes the traffic), and for
# both the GUI thread's CPU time and its time waiting for a core (schedstat) over the sending are
# printed with the machine's load: on a shared 2-core machine the event loop's lateness is
# mostly that wait, not the window's own work.
# Each sender runs in a session of its own too (its own autogroup: on a machine others load, the
# senders together then get the CPU to offer ~500,000 frames/s, which one shared group does not);
# RCVMON_BENCH_SHARED_SENDERS=1 keeps them in this script's session (one group, a lower rate).
# RCVMON_BENCH_KEEP=DIR keeps every run's output there (event timing: RCVMON_EVENT_TIMING=1).
# Needs root. Usage: tests/bench/window_rate_bench.sh BUILD_DIR [RUNS=3] [RATE=500000] [SEND=8] [SENDERS=4]
set -euo pipefail
build="$(cd "${1:?usage: window_rate_bench.sh BUILD_DIR [RUNS] [RATE] [SEND] [SENDERS]}" && pwd)"
runs="${2:-3}"
rate="${3:-500000}"
send="${4:-8}"
senders="${5:-4}"
gui="$build/app/rcvmon"
blaster="$build/tests/bench/udp_blaster"
for tool in "$gui" "$blaster"; do
  [ -x "$tool" ] || { echo "window_rate_bench: $tool missing: build rcvmon and udp_blaster" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "window_rate_bench: needs root (network namespaces)" >&2; exit 1; }
[ "$senders" -ge 1 ] && [ "$senders" -le 8 ] || { echo "window_rate_bench: SENDERS must be 1..8" >&2; exit 1; }
per_sender=$((rate / senders))
[ $((per_sender * send)) -le 5000000 ] || { echo "window_rate_bench: RATE / SENDERS × SEND must stay within 5,000,000 frames" >&2; exit 1; }
[ "$send" -ge 1 ] && [ "$send" -le 15 ] || { echo "window_rate_bench: SEND must be 1..15 s" >&2; exit 1; }
need=()
command -v wireshark > /dev/null || need+=(wireshark-qt)
command -v capinfos > /dev/null || need+=(wireshark-common)
command -v Xvfb > /dev/null || need+=(xvfb)
if [ "${#need[@]}" -gt 0 ]; then
  echo "window_rate_bench: installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" > /dev/null
fi

source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/netns_lib.sh"

work="$(mktemp -d /tmp/rcvmon-window-rate-XXXXXX)"
capture_pid=""; xvfb_pid=""
cleanup() {
  # Only what this script started, by pid; then the namespaces (the veth goes with them).
  [ -n "$capture_pid" ] && kill -TERM "$capture_pid" 2> /dev/null || true
  [ -n "$xvfb_pid" ] && kill -TERM "$xvfb_pid" 2> /dev/null || true
  wait 2> /dev/null || true
  netns_down
  if [ -n "${RCVMON_BENCH_KEEP:-}" ]; then mkdir -p "$RCVMON_BENCH_KEEP"; cp -r "$work"/*.out "$work"/*.err "$work"/*.sent* "$RCVMON_BENCH_KEEP"/ 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
netns_up "rcvmon-wrate-a-$$" "rcvmon-wrate-b-$$"

display=":$((250 + $$ % 100))"
setsid Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1
mkdir -p "$work/config/RcvMon" "$work/wireshark-config" "$work/runtime" "$work/spool"; chmod 700 "$work/runtime"
printf '[capture]\nspoolDirectory=%s\n' "$work/spool" > "$work/config/RcvMon/rcvmon.conf"
# Wireshark: no unsaved-capture question, no name lookups, its packet list following the capture.
printf 'gui.ask_unsaved: FALSE\nname_resolve: FALSE\ngui.auto_scroll_on_expand: TRUE\n' > "$work/wireshark-config/preferences"
# A command prefix, not a function: `ip netns exec`, env and setsid exec, so $! is the GUI's own pid.
in_a=(ip netns exec "$ns_a" env DISPLAY="$display" QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME="$work/config"
  WIRESHARK_CONFIG_DIR="$work/wireshark-config" XDG_RUNTIME_DIR="$work/runtime" setsid)

# Peak RSS (KiB) of $1 until it ends, sampled every 100 ms, into $2.
peak_rss() {
  local pid="$1" peak=0 kib
  while kill -0 "$pid" 2> /dev/null; do
    kib="$(rss_kib "$pid")"; [ "${kib:-0}" -gt "$peak" ] && peak="$kib"
    echo "$peak" > "$2"; sleep 0.1
  done
}

# The GUI thread's (the process's first thread) CPU and run-queue wait so far, ns: "cpu wait".
gui_schedstat() { awk '{ print $1, $2 }' "/proc/$1/task/$1/schedstat" 2> /dev/null || echo "0 0"; }

sender_prefix=(setsid)
[ "${RCVMON_BENCH_SHARED_SENDERS:-0}" = 1 ] && sender_prefix=(env)

capture_seconds=$((send + 6))
measure() {
  local tool="$1" run="$2" tag="$1-$2" sent captured lost extra rss
  : > "$work/$tag.rss"
  case "$tool" in
    rcvmon) "${in_a[@]}" "$gui" -i veth-a -m on --bench-capture "$capture_seconds" > "$work/$tag.out" 2> "$work/$tag.err" & ;;
    wireshark) rm -f "$work/ws.pcapng"
      "${in_a[@]}" wireshark -i veth-a -k -a "duration:$capture_seconds" -w "$work/ws.pcapng" > "$work/$tag.out" 2> "$work/$tag.err" & ;;
  esac
  capture_pid=$!
  wait_promiscuous 1 || { echo "window_rate_bench: $tool did not start capturing:" >&2; cat "$work/$tag.err" >&2; exit 1; }
  peak_rss "$capture_pid" "$work/$tag.rss" &
  local sampler=$!
  sleep 1
  local sched0 sched1 load; sched0="$(gui_schedstat "$capture_pid")"; load="$(cut -d' ' -f1 /proc/loadavg)"
  # SENDERS paced senders at once; their counts and rates add up.
  local i pids=()
  for i in $(seq "$senders"); do
    "${sender_prefix[@]}" ip netns exec "$ns_b" "$blaster" veth-b 60 $((per_sender * send)) "$send" "$per_sender" > "$work/$tag.sent.$i" &
    pids+=($!)
  done
  for i in "${pids[@]}"; do wait "$i"; done
  sched1="$(gui_schedstat "$capture_pid")"
  local gui_cpu gui_wait
  gui_cpu=$(( ($(cut -d' ' -f1 <<< "$sched1") - $(cut -d' ' -f1 <<< "$sched0")) / 1000000 ))
  gui_wait=$(( ($(cut -d' ' -f2 <<< "$sched1") - $(cut -d' ' -f2 <<< "$sched0")) / 1000000 ))
  awk '/^sent/ { n += $2; r += substr($7, 2) } END { printf "sent %d frames in total (%d frames/s, %d senders)\n", n, r, NR }' \
    "$work/$tag".sent.* > "$work/$tag.sent"
  case "$tool" in
    rcvmon) wait "$capture_pid" || { echo "window_rate_bench: rcvmon failed:" >&2; cat "$work/$tag.err" >&2; exit 1; } ;;
    wireshark)
      # Its dumpcap stops at the duration; Wireshark itself stays open: wait for the file to be
      # closed (no dumpcap child left), then end the GUI.
      local waited=0
      while pgrep -P "$capture_pid" -x dumpcap > /dev/null && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
      sleep 1
      kill -TERM "$capture_pid" 2> /dev/null || true; wait "$capture_pid" 2> /dev/null || true ;;
  esac
  capture_pid=""
  kill "$sampler" 2> /dev/null || true; wait "$sampler" 2> /dev/null || true
  rss="$(awk '{ printf "%.1f", $1 / 1024 }' "$work/$tag.rss")"
  sent="$(sed -n 's/^sent \([0-9]*\) frames.*/\1/p' "$work/$tag.sent")"
  local achieved; achieved="$(sed -n 's/.*(\([0-9]*\) frames\/s.*/\1/p' "$work/$tag.sent")"
  case "$tool" in
    rcvmon)
      local final; final="$(grep '^final' "$work/$tag.out")"
      captured="$(sed -n 's/.* received=\([0-9]*\).*/\1/p' <<< "$final")"
      extra="kernel $(sed -n 's/.*dropped_kernel=\([0-9]*\).*/\1/p' <<< "$final") ring $(sed -n 's/.*dropped_ring=\([0-9]*\).*/\1/p' <<< "$final") p99 $(sed -n 's/.*latency_ms_p99=\([0-9.]*\).*/\1/p' <<< "$final") ms max $(sed -n 's/.*latency_ms_max=\([0-9.]*\).*/\1/p' <<< "$final") ms"
      echo "$(sed -n 's/.*latency_ms_p99=\([0-9.]*\).*/\1/p' <<< "$final")" >> "$work/p99" ;;
    wireshark)
      captured="$(capinfos_count "$work/ws.pcapng")"
      extra="" ;;
  esac
  [ -n "$sent" ] && [ -n "$captured" ] || { echo "window_rate_bench: no figures for $tag:" >&2; cat "$work/$tag".* >&2; exit 1; }
  lost=$((sent - captured)); [ "$lost" -lt 0 ] && lost=0
  printf '  %-9s run %s: sent %8s at %7s/s, captured %8s, lost %8s, peak RSS %7s MiB, GUI thread CPU %5s ms waited %5s ms (load %s) %s\n' \
    "$tool" "$run" "$sent" "$achieved" "$captured" "$lost" "$rss" "$gui_cpu" "$gui_wait" "$load" "$extra"
  echo "$sent $achieved $captured $lost $rss $gui_cpu $gui_wait" >> "$work/$tool"
}

column_median() { awk -v c="$2" '{ print $c }' "$1" | median; }
echo "window capture benchmark: $runs runs per program, $rate frames/s of 60 bytes for ${send}s from $senders senders"
: > "$work/rcvmon"; : > "$work/wireshark"; : > "$work/p99"
for run in $(seq "$runs"); do
  if [ $((run % 2)) = 1 ]; then order="rcvmon wireshark"; else order="wireshark rcvmon"; fi
  for tool in $order; do measure "$tool" "$run"; done
done
echo
echo "medians of $runs runs"
printf '%-10s %10s %10s %10s %10s %12s %12s %12s\n' program sent/s sent captured lost peak_RSS_MiB gui_cpu_ms gui_wait_ms
for tool in rcvmon wireshark; do
  printf '%-10s %10s %10s %10s %10s %12s %12s %12s\n' "$tool" "$(column_median "$work/$tool" 2)" "$(column_median "$work/$tool" 1)" \
    "$(column_median "$work/$tool" 3)" "$(column_median "$work/$tool" 4)" "$(column_median "$work/$tool" 5)" \
    "$(column_median "$work/$tool" 6)" "$(column_median "$work/$tool" 7)"
done
echo "rcvmon event-loop p99: median $(median < "$work/p99") ms"
rr="$(column_median "$work/rcvmon" 5)"; wr="$(column_median "$work/wireshark" 5)"
rl="$(column_median "$work/rcvmon" 4)"; wl="$(column_median "$work/wireshark" 4)"
echo "ratios: memory wireshark/rcvmon = $(awk -v w="$wr" -v r="$rr" 'BEGIN { printf "%.2f", (r > 0 ? w / r : 0) }'), lost rcvmon $rl vs wireshark $wl"
