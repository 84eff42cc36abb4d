#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 11 item 6, the soak benchmark: a live capture over a veth pair at the highest rate one
# sender offers (udp_blaster unpaced, 60-byte frames, from namespace B) for DURATION seconds:
#   cli:    rcvmon-cli -i veth-a -m on -b filesize:KB -b files:N -w soak.pcapng   (dumpcap's ring)
#   window: rcvmon -i veth-a -m on --bench-capture DURATION under Xvfb, spooling with a disk bound
#           (its spool is a ring of files too; the oldest is deleted at the bound)
# For each: drops (kernel + ring), RSS sampled every second and plotted to soak-rss.png, and the
# count sent = the count capinfos reads back over ALL files. Both rings delete their oldest file,
# so a keeper hard-links every ring file as it appears and counts each closed one with capinfos
# (then drops its link): every file the capture ever wrote is read back, in bounded disk.
# Needs root. Usage: tests/bench/soak_bench.sh BUILD_DIR [DURATION=1800] [MODES="cli window"] [OUT_DIR=.]
set -euo pipefail
build="$(cd "${1:?usage: soak_bench.sh BUILD_DIR [DURATION] [MODES] [OUT_DIR]}" && pwd)"
duration="${2:-1800}"
modes="${3:-cli window}"
outdir="$(mkdir -p "${4:-.}" && cd "${4:-.}" && pwd)"
size=60
cli="$build/app/rcvmon-cli"
gui="$build/app/rcvmon"
blaster="$build/tests/bench/udp_blaster"
for tool in "$cli" "$gui" "$blaster"; do
  [ -x "$tool" ] || { echo "soak_bench: $tool missing: build rcvmon, rcvmon-cli and udp_blaster" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "soak_bench: needs root (network namespaces)" >&2; exit 1; }
[ "$duration" -ge 10 ] && [ "$duration" -le 86400 ] || { echo "soak_bench: DURATION must be 10..86400 s" >&2; exit 1; }
need=()
command -v capinfos > /dev/null || need+=(wireshark-common)
command -v Xvfb > /dev/null || need+=(xvfb)
command -v gnuplot > /dev/null || need+=(gnuplot-nox)
if [ "${#need[@]}" -gt 0 ]; then
  echo "soak_bench: installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" > /dev/null
fi

source "$(dirname "${BASH_SOURCE[0]}")/bench_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/netns_lib.sh"

