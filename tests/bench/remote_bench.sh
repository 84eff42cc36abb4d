#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 13's remote-capture benchmark: two remote hosts at once into one window, side by side in
# one run with `ssh host tcpdump -U -w - | wireshark -k -i -` on the same traffic.
#
# Network (namespaces of its own, 198.18.0.0/15 only inside them):
#   local  l-ssha 198.18.1.1 ── r-ssh 198.18.1.2  host A (OpenSSH sshd, throw-away keys)
#   local  l-sshb 198.18.4.1 ── r-ssh 198.18.4.2  host B (sshd)
#   host A r-lan 198.18.2.1 ── s-a  sender        host B r-lan 198.18.5.1 ── s-b  sender
# paced_sender puts RATE UDP frames/s (port 5001, to each host's own MAC) on each remote LAN for
# SECONDS. The two viewers take turns, both run from the local namespace under xvfb-run:
#   RcvMon:    the real MainWindow (tests/bench/remote_window_bench) capturing
#              ssh://root@198.18.1.2/r-lan and ssh://root@198.18.4.2/r-lan merged (rcvmon-cli -w - at
#              the far ends, over ssh); packets counted in its packet list.
#   Wireshark: `ssh root@HOST tcpdump -U -w - -i r-lan | wireshark -k -i - -w FILE` for each host
#              (two windows: `-i -` takes one stream; REMOTE_BENCH_WIRESHARK=one-window reads both
#              in one window through two named pipes); packets counted in the files its capture wrote.
# Both capture with the filter "udp dst port 5001". For each RATE (per host) and viewer: the median
# over RUNS of packets in the window, packets lost (sent - in the window) and the drops each reports.
# "Sustained" is the highest total rate offered (what both senders really sent per second, at
# most 2 x RATE) whose median loss and reported drops are 0; the ratio is RcvMon's over Wireshark's. A viewer that loses packets at a rate is not run at the higher ones.
# Needs root, OpenSSH (client and server), tcpdump; installs wireshark-qt with apt when absent.
# Usage: tests/bench/remote_bench.sh BUILD_DIR [RUNS=3] [SECONDS=5] [RATES="2500 5000 10000 20000 40000 80000 160000"]
# Environment: REMOTE_BENCH_KEEP=DIR keeps the per-run logs there.
set -euo pipefail
build="$(cd "${1:?usage: remote_bench.sh BUILD_DIR [RUNS] [SECONDS] [RATES]}" && pwd)"
runs="${2:-3}"
seconds="${3:-5}"
rates="${4:-2500 5000 10000 20000 40000 80000 160000}"
cli="$build/app/rcvmon-cli"
window_bench="$build/tests/bench/remote_window_bench"
sender="$build/tests/bench/paced_sender"
for tool in "$cli" "$window_bench" "$sender"; do
  [ -x "$tool" ] || { echo "remote_bench: $tool missing: build rcvmon-cli, remote_window_bench and paced_sender" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "remote_bench: needs root (network namespaces)" >&2; exit 1; }
[ "$seconds" -ge 1 ] && [ "$seconds" -le 15 ] || { echo "remote_bench: SECONDS must be 1..15" >&2; exit 1; }
for p in ssh ssh-keygen tcpdump xvfb-run capinfos; do
  command -v "$p" > /dev/null || { echo "remote_bench: $p not found" >&2; exit 1; }
done
[ -x /usr/sbin/sshd ] || { echo "remote_bench: /usr/sbin/sshd not found (openssh-server)" >&2; exit 1; }
if ! command -v wireshark > /dev/null; then
  echo "remote_bench: installing wireshark-qt" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wireshark-qt > /dev/null
fi

tag="$$"
ns_l="rcvmon-rb-l-$tag"; ns_a="rcvmon-rb-a-$tag"; ns_b="rcvmon-rb-b-$tag"; ns_s="rcvmon-rb-s-$tag"
work="$(mktemp -d /tmp/rcvmon-remote-bench-XXXXXX)"
pids=()        # process groups this script started (sshd, viewers, ssh pipelines)
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2> /dev/null || kill -TERM "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  for ns in "$ns_l" "$ns_a" "$ns_b" "$ns_s"; do ip netns del "$ns" 2> /dev/null || true; done
  if [ -n "${REMOTE_BENCH_KEEP:-}" ]; then mkdir -p "$REMOTE_BENCH_KEEP" && cp -r "$work"/. "$REMOTE_BENCH_KEEP"/; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

