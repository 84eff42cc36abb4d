// SPDX-License-Identifier: GPL-2.0-or-later
// FTP control connection (RFC 959; EPRT/EPSV RFC 2428) and the data connections its replies
// and commands announce (FTP-DATA). As in Wireshark each segment is dissected on its own:
// the first line names the request or response, PASV/EPSV replies and PORT/EPRT commands
// announce the data connection, whose segments are FTP-DATA whatever their ports, described
// by the method that set them up and the command that followed.
#include "dissect/expected_conversations.h"
#include "dissect/field_format.h"
#include "dissect/protocols/text/lines.h"
#include "dissect/tcp_conversations.h"

#include <cstring>

namespace rcvmon {
namespace {

using text::Line;

struct FtpFields {
    FieldId response, request, requestCommand, requestArg, responseCode, responseArg, passiveIp, passivePort,
        passiveNat, activeIp, activePort, activeNat, eprtAf, eprtIp, eprtIpv6, eprtPort, epsvPort;
    FieldId dataSetupFrame, dataSetupMethod, dataCommand, dataCommandFrame;
} hf;

constexpr std::uint16_t kFtpPort = 21;

void writeInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    if (const FieldRecord* cmd = layer.field(hf.requestCommand)) {
        out += "Request: ";
        text::appendFormatted(out, d.valueText(*cmd));
        if (const FieldRecord* arg = layer.field(hf.requestArg)) {
            out.append(cmd->aux, ' ');
            text::appendFormatted(out, d.valueText(*arg));
        }
        return;
    }
    if (layer.has(hf.request)) {
        out += "Request: ";
        if (const FieldRecord* arg = layer.field(hf.requestArg)) text::appendFormatted(out, d.valueText(*arg));
        return;
    }
    out += "Response: ";
    if (const FieldRecord* code = layer.field(hf.responseCode)) {
        // The three digits as they were sent (a code keeps its leading zeros).
        out += static_cast<char>('0' + code->number / 100 % 10);
        out += static_cast<char>('0' + code->number / 10 % 10);
        out += static_cast<char>('0' + code->number % 10);
        if (code->aux != 0) out += static_cast<char>(code->aux);
    }
    if (const FieldRecord* arg = layer.field(hf.responseArg)) text::appendFormatted(out, d.valueText(*arg));
}

void writeDataInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    std::uint64_t bytes = 0;
    for (const FieldRecord& f : d.fields())
        if (f.id == field::TcpLen) bytes = f.number;
    out += "FTP Data: ";
    appendDecimal(out, bytes);
    out += " bytes";
    if (const FieldRecord* method = layer.field(hf.dataSetupMethod)) {
        out += " (";
        out += d.valueText(*method);
        out += ')';
    }
    if (const FieldRecord* command = layer.field(hf.dataCommand)) {
        out += " (";
        text::appendFormatted(out, d.valueText(*command));
        out += ')';
    }
}

// Up to `count` decimal numbers separated by commas, starting at the first digit of `s`
// from which all of them parse (Wireshark's sscanf "%d,%d,%d,%d,%d,%d").
bool parseNumbers(std::string_view s, unsigned* values, int count)
{
    for (std::size_t start = 0; start < s.size(); ++start) {
        if (!text::isDigit(s[start])) continue;
        std::size_t i = start;
        int n = 0;
        for (; n < count; ++n) {
            if (n > 0) {
                if (i >= s.size() || s[i] != ',') break;
                ++i;
                while (i < s.size() && s[i] == ' ') ++i;
            }
            if (i >= s.size() || !text::isDigit(s[i])) break;
            unsigned v = 0;
            while (i < s.size() && text::isDigit(s[i]) && v < 100000) v = v * 10 + static_cast<unsigned>(s[i++] - '0');
            values[n] = v;
        }
        if (n == count) return true;
    }
    return false;
}

