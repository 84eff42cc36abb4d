// SPDX-License-Identifier: GPL-2.0-or-later
// ICMP (RFC 792; RFC 1191 next-hop MTU, RFC 1256 router discovery, RFC 4884 original
// datagram length, RFC 8335 extended echo). Error messages quote the offending datagram's IP
// header and the start of its payload; Wireshark dissects the quote (its fields follow the
// outer ones) but does not let it change the packet's columns. Echo replies name their
// request as packet-icmp.c does in one pass.
#include "dissect/echo_transactions.h"
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

std::uint16_t echoSlot = 0xffff;  // EchoTransactions

struct IcmpFields {
    FieldId respTo, mtu, redirGw, pointer, length, numAddrs, addrEntrySize, lifetime, addressMask, origTs, recvTs,
        xmitTs, seqLe, identLe;
} hf;

constexpr ValueName kTypes[] = {
    {0, "Echo (ping) reply"}, {1, "Reserved"}, {2, "Reserved"}, {3, "Destination unreachable"},
    {4, "Source quench (flow control)"}, {5, "Redirect"}, {6, "Alternate host address"},
    {8, "Echo (ping) request"}, {9, "Router advertisement"}, {10, "Router solicitation"},
    {11, "Time-to-live exceeded"}, {12, "Parameter problem"}, {13, "Timestamp request"},
    {14, "Timestamp reply"}, {15, "Information request"}, {16, "Information reply"},
    {17, "Address mask request"}, {18, "Address mask reply"}, {19, "Reserved (for security)"},
    {30, "Traceroute"}, {31, "Datagram Conversion Error"}, {32, "Mobile Host Redirect"},
    {33, "IPv6 Where-Are-You"}, {34, "IPv6 I-Am-Here"}, {35, "Mobile Registration Request"},
    {36, "Mobile Registration Reply"}, {37, "Domain Name Request"}, {38, "Domain Name Reply"}, {39, "SKIP"},
    {40, "Photuris"}, {41, "Experimental mobility protocols"}, {42, "Extended Echo request"},
    {43, "Extended Echo reply"},
};
constexpr ValueName kUnreachCodes[] = {
    {0, "Network unreachable"}, {1, "Host unreachable"}, {2, "Protocol unreachable"}, {3, "Port unreachable"},
    {4, "Fragmentation needed"}, {5, "Source route failed"}, {6, "Destination network unknown"},
    {7, "Destination host unknown"}, {8, "Source host isolated"}, {9, "Network administratively prohibited"},
    {10, "Host administratively prohibited"}, {11, "Network unreachable for TOS"},
    {12, "Host unreachable for TOS"}, {13, "Communication administratively filtered"},
    {14, "Host precedence violation"}, {15, "Precedence cutoff in effect"},
};
constexpr ValueName kRedirectCodes[] = {
    {0, "Redirect for network"}, {1, "Redirect for host"}, {2, "Redirect for TOS and network"},
    {3, "Redirect for TOS and host"},
};
constexpr ValueName kAltHostCodes[] = {{0, "Alternate address for host"}};
constexpr ValueName kRouterAdvertCodes[] = {{0, "Normal router advertisement"}, {16, "Does not route common traffic"}};
constexpr ValueName kTtlCodes[] = {{0, "Time to live exceeded in transit"}, {1, "Fragment reassembly time exceeded"}};
constexpr ValueName kParamCodes[] = {{0, "Pointer indicates the error"}, {1, "Required option missing"}, {2, "Bad length"}};
constexpr ValueName kPhoturisCodes[] = {
    {0, "Bad SPI"}, {1, "Authentication Failed"}, {2, "Decompression Failed"}, {3, "Decryption Failed"},
    {4, "Need Authentication"}, {5, "Need Authorization"},
};
constexpr ValueName kExtEchoRequestCodes[] = {{0, "No error"}};
constexpr ValueName kExtEchoReplyCodes[] = {
    {0, "No error"}, {1, "Malformed Query"}, {2, "No Such Interface"}, {3, "No Such Table Entry"},
    {4, "Multiple Interfaces Satisfy Query"},
};

