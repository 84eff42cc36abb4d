// SPDX-License-Identifier: GPL-2.0-or-later
#include "follow/stream_follower.h"

#include "follow/http_follow.h"

#include "dissect/field_registry.h"

#include <algorithm>

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
    m_settled = false;
}

void FramePayloads::settleAddresses(const Dissection& d)
{
    if (m_settled || m_items.empty()) return;
    m_settled = true;
    // Taps run after the whole frame is dissected, so Wireshark's follow sees the packet's
    // final pinfo->src/dst and ports: those of the innermost IP header (Teredo's IPv6), as a
    // Mobile IPv6 home address or a type 0 routing header changed them, and of the last
    // TCP or UDP header.
    std::uint8_t family = 0;
    ByteSpan src, dst;
    std::uint64_t srcPort = 0, dstPort = 0;
    bool ports = false;
    for (const FieldRecord& f : d.fields()) {
        switch (f.id) {
        case field::IpSrc: family = 4; src = d.valueBytes(f); break;
        case field::IpDst: dst = d.valueBytes(f); break;
        case field::Ipv6Src: family = 6; src = d.valueBytes(f); break;
        case field::Ipv6Dst: dst = d.valueBytes(f); break;
        case field::Ipv6HomeAddress: src = d.valueBytes(f); break;
        case field::Ipv6RoutingSrcAddr: dst = d.valueBytes(f); break;
        case field::TcpSrcPort:
        case field::UdpSrcPort: srcPort = f.number; ports = true; break;
        case field::TcpDstPort:
        case field::UdpDstPort: dstPort = f.number; break;
        default: break;
        }
    }
    const std::size_t size = family == 6 ? 16 : 4;
    if (family == 0 || src.size() != size || dst.size() != size) return;
    for (Item& item : m_items) {
        item.payload.family = family;
        item.payload.src.fill(0);
        item.payload.dst.fill(0);
        std::copy(src.begin(), src.end(), item.payload.src.begin());
        std::copy(dst.begin(), dst.end(), item.payload.dst.begin());
        if (ports) {
            item.payload.srcPort = static_cast<std::uint16_t>(srcPort);
            item.payload.dstPort = static_cast<std::uint16_t>(dstPort);
        }
    }
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
    if (protocol == FollowProtocol::Http) {
        m_tcpStream = std::make_unique<FollowStream>();
        m_tcp = std::make_unique<TcpFollower>(*m_tcpStream);
        m_http = std::make_unique<HttpFollower>(m_stream);
    }
}

StreamFollower::~StreamFollower() = default;

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
    if (m_http) {
        // The conversation's new in-order bytes go through HTTP.
        for (; m_tcpChunksSeen < m_tcpStream->chunks.size(); ++m_tcpChunksSeen) {
            const FollowChunk& c = m_tcpStream->chunks[m_tcpChunksSeen];
            m_http->add(c, m_tcpStream->data(c));
        }
        // tshark's HTTP tap names Node 0 after the first message's sender (nothing tapped:
        // no nodes); the sides of the TCP follower follow that.
        if (!m_httpNodes && !m_stream.chunks.empty()) {
            m_httpNodes = true;
            m_httpFlip = m_stream.chunks.front().server;
            m_stream.client = m_httpFlip ? m_tcpStream->server : m_tcpStream->client;
            m_stream.server = m_httpFlip ? m_tcpStream->client : m_tcpStream->server;
        }
        for (; m_httpChunksSeen < m_stream.chunks.size(); ++m_httpChunksSeen)
            m_stream.chunks[m_httpChunksSeen].server = m_stream.chunks[m_httpChunksSeen].server != m_httpFlip;
    }
}

}  // namespace rcvmon
