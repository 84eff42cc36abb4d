// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stats/stat_address.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <unordered_map>

namespace rcvmon {

struct AddressTap;

// Numbers TCP connections as Wireshark's tcp.stream does, so that a port pair reused by a
// new connection (a SYN with a different initial sequence number) is a new conversation.
// The rule is the dissector's (tcp_conversations.cpp): each direction remembers its base
// sequence number (the SYN's, or one less than the first seen mid-connection).
class TcpStreamIndex {
public:
    std::uint32_t streamOf(const AddressTap& tap);
    void clear();

private:
    struct Key {
        StatAddress low, high;
        std::uint16_t lowPort = 0, highPort = 0;
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const;
    };
    struct State {
        std::uint32_t stream = 0;
        std::array<std::uint32_t, 2> base{};
        std::array<bool, 2> baseKnown{};
    };

    std::unordered_map<Key, State, KeyHash> m_streams;
    std::uint32_t m_next = 0;
};

}  // namespace rcvmon
