// SPDX-License-Identifier: GPL-2.0-or-later
// ICMPv6 (RFC 4443), with Neighbor Discovery and its options (RFC 4861), MLD (RFC 2710) and
// MLDv2 (RFC 3810), router renumbering (RFC 2894), node information (RFC 4620), RPL (RFC
// 6550) and extended echo (RFC 8335) named in Info as packet-icmpv6.c does. Error messages
// quote the offending IPv6 packet without touching the columns, as for ICMP; echo replies
// name their request.
#include "dissect/echo_transactions.h"
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

std::uint16_t echoSlot = 0xffff;  // EchoTransactions

struct Icmpv6Fields {
    FieldId respTo, teredoNonce, mtu, pointer, nsTarget, naFlag, naR, naS, naO, naTarget, rdTarget, optType, optLength,
        srcLinkaddr, targetLinkaddr, prefixLen, prefix, optMtu, mldMrd, mldMaddr, mldrRecords, marType, marAux,
        marSources, marMaddr, marSource, raHop, raFlag, raLifetime, raReachable, raRetrans;
} hf;

constexpr ValueName kTypes[] = {
    {1, "Destination Unreachable"}, {2, "Packet Too Big"}, {3, "Time Exceeded"}, {4, "Parameter Problem"},
    {100, "Private experimentation"}, {101, "Private experimentation"},
    {127, "Reserved for expansion of ICMPv6 error messages"}, {128, "Echo (ping) request"},
    {129, "Echo (ping) reply"}, {130, "Multicast Listener Query"}, {131, "Multicast Listener Report"},
    {132, "Multicast Listener Done"}, {133, "Router Solicitation"}, {134, "Router Advertisement"},
    {135, "Neighbor Solicitation"}, {136, "Neighbor Advertisement"}, {137, "Redirect"},
    {138, "Router Renumbering"}, {139, "Node Information Query"}, {140, "Node Information Reply"},
    {141, "Inverse Neighbor Discovery Solicitation"}, {142, "Inverse Neighbor Discovery Advertisement"},
    {143, "Multicast Listener Report Message v2"}, {144, "Home Agent Address Discovery Request"},
    {145, "Home Agent Address Discovery Reply"}, {146, "Mobile Prefix Solicitation"},
    {147, "Mobile Prefix Advertisement"}, {148, "Certification Path Solicitation"},
    {149, "Certification Path Advertisement"}, {150, "Experimental Mobility"},
    {151, "Multicast Router Advertisement"}, {152, "Multicast Router Solicitation"},
    {153, "Multicast Router Termination"}, {154, "FMIPv6"}, {155, "RPL Control"}, {156, "Locator Update"},
    {157, "Duplicate Address Request"}, {158, "Duplicate Address Confirmation"}, {159, "MPL Control Message"},
    {160, "Extended Echo request"}, {161, "Extended Echo reply"}, {200, "Private experimentation"},
    {201, "Private experimentation"}, {255, "Reserved for expansion of ICMPv6 informational messages"},
};
constexpr ValueName kUnreachCodes[] = {
    {0, "no route to destination"}, {1, "Administratively prohibited"}, {2, "Beyond scope of source address"},
    {3, "Address unreachable"}, {4, "Port unreachable"}, {5, "Source address failed ingress/egress policy"},
    {6, "Reject route to destination"}, {7, "Error in Source Routing Header"},
};
constexpr ValueName kTimeExceededCodes[] = {
    {0, "hop limit exceeded in transit"}, {1, "fragment reassembly time exceeded"},
};
constexpr ValueName kParamProbCodes[] = {
    {0, "erroneous header field encountered"}, {1, "unrecognized Next Header type encountered"},
    {2, "unrecognized IPv6 option encountered"}, {3, "IPv6 First Fragment has incomplete IPv6 Header Chain"},
};
constexpr ValueName kRenumberingCodes[] = {{0, "Command"}, {1, "Result"}, {255, "Sequence number reset"}};
constexpr ValueName kNiQueryCodes[] = {
    {0, "Query subject = IPv6 addresses"}, {1, "Query subject = DNS name or empty"},
    {2, "Query subject = IPv4 addresses"},
};
constexpr ValueName kNiReplyCodes[] = {{0, "Successful"}, {1, "Refused"}, {2, "Unknown query type"}};
constexpr ValueName kRplCodes[] = {
    {0x00, "DODAG Information Solicitation"}, {0x01, "DODAG Information Object"},
    {0x02, "Destination Advertisement Object"}, {0x03, "Destination Advertisement Object Acknowledgment"},
    {0x80, "Secure DODAG Information Solicitation"}, {0x81, "Secure DODAG Information Object"},
    {0x82, "Secure Destination Advertisement Object"},
    {0x83, "Secure Destination Advertisement Object Acknowledgment"}, {0x8a, "Consistency Check"},
    {0x04, "P2P Discovery Reply Object"}, {0x84, "P2P Secure Discovery Reply Object"},
    {0x05, "P2P Discovery Reply Object Acknowledgement"},
    {0x85, "P2P Secure Discovery Reply Object Acknowledgement"},
};
constexpr ValueName kExtEchoRequestCodes[] = {{0, "No error"}};
constexpr ValueName kExtEchoReplyCodes[] = {
    {0, "No error"}, {1, "Malformed Query"}, {2, "No Such Interface"}, {3, "No Such Table Entry"},
    {4, "Multiple Interfaces Satisfy Query"},
};

