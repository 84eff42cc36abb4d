// SPDX-License-Identifier: GPL-2.0-or-later
#include "stats/tcp_stream_index.h"

#include "stats/packet_taps.h"

namespace rcvmon {

std::size_t TcpStreamIndex::KeyHash::operator()(const Key& k) const
{
    return mixHash(mixHash(k.low.hash(), k.high.hash()), (std::uint64_t{k.lowPort} << 16) | k.highPort);
}

std::uint32_t TcpStreamIndex::streamOf(const AddressTap& tap)
{
    const bool srcLow = tap.src != tap.dst ? tap.src < tap.dst : tap.srcPort <= tap.dstPort;
    Key key;
    key.low = srcLow ? tap.src : tap.dst;
    key.high = srcLow ? tap.dst : tap.src;
    key.lowPort = srcLow ? tap.srcPort : tap.dstPort;
    key.highPort = srcLow ? tap.dstPort : tap.srcPort;
    auto [it, inserted] = m_streams.try_emplace(key);
    State& s = it->second;
    if (inserted) s.stream = m_next++;
    const std::size_t me = srcLow ? 0 : 1;
    if (tap.tcpSyn && !tap.tcpHasAck && s.baseKnown[me] && s.base[me] != tap.tcpSeq) {
        s = State{};
        s.stream = m_next++;
    }
    if (!s.baseKnown[me]) {
        s.base[me] = tap.tcpSyn ? tap.tcpSeq : tap.tcpSeq - 1;
        s.baseKnown[me] = true;
    }
    if (tap.tcpHasAck && !s.baseKnown[1 - me]) {
        s.base[1 - me] = tap.tcpAck - 1;
        s.baseKnown[1 - me] = true;
    }
    return s.stream;
}

void TcpStreamIndex::clear()
{
    m_streams.clear();
    m_next = 0;
}

}  // namespace rcvmon
