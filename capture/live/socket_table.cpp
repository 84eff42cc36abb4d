// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/socket_table.h"

#include <algorithm>

namespace rcvmon {
namespace {

std::uint32_t indexKey(FlowTransport transport, std::uint16_t port)
{
    return static_cast<std::uint32_t>(transport) << 16 | port;
}

// The flow's ends as sockets of one family would show them.
struct FlowForm {
    FlowFamily family;
    FlowEndpoint local;
    FlowEndpoint remote;
};

// Waiting in a listener's accept queue: the kernel has the connection, no process has the socket yet.
bool awaitingAccept(const OwnedSocket& socket)
{
    return socket.transport == FlowTransport::Tcp &&
           (socket.state == SocketState::SynReceived || socket.state == SocketState::Established);
}

bool isConnection(const OwnedSocket& socket)
{
    return socket.state != SocketState::Listen && socket.state != SocketState::Unconnected;
}

}  // namespace

FlowEndpoint mappedToIpv6(const FlowEndpoint& ipv4)
{
    FlowEndpoint mapped;
    mapped.address[10] = 0xff;
    mapped.address[11] = 0xff;
    std::copy_n(ipv4.address.begin(), 4, mapped.address.begin() + 12);
    mapped.port = ipv4.port;
    return mapped;
}

bool isWildcard(const FlowEndpoint& endpoint)
{
    return std::all_of(endpoint.address.begin(), endpoint.address.end(), [](std::uint8_t byte) { return byte == 0; });
}

SocketTable::SocketTable(std::vector<OwnedSocket> sockets) : m_sockets(std::move(sockets))
{
    m_byTransportAndPort.reserve(m_sockets.size());
    for (std::size_t i = 0; i < m_sockets.size(); ++i)
        m_byTransportAndPort.emplace(indexKey(m_sockets[i].transport, m_sockets[i].local.port), i);
}

std::vector<const OwnedSocket*> SocketTable::candidatesFor(const FlowKey& key) const
{
    std::vector<const OwnedSocket*> onPort;
    const auto [first, last] = m_byTransportAndPort.equal_range(indexKey(key.transport, key.local.port));
    for (auto it = first; it != last; ++it) onPort.push_back(&m_sockets[it->second]);
    // The index has no order: keep the table's, so ties come back the same way every time.
    std::sort(onPort.begin(), onPort.end());

    std::vector<FlowForm> forms = {{key.family, key.local, key.remote}};
    if (key.family == FlowFamily::Ipv4)
        forms.push_back({FlowFamily::Ipv6, mappedToIpv6(key.local), mappedToIpv6(key.remote)});

    std::vector<const OwnedSocket*> found;
    // Rule 1: the connection itself.
    bool tryListeners = true;
    for (const FlowForm& form : forms) {
        std::vector<const OwnedSocket*> unheld;
        for (const OwnedSocket* socket : onPort) {
            if (socket->family != form.family || !isConnection(*socket)) continue;
            if (socket->local.address != form.local.address || socket->remote != form.remote) continue;
            (socket->holder != 0 ? found : unheld).push_back(socket);
        }
        if (!found.empty()) return found;
        if (!unheld.empty()) {
            tryListeners = std::any_of(unheld.begin(), unheld.end(),
                                       [](const OwnedSocket* socket) { return awaitingAccept(*socket); });
            break;
        }
    }
    if (!tryListeners) return {};

    // Rule 2: whoever receives everything sent to the local address and port.
    const SocketState receiving = key.transport == FlowTransport::Tcp ? SocketState::Listen : SocketState::Unconnected;
    for (const bool wildcard : {false, true}) {
        for (const FlowForm& form : forms) {
            for (const OwnedSocket* socket : onPort) {
                if (socket->family != form.family || socket->state != receiving || socket->holder == 0) continue;
                if (wildcard ? isWildcard(socket->local) : socket->local.address == form.local.address)
                    found.push_back(socket);
            }
            if (!found.empty()) return found;
        }
    }
    return found;
}

}  // namespace rcvmon
