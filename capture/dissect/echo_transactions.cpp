// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/echo_transactions.h"

#include <algorithm>

namespace rcvmon {

EchoTransactions::Key EchoTransactions::key(std::uint8_t family, const std::array<std::uint8_t, 16>& src,
                                            const std::array<std::uint8_t, 16>& dst, std::uint32_t checksum,
                                            std::uint32_t idSeq)
{
    Key k;
    k.family = family;
    k.a = std::min(src, dst);
    k.b = std::max(src, dst);
    k.checksum = checksum;
    k.idSeq = idSeq;
    return k;
}

std::size_t EchoTransactions::bucketOf(const Key& k)
{
    std::uint64_t h = 1469598103934665603ull ^ k.family;
    const auto mix = [&](std::uint8_t byte) { h = (h ^ byte) * 1099511628211ull; };
    for (std::uint8_t byte : k.a) mix(byte);
    for (std::uint8_t byte : k.b) mix(byte);
    h ^= (std::uint64_t{k.checksum} << 32) | k.idSeq;
    h *= 0x9e3779b97f4a7c15ull;
    return static_cast<std::size_t>(h >> 32) % kBuckets;
}

EchoTransactions::Slot* EchoTransactions::find(const Key& key)
{
    if (m_slots.empty()) return nullptr;
    Slot* bucket = &m_slots[bucketOf(key) * kWays];
    for (std::size_t i = 0; i < kWays; ++i)
        if (bucket[i].request != 0 && bucket[i].key == key) return &bucket[i];
    return nullptr;
}

void EchoTransactions::request(const Key& key, std::uint64_t frame)
{
    if (frame <= m_lastFrame) return;  // dissected again: what it did the first time stands
    m_lastFrame = frame;
    if (m_slots.empty()) m_slots.resize(kBuckets * kWays);
    // A newer request with the same key replaces the older one; else the bucket's oldest goes.
    Slot* slot = find(key);
    if (!slot) {
        Slot* bucket = &m_slots[bucketOf(key) * kWays];
        slot = std::min_element(bucket, bucket + kWays,
                                [](const Slot& x, const Slot& y) { return x.request < y.request; });
    }
    *slot = Slot{key, frame, 0};
    const auto index = static_cast<std::uint32_t>(slot - m_slots.data());
    if (m_touchedCount < kTracked) m_touched[m_touchedCount] = index;
    ++m_touchedCount;
}

std::uint64_t EchoTransactions::reply(const Key& key, std::uint64_t frame)
{
    if (frame <= m_lastFrame) {
        // Replies are kept in frame order: a binary search over the ring's two halves.
        const auto lookIn = [&](auto first, auto last) -> std::uint64_t {
            const auto it = std::lower_bound(first, last, frame,
                                             [](const auto& e, std::uint64_t f) { return e.first < f; });
            return it != last && it->first == frame ? it->second : 0;
        };
        const auto split = m_answered.begin() + static_cast<std::ptrdiff_t>(m_answeredStart);
        if (const std::uint64_t r = lookIn(split, m_answered.end())) return r;
        return lookIn(m_answered.begin(), split);
    }
    m_lastFrame = frame;
    Slot* slot = find(key);
    if (!slot || slot->response != 0) return 0;
    slot->response = frame;
    if (m_answered.size() < kAnswered) {
        if (m_answered.empty()) m_answered.reserve(kAnswered);
        m_answered.emplace_back(frame, slot->request);
    } else {
        m_answered[m_answeredStart] = {frame, slot->request};
        m_answeredStart = (m_answeredStart + 1) % kAnswered;
    }
    return slot->request;
}

void EchoTransactions::clear()
{
    // The window dissects single rows with a fresh state, a reset before each: emptying the
    // few slots written since beats sweeping the whole table (256 KiB) for every row painted.
    if (m_touchedCount <= kTracked) {
        for (std::size_t k = 0; k < m_touchedCount; ++k) m_slots[m_touched[k]] = Slot{};
    } else {
        std::fill(m_slots.begin(), m_slots.end(), Slot{});
    }
    m_touchedCount = 0;
    m_answered.clear();
    m_answeredStart = 0;
    m_lastFrame = 0;
}

}  // namespace rcvmon
