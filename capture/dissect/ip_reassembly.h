// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace rcvmon {

// IPv4 (RFC 791) and IPv6 (RFC 8200 §4.5) fragment reassembly, as Wireshark does it by
// default: the payload is handed on in the frame whose fragment completes the datagram.
// Memory is bounded: at most kMaxDatagrams pending datagrams and kMaxBytes buffered in all;
// the oldest pending datagram is dropped first.
class IpReassembler {
public:
    struct Key {
        std::uint8_t family = 0;  // 4 or 6
        std::uint8_t protocol = 0;
        std::uint32_t id = 0;
        std::array<std::uint8_t, 16> src{}, dst{};
        friend bool operator==(const Key&, const Key&) = default;
    };

    static constexpr std::size_t kMaxDatagrams = 256;
    static constexpr std::size_t kMaxBytes = 8u << 20;
    static constexpr std::size_t kMaxDatagramSize = 65535 + 8;

    // Adds one fragment (its payload at byte `offset` of the datagram). When it completes the
    // datagram, returns the reassembled payload, valid until the next call.
    std::optional<ByteSpan> add(const Key& key, std::uint32_t offset, bool more, ByteSpan data);
    void clear();
    std::size_t pendingDatagrams() const { return m_pending.size(); }
    std::size_t bufferedBytes() const { return m_bytes; }

private:
    struct Range {
        std::uint32_t begin, end;
    };
    struct Datagram {
        Key key;
        std::vector<std::uint8_t> bytes;
        std::vector<Range> have;  // sorted, merged
        std::uint32_t total = 0;
        bool totalKnown = false;
        std::uint64_t age = 0;
    };
    void evictOldest();

    std::vector<Datagram> m_pending;
    std::vector<std::uint8_t> m_completed;
    std::size_t m_bytes = 0;
    std::uint64_t m_clock = 0;
};

}  // namespace rcvmon
