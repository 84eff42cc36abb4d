// SPDX-License-Identifier: GPL-2.0-or-later
// NetBIOS Name Service (RFC 1002 §4.2), UDP port 137: a DNS-shaped header, questions and
// records whose names are first-level encoded NetBIOS names (RFC 1001 §14.1).
#include "dissect/protocols/dns/dns.h"

#include "dissect/field_format.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct NbnsFields {
    FieldId id, flags, flagsResponse, flagsOpcode, flagsAuthoritative, flagsTruncated, flagsRecdesired,
        flagsRecavail, flagsBroadcast, flagsRcode, countQueries, countAnswers, countAuth, countAdd, name, type,
        rrClass, ttl, dataLength, nbFlags, addr, numberOfNames;
} hf;

constexpr ValueName kOpcodes[] = {{0, "Name query"}, {5, "Registration"}, {6, "Release"},
                                  {7, "Wait for acknowledgment"}, {8, "Refresh"},
                                  {9, "Refresh (alternate opcode)"}, {15, "Multi-homed registration"}};
constexpr ValueName kRcodes[] = {{0, "No error"},
                                 {1, "Request was invalidly formatted"},
                                 {2, "Server failure"},
                                 {3, "Requested name does not exist"},
                                 {4, "Request is not implemented"},
                                 {5, "Request was refused"},
                                 {6, "Name is owned by another node"},
                                 {7, "Name is in conflict"}};
constexpr ValueName kTypes[] = {{32, "NB"}, {33, "NBSTAT"}};

void appendType(std::string& out, std::uint64_t type)
{
    const std::string_view name = valueName(fieldInfo(hf.type), type);
    appendNameOrNumber(out, name, type);
}

// "Name query NB WPAD<00>", "Name query response NB 10.0.0.1": the header, the questions,
// and the answers (not the authority and additional records).
void writeInfo(const LayerView& layer, std::string& out)
{
    const std::string_view op = valueName(fieldInfo(hf.flagsOpcode), layer.number(hf.flagsOpcode));
    out += op.empty() ? std::string_view("Unknown operation") : op;
    const bool response = layer.number(hf.flagsResponse) != 0;
    if (response) out += " response";
    const std::uint64_t rcode = layer.number(hf.flagsRcode);
    if (response && rcode != 0) {
        out += ", ";
        appendNameOrNumber(out, valueName(fieldInfo(hf.flagsRcode), rcode), rcode, "Unknown error");
    }
    const Dissection& d = layer.dissection();
    const std::uint64_t questions = layer.number(hf.countQueries), answers = layer.number(hf.countAnswers);
    std::uint64_t names = 0, addresses = 0;
    std::string_view name;
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.name) {
            name = d.valueText(f);
            ++names;
        } else if (f.id == hf.type && names <= questions + answers) {
            out += ' ';
            appendType(out, f.number);
            if (names <= questions) {
                out += ' ';
                out += name;
            }
        } else if (f.id == hf.addr && names > questions && names <= questions + answers && addresses++ == 0) {
            out += ' ';
            d.appendValue(f, out);
        }
    }
}

// What a name's 16th byte says the name is for (Wireshark's netbios_name_type_descr).
std::string_view nameTypeDescription(std::uint8_t type)
{
    switch (type) {
    case 0x00: return "Workstation/Redirector";
    case 0x01: return "Browser";
    case 0x02: return "Workstation/Redirector";
    case 0x03: return "Messenger service/Main name";
    case 0x05: return "Forwarded name";
    case 0x06: return "RAS Server service";
    case 0x1b: return "Domain Master Browser";
    case 0x1c: return "Domain Controllers";
    case 0x1d: return "Local Master Browser";
    case 0x1e: return "Browser Election Service";
    case 0x1f: return "Net DDE Service";
    case 0x20: return "Server service";
    case 0x21: return "RAS client service";
    case 0x22: return "Exchange Interchange (MSMail Connector)";
    case 0x23: return "Exchange Store";
    case 0x24: return "Exchange Directory";
    case 0x2b: return "Lotus Notes Server service";
    case 0x30: return "Modem sharing server service";
    case 0x31: return "Modem sharing client service";
    case 0x43: return "SMS Clients Remote Control";
    case 0x44: return "SMS Administrators Remote Control Tool";
    case 0x45: return "SMS Clients Remote Chat";
    case 0x46: return "SMS Clients Remote Transfer";
    case 0x4c: return "DEC Pathworks TCP/IP Service on Windows NT";
    case 0x52: return "DEC Pathworks TCP/IP Service on Windows NT";
    case 0x6a: return "Microsoft Exchange IMC";
    case 0x87: return "Microsoft Exchange MTA";
    case 0xbe: return "Network Monitor Agent";
    case 0xbf: return "Network Monitor Analyzer";
    default: return "Unknown";
    }
}

