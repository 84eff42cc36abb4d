// SPDX-License-Identifier: GPL-2.0-or-later
// OLSR (RFC 3626 §3.3), UDP port 698: the packet header, named in Info as packet-olsr.c does
// ("OLSR (IPv4) Packet,  Length: 72 Bytes"). Its messages are not decoded.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

namespace rcvmon {
namespace {

struct OlsrFields {
    FieldId length, seq;
} hf;

void writeInfo4(const LayerView& l, std::string& out)
{
    out += "OLSR (IPv4) Packet,  Length: ";
    appendDecimal(out, l.number(hf.length));
    out += " Bytes";
}

void writeInfo6(const LayerView& l, std::string& out)
{
    out += "OLSR (IPv6) Packet,  Length: ";
    appendDecimal(out, l.number(hf.length));
    out += " Bytes";
}

bool dissectOlsr(DissectContext& ctx, const Payload& p)
{
    // packet-olsr.c declines a datagram shorter than its header.
    if (p.reported < 4) return false;
    LayerCursor c(ctx, "OLSR v1", "olsr", p.data, p.at, p.reported);
    ctx.setProtocol("OLSR v1");
    c.u16(hf.length);
    if (!c.ok()) return true;
    ctx.setInfo(ctx.net.family == 6 ? writeInfo6 : writeInfo4, c.layer());
    c.u16(hf.seq);
    return true;
}

}  // namespace

void registerOlsr(ProtocolRegistrar& r)
{
    r.protocol("olsr");
    hf.length = r.field({"olsr.packet_len", "Packet Length", FieldKind::Unsigned, 16});
    hf.seq = r.field({"olsr.packet_seq_num", "Packet Sequence Number", FieldKind::Unsigned, 16});
    r.udpPort(698, dissectOlsr);
}

}  // namespace rcvmon
