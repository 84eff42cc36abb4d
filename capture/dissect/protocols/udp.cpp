// SPDX-License-Identifier: GPL-2.0-or-later
// UDP (RFC 768): the length field bounds the payload, then the application by port.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/udp_conversations.h"

namespace rcvmon {
namespace {

struct UdpFields {
    FieldId stream;
} hf;

void writePortsInfo(const LayerView& l, std::string& out)
{
    appendDecimal(out, l.number(field::UdpSrcPort));
    out += " \xe2\x86\x92 ";
    appendDecimal(out, l.number(field::UdpDstPort));
}

// packet-udp.c notes a length past the IP payload between the ports and the length.
void writeBadLengthInfo(const LayerView& l, std::string& out)
{
    appendDecimal(out, l.number(field::UdpSrcPort));
    out += " \xe2\x86\x92 ";
    appendDecimal(out, l.number(field::UdpDstPort));
    const std::uint64_t len = l.number(field::UdpLength);
    out += " [BAD UDP LENGTH ";
    appendDecimal(out, len);
    out += " > IP PAYLOAD LENGTH] Len=";
    appendDecimal(out, len - 8);
}

// A length below the header's own 8 bytes: packet-udp.c notes it after the ports and stops.
void writeShortLengthInfo(const LayerView& l, std::string& out)
{
    writePortsInfo(l, out);
    out += " [BAD UDP LENGTH ";
    appendDecimal(out, l.number(field::UdpLength));
    out += " < 8]";
}

}  // namespace

void dissectUdp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "UDP", "udp", p.data, p.at, p.reported);
    // Nothing at all (an IPv6 payload length of 0): Wireshark's exception comes before the
    // protocol item, so "udp" is listed in frame.protocols but no filter finds it.
    if (p.reported == 0) c.notInTree();
    const std::uint16_t srcPort = c.u16(field::UdpSrcPort);
    const std::uint16_t dstPort = c.u16(field::UdpDstPort);
    // packet-udp.c names the columns once it has both ports, and adds " Len=" only after
    // reading the length.
    if (!c.ok()) return;
    ctx.setProtocol("UDP");
    ctx.setInfo(InfoKind::Udp, c.layer());
    std::size_t length = c.u16(field::UdpLength);
    if (!c.ok()) ctx.setInfo(writePortsInfo, c.layer());
    // packet-udp.c judges the length before it reads the checksum, which a short IP payload
    // may not hold.
    if (c.ok() && length > p.reported && !ctx.inFragment && !ctx.inIcmpError)
        ctx.setInfo(writeBadLengthInfo, c.layer());
    c.u16(field::UdpChecksum);
    if (!c.ok()) return;
    // Wireshark numbers every address/port pair it meets, quoted ones in ICMP errors too.
    std::uint32_t stream = 0;
    if (ctx.udp && ctx.net.family != 0) {
        stream = ctx.udp->stream(ctx.net.family, ctx.net.src, srcPort, ctx.net.dst, dstPort);
        c.add(hf.stream, 0, 0, stream);
    }
    if (!ctx.inIcmpError) {
        ctx.udpDstPort = dstPort;
        ctx.udpSrcPort = srcPort;
    }
    if (length < 8 || length > p.reported) {
        // Impossible length: Wireshark flags it and dissects what the IP layer holds.
        if (length < 8 && length != 0) {
            c.malformed();
            return;
        }
        // Length 0 means "the IP payload" only for IPv6 jumbograms (RFC 2675 §4); over
        // IPv4 Wireshark calls it bogus and dissects no further.
        if (length == 0 && ctx.net.family == 4) {
            ctx.setInfo(writeShortLengthInfo, c.layer());
            return;
        }
        // Not for a fragment or a quoted packet, whose IP payload is partial by nature.
        if (length != 0 && !ctx.inFragment && !ctx.inIcmpError) {
            ctx.setInfo(writeBadLengthInfo, c.layer());
            // The header itself reaches past the IP payload: Wireshark's payload tvb throws.
            if (p.reported < 8) {
                c.malformed();
                return;
            }
        }
        length = p.reported;
    }
    c.setLength(length < c.size() ? length : c.size());
    const Payload payload = payloadAfter(c, length - 8);
    if (TransportTap* tap = ctx.out.transportTap(); tap && ctx.udp && ctx.net.family != 0 &&
                                                    !ctx.inIcmpError && !payload.data.empty()) {
        // Wireshark's follow tap (decode_udp_ports): each datagram with payload, not the
        // packet an ICMP error quotes.
        TransportPayload t{TransportPayload::Transport::Udp, c.layer(), ctx.net.family, ctx.net.src, ctx.net.dst, srcPort, dstPort,
                           stream, 0, 0, 0, 0, payload.data};
        tap->payload(t);
    }
    if (payload.data.empty()) return;
    if (!dissectByPort(ctx, Transport::Udp, srcPort, dstPort, payload)) dissectData(ctx, payload);
}

}  // namespace rcvmon

namespace rcvmon {

void registerUdp(ProtocolRegistrar& r)
{
    r.protocol("udp");
    hf.stream = r.field({"udp.stream", "Stream index", FieldKind::Unsigned, 32});
}

}  // namespace rcvmon
