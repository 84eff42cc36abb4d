// SPDX-License-Identifier: GPL-2.0-or-later
// RTCP (RFC 3550 §6) on the port after the RTP one SDP announced: each packet of a compound
// packet is its own tree item; sender and receiver reports with their report blocks, source
// descriptions, goodbyes and application packets are dissected, the other types named. Info
// lists the packet types as Wireshark does ("Sender Report   Source description   ").
#include "dissect/expected_conversations.h"
#include "dissect/field_format.h"
#include "dissect/protocols/rtp/rtp.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct RtcpFields {
    FieldId setup, setupFrame, setupMethod, version, padding, rc, sc, appSubtype, packetType, length, senderSsrc,
        ntpMsw, ntpLsw, rtpTimestamp, packetCount, octetCount, ssrc, fraction, cumulativeLost, extHigh, highCycles,
        highSeq, jitter, lsr, dlsr, sdesType, sdesLength, sdesText, sdesPrefixLength, sdesPrefix, appName, appData,
        lengthCheck;
} hf;

constexpr unsigned kSenderReport = 200, kReceiverReport = 201, kSourceDescription = 202, kGoodbye = 203,
                   kApplication = 204;

constexpr ValueName kPacketTypes[] = {
    {192, "Full Intra-frame Request (H.261)"},
    {193, "Negative Acknowledgement (H.261)"},
    {194, "SMPTE time-code mapping"},
    {195, "Extended inter-arrival jitter report"},
    {200, "Sender Report"},
    {201, "Receiver Report"},
    {202, "Source description"},
    {203, "Goodbye"},
    {204, "Application specific"},
    {205, "Generic RTP Feedback"},
    {206, "Payload-specific Feedback"},
    {207, "Extended report (RFC 3611)"},
    {208, "AVB RTCP packet (IEEE1733)"},
    {209, "Receiver Summary Information"},
    {210, "Port Mapping"},
};

constexpr ValueName kSdesTypes[] = {
    {0, "END"},
    {1, "CNAME (user and domain)"},
    {2, "NAME (common name)"},
    {3, "EMAIL (e-mail address)"},
    {4, "PHONE (phone number)"},
    {5, "LOC (geographic user location)"},
    {6, "TOOL (name of application or tool)"},
    {7, "NOTE (note about the source)"},
    {8, "PRIV (private extensions)"},
    {9, "H323-CADDR (H.323 callable address)"},
    {10, "APSI (Application Specific Identifier)"},
};

constexpr unsigned kSdesEnd = 0, kSdesPriv = 8;

// Wireshark's is_rtcp_packet_type: the types it dissects as RTCP at all.
bool isPacketType(unsigned type) { return type >= 192 && type <= 210; }

// "Sender Report   ": each packet of the compound adds its name and three spaces.
void writeInfo(const LayerView& layer, std::string& out)
{
    const std::uint64_t type = layer.number(hf.packetType);
    // Wireshark's val_to_str_const: a bare "Unknown" without the number.
    out += valueName(kPacketTypes, type, "Unknown");
    out += "   ";
    if (type == kApplication && layer.has(hf.appName)) {
        out += "( ";
        out += layer.text(hf.appName);
        out += " ) subtype=";
        appendDecimal(out, layer.number(hf.appSubtype));
    }
}

void writeVersionInfo(const LayerView& layer, std::string& out)
{
    out += "Unknown RTCP version ";
    appendDecimal(out, layer.number(hf.version));
}

void dissectReportBlocks(LayerCursor& c, unsigned count, std::size_t end)
{
    for (unsigned i = 0; i < count && c.ok() && c.pos() + 24 <= end; ++i) {
        c.u32(hf.ssrc);
        c.u8(hf.fraction);
        c.u24(hf.cumulativeLost);
        const std::uint32_t extHigh = c.u32(hf.extHigh);
        c.add(hf.highCycles, c.pos() - 4, 2, extHigh >> 16);
        c.add(hf.highSeq, c.pos() - 2, 2, extHigh & 0xffff);
        c.u32(hf.jitter);
        c.u32(hf.lsr);
        c.u32(hf.dlsr);
    }
}

