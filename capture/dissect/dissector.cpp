// SPDX-License-Identifier: GPL-2.0-or-later
#include "dissect/dissector.h"

#include "core/link_type.h"
#include "dissect/flow_prefetch.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/wan_links.h"

namespace rcvmon {

FieldId frameInterfaceNameField();  // protocols/frame_interface.cpp
FieldId frameCommentField();        // protocols/frame_comment.cpp
FieldId frameCommentExpertField();  // protocols/frame_comment.cpp

void dissectRawIpv4(DissectContext& ctx, const Payload& p);  // protocols/raw_ip.cpp

// A frame (or a capture header's payload, PKTAP) by its LINKTYPE_*; false: unknown, shown as data.
bool dissectLinkType(DissectContext& ctx, std::uint32_t linkType, const Payload& p)
{
    switch (linkType) {
    case link_type::Ethernet: dissectEthernet(ctx, p); break;
    case link_type::Raw:
    case link_type::RawLegacy12:
    case link_type::RawLegacy14: dissectRawIp(ctx, p); break;
    // LINKTYPE_IPV4/IPV6 name their protocol; only LINKTYPE_RAW goes by the version nibble.
    case link_type::Ipv4: dissectRawIpv4(ctx, p); break;
    case link_type::Ipv6: dissectIpv6(ctx, p); break;
    case link_type::LinuxSll: dissectLinuxSll(ctx, p); break;
    case link_type::LinuxSll2: dissectLinuxSll2(ctx, p); break;
    case link_type::Null: dissectNullLoopback(ctx, p, false); break;
    case link_type::Loop: dissectNullLoopback(ctx, p, true); break;
    case link_type::Ppp:
    case link_type::PppSerial: dissectPppLink(ctx, p); break;
    case link_type::CiscoHdlc: dissectCiscoHdlc(ctx, p); break;
    case link_type::FrameRelay: dissectFrameRelay(ctx, p); break;
    default:
        // Link types a protocol file registered (r.linkType); new ones need no case here.
        for (const DispatchEntry& e : ProtocolTables::find(protocolTables().linkTypes, linkType))
            if (e.dissector(ctx, p)) return true;
        // Unknown link type: the frame is kept and shown as raw data.
        ctx.setProtocol("Data");
        ctx.setInfo(InfoKind::Raw, 0);
        dissectData(ctx, p);
        return false;
    }
    return true;
}

void Dissector::dissect(const FrameRef& frame, std::uint64_t frameNumber, Dissection& out)
{
    // Its index slot was asked for a frame ago (prefetch()): the conversation now; else the slot.
    if (!m_prefetched || !prefetchConversationRecord(m_tcp, frame.data))
        prefetchConversation(m_tcp, m_udp, frame.linkType, frame.data);
    out.beginFrame(frame, frameNumber);
    // frame.interface_name when the capture names the frame's interface (tshark leaves it out otherwise).
    if (m_interfaceNames)
        if (const std::string_view name = m_interfaceNames(frame.interfaceId); !name.empty())
            out.addTextField(frameInterfaceNameField(), 0, 0, 0, name);
    if (m_frameComments) {
        m_frameComments(frameNumber, m_comments);
        for (const std::string_view comment : m_comments) {
            out.addTextField(frameCommentField(), 0, 0, 0, comment);
            out.addField(frameCommentExpertField(), 0, 0, 0, 0);  // its expert item, as Wireshark's
        }
    }
    DissectContext ctx(out);
    ctx.reassembler = m_options.reassemble ? &m_reassembler : nullptr;
    ctx.tcp = &m_tcp;
    ctx.quic = &m_quic;
    ctx.states = m_states;
    ctx.expected = &m_expected;
    ctx.pduPrefixes = &m_pduPrefixes;
    ctx.udp = &m_udp;
    ctx.timeNs = frame.ts.totalNanoseconds();
    ctx.desegment = m_options.reassemble;
    ctx.frameNumber = frameNumber;
    // Never trust capturedLength beyond the bytes actually handed over.
    ByteSpan data = frame.data;
    if (frame.capturedLength < data.size()) data = data.first(frame.capturedLength);
    const Payload p{data, frame.originalLength > data.size() ? frame.originalLength : data.size(), 0};
    dissectLinkType(ctx, frame.linkType, p);
}

void Dissector::prefetch(const FrameRef& next)
{
    prefetchConversationAhead(m_tcp, m_udp, next.linkType, next.data);
    m_prefetched = next.data.data();
}

void Dissector::reset()
{
    m_prefetched = nullptr;
    m_reassembler.clear();
    m_tcp.clear();
    m_quic.clear();
    for (const auto& state : m_states) state->clear();
    m_expected.clear();
    m_pduPrefixes.clear();
    m_udp.clear();
}

}  // namespace rcvmon
