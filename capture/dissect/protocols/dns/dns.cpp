// SPDX-License-Identifier: GPL-2.0-or-later
// DNS messages (RFC 1035 §4.1), also carried by mDNS (RFC 6762) and LLMNR (RFC 4795), over
// UDP and over TCP (§4.2.2: a 2-byte length before each message): header, flags, the question
// section and the answer, authority and additional records, whose data dns_records.cpp reads.
// Names follow compression pointers (§4.1.4) with a hop limit, so a pointer loop ends.
#include "dissect/protocols/dns/dns.h"

#include "dissect/field_format.h"
#include "dissect/protocols/layer_fields.h"
#include "dissect/protocols/value_names.h"
#include "dissect/tcp_conversations.h"

namespace rcvmon::dns {

Fields hf;

namespace {

enum : std::uint16_t { OpcodeUpdate = 5, TypeOpt = 41, TypeNsec3Param = 51 };

// Wireshark's short type names (dns_types_vals), which the Info column uses.
std::string_view typeName(std::uint64_t type)
{
    static constexpr std::string_view low[] = {
        "Unused", "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL", "WKS", "PTR", "HINFO", "MINFO",
        "MX", "TXT", "RP", "AFSDB", "X25", "ISDN", "RT", "NSAP", "NSAP-PTR", "SIG", "KEY", "PX", "GPOS", "AAAA",
        "LOC", "NXT", "EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT", "A6", "DNAME", "SINK", "OPT", "APL",
        "DS", "SSHFP", "IPSECKEY", "RRSIG", "NSEC", "DNSKEY", "DHCID", "NSEC3", "NSEC3PARAM", "TLSA", {}, {},
        "HIP", {}, "RKEY", "TALINK", "CDS", "CDNSKEY", "OPENPGPKEY", "CSYNC", "ZONEMD", "SVCB", "HTTPS"};
    if (type < std::size(low)) return low[type];
    static constexpr std::string_view from99[] = {"SPF", "UINFO", "UID", "GID", "UNSPEC", "NID", "L32", "L64",
                                                  "LP", "EUI48", "EUI64"};
    if (type >= 99 && type < 99 + std::size(from99)) return from99[type - 99];
    static constexpr std::string_view from249[] = {"TKEY", "TSIG", "IXFR", "AXFR", "MAILB", "MAILA", "ANY",
                                                   "URI", "CAA"};
    if (type >= 249 && type < 249 + std::size(from249)) return from249[type - 249];
    switch (type) {
    case 32768: return "TA";
    case 32769: return "DLV";
    case 65281: return "WINS";
    case 65282: return "WINS-R";
    case 65422: return "XPF";
    default: return {};
    }
}

void appendType(std::string& out, std::uint64_t type)
{
    const std::string_view name = typeName(type);
    appendNameOrNumber(out, name, type);
}

std::string_view opcodeName(std::uint64_t opcode)
{
    switch (opcode) {
    case 0: return "Standard query";
    case 1: return "Inverse query";
    case 2: return "Server status request";
    case 4: return "Zone change notification";
    case 5: return "Dynamic update";
    case 6: return "DNS Stateful operations (DSO)";
    default: return {};
    }
}

std::string_view rcodeName(std::uint64_t rcode)
{
    static constexpr std::string_view names[] = {
        "No error", "Format error", "Server failure", "No such name", "Not implemented", "Refused", "Name exists",
        "RRset exists", "RRset does not exist", "Not authoritative", "Name out of zone", "DSO-Type not implemented"};
    return rcode < std::size(names) ? names[rcode] : std::string_view{};
}

// The fields whose value follows the record's type in Info (dissect_dns_answer's col_append).
bool inInfo(FieldId id)
{
    return id == hf.a || id == hf.aaaa || id == hf.cname || id == hf.ns || id == hf.ptr || id == hf.dname ||
           id == hf.soaMname || id == hf.mxPreference || id == hf.mxExchange || id == hf.srvPriority ||
           id == hf.srvWeight || id == hf.srvPort || id == hf.srvTarget || id == hf.nsecNext || id == hf.wksAddress ||
           id == hf.hinfoCpu || id == hf.hinfoOs || id == hf.naptrOrder || id == hf.naptrPreference ||
           id == hf.naptrFlags;
}

// "Standard query response 0x4fe8 No such name A www.apple.com CNAME x A 1.2.3.4 OPT": the
// header, then each question and record in order, as Wireshark appends them while dissecting.
void writeInfo(const LayerView& layer, std::string& out)
{
    const std::uint64_t opcode = layer.number(hf.flagsOpcode);
    const std::string_view op = opcodeName(opcode);
    if (op.empty()) {
        out += "Unknown operation (";
        appendDecimal(out, opcode);
        out += ')';
    } else {
        out += op;
    }
    const bool response = layer.number(hf.flagsResponse) != 0;
    if (response) out += " response";
    out += ' ';
    appendHex(out, layer.number(hf.id), 4);
    const std::uint64_t rcode = layer.number(hf.flagsRcode);
    if (response && rcode != 0) {
        out += ' ';
        appendNameOrNumber(out, rcodeName(rcode), rcode, "Unknown error");
    }
    const Dissection& d = layer.dissection();
    std::string_view qname, rname;
    std::uint64_t rtype = 0;
    for (const FieldRecord& f : layerFields(layer)) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.qryName) {
            qname = d.valueText(f);
        } else if (f.id == hf.qryType) {
            out += ' ';
            appendType(out, f.number);
            out += ' ';
            out += qname;
        } else if (f.id == hf.qryQu) {
            out += f.number ? ", \"QU\" question" : ", \"QM\" question";
        } else if (f.id == hf.respName) {
            rname = d.valueText(f);
        } else if (f.id == hf.respType) {
            out += ' ';
            appendType(out, f.number);
            rtype = f.number;
        } else if (f.id == hf.respCacheFlush) {
            if (f.number) out += ", cache flush";
        } else if (f.id == hf.respClass && rtype == TypeNsec3Param) {
            out += ' ';  // Wireshark names the owner of an NSEC3PARAM record
            out += rname;
        } else if (inInfo(f.id)) {
            out += ' ';
            d.appendValue(f, out);
        }
    }
}