// An item's text: bounded by the packet, copied as the bytes say.
void addText(LayerCursor& c, FieldId id, std::size_t length)
{
    const ByteSpan text = c.bytes(length);
    if (!c.ok()) return;
    c.ctx().out.addTextField(id, c.layer(), c.absolute(c.pos() - length), static_cast<std::uint32_t>(length),
                             std::string_view(reinterpret_cast<const char*>(text.data()), text.size()));
}

void dissectSourceDescription(LayerCursor& c, unsigned chunks, std::size_t end)
{
    for (unsigned i = 0; i < chunks && c.ok() && c.pos() + 4 <= end; ++i) {
        c.u32(hf.ssrc);
        while (c.ok() && c.pos() < end) {
            const std::uint8_t type = c.u8(hf.sdesType);
            if (type == kSdesEnd) break;
            const std::uint8_t length = c.u8(hf.sdesLength);
            if (type == kSdesPriv && length > 0) {
                const std::uint8_t prefix = c.u8(hf.sdesPrefixLength);
                addText(c, hf.sdesPrefix, prefix);
                if (prefix + 1u <= length) addText(c, hf.sdesText, length - 1u - prefix);
                continue;
            }
            addText(c, hf.sdesText, length);
        }
        // Chunks start on 32-bit boundaries.
        while (c.ok() && c.pos() < end && (c.pos() % 4) != 0) c.skip(1);
    }
}

void dissectGoodbye(LayerCursor& c, unsigned sources, std::size_t end)
{
    for (unsigned i = 0; i < sources && c.ok() && c.pos() + 4 <= end; ++i) c.u32(hf.ssrc);
    if (!c.ok() || c.pos() >= end) return;
    const std::uint8_t length = c.u8(hf.sdesLength);
    addText(c, hf.sdesText, length);
}

void dissectApplication(LayerCursor& c, std::size_t end)
{
    c.u32(hf.ssrc);
    addText(c, hf.appName, 4);
    if (c.ok() && c.pos() < end) addText(c, hf.appData, end - c.pos());
}