work="$(mktemp -d /tmp/rcvmon-soak-bench-XXXXXX)"
capture_pid=""; sender_pid=""; keeper_pid=""; xvfb_pid=""
cleanup() {
  # Only what this script started, by pid; then the namespaces (the veth goes with them).
  for pid in "$sender_pid" "$keeper_pid" "$capture_pid" "$xvfb_pid"; do
    [ -n "$pid" ] && kill -TERM "$pid" 2> /dev/null || true
  done
  wait 2> /dev/null || true
  netns_down
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
netns_up "rcvmon-soak-a-$$" "rcvmon-soak-b-$$"

# Unpaced runs of at most 5,000,000 frames / 15 s each (udp_blaster's bounds) until `seconds`.
start_sender() {
  local seconds="$1" log="$2"
  (
    end=$((SECONDS + seconds))
    while [ "$SECONDS" -lt "$end" ]; do
      left=$((end - SECONDS)); [ "$left" -gt 15 ] && left=15; [ "$left" -lt 1 ] && break
      ip netns exec "$ns_b" "$blaster" veth-b "$size" 5000000 "$left" >> "$log"
    done
  ) &
  sender_pid=$!
}

# Hard-links each ring file of $1 matching $2 into $3 as it appears; counts every closed one
# (all but the newest) with capinfos into $3/counts, then drops its link. Runs until killed;
# count_rest counts what is left at the end.
keeper() {
  local dir="$1" pattern="$2" keep="$3" f files newest base
  mkdir -p "$keep"; : > "$keep/counts"
  while :; do
    # The file being written is the last by name (numbered in order), not by time: a file
    # just opened can be older than the last flush of the one before it. Only files listed
    # before that one are closed; one that appears while this loop runs waits for the next.
    files="$(ls -1v "$dir"/$pattern 2> /dev/null || true)"
    newest="$(basename "$(tail -1 <<< "$files")")"
    for f in $files; do
      base="$(basename "$f")"
      [ -e "$keep/$base" ] || [ -e "$keep/$base.done" ] || ln "$f" "$keep/$base" 2> /dev/null || true
    done
    for f in "$keep"/*.pcapng; do
      [ -e "$f" ] || continue
      base="$(basename "$f")"
      [ "$(printf '%s\n%s\n' "$base" "$newest" | sort -V | tail -1)" = "$base" ] && continue
      echo "$base $(capinfos_count "$f")" >> "$keep/counts"
      rm -f "$f"; : > "$keep/$base.done"
    done
    sleep 1
  done
}
count_rest() {
  local keep="$1" f
  for f in "$keep"/*.pcapng; do
    [ -e "$f" ] || continue
    echo "$(basename "$f") $(capinfos_count "$f")" >> "$keep/counts"
  done
  awk '{ if ($2 == "") bad++; s += $2 } END { print s + 0, NR, bad + 0 }' "$keep/counts"
}

# RSS of $1 in KiB every second into $2 ("seconds kib"), until it ends.
sample_rss() {
  local pid="$1" file="$2" start="$SECONDS"
  while kill -0 "$pid" 2> /dev/null; do
    # RSS, and RssAnon: the window's RSS also counts spool-file pages it has mapped and read.
    # Stamped with the clock, not a count: on a loaded machine a round takes more than 1 s.
    echo "$((SECONDS - start)) $(rss_kib "$pid") $(awk '/^RssAnon:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || echo 0)" >> "$file"
    sleep 1
  done
}

summary=()
run_cli() {
  local dir="$work/cli" err="$work/cli.err"
  mkdir -p "$dir"
  # 100 MB files, 20 of them: 2 GB of ring, about 20 s of 60-byte frames at 1 Mpkt/s each.
  ip netns exec "$ns_a" "$cli" -i veth-a -m on -b filesize:100000 -b files:20 -w "$dir/soak.pcapng" 2> "$err" &
  capture_pid=$!
  wait_promiscuous 1 || { echo "soak_bench: rcvmon-cli did not start:" >&2; cat "$err" >&2; exit 1; }
  keeper "$dir" 'soak_*.pcapng' "$work/cli-keep" &
  keeper_pid=$!
  : > "$work/cli.rss"
  sample_rss "$capture_pid" "$work/cli.rss" &
  local sampler=$!
  : > "$work/cli.sent"
  start_sender "$duration" "$work/cli.sent"
  wait "$sender_pid" || true; sender_pid=""
  sleep 2  # the capture drains what the kernel still holds
  kill -INT "$capture_pid"; wait "$capture_pid" || { echo "soak_bench: rcvmon-cli failed:" >&2; cat "$err" >&2; exit 1; }
  capture_pid=""
  wait "$sampler" 2> /dev/null || true
  sleep 2; kill -TERM "$keeper_pid" 2> /dev/null || true; wait "$keeper_pid" 2> /dev/null || true; keeper_pid=""
  local sent read files unreadable drops
  sent="$(awk '{ s += $2 } END { print s + 0 }' "$work/cli.sent")"
  read -r read files unreadable <<< "$(count_rest "$work/cli-keep")"
  drops="$(sed -n 's/.*dropped (kernel) \([0-9]*\), dropped (ring) \([0-9]*\).*/\1 \2/p' "$err")"
  # What the capture says it took from the kernel and wrote: tells a loss before the capture
  # (the veth or the stack) from one in it.
  local took wrote
  took="$(sed -n 's/.*; received \([0-9]*\), dropped.*/\1/p' "$err")"
  wrote="$(sed -n 's/^rcvmon-cli: \([0-9]*\) packets captured.*/\1/p' "$err")"
  summary+=("cli:    sent $sent, received $took, written $wrote, read back by capinfos $read over $files files ($unreadable unreadable), dropped (kernel ring) $drops, RSS $(rss_range "$work/cli.rss")")
  echo "${summary[-1]}"
}

run_window() {
  local spool="$work/spool" out="$work/window.out"
  mkdir -p "$spool" "$work/config/RcvMon" "$work/runtime"; chmod 700 "$work/runtime"
  # Spool to our directory with a 2 GiB disk bound (a ring of 256 MiB files), no first-run questions.
  printf '[capture]\nspoolDirectory=%s\ndiskBoundMiB=2048\n' "$spool" > "$work/config/RcvMon/rcvmon.conf"
  local display=":$((150 + $$ % 100))"
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  sleep 1
  ip netns exec "$ns_a" env DISPLAY="$display" QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME="$work/config" \
    XDG_RUNTIME_DIR="$work/runtime" "$gui" -i veth-a -m on --bench-capture $((duration + 4)) > "$out" 2> "$work/window.err" &
  capture_pid=$!
  wait_promiscuous 1 || { echo "soak_bench: rcvmon did not start capturing:" >&2; cat "$work/window.err" >&2; exit 1; }
  keeper "$spool" 'rcvmon-spool-*.pcapng' "$work/window-keep" &
  keeper_pid=$!
  : > "$work/window.rss"
  sample_rss "$capture_pid" "$work/window.rss" &
  local sampler=$!
  : > "$work/window.sent"
  start_sender "$duration" "$work/window.sent"
  wait "$sender_pid" || true; sender_pid=""
  wait "$capture_pid" || { echo "soak_bench: rcvmon failed:" >&2; cat "$work/window.err" >&2; exit 1; }
  capture_pid=""
  wait "$sampler" 2> /dev/null || true
  sleep 2; kill -TERM "$keeper_pid" 2> /dev/null || true; wait "$keeper_pid" 2> /dev/null || true; keeper_pid=""
  kill -TERM "$xvfb_pid" 2> /dev/null || true; wait "$xvfb_pid" 2> /dev/null || true; xvfb_pid=""
  local sent read files unreadable final
  sent="$(awk '{ s += $2 } END { print s + 0 }' "$work/window.sent")"
  read -r read files unreadable <<< "$(count_rest "$work/window-keep")"
  final="$(grep '^final' "$out" || true)"
  # Drops over time: the largest per-second p99 of the event loop, and the last counters.
  local p99max
  p99max="$(sed -n 's/.*latency_ms_p99=\([0-9.]*\).*/\1/p' "$out" | sort -g | tail -1)"
  summary+=("window: sent $sent, read back by capinfos $read over $files files ($unreadable unreadable), $final, worst one-second event-loop p99 ${p99max} ms, RSS $(rss_range "$work/window.rss")")
  echo "${summary[-1]}"
  cp "$out" "$outdir/soak-window-seconds.txt"
  # With RCVMON_EVENT_TIMING set, the window's handlers timed in wall and CPU time (event_timing.h).
  cp "$work/window.err" "$outdir/soak-window-stderr.txt"
}

# "first-minute median → last-minute median (max)" of an RSS series, MiB.
rss_range() {
  local f="$1" n
  n="$(wc -l < "$f")"
  local first last max
  first="$(head -60 "$f" | tail -n +5 | awk '{ print $2 / 1024 }' | median)"
  last="$(tail -60 "$f" | awk '{ print $2 / 1024 }' | median)"
  max="$(awk '{ print $2 / 1024 }' "$f" | sort -g | tail -1)"
  local anon; anon="$(tail -60 "$f" | awk '{ print $3 / 1024 }' | median)"
  printf '%.1f MiB after the first minute -> %.1f MiB in the last minute (max %.1f MiB; RssAnon %.1f MiB in the last minute; %s samples)' "$first" "$last" "$max" "$anon" "$n"
}

echo "soak benchmark: ${duration}s per mode ($modes), ${size}-byte frames, one unpaced sender"
for mode in $modes; do
  case "$mode" in
    cli) run_cli ;;
    window) run_window ;;
    *) echo "soak_bench: unknown mode $mode" >&2; exit 2 ;;
  esac
done

# The plot: RSS against time, one line per mode.
plot="$outdir/soak-rss.png"
{
  echo "set terminal pngcairo size 1000,500 noenhanced"
  echo "set output '$plot'"
  echo "set title 'RcvMon soak: RSS sampled every second (${duration}s, ${size}-byte frames at the top rate of one sender)'"
  echo "set xlabel 'seconds'; set ylabel 'MiB'; set grid; set key top left"
  printf "plot "
  sep=""
  for mode in $modes; do
    printf "%s'%s' using 1:(\$2/1024) with lines title '%s RSS', '%s' using 1:(\$3/1024) with lines dashtype 2 title '%s RssAnon'" \
      "$sep" "$work/$mode.rss" "$mode" "$work/$mode.rss" "$mode"
    sep=", "
  done
  echo
} > "$work/plot.gp"
gnuplot "$work/plot.gp" 2> /dev/null || { sed -i 's/pngcairo/png/' "$work/plot.gp"; gnuplot "$work/plot.gp"; }
for mode in $modes; do cp "$work/$mode.rss" "$outdir/soak-$mode-rss.txt"; done
echo
echo "summary (${duration}s per mode):"
printf '  %s\n' "${summary[@]}"
echo "RSS plot: $plot"