L="ip netns exec $ns_l"; A="ip netns exec $ns_a"; B="ip netns exec $ns_b"; S="ip netns exec $ns_s"
for ns in "$ns_l" "$ns_a" "$ns_b" "$ns_s"; do ip netns add "$ns"; ip -n "$ns" link set lo up; done
ip -n "$ns_l" link add l-ssha type veth peer name r-ssh netns "$ns_a"
ip -n "$ns_l" link add l-sshb type veth peer name r-ssh netns "$ns_b"
ip -n "$ns_a" link add r-lan type veth peer name s-a netns "$ns_s"
ip -n "$ns_b" link add r-lan type veth peer name s-b netns "$ns_s"
ip -n "$ns_l" addr add 198.18.1.1/24 dev l-ssha; ip -n "$ns_a" addr add 198.18.1.2/24 dev r-ssh
ip -n "$ns_l" addr add 198.18.4.1/24 dev l-sshb; ip -n "$ns_b" addr add 198.18.4.2/24 dev r-ssh
ip -n "$ns_a" addr add 198.18.2.1/24 dev r-lan; ip -n "$ns_s" addr add 198.18.2.2/24 dev s-a
ip -n "$ns_b" addr add 198.18.5.1/24 dev r-lan; ip -n "$ns_s" addr add 198.18.5.2/24 dev s-b
for dev in l-ssha l-sshb; do ip -n "$ns_l" link set "$dev" up; done
for ns in "$ns_a" "$ns_b"; do ip -n "$ns" link set r-ssh up; ip -n "$ns" link set r-lan up; done
for dev in s-a s-b; do ip -n "$ns_s" link set "$dev" up; done
mac_a="$(ip netns exec "$ns_a" cat /sys/class/net/r-lan/address)"
mac_b="$(ip netns exec "$ns_b" cat /sys/class/net/r-lan/address)"

ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/user_key"
cp "$work/user_key.pub" "$work/authorized_keys"
mkdir -p /run/sshd
for host in a:198.18.1.2:"$ns_a" b:198.18.4.2:"$ns_b"; do
  IFS=: read -r name address ns <<< "$host"
  printf 'ListenAddress %s\nPort 22\nHostKey %s/host_key\nAuthorizedKeysFile %s/authorized_keys\nPermitRootLogin prohibit-password\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\nPidFile none\nLogLevel ERROR\n' \
    "$address" "$work" "$work" > "$work/sshd_$name"
  setsid ip netns exec "$ns" /usr/sbin/sshd -D -e -f "$work/sshd_$name" 2> "$work/sshd_$name.log" &
  pids+=("$!")
done
ssh_opts=(-o "IdentityFile=$work/user_key" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes)
for address in 198.18.1.2 198.18.4.2; do
  for _ in $(seq 100); do $L ssh "${ssh_opts[@]}" -o ConnectTimeout=3 "root@$address" true 2> /dev/null && break; sleep 0.1; done
  $L ssh "${ssh_opts[@]}" "root@$address" true || { echo "remote_bench: sshd at $address never answered" >&2; exit 1; }
done
filter="udp dst port 5001"
export HOME="$work/home"  # Wireshark's and Qt's settings stay in the scratch directory
mkdir -p "$HOME"

# wait_for FILE PATTERN SECONDS
wait_for() { local i; for i in $(seq $(($3 * 10))); do grep -q "$2" "$1" 2> /dev/null && return 0; sleep 0.1; done; return 1; }

# send LOG: both senders at $rate for $seconds; "sent" is their sum.
send() {
  $S "$sender" s-a "$mac_a" 198.18.2.1 100 "$rate" "$seconds" > "$1.a" &
  local pa=$!
  $S "$sender" s-b "$mac_b" 198.18.5.1 100 "$rate" "$seconds" > "$1.b" &
  local pb=$!
  wait "$pa" "$pb"
  sent=$(( $(awk '{print $2}' "$1.a") + $(awk '{print $2}' "$1.b") ))
}

# The pids of a namespace's processes named NAME (the remote tcpdumps), by id.
pids_named() { local p; for p in $(ip netns pids "$1"); do [ "$(cat "/proc/$p/comm" 2> /dev/null)" = "$2" ] && echo "$p"; done; return 0; }