// One packet of the compound at `p`; its length in bytes, 0 when the dissection stops here.
std::size_t dissectPacket(DissectContext& ctx, const Payload& p, const ExpectedConversation& stream, bool firstPacket,
                          bool lastPacket)
{
    const unsigned type = p.data.size() > 1 ? p.data[1] : 0;
    // The tree item names the packet type: "Real-time Transport Control Protocol (Sender Report)".
    static constexpr std::string_view kTitles[] = {
        "Real-time Transport Control Protocol (Full Intra-frame Request (H.261))",
        "Real-time Transport Control Protocol (Negative Acknowledgement (H.261))",
        "Real-time Transport Control Protocol (SMPTE time-code mapping)",
        "Real-time Transport Control Protocol (Extended inter-arrival jitter report)",
        "Real-time Transport Control Protocol (Unknown)",
        "Real-time Transport Control Protocol (Unknown)",
        "Real-time Transport Control Protocol (Unknown)",
        "Real-time Transport Control Protocol (Unknown)",
        "Real-time Transport Control Protocol (Sender Report)",
        "Real-time Transport Control Protocol (Receiver Report)",
        "Real-time Transport Control Protocol (Source description)",
        "Real-time Transport Control Protocol (Goodbye)",
        "Real-time Transport Control Protocol (Application specific)",
        "Real-time Transport Control Protocol (Generic RTP Feedback)",
        "Real-time Transport Control Protocol (Payload-specific Feedback)",
        "Real-time Transport Control Protocol (Extended report (RFC 3611))",
        "Real-time Transport Control Protocol (AVB RTCP packet (IEEE1733))",
        "Real-time Transport Control Protocol (Receiver Summary Information)",
        "Real-time Transport Control Protocol (Port Mapping)",
    };
    LayerCursor c(ctx, isPacketType(type) ? kTitles[type - 192] : "Real-time Transport Control Protocol", "rtcp", p.data,
                  p.at, p.reported);
    if (!firstPacket) c.unlisted();  // frame.protocols names RTCP once per datagram
    addStreamSetup(c, stream, hf.setup, hf.setupFrame, hf.setupMethod);
    const std::uint8_t first = c.u8();
    c.add(hf.version, 0, 1, first >> 6);
    c.add(hf.padding, 0, 1, (first >> 5) & 1);
    const unsigned count = first & 0x1f;
    const FieldId countField = type == kSourceDescription || type == kGoodbye ? hf.sc
                               : type == kApplication                        ? hf.appSubtype
                                                                             : hf.rc;
    c.add(countField, 0, 1, count);
    c.u8(hf.packetType);
    const std::uint16_t words = c.u16();
    if (!c.ok()) return 0;
    c.add(hf.length, 2, 2, words);
    if (firstPacket) {
        ctx.setInfo(writeInfo, c.layer());
    } else {
        ctx.appendInfo(writeInfo, c.layer(), "");
    }
    const std::size_t length = (std::size_t{words} + 1) * 4;
    c.setLength(length < c.size() ? length : c.size());
    if (length < 4 || !c.need(length - 4)) return 0;
    switch (type) {
    case kSenderReport:
        c.u32(hf.senderSsrc);
        c.u32(hf.ntpMsw);
        c.u32(hf.ntpLsw);
        c.u32(hf.rtpTimestamp);
        c.u32(hf.packetCount);
        c.u32(hf.octetCount);
        dissectReportBlocks(c, count, length);
        break;
    case kReceiverReport:
        c.u32(hf.senderSsrc);
        dissectReportBlocks(c, count, length);
        break;
    case kSourceDescription: dissectSourceDescription(c, count, length); break;
    case kGoodbye: dissectGoodbye(c, count, length); break;
    case kApplication: dissectApplication(c, length); break;
    default: break;
    }
    if (!c.ok()) return 0;
    // The compound's lengths add up to the datagram's.
    if (lastPacket && length == p.data.size()) ctx.out.addField(hf.lengthCheck, c.layer(), c.absolute(0), 0, 1);
    return length;
}

}  // namespace

bool dissectRtcp(DissectContext& ctx, const Payload& p)
{
    const ExpectedConversation* stream = ctx.announced;
    if (!stream || p.data.size() < 2) return false;
    ctx.setProtocol("RTCP");
    const unsigned version = p.data[0] >> 6;
    if (version != 2) {
        LayerCursor c(ctx, "Real-time Transport Control Protocol", "rtcp", p.data, p.at, p.reported);
        c.unlisted();
        c.add(hf.version, 0, 1, version);
        ctx.setInfo(writeVersionInfo, c.layer());
        c.setLength(0);
        dissectData(ctx, p);
        return true;
    }
    // A first packet of no RTCP type: Wireshark names the column and stops.
    if (!isPacketType(p.data[1])) return true;
    std::size_t at = 0;
    for (bool first = true; at + 4 <= p.data.size(); first = false) {
        if (!first && !isPacketType(p.data[at + 1])) break;
        Payload packet;
        packet.data = p.data.subspan(at);
        packet.reported = p.reported > at ? p.reported - at : 0;
        packet.at = p.at + static_cast<std::uint32_t>(at);
        const std::size_t words = (std::size_t{p.data[at + 2]} << 8 | p.data[at + 3]);
        const bool last = at + (words + 1) * 4 >= p.data.size();
        const std::size_t length = dissectPacket(ctx, packet, *stream, first, last);
        if (length == 0) break;
        at += length;
    }
    return true;
}

