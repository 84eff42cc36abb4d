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

std::size_t EchoTransactions::KeyHash::operator()(const Key& k) const
{
    std::uint64_t h = 1469598103934665603ull ^ k.family;
    const auto mix = [&](std::uint8_t byte) { h = (h ^ byte) * 1099511628211ull; };
    for (std::uint8_t byte : k.a) mix(byte);
    for (std::uint8_t byte : k.b) mix(byte);
    h ^= (std::uint64_t{k.checksum} << 32) | k.idSeq;
    h *= 0x9e3779b97f4a7c15ull;
    return static_cast<std::size_t>(h ^ (h >> 29));
}

void EchoTransactions::request(const Key& key, std::uint64_t frame)
{
    if (frame <= m_lastFrame) return;  // dissected again: what it did the first time stands
    m_lastFrame = frame;
    if (m_pending.size() >= kMaxEntries) m_pending.clear();
    m_pending[key] = Entry{frame, 0};  // a newer request with the same key replaces the older
}

std::uint64_t EchoTransactions::reply(const Key& key, std::uint64_t frame)
{
    if (frame <= m_lastFrame) {
        const auto it = m_answered.find(frame);
        return it == m_answered.end() ? 0 : it->second;
    }
    m_lastFrame = frame;
    const auto it = m_pending.find(key);
    if (it == m_pending.end() || it->second.response != 0) return 0;
    it->second.response = frame;
    if (m_answered.size() >= kMaxEntries) m_answered.clear();
    m_answered.emplace(frame, it->second.request);
    return it->second.request;
}

void EchoTransactions::clear()
{
    m_pending.clear();
    m_answered.clear();
    m_lastFrame = 0;
}

}  // namespace rcvmon
