// SPDX-License-Identifier: GPL-2.0-or-later
// T.125 (ITU-T T.125, MCS) inside COTP data on RDP connections: the PER-encoded domain PDUs
// (erect domain, attach user, channel join, send data), whose names Wireshark writes in Info,
// and the BER Connect-Initial / Connect-Response that carry RDP's GCC client and server data
// (T.124). Send data hands its user data to RDP (rdp.cpp).
#include "dissect/protocols/tpkt/tpkt.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct T125Fields {
    FieldId domainPdu, initiator, requested, channelId, dataPriority;
} hf;

constexpr std::uint8_t kChannelJoinRequest = 14, kChannelJoinConfirm = 15, kSendDataRequest = 25,
                       kSendDataIndication = 26, kUniformSendDataIndication = 28;

constexpr ValueName kDomainPdus[] = {
    {0, "plumbDomainIndication"}, {1, "erectDomainRequest"}, {2, "mergeChannelsRequest"},
    {3, "mergeChannelsConfirm"}, {4, "purgeChannelsIndication"}, {5, "mergeTokensRequest"},
    {6, "mergeTokensConfirm"}, {7, "purgeTokensIndication"}, {8, "disconnectProviderUltimatum"},
    {9, "rejectMCSPDUUltimatum"}, {10, "attachUserRequest"}, {11, "attachUserConfirm"},
    {12, "detachUserRequest"}, {13, "detachUserIndication"}, {14, "channelJoinRequest"},
    {15, "channelJoinConfirm"}, {16, "channelLeaveRequest"}, {17, "channelConveneRequest"},
    {18, "channelConveneConfirm"}, {19, "channelDisbandRequest"}, {20, "channelDisbandIndication"},
    {21, "channelAdmitRequest"}, {22, "channelAdmitIndication"}, {23, "channelExpelRequest"},
    {24, "channelExpelIndication"}, {25, "sendDataRequest"}, {26, "sendDataIndication"},
    {27, "uniformSendDataRequest"}, {28, "uniformSendDataIndication"}, {29, "tokenGrabRequest"},
    {30, "tokenGrabConfirm"}, {31, "tokenInhibitRequest"}, {32, "tokenInhibitConfirm"},
    {33, "tokenGiveRequest"}, {34, "tokenGiveIndication"}, {35, "tokenGiveResponse"},
    {36, "tokenGiveConfirm"}, {37, "tokenPleaseRequest"}, {38, "tokenPleaseIndication"},
    {39, "tokenReleaseRequest"}, {40, "tokenReleaseConfirm"}, {41, "tokenTestRequest"},
    {42, "tokenTestConfirm"},
};

// Send data RDP does not read: the channel alone.
void writeChannel(const LayerView& layer, std::string& out) { appendDecimal(out, layer.number(hf.channelId)); }

// "channelJoinRequest 1008", "erectDomainRequest " (the PDU's name, a space, the channel).
void writeInfo(const LayerView& layer, std::string& out)
{
    out += valueName(kDomainPdus, layer.number(hf.domainPdu));
    out += ' ';
    const std::uint64_t pdu = layer.number(hf.domainPdu);
    if ((pdu == kChannelJoinRequest || pdu == kChannelJoinConfirm) && layer.has(hf.channelId))
        appendDecimal(out, layer.number(hf.channelId));
}

std::uint16_t be16(ByteSpan b, std::size_t at) { return static_cast<std::uint16_t>((b[at] << 8) | b[at + 1]); }

}  // namespace

bool looksLikeMcs(ByteSpan b)
{
    if (b.size() >= 2 && b[0] == 0x7f && (b[1] == 0x65 || b[1] == 0x66)) return true;
    return !b.empty() && (b[0] >> 2) <= 42;
}

void dissectT125(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "T.125", "t125", p.data, p.at, p.reported);
    ctx.setProtocol("T.125");
    const ByteSpan b = p.data;
    if (b.size() >= 2 && b[0] == 0x7f) {
        // BER Connect-Initial (0x65) / Connect-Response (0x66): GCC data for RDP.
        return dissectRdpConnectData(ctx, p, b[1] == 0x65);
    }
    const std::uint8_t pdu = c.u8();
    if (!c.ok()) return;
    const std::uint8_t choice = pdu >> 2;
    c.add(hf.domainPdu, 0, 1, choice);
    // Send data leaves Info to RDP (several PDUs of a segment are listed together).
    const bool sendData = choice == kSendDataRequest || choice == kSendDataIndication || choice == kUniformSendDataIndication;
    if (!sendData) ctx.setInfo(writeInfo, c.layer());
    switch (choice) {
    case kChannelJoinRequest:
        if (!c.need(4)) return;
        c.add(hf.initiator, 1, 2, be16(b, 1));
        c.add(hf.channelId, 3, 2, be16(b, 3));
        break;
    case kChannelJoinConfirm:
        // result (an enumeration, its bits run into the next byte), initiator, requested,
        // and the channel when the optional bit says so.
        if (!c.need(5)) return;
        c.add(hf.initiator, 2, 2, be16(b, 2));
        c.add(hf.requested, 4, 2, be16(b, 4));
        if ((pdu & 0x02) && c.need(7)) c.add(hf.channelId, 6, 2, be16(b, 6));
        break;
    case kSendDataRequest:
    case kSendDataIndication:
    case kUniformSendDataIndication: {
        if (!c.need(6)) return;
        c.add(hf.initiator, 1, 2, be16(b, 1));
        const std::uint16_t channel = be16(b, 3);
        c.add(hf.channelId, 3, 2, channel);
        c.add(hf.dataPriority, 5, 1, b[5] >> 6);
        c.skip(5);
        std::size_t length = c.u8();
        if (length & 0x80) length = ((length & 0x3f) << 8) | c.u8();
        if (!c.ok()) return;
        if (!rdpReadsSendData(ctx)) return ctx.setInfo(writeChannel, c.layer());
        dissectRdpSendData(ctx, payloadAfter(c, length), channel, choice == kSendDataRequest);
        break;
    }
    default: break;
    }
}

void registerT125(ProtocolRegistrar& r)
{
    r.protocol("t125");
    r.protocol("t124");
    hf.domainPdu = r.field({"t124.DomainMCSPDU", "DomainMCSPDU", FieldKind::Unsigned, 32, kDomainPdus});
    hf.initiator = r.field({"t124.initiator", "initiator", FieldKind::Unsigned, 32});
    hf.requested = r.field({"t124.requested", "requested", FieldKind::Unsigned, 32});
    hf.channelId = r.field({"t124.channelId", "channelId", FieldKind::Unsigned, 32});
    hf.dataPriority = r.field({"t124.dataPriority", "dataPriority", FieldKind::Unsigned, 32});
}

}  // namespace rcvmon
