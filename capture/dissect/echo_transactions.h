// SPDX-License-Identifier: GPL-2.0-or-later
// Echo request/reply matching for ICMP and ICMPv6, as packet-icmp.c and packet-icmpv6.c keep
// it: per address pair, keyed on identifier, sequence number and the checksum the reply must
// carry. In one pass (as tshark prints) a reply names its request; a request names nothing,
// since its reply is not seen yet. A frame dissected again gets the answer it got first.
// Memory is bounded and allocated once: a small hash table of waiting requests (the oldest
// in a full bucket gives way) and a ring of answered replies in frame order.
#pragma once

#include "dissect/protocol_registry.h"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

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

    static constexpr std::size_t kBuckets = 1024, kWays = 4;  // waiting requests
    static constexpr std::size_t kAnswered = 4096;            // replies remembered for a second look

private:
    struct Slot {
        Key key;
        std::uint64_t request = 0;  // 0: empty
        std::uint64_t response = 0;
    };
    Slot* find(const Key& key);
    static std::size_t bucketOf(const Key& key);

    std::vector<Slot> m_slots;                                     // kBuckets * kWays, made on first use
    std::vector<std::pair<std::uint64_t, std::uint64_t>> m_answered;  // (reply, request), a ring in frame order
    std::size_t m_answeredStart = 0;
    std::uint64_t m_lastFrame = 0;
    // Slots written since the last clear, while they are few (reply() only changes a slot
    // request() wrote).
    static constexpr std::size_t kTracked = 16;
    std::array<std::uint32_t, kTracked> m_touched{};
    std::size_t m_touchedCount = 0;
};

}  // namespace rcvmon
