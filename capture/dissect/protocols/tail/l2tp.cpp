// SPDX-License-Identifier: GPL-2.0-or-later
// L2TP version 2 (RFC 2661 §3), UDP port 1701: the header, the AVPs of control messages
// (the first names the message type) and the PPP frames of data messages. Info as
// packet-l2tp.c writes it: "Control Message - SCCRQ (tunnel id=0, session id=0)", its
// padded "ZLB" and "Data    Message" forms. Version 3 is left to the port table.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"
#include "dissect/protocols/wan_links.h"

namespace rcvmon {
namespace {

struct L2tpFields {
    FieldId type, lengthBit, seqBit, offsetBit, priority, version, length, tunnel, session, ns, nr, offset, mandatory,
        hidden, avpLength, vendor, avpType, messageType;
} hf;

// packet-l2tp.c's short names of the message types (RFC 2661 §3.2, RFC 3931 §6).
constexpr ValueName kMessageTypes[] = {
    {1, "SCCRQ"}, {2, "SCCRP"},  {3, "SCCCN"},  {4, "StopCCN"}, {5, "Reserved"}, {6, "Hello"}, {7, "OCRQ"},
    {8, "OCRP"},  {9, "OCCN"},   {10, "ICRQ"},  {11, "ICRP"},   {12, "ICCN"},    {13, "Reserved"}, {14, "CDN"},
    {15, "WEN"},  {16, "SLI"},   {17, "MDMST"}, {18, "SRRQ"},   {19, "SRRP"},    {20, "ACK"},   {21, "FSQ"},
    {22, "FSR"},  {23, "MSRQ"},  {24, "MSRP"},  {25, "MSE"},    {26, "MSI"},     {27, "MSEN"},  {28, "CSUN"},
    {29, "CSURQ"}};

// packet-l2tp.c clears the column first: a message cut before it names one leaves it empty.
void writeNothing(const LayerView&, std::string&) {}

void writeIds(const LayerView& l, std::string& out)
{
    out += "(tunnel id=";
    appendDecimal(out, l.number(hf.tunnel));
    out += ", session id=";
    appendDecimal(out, l.number(hf.session));
    out += ')';
}

void writeControlInfo(const LayerView& l, std::string& out)
{
    out += "Control Message ";
    if (const FieldRecord* f = l.field(hf.messageType)) {
        out += "- ";
        appendNameOrNumber(out, valueName(kMessageTypes, f->number), f->number);
        out += ' ';
    }
    writeIds(l, out);
}

void writeZlbInfo(const LayerView& l, std::string& out)
{
    out += "Control Message - ZLB      ";
    writeIds(l, out);
}

void writeDataInfo(const LayerView& l, std::string& out)
{
    out += "Data    Message            ";
    writeIds(l, out);
}

bool dissectL2tp(DissectContext& ctx, const Payload& p)
{
    if (p.data.size() < 2 || (p.data[1] & 0x0f) != 2) return false;
    LayerCursor c(ctx, "L2TP", "l2tp", p.data, p.at, p.reported);
    ctx.setProtocol("L2TP");
    ctx.setInfo(writeNothing, c.layer());
    const std::uint16_t flags = c.u16();
    c.add(hf.type, 0, 2, flags >> 15);
    c.add(hf.lengthBit, 0, 2, (flags >> 14) & 1);
    c.add(hf.seqBit, 0, 2, (flags >> 11) & 1);
    c.add(hf.offsetBit, 0, 2, (flags >> 9) & 1);
    c.add(hf.priority, 0, 2, (flags >> 8) & 1);
    c.add(hf.version, 0, 2, flags & 0xf);
    std::size_t length = p.reported;
    if (flags & 0x4000) length = c.u16(hf.length);
    c.u16(hf.tunnel);
    c.u16(hf.session);
    if (flags & 0x0800) {
        c.u16(hf.ns);
        c.u16(hf.nr);
    }
    if (flags & 0x0200) c.skip(c.u16(hf.offset));
    if (!c.ok()) return true;
    const bool control = flags & 0x8000;
    if (!control) {
        ctx.setInfo(writeDataInfo, c.layer());
        c.setLength(c.pos());
        const Payload next = payloadAfter(c, c.reportedRemaining());
        if (next.reported > 0) dissectPppLink(ctx, next);
        return true;
    }
    if (length <= c.pos()) {
        ctx.setInfo(writeZlbInfo, c.layer());
        return true;
    }
    // The AVPs; packet-l2tp.c names the columns once it has read the first one.
    for (int guard = 0; guard < 256 && c.ok() && c.pos() < length; ++guard) {
        const std::size_t at = c.pos();
        const std::uint16_t word = c.u16();
        const std::uint16_t vendor = c.u16(hf.vendor);
        const std::uint16_t type = c.u16(hf.avpType);
        if (!c.ok()) return true;
        c.add(hf.mandatory, at, 2, word >> 15);
        c.add(hf.hidden, at, 2, (word >> 14) & 1);
        const std::size_t avpLength = word & 0x3ff;
        c.add(hf.avpLength, at, 2, avpLength);
        if (avpLength < 6) {
            c.malformed();
            return true;
        }
        if (guard == 0 && vendor == 0 && type == 0) c.u16(hf.messageType);
        if (guard == 0) ctx.setInfo(writeControlInfo, c.layer());
        if (c.pos() < at + avpLength) c.skip(at + avpLength - c.pos());
    }
    return true;
}

}  // namespace

void registerL2tp(ProtocolRegistrar& r)
{
    r.protocol("l2tp");
    hf.type = r.field({"l2tp.type", "Type", FieldKind::Unsigned, 16, {}, 0x8000});
    hf.lengthBit = r.field({"l2tp.length_bit", "Length Bit", FieldKind::Bool, 16, {}, 0x4000});
    hf.seqBit = r.field({"l2tp.seq_bit", "Sequence Bit", FieldKind::Bool, 16, {}, 0x800});
    hf.offsetBit = r.field({"l2tp.offset_bit", "Offset bit", FieldKind::Bool, 16, {}, 0x200});
    hf.priority = r.field({"l2tp.priority", "Priority", FieldKind::Bool, 16, {}, 0x100});
    hf.version = r.field({"l2tp.version", "Version", FieldKind::Unsigned, 16, {}, 0xf});
    hf.length = r.field({"l2tp.length", "Length", FieldKind::Unsigned, 16});
    hf.tunnel = r.field({"l2tp.tunnel", "Tunnel ID", FieldKind::Unsigned, 16});
    hf.session = r.field({"l2tp.session", "Session ID", FieldKind::Unsigned, 16});
    hf.ns = r.field({"l2tp.Ns", "Ns", FieldKind::Unsigned, 16});
    hf.nr = r.field({"l2tp.Nr", "Nr", FieldKind::Unsigned, 16});
    hf.offset = r.field({"l2tp.offset", "Offset", FieldKind::Unsigned, 16});
    hf.mandatory = r.field({"l2tp.avp.mandatory", "Mandatory", FieldKind::Bool, 16, {}, 0x8000});
    hf.hidden = r.field({"l2tp.avp.hidden", "Hidden", FieldKind::Bool, 16, {}, 0x4000});
    hf.avpLength = r.field({"l2tp.avp.length", "Length", FieldKind::Unsigned, 16, {}, 0x3ff});
    hf.vendor = r.field({"l2tp.avp.vendor_id", "Vendor ID", FieldKind::Unsigned, 16});
    hf.avpType = r.field({"l2tp.avp.type", "AVP Type", FieldKind::Unsigned, 16});
    hf.messageType = r.field({"l2tp.avp.message_type", "Message Type", FieldKind::Unsigned, 16, kMessageTypes});
    r.udpPort(1701, dissectL2tp);
}

}  // namespace rcvmon
