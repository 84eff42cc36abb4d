// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/protocols/quic/quic_connections.h"

#include <algorithm>
#include <cstring>

namespace rcvmon {

std::size_t QuicConnections::KeyHash::operator()(const Key& k) const
{
    std::size_t h = 1469598103934665603ull;  // FNV-1a
    for (const std::uint8_t b : k.bytes) h = (h ^ b) * 1099511628211ull;
    return h;
}

QuicConnection* QuicConnections::find(std::uint8_t family, const Endpoint& src, const Endpoint& dst, bool create)
{
    // The key orders the two endpoints so both directions find the same connection.
    const auto less = [](const Endpoint& a, const Endpoint& b) {
        const int c = std::memcmp(a.addr.data(), b.addr.data(), a.addr.size());
        return c < 0 || (c == 0 && a.port < b.port);
    };
    const Endpoint& lo = less(src, dst) ? src : dst;
    const Endpoint& hi = less(src, dst) ? dst : src;
    Key key;
    key.bytes[0] = family;
    std::copy(lo.addr.begin(), lo.addr.end(), key.bytes.begin() + 1);
    std::copy(hi.addr.begin(), hi.addr.end(), key.bytes.begin() + 17);
    key.bytes[33] = static_cast<std::uint8_t>(lo.port >> 8);
    key.bytes[34] = static_cast<std::uint8_t>(lo.port);
    key.bytes[35] = static_cast<std::uint8_t>(hi.port >> 8);
    key.bytes[36] = static_cast<std::uint8_t>(hi.port);
    const auto it = m_connections.find(key);
    if (it != m_connections.end()) return &it->second;
    if (!create) return nullptr;
    if (m_connections.size() >= kMaxConnections) m_connections.clear();
    QuicConnection& conn = m_connections[key];
    conn.clientAddr = src.addr;
    conn.clientPort = src.port;
    return &conn;
}

}  // namespace rcvmon