run_rcvmon() {
  local log="$work/rcvmon_${rate}_$1"
  rm -f "$log.stop"
  setsid $L xvfb-run -a -s "-screen 0 1600x1000x24" "$window_bench" --remote-cli "$cli" \
    --ssh-option "IdentityFile=$work/user_key" --ssh-option StrictHostKeyChecking=no \
    --ssh-option UserKnownHostsFile=/dev/null --ssh-option LogLevel=ERROR --stop-file "$log.stop" --filter "$filter" \
    "ssh://root@198.18.1.2/r-lan, ssh://root@198.18.4.2/r-lan" > "$log.out" 2> "$log.err" &
  local pid=$!
  pids+=("$pid")
  wait_for "$log.out" '^ready' 60 || { echo "remote_bench: RcvMon did not start: $(tail -3 "$log.err")" >&2; exit 1; }
  send "$log"
  touch "$log.stop"
  wait "$pid" || true
  got=$(sed -n 's/^rows=\([0-9]*\).*/\1/p' "$log.out")
  [ -n "$got" ] || { echo "remote_bench: RcvMon printed no totals: $(tail -3 "$log.err")" >&2; exit 1; }
  # What RcvMon itself reports dropped: its ring, each interface's queue, each far end's kernel and ring.
  reported=$(awk -F'[ =]' '/^rows=/{s+=$8} /^interface=/{s+=$6+$8+$10} END{print s+0}' "$log.out")
}

# Wireshark's side. Default, the brief's pipeline as it is, once per host:
#   ssh root@HOST tcpdump -U -w - -i r-lan FILTER | wireshark -k -i - -w FILE      (two windows)
# REMOTE_BENCH_WIRESHARK=one-window: one Wireshark reading both hosts' streams from two named
# pipes (wireshark -k -i fifoA -i fifoB -w FILE).
run_wireshark() {
  local log="$work/wireshark_${rate}_$1" i
  rm -f "$log".f? "$log"*.pcapng
  local ws=() files=()
  if [ "${REMOTE_BENCH_WIRESHARK:-}" = one-window ]; then
    mkfifo "$log.fa" "$log.fb"
    setsid $L xvfb-run -a -s "-screen 0 1600x1000x24" wireshark -k -i "$log.fa" -i "$log.fb" -w "$log.pcapng" \
      > "$log.out" 2> "$log.err" &
    ws+=("$!"); files+=("$log.pcapng")
    setsid $L ssh "${ssh_opts[@]}" root@198.18.1.2 "tcpdump -U -w - -i r-lan '$filter'" > "$log.fa" 2> "$log.ta" &
    local sa=$!
    setsid $L ssh "${ssh_opts[@]}" root@198.18.4.2 "tcpdump -U -w - -i r-lan '$filter'" > "$log.fb" 2> "$log.tb" &
    local sb=$!
  else
    setsid $L sh -c "ssh ${ssh_opts[*]} root@198.18.1.2 \"tcpdump -U -w - -i r-lan '$filter'\" 2> '$log.ta' |
      xvfb-run -a -s '-screen 0 1600x1000x24' wireshark -k -i - -w '$log.a.pcapng'" > "$log.out" 2> "$log.err" &
    local sa=$!
    setsid $L sh -c "ssh ${ssh_opts[*]} root@198.18.4.2 \"tcpdump -U -w - -i r-lan '$filter'\" 2> '$log.tb' |
      xvfb-run -a -s '-screen 0 1600x1000x24' wireshark -k -i - -w '$log.b.pcapng'" > "$log.outb" 2> "$log.errb" &
    local sb=$!
    ws+=("$sa" "$sb"); files+=("$log.a.pcapng" "$log.b.pcapng")
  fi
  pids+=("$sa" "$sb" "${ws[@]}")
  wait_for "$log.ta" 'listening on' 60 && wait_for "$log.tb" 'listening on' 60 ||
    { echo "remote_bench: tcpdump did not start: $(cat "$log.ta" "$log.tb")" >&2; exit 1; }
  # Wireshark's capture has started once a packet reaches its file; before that only tcpdump buffers.
  sleep 2
  send "$log"
  # As for RcvMon: what is still on its way (tcpdump's buffer, ssh, the pipes) may still reach the
  # window; its files are read until their count has not grown for 2 s (at most 30 s).
  count_files() { local f t=0 c; for f in "${files[@]}"; do
    c=$(capinfos -c -M "$f" 2> /dev/null | sed -n 's/^Number of packets: *\([0-9]*\).*/\1/p' || true); t=$((t + ${c:-0})); done; echo "$t"; }
  local count=-1 now still=0
  for i in $(seq 300); do
    now=$(count_files)
    if [ "$now" = "$count" ]; then still=$((still + 1)); [ "$still" -ge 20 ] && break; else still=0; count=$now; fi
    sleep 0.1
  done
  # tcpdump ends on SIGINT with its counts; ssh then ends, the pipes close, the capture stops.
  for p in $(pids_named "$ns_a" tcpdump) $(pids_named "$ns_b" tcpdump); do kill -INT "$p" 2> /dev/null || true; done
  for i in $(seq 100); do [ "$(grep -c 'Capture stopped' "$log.err" "$log.errb" 2> /dev/null | awk -F: '{s+=$NF} END{print s+0}')" -ge "${#files[@]}" ] && break; sleep 0.1; done
  for p in "${ws[@]}"; do kill -TERM -- "-$p" 2> /dev/null || true; done
  for p in "${ws[@]}" "$sa" "$sb"; do wait "$p" 2> /dev/null || true; done
  got=$(count_files)
  reported=$(cat "$log.ta" "$log.tb" | sed -n 's/^\([0-9]*\) packets dropped by kernel.*/\1/p' | awk '{s+=$1} END{print s+0}')
}

