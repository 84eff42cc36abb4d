// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/windows/ip_helper_tables.h"

#include <cstring>

namespace rcvmon {
namespace {

FlowEndpoint ipv4Endpoint(DWORD address, DWORD port)
{
    FlowEndpoint endpoint;
    std::memcpy(endpoint.address.data(), &address, 4);  // already in network order in memory
    endpoint.port = portFromTableValue(port);
    return endpoint;
}

FlowEndpoint ipv6Endpoint(const UCHAR (&address)[16], DWORD port)
{
    FlowEndpoint endpoint;
    std::memcpy(endpoint.address.data(), address, 16);
    endpoint.port = portFromTableValue(port);
    return endpoint;
}

// Calls a GetExtended*Table function until the buffer is large enough (the table can grow
// between the size query and the read). Returns its last status.
template <typename Call>
DWORD readTable(Call call, std::vector<std::uint64_t>& buffer)
{
    DWORD size = static_cast<DWORD>(buffer.size() * sizeof(std::uint64_t));
    DWORD status = ERROR_INSUFFICIENT_BUFFER;
    for (int attempt = 0; attempt < 5 && status == ERROR_INSUFFICIENT_BUFFER; ++attempt) {
        if (size > buffer.size() * sizeof(std::uint64_t)) buffer.resize(size / sizeof(std::uint64_t) + 64);
        size = static_cast<DWORD>(buffer.size() * sizeof(std::uint64_t));
        status = call(buffer.data(), &size);
    }
    return status;
}

template <typename TableType>
void appendRows(const std::vector<std::uint64_t>& buffer, std::vector<OwnedSocket>& sockets)
{
    const auto* table = reinterpret_cast<const TableType*>(buffer.data());
    for (DWORD i = 0; i < table->dwNumEntries; ++i) sockets.push_back(socketFromRow(table->table[i]));
}

}  // namespace

std::uint16_t portFromTableValue(DWORD value)
{
    return static_cast<std::uint16_t>((value & 0xff) << 8 | (value >> 8 & 0xff));
}

SocketState socketStateFromMib(DWORD state)
{
    switch (state) {
    case MIB_TCP_STATE_LISTEN: return SocketState::Listen;
    case MIB_TCP_STATE_SYN_SENT: return SocketState::SynSent;
    case MIB_TCP_STATE_SYN_RCVD: return SocketState::SynReceived;
    case MIB_TCP_STATE_ESTAB: return SocketState::Established;
    case MIB_TCP_STATE_FIN_WAIT1:
    case MIB_TCP_STATE_FIN_WAIT2:
    case MIB_TCP_STATE_CLOSE_WAIT:
    case MIB_TCP_STATE_CLOSING:
    case MIB_TCP_STATE_LAST_ACK: return SocketState::Closing;
    case MIB_TCP_STATE_TIME_WAIT: return SocketState::TimeWait;
    default: return SocketState::Closed;
    }
}

OwnedSocket socketFromRow(const MIB_TCPROW_OWNER_PID& row)
{
    OwnedSocket socket{FlowTransport::Tcp, FlowFamily::Ipv4, ipv4Endpoint(row.dwLocalAddr, row.dwLocalPort),
                       ipv4Endpoint(row.dwRemoteAddr, row.dwRemotePort), socketStateFromMib(row.dwState),
                       row.dwOwningPid};
    // Listeners report whatever remote port the stack left there: a listener has no peer.
    if (socket.state == SocketState::Listen) socket.remote = {};
    return socket;
}

OwnedSocket socketFromRow(const MIB_TCP6ROW_OWNER_PID& row)
{
    OwnedSocket socket{FlowTransport::Tcp, FlowFamily::Ipv6, ipv6Endpoint(row.ucLocalAddr, row.dwLocalPort),
                       ipv6Endpoint(row.ucRemoteAddr, row.dwRemotePort), socketStateFromMib(row.dwState),
                       row.dwOwningPid};
    if (socket.state == SocketState::Listen) socket.remote = {};
    return socket;
}

OwnedSocket socketFromRow(const MIB_UDPROW_OWNER_PID& row)
{
    return {FlowTransport::Udp, FlowFamily::Ipv4, ipv4Endpoint(row.dwLocalAddr, row.dwLocalPort), {},
            SocketState::Unconnected, row.dwOwningPid};
}

OwnedSocket socketFromRow(const MIB_UDP6ROW_OWNER_PID& row)
{
    return {FlowTransport::Udp, FlowFamily::Ipv6, ipv6Endpoint(row.ucLocalAddr, row.dwLocalPort), {},
            SocketState::Unconnected, row.dwOwningPid};
}

bool readOwnerPidTables(std::vector<OwnedSocket>& sockets, std::string& error)
{
    std::vector<std::uint64_t> buffer(2048);  // 16 KiB: room for a few hundred rows at once
    struct Query {
        const char* what;
        ULONG family;
        bool tcp;
    };
    static constexpr Query queries[] = {
        {"GetExtendedTcpTable(AF_INET, TCP_TABLE_OWNER_PID_ALL)", AF_INET, true},
        {"GetExtendedUdpTable(AF_INET, UDP_TABLE_OWNER_PID)", AF_INET, false},
        {"GetExtendedTcpTable(AF_INET6, TCP_TABLE_OWNER_PID_ALL)", AF_INET6, true},
        {"GetExtendedUdpTable(AF_INET6, UDP_TABLE_OWNER_PID)", AF_INET6, false},
    };
    for (const Query& query : queries) {
        const DWORD status = readTable(
            [&query](void* table, DWORD* size) {
                return query.tcp ? GetExtendedTcpTable(table, size, FALSE, query.family, TCP_TABLE_OWNER_PID_ALL, 0)
                                 : GetExtendedUdpTable(table, size, FALSE, query.family, UDP_TABLE_OWNER_PID, 0);
            },
            buffer);
        if (status != NO_ERROR) {
            if (query.family == AF_INET6) continue;  // IPv6 not installed
            error = std::string(query.what) + " failed with error " + std::to_string(status);
            return false;
        }
        if (query.family == AF_INET && query.tcp) appendRows<MIB_TCPTABLE_OWNER_PID>(buffer, sockets);
        if (query.family == AF_INET && !query.tcp) appendRows<MIB_UDPTABLE_OWNER_PID>(buffer, sockets);
        if (query.family == AF_INET6 && query.tcp) appendRows<MIB_TCP6TABLE_OWNER_PID>(buffer, sockets);
        if (query.family == AF_INET6 && !query.tcp) appendRows<MIB_UDP6TABLE_OWNER_PID>(buffer, sockets);
    }
    return true;
}

}  // namespace rcvmon
