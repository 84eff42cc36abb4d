// SPDX-License-Identifier: GPL-2.0-or-later
// Resource record data of the common types: A and NS, CNAME, SOA, PTR, HINFO, MX, TXT
// (RFC 1035 §3.3-3.4), WKS (§3.4.2), AAAA (RFC 3596), SRV (RFC 2782), DNAME (RFC 6672),
// NAPTR (RFC 3403 §4.1), NSEC (RFC 4034 §4), OPT options (RFC 6891 §6.1.2). Other types keep their bytes unparsed,
// as their Info text has none of their data.
#include "dissect/protocols/dns/dns.h"

namespace rcvmon::dns {
namespace {

enum : std::uint16_t {
    A = 1, NS = 2, MD = 3, MF = 4, CNAME = 5, SOA = 6, MB = 7, MG = 8, MR = 9, WKS = 11, PTR = 12, HINFO = 13,
    MX = 15, TXT = 16, AAAA = 28, SRV = 33, NAPTR = 35, DNAME = 39, OPT = 41, NSEC = 47,
};

// A name inside record data, added as a text field; false when it is cut or invalid.
bool nameField(LayerCursor& c, std::size_t base, FieldId id)
{
    thread_local std::string text;
    unsigned labels = 0;
    const std::size_t start = c.pos();
    const std::size_t end = readName(c.data().subspan(base), start - base, text, labels);
    if (end == 0) {
        c.need(c.remaining() + 1);
        return false;
    }
    const std::size_t length = end + base - start;
    if (!c.skip(length)) return false;
    c.ctx().out.addTextField(id, c.layer(), c.absolute(start), static_cast<std::uint32_t>(length), text);
    return true;
}

// A <character-string> (RFC 1035 §3.3): its length byte, then its text.
bool characterString(LayerCursor& c, FieldId lengthId, FieldId textId)
{
    const std::uint8_t n = c.u8(lengthId);
    const std::size_t start = c.pos();
    const ByteSpan bytes = c.bytes(n);
    if (!c.ok()) return false;
    c.ctx().out.addTextField(textId, c.layer(), c.absolute(start), n,
                             std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    return true;
}

void dissectOptions(LayerCursor& c, std::size_t end)
{
    for (int guard = 0; guard < 256 && c.ok() && c.pos() + 4 <= end; ++guard) {
        const std::size_t start = c.pos();
        c.add(hf.opt, start, 4, 0);
        c.u16(hf.optCode);
        const std::uint16_t n = c.u16(hf.optLen);
        if (n > end - c.pos()) {
            c.malformed();
            return;
        }
        if (n > 0) c.bytes(n, hf.optData);
    }
}

}  // namespace

void registerRecordFields(ProtocolRegistrar& r)
{
    hf.a = r.field({"dns.a", "Address", FieldKind::Ipv4});
    hf.aaaa = r.field({"dns.aaaa", "AAAA Address", FieldKind::Ipv6});
    hf.cname = r.field({"dns.cname", "CNAME", FieldKind::String});
    hf.ns = r.field({"dns.ns", "Name Server", FieldKind::String});
    hf.ptr = r.field({"dns.ptr.domain_name", "Domain Name", FieldKind::String});
    hf.dname = r.field({"dns.dname", "Dname", FieldKind::String});
    hf.soaMname = r.field({"dns.soa.mname", "Primary name server", FieldKind::String});
    hf.soaRname = r.field({"dns.soa.rname", "Responsible authority's mailbox", FieldKind::String});
    hf.soaSerial = r.field({"dns.soa.serial_number", "Serial Number", FieldKind::Unsigned, 32});
    hf.soaRefresh = r.field({"dns.soa.refresh_interval", "Refresh Interval", FieldKind::Unsigned, 32});
    hf.soaRetry = r.field({"dns.soa.retry_interval", "Retry Interval", FieldKind::Unsigned, 32});
    hf.soaExpire = r.field({"dns.soa.expire_limit", "Expire limit", FieldKind::Unsigned, 32});
    hf.soaMinimum = r.field({"dns.soa.minimum_ttl", "Minimum TTL", FieldKind::Unsigned, 32});
    hf.mxPreference = r.field({"dns.mx.preference", "Preference", FieldKind::Unsigned, 16});
    hf.mxExchange = r.field({"dns.mx.mail_exchange", "Mail Exchange", FieldKind::String});
    hf.txtLength = r.field({"dns.txt.length", "TXT Length", FieldKind::Unsigned, 8});
    hf.txt = r.field({"dns.txt", "TXT", FieldKind::String});
    hf.srvPriority = r.field({"dns.srv.priority", "Priority", FieldKind::Unsigned, 16});
    hf.srvWeight = r.field({"dns.srv.weight", "Weight", FieldKind::Unsigned, 16});
    hf.srvPort = r.field({"dns.srv.port", "Port", FieldKind::Unsigned, 16});
    hf.srvTarget = r.field({"dns.srv.target", "Target", FieldKind::String});
    hf.nsecNext = r.field({"dns.nsec.next_domain_name", "Next Domain Name", FieldKind::String});
    hf.wksAddress = r.field({"dns.wks.address", "Address", FieldKind::Ipv4});
    hf.wksProtocol = r.field({"dns.wks.protocol", "Protocol", FieldKind::Unsigned, 8});
    hf.hinfoCpuLength = r.field({"dns.hinfo.cpu_length", "CPU Length", FieldKind::Unsigned, 8});
    hf.hinfoCpu = r.field({"dns.hinfo.cpu", "CPU", FieldKind::String});
    hf.hinfoOsLength = r.field({"dns.hinfo.os_length", "OS Length", FieldKind::Unsigned, 8});
    hf.hinfoOs = r.field({"dns.hinfo.os", "OS", FieldKind::String});
    hf.naptrOrder = r.field({"dns.naptr.order", "Order", FieldKind::Unsigned, 16});
    hf.naptrPreference = r.field({"dns.naptr.preference", "Preference", FieldKind::Unsigned, 16});
    hf.naptrFlagsLength = r.field({"dns.naptr.flags_length", "Flags Length", FieldKind::Unsigned, 8});
    hf.naptrFlags = r.field({"dns.naptr.flags", "Flags", FieldKind::String});
    hf.naptrServiceLength = r.field({"dns.naptr.service_length", "Service Length", FieldKind::Unsigned, 8});
    hf.naptrService = r.field({"dns.naptr.service", "Service", FieldKind::String});
    hf.naptrRegexLength = r.field({"dns.naptr.regex_length", "Regex Length", FieldKind::Unsigned, 8});
    hf.naptrRegex = r.field({"dns.naptr.regex", "Regex", FieldKind::String});
    hf.naptrReplacement = r.field({"dns.naptr.replacement", "Replacement", FieldKind::String});
    hf.opt = r.field({"dns.opt", "Option", FieldKind::None});
    hf.optCode = r.field({"dns.opt.code", "Option Code", FieldKind::Unsigned, 16});
    hf.optLen = r.field({"dns.opt.len", "Option Length", FieldKind::Unsigned, 16});
    hf.optData = r.field({"dns.opt.data", "Option Data", FieldKind::Bytes});
}

void dissectRecordData(LayerCursor& c, std::size_t base, std::uint16_t type, std::uint16_t rrClass, std::size_t length)
{
    const std::size_t start = c.pos();
    const std::size_t end = start + length;
    switch (type) {
    case A:
        // Only an Internet address is one (CHAOS class A records hold a domain and address).
        if ((rrClass & 0x7f) == 1 && length >= 4) c.bytes(4, hf.a);
        break;
    case AAAA:
        if (length >= 16) c.bytes(16, hf.aaaa);
        break;
    case NS: nameField(c, base, hf.ns); break;
    case CNAME: nameField(c, base, hf.cname); break;
    case PTR: nameField(c, base, hf.ptr); break;
    case DNAME: nameField(c, base, hf.dname); break;
    case SOA:
        if (nameField(c, base, hf.soaMname) && nameField(c, base, hf.soaRname)) {
            c.u32(hf.soaSerial);
            c.u32(hf.soaRefresh);
            c.u32(hf.soaRetry);
            c.u32(hf.soaExpire);
            c.u32(hf.soaMinimum);
        }
        break;
    case MX:
        c.u16(hf.mxPreference);
        if (c.ok()) nameField(c, base, hf.mxExchange);
        break;
    case SRV:
        c.u16(hf.srvPriority);
        c.u16(hf.srvWeight);
        c.u16(hf.srvPort);
        if (c.ok()) nameField(c, base, hf.srvTarget);
        break;
    case NSEC: nameField(c, base, hf.nsecNext); break;
    case NAPTR:
        c.u16(hf.naptrOrder);
        c.u16(hf.naptrPreference);
        if (characterString(c, hf.naptrFlagsLength, hf.naptrFlags) &&
            characterString(c, hf.naptrServiceLength, hf.naptrService) &&
            characterString(c, hf.naptrRegexLength, hf.naptrRegex))
            nameField(c, base, hf.naptrReplacement);
        break;
    case WKS:
        if (length >= 5) {
            c.bytes(4, hf.wksAddress);
            c.u8(hf.wksProtocol);
        }
        break;
    case HINFO:
        if (characterString(c, hf.hinfoCpuLength, hf.hinfoCpu)) characterString(c, hf.hinfoOsLength, hf.hinfoOs);
        break;
    case TXT:
        for (int guard = 0; guard < 256 && c.ok() && c.pos() < end; ++guard)
            characterString(c, hf.txtLength, hf.txt);
        break;
    case OPT: dissectOptions(c, end); break;
    default: break;
    }
    // The record's length, not what its data used, says where the next one starts.
    if (!c.ok()) return;
    if (c.pos() > end) {
        c.malformed();
        return;
    }
    c.skip(end - c.pos());
}

}  // namespace rcvmon::dns