constexpr int kMaxPointerHops = 64;
constexpr std::size_t kMaxNameText = 1024;
constexpr unsigned kMaxRecords = 512;

struct Message {
    std::size_t base;  // where the message starts in the cursor
    bool mdns, llmnr;
};

// The name at the cursor and its length there; false when it is cut or invalid (the cursor is marked).
bool nameAtCursor(LayerCursor& c, const Message& m, std::string& text, std::size_t& length)
{
    unsigned labels = 0;
    const std::size_t start = c.pos();
    const std::size_t end = readName(c.data().subspan(m.base), start - m.base, text, labels);
    if (end == 0) {
        c.need(c.remaining() + 1);
        return false;
    }
    length = end + m.base - start;
    return true;
}

bool dissectQuestion(LayerCursor& c, const Message& m)
{
    thread_local std::string name;
    std::size_t length = 0;
    const std::size_t start = c.pos();
    if (!nameAtCursor(c, m, name, length)) return false;
    // Wireshark adds a question's items only once its name, type and class are all there.
    if (!c.need(length + 4)) return false;
    c.skip(length);
    DissectContext& ctx = c.ctx();
    ctx.out.addTextField(hf.qryName, c.layer(), c.absolute(start), static_cast<std::uint32_t>(length), name);
    c.add(hf.qryNameLen, start, length, name.size());
    unsigned labels = 1;
    for (const char ch : name) labels += ch == '.';
    c.add(hf.countLabels, start, length, labels);
    c.u16(hf.qryType);
    const std::uint16_t qclass = c.u16();
    // mDNS uses the class's top bit as the unicast-response flag (RFC 6762 §5.4).
    c.add(hf.qryClass, c.pos() - 2, 2, m.mdns ? qclass & 0x7fff : qclass);
    if (m.mdns) c.add(hf.qryQu, c.pos() - 2, 2, qclass >> 15);
    return c.ok();
}