// "h1,h2,h3,h4,p1,p2" (PORT, PASV reply).
bool parseHostPort(std::string_view s, std::array<std::uint8_t, 4>& ip, std::uint16_t& port)
{
    unsigned v[6];
    if (!parseNumbers(s, v, 6)) return false;
    for (int i = 0; i < 6; ++i)
        if (v[i] > 255) return false;
    for (int i = 0; i < 4; ++i) ip[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v[i]);
    port = static_cast<std::uint16_t>(v[4] << 8 | v[5]);
    return true;
}

// "(|||port|)" (EPSV reply, RFC 2428 §3): the delimiter is the first character after '('.
bool parseEpsv(std::string_view s, std::uint16_t& port)
{
    const std::size_t open = s.find('(');
    if (open == std::string_view::npos || open + 4 >= s.size()) return false;
    const char delim = s[open + 1];
    if (s[open + 2] != delim || s[open + 3] != delim) return false;
    std::size_t i = open + 4;
    unsigned v = 0;
    const std::size_t digits = i;
    while (i < s.size() && text::isDigit(s[i]) && v <= 65535) v = v * 10 + static_cast<unsigned>(s[i++] - '0');
    if (i == digits || i >= s.size() || s[i] != delim || v == 0 || v > 65535) return false;
    port = static_cast<std::uint16_t>(v);
    return true;
}

bool parseIpv4(std::string_view s, std::array<std::uint8_t, 16>& addr)
{
    unsigned parts[4] = {};
    int n = 0;
    std::size_t i = 0;
    for (; n < 4; ++n) {
        if (n > 0) {
            if (i >= s.size() || s[i] != '.') return false;
            ++i;
        }
        const std::size_t start = i;
        unsigned v = 0;
        while (i < s.size() && text::isDigit(s[i]) && v < 1000) v = v * 10 + static_cast<unsigned>(s[i++] - '0');
        if (i == start || v > 255) return false;
        parts[n] = v;
    }
    if (i != s.size()) return false;
    addr = {};
    for (int k = 0; k < 4; ++k) addr[static_cast<std::size_t>(k)] = static_cast<std::uint8_t>(parts[k]);
    return true;
}

bool dissectFtpData(DissectContext& ctx, const Payload& p);

void expectData(DissectContext& ctx, const std::array<std::uint8_t, 16>& addrA, const std::array<std::uint8_t, 16>& addrB,
                std::uint16_t port, std::string_view method)
{
    if (!ctx.expected || ctx.net.family == 0 || port == 0) return;
    ExpectedConversation e;
    e.family = ctx.net.family;
    e.addrA = addrA;
    e.addrB = addrB;
    e.portA = port;
    e.dissector = dissectFtpData;
    e.owner = ctx.tcpConversation;
    e.setupFrame = ctx.frameNumber;
    e.method = method;
    ctx.expected->expect(e);
}

