// SPDX-License-Identifier: GPL-2.0-or-later
// Echo request/reply matching for ICMP and ICMPv6, as packet-icmp.c and packet-icmpv6.c keep
// it: per address pair, keyed on identifier, sequence number and the checksum the reply must
// carry. In one pass (as tshark prints) a reply names its request; a request names nothing,
// since its reply is not seen yet. A frame dissected again gets the answer it got first.
#pragma once

#include "dissect/protocol_registry.h"

#include <array>
#include <cstdint>
#include <unordered_map>

namespace rcvmon {

class EchoTransactions final : public ProtocolState {
public:
    struct Key {
        std::uint8_t family = 0;               // 4 or 6 (ICMP and ICMPv6 never match each other)
        std::array<std::uint8_t, 16> a{}, b{};  // the address pair, lower first
        std::uint32_t checksum = 0;            // the reply's checksum
        std::uint32_t idSeq = 0;               // identifier << 16 | sequence number
        bool operator==(const Key&) const = default;
    };

    // Builds a key from the two addresses (either direction gives the same pair).
    static Key key(std::uint8_t family, const std::array<std::uint8_t, 16>& src,
                   const std::array<std::uint8_t, 16>& dst, std::uint32_t checksum, std::uint32_t idSeq);

    // A request in `frame`: a later reply with the same key answers it.
    void request(const Key& key, std::uint64_t frame);
    // A reply in `frame`: the request frame it answers, or 0 when none is waiting (never
    // seen, or already answered).
    std::uint64_t reply(const Key& key, std::uint64_t frame);
    void clear() override;

    // A bound on remembered requests: past it the oldest state is dropped.
    static constexpr std::size_t kMaxEntries = 1u << 16;

private:
    struct KeyHash {
        std::size_t operator()(const Key& k) const;
    };
    struct Entry {
        std::uint64_t request = 0, response = 0;
    };
    std::unordered_map<Key, Entry, KeyHash> m_pending;
    std::unordered_map<std::uint64_t, std::uint64_t> m_answered;  // reply frame → request frame
    std::uint64_t m_lastFrame = 0;
};

}  // namespace rcvmon
