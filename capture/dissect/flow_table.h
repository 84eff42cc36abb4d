// SPDX-License-Identifier: GPL-2.0-or-later
// Conversation lookup for TCP and UDP: one direction-independent key per address/port pair
// (Wireshark's conversation table) and a flat open-addressing index from key to a slot number.
// The index never allocates per packet: it doubles when half full, up to the capacity the
// owner gives it, so its memory is bounded by that capacity.
#pragma once

#include "core/prefaulting_allocator.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace rcvmon {

struct ConversationKey {
    std::array<std::uint8_t, 37> bytes{};  // family, lower address, higher address, their ports
    friend bool operator==(const ConversationKey&, const ConversationKey&) = default;
};

// The key of the pair (src, dst) whichever way the packet goes; `forward` is true when src
// is the lower endpoint (the conversation's first direction).
ConversationKey makeFlowKey(std::uint8_t family, const std::array<std::uint8_t, 16>& src, std::uint16_t srcPort,
                    const std::array<std::uint8_t, 16>& dst, std::uint16_t dstPort, bool& forward);

class FlowIndex {
public:
    static constexpr std::uint32_t kNone = 0xffffffffu;

    // maxEntries: the owner's capacity; the slot array never exceeds 2 × maxEntries rounded up.
    explicit FlowIndex(std::uint32_t maxEntries);

    std::uint32_t find(const ConversationKey& key) const;
    // Starts loading key's first slot into the cache, for a find() a little later (the index
    // outgrows the caches: a lookup is one wait for memory unless it was asked for early).
    void prefetch(const ConversationKey& key) const;
    // Adds or replaces key's value. The owner keeps size() below maxEntries.
    void set(const ConversationKey& key, std::uint32_t value);
    std::uint32_t size() const { return m_size; }
    void clear();
    std::size_t memoryBytes() const { return m_slots.capacity() * sizeof(Slot); }
    // The most memoryBytes() can reach for maxEntries.
    static std::size_t boundBytes(std::uint32_t maxEntries);

private:
    struct Slot {
        ConversationKey key;
        std::uint32_t value = kNone;  // kNone: empty
    };
    static std::uint64_t hash(const ConversationKey& key);
    static std::size_t slotsFor(std::uint32_t entries);
    void grow();

    // The slots taken since the last clear, while they are few: the window dissects single rows
    // with a fresh state, and clearing those few slots beats sweeping the whole table each row.
    static constexpr std::uint32_t kTrackedSlots = 32;

    std::vector<Slot, PrefaultingAllocator<Slot>> m_slots;
    std::uint32_t m_size = 0;
    std::uint32_t m_maxEntries;
    std::array<std::uint32_t, kTrackedSlots> m_taken{};
    std::uint32_t m_takenCount = 0;  // past kTrackedSlots: too many to list, clear() sweeps
};

}  // namespace rcvmon