bool dissectRecord(LayerCursor& c, const Message& m)
{
    thread_local std::string name;
    std::size_t length = 0;
    const std::size_t start = c.pos();
    if (!nameAtCursor(c, m, name, length)) return false;
    // Wireshark reads the whole fixed part before it adds the record's items.
    if (!c.need(length + 10)) return false;
    c.skip(length);
    c.ctx().out.addTextField(hf.respName, c.layer(), c.absolute(start), static_cast<std::uint32_t>(length), name);
    const std::uint16_t type = c.u16(hf.respType);
    const std::uint16_t rrClass = c.u16();
    if (!c.ok()) return false;
    if (type == TypeOpt) {
        // RFC 6891 §6.1.2: the class is the UDP payload size, the TTL the extended RCODE,
        // version and flags.
        c.add(hf.udpPayloadSize, c.pos() - 2, 2, rrClass);
        c.u8(hf.extRcode);
        c.u8(hf.ednsVersion);
        const std::uint16_t z = c.u16(hf.respZ);
        if (c.ok()) {
            c.add(hf.respZDo, c.pos() - 2, 2, z >> 15);
            c.add(hf.respZReserved, c.pos() - 2, 2, z & 0x7fff);
        }
    } else {
        if (m.mdns) c.add(hf.respCacheFlush, c.pos() - 2, 2, rrClass >> 15);
        c.add(hf.respClass, c.pos() - 2, 2, m.mdns ? rrClass & 0x7fff : rrClass);
        c.u32(hf.respTtl);
    }
    const std::uint16_t dataLength = c.u16(hf.respLen);
    if (!c.ok()) return false;
    if (dataLength > 0) dissectRecordData(c, m.base, type, rrClass, dataLength);
    return c.ok();
}

// One DNS message from the cursor's position to its end.
void dissectMessage(LayerCursor& c, const Message& m)
{
    const std::size_t start = c.pos();
    c.u16(hf.id);
    const std::uint16_t flags = c.u16(hf.flags);
    if (!c.ok()) return;
    const bool response = flags & 0x8000;
    const std::size_t at = start + 2;
    c.add(hf.flagsResponse, at, 2, flags >> 15);
    c.add(hf.flagsOpcode, at, 2, (flags >> 11) & 0xf);
    if (m.llmnr) {
        c.add(hf.flagsConflict, at, 2, (flags >> 10) & 1);
        c.add(hf.flagsTruncated, at, 2, (flags >> 9) & 1);
        c.add(hf.flagsTentative, at, 2, (flags >> 8) & 1);
        if (response) c.add(hf.flagsRcode, at, 2, flags & 0xf);
    } else {
        if (response) c.add(hf.flagsAuthoritative, at, 2, (flags >> 10) & 1);
        c.add(hf.flagsTruncated, at, 2, (flags >> 9) & 1);
        c.add(hf.flagsRecdesired, at, 2, (flags >> 8) & 1);
        if (response) c.add(hf.flagsRecavail, at, 2, (flags >> 7) & 1);
        c.add(hf.flagsZ, at, 2, (flags >> 6) & 1);
        if (response) c.add(hf.flagsAuthenticated, at, 2, (flags >> 5) & 1);
        c.add(hf.flagsCheckdisable, at, 2, (flags >> 4) & 1);
        if (response) c.add(hf.flagsRcode, at, 2, flags & 0xf);
    }
    // RFC 2136 §2.2: an update names its sections zones, prerequisites and updates.
    const bool update = ((flags >> 11) & 0xf) == OpcodeUpdate;
    const std::uint16_t questions = c.u16(update ? hf.countZones : hf.countQueries);
    const std::uint16_t answers = c.u16(update ? hf.countPrerequisites : hf.countAnswers);
    const std::uint16_t authority = c.u16(update ? hf.countUpdates : hf.countAuth);
    const std::uint16_t additional = c.u16(hf.countAdd);
    if (!c.ok()) return;
    for (unsigned q = 0; q < questions && q < kMaxRecords; ++q)
        if (!dissectQuestion(c, m)) return;
    const unsigned records = unsigned{answers} + authority + additional;
    for (unsigned r = 0; r < records && r < kMaxRecords; ++r)
        if (!dissectRecord(c, m)) return;
}