// The name at the cursor, decoded as Wireshark shows it: 15 characters (others as <xx>),
// trailing spaces trimmed, the scope, then the 16th byte as <xx>; a record's name also says
// what its type is for.
bool nameField(LayerCursor& c, bool record)
{
    thread_local std::string encoded, text;
    unsigned labels = 0;
    const std::size_t start = c.pos();
    const std::size_t end = dns::readName(c.data(), start, encoded, labels);
    if (end == 0) {
        c.need(c.remaining() + 1);
        return false;
    }
    c.skip(end - start);
    static constexpr char Hex[] = "0123456789abcdef";
    text.clear();
    const std::size_t dot = encoded.find('.');
    const std::string_view first = std::string_view(encoded).substr(0, dot);
    if (first.size() != 32) {
        text = encoded;  // not an encoded NetBIOS name: shown as it is
    } else {
        std::uint8_t raw[16];
        for (std::size_t i = 0; i < 16; ++i)
            raw[i] = static_cast<std::uint8_t>(((first[2 * i] - 'A') & 15) << 4 | ((first[2 * i + 1] - 'A') & 15));
        for (std::size_t i = 0; i < 15; ++i) {
            if (raw[i] >= ' ' && raw[i] <= '~') {
                text += static_cast<char>(raw[i]);
            } else {
                text += '<';
                text += Hex[raw[i] >> 4];
                text += Hex[raw[i] & 15];
                text += '>';
            }
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        if (dot != std::string::npos) text += std::string_view(encoded).substr(dot);
        text += '<';
        text += Hex[raw[15] >> 4];
        text += Hex[raw[15] & 15];
        text += '>';
        if (record) {
            text += " (";
            text += nameTypeDescription(raw[15]);
            text += ')';
        }
    }
    c.ctx().out.addTextField(hf.name, c.layer(), c.absolute(start), static_cast<std::uint32_t>(end - start), text);
    return true;
}

bool dissectNbns(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "NBNS", "nbns", p.data, p.at, p.reported);
    ctx.setProtocol("NBNS");
    c.u16(hf.id);
    const std::uint16_t flags = c.u16(hf.flags);
    if (!c.ok()) return true;
    const bool response = flags & 0x8000;
    c.add(hf.flagsResponse, 2, 2, flags >> 15);
    c.add(hf.flagsOpcode, 2, 2, (flags >> 11) & 0xf);
    if (response) c.add(hf.flagsAuthoritative, 2, 2, (flags >> 10) & 1);
    c.add(hf.flagsTruncated, 2, 2, (flags >> 9) & 1);
    c.add(hf.flagsRecdesired, 2, 2, (flags >> 8) & 1);
    if (response) c.add(hf.flagsRecavail, 2, 2, (flags >> 7) & 1);
    c.add(hf.flagsBroadcast, 2, 2, (flags >> 4) & 1);
    if (response) c.add(hf.flagsRcode, 2, 2, flags & 0xf);
    ctx.setInfo(writeInfo, c.layer());
    const std::uint16_t questions = c.u16(hf.countQueries);
    const std::uint16_t answers = c.u16(hf.countAnswers);
    const std::uint16_t authority = c.u16(hf.countAuth);
    const std::uint16_t additional = c.u16(hf.countAdd);
    for (unsigned q = 0; q < questions && q < 64 && c.ok(); ++q) {
        if (!nameField(c, false)) return true;
        c.u16(hf.type);
        c.u16(hf.rrClass);
    }
    const unsigned records = unsigned{answers} + authority + additional;
    for (unsigned r = 0; r < records && r < 64 && c.ok(); ++r) {
        if (!nameField(c, true)) return true;
        const std::uint16_t type = c.u16(hf.type);
        c.u16(hf.rrClass);
        c.u32(hf.ttl);
        const std::uint16_t length = c.u16(hf.dataLength);
        if (!c.ok()) return true;
        const std::size_t end = c.pos() + length;
        if (type == 32) {
            // NB: name flags and an address per entry (RFC 1002 §4.2.13).
            for (int guard = 0; guard < 64 && c.ok() && c.pos() + 6 <= end; ++guard) {
                c.u16(hf.nbFlags);
                c.bytes(4, hf.addr);
            }
        } else if (type == 33 && length > 0) {
            c.u8(hf.numberOfNames);
        }
        if (c.ok() && c.pos() <= end) c.skip(end - c.pos());
    }
    return true;
}

}  // namespace

