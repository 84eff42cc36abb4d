// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "stats/conversation_table.h"
#include "stats/stat_address.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace rcvmon {

// One endpoint: an address (with its port for TCP and UDP), what it sent and received,
// and when it was first and last seen.
struct Endpoint {
    StatAddress address;
    std::uint16_t port = 0;
    FlowCount tx, rx;
    RelativeTime start, stop;  // earliest and latest packet, relative to the first frame

    std::uint64_t frames() const { return tx.frames + rx.frames; }
    std::uint64_t bytes() const { return tx.bytes + rx.bytes; }
};

// Endpoints of one kind in the order first seen. A packet counts once for its source (tx)
// and once for its destination (rx), so a frame sent to itself counts twice, as in Wireshark.
class EndpointTable {
public:
    void add(const StatAddress& address, std::uint16_t port, bool sender, std::uint64_t bytes,
             const RelativeTime& when);

    std::span<const Endpoint> endpoints() const { return m_rows; }
    std::size_t size() const { return m_rows.size(); }
    // Row indices in tshark's order: most frames first, ties in the order first seen.
    std::vector<std::size_t> tsharkOrder() const;
    void clear();

private:
    struct Key {
        StatAddress address;
        std::uint16_t port = 0;
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const { return mixHash(k.address.hash(), k.port); }
    };

    std::vector<Endpoint> m_rows;
    std::unordered_map<Key, std::uint32_t, KeyHash> m_index;
};

}  // namespace rcvmon
