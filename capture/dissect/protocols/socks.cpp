// SPDX-License-Identifier: GPL-2.0-or-later
// SOCKS 4 and 5 (RFC 1928, RFC 1929) on TCP 1080, as Wireshark's socks dissector shows it: the
// negotiation messages in the order the connection exchanges them, then the tunnelled bytes
// handed to the dissector of the port the client asked to reach. A connection whose first
// client bytes are neither version is "Unknown" throughout.
#include "dissect/protocols/context.h"
#include "dissect/protocols/text/lines.h"
#include "dissect/tcp_conversations.h"

#include <array>

namespace rcvmon {
namespace {

constexpr std::uint16_t kPort = 1080;
// TcpConversation::app words: the version (0 not yet known, kUnknown neither 4 nor 5), the
// client's and the server's next message, the port the client asked to reach.
constexpr std::size_t kVersionWord = 0, kClientWord = 1, kServerWord = 2, kTargetWord = 3, kCommandWord = 4;
constexpr std::uint32_t kUnknown = 0xff;
enum Step : std::uint32_t { Methods, Auth, Command, Done };

struct SocksFields {
    FieldId version, dst, dstport, command, results, methodCount, method, acceptedMethod, authStatus, subVersion,
        username, password, remoteName, addressType, port;
} hf;

constexpr ValueName kCommands[] = {{1, "Connect"}, {2, "Bind"}, {3, "UdpAssociate"}, {0x80, "Ping"}, {0x81, "Traceroute"}};
constexpr ValueName kAddressTypes[] = {{1, "IPv4"}, {3, "Domain Name"}, {4, "IPv6"}};
constexpr ValueName kResults4[] = {{90, "Granted"}, {91, "Rejected or Failed"}, {92, "Rejected because SOCKS server cannot connect to identd on the client"}, {93, "Rejected because the client program and identd report different user-ids"}};

// The Info text: the version and what the message is (the version field's aux, with the
// command above it).
enum Kind : std::uint32_t {
    KindUnknown, V4Request, V4Response, V5Methods, V5MethodReply, V5AuthRequest, V5AuthReply, V5CommandRequest,
    V5CommandResponse, Tunnel4, Tunnel5,
};

void writeInfo(const LayerView& layer, std::string& out)
{
    const FieldRecord* v = layer.field(hf.version);
    const std::uint32_t kind = v ? v->aux & 0xff : KindUnknown;
    const std::uint32_t command = v ? v->aux >> 8 : 0;
    const auto commandName = [&] {
        const std::string_view n = valueName(fieldInfo(hf.command), command);
        out += n.empty() ? "Unknown" : n;
    };
    switch (kind) {
    case V4Request: out += "Version: 4 Connect to server request"; break;
    case V4Response: out += "Version: 4 Connect Response"; break;
    case V5Methods: out += "Version: 5 Connect to server request"; break;
    case V5MethodReply: out += "Version: 5 Connect to server response"; break;
    case V5AuthRequest: out += "Version: 5 User authentication request"; break;
    case V5AuthReply: out += "Version: 5 User authentication reply"; break;
    case V5CommandRequest:
        out += "Version: 5 Command Request - ";
        commandName();
        break;
    case V5CommandResponse:
        out += "Version: 5 Command Response - ";
        commandName();
        break;
    case Tunnel4: out += "Version: 4"; break;
    case Tunnel5: out += "Version: 5"; break;
    default: out += "Unknown"; break;
    }
}

void address(LayerCursor& c, std::uint8_t type)
{
    if (type == 1) {
        c.bytes(4, hf.dst);
    } else if (type == 3) {
        const std::uint8_t n = c.u8();
        const std::size_t at = c.pos();
        const ByteSpan name = c.bytes(n);
        if (c.ok()) c.ctx().out.addTextField(hf.remoteName, c.layer(), c.absolute(at), n, text::asText(name));
    } else if (type == 4) {
        c.skip(16);
    }
}

bool dissectSocks(DissectContext& ctx, const Payload& p)
{
    if (!ctx.tcpConversation) return false;
    std::uint32_t* app = ctx.tcpConversation->app;
    const bool toServer = text::transportPorts(ctx).dst == kPort;
    LayerCursor c(ctx, "Socks", "socks", p.data, p.at, p.reported);
    ctx.setProtocol("Socks");
    ctx.setInfo(writeInfo, c.layer());
    if (app[kVersionWord] == 0) {
        const std::uint8_t v = c.peek();
        app[kVersionWord] = toServer && (v == 4 || v == 5) ? v : kUnknown;
    }
    const std::uint32_t version = app[kVersionWord];
    std::uint32_t kind = KindUnknown, command = 0;
    std::uint32_t& step = app[toServer ? kClientWord : kServerWord];
    if (version == 4 && step != Done) {
        kind = toServer ? V4Request : V4Response;
        c.u8(hf.version);
        const std::uint32_t f = c.lastField();
        if (toServer) {
            command = c.u8(hf.command);
            app[kTargetWord] = c.u16(hf.dstport);
            c.bytes(4, hf.dst);
            const ByteSpan rest = c.rest();
            std::size_t n = 0;
            while (n < rest.size() && rest[n] != 0) ++n;
            ctx.out.addTextField(hf.username, c.layer(), c.absolute(c.pos()), static_cast<std::uint32_t>(n), text::asText(rest.first(n)));
        } else {
            c.u8(hf.results);
            c.u16(hf.dstport);
            c.bytes(4, hf.dst);
        }
        ctx.out.setAux(f, kind);
        if (c.ok()) step = Done;
        return true;
    }
    if (version == 5 && step != Done) {
        std::uint32_t f = Dissection::kNoField;
        switch (step) {
        case Methods:
            c.u8(hf.version);
            f = c.lastField();
            if (toServer) {
                kind = V5Methods;
                const std::uint8_t n = c.u8(hf.methodCount);
                for (std::uint32_t i = 0; i < n && c.ok(); ++i) c.u8(hf.method);
            } else {
                kind = V5MethodReply;
                const std::uint8_t method = c.u8(hf.acceptedMethod);
                // Username/password (RFC 1929) comes next on both sides, else the command.
                if (c.ok()) app[kClientWord] = app[kServerWord] = method == 2 ? Auth : Command;
            }
            break;
        case Auth:
            f = ctx.out.addField(hf.version, c.layer(), c.absolute(0), 0, 5);  // generated
            c.u8(hf.subVersion);
            if (toServer) {
                kind = V5AuthRequest;
                for (const FieldId id : {hf.username, hf.password}) {
                    const std::uint8_t n = c.u8();
                    const std::size_t at = c.pos();
                    const ByteSpan s = c.bytes(n);
                    if (c.ok()) ctx.out.addTextField(id, c.layer(), c.absolute(at), n, text::asText(s));
                }
            } else {
                kind = V5AuthReply;
                c.u8(hf.authStatus);
            }
            if (c.ok()) step = Command;
            break;
        case Command: {
            c.u8(hf.version);
            f = c.lastField();
            if (toServer) {
                kind = V5CommandRequest;
                command = c.u8(hf.command);
                app[kCommandWord] = command;
            } else {
                kind = V5CommandResponse;
                command = app[kCommandWord];
                c.skip(1);  // the reply code
            }
            c.skip(1);  // reserved
            const std::uint8_t type = c.u8(hf.addressType);
            address(c, type);
            const std::uint16_t port = c.u16(hf.port);
            if (toServer) app[kTargetWord] = port;
            if (c.ok()) step = Done;
            break;
        }
        default: break;
        }
        if (f != Dissection::kNoField) ctx.out.setAux(f, kind | command << 8);
        return true;
    }
    if (version != 4 && version != 5) return true;  // "Unknown"
    // Negotiated: the bytes belong to the protocol of the port asked for.
    const std::uint32_t f = ctx.out.addField(hf.version, c.layer(), c.absolute(0), 0, version);
    ctx.out.setAux(f, version == 4 ? Tunnel4 : Tunnel5);
    const auto target = static_cast<std::uint16_t>(app[kTargetWord]);
    if (target != 0 && target != kPort && ctx.depth < DissectContext::kMaxDepth) {
        ++ctx.depth;
        if (!dissectByPort(ctx, Transport::Tcp, target, target, p)) dissectData(ctx, p);
        --ctx.depth;
    } else {
        dissectData(ctx, p);
    }
    return true;
}

}  // namespace

void registerSocks(ProtocolRegistrar& r)
{
    r.protocol("socks");
    hf.version = r.field({"socks.version", "Version", FieldKind::Unsigned, 8});
    hf.dst = r.field({"socks.dst", "Remote Address", FieldKind::Ipv4});
    hf.dstport = r.field({"socks.dstport", "Remote Port", FieldKind::Unsigned, 16});
    hf.command = r.field({"socks.command", "Command", FieldKind::Unsigned, 8, kCommands});
    hf.results = r.field({"socks.results", "Results(V4)", FieldKind::Unsigned, 8, kResults4});
    hf.methodCount = r.field({"socks.auth_method_count", "Authentication Method Count", FieldKind::Unsigned, 8});
    hf.method = r.field({"socks.auth_method", "Method", FieldKind::Unsigned, 8});
    hf.acceptedMethod = r.field({"socks.auth_accepted_method", "Accepted Auth Method", FieldKind::Unsigned, 8});
    hf.authStatus = r.field({"socks.auth_status", "Status", FieldKind::Unsigned, 8});
    hf.subVersion = r.field({"socks.subnegotiation_version", "Subnegotiation Version", FieldKind::Unsigned, 8});
    hf.username = r.field({"socks.username", "User name", FieldKind::String});
    hf.password = r.field({"socks.password", "Password", FieldKind::String});
    hf.remoteName = r.field({"socks.remote_name", "Remote name", FieldKind::String});
    hf.addressType = r.field({"socks.address_type", "Address Type", FieldKind::Unsigned, 8, kAddressTypes});
    hf.port = r.field({"socks.port", "Port", FieldKind::Unsigned, 16});
    r.tcpPort(kPort, dissectSocks);
}

}  // namespace rcvmon