// The code's names, and the text packet-icmpv6.c shows for a code without one.
std::span<const ValueName> codeNames(std::uint64_t type, std::string_view& unknown)
{
    unknown = "Unknown (";
    switch (type) {
    case 1: unknown = "Unknown"; return kUnreachCodes;
    case 3: return kTimeExceededCodes;
    case 4: return kParamProbCodes;
    case 138: return kRenumberingCodes;
    case 139: return kNiQueryCodes;
    case 140: return kNiReplyCodes;
    case 155: return kRplCodes;
    case 160: return kExtEchoRequestCodes;
    case 161: return kExtEchoReplyCodes;
    default: unknown = {}; return {};
    }
}

// The hop limit of the IPv6 header carrying this message, if one does.
const FieldRecord* carrierHopLimit(const LayerView& l)
{
    const FieldRecord* hlim = nullptr;
    for (const FieldRecord& f : l.dissection().fields()) {
        if (f.layer >= l.layer()) break;
        if (f.id == field::Ipv6Hlim) hlim = &f;
        if (f.id == field::IpTtl) hlim = nullptr;
    }
    return hlim;
}

void writeInfo(const LayerView& l, std::string& out)
{
    const Dissection& d = l.dissection();
    const std::uint64_t type = l.number(field::Icmpv6Type), code = l.number(field::Icmpv6Code);
    const std::string_view name = valueName(kTypes, type);
    const bool teredoTest = type == 128 && l.has(hf.teredoNonce);
    if (teredoTest) {
        out += "Direct IPv6 Connectivity Test";  // replaces the type and code text
    } else {
        appendNameOrNumber(out, name, type);
    }
    std::string_view unknown;
    const std::span<const ValueName> codes = codeNames(type, unknown);
    if (!unknown.empty() && !teredoTest) {
        out += " (";
        const std::string_view codeName = valueName(codes, code);
        if (!codeName.empty()) {
            out += codeName;
        } else if (unknown == "Unknown") {
            out += unknown;
        } else {
            out += unknown;
            appendDecimal(out, code);
            out += ')';
        }
        out += ')';
    }
    if ((type == 128 || type == 129) && l.has(field::Icmpv6EchoSeq)) {
        out += " id=";
        appendHex(out, l.number(field::Icmpv6EchoId), 4);
        out += ", seq=";
        appendDecimal(out, l.number(field::Icmpv6EchoSeq));
        if (const FieldRecord* hlim = carrierHopLimit(l)) {
            out += ", hop limit=";
            appendDecimal(out, hlim->number);
        }
        if (const FieldRecord* request = l.field(hf.respTo)) {
            out += " (request in ";
            appendDecimal(out, request->number);
            out += ')';
        }
        return;
    }
    // Neighbor Discovery: target, flags and link-layer addresses in field order.
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != l.layer()) continue;
        if (f.id == hf.nsTarget) {
            out += " for ";
            d.appendValue(f, out);
        } else if (f.id == hf.naTarget) {
            out += ' ';
            d.appendValue(f, out);
            const std::uint64_t flags = l.number(hf.naFlag);
            out += " (";
            const std::size_t start = out.size();
            if (flags & 0x80000000u) out += "rtr, ";
            if (flags & 0x40000000u) out += "sol, ";
            if (flags & 0x20000000u) out += "ovr, ";
            if (out.size() > start) {
                out.resize(out.size() - 2);
            } else {
                out += "none";
            }
            out += ')';
        } else if ((f.id == hf.srcLinkaddr || f.id == hf.targetLinkaddr) && f.length == 6) {
            out += f.id == hf.srcLinkaddr ? " from " : " is at ";
            appendMac(out, d.valueBytes(f));
        }
    }
}