void dissectUdp(DissectContext& ctx, const Payload& p, std::string_view protocolName, std::string_view filterName)
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
    dissectMessage(c, Message{0, filterName == "mdns", filterName == "llmnr"});
    // The start of a datagram an ICMP error quotes is all there is: Wireshark stops where
    // it ends without calling the packet short.
    LayerRecord& layer = ctx.out.layer(c.layer());
    if (ctx.inIcmpError && layer.status == ParseStatus::Truncated) layer.status = ParseStatus::Ok;
}

bool dissectUnicastDns(DissectContext& ctx, const Payload& p)
{
    dissectUdp(ctx, p, "DNS", "dns");
    return true;
}

bool dissectMdns(DissectContext& ctx, const Payload& p)
{
    dissectUdp(ctx, p, "MDNS", "mdns");
    return true;
}

bool dissectLlmnr(DissectContext& ctx, const Payload& p)
{
    dissectUdp(ctx, p, "LLMNR", "llmnr");
    return true;
}

// Wireshark's DNS heuristic on UDP: a standard query with one question, or a response with
// at most one question and few records, long enough to hold what the counts promise.
bool dissectDnsHeuristic(DissectContext& ctx, const Payload& p)
{
    const ByteSpan d = p.data;
    if (p.reported <= 12 || d.size() < 12) return false;
    const auto u16 = [&](std::size_t at) { return static_cast<unsigned>(d[at] << 8 | d[at + 1]); };
    const unsigned flags = u16(2), questions = u16(4), answers = u16(6), authority = u16(8), additional = u16(10);
    if ((flags & 0x7800) != 0) return false;
    if (!(flags & 0x8000)) {
        if (questions != 1 || answers != 0 || authority != 0) return false;
    } else if (questions > 1 || answers > 100 || authority > 100) {
        return false;
    }
    if (additional > 100 || questions + answers == 0) return false;
    if (questions * 6 + (answers + authority + additional) * 11 > p.reported - 12) return false;
    dissectUdp(ctx, p, "DNS", "dns");
    return true;
}

// DNS over TCP: each message after its 2-byte length, several in one segment, a message that
// runs past the segment completed by later ones (TCP desegmentation).
bool dissectTcpDns(DissectContext& ctx, const Payload& p)
{
    std::size_t offset = 0;
    for (int guard = 0; guard < 64 && offset < p.data.size(); ++guard) {
        const ByteSpan rest = p.data.subspan(offset);
        const std::size_t reported = p.reported - offset;
        const std::size_t length = rest.size() >= 2 ? (std::size_t{rest[0]} << 8 | rest[1]) : 0;
        if (rest.size() < 2 || rest.size() < 2 + length) {
            if (reported < 2 + length || rest.size() < 2) {
                // The message continues in later segments.
                LayerCursor c(ctx, "DNS", "dns", rest, p.at + static_cast<std::uint32_t>(offset), reported);
                const std::size_t needed = rest.size() < 2 ? 1 : 2 + length - reported;
                // Kept and dissected whole on the segment that completes it (the rest of that
                // segment comes back here).
                const bool keep = p.data.size() >= p.reported;
                startTcpPdu(ctx, TcpPdu{"DNS", "DNS", "dns", {}, {}, keep ? dissectTcpDns : nullptr}, needed, c.layer(),
                            offset > 0, keep ? rest : ByteSpan{});
                if (!ctx.desegment) c.need(2 + length);
                return true;
            }
        }
        const std::size_t size = 2 + length;
        LayerCursor c(ctx, "DNS", "dns", rest.first(std::min(size, rest.size())),
                      p.at + static_cast<std::uint32_t>(offset), size);
        ctx.setProtocol("DNS");
        // Each message replaces the Info text, and the later ones are no new protocol layer
        // (Wireshark's tcp_dissect_pdus calls the DNS dissector itself for each).
        ctx.setInfo(writeInfo, c.layer());
        if (offset > 0) c.unlisted();
        c.u16(hf.tcpLength);
        if (c.need(4)) dissectMessage(c, Message{2, false, false});
        offset += size;
    }
    return true;
}

}  // namespace

