// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/flow_key.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rcvmon {

// Lets a capture thread hand ProcessMap each flow about once per interval instead of once per
// packet: a direct-mapped table of key hashes with the time each was last let through. Owned by
// one thread; allocates only in the constructor. A key evicted by a colliding one is simply
// submitted again (ProcessMap's worker drops repeats it has already answered).
class FlowSeenFilter {
public:
    explicit FlowSeenFilter(std::size_t slots = 4096, std::uint64_t resubmitAfterMs = 1000);

    // True when key should be submitted now: not let through within the interval.
    bool shouldSubmit(const FlowKey& key, std::uint64_t nowMs) noexcept;

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint64_t passedAtMs = 0;
        bool used = false;
    };
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::uint64_t m_resubmitAfterMs = 0;
};

}  // namespace rcvmon