// The code's value names for the types that have them (packet-icmp.c's switch).
std::span<const ValueName> codeNames(std::uint64_t type, bool& hasCodes)
{
    hasCodes = true;
    switch (type) {
    case 3: return kUnreachCodes;
    case 5: return kRedirectCodes;
    case 6: return kAltHostCodes;
    case 9: return kRouterAdvertCodes;
    case 11: return kTtlCodes;
    case 12: return kParamCodes;
    case 40: return kPhoturisCodes;
    case 42: return kExtEchoRequestCodes;
    case 43: return kExtEchoReplyCodes;
    default: hasCodes = false; return {};
    }
}

bool isError(std::uint8_t type)
{
    return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
}

bool isEchoLike(std::uint8_t type)
{
    return type == 0 || type == 8 || type == 13 || type == 14 || type == 15 || type == 16 || type == 17 ||
           type == 18;
}

// The TTL of the IPv4 header that carries this ICMP message: packet-ip.c hands its header to
// the protocol it calls, so only a message right behind IPv4 (not behind AH, say) shows one.
const FieldRecord* carrierTtl(const LayerView& l)
{
    if (l.layer() == 0) return nullptr;
    const auto parent = static_cast<std::uint16_t>(l.layer() - 1);
    if (l.dissection().layers()[parent].filterName != "ip") return nullptr;
    return LayerView(l.dissection(), parent).field(field::IpTtl);
}

void writeInfo(const LayerView& l, std::string& out)
{
    const std::uint64_t type = l.number(field::IcmpType), code = l.number(field::IcmpCode);
    const std::size_t start = out.size();
    // Router advertisements with code 0 or 16 are Mobile IP agent advertisements (RFC 5944).
    out += type == 9 && (code == 0 || code == 16) ? std::string_view("Mobile IP Advertisement")
                                                   : valueName(kTypes, type, "Unknown ICMP (obsolete or malformed?)");
    while (out.size() - start < 20) out += ' ';  // "%-20s"
    bool hasCodes = false;
    const std::span<const ValueName> codes = codeNames(type, hasCodes);
    if (hasCodes) {
        out += " (";
        const std::string_view name = valueName(codes, code);
        if (name.empty()) {
            out += "Unknown code: ";
            appendDecimal(out, code);
        } else {
            out += name;
        }
        out += ')';
    }
    if (isEchoLike(static_cast<std::uint8_t>(type)) && l.has(field::IcmpSeq)) {
        out += " id=";
        appendHex(out, l.number(field::IcmpIdent), 4);
        out += ", seq=";
        const std::uint64_t seq = l.number(field::IcmpSeq);
        appendDecimal(out, seq);
        out += '/';
        appendDecimal(out, ((seq & 0xff) << 8) | (seq >> 8));
        if (const FieldRecord* ttl = carrierTtl(l)) {
            out += ", ttl=";
            appendDecimal(out, ttl->number);
        }
    }
    if (const FieldRecord* request = l.field(hf.respTo)) {
        out += " (request in ";
        appendDecimal(out, request->number);
        out += ')';
    }
}

// The checksum a reply to a request with this checksum carries: only the type byte differs
// (8 → 0), so it is the request's plus 0x0800 in one's complement (packet-icmp.c's key).
std::uint32_t replyChecksum(std::uint16_t requestChecksum)
{
    std::uint32_t sum = (~requestChecksum & 0xffffu) + (~0x0800u & 0xffffu);
    sum = (sum & 0xffff) + (sum >> 16);
    sum = (sum & 0xffff) + (sum >> 16);
    return ~sum & 0xffffu;
}

void trackEcho(DissectContext& ctx, LayerCursor& c, std::uint8_t type, std::uint16_t checksum,
               std::uint16_t ident, std::uint16_t seq)
{
    EchoTransactions* echo = ctx.state<EchoTransactions>(echoSlot);
    if (!echo || ctx.inIcmpError || ctx.net.family != 4) return;
    const std::uint32_t idSeq = (std::uint32_t{ident} << 16) | seq;
    if (type == 8) {
        echo->request(EchoTransactions::key(4, ctx.net.src, ctx.net.dst, replyChecksum(checksum), idSeq),
                          ctx.frameNumber);
        return;
    }
    const std::uint32_t key = checksum == 0xffff ? 0 : checksum;
    if (const std::uint64_t request =
            echo->reply(EchoTransactions::key(4, ctx.net.src, ctx.net.dst, key, idSeq), ctx.frameNumber))
        c.add(hf.respTo, 0, 0, request);
}

