// SPDX-License-Identifier: GPL-2.0-or-later
// Modbus/TCP (Modbus Messaging on TCP/IP Implementation Guide V1.0b; MODBUS Application
// Protocol V1.1b3) on TCP 502: the MBAP header (transaction, protocol 0, length, unit) and the
// PDU's function code. A message is a query when sent to 502, a response when sent from it,
// as Wireshark classifies them; its Info names the function.
#include "dissect/protocols/context.h"
#include "dissect/field_list.h"
#include "dissect/protocols/tcp_message.h"
#include "dissect/protocols/value_names.h"

#include <string>

namespace rcvmon {
namespace {

struct ModbusFields {
    FieldId transId, protId, length, unitId, funcCode, exceptionCode, mei, diagnosticCode;
} hf;

constexpr std::uint16_t kPort = 502;
constexpr std::uint8_t kDiagnostics = 8, kEncapsulatedInterface = 43;

constexpr ValueName kFunctions[] = {
    {1, "Read Coils"}, {2, "Read Discrete Inputs"}, {3, "Read Holding Registers"}, {4, "Read Input Registers"},
    {5, "Write Single Coil"}, {6, "Write Single Register"}, {7, "Read Exception Status"}, {8, "Diagnostics"},
    {11, "Get Comm Event Counter"}, {12, "Get Comm Event Log"}, {15, "Write Multiple Coils"},
    {16, "Write Multiple Registers"}, {17, "Report Slave ID"}, {20, "Read File Record"},
    {21, "Write File Record"}, {22, "Mask Write Register"}, {23, "Read Write Register"},
    {24, "Read FIFO Queue"}, {43, "Encapsulated Interface Transport"},
};

constexpr ValueName kEncapsulatedTypes[] = {{13, "CANopen General Reference"}, {14, "Read Device Identification"}};

constexpr ValueName kDiagnosticCodes[] = {
    {0, "Return Query Data"}, {1, "Restart Communications Option"}, {2, "Return Diagnostic Register"},
    {3, "Change ASCII Input Delimiter"}, {4, "Force Listen Only Mode"},
    {10, "Clear Counters and Diagnostic Register"}, {11, "Return Bus Message Count"},
    {12, "Return Bus Communication Error Count"}, {13, "Return Bus Exception Error Count"},
    {14, "Return Slave Message Count"}, {15, "Return Slave No Response Count"}, {16, "Return Slave NAK Count"},
    {17, "Return Slave Busy Count"}, {18, "Return Bus Character Overrun Count"},
    {20, "Clear Overrun Counter and Flag"},
};

constexpr ValueName kExceptions[] = {
    {1, "Illegal function"}, {2, "Illegal data address"}, {3, "Illegal data value"}, {4, "Slave device failure"},
    {5, "Acknowledge"}, {6, "Slave device busy"}, {8, "Memory parity error"},
    {10, "Gateway path unavailable"}, {11, "Gateway target device failed to respond"},
};

// Which way the message goes, from the TCP ports before the layer (Wireshark's
// classify_mbtcp_packet): 0 query, 1 response, 2 neither.
int direction(const LayerView& layer)
{
    std::uint64_t src = 0, dst = 0;
    for (const FieldRecord& f : layer.dissection().fields()) {
        if (f.layer >= layer.layer()) break;
        if (f.id == field::TcpSrcPort) src = f.number;
        if (f.id == field::TcpDstPort) dst = f.number;
    }
    if (src == kPort && dst != kPort) return 1;
    if (src != kPort && dst == kPort) return 0;
    return 2;
}

void appendPadded(std::string& out, std::string_view text, std::size_t width)
{
    for (std::size_t i = text.size(); i < width; ++i) out += ' ';
    out += text;
}

void appendNumber(std::string& out, std::uint64_t value, std::size_t width)
{
    char digits[24];
    std::size_t n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0 && n < sizeof digits);
    for (std::size_t i = n; i < width; ++i) out += ' ';
    while (n > 0) out += digits[--n];
}

// "   Query: Trans:     1; Unit:  10, Func:   3: Read Holding Registers", printf widths as
// Wireshark's "%8s: Trans: %5u; Unit: %3u, Func: %3u: %s".
void writeInfo(const LayerView& layer, std::string& out)
{
    const LayerView modbus(layer.dissection(), static_cast<std::uint16_t>(layer.layer() + 1));
    const int way = direction(layer);
    const std::uint8_t function = static_cast<std::uint8_t>(modbus.number(hf.funcCode));
    const bool exception = modbus.number(hf.exceptionCode) != 0;
    appendPadded(out, way == 0 ? "Query" : way == 1 ? "Response" : "unknown", 8);
    out += ": Trans: ";
    appendNumber(out, layer.number(hf.transId), 5);
    out += "; Unit: ";
    appendNumber(out, layer.number(hf.unitId), 3);
    out += ", Func: ";
    appendNumber(out, function, 3);
    const bool subFunction = !exception && (function == kEncapsulatedInterface || function == kDiagnostics);
    if (subFunction) {
        out += '/';
        appendNumber(out, 1, 3);  // Wireshark prints a literal 1 here
        out += ": ";
        if (function == kEncapsulatedInterface) {
            out += modbus.has(hf.mei) ? valueName(kEncapsulatedTypes, modbus.number(hf.mei),
                                                  "Encapsulated Interface Transport")
                                      : "Encapsulated Interface Transport";
        } else {
            out += modbus.has(hf.diagnosticCode)
                       ? valueName(kDiagnosticCodes, modbus.number(hf.diagnosticCode), "Diagnostics")
                       : "Diagnostics";
        }
    } else {
        out += ": ";
        appendNameOrNumber(out, valueName(kFunctions, function), function, "Unknown function");
    }
    if (way == 2) {
        out += ". Unable to classify as query or response.";
    } else if (exception) {
        out += ". Exception returned ";
    }
}

std::size_t messageLength(ByteSpan b)
{
    if (b.size() < 6) return 0;
    return 6 + ((std::size_t{b[4]} << 8) | b[5]);
}

void dissectMessage(DissectContext& ctx, const Payload& p)
{
    LayerCursor c(ctx, "Modbus/TCP", "mbtcp", p.data, p.at, p.reported);
    ctx.setProtocol("Modbus/TCP");
    c.u16(hf.transId);
    c.u16(hf.protId);
    c.u16(hf.length);
    c.u8(hf.unitId);
    if (!c.ok()) return;
    ctx.setInfo(writeInfo, c.layer());
    LayerCursor m(ctx, "Modbus", "modbus", c.rest(), c.absolute(c.pos()), c.reportedRemaining());
    const std::uint8_t raw = m.u8();
    if (!m.ok()) return;
    m.add(hf.funcCode, 0, 1, raw & 0x7f);
    const std::uint8_t function = raw & 0x7f;
    if (raw & 0x80) {
        m.u8(hf.exceptionCode);
    } else if (function == kEncapsulatedInterface && m.remaining() >= 1) {
        m.u8(hf.mei);
    } else if (function == kDiagnostics && m.remaining() >= 2) {
        m.u16(hf.diagnosticCode);
    }
}

void dissectStream(DissectContext& ctx, const Payload& p)
{
    dissectTcpMessages(ctx, p, messageLength, [&](const Payload& m, int) {
        // A header cut by the segment's end waits for more bytes in Wireshark; none came.
        if (m.data.size() < 6 && m.data.size() == m.reported) return;
        dissectMessage(ctx, m);
    });
}

bool dissectModbus(DissectContext& ctx, const Payload& p)
{
    // Wireshark's test before taking the segment: an MBAP header, protocol 0, length >= 2.
    const ByteSpan b = p.data;
    if (b.size() < 8 || b[2] != 0 || b[3] != 0 || ((b[4] << 8) | b[5]) < 2) return false;
    dissectStream(ctx, p);
    return true;
}

}  // namespace

void registerModbus(ProtocolRegistrar& r)
{
    r.protocol("mbtcp");
    hf.transId = r.field({"mbtcp.trans_id", "Transaction Identifier", FieldKind::Unsigned, 16});
    hf.protId = r.field({"mbtcp.prot_id", "Protocol Identifier", FieldKind::Unsigned, 16});
    hf.length = r.field({"mbtcp.len", "Length", FieldKind::Unsigned, 16});
    hf.unitId = r.field({"mbtcp.unit_id", "Unit Identifier", FieldKind::Unsigned, 8});
    r.tcpPort(kPort, dissectModbus);
    r.protocol("modbus");
    hf.funcCode = r.field({"modbus.func_code", "Function Code", FieldKind::Unsigned, 8, kFunctions, 0x7f});
    hf.exceptionCode = r.field({"modbus.exception_code", "Exception Code", FieldKind::Unsigned, 8, kExceptions});
    hf.mei = r.field({"modbus.mei", "MEI type", FieldKind::Unsigned, 8, kEncapsulatedTypes});
    hf.diagnosticCode = r.field({"modbus.diagnostic_code", "Diagnostic Code", FieldKind::Unsigned, 16, kDiagnosticCodes});
}

}  // namespace rcvmon