void dissectRequest(LayerCursor& c, std::string_view line)
{
    DissectContext& ctx = c.ctx();
    c.add(hf.request, 0, 0, 1);
    std::size_t next = 0;
    const std::size_t tokenLen = text::tokenLength(line, next);
    const std::string_view command = line.substr(0, tokenLen);
    std::uint32_t commandField = Dissection::kNoField;
    if (tokenLen != 0) commandField = text::addText(c, hf.requestCommand, 0, command);
    if (command == "AUTH") text::startTlsAsked(ctx);
    const std::string_view arg = line.substr(next);
    if (!arg.empty()) {
        text::addText(c, hf.requestArg, next, arg);
        if (commandField != Dissection::kNoField) ctx.out.setAux(commandField, static_cast<std::uint32_t>(next - tokenLen));
    }
    // The first command after a data connection was announced is the one it serves.
    if (ctx.expected && ctx.tcpConversation) ctx.expected->noteFromOwner(ctx.tcpConversation, ctx.frameNumber, line);
    if (ctx.net.family != 4 && ctx.net.family != 6) return;
    if (command == "PORT" && ctx.net.family == 4) {
        std::array<std::uint8_t, 4> ip{};
        std::uint16_t port = 0;
        if (!parseHostPort(arg, ip, port)) return;
        ctx.out.addBytesField(hf.activeIp, c.layer(), c.absolute(next), ByteSpan(ip.data(), ip.size()));
        c.add(hf.activePort, next, arg.size(), port);
        c.add(hf.activeNat, next, arg.size(), std::memcmp(ip.data(), ctx.net.src.data(), 4) != 0);
        std::array<std::uint8_t, 16> addr{};
        std::memcpy(addr.data(), ip.data(), 4);
        expectData(ctx, addr, ctx.net.dst, port, "ACTIVE");
    } else if (command == "EPRT" && arg.size() >= 4) {
        // |af|address|port| with any delimiter (RFC 2428 §2).
        const char delim = arg[0];
        const std::size_t a = arg.find(delim, 1);
        const std::size_t b = a == std::string_view::npos ? a : arg.find(delim, a + 1);
        const std::size_t e = b == std::string_view::npos ? b : arg.find(delim, b + 1);
        if (e == std::string_view::npos) return;
        const std::string_view af = arg.substr(1, a - 1), address = arg.substr(a + 1, b - a - 1),
                               portText = arg.substr(b + 1, e - b - 1);
        unsigned port = 0;
        for (char ch : portText) {
            if (!text::isDigit(ch) || port > 65535) return;
            port = port * 10 + static_cast<unsigned>(ch - '0');
        }
        if (af != "1" || port == 0 || port > 65535) return;
        std::array<std::uint8_t, 16> addr{};
        if (!parseIpv4(address, addr)) return;
        c.add(hf.eprtAf, 1, af.size(), 1);
        ctx.out.addBytesField(hf.eprtIp, c.layer(), c.absolute(next + a + 1), ByteSpan(addr.data(), 4));
        c.add(hf.eprtPort, next + b + 1, portText.size(), port);
        expectData(ctx, addr, ctx.net.dst, static_cast<std::uint16_t>(port), "EACTIVE");
    }
}