void registerRtcp(ProtocolRegistrar& r)
{
    r.protocol("rtcp");
    hf.setup = r.field({"rtcp.setup", "Stream setup", FieldKind::String});
    hf.setupFrame = r.field({"rtcp.setup-frame", "Setup frame", FieldKind::Unsigned, 32});
    hf.setupMethod = r.field({"rtcp.setup-method", "Setup Method", FieldKind::String});
    hf.version = r.field({"rtcp.version", "Version", FieldKind::Unsigned, 8, kRtpVersionNames, 0xc0});
    hf.padding = r.field({"rtcp.padding", "Padding", FieldKind::Bool, 8, {}, 0x20});
    hf.rc = r.field({"rtcp.rc", "Reception report count", FieldKind::Unsigned, 8, {}, 0x1f});
    hf.sc = r.field({"rtcp.sc", "Source count", FieldKind::Unsigned, 8, {}, 0x1f});
    hf.appSubtype = r.field({"rtcp.app.subtype", "Subtype", FieldKind::Unsigned, 8, {}, 0x1f});
    hf.packetType = r.field({"rtcp.pt", "Packet type", FieldKind::Unsigned, 8, kPacketTypes});
    hf.length = r.field({"rtcp.length", "Length", FieldKind::Unsigned, 16});
    hf.senderSsrc = r.field({"rtcp.senderssrc", "Sender SSRC", FieldKind::Hex, 32});
    hf.ntpMsw = r.field({"rtcp.timestamp.ntp.msw", "Timestamp, MSW", FieldKind::Unsigned, 32});
    hf.ntpLsw = r.field({"rtcp.timestamp.ntp.lsw", "Timestamp, LSW", FieldKind::Unsigned, 32});
    hf.rtpTimestamp = r.field({"rtcp.timestamp.rtp", "RTP timestamp", FieldKind::Unsigned, 32});
    hf.packetCount = r.field({"rtcp.sender.packetcount", "Sender's packet count", FieldKind::Unsigned, 32});
    hf.octetCount = r.field({"rtcp.sender.octetcount", "Sender's octet count", FieldKind::Unsigned, 32});
    hf.ssrc = r.field({"rtcp.ssrc.identifier", "Identifier", FieldKind::Hex, 32});
    hf.fraction = r.field({"rtcp.ssrc.fraction", "Fraction lost", FieldKind::Unsigned, 8});
    hf.cumulativeLost = r.field({"rtcp.ssrc.cum_nr", "Cumulative number of packets lost", FieldKind::Unsigned, 24});
    hf.extHigh = r.field({"rtcp.ssrc.ext_high", "Extended highest sequence number received", FieldKind::Unsigned, 32});
    hf.highCycles = r.field({"rtcp.ssrc.high_cycles", "Sequence number cycles count", FieldKind::Unsigned, 16});
    hf.highSeq = r.field({"rtcp.ssrc.high_seq", "Highest sequence number received", FieldKind::Unsigned, 16});
    hf.jitter = r.field({"rtcp.ssrc.jitter", "Interarrival jitter", FieldKind::Unsigned, 32});
    hf.lsr = r.field({"rtcp.ssrc.lsr", "Last SR timestamp", FieldKind::Unsigned, 32});
    hf.dlsr = r.field({"rtcp.ssrc.dlsr", "Delay since last SR timestamp", FieldKind::Unsigned, 32});
    hf.sdesType = r.field({"rtcp.sdes.type", "Type", FieldKind::Unsigned, 8, kSdesTypes});
    hf.sdesLength = r.field({"rtcp.sdes.length", "Length", FieldKind::Unsigned, 32});
    hf.sdesText = r.field({"rtcp.sdes.text", "Text", FieldKind::String});
    hf.sdesPrefixLength = r.field({"rtcp.sdes.prefix.length", "Prefix length", FieldKind::Unsigned, 8});
    hf.sdesPrefix = r.field({"rtcp.sdes.prefix.string", "Prefix string", FieldKind::String});
    hf.appName = r.field({"rtcp.app.name", "Name (ASCII)", FieldKind::String});
    hf.appData = r.field({"rtcp.app.data_str", "Application specific data", FieldKind::String});
    hf.lengthCheck = r.field({"rtcp.length_check", "RTCP frame length check", FieldKind::Bool, 8});
}

}  // namespace rcvmon