std::size_t readName(ByteSpan msg, std::size_t pos, std::string& text, unsigned& labels)
{
    std::size_t end = 0;
    int hops = 0;
    labels = 0;
    text.clear();
    for (;;) {
        if (pos >= msg.size()) return 0;
        const std::uint8_t len = msg[pos];
        if ((len & 0xc0) == 0xc0) {
            if (pos + 1 >= msg.size()) return 0;
            if (end == 0) end = pos + 2;
            if (++hops > kMaxPointerHops) {
                // Wireshark names the problem instead of failing, and reads on after the name.
                text = "<Name contains a pointer that loops>";
                return end;
            }
            pos = (std::size_t{len & 0x3fu} << 8) | msg[pos + 1];
            continue;
        }
        if ((len & 0xc0) != 0) {  // extended label types (RFC 6891 §5): named, not read
            text = "<Unknown extended label>";
            return end == 0 ? pos + 1 : end;
        }
        if (len == 0) {
            if (end == 0) end = pos + 1;
            break;
        }
        if (pos + 1 + len > msg.size()) return 0;
        if (!text.empty()) text.push_back('.');
        ++labels;
        for (std::size_t i = 0; i < len && text.size() < kMaxNameText; ++i) {
            const char ch = static_cast<char>(msg[pos + 1 + i]);
            text.push_back(ch >= 0x20 && ch < 0x7f ? ch : '.');
        }
        pos += 1 + std::size_t{len};
    }
    if (text.empty()) text = "<Root>";
    return end;
}

}  // namespace rcvmon::dns

