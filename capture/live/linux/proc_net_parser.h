// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/socket_table.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rcvmon {

// The socket tables in /proc/net/{tcp,tcp6,udp,udp6}, one line per socket:
//   sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
//    0: 0100007F:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000  0  0 21870 1 ...
// Addresses are the kernel's 32-bit words of the network-order address printed with %08X, so
// the hex digits of each word are in host byte order (127.0.0.1 is 0100007F on little-endian
// machines); IPv6 is four such words. Ports are %04X of the host-order value. st is the kernel's
// TCP state number (UDP uses 01 connected, 07 unconnected). The holder of each row is its inode.

// One table line; nullopt for the header and for anything malformed.
std::optional<OwnedSocket> parseProcNetLine(std::string_view line, FlowTransport transport, FlowFamily family);

// Every socket of one table's text; malformedLines (if given) counts lines other than the header
// that did not parse.
std::vector<OwnedSocket> parseProcNetTable(std::string_view text, FlowTransport transport, FlowFamily family,
                                           std::size_t* malformedLines = nullptr);

// The kernel's state number (include/net/tcp_states.h) as an attribution state.
SocketState socketStateFromProc(FlowTransport transport, unsigned state);

// The inode of a /proc/PID/fd link target "socket:[12345]"; nullopt for anything else.
std::optional<std::uint64_t> parseSocketLink(std::string_view target);

}  // namespace rcvmon
