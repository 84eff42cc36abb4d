// SPDX-License-Identifier: GPL-2.0-or-later
// TFTP (RFC 1350, options RFC 2347): requests to UDP port 69 and, as Wireshark's enabled
// heuristic, any datagram that reads as a request (printable file name and a known mode).
// Data and acknowledgements travel between two other ports and are not followed here.
#include "dissect/field_format.h"
#include "dissect/protocols/context.h"
#include "dissect/protocols/value_names.h"

#include <cctype>

namespace rcvmon {
namespace {

struct TftpFields {
    FieldId opcode, sourceFile, destinationFile, type, block, errorCode, errorMessage, optionName, optionValue;
} hf;

enum : std::uint16_t { Rrq = 1, Wrq = 2, Data = 3, Ack = 4, Error = 5, Oack = 6 };

constexpr ValueName kOpcodes[] = {{1, "Read Request"},   {2, "Write Request"},        {3, "Data Packet"},
                                  {4, "Acknowledgement"}, {5, "Error Code"},           {6, "Option Acknowledgement"},
                                  {255, "Information (MSDP)"}};
constexpr ValueName kErrors[] = {{0, "Not defined"},
                                 {1, "File not found"},
                                 {2, "Access violation"},
                                 {3, "Disk full or allocation exceeded"},
                                 {4, "Illegal TFTP Operation"},
                                 {5, "Unknown transfer ID"},
                                 {6, "File already exists"},
                                 {7, "No such user"},
                                 {8, "Option negotiation failed"}};

// "Read Request, File: x, Transfer type: octet, blksize=1428", "Acknowledgement, Block: 2".
void writeInfo(const LayerView& layer, std::string& out)
{
    const std::uint64_t opcode = layer.number(hf.opcode);
    const std::string_view name = valueName(fieldInfo(hf.opcode), opcode);
    appendNameOrHex(out, name, opcode, 4);
    const Dissection& d = layer.dissection();
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.sourceFile || f.id == hf.destinationFile) {
            out += ", File: ";
            out += d.valueText(f);
        } else if (f.id == hf.type) {
            out += ", Transfer type: ";
            out += d.valueText(f);
        } else if (f.id == hf.block) {
            out += ", Block: ";
            appendDecimal(out, f.number);
        } else if (f.id == hf.errorCode) {
            out += ", Code: ";
            out += valueName(fieldInfo(hf.errorCode), f.number);
        } else if (f.id == hf.errorMessage) {
            out += ", Message: ";
            out += d.valueText(f);
        } else if (f.id == hf.optionName) {
            out += ", ";
            out += d.valueText(f);
        } else if (f.id == hf.optionValue) {
            out += '=';
            out += d.valueText(f);
        }
    }
}

// A NUL-terminated string at the cursor, as a text field; false when it does not end.
bool stringz(LayerCursor& c, FieldId id)
{
    const ByteSpan rest = c.rest();
    std::size_t n = 0;
    while (n < rest.size() && rest[n] != 0) ++n;
    if (n == rest.size()) {
        c.need(n + 1);
        return false;
    }
    c.ctx().out.addTextField(id, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(n + 1),
                             std::string_view(reinterpret_cast<const char*>(rest.data()), n));
    c.skip(n + 1);
    return true;
}

// Wireshark's is_valid_request_body: printable text in NUL-ended pairs, the second string a
// transfer mode.
bool looksLikeRequest(ByteSpan d)
{
    if (d.size() < 4) return false;
    unsigned zeros = 0;
    for (std::size_t i = 2; i < d.size(); ++i) {
        if (d[i] == 0) {
            ++zeros;
        } else if (d[i] < 0x20 || d[i] > 0x7e) {
            return false;
        }
    }
    if (zeros == 0 || zeros % 2 != 0) return false;
    std::size_t i = 2;
    while (d[i] != 0) ++i;
    const std::size_t start = ++i;
    while (i < d.size() && d[i] != 0) ++i;
    std::string_view mode(reinterpret_cast<const char*>(d.data()) + start, i - start);
    for (const std::string_view known : {"netscii", "octet", "mail"}) {
        if (mode.size() != known.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < mode.size(); ++k)
            same = same && std::tolower(static_cast<unsigned char>(mode[k])) == known[k];
        if (same) return true;
    }
    return false;
}

void dissectMessage(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "TFTP", "tftp", p.data, p.at, p.reported);
    ctx.setProtocol("TFTP");
    const std::uint16_t opcode = c.u16(hf.opcode);
    if (!c.ok()) return;
    ctx.setInfo(writeInfo, c.layer());
    switch (opcode) {
    case Rrq:
    case Wrq:
        if (!stringz(c, opcode == Rrq ? hf.sourceFile : hf.destinationFile) || !stringz(c, hf.type)) return;
        [[fallthrough]];
    case Oack:
        for (int guard = 0; guard < 32 && c.ok() && c.remaining() > 0; ++guard)
            if (!stringz(c, hf.optionName) || !stringz(c, hf.optionValue)) return;
        break;
    case Data:
    case Ack: c.u16(hf.block); break;
    case Error:
        c.u16(hf.errorCode);
        if (c.ok()) stringz(c, hf.errorMessage);
        break;
    default: break;
    }
}

std::uint16_t opcodeOf(ByteSpan d) { return d.size() >= 2 ? static_cast<std::uint16_t>(d[0] << 8 | d[1]) : 0; }

// Port 69 receives the requests; what else reaches it belongs to a transfer whose
// conversation RcvMon does not follow, and Wireshark's TFTP declines it without one.
bool dissectTftpPort(DissectContext& ctx, const Payload& p)
{
    const std::uint16_t opcode = opcodeOf(p.data);
    if (opcode != Rrq && opcode != Wrq) return false;
    dissectMessage(ctx, p);
    return true;
}

bool dissectTftpHeuristic(DissectContext& ctx, const Payload& p)
{
    const std::uint16_t opcode = opcodeOf(p.data);
    if ((opcode != Rrq && opcode != Wrq) || !looksLikeRequest(p.data)) return false;
    dissectMessage(ctx, p);
    return true;
}

}  // namespace

void registerTftp(ProtocolRegistrar& r)
{
    r.protocol("tftp");
    hf.opcode = r.field({"tftp.opcode", "Opcode", FieldKind::Unsigned, 16, kOpcodes});
    hf.sourceFile = r.field({"tftp.source_file", "Source File", FieldKind::String});
    hf.destinationFile = r.field({"tftp.destination_file", "Destination File", FieldKind::String});
    hf.type = r.field({"tftp.type", "Type", FieldKind::String});
    hf.block = r.field({"tftp.block", "Block", FieldKind::Unsigned, 16});
    hf.errorCode = r.field({"tftp.error.code", "Error code", FieldKind::Unsigned, 16, kErrors});
    hf.errorMessage = r.field({"tftp.error.message", "Error message", FieldKind::String});
    hf.optionName = r.field({"tftp.option.name", "Option name", FieldKind::String});
    hf.optionValue = r.field({"tftp.option.value", "Option value", FieldKind::String});
    r.udpPort(69, dissectTftpPort);
    r.udpHeuristic(dissectTftpHeuristic);
}

}  // namespace rcvmon