// packet-icmpv6.c's key: the request's checksum; a reply's checksum less 0x0100 (the type
// byte differs by one).
std::uint32_t requestChecksumOfReply(std::uint16_t replyChecksum)
{
    std::uint32_t sum = (~replyChecksum & 0xffffu) + (~0x0100u & 0xffffu);
    sum = (sum & 0xffff) + (sum >> 16);
    sum = (sum & 0xffff) + (sum >> 16);
    const std::uint32_t key = ~sum & 0xffffu;
    return key == 0 ? 0xffff : key;
}

void trackEcho(DissectContext& ctx, LayerCursor& c, std::uint8_t type, std::uint16_t checksum,
               std::uint16_t ident, std::uint16_t seq)
{
    EchoTransactions* echo = ctx.state<EchoTransactions>(echoSlot);
    if (!echo || ctx.inIcmpError || ctx.net.family != 6) return;
    const std::uint32_t idSeq = (std::uint32_t{ident} << 16) | seq;
    if (type == 128) {
        echo->request(EchoTransactions::key(6, ctx.net.src, ctx.net.dst, checksum, idSeq), ctx.frameNumber);
        return;
    }
    const EchoTransactions::Key key =
        EchoTransactions::key(6, ctx.net.src, ctx.net.dst, requestChecksumOfReply(checksum), idSeq);
    if (const std::uint64_t request = echo->reply(key, ctx.frameNumber)) c.add(hf.respTo, 0, 0, request);
}

// ND options (RFC 4861 §4.6): type, length in 8-byte units; link-layer addresses and the
// prefix are recorded.
// The datagram an error message or a Redirected Header option quotes, dissected as Wireshark's
// dissect_contained_icmpv6: no columns, and a quote cut short is no malformation.
void dissectQuotedIpv6(DissectContext& ctx, Payload quoted)
{
    quoted.reported = quoted.data.size() + 65536;
    const bool writable = ctx.columnsWritable, inError = ctx.inIcmpError;
    ctx.columnsWritable = false;
    ctx.inIcmpError = true;
    if (!quoted.data.empty() && (quoted.data[0] >> 4) == 6) {
        dissectIpv6(ctx, quoted);
    } else {
        dissectData(ctx, quoted);
    }
    ctx.columnsWritable = writable;
    ctx.inIcmpError = inError;
}

void dissectNdOptions(LayerCursor& c)
{
    for (int guard = 0; guard < 64 && c.ok() && c.remaining() >= 2; ++guard) {
        const std::size_t at = c.pos();
        const std::uint8_t type = c.u8(hf.optType);
        const std::size_t length = std::size_t{c.u8(hf.optLength)} * 8;
        if (!c.ok() || length == 0) return;
        if ((type == 1 || type == 2) && length == 8) {
            c.bytes(6, type == 1 ? hf.srcLinkaddr : hf.targetLinkaddr);
        } else if (type == 3 && length == 32) {
            c.u8(hf.prefixLen);
            c.skip(13);
            c.bytes(16, hf.prefix);
        } else if (type == 5 && length == 8) {
            c.skip(2);
            c.u32(hf.optMtu);
        } else if (type == 4 && length > 8 && at + length <= c.size() && c.skip(6)) {  // Redirected Header
            const std::size_t quoted = length - 8;
            const Payload inner{c.data().subspan(c.pos(), quoted), quoted, c.absolute(c.pos())};
            dissectQuotedIpv6(c.ctx(), inner);
        }
        if (at + length > c.size()) {
            c.need(at + length - c.pos());
            return;
        }
        c.skip(at + length - c.pos());
    }
}

