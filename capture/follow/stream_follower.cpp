// SPDX-License-Identifier: GPL-2.0-or-later
#include "follow/stream_follower.h"

namespace rcvmon {
namespace {

FollowEndpoint endpoint(std::uint8_t family, const std::array<std::uint8_t, 16>& addr, std::uint16_t port)
{
    FollowEndpoint e;
    e.address = family == 6 ? StatAddress::from(StatAddress::Family::Ipv6, ByteSpan(addr))
                            : StatAddress::from(StatAddress::Family::Ipv4, ByteSpan(addr).first(4));
    e.port = port;
    return e;
}

}  // namespace

void FramePayloads::payload(const TransportPayload& p)
{
    // The bytes go to one buffer; each item's length is up to the next item's offset.
    Item item{p, m_bytes.size()};
    item.payload.data = {};
    m_items.push_back(item);
    m_bytes.insert(m_bytes.end(), p.data.begin(), p.data.end());
}

void FramePayloads::clear()
{
    m_items.clear();
    m_bytes.clear();
}

TransportPayload FramePayloads::at(std::size_t i) const
{
    TransportPayload p = m_items[i].payload;
    const std::size_t begin = m_items[i].offset;
    const std::size_t end = i + 1 < m_items.size() ? m_items[i + 1].offset : m_bytes.size();
    p.data = ByteSpan(m_bytes).subspan(begin, end - begin);
    return p;
}

StreamFollower::StreamFollower(FollowProtocol protocol, std::string filter)
{
    m_stream.protocol = protocol;
    m_stream.filter = std::move(filter);
    if (protocol == FollowProtocol::Tcp) m_tcp = std::make_unique<TcpFollower>(m_stream);
}

void StreamFollower::addFrame(const FramePayloads& payloads, std::uint64_t frame, Timestamp ts)
{
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        const TransportPayload p = payloads.at(i);
        const FollowEndpoint src = endpoint(p.family, p.src, p.srcPort);
        const FollowEndpoint dst = endpoint(p.family, p.dst, p.dstPort);
        if (p.transport == TransportPayload::Transport::Tcp && m_tcp) {
            TcpFollowSegment s;
            s.src = src;
            s.dst = dst;
            s.seq = p.seq;
            s.length = p.segmentLength;
            s.syn = (p.flags & 0x02) != 0;
            s.ack = p.ack;
            s.data = p.data;
            s.frame = frame;
            s.ts = ts;
            m_tcp->add(s);
        } else if (p.transport == TransportPayload::Transport::Udp && m_stream.protocol == FollowProtocol::Udp) {
            const bool server = followIsServer(m_stream, src, dst);
            m_stream.append(server, frame, ts, p.data);
        }
    }
}

}  // namespace rcvmon
