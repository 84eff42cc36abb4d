// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stats/relative_time.h"
#include "stats/stat_address.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace rcvmon {

struct FlowCount {
    std::uint64_t frames = 0;
    std::uint64_t bytes = 0;  // frame lengths on the wire, as Wireshark counts them

    friend bool operator==(const FlowCount&, const FlowCount&) = default;
};

// One conversation: A is the source of its first packet, B that packet's destination.
struct Conversation {
    StatAddress addressA, addressB;
    std::uint16_t portA = 0, portB = 0;
    std::uint32_t stream = 0;  // TCP stream index: a reused port pair is a new conversation
    FlowCount aToB, bToA;
    RelativeTime start, stop;  // earliest and latest packet, relative to the first frame

    std::uint64_t frames() const { return aToB.frames + bToA.frames; }
    std::uint64_t bytes() const { return aToB.bytes + bToA.bytes; }
};

// Conversations of one kind, in the order they were first seen; one hash lookup per packet,
// an allocation only for a new conversation.
class ConversationTable {
public:
    void add(const StatAddress& src, const StatAddress& dst, std::uint16_t srcPort, std::uint16_t dstPort,
             std::uint32_t stream, std::uint64_t bytes, const RelativeTime& when);

    std::span<const Conversation> conversations() const { return m_rows; }
    std::size_t size() const { return m_rows.size(); }
    // Row indices in tshark's order: most frames first, ties in the order first seen.
    std::vector<std::size_t> tsharkOrder() const;
    void clear();

private:
    // Both directions share one key: the lower (address, port) end first.
    struct Key {
        StatAddress low, high;
        std::uint16_t lowPort = 0, highPort = 0;
        std::uint32_t stream = 0;
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const;
    };

    std::vector<Conversation> m_rows;
    std::unordered_map<Key, std::uint32_t, KeyHash> m_index;
};

}  // namespace rcvmon