void dissectMldv2Report(LayerCursor& c)
{
    c.skip(2);
    const std::uint16_t records = c.u16(hf.mldrRecords);
    for (unsigned i = 0; i < records && c.ok(); ++i) {
        c.u8(hf.marType);
        const std::uint8_t aux = c.u8(hf.marAux);
        const std::uint16_t sources = c.u16(hf.marSources);
        c.bytes(16, hf.marMaddr);
        for (unsigned s = 0; s < sources && c.ok(); ++s) c.bytes(16, hf.marSource);
        c.skip(std::size_t{aux} * 4);
    }
}

bool dissectIcmpv6Message(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "ICMPv6", "icmpv6", p.data, p.at, p.reported);
    ctx.setProtocol("ICMPv6");
    ctx.setInfo(writeInfo, c.layer());
    const std::uint8_t type = c.u8(field::Icmpv6Type);
    c.u8(field::Icmpv6Code);
    const std::uint16_t checksum = c.u16(field::Icmpv6Checksum);
    if (!c.ok()) return true;
    switch (type) {
    case 128:
    case 129: {
        // An echo request to the Teredo port is Teredo's direct connectivity test (RFC 4380 §5.2.9).
        if (type == 128 && ctx.udpDstPort == 3544) ctx.setProtocol("Teredo");
        const std::uint16_t ident = c.u16(field::Icmpv6EchoId);
        const std::uint16_t seq = c.u16(field::Icmpv6EchoSeq);
        if (type == 128 && ctx.udpDstPort == 3544) {
            c.bytes(4, hf.teredoNonce);
        } else if (c.ok()) {
            trackEcho(ctx, c, type, checksum, ident, seq);
        }
        return true;
    }
    case 130:
    case 131:
    case 132:
        c.u16(hf.mldMrd);
        c.skip(2);
        c.bytes(16, hf.mldMaddr);
        return true;
    case 133:
        c.skip(4);
        dissectNdOptions(c);
        return true;
    case 134:
        c.u8(hf.raHop);
        c.u8(hf.raFlag);
        c.u16(hf.raLifetime);
        c.u32(hf.raReachable);
        c.u32(hf.raRetrans);
        dissectNdOptions(c);
        return true;
    case 135:
        c.skip(4);
        c.bytes(16, hf.nsTarget);
        dissectNdOptions(c);
        return true;
    case 136: {
        const std::uint32_t flags = c.u32(hf.naFlag);
        if (c.ok()) {
            c.add(hf.naR, 4, 4, (flags >> 31) & 1);
            c.add(hf.naS, 4, 4, (flags >> 30) & 1);
            c.add(hf.naO, 4, 4, (flags >> 29) & 1);
        }
        c.bytes(16, hf.naTarget);
        dissectNdOptions(c);
        return true;
    }
    case 137:
        c.skip(4);
        c.bytes(16, hf.rdTarget);
        c.skip(16);
        dissectNdOptions(c);
        return true;
    case 143: dissectMldv2Report(c); return true;
    default: break;
    }
    if (type < 1 || type > 4) return true;
    if (type == 2) c.u32(hf.mtu); else if (type == 4) c.u32(hf.pointer); else c.skip(4);
    if (!c.ok()) return true;
    dissectQuotedIpv6(ctx, payloadAfter(c, c.reportedRemaining()));
    return true;
}

}  // namespace

void dissectIcmpv6(DissectContext& ctx, const Payload& p)
{
    dissectIcmpv6Message(ctx, p);
}

