// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/flow_key.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace rcvmon {

// The states that matter for attribution; each platform maps its own numbering onto these.
enum class SocketState : std::uint8_t {
    Unconnected,  // UDP without a peer (or Windows' UDP rows, which never say)
    Connected,    // UDP with a peer
    Listen,
    SynSent,
    SynReceived,  // Linux request sockets: no file yet, the listener's process will accept it
    Established,
    Closing,      // FIN_WAIT*, CLOSE_WAIT, CLOSING, LAST_ACK: still held by its process
    TimeWait,     // closed by its process: nobody owns it
    Closed,
};

// One row of the system's socket tables.
struct OwnedSocket {
    FlowTransport transport = FlowTransport::Tcp;
    FlowFamily family = FlowFamily::Ipv4;
    FlowEndpoint local;
    FlowEndpoint remote;  // all zero for listeners and unconnected UDP
    SocketState state = SocketState::Closed;
    // Who holds it, in the platform's terms: the socket inode on Linux, the owning PID on
    // Windows. 0 = nobody (TIME_WAIT, a connection not accepted yet).
    std::uint64_t holder = 0;
};

// The socket tables indexed by transport and local port, with the rules that pick the sockets
// that can own a flow (platform-neutral, so both backends attribute the same way):
//  1. a socket with exactly the flow's local and remote ends (TCP connections, connected UDP);
//     one without a holder ends the search with no owner, except a TCP connection still
//     waiting in its listener's accept queue, which goes on to rule 2;
//  2. TCP: a listener on the local port, bound to the local address, else to the wildcard;
//     UDP: an unconnected socket on the local port, bound to the address, else to the wildcard.
// At each rule sockets of the flow's own family come first; an IPv4 flow then also matches
// IPv6 sockets through IPv4-mapped addresses (::ffff:a.b.c.d) and the :: wildcard (dual stack).
// All sockets that tie at the first rule that matches are returned: the caller must see them
// held by one process, or call the owner unknown (SO_REUSEPORT groups across processes).
class SocketTable {
public:
    explicit SocketTable(std::vector<OwnedSocket> sockets);

    std::vector<const OwnedSocket*> candidatesFor(const FlowKey& key) const;
    const std::vector<OwnedSocket>& sockets() const { return m_sockets; }

private:
    std::vector<OwnedSocket> m_sockets;
    std::unordered_multimap<std::uint32_t, std::size_t> m_byTransportAndPort;
};

// An IPv4 address as the IPv4-mapped IPv6 address ::ffff:a.b.c.d.
FlowEndpoint mappedToIpv6(const FlowEndpoint& ipv4);
bool isWildcard(const FlowEndpoint& endpoint);  // address all zero (0.0.0.0 or ::), any port

}  // namespace rcvmon
