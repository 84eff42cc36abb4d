// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/dissector.h"

#include "core/link_type.h"
#include "dissect/protocols/context.h"

namespace rcvmon {

void Dissector::dissect(const FrameRef& frame, std::uint64_t frameNumber, Dissection& out)
{
    out.beginFrame(frame, frameNumber);
    DissectContext ctx(out);
    ctx.reassembler = m_options.reassemble ? &m_reassembler : nullptr;
    ctx.tcp = &m_tcp;
    ctx.quic = &m_quic;
    ctx.udp = &m_udp;
    ctx.timeNs = frame.ts.totalNanoseconds();
    ctx.desegment = m_options.reassemble;
    ctx.frameNumber = frameNumber;
    // Never trust capturedLength beyond the bytes actually handed over.
    ByteSpan data = frame.data;
    if (frame.capturedLength < data.size()) data = data.first(frame.capturedLength);
    const Payload p{data, frame.originalLength > data.size() ? frame.originalLength : data.size(), 0};
    switch (frame.linkType) {
    case link_type::Ethernet: dissectEthernet(ctx, p); break;
    case link_type::Raw:
    case link_type::RawLegacy12:
    case link_type::RawLegacy14:
    case link_type::Ipv4:
    case link_type::Ipv6: dissectRawIp(ctx, p); break;
    case link_type::LinuxSll: dissectLinuxSll(ctx, p); break;
    case link_type::LinuxSll2: dissectLinuxSll2(ctx, p); break;
    case link_type::Null: dissectNullLoopback(ctx, p, false); break;
    case link_type::Loop: dissectNullLoopback(ctx, p, true); break;
    default:
        // Unknown link type: the frame is kept and shown as raw data.
        ctx.setProtocol("Data");
        ctx.setInfo(InfoKind::Raw, 0);
        dissectData(ctx, p);
        break;
    }
}

void Dissector::reset()
{
    m_reassembler.clear();
    m_tcp.clear();
    m_quic.clear();
    m_udp.clear();
}

}  // namespace rcvmon