void registerIcmpv6(ProtocolRegistrar& r)
{
    r.protocol("icmpv6");
    hf.respTo = r.field({"icmpv6.resp_to", "Response To", FieldKind::Unsigned, 32});
    hf.teredoNonce = r.field({"icmpv6.nonce", "Nonce", FieldKind::Bytes});
    hf.mtu = r.field({"icmpv6.mtu", "MTU", FieldKind::Unsigned, 32});
    hf.pointer = r.field({"icmpv6.pointer", "Pointer", FieldKind::Unsigned, 32});
    hf.nsTarget = r.field({"icmpv6.nd.ns.target_address", "Target Address", FieldKind::Ipv6});
    hf.naFlag = r.field({"icmpv6.nd.na.flag", "Flags", FieldKind::Hex, 32});
    hf.naR = r.field({"icmpv6.nd.na.flag.r", "Router", FieldKind::Bool, 32, {}, 0x80000000});
    hf.naS = r.field({"icmpv6.nd.na.flag.s", "Solicited", FieldKind::Bool, 32, {}, 0x40000000});
    hf.naO = r.field({"icmpv6.nd.na.flag.o", "Override", FieldKind::Bool, 32, {}, 0x20000000});
    hf.naTarget = r.field({"icmpv6.nd.na.target_address", "Target Address", FieldKind::Ipv6});
    hf.rdTarget = r.field({"icmpv6.nd.rd.target_address", "Target Address", FieldKind::Ipv6});
    hf.optType = r.field({"icmpv6.opt.type", "Type", FieldKind::Unsigned, 8});
    hf.optLength = r.field({"icmpv6.opt.length", "Length", FieldKind::Unsigned, 8});
    hf.srcLinkaddr = r.field({"icmpv6.opt.src_linkaddr", "Source Link-layer address", FieldKind::Bytes});
    hf.targetLinkaddr = r.field({"icmpv6.opt.target_linkaddr", "Target Link-layer address", FieldKind::Bytes});
    hf.prefixLen = r.field({"icmpv6.opt.prefix.length", "Prefix Length", FieldKind::Unsigned, 8});
    hf.prefix = r.field({"icmpv6.opt.prefix", "Prefix", FieldKind::Ipv6});
    hf.optMtu = r.field({"icmpv6.opt.mtu", "MTU", FieldKind::Unsigned, 32});
    hf.mldMrd = r.field({"icmpv6.mld.maximum_response_delay", "Maximum Response Delay [ms]", FieldKind::Unsigned, 16});
    hf.mldMaddr = r.field({"icmpv6.mld.multicast_address", "Multicast Address", FieldKind::Ipv6});
    hf.mldrRecords =
        r.field({"icmpv6.mldr.nb_mcast_records", "Number of Multicast Address Records", FieldKind::Unsigned, 16});
    hf.marType = r.field({"icmpv6.mldr.mar.record_type", "Record Type", FieldKind::Unsigned, 8});
    hf.marAux = r.field({"icmpv6.mldr.mar.aux_data_len", "Aux Data Len", FieldKind::Unsigned, 8});
    hf.marSources = r.field({"icmpv6.mldr.mar.nb_sources", "Number of Sources", FieldKind::Unsigned, 16});
    hf.marMaddr = r.field({"icmpv6.mldr.mar.multicast_address", "Multicast Address", FieldKind::Ipv6});
    hf.marSource = r.field({"icmpv6.mldr.mar.source_address", "Source Address", FieldKind::Ipv6});
    hf.raHop = r.field({"icmpv6.nd.ra.cur_hop_limit", "Cur hop limit", FieldKind::Unsigned, 8});
    hf.raFlag = r.field({"icmpv6.nd.ra.flag", "Flags", FieldKind::Hex, 8});
    hf.raLifetime = r.field({"icmpv6.nd.ra.router_lifetime", "Router lifetime (s)", FieldKind::Unsigned, 16});
    hf.raReachable = r.field({"icmpv6.nd.ra.reachable_time", "Reachable time (ms)", FieldKind::Unsigned, 32});
    hf.raRetrans = r.field({"icmpv6.nd.ra.retrans_timer", "Retrans timer (ms)", FieldKind::Unsigned, 32});
    echoSlot = r.state([]() -> std::unique_ptr<ProtocolState> { return std::make_unique<EchoTransactions>(); });
    r.ipProtocol(58, dissectIcmpv6Message);
}

}  // namespace rcvmon