bool dissectIcmpMessage(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "ICMP", "icmp", p.data, p.at, p.reported);
    ctx.setProtocol("ICMP");
    ctx.setInfo(writeInfo, c.layer());
    const std::uint8_t type = c.u8(field::IcmpType);
    const std::uint8_t code = c.u8(field::IcmpCode);
    const std::uint16_t checksum = c.u16(field::IcmpChecksum);
    if (!c.ok()) return true;
    if (isEchoLike(type)) {
        const std::uint16_t ident = c.u16(field::IcmpIdent);
        const std::uint16_t seq = c.u16(field::IcmpSeq);
        if (!c.ok()) return true;
        c.add(hf.identLe, 4, 2, static_cast<std::uint16_t>((ident >> 8) | (ident << 8)));
        c.add(hf.seqLe, 6, 2, static_cast<std::uint16_t>((seq >> 8) | (seq << 8)));
        if (type == 0 || type == 8) trackEcho(ctx, c, type, checksum, ident, seq);
        if (type == 13 || type == 14) {
            c.u32(hf.origTs);
            c.u32(hf.recvTs);
            c.u32(hf.xmitTs);
        } else if (type == 17 || type == 18) {
            c.bytes(4, hf.addressMask);
        }
        return true;
    }
    switch (type) {
    case 3:
    case 11:
    case 12: {
        if (type == 12) c.u8(hf.pointer); else c.skip(1);
        const std::uint8_t words = c.u8();
        if (c.ok() && words) c.add(hf.length, 5, 1, words);
        if (type == 3 && code == 4) c.u16(hf.mtu); else c.skip(2);
        break;
    }
    case 5: c.bytes(4, hf.redirGw); break;
    case 9:
        c.u8(hf.numAddrs);
        c.u8(hf.addrEntrySize);
        c.u16(hf.lifetime);
        break;
    default: c.skip(4); break;
    }
    if (!c.ok() || !isError(type)) return true;
    Payload quoted = payloadAfter(c, c.reportedRemaining());
    // The quote is cut by design: running out inside it is truncation, never malformation.
    quoted.reported = quoted.data.size() + 65536;
    const bool writable = ctx.columnsWritable, inError = ctx.inIcmpError;
    ctx.columnsWritable = false;
    ctx.inIcmpError = true;
    if (!quoted.data.empty() && (quoted.data[0] >> 4) == 4) {
        dissectIpv4(ctx, quoted);
    } else {
        dissectData(ctx, quoted);
    }
    ctx.columnsWritable = writable;
    ctx.inIcmpError = inError;
    return true;
}

}  // namespace

void dissectIcmp(DissectContext& ctx, const Payload& p)
{
    dissectIcmpMessage(ctx, p);
}

void registerIcmp(ProtocolRegistrar& r)
{
    r.protocol("icmp");
    hf.respTo = r.field({"icmp.resp_to", "Request frame", FieldKind::Unsigned, 32});
    hf.identLe = r.field({"icmp.ident_le", "Identifier (LE)", FieldKind::Unsigned, 16});
    hf.seqLe = r.field({"icmp.seq_le", "Sequence Number (LE)", FieldKind::Unsigned, 16});
    hf.mtu = r.field({"icmp.mtu", "MTU of next hop", FieldKind::Unsigned, 16});
    hf.redirGw = r.field({"icmp.redir_gw", "Gateway Address", FieldKind::Ipv4});
    hf.pointer = r.field({"icmp.pointer", "Pointer", FieldKind::Unsigned, 32});
    hf.length = r.field({"icmp.length", "Length", FieldKind::Unsigned, 8});
    hf.numAddrs = r.field({"icmp.num_addrs", "Number of addresses", FieldKind::Unsigned, 8});
    hf.addrEntrySize = r.field({"icmp.addr_entry_size", "Address entry size", FieldKind::Unsigned, 8});
    hf.lifetime = r.field({"icmp.lifetime", "Lifetime", FieldKind::Unsigned, 16});
    hf.addressMask = r.field({"icmp.address_mask", "Address Mask", FieldKind::Ipv4});
    hf.origTs = r.field({"icmp.originate_timestamp", "Originate Timestamp", FieldKind::Unsigned, 32});
    hf.recvTs = r.field({"icmp.receive_timestamp", "Receive Timestamp", FieldKind::Unsigned, 32});
    hf.xmitTs = r.field({"icmp.transmit_timestamp", "Transmit Timestamp", FieldKind::Unsigned, 32});
    echoSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<EchoTransactions>(); });
    r.ipProtocol(1, dissectIcmpMessage);
}

}  // namespace rcvmon
