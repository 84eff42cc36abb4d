// SPDX-License-Identifier: GPL-2.0-or-later
// What QUIC remembers between datagrams (RFC 9000 §5): per UDP address/port pair, which side
// is the client, the connection IDs each side chose (a short header's DCID length comes from
// them) and the client's first Destination Connection ID, from which the Initial keys are
// derived (RFC 9001 §5.2). Bounded: at kMaxConnections it starts over.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace rcvmon {

struct QuicCid {
    std::array<std::uint8_t, 20> bytes{};
    std::uint8_t length = 0;
    friend bool operator==(const QuicCid&, const QuicCid&) = default;
};

// The start of one side's Initial CRYPTO stream (RFC 9000 §19.6), put together from frames at
// any offset until its first handshake message is whole; then the buffers are given back.
struct QuicCryptoStream {
    static constexpr std::size_t kMaxBytes = 8192;
    std::vector<std::uint8_t> bytes;
    std::vector<bool> have;
    bool done = false;  // the first message was shown: retransmissions are not shown again
};

struct QuicConnection {
    std::array<std::uint8_t, 16> clientAddr{};
    std::uint16_t clientPort = 0;
    QuicCid clientCid, serverCid, initialDcid;
    bool serverCidKnown = false;
    bool initialKnown = false;  // a client Initial was seen: its DCID gives the Initial keys
    QuicCryptoStream crypto[2];  // client's, server's
    bool retrySeen = false;  // the client's next Initial has a new DCID for the Initial keys
};

class QuicConnections {
public:
    static constexpr std::size_t kMaxConnections = 16384;

    struct Endpoint {
        std::array<std::uint8_t, 16> addr{};
        std::uint16_t port = 0;
    };
    // The connection between the two endpoints, or null; `create` makes one (src is the client).
    QuicConnection* find(std::uint8_t family, const Endpoint& src, const Endpoint& dst, bool create);
    void clear() { m_connections.clear(); }

private:
    struct Key {
        std::array<std::uint8_t, 37> bytes{};
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const;
    };
    std::unordered_map<Key, QuicConnection, KeyHash> m_connections;
};

}  // namespace rcvmon
