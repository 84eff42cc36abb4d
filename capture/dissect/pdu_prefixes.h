// SPDX-License-Identifier: GPL-2.0-or-later
// The first bytes of application PDUs that span TCP segments, kept until the segment that
// completes each: RcvMon does not reassemble whole PDUs, but a header (HTTP's request line
// and fields) is all the completing segment needs to show what Wireshark shows there.
// Bounded: kSlots PDUs at once, kBytes each; the oldest gives way.
#pragma once

#include "core/bytes.h"

#include <array>
#include <cstdint>
#include <memory>

namespace rcvmon {

class PduPrefixes {
public:
    static constexpr std::size_t kSlots = 32;
    static constexpr std::size_t kBytes = 4096;

    // Keeps (up to kBytes of) `bytes` for the PDU of `key` (its TCP direction).
    void save(const void* key, ByteSpan bytes);
    // Adds bytes to what `key` kept, as far as there is room.
    void append(const void* key, ByteSpan bytes);
    // What `key` kept; empty when nothing.
    ByteSpan find(const void* key) const;
    void drop(const void* key);
    void clear();

private:
    struct Slot {
        const void* key = nullptr;
        std::uint32_t length = 0;
        std::array<std::uint8_t, kBytes> bytes;
    };
    Slot* slotOf(const void* key) const;
    std::unique_ptr<std::array<Slot, kSlots>> m_slots;  // allocated on first use
    std::size_t m_next = 0;
};

}  // namespace rcvmon
