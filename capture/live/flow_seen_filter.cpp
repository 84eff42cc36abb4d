// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/flow_seen_filter.h"

#include <bit>

namespace rcvmon {

FlowSeenFilter::FlowSeenFilter(std::size_t slots, std::uint64_t resubmitAfterMs)
    : m_slots(std::bit_ceil(slots < 1 ? std::size_t{1} : slots)), m_resubmitAfterMs(resubmitAfterMs)
{
    m_mask = m_slots.size() - 1;
}

bool FlowSeenFilter::shouldSubmit(const FlowKey& key, std::uint64_t nowMs) noexcept
{
    const std::uint64_t hash = FlowKeyHash{}(key);
    Slot& slot = m_slots[hash & m_mask];
    if (slot.used && slot.hash == hash && nowMs - slot.passedAtMs < m_resubmitAfterMs) return false;
    slot = {hash, nowMs, true};
    return true;
}

}  // namespace rcvmon
