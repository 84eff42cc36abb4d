#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 4's benchmark, in one run on one machine:
#   1. opening a 1,000,000-packet pcap until every row is in the table: rcvmon --bench-open
#      beside Wireshark (Debian's wireshark, Qt) on the same file, both under one Xvfb server;
#      wall seconds and peak RssAnon, medians of RUNS, and the ratios
#   2. event-loop latency (p50/p99) of the real window during a 200,000 packets/s capture
#   3. paint time of jumps to random rows of a 10,000,000-packet capture
#   4. Statistics ▸ I/O Graphs counting the 1,000,000 packets on its worker thread
# Usage: tests/bench/gui_bench.sh BUILD_DIR [RUNS=3] [PACKETS=1000000]
# Environment: GUI_BENCH_SKIP="wireshark scroll live iograph" leaves parts out.
set -euo pipefail
build="$(cd "${1:?usage: gui_bench.sh BUILD_DIR [RUNS] [PACKETS]}" && pwd)"
runs="${2:-3}"
packets="${3:-1000000}"
skip=" ${GUI_BENCH_SKIP:-} "
rcvmon="$build/app/rcvmon"
gen="$build/tests/bench/gen_mixed_capture"
for tool in xvfb-run Xvfb; do command -v "$tool" > /dev/null || { echo "gui_bench: $tool not found (apt install xvfb)" >&2; exit 1; }; done
[[ "$skip" == *" wireshark "* ]] || command -v wireshark > /dev/null ||
  { echo "gui_bench: wireshark not found (apt install wireshark), or GUI_BENCH_SKIP=wireshark" >&2; exit 1; }

work="$(mktemp -d /tmp/rcvmon-gui-bench-XXXXXX)"
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# One X server for every run, so both programs draw to the same kind of screen.
display=":$((90 + $$ % 100))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY="$display" QT_QPA_PLATFORM=xcb
# Fresh settings for both: no first-run dialogs, no geometry from an earlier session.
export XDG_CONFIG_HOME="$work/config" WIRESHARK_CONFIG_DIR="$work/wireshark-config"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_CONFIG_HOME" "$WIRESHARK_CONFIG_DIR" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# rcvmon measured as a user would run it with everything on: colouring and every name switch
# that sends no packet (MAC vendors, host names from the capture's DNS, port names).
mkdir -p "$XDG_CONFIG_HOME/RcvMon"
printf '[view]\ncolorize=true\n\n[nameResolution]\nmac=true\nnetwork=true\ntransport=true\ncapturedDns=true\nexternal=false\n' \
  > "$XDG_CONFIG_HOME/RcvMon/rcvmon.conf"

source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"
value() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

"$gen" "$work/mixed.pcap" "$packets"
echo "capture: $packets packets, $(du -m "$work/mixed.pcap" | cut -f1) MiB"
cat "$work/mixed.pcap" > /dev/null  # the page cache is warm for both

# Wireshark has no "exit when loaded": a Lua tap counts the frames and, when its draw callback
# (run on the tap update timer, here every 100 ms) sees all of them, the process exits. Its
# peak RssAnon is sampled from outside every 50 ms.
cat > "$work/loaded.lua" << EOF
local seen = 0
local tap = Listener.new("frame")
function tap.packet() seen = seen + 1 end
function tap.draw() if seen >= $packets then io.stderr:write("loaded ", seen, "\n"); os.exit(0) end end
EOF
printf 'taps.update_interval: 100\ngui.ask_unsaved: FALSE\n' > "$WIRESHARK_CONFIG_DIR/preferences"

# Runs "$@" and prints "seconds peak_rss_anon_mib" for it.
sample_run() {
  local start peak=0 kib pid
  start="$(date +%s.%N)"
  "$@" > "$work/run.out" 2> "$work/run.err" &
  pid=$!
  while kill -0 "$pid" 2> /dev/null; do
    kib="$(awk '/^RssAnon:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || echo 0)"
    [ "${kib:-0}" -gt "$peak" ] && peak="$kib"
    sleep 0.05
  done
  wait "$pid" || { echo "gui_bench: $1 failed:" >&2; cat "$work/run.err" >&2; exit 1; }
  awk -v s="$start" -v e="$(date +%s.%N)" -v p="$peak" 'BEGIN { printf "%.3f %.1f\n", e - s, p / 1024 }'
}

