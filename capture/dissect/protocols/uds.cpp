// SPDX-License-Identifier: GPL-2.0-or-later
// Unified Diagnostic Services (ISO 14229-1) inside DoIP diagnostic messages: the service
// identifier with its reply bit, and the services whose parameters Wireshark puts in Info
// (session control, tester present, negative responses).
#include "dissect/protocols/doip.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct UdsFields {
    FieldId sourceAddress, targetAddress, sid, reply, dscType, dscRecord, tpSubFunction, tpSuppress, errSid, errCode;
} hf;

constexpr std::uint8_t kReply = 0x40;
constexpr std::uint8_t kDsc = 0x10, kTesterPresent = 0x3e, kError = 0x3f;

constexpr ValueName kServices[] = {
    {0x10, "Diagnostic Session Control"}, {0x11, "ECU Reset"}, {0x14, "Clear Diagnostic Information"},
    {0x19, "Read DTC Information"}, {0x22, "Read Data By Identifier"}, {0x23, "Read Memory By Address"},
    {0x24, "Read Scaling Data By Identifier"}, {0x27, "Security Access"}, {0x28, "Communication Control"},
    {0x29, "Authentication"}, {0x2a, "Read Data By Periodic Identifier"},
    {0x2c, "Dynamically Define Data Identifier"}, {0x2e, "Write Data By Identifier"},
    {0x2f, "Input Output Control By Identifier"}, {0x31, "Routine Control"}, {0x34, "Request Download"},
    {0x35, "Request Upload"}, {0x36, "Transfer Data"}, {0x37, "Request Transfer Exit"},
    {0x38, "Request File Transfer"}, {0x3d, "Write Memory By Address"}, {0x3e, "Tester Present"},
    {0x3f, "Error"}, {0x83, "Access Timing Parameter"}, {0x84, "Secured Data Transmission"},
    {0x85, "Control DTC Setting"}, {0x86, "Response On Event"}, {0x87, "Link Control"},
};

constexpr ValueName kSessions[] = {
    {0x01, "Default Session"}, {0x02, "Programming Session"}, {0x03, "Extended Diagnostic Session"},
    {0x04, "Safety System Diagnostic Session"},
};

constexpr ValueName kResponseCodes[] = {
    {0x10, "General reject"}, {0x11, "Service not supported"}, {0x12, "SubFunction not supported"},
    {0x13, "Incorrect message length or invalid format"}, {0x14, "Response too long"},
    {0x21, "Busy repeat request"}, {0x22, "Conditions not correct"}, {0x24, "Request sequence error"},
    {0x25, "No response from subnet component"}, {0x26, "Failure prevents execution of requested action"},
    {0x31, "Request out of range"}, {0x33, "Security access denied"}, {0x35, "Invalid key"},
    {0x36, "Exceed number of attempts"}, {0x37, "Required time delay not expired"},
    {0x70, "Upload/Download not accepted"}, {0x71, "Transfer data suspended"},
    {0x72, "General programming failure"}, {0x73, "Wrong Block Sequence Counter"},
    {0x78, "Request correctly received, but response is pending"},
    {0x7e, "Sub-Function not supported in active session"}, {0x7f, "Service not supported in active session"},
};

// val_to_str's "Unknown (0x%02x)".
void appendName(std::string& out, std::span<const ValueName> table, std::uint64_t value)
{
    appendNameOrHex(out, valueName(table, value), value, 2);
}

void appendPaddedRight(std::string& out, std::size_t from, std::size_t width)
{
    while (out.size() - from < width) out += ' ';
}

