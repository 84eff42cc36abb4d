// SPDX-License-Identifier: GPL-2.0-or-later
// COTP, the ISO 8073 / X.224 connection-oriented transport protocol as RFC 1006 carries it:
// the length indicator, the TPDU code and the fixed part of connection requests and confirms
// (references, class), whose Info Wireshark writes "CR TPDU src-ref: 0x… dst-ref: 0x…".
// RDP's negotiation rides in a CR or CC; data TPDUs keep their payload.
#include "dissect/protocols/tcp_conversations_app.h"
#include "dissect/protocols/tpkt/tpkt.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct CotpFields {
    FieldId li, type, destRef, srcRef, cls, eot, tpduNumber;
} hf;

constexpr std::uint8_t kCr = 0x0e, kCc = 0x0d, kDt = 0x0f;

constexpr ValueName kTypes[] = {
    {0x01, "ED Expedited Data"}, {0x02, "EA Expedited Data Acknowledgement"}, {0x04, "UD CL User Data"},
    {0x05, "RJ Reject"}, {0x06, "AK Data Acknowledgement"}, {0x07, "ER TPDU Error"}, {0x08, "DR Disconnect Request"},
    {0x0c, "DC Disconnect Confirm"}, {0x0d, "CC Connect Confirm"}, {0x0e, "CR Connect Request"},
    {0x0f, "DT Data"},
};

void writeConnect(const LayerView& layer, std::string& out)
{
    out += layer.number(hf.type) == kCr ? "CR" : "CC";
    out += " TPDU src-ref: ";
    appendHex(out, layer.number(hf.srcRef), 4);
    out += " dst-ref: ";
    appendHex(out, layer.number(hf.destRef), 4);
}

}  // namespace

void dissectCotp(DissectContext& ctx, const Payload& p, std::uint16_t tpktLayer)
{
    LayerCursor c(ctx, "COTP", "cotp", p.data, p.at, p.reported);
    ctx.setProtocol("COTP");
    const std::uint8_t li = c.u8(hf.li);
    const std::uint8_t code = c.u8();
    if (!c.ok()) return;
    const std::uint8_t type = code >> 4;
    c.add(hf.type, 1, 1, type);
    if (type == kCr || type == kCc) {
        c.u16(hf.destRef);
        c.u16(hf.srcRef);
        const std::uint8_t cls = c.u8();
        if (!c.ok()) return;
        c.add(hf.cls, 6, 1, cls >> 4);
        ctx.setInfo(writeConnect, c.layer());
        // RDP's routing cookie and negotiation sit in the header's variable part.
        const Payload rest = payloadAfter(c, c.reportedRemaining());
        if (!rest.data.empty()) dissectRdpNegotiation(ctx, rest, type == kCr, tpktLayer);
        return;
    }
    if (type == kDt && li >= 2) {
        const std::uint8_t nr = c.u8();
        if (!c.ok()) return;
        if (li == 2) c.add(hf.destRef, 2, 0, 0);  // class 0 has none: Wireshark shows 0
        c.add(hf.eot, 2, 1, nr >> 7);
        c.add(hf.tpduNumber, 2, 1, nr & 0x7f);
        // On an RDP connection the data is MCS (Wireshark's T.125 heuristic).
        const Payload data = payloadAfter(c, c.reportedRemaining());
        const bool rdp = tcpHeaderPort(ctx, true) == 3389 || tcpHeaderPort(ctx, false) == 3389;
        if (rdp && (nr & 0x80) && looksLikeMcs(data.data)) dissectT125(ctx, data);
    }
}

void registerCotp(ProtocolRegistrar& r)
{
    r.protocol("cotp");
    hf.li = r.field({"cotp.li", "Length", FieldKind::Unsigned, 8});
    hf.type = r.field({"cotp.type", "PDU Type", FieldKind::Hex, 8, kTypes});
    hf.destRef = r.field({"cotp.destref", "Destination reference", FieldKind::Hex, 16});
    hf.srcRef = r.field({"cotp.srcref", "Source reference", FieldKind::Hex, 16});
    hf.cls = r.field({"cotp.class", "Class", FieldKind::Unsigned, 8, {}, 0xf0});
    hf.eot = r.field({"cotp.eot", "Last data unit", FieldKind::Bool, 8, {}, 0x80});
    hf.tpduNumber = r.field({"cotp.tpdu-number", "TPDU number", FieldKind::Hex, 8, {}, 0x7f});
}

}  // namespace rcvmon
