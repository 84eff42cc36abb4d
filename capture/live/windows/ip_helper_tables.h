// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/socket_table.h"

#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>

#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon {

// The IP Helper socket tables with owning PIDs: GetExtendedTcpTable(TCP_TABLE_OWNER_PID_ALL)
// and GetExtendedUdpTable(UDP_TABLE_OWNER_PID), IPv4 and IPv6. The holder of each row is its
// PID; TIME_WAIT rows say PID 0, which is nobody. UDP rows carry no peer, so every UDP socket
// is Unconnected here and flows match on the local address and port.

// dwLocalPort/dwRemotePort: the port in network byte order in the low 16 bits.
std::uint16_t portFromTableValue(DWORD value);
// MIB_TCP_STATE_* as an attribution state.
SocketState socketStateFromMib(DWORD state);

OwnedSocket socketFromRow(const MIB_TCPROW_OWNER_PID& row);
OwnedSocket socketFromRow(const MIB_TCP6ROW_OWNER_PID& row);
OwnedSocket socketFromRow(const MIB_UDPROW_OWNER_PID& row);
OwnedSocket socketFromRow(const MIB_UDP6ROW_OWNER_PID& row);

// All four tables. IPv6 tables that the system does not have are skipped; false, with a
// message naming the call and its error code, when an IPv4 table cannot be read.
bool readOwnerPidTables(std::vector<OwnedSocket>& sockets, std::string& error);

}  // namespace rcvmon
