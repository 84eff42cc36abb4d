// SPDX-License-Identifier: GPL-2.0-or-later
#include "stream_chain_index.h"

#include "dissection_digest.h"

#include "dissect/field_registry.h"

#include <limits>
#include <string_view>

namespace rcvmon {

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

std::uint64_t bytesHash(ByteSpan bytes)
{
    std::uint64_t h = bytes.size();
    for (std::uint8_t b : bytes) h = mix(h, b);
    return h;
}

// Key kinds in the top bits, so a TCP stream, a UDP stream and an address pair never meet.
constexpr std::uint64_t TcpKind = 1ull << 62, UdpKind = 2ull << 62, PairKind = 3ull << 62;

}  // namespace

StreamChainIndex::StreamChainIndex(QObject* parent) : StorePass(parent)
{
    m_tcpStream = findField("tcp.stream").value_or(0);
    m_udpStream = findField("udp.stream").value_or(0);
}

void StreamChainIndex::begin()
{
    m_dissector.reset();
    m_entries.clear();
    m_chains.clear();
    m_starts.clear();
    m_base = nextNumber();
}

StreamChainIndex::StreamIds StreamChainIndex::streamsOfChainAt(std::uint64_t first) const
{
    const auto it = m_starts.find(first);
    return it == m_starts.end() ? StreamIds{} : it->second;
}

void StreamChainIndex::forgetBefore(std::uint64_t number)
{
    while (!m_entries.empty() && m_base < number) {
        m_entries.pop_front();
        m_starts.erase(m_base);
        ++m_base;
    }
    if (m_entries.empty() && m_base < number) m_base = std::min(number, nextNumber());
}

std::size_t StreamChainIndex::memoryBytes() const
{
    return m_entries.size() * sizeof(Entry) + m_chains.size() * (sizeof(Chain) + 2 * sizeof(void*) + 8) +
           m_starts.size() * (sizeof(StreamIds) + 2 * sizeof(void*) + 8);
}

// The frame's chain: the innermost TCP stream it belongs to, else the innermost UDP stream,
// else its Source/Destination address pair (ICMP echo, ARP, fragments), in either direction.
std::uint64_t StreamChainIndex::chainKey(std::uint64_t, StreamIds& ids) const
{
    for (const FieldRecord& f : m_dissection.fields()) {
        if (f.id == m_tcpStream && m_tcpStream != 0) ids.tcp = static_cast<std::uint32_t>(f.number);
        else if (f.id == m_udpStream && m_udpStream != 0) ids.udp = static_cast<std::uint32_t>(f.number);
    }
    if (ids.tcp != StreamIds::None) return TcpKind | ids.tcp;
    if (ids.udp != StreamIds::None) return UdpKind | ids.udp;
    std::uint64_t ends[2] = {0, 0};
    for (int side = 0; side < 2; ++side) {
        const FieldRecord* f = m_dissection.columnAddressField(side == 0);
        ends[side] = f ? bytesHash(m_dissection.valueBytes(*f)) ^ f->number : bytesHash(m_dissection.columnLinkBytes(side == 0));
    }
    const std::uint64_t lo = std::min(ends[0], ends[1]), hi = std::max(ends[0], ends[1]);
    return PairKind | (mix(lo, hi) >> 2);
}

void StreamChainIndex::visit(const FrameRef& frame, std::uint64_t number)
{
    // Frames the pass could not read keep an empty entry, so numbers stay contiguous.
    while (endIndexed() < number) m_entries.push_back({});
    if (m_entries.empty()) m_base = number;
    m_dissector.dissect(frame, number, m_dissection);
    StreamIds ids;
    const std::uint64_t key = chainKey(number, ids);
    Entry e;
    e.digest = dissectionDigest(m_dissection);
    auto [it, fresh] = m_chains.try_emplace(key);
    Chain& chain = it->second;
    const std::uint64_t distance = fresh ? 0 : number - chain.last;
    if (fresh || distance > std::numeric_limits<std::uint32_t>::max()) {
        // A new chain (or one too far back to link): replays start here.
        chain.first = number;
        chain.ids = ids;
        m_starts[number] = ids;
    } else {
        e.back = static_cast<std::uint32_t>(distance);
    }
    chain.last = number;
    m_entries.push_back(e);
}

}  // namespace rcvmon
