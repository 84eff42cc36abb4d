// SPDX-License-Identifier: GPL-2.0-or-later
// LDP (RFC 5036 §3.1), UDP and TCP port 646: the PDU header and each message's type, length
// and ID; parameters are not decoded. Info names every message of the last PDU followed by a
// space, as packet-ldp.c appends them ("Hello Message ").
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct LdpFields {
    FieldId version, pduLen, lsr, labelSpace, ubit, msgType, msgLen, msgId;
} hf;

constexpr ValueName kTypes[] = {
    {0x1, "Notification Message"},       {0x100, "Hello Message"},          {0x200, "Initialization Message"},
    {0x201, "Keep Alive Message"},       {0x202, "Capability Message"},     {0x300, "Address Message"},
    {0x301, "Address Withdrawal Message"}, {0x400, "Label Mapping Message"}, {0x401, "Label Request Message"},
    {0x402, "Label Withdrawal Message"}, {0x403, "Label Release Message"},  {0x404, "Label Abort Request Message"},
    {0x500, "Call Setup Message"},       {0x501, "Call Release Message"},   {0x700, "RG Connect Message"},
    {0x701, "RG Disconnect Message"},    {0x702, "RG Notification Message"}, {0x703, "RG Application Data Message"},
    {0x3e00, "Vendor-Private Message"},  {0x3f00, "Experimental Message"},
};

// Each PDU clears the column (packet-ldp.c), so only the last PDU's messages show.
void writeInfo(const LayerView& l, std::string& out)
{
    std::uint32_t lastPdu = 0;
    l.forEach(hf.version, [&](const FieldRecord& f) { lastPdu = f.offset; });
    l.forEach(hf.msgType, [&](const FieldRecord& f) {
        if (f.offset < lastPdu) return;
        const std::string_view name = valueName(kTypes, f.number);
        if (name.empty()) {
            constexpr char kDigits[] = "0123456789ABCDEF";
            out += "Unknown Message (0x";
            for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(f.number >> shift) & 0xf];
            out += ')';
        } else {
            out += name;
        }
        out += ' ';
    });
}

bool dissectLdp(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "LDP", "ldp", p.data, p.at, p.reported);
    ctx.setProtocol("LDP");
    ctx.setInfo(writeInfo, c.layer());
    // Several PDUs may share a TCP segment; each holds messages up to its length.
    for (int pdus = 0; pdus < 64 && c.ok() && c.remaining() >= 4; ++pdus) {
        c.u16(hf.version);
        const std::uint16_t pduLen = c.u16(hf.pduLen);
        const std::size_t end = c.pos() + pduLen;
        c.bytes(4, hf.lsr);
        c.u16(hf.labelSpace);
        for (int guard = 0; guard < 256 && c.ok() && c.pos() + 4 <= end; ++guard) {
            const std::size_t at = c.pos();
            const std::uint16_t type = c.u16();
            if (!c.ok()) return true;
            c.add(hf.ubit, at, 1, type >> 15);
            c.add(hf.msgType, at, 2, type & 0x7fff);
            const std::uint16_t length = c.u16(hf.msgLen);
            c.u32(hf.msgId);
            if (length < 4) return true;
            c.skip(length - 4u);
        }
    }
    return true;
}

}  // namespace

void registerLdp(ProtocolRegistrar& r)
{
    r.protocol("ldp");
    hf.version = r.field({"ldp.hdr.version", "Version", FieldKind::Unsigned, 16});
    hf.pduLen = r.field({"ldp.hdr.pdu_len", "PDU Length", FieldKind::Unsigned, 16});
    hf.lsr = r.field({"ldp.hdr.ldpid.lsr", "LSR ID", FieldKind::Ipv4});
    hf.labelSpace = r.field({"ldp.hdr.ldpid.lsid", "Label Space ID", FieldKind::Unsigned, 16});
    hf.ubit = r.field({"ldp.msg.ubit", "U bit", FieldKind::Bool, 8, {}, 0x80});
    hf.msgType = r.field({"ldp.msg.type", "Message Type", FieldKind::Hex, 16, kTypes, 0x7fff});
    hf.msgLen = r.field({"ldp.msg.len", "Message Length", FieldKind::Unsigned, 16});
    hf.msgId = r.field({"ldp.msg.id", "Message ID", FieldKind::Hex, 32});
    r.udpPort(646, dissectLdp);
    r.tcpPort(646, dissectLdp);
}

}  // namespace rcvmon
