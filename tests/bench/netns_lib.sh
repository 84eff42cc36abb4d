# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the live benchmarks (sourced, not run): a veth pair between two network namespaces,
# 198.18.0.1 (B, the sender's side) and 198.18.0.2 (A, the capture's side), removed by
# netns_down (call it from the script's EXIT trap, so a failure removes them too).

netns_up() {
  ns_a="$1"; ns_b="$2"
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
}

netns_down() {
  [ -n "${ns_a:-}" ] && ip netns del "$ns_a" 2> /dev/null || true
  [ -n "${ns_b:-}" ] && ip netns del "$ns_b" 2> /dev/null || true
}

# A packet-socket membership shows as "promiscuity N" in the details, not as the PROMISC flag.
# Waits (up to 10 s) until at least $1 captures hold veth-a promiscuous.
wait_promiscuous() {
  local want="${1:-1}" n i
  for i in $(seq 200); do
    n="$(ip -d -n "$ns_a" link show veth-a | sed -n 's/.*promiscuity \([0-9]*\).*/\1/p')"
    [ "${n:-0}" -ge "$want" ] && return 0
    sleep 0.05
  done
  return 1
}

# Resident set size of a process in KiB (0 once it is gone).
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2> /dev/null || echo 0; }

# capinfos' exact packet count of a file (-M: no "k" rounding); empty when it cannot read it.
capinfos_count() { capinfos -M -c "$1" 2> /dev/null | sed -n 's/^Number of packets: *\([0-9]*\).*/\1/p'; }