median() { sort -n | awk '{a[NR]=$1} END{ if (NR == 0) print 0; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2) }'; }

declare -A sustained=([rcvmon]=0 [wireshark]=0) failing=([rcvmon]=0 [wireshark]=0)
printf '%-10s %9s %9s %11s %11s %9s %9s\n' viewer asked/s sent/s in-window/s in-window lost reported
for rate in $rates; do
  for viewer in rcvmon wireshark; do
    [ "${failing[$viewer]}" = 1 ] && continue
    : > "$work/$viewer.$rate.got"; : > "$work/$viewer.$rate.lost"; : > "$work/$viewer.$rate.reported"; : > "$work/$viewer.$rate.sent"
    for run in $(seq "$runs"); do
      "run_$viewer" "$run"
      echo "$got" >> "$work/$viewer.$rate.got"
      echo $((sent - got)) >> "$work/$viewer.$rate.lost"
      echo "$reported" >> "$work/$viewer.$rate.reported"
      echo "$sent" >> "$work/$viewer.$rate.sent"
    done
    got_m=$(median < "$work/$viewer.$rate.got"); lost_m=$(median < "$work/$viewer.$rate.lost")
    rep_m=$(median < "$work/$viewer.$rate.reported"); sent_m=$(median < "$work/$viewer.$rate.sent")
    printf '%-10s %9d %9d %11d %11d %9d %9d\n' "$viewer" $((2 * rate)) $((sent_m / seconds)) $((got_m / seconds)) "$got_m" "$lost_m" "$rep_m"
    # The rate actually offered (the senders may fall short of RATE on a busy machine).
    if [ "$lost_m" -le 0 ] && [ "$rep_m" -eq 0 ]; then sustained[$viewer]=$((sent_m / seconds)); else failing[$viewer]=1; fi
  done
done
echo "sustained with 0 drops (median of $runs runs, two remote hosts, ${seconds} s each):" \
     "RcvMon ${sustained[rcvmon]} packets/s, ssh+tcpdump|Wireshark ${sustained[wireshark]} packets/s"
if [ "${sustained[wireshark]}" -gt 0 ]; then
  awk -v r="${sustained[rcvmon]}" -v w="${sustained[wireshark]}" 'BEGIN{printf "ratio RcvMon/Wireshark: %.2f\n", r / w}'
fi
[ "${failing[rcvmon]}" = 0 ] && echo "note: RcvMon lost nothing up to the highest rate tried: raise RATES for its limit"
[ "${failing[wireshark]}" = 0 ] && echo "note: Wireshark lost nothing up to the highest rate tried: raise RATES for its limit"
exit 0