namespace rcvmon {

void registerDns(ProtocolRegistrar& r)
{
    using dns::hf;
    r.protocol("dns");
    hf.tcpLength = r.field({"dns.length", "Length", FieldKind::Unsigned, 16});
    hf.id = r.field({"dns.id", "Transaction ID", FieldKind::Hex, 16});
    hf.flags = r.field({"dns.flags", "Flags", FieldKind::Hex, 16});
    hf.flagsResponse = r.field({"dns.flags.response", "Response", FieldKind::Bool, 16, {}, 0x8000});
    hf.flagsOpcode = r.field({"dns.flags.opcode", "Opcode", FieldKind::Unsigned, 16, {}, 0x7800});
    hf.flagsAuthoritative = r.field({"dns.flags.authoritative", "Authoritative", FieldKind::Bool, 16, {}, 0x400});
    hf.flagsConflict = r.field({"dns.flags.conflict", "Conflict", FieldKind::Bool, 16, {}, 0x400});
    hf.flagsTruncated = r.field({"dns.flags.truncated", "Truncated", FieldKind::Bool, 16, {}, 0x200});
    hf.flagsRecdesired = r.field({"dns.flags.recdesired", "Recursion desired", FieldKind::Bool, 16, {}, 0x100});
    hf.flagsTentative = r.field({"dns.flags.tentative", "Tentative", FieldKind::Bool, 16, {}, 0x100});
    hf.flagsRecavail = r.field({"dns.flags.recavail", "Recursion available", FieldKind::Bool, 16, {}, 0x80});
    hf.flagsZ = r.field({"dns.flags.z", "Z", FieldKind::Bool, 16, {}, 0x40});
    hf.flagsAuthenticated =
        r.field({"dns.flags.authenticated", "Answer authenticated", FieldKind::Bool, 16, {}, 0x20});
    hf.flagsCheckdisable =
        r.field({"dns.flags.checkdisable", "Non-authenticated data", FieldKind::Bool, 16, {}, 0x10});
    hf.flagsRcode = r.field({"dns.flags.rcode", "Reply code", FieldKind::Unsigned, 16, {}, 0xf});
    hf.countQueries = r.field({"dns.count.queries", "Questions", FieldKind::Unsigned, 16});
    hf.countZones = r.field({"dns.count.zones", "Zones", FieldKind::Unsigned, 16});
    hf.countAnswers = r.field({"dns.count.answers", "Answer RRs", FieldKind::Unsigned, 16});
    hf.countPrerequisites = r.field({"dns.count.prerequisites", "Prerequisites", FieldKind::Unsigned, 16});
    hf.countAuth = r.field({"dns.count.auth_rr", "Authority RRs", FieldKind::Unsigned, 16});
    hf.countUpdates = r.field({"dns.count.updates", "Updates", FieldKind::Unsigned, 16});
    hf.countAdd = r.field({"dns.count.add_rr", "Additional RRs", FieldKind::Unsigned, 16});
    hf.qryName = r.field({"dns.qry.name", "Name", FieldKind::String});
    hf.qryNameLen = r.field({"dns.qry.name.len", "Name Length", FieldKind::Unsigned, 16});
    hf.countLabels = r.field({"dns.count.labels", "Label Count", FieldKind::Unsigned, 16});
    hf.qryType = r.field({"dns.qry.type", "Type", FieldKind::Unsigned, 16});
    hf.qryClass = r.field({"dns.qry.class", "Class", FieldKind::Hex, 16});
    hf.qryQu = r.field({"dns.qry.qu", "\"QU\" question", FieldKind::Bool, 16, {}, 0x8000});
    hf.respName = r.field({"dns.resp.name", "Name", FieldKind::String});
    hf.respType = r.field({"dns.resp.type", "Type", FieldKind::Unsigned, 16});
    hf.respClass = r.field({"dns.resp.class", "Class", FieldKind::Hex, 16});
    hf.respCacheFlush = r.field({"dns.resp.cache_flush", "Cache flush", FieldKind::Bool, 16, {}, 0x8000});
    hf.respTtl = r.field({"dns.resp.ttl", "Time to live", FieldKind::Unsigned, 32});
    hf.respLen = r.field({"dns.resp.len", "Data length", FieldKind::Unsigned, 16});
    hf.udpPayloadSize = r.field({"dns.rr.udp_payload_size", "UDP payload size", FieldKind::Unsigned, 16});
    hf.extRcode = r.field({"dns.resp.ext_rcode", "Higher bits in extended RCODE", FieldKind::Hex, 8});
    hf.ednsVersion = r.field({"dns.resp.edns0_version", "EDNS0 version", FieldKind::Unsigned, 8});
    hf.respZ = r.field({"dns.resp.z", "Z", FieldKind::Hex, 16});
    hf.respZDo = r.field({"dns.resp.z.do", "DO bit", FieldKind::Bool, 16, {}, 0x8000});
    hf.respZReserved = r.field({"dns.resp.z.reserved", "Reserved", FieldKind::Hex, 16, {}, 0x7fff});
    dns::registerRecordFields(r);
    r.udpPort(53, dns::dissectUnicastDns);
    r.tcpPort(53, dns::dissectTcpDns);
    r.tcpPort(5353, dns::dissectTcpDns);
    r.udpHeuristic(dns::dissectDnsHeuristic);
    r.protocol("mdns");
    r.udpPort(5353, dns::dissectMdns);
    r.protocol("llmnr");
    r.udpPort(5355, dns::dissectLlmnr);
}

}  // namespace rcvmon