: > "$work/rcvmon"; : > "$work/wireshark"
for run in $(seq "$runs"); do  # alternate the two so both see the same machine load
  line="$("$rcvmon" --bench-open "$work/mixed.pcap")"
  echo "  rcvmon    run $run: $line"
  rows="$(value rows <<< "$line")"
  [ "$rows" = "$packets" ] || { echo "gui_bench: rcvmon showed $rows rows, not $packets" >&2; exit 1; }
  echo "$(value seconds <<< "$line") $(value peak_rss_anon_mib <<< "$line")" >> "$work/rcvmon"
  if [[ "$skip" != *" wireshark "* ]]; then
    ws="$(sample_run wireshark -n -X "lua_script:$work/loaded.lua" -r "$work/mixed.pcap")"
    grep -q "^loaded $packets" "$work/run.err" || { echo "gui_bench: wireshark did not load every frame:" >&2; cat "$work/run.err" >&2; exit 1; }
    echo "  wireshark run $run: seconds=${ws% *} peak_rss_anon_mib=${ws#* }"
    echo "$ws" >> "$work/wireshark"
  fi
done
rs="$(cut -d' ' -f1 "$work/rcvmon" | median)"; rm_="$(cut -d' ' -f2 "$work/rcvmon" | median)"
echo "open $packets packets (median of $runs): rcvmon ${rs}s, peak RssAnon ${rm_} MiB"
if [[ "$skip" != *" wireshark "* ]]; then
  ws="$(cut -d' ' -f1 "$work/wireshark" | median)"; wm="$(cut -d' ' -f2 "$work/wireshark" | median)"
  echo "open $packets packets (median of $runs): wireshark ${ws}s, peak RssAnon ${wm} MiB"
  echo "open: wireshark/rcvmon time = $(awk "BEGIN { printf \"%.1f\", $ws / $rs }")x, memory = $(awk "BEGIN { printf \"%.1f\", $wm / $rm_ }")x"
fi

# Statistics ▸ I/O Graphs: the whole file counted on the worker, header-only filters and one
# that dissects every frame.
if [[ "$skip" != *" iograph "* ]]; then
  [ -x "$build/tests/bench/iograph_bench" ] || { echo "gui_bench: $build/tests/bench/iograph_bench not built, or GUI_BENCH_SKIP=iograph" >&2; exit 1; }
  line="$("$build/tests/bench/iograph_bench" "$work/mixed.pcap")"
  echo "io graphs over $packets packets: $line"
fi

if [[ "$skip" != *" live "* ]]; then
  : > "$work/p99"
  for run in $(seq "$runs"); do
    line="$("$rcvmon" --bench-live 200000:10)"
    echo "  live run $run: $line"
    value latency_ms_p99 <<< "$line" >> "$work/p99"
  done
  echo "live 200000 packets/s (median of $runs): event-loop latency p99 $(median < "$work/p99") ms"
fi

if [[ "$skip" != *" scroll "* ]]; then
  rm -f "$work/mixed.pcap"
  "$gen" "$work/big.pcap" 10000000
  echo "capture: 10000000 packets, $(du -m "$work/big.pcap" | cut -f1) MiB"
  : > "$work/p99"; : > "$work/cpu99"
  for run in $(seq "$runs"); do
    line="$("$rcvmon" --bench-scroll "$work/big.pcap")"
    echo "  scroll run $run: $line"
    value paint_ms_p99 <<< "$line" >> "$work/p99"
    value paint_cpu_ms_p99 <<< "$line" >> "$work/cpu99"
  done
  echo "jump to random rows of 10000000 (median of $runs): paint p99 $(median < "$work/p99") ms (GUI thread CPU p99 $(median < "$work/cpu99") ms)"
fi