void dissectResponse(LayerCursor& c, std::string_view line)
{
    DissectContext& ctx = c.ctx();
    c.add(hf.response, 0, 0, 1);
    std::size_t argStart = 0;
    if (line.size() >= 3 && text::isDigit(line[0]) && text::isDigit(line[1]) && text::isDigit(line[2])) {
        const unsigned code = static_cast<unsigned>((line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0'));
        const std::uint32_t codeField = c.add(hf.responseCode, 0, 3, code);
        text::startTlsAnswered(ctx, code == 234);
        argStart = line.size() >= 4 ? 4 : line.size();
        if (line.size() >= 4) ctx.out.setAux(codeField, static_cast<std::uint8_t>(line[3]));
        if (code == 227 && ctx.net.family == 4) {
            std::array<std::uint8_t, 4> ip{};
            std::uint16_t port = 0;
            if (parseHostPort(line.substr(argStart), ip, port)) {
                ctx.out.addBytesField(hf.passiveIp, c.layer(), c.absolute(argStart), ByteSpan(ip.data(), ip.size()));
                c.add(hf.passivePort, argStart, line.size() - argStart, port);
                c.add(hf.passiveNat, argStart, line.size() - argStart, std::memcmp(ip.data(), ctx.net.src.data(), 4) != 0);
                std::array<std::uint8_t, 16> addr{};
                std::memcpy(addr.data(), ip.data(), 4);
                expectData(ctx, addr, ctx.net.dst, port, "PASV");
            }
        } else if (code == 229) {
            std::uint16_t port = 0;
            if (parseEpsv(line.substr(argStart), port)) {
                c.add(hf.epsvPort, argStart, line.size() - argStart, port);
                expectData(ctx, ctx.net.src, ctx.net.dst, port, "EPASV");
            }
        }
    }
    if (argStart < line.size()) text::addText(c, hf.responseArg, argStart, line.substr(argStart));
}

bool dissectFtp(DissectContext& ctx, const Payload& p)
{
    // RFC 4217: after "AUTH TLS" and its 234 reply the control connection speaks TLS.
    if (text::speaksTls(ctx)) {
        dissectTls(ctx, p);
        return true;
    }
    LayerCursor c(ctx, "FTP", "ftp", p.data, p.at, p.reported);
    ctx.setProtocol("FTP");
    ctx.setInfo(writeInfo, c.layer());
    const std::string_view bytes = text::asText(p.data);
    Line line;
    if (!text::lineAt(bytes, 0, line)) line = Line{};
    if (text::transportPorts(ctx).dst == kFtpPort) {
        dissectRequest(c, line.text);
    } else {
        dissectResponse(c, line.text);
    }
    return true;
}

bool dissectFtpData(DissectContext& ctx, const Payload& p)
{
    const ExpectedConversation* e = ctx.announced;
    if (!e) return false;
    LayerCursor c(ctx, "FTP-DATA", "ftp-data", p.data, p.at, p.reported);
    ctx.setProtocol("FTP-DATA");
    ctx.setInfo(writeDataInfo, c.layer());
    c.add(hf.dataSetupFrame, 0, 0, e->setupFrame);
    ctx.out.addTextField(hf.dataSetupMethod, c.layer(), c.absolute(0), 0, e->method);
    if (e->noteSet) {
        ctx.out.addTextField(hf.dataCommand, c.layer(), c.absolute(0), 0, e->noteText());
        c.add(hf.dataCommandFrame, 0, 0, e->noteFrame);
    }
    // Text when its first (up to twenty) bytes are printable or line ends, as Wireshark decides.
    bool isText = true;
    for (std::size_t i = 0; i < p.data.size() && i < 20; ++i)
        if (p.data[i] != '\r' && p.data[i] != '\n' && !text::isPrint(p.data[i])) isText = false;
    if (isText && !p.data.empty())
        ctx.out.addLayer("Line-based text data", "data-text-lines", p.at, static_cast<std::uint32_t>(p.data.size()),
                         ctx.inReassembled);
    return true;
}

}  // namespace

void registerFtp(ProtocolRegistrar& r)
{
    r.protocol("ftp");
    hf.response = r.field({"ftp.response", "Response", FieldKind::Bool, 8});
    hf.request = r.field({"ftp.request", "Request", FieldKind::Bool, 8});
    hf.requestCommand = r.field({"ftp.request.command", "Request command", FieldKind::String});
    hf.requestArg = r.field({"ftp.request.arg", "Request arg", FieldKind::String});
    hf.responseCode = r.field({"ftp.response.code", "Response code", FieldKind::Unsigned, 32});
    hf.responseArg = r.field({"ftp.response.arg", "Response arg", FieldKind::String});
    hf.passiveIp = r.field({"ftp.passive.ip", "Passive IP address", FieldKind::Ipv4});
    hf.passivePort = r.field({"ftp.passive.port", "Passive port", FieldKind::Unsigned, 16});
    hf.passiveNat = r.field({"ftp.passive.nat", "Passive IP NAT", FieldKind::Bool, 8});
    hf.activeIp = r.field({"ftp.active.cip", "Active IP address", FieldKind::Ipv4});
    hf.activePort = r.field({"ftp.active.port", "Active port", FieldKind::Unsigned, 16});
    hf.activeNat = r.field({"ftp.active.nat", "Active IP NAT", FieldKind::Bool, 8});
    hf.eprtAf = r.field({"ftp.eprt.af", "Extended active address family", FieldKind::Unsigned, 8});
    hf.eprtIp = r.field({"ftp.eprt.ip", "Extended active IP address", FieldKind::Ipv4});
    hf.eprtPort = r.field({"ftp.eprt.port", "Extended active port", FieldKind::Unsigned, 16});
    hf.epsvPort = r.field({"ftp.epsv.port", "Extended passive port", FieldKind::Unsigned, 16});
    r.tcpPort(kFtpPort, dissectFtp);
    r.protocol("ftp-data");
    hf.dataSetupFrame = r.field({"ftp-data.setup-frame", "Setup frame", FieldKind::Unsigned, 32});
    hf.dataSetupMethod = r.field({"ftp-data.setup-method", "Setup method", FieldKind::String});
    hf.dataCommand = r.field({"ftp-data.command", "Command", FieldKind::String});
    hf.dataCommandFrame = r.field({"ftp-data.command-frame", "Command frame", FieldKind::Unsigned, 32});
}

}  // namespace rcvmon
