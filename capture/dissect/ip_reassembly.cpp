// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/ip_reassembly.h"

#include <algorithm>
#include <cstring>

namespace rcvmon {

std::optional<ByteSpan> IpReassembler::add(const Key& key, std::uint32_t offset, bool more, ByteSpan data)
{
    const std::size_t end = std::size_t{offset} + data.size();
    if (end > kMaxDatagramSize) return std::nullopt;  // impossible datagram: never buffered
    auto it = std::find_if(m_pending.begin(), m_pending.end(), [&](const Datagram& d) { return d.key == key; });
    if (it == m_pending.end()) {
        while (m_pending.size() >= kMaxDatagrams) evictOldest();
        m_pending.push_back(Datagram{key, {}, {}, 0, false, 0});
        it = m_pending.end() - 1;
    }
    Datagram& d = *it;
    d.age = ++m_clock;
    if (end > d.bytes.size()) {
        m_bytes += end - d.bytes.size();
        d.bytes.resize(end);
    }
    if (!data.empty()) std::memcpy(d.bytes.data() + offset, data.data(), data.size());
    if (!more) {
        d.total = static_cast<std::uint32_t>(end);
        d.totalKnown = true;
    }
    // Merge the new range into the sorted coverage list.
    Range r{offset, static_cast<std::uint32_t>(end)};
    auto pos = std::lower_bound(d.have.begin(), d.have.end(), r, [](Range a, Range b) { return a.begin < b.begin; });
    d.have.insert(pos, r);
    std::size_t w = 0;
    for (std::size_t i = 1; i < d.have.size(); ++i) {
        if (d.have[i].begin <= d.have[w].end) {
            d.have[w].end = std::max(d.have[w].end, d.have[i].end);
        } else {
            d.have[++w] = d.have[i];
        }
    }
    d.have.resize(w + 1);

    const bool complete = d.totalKnown && d.have.size() == 1 && d.have[0].begin == 0 && d.have[0].end >= d.total;
    if (!complete) {
        while (m_bytes > kMaxBytes && m_pending.size() > 1) evictOldest();
        return std::nullopt;
    }
    m_completed.assign(d.bytes.begin(), d.bytes.begin() + d.total);
    m_bytes -= d.bytes.size();
    m_pending.erase(it);
    return ByteSpan(m_completed);
}

void IpReassembler::evictOldest()
{
    auto oldest = std::min_element(m_pending.begin(), m_pending.end(),
                                   [](const Datagram& a, const Datagram& b) { return a.age < b.age; });
    if (oldest == m_pending.end()) return;
    m_bytes -= oldest->bytes.size();
    m_pending.erase(oldest);
}

void IpReassembler::clear()
{
    m_pending.clear();
    m_completed.clear();
    m_bytes = 0;
}

}  // namespace rcvmon
