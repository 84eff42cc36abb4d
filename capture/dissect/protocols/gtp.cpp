// SPDX-License-Identifier: GPL-2.0-or-later
// GTPv1 (3GPP TS 29.060 §6, TS 29.281 §5) and GTPv0 (TS 09.60): the control plane on UDP
// port 2123 (and GTP' port 3386) and the user plane on 2152, whose T-PDUs carry the subscriber's IPv4 or IPv6 packets. As in Wireshark
// the Protocol column then reads "GTP <inner>".
#include "dissect/protocols/context.h"

#include <deque>
#include <mutex>
#include <string>

namespace rcvmon {
namespace {

struct GtpFields {
    FieldId flags, version, payload, reserved, e, s, pn, message, length, teid, seqNumber, npduNumber, extNext;
} hf;

constexpr ValueName kMessageTypes[] = {
    {0, "For future use"},
    {1, "Echo request"},
    {2, "Echo response"},
    {3, "Version not supported"},
    {4, "Node alive request"},
    {5, "Node alive response"},
    {6, "Redirection request"},
    {7, "Redirection response"},
    {16, "Create PDP context request"},
    {17, "Create PDP context response"},
    {18, "Update PDP context request"},
    {19, "Update PDP context response"},
    {20, "Delete PDP context request"},
    {21, "Delete PDP context response"},
    {22, "Initiate PDP Context Activation Request"},
    {23, "Initiate PDP Context Activation Response"},
    {24, "Delete AA PDP Context Request"},
    {25, "Delete AA PDP Context Response"},
    {26, "Error indication"},
    {27, "PDU notification request"},
    {28, "PDU notification response"},
    {29, "PDU notification reject request"},
    {30, "PDU notification reject response"},
    {31, "Supported extension header notification"},
    {32, "Send routing information for GPRS request"},
    {33, "Send routing information for GPRS response"},
    {34, "Failure report request"},
    {35, "Failure report response"},
    {36, "Note MS GPRS present request"},
    {37, "Note MS GPRS present response"},
    {48, "Identification request"},
    {49, "Identification response"},
    {50, "SGSN context request"},
    {51, "SGSN context response"},
    {52, "SGSN context acknowledgement"},
    {53, "Forward relocation request"},
    {54, "Forward relocation response"},
    {55, "Forward relocation complete"},
    {56, "Relocation cancel request"},
    {57, "Relocation cancel response"},
    {58, "Forward SRNS context"},
    {59, "Forward relocation complete acknowledge"},
    {60, "Forward SRNS context acknowledge"},
    {61, "UE Registration Query Request"},
    {62, "UE Registration Query Response"},
    {70, "RAN Information Relay"},
    {96, "MBMS Notification Request"},
    {97, "MBMS Notification Response"},
    {98, "MBMS Notification Reject Request"},
    {99, "MBMS Notification Reject Response"},
    {100, "Create MBMS Context Request"},
    {101, "Create MBMS Context Response"},
    {102, "Update MBMS Context Request"},
    {103, "Update MBMS Context Response"},
    {104, "Delete MBMS Context Request"},
    {105, "Delete MBMS Context Response"},
    {112, "MBMS Registration Request"},
    {113, "MBMS Registration Response"},
    {114, "MBMS De-Registration Request"},
    {115, "MBMS De-Registration Response"},
    {116, "MBMS Session Start Request"},
    {117, "MBMS Session Start Response"},
    {118, "MBMS Session Stop Request"},
    {119, "MBMS Session Stop Response"},
    {120, "MBMS Session Update Request"},
    {121, "MBMS Session Update Response"},
    {128, "MS Info Change Notification Request"},
    {129, "MS Info Change Notification Response"},
    {240, "Data record transfer request"},
    {241, "Data record transfer response"},
    {254, "End Marker"},
    {255, "T-PDU"},
};

constexpr std::uint8_t TPdu = 0xff;

void writeInfo(const LayerView& layer, std::string& out)
{
    const std::string_view name = valueName(fieldInfo(hf.message), layer.number(hf.message));
    out += name.empty() ? std::string_view("Unknown") : name;
}

// "GTP <TCP>": the column names are few (one per inner protocol), so each is kept once for
// the life of the process; past a bound the column stays "GTP".
std::string_view wrappedName(std::string_view inner)
{
    static std::mutex mutex;
    static std::deque<std::string> names;
    const std::lock_guard<std::mutex> lock(mutex);
    for (const std::string& n : names)
        if (std::string_view(n).substr(5, n.size() - 6) == inner) return n;
    if (names.size() >= 256) return "GTP";
    names.push_back("GTP <" + std::string(inner) + ">");
    return names.back();
}

bool dissectGtp(DissectContext& ctx, const Payload& p)
{
    if (p.data.empty()) return false;
    const unsigned version = p.data[0] >> 5;
    // GTPv1, and GTPv0 (TS 09.60 §6, protocol type bit set); GTPv2 and GTP' are not read here.
    if (version > 1 || (version == 0 && !(p.data[0] & 0x10))) return false;
    LayerCursor c(ctx, "GTP", "gtp", p.data, p.at, p.reported);
    ctx.setProtocol("GTP");
    const std::uint8_t flags = c.u8(hf.flags);
    c.add(hf.version, 0, 1, flags >> 5);
    c.add(hf.payload, 0, 1, (flags >> 4) & 1);
    c.add(hf.reserved, 0, 1, (flags >> 3) & 1);
    c.add(hf.e, 0, 1, (flags >> 2) & 1);
    c.add(hf.s, 0, 1, (flags >> 1) & 1);
    c.add(hf.pn, 0, 1, flags & 1);
    const std::uint8_t message = c.u8(hf.message);
    const std::uint16_t length = c.u16(hf.length);
    if (version == 0) {
        // Sequence number, flow label, SNDCP N-PDU number, spares and the 8-byte TID.
        c.u16(hf.seqNumber);
        c.skip(14);
    } else {
        c.u32(hf.teid);
    }
    if (!c.ok()) return true;
    ctx.setInfo(writeInfo, c.layer());
    if (version == 1 && (flags & 7)) {
        c.u16(hf.seqNumber);
        c.u8(hf.npduNumber);
        std::uint8_t next = c.u8(hf.extNext);
        // Extension headers (TS 29.281 §5.2): a length in 4-byte units, their last byte
        // names the next one.
        for (int guard = 0; guard < 16 && c.ok() && next != 0; ++guard) {
            const std::uint8_t units = c.u8();
            if (!c.ok() || units == 0) {
                if (c.ok()) c.malformed();
                return true;
            }
            c.skip(std::size_t{units} * 4 - 2);
            next = c.u8(hf.extNext);
        }
    }
    if (!c.ok() || message != TPdu) return true;
    const std::size_t end = (version == 0 ? 20 : 8) + std::size_t{length};
    const std::size_t declared = end > c.pos() ? end - c.pos() : 0;
    c.setLength(c.pos());
    const Payload inner = payloadAfter(c, declared);
    if (inner.data.empty()) return true;
    const std::uint8_t ipVersion = inner.data[0] >> 4;
    if (ipVersion != 4 && ipVersion != 6) return true;
    if (ipVersion == 4) {
        dissectIpv4(ctx, inner);
    } else {
        dissectIpv6(ctx, inner);
    }
    if (ctx.columnsWritable) ctx.out.setProtocol(wrappedName(ctx.out.protocolName()));
    return true;
}

}  // namespace

void registerGtp(ProtocolRegistrar& r)
{
    r.protocol("gtp");
    hf.flags = r.field({"gtp.flags", "Flags", FieldKind::Hex, 8});
    hf.version = r.field({"gtp.flags.version", "Version", FieldKind::Unsigned, 8, {}, 0xe0});
    hf.payload = r.field({"gtp.flags.payload", "Protocol type", FieldKind::Unsigned, 8, {}, 0x10});
    hf.reserved = r.field({"gtp.flags.reserved", "Reserved", FieldKind::Unsigned, 8, {}, 0xe});
    hf.e = r.field({"gtp.flags.e", "Is Next Extension Header present?", FieldKind::Bool, 8, {}, 0x4});
    hf.s = r.field({"gtp.flags.s", "Is Sequence Number present?", FieldKind::Bool, 8, {}, 0x2});
    hf.pn = r.field({"gtp.flags.pn", "Is N-PDU number present?", FieldKind::Bool, 8, {}, 0x1});
    hf.message = r.field({"gtp.message", "Message Type", FieldKind::Hex, 8, kMessageTypes});
    hf.length = r.field({"gtp.length", "Length", FieldKind::Unsigned, 16});
    hf.teid = r.field({"gtp.teid", "TEID", FieldKind::Hex, 32});
    hf.seqNumber = r.field({"gtp.seq_number", "Sequence number", FieldKind::Hex, 16});
    hf.npduNumber = r.field({"gtp.npdu_number", "N-PDU Number", FieldKind::Hex, 8});
    hf.extNext = r.field({"gtp.ext_hdr.next", "Next extension header type", FieldKind::Hex, 8});
    r.udpPort(2123, dissectGtp);
    r.udpPort(2152, dissectGtp);
    r.udpPort(3386, dissectGtp);  // GTP' (TS 32.295) ports, where GTPv1 messages also go
}

}  // namespace rcvmon