void registerNbns(ProtocolRegistrar& r)
{
    r.protocol("nbns");
    hf.id = r.field({"nbns.id", "Transaction ID", FieldKind::Hex, 16});
    hf.flags = r.field({"nbns.flags", "Flags", FieldKind::Hex, 16});
    hf.flagsResponse = r.field({"nbns.flags.response", "Response", FieldKind::Bool, 16, {}, 0x8000});
    hf.flagsOpcode = r.field({"nbns.flags.opcode", "Opcode", FieldKind::Unsigned, 16, kOpcodes, 0x7800});
    hf.flagsAuthoritative = r.field({"nbns.flags.authoritative", "Authoritative", FieldKind::Bool, 16, {}, 0x400});
    hf.flagsTruncated = r.field({"nbns.flags.truncated", "Truncated", FieldKind::Bool, 16, {}, 0x200});
    hf.flagsRecdesired = r.field({"nbns.flags.recdesired", "Recursion desired", FieldKind::Bool, 16, {}, 0x100});
    hf.flagsRecavail = r.field({"nbns.flags.recavail", "Recursion available", FieldKind::Bool, 16, {}, 0x80});
    hf.flagsBroadcast = r.field({"nbns.flags.broadcast", "Broadcast", FieldKind::Bool, 16, {}, 0x10});
    hf.flagsRcode = r.field({"nbns.flags.rcode", "Reply code", FieldKind::Unsigned, 16, kRcodes, 0xf});
    hf.countQueries = r.field({"nbns.count.queries", "Questions", FieldKind::Unsigned, 16});
    hf.countAnswers = r.field({"nbns.count.answers", "Answer RRs", FieldKind::Unsigned, 16});
    hf.countAuth = r.field({"nbns.count.auth_rr", "Authority RRs", FieldKind::Unsigned, 16});
    hf.countAdd = r.field({"nbns.count.add_rr", "Additional RRs", FieldKind::Unsigned, 16});
    hf.name = r.field({"nbns.name", "Name", FieldKind::String});
    hf.type = r.field({"nbns.type", "Type", FieldKind::Unsigned, 16, kTypes});
    hf.rrClass = r.field({"nbns.class", "Class", FieldKind::Unsigned, 16});
    hf.ttl = r.field({"nbns.ttl", "Time to live", FieldKind::Unsigned, 32});
    hf.dataLength = r.field({"nbns.data_length", "Data length", FieldKind::Unsigned, 16});
    hf.nbFlags = r.field({"nbns.nb_flags", "Name flags", FieldKind::Hex, 16});
    hf.addr = r.field({"nbns.addr", "Addr", FieldKind::Ipv4});
    hf.numberOfNames = r.field({"nbns.number_of_names", "Number of names", FieldKind::Unsigned, 8});
    r.udpPort(137, dissectNbns);
}

}  // namespace rcvmon
