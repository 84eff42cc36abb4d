// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/flow_table.h"

#include <algorithm>
#include <cstring>

namespace rcvmon {

ConversationKey makeFlowKey(std::uint8_t family, const std::array<std::uint8_t, 16>& src, std::uint16_t srcPort,
                    const std::array<std::uint8_t, 16>& dst, std::uint16_t dstPort, bool& forward)
{
    // Wireshark orders a conversation's endpoints by address, then by port when they are equal.
    const int byAddress = std::memcmp(src.data(), dst.data(), src.size());
    forward = byAddress != 0 ? byAddress < 0 : srcPort <= dstPort;
    const auto& lo = forward ? src : dst;
    const auto& hi = forward ? dst : src;
    const std::uint16_t loPort = forward ? srcPort : dstPort;
    const std::uint16_t hiPort = forward ? dstPort : srcPort;
    ConversationKey key;
    key.bytes[0] = family;
    std::copy(lo.begin(), lo.end(), key.bytes.begin() + 1);
    std::copy(hi.begin(), hi.end(), key.bytes.begin() + 17);
    key.bytes[33] = static_cast<std::uint8_t>(loPort >> 8);
    key.bytes[34] = static_cast<std::uint8_t>(loPort);
    key.bytes[35] = static_cast<std::uint8_t>(hiPort >> 8);
    key.bytes[36] = static_cast<std::uint8_t>(hiPort);
    return key;
}

FlowIndex::FlowIndex(std::uint32_t maxEntries) : m_maxEntries(maxEntries) {}

std::size_t FlowIndex::slotsFor(std::uint32_t entries)
{
    std::size_t n = 1024;
    while (n < std::size_t{entries} * 2) n *= 2;
    return n;
}

std::size_t FlowIndex::boundBytes(std::uint32_t maxEntries) { return slotsFor(maxEntries) * sizeof(Slot); }

std::uint64_t FlowIndex::hash(const ConversationKey& key)
{
    // Eight bytes at a time (a byte-wise FNV-1a cost more than the rest of a lookup): the
    // family byte and both addresses as four words, the ports as the fifth, then a final mix.
    const std::uint8_t* b = key.bytes.data();
    std::uint64_t w[4];
    std::memcpy(w, b + 1, sizeof w);
    std::uint64_t h = b[0] | std::uint64_t{b[33]} << 8 | std::uint64_t{b[34]} << 16 | std::uint64_t{b[35]} << 24 |
                      std::uint64_t{b[36]} << 32;
    for (const std::uint64_t x : w) h = (h ^ x) * 0x9e3779b97f4a7c15ull;
    h = (h ^ (h >> 32)) * 0xd6e8feb86659fd93ull;
    h ^= h >> 29;
    return h;
}

std::uint32_t FlowIndex::find(const ConversationKey& key) const
{
    if (m_slots.empty()) return kNone;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
        const Slot& s = m_slots[i];
        if (s.value == kNone) return kNone;
        if (s.key == key) return s.value;
    }
}

void FlowIndex::prefetch(const ConversationKey& key) const
{
#if defined(__GNUC__) || defined(__clang__)
    if (m_slots.empty()) return;
    const Slot* s = &m_slots[hash(key) & (m_slots.size() - 1)];
    // A 44-byte slot may straddle two cache lines.
    __builtin_prefetch(s);
    __builtin_prefetch(reinterpret_cast<const char*>(s) + sizeof(Slot) - 1);
#else
    (void)key;
#endif
}

void FlowIndex::set(const ConversationKey& key, std::uint32_t value)
{
    if (m_slots.empty() || (m_size + 1) * 2 > m_slots.size()) grow();
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
        Slot& s = m_slots[i];
        if (s.value == kNone) {
            s.key = key;
            s.value = value;
            ++m_size;
            if (m_takenCount < kTrackedSlots) m_taken[m_takenCount] = static_cast<std::uint32_t>(i);
            m_takenCount = std::min(m_takenCount + 1, kTrackedSlots + 1);
            return;
        }
        if (s.key == key) {
            s.value = value;
            return;
        }
    }
}

void FlowIndex::grow()
{
    const std::size_t limit = slotsFor(m_maxEntries);
    const std::size_t next = m_slots.empty() ? 1024 : std::min(m_slots.size() * 2, limit);
    if (next == m_slots.size()) return;  // at the bound: the owner keeps size() below maxEntries
    decltype(m_slots) old;
    old.swap(m_slots);
    m_slots.assign(next, Slot{});
    // Past the first growth the table holds hundreds of keys: too many to list, clear() sweeps.
    m_takenCount = m_size > 0 ? kTrackedSlots + 1 : 0;
    // Every key is distinct: each goes to the first empty slot of its probe sequence.
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& s : old) {
        if (s.value == kNone) continue;
        std::size_t i = hash(s.key) & mask;
        while (m_slots[i].value != kNone) i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

void FlowIndex::clear()
{
    if (m_takenCount <= kTrackedSlots) {
        for (std::uint32_t k = 0; k < m_takenCount; ++k) m_slots[m_taken[k]] = Slot{};
    } else {
        std::fill(m_slots.begin(), m_slots.end(), Slot{});
    }
    m_size = 0;
    m_takenCount = 0;
}

}  // namespace rcvmon
