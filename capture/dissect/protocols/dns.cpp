// SPDX-License-Identifier: GPL-2.0-or-later
// DNS messages (RFC 1035 §4.1), also carried by mDNS (RFC 6762) and LLMNR (RFC 4795):
// header, flags and the question section. Names follow compression pointers (§4.1.4)
// with a hop limit, so a pointer loop ends instead of spinning.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"

#include <string>

namespace rcvmon {
namespace {

struct DnsFields {
    FieldId id, flags, flagsResponse, flagsOpcode, flagsRcode, countQueries, countAnswers, qryName, qryType,
        qryClass;
} hf;

std::string_view dnsTypeName(std::uint64_t type)
{
    switch (type) {
    case 1: return "A";
    case 2: return "NS";
    case 5: return "CNAME";
    case 6: return "SOA";
    case 12: return "PTR";
    case 15: return "MX";
    case 16: return "TXT";
    case 28: return "AAAA";
    case 33: return "SRV";
    case 41: return "OPT";
    case 47: return "NSEC";
    case 64: return "SVCB";
    case 65: return "HTTPS";
    case 255: return "ANY";
    default: return {};
    }
}

void writeInfo(const LayerView& layer, std::string& out)
{
    out += layer.number(hf.flagsResponse) ? "Standard query response " : "Standard query ";
    appendHex(out, layer.number(hf.id), 4);
    layer.forEach(hf.qryType, [&](const FieldRecord& f) {
        out += ' ';
        const std::string_view name = dnsTypeName(f.number);
        if (name.empty()) {
            out += "Unknown (";
            appendDecimal(out, f.number);
            out += ')';
        } else {
            out += name;
        }
    });
    if (layer.has(hf.qryName)) {
        out += ' ';
        out += layer.text(hf.qryName);
    }
}

constexpr int kMaxPointerHops = 64;
constexpr std::size_t kMaxNameText = 1024;

// Reads the name at `pos` of `msg`, appending its text; returns the offset after the name
// in the original position (not following pointers), or 0 when the name is cut or invalid.
std::size_t readName(ByteSpan msg, std::size_t pos, std::string& text, bool& malformed)
{
    std::size_t end = 0;
    int hops = 0;
    text.clear();
    for (;;) {
        if (pos >= msg.size()) return 0;
        const std::uint8_t len = msg[pos];
        if ((len & 0xc0) == 0xc0) {
            if (pos + 1 >= msg.size()) return 0;
            if (end == 0) end = pos + 2;
            if (++hops > kMaxPointerHops) {
                malformed = true;
                return 0;
            }
            pos = (std::size_t{len & 0x3fu} << 8) | msg[pos + 1];
            continue;
        }
        if ((len & 0xc0) != 0) {  // extended label types: not supported, as in most resolvers
            malformed = true;
            return 0;
        }
        if (len == 0) {
            if (end == 0) end = pos + 1;
            break;
        }
        if (pos + 1 + len > msg.size()) return 0;
        if (!text.empty()) text.push_back('.');
        for (std::size_t i = 0; i < len && text.size() < kMaxNameText; ++i) {
            const char ch = static_cast<char>(msg[pos + 1 + i]);
            text.push_back(ch >= 0x20 && ch < 0x7f ? ch : '.');
        }
        pos += 1 + std::size_t{len};
    }
    if (text.empty()) text = "<Root>";
    return end;
}

void dissectDns(DissectContext& ctx, const Payload& p, std::string_view protocolName, std::string_view filterName)
{
    LayerCursor c(ctx, protocolName, filterName, p.data, p.at, p.reported);
    ctx.setProtocol(protocolName);
    ctx.setInfo(writeInfo, c.layer());
    // Wireshark reads the ID and flags before it adds its protocol item: a shorter message
    // still names DNS (Protocol column, frame.protocols) but has no dns item to filter on.
    if (!c.need(4)) {
        c.notInTree();
        return;
    }
    const bool mdns = filterName == "mdns";
    c.u16(hf.id);
    const std::uint16_t flags = c.u16(hf.flags);
    c.add(hf.flagsResponse, 2, 1, flags >> 15);
    c.add(hf.flagsOpcode, 2, 1, (flags >> 11) & 0xf);
    if (flags & 0x8000) c.add(hf.flagsRcode, 3, 1, flags & 0xf);
    // The rest of the header shows as far as the bytes go.
    const std::uint16_t queries = c.u16(hf.countQueries);
    c.u16(hf.countAnswers);
    c.u16();
    c.u16();
    if (!c.ok()) return;
    // The name text is built in a scratch string that keeps its capacity across packets.
    thread_local std::string name;
    const ByteSpan msg = c.data();
    for (unsigned q = 0; q < queries && q < 256; ++q) {
        bool malformed = false;
        const std::size_t start = c.pos();
        const std::size_t end = readName(msg, start, name, malformed);
        if (end == 0) {
            if (malformed) {
                c.malformed();
            } else {
                c.need(c.remaining() + 1);
            }
            return;
        }
        // Wireshark adds a question's items only once its name, type and class are all there.
        if (!c.need(end - start + 4)) return;
        c.skip(end - start);
        ctx.out.addTextField(hf.qryName, c.layer(), c.absolute(start), static_cast<std::uint32_t>(end - start),
                             name);
        c.u16(hf.qryType);
        // mDNS uses the class's top bit as the unicast-response flag (RFC 6762 §5.4).
        const std::uint16_t qclass = c.u16();
        if (c.ok()) c.add(hf.qryClass, c.pos() - 2, 2, mdns ? qclass & 0x7fff : qclass);
        if (!c.ok()) return;
    }
}

bool dissectUnicastDns(DissectContext& ctx, const Payload& p)
{
    dissectDns(ctx, p, "DNS", "dns");
    return true;
}

bool dissectMdns(DissectContext& ctx, const Payload& p)
{
    dissectDns(ctx, p, "MDNS", "mdns");
    return true;
}

bool dissectLlmnr(DissectContext& ctx, const Payload& p)
{
    dissectDns(ctx, p, "LLMNR", "llmnr");
    return true;
}

}  // namespace

void registerDns(ProtocolRegistrar& r)
{
    r.protocol("dns");
    hf.id = r.field({"dns.id", "Transaction ID", FieldKind::Hex, 16});
    hf.flags = r.field({"dns.flags", "Flags", FieldKind::Hex, 16});
    hf.flagsResponse = r.field({"dns.flags.response", "Response", FieldKind::Bool, 16});
    hf.flagsOpcode = r.field({"dns.flags.opcode", "Opcode", FieldKind::Unsigned, 16});
    hf.flagsRcode = r.field({"dns.flags.rcode", "Reply code", FieldKind::Unsigned, 16});
    hf.countQueries = r.field({"dns.count.queries", "Questions", FieldKind::Unsigned, 16});
    hf.countAnswers = r.field({"dns.count.answers", "Answer RRs", FieldKind::Unsigned, 16});
    hf.qryName = r.field({"dns.qry.name", "Name", FieldKind::String});
    hf.qryType = r.field({"dns.qry.type", "Type", FieldKind::Unsigned, 16});
    hf.qryClass = r.field({"dns.qry.class", "Class", FieldKind::Hex, 16});
    r.udpPort(53, dissectUnicastDns);
    r.protocol("mdns");
    r.udpPort(5353, dissectMdns);
    r.protocol("llmnr");
    r.udpPort(5355, dissectLlmnr);
}

}  // namespace rcvmon