// "Request   Diagnostic Session Control             Extended Diagnostic Session": Wireshark's
// "%-7s   %-36s" and the service's own "   %s" parts.
void writeInfo(const LayerView& layer, std::string& out)
{
    if (!layer.has(hf.sid)) return;
    const std::uint64_t service = layer.number(hf.sid);
    std::size_t start = out.size();
    out += layer.number(hf.reply) ? "Reply" : "Request";
    appendPaddedRight(out, start, 10);
    start = out.size();
    appendName(out, kServices, service);
    appendPaddedRight(out, start, 36);
    if (layer.has(hf.dscType)) {
        out += "   ";
        appendName(out, kSessions, layer.number(hf.dscType));
        if (const FieldRecord* record = layer.field(hf.dscRecord)) {
            out += "   ";
            const std::string_view bytes = layer.dissection().valueText(*record);
            for (std::size_t i = 0; i < bytes.size(); ++i) {
                static constexpr char kHex[] = "0123456789abcdef";
                if (i) out += ' ';
                out += kHex[static_cast<std::uint8_t>(bytes[i]) >> 4];
                out += kHex[static_cast<std::uint8_t>(bytes[i]) & 0xf];
            }
        }
    } else if (layer.has(hf.tpSubFunction)) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "   Sub-function ";
        const std::uint64_t sub = layer.number(hf.tpSubFunction);
        if (sub >= 16) out += kHex[(sub >> 4) & 0xf];
        out += kHex[sub & 0xf];
    } else if (layer.has(hf.errSid)) {
        out += "   ";
        appendName(out, kServices, layer.number(hf.errSid));
        out += " (SID: ";
        appendName(out, kResponseCodes, layer.number(hf.errCode));
        out += ')';
    }
}

}  // namespace

void dissectUds(DissectContext& ctx, const Payload& p, std::uint16_t source, std::uint16_t target)
{
    LayerCursor c(ctx, "UDS", "uds", p.data, p.at, p.reported);
    ctx.setProtocol("UDS");
    c.add(hf.sourceAddress, 0, 0, source);
    c.add(hf.targetAddress, 0, 0, target);
    ctx.setInfo(writeInfo, c.layer());  // col_clear before the service is read
    const std::uint8_t sid = c.u8();
    if (!c.ok()) return;
    c.add(hf.sid, 0, 1, sid & 0xbf);
    c.add(hf.reply, 0, 1, (sid & kReply) >> 6);
    const std::uint8_t service = sid & 0xbf;
    if (service == kDsc) {
        c.u8(hf.dscType);
        if ((sid & kReply) && c.ok() && c.remaining() > 0) c.bytes(c.remaining(), hf.dscRecord);
    } else if (service == kTesterPresent) {
        const std::uint8_t sub = c.u8();
        if (c.ok()) {
            c.add(hf.tpSubFunction, 1, 1, sub & 0x7f);
            c.add(hf.tpSuppress, 1, 1, sub >> 7);
        }
    } else if (service == kError) {
        c.u8(hf.errSid);
        c.u8(hf.errCode);
    }
}

void registerUds(ProtocolRegistrar& r)
{
    r.protocol("uds");
    hf.sourceAddress = r.field({"uds.diag_addr_source", "Diagnostic Source Address", FieldKind::Hex, 16});
    hf.targetAddress = r.field({"uds.diag_addr_target", "Diagnostic Target Address", FieldKind::Hex, 16});
    hf.sid = r.field({"uds.sid", "Service Identifier", FieldKind::Hex, 8, kServices, 0xbf});
    hf.reply = r.field({"uds.reply", "Reply Flag", FieldKind::Hex, 8, {}, 0x40});
    hf.dscType = r.field({"uds.dsc.type", "Type", FieldKind::Hex, 8, kSessions});
    hf.dscRecord = r.field({"uds.dsc.parameter_record", "Parameter Record", FieldKind::Bytes});
    hf.tpSubFunction = r.field({"uds.tp.suppress_reply", "Suppress reply", FieldKind::Hex, 8, {}, 0x7f});
    hf.tpSuppress = r.field({"uds.tp.suppress_reply.indification", "Suppress reply", FieldKind::Bool, 8, {}, 0x80});
    hf.errSid = r.field({"uds.err.sid", "Service Identifier", FieldKind::Hex, 8, kServices});
    hf.errCode = r.field({"uds.err.code", "Code", FieldKind::Hex, 8, kResponseCodes});
}

}  // namespace rcvmon
