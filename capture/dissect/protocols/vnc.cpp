// SPDX-License-Identifier: GPL-2.0-or-later
// RFB, the remote framebuffer protocol of VNC (RFC 6143), on TCP 5500, 5501, 5900 and 5901 and
// by Wireshark's heuristic on a version message, as Wireshark's vnc dissector shows it: the
// start-up messages in the order the connection exchanges them, then client messages and the
// server's framebuffer updates, whose rectangles ask TCP for more until they are complete.
#include "dissect/protocols/context.h"
#include "dissect/protocols/tcp_options.h"
#include "dissect/protocols/text/lines.h"
#include "dissect/tcp_conversations.h"

#include <array>

namespace rcvmon {
namespace {

// TcpConversation::app words: the next start-up state, the client's version (×1000), the
// server's port, the security type chosen, bytes per pixel.
constexpr std::size_t kStateWord = 0, kClientVersionWord = 1, kServerPortWord = 2, kSecurityWord = 3, kPixelWord = 4;
// Set when the heuristic took a connection on another port: it stays VNC (Wireshark's
// conversation_set_dissector).
constexpr std::size_t kHeuristicWord = 5;
constexpr std::uint32_t kHeuristicMark = 0x524642u;  // "RFB"

enum State : std::uint32_t {
    ServerVersion, ClientVersion, Security, SecurityTypes, Challenge, Response, SecurityResult, ClientInit,
    ServerInit, Normal, Unsupported,
};

struct VncFields {
    FieldId serverVersion, clientVersion, numSecurityTypes, securityType, serverSecurityType, clientSecurityType,
        challenge, response, authResult, authErrorLength, authError, shareDesktop, width, height, serverBpp,
        serverDepth, serverBigEndian, serverTrueColor, serverRedMax, serverGreenMax, serverBlueMax, serverRedShift,
        serverGreenShift, serverBlueShift, desktopNameLength, desktopName, clientMessageType, clientBpp, clientDepth,
        clientBigEndian, clientTrueColor, clientRedMax, clientGreenMax, clientBlueMax, clientRedShift,
        clientGreenShift, clientBlueShift, encodingsNum, encodingType, incremental, updateX, updateY, updateWidth,
        updateHeight, keyDown, key, buttons[8], pointerX, pointerY, clientCutLength, clientCutText,
        serverMessageType, rects, rectX, rectY, rectWidth, rectHeight, rectEncoding, serverCutLength, serverCutText;
} hf;

constexpr ValueName kSecurityTypes[] = {
    {0, "Invalid"}, {1, "None"}, {2, "VNC"}, {5, "RA2"}, {6, "RA2ne"}, {16, "Tight"}, {17, "Ultra"}, {18, "TLS"},
    {19, "VeNCrypt"}, {20, "GTK-VNC SASL"}, {21, "MD5 hash authentication"}, {22, "Colin Dean xvp"},
    {30, "Apple Remote Desktop"},
};
constexpr ValueName kClientMessages[] = {
    {0, "Set Pixel Format"}, {2, "Set Encodings"}, {3, "Framebuffer Update Request"}, {4, "Key Event"},
    {5, "Pointer Event"}, {6, "Cut Text"},
};
constexpr ValueName kServerMessages[] = {
    {0, "Framebuffer Update"}, {1, "Set Colormap Entries"}, {2, "Ring Bell"}, {3, "Cut Text"},
};

// ---- Info text: one writer per start-up message, the messages' names after it ----
template <std::size_t N>
struct Literal {
    char text[N];
    constexpr Literal(const char (&s)[N]) { std::copy(s, s + N, text); }
};
template <Literal L>
void writeLiteral(const LayerView&, std::string& out)
{
    out += L.text;
}
void writeServerVersion(const LayerView& layer, std::string& out)
{
    out += "Server protocol version: ";
    text::appendFormatted(out, layer.text(hf.serverVersion));
}
void writeClientVersion(const LayerView& layer, std::string& out)
{
    out += "Client protocol version: ";
    text::appendFormatted(out, layer.text(hf.clientVersion));
}
void writeSecuritySelected(const LayerView& layer, std::string& out)
{
    const std::uint64_t type = layer.number(hf.clientSecurityType);
    const std::string_view name = valueName(fieldInfo(hf.clientSecurityType), type);
    out += "Security type ";
    out += name.empty() ? "Unknown" : name;
    out += " (";
    out += std::to_string(type);
    out += ") selected by client";
}
// Server messages one after the other, "; "-separated (col_append_sep_str).
void writeServerMessages(const LayerView& layer, std::string& out)
{
    const std::size_t start = out.size();
    layer.forEach(hf.serverMessageType, [&](const FieldRecord& f) {
        if (out.size() > start) out += "; ";
        switch (f.number) {
        case 0: out += "Server framebuffer update"; break;
        case 1: out += "Server set colormap entries"; break;
        case 2: out += "Server ring bell"; break;
        case 3: out += "Server cut text"; break;
        default: out += "Unknown server message type"; break;
        }
    });
}
void writeClientMessage(const LayerView& layer, std::string& out)
{
    const std::uint64_t type = layer.number(hf.clientMessageType);
    switch (type) {
    case 0: out += "Client set pixel format"; break;
    case 2: out += "Client set encodings"; break;
    case 3: out += "Client framebuffer update request"; break;
    case 4: out += "Client key event"; break;
    case 5: out += "Client pointer event"; break;
    case 6: out += "Client cut text"; break;
    default:
        out += "Unknown client message type (";
        out += std::to_string(type);
        out += ')';
        break;
    }
}

// "RFB xxx.yyy\n" in exactly 12 bytes (a NUL for the newline: an old gtk-vnc bug).
bool isVersionMessage(ByteSpan d)
{
    if (d.size() != 12) return false;
    static constexpr char kRfb[] = "rfb ";
    for (std::size_t i = 0; i < 4; ++i)
        if ((d[i] >= 'A' && d[i] <= 'Z' ? d[i] + 32 : d[i]) != kRfb[i]) return false;
    return d[7] == '.' && (d[11] == '\n' || d[11] == 0);
}

// g_ascii_strtod of "xxx.yyy", ×1000.
std::uint32_t versionTimes1000(ByteSpan v)
{
    std::uint32_t major = 0, minor = 0;
    std::size_t i = 0;
    for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) major = major * 10 + (v[i] - '0');
    if (i < v.size() && v[i] == '.') {
        std::uint32_t scale = 100;
        for (++i; i < v.size() && v[i] >= '0' && v[i] <= '9' && scale > 0; ++i, scale /= 10) minor += (v[i] - '0') * scale;
    }
    return major * 1000 + minor;
}

void textField(LayerCursor& c, FieldId id, std::size_t at, ByteSpan b)
{
    c.ctx().out.addTextField(id, c.layer(), c.absolute(at), static_cast<std::uint32_t>(b.size()), text::asText(b));
}

// The start-up messages; false once the connection is in normal traffic.
bool startup(DissectContext& ctx, LayerCursor& c, std::uint32_t* app, bool fromServer)
{
    const ByteSpan d = c.data();
    switch (app[kStateWord]) {
    case ServerVersion:
        if (!isVersionMessage(d)) return true;
        textField(c, hf.serverVersion, 4, d.subspan(4, 7));
        app[kServerPortWord] = text::transportPorts(ctx).src;
        ctx.setInfo(writeServerVersion, c.layer());
        app[kStateWord] = ClientVersion;
        return true;
    case ClientVersion:
        if (!isVersionMessage(d)) return true;
        textField(c, hf.clientVersion, 4, d.subspan(4, 7));
        app[kClientVersionWord] = versionTimes1000(d.subspan(4, 7));
        ctx.setInfo(writeClientVersion, c.layer());
        app[kStateWord] = Security;
        return true;
    case Security:
        ctx.setInfo(writeLiteral<"Security types supported">, c.layer());
        if (app[kClientVersionWord] >= 3007) {
            const std::uint8_t n = c.u8(hf.numSecurityTypes);
            for (std::uint32_t i = 0; i < n && c.ok(); ++i) c.u8(hf.securityType);
            if (c.ok()) app[kStateWord] = SecurityTypes;
        } else {
            const auto type = static_cast<std::uint8_t>(c.u32(hf.serverSecurityType));
            if (!c.ok()) return true;  // the exception leaves the state as it was
            app[kSecurityWord] = type;
            // An unknown type leaves the state: the next message is read as this one again.
            if (type <= 2 || type == 30) app[kStateWord] = type == 0 ? SecurityTypes : type == 1 ? ClientInit : type == 2 ? Challenge : Unsupported;
        }
        return true;
    case SecurityTypes: {
        const std::uint8_t type = c.u8(hf.clientSecurityType);
        ctx.setInfo(writeSecuritySelected, c.layer());
        if (!c.ok()) return true;
        app[kSecurityWord] = type;
        // Tight, ARD and VeNCrypt are not followed further; an unknown type leaves the state.
        if (type == 1 || type == 2 || type == 16 || type == 19 || type == 30)
            app[kStateWord] = type == 1   ? (app[kClientVersionWord] >= 3008 ? SecurityResult : ClientInit)
                              : type == 2 ? Challenge
                                          : Unsupported;
        return true;
    }
    case Challenge:
        ctx.setInfo(writeLiteral<"Authentication challenge from server">, c.layer());
        c.bytes(16, hf.challenge);
        if (c.ok()) app[kStateWord] = Response;
        return true;
    case Response:
        ctx.setInfo(writeLiteral<"Authentication response from client">, c.layer());
        c.bytes(16, hf.response);
        if (c.ok()) app[kStateWord] = SecurityResult;
        return true;
    case SecurityResult: {
        ctx.setInfo(writeLiteral<"Authentication result">, c.layer());
        const std::uint32_t result = c.u32(hf.authResult);
        if (result == 0) {
            if (c.ok()) app[kStateWord] = ClientInit;
        } else if (result == 1 && app[kClientVersionWord] >= 3008) {
            const std::uint32_t len = c.u32(hf.authErrorLength);
            const std::size_t at = c.pos();
            const ByteSpan t = c.bytes(len);
            if (c.ok()) textField(c, hf.authError, at, t);
        }
        return true;
    }
    case ClientInit:
        ctx.setInfo(writeLiteral<"Share desktop flag">, c.layer());
        c.u8(hf.shareDesktop);
        if (c.ok()) app[kStateWord] = ServerInit;
        return true;
    case ServerInit: {
        ctx.setInfo(writeLiteral<"Server framebuffer parameters">, c.layer());
        c.u16(hf.width);
        c.u16(hf.height);
        app[kPixelWord] = c.u8(hf.serverBpp) / 8u;
        c.u8(hf.serverDepth);
        c.u8(hf.serverBigEndian);
        c.u8(hf.serverTrueColor);
        c.u16(hf.serverRedMax);
        c.u16(hf.serverGreenMax);
        c.u16(hf.serverBlueMax);
        c.u8(hf.serverRedShift);
        c.u8(hf.serverGreenShift);
        c.u8(hf.serverBlueShift);
        c.skip(3);
        if (c.ok() && c.reportedRemaining() > 4) {
            const std::uint32_t len = c.u32(hf.desktopNameLength);
            const std::size_t at = c.pos();
            const ByteSpan t = c.bytes(len);
            if (c.ok()) textField(c, hf.desktopName, at, t);
        }
        if (c.ok()) app[kStateWord] = Normal;
        return true;
    }
    case Normal: return false;
    default:
        (void)fromServer;
        return true;
    }
}

void clientMessage(DissectContext& ctx, LayerCursor& c, std::uint32_t* app)
{
    const std::uint8_t type = c.u8(hf.clientMessageType);
    ctx.setInfo(writeClientMessage, c.layer());
    switch (type) {
    case 0:
        c.skip(3);
        app[kPixelWord] = c.u8(hf.clientBpp) / 8u;
        c.u8(hf.clientDepth);
        c.u8(hf.clientBigEndian);
        c.u8(hf.clientTrueColor);
        c.u16(hf.clientRedMax);
        c.u16(hf.clientGreenMax);
        c.u16(hf.clientBlueMax);
        c.u8(hf.clientRedShift);
        c.u8(hf.clientGreenShift);
        c.u8(hf.clientBlueShift);
        c.skip(3);
        break;
    case 2: {
        c.skip(1);
        const std::uint16_t n = c.u16(hf.encodingsNum);
        for (std::uint32_t i = 0; i < n && c.ok(); ++i) c.u32(hf.encodingType);
        break;
    }
    case 3:
        c.u8(hf.incremental);
        c.u16(hf.updateX);
        c.u16(hf.updateY);
        c.u16(hf.updateWidth);
        c.u16(hf.updateHeight);
        break;
    case 4:
        c.u8(hf.keyDown);
        c.skip(2);
        c.u32(hf.key);
        break;
    case 5: {
        const std::uint8_t mask = c.u8();
        for (std::size_t i = 0; i < 8 && c.ok(); ++i) c.add(hf.buttons[i], c.pos() - 1, 1, (mask >> i) & 1u);
        c.u16(hf.pointerX);
        c.u16(hf.pointerY);
        break;
    }
    case 6: {
        c.skip(3);
        const std::uint32_t len = c.u32(hf.clientCutLength);
        const std::size_t at = c.pos();
        const ByteSpan t = c.bytes(len);
        if (c.ok()) textField(c, hf.clientCutText, at, t);
        break;
    }
    default: break;
    }
}

constexpr std::int32_t kRaw = 0, kCopyRect = 1, kRichCursor = -239, kXCursor = -240, kLastRect = -224;

// A framebuffer update's rectangles; the bytes still needed when they run past the data
// (Wireshark's VNC_BYTES_NEEDED), 0 when complete. Encodings whose data RcvMon does not
// measure consume none, as in Wireshark for the ones it does not know.
std::size_t framebufferUpdate(LayerCursor& c, std::uint32_t bytesPerPixel)
{
    c.skip(1);
    const std::uint16_t rects = c.u16(hf.rects);
    for (std::uint32_t i = 0; i < rects && c.ok(); ++i) {
        if (c.remaining() < 12) return 12;
        c.u16(hf.rectX);
        c.u16(hf.rectY);
        const std::size_t width = c.u16(hf.rectWidth), height = c.u16(hf.rectHeight);
        const auto encoding = static_cast<std::int32_t>(c.u32());
        c.add(hf.rectEncoding, c.pos() - 4, 4, static_cast<std::uint64_t>(static_cast<std::int64_t>(encoding)));
        if (encoding == kLastRect) break;
        std::size_t need = 0;
        switch (encoding) {
        case kRaw: need = width * height * bytesPerPixel; break;
        case kCopyRect: need = 4; break;
        case kRichCursor: {
            const std::size_t pixels = width * height * bytesPerPixel;
            if (pixels > c.remaining()) return pixels;
            c.skip(pixels);
            need = (width + 7) / 8 * height;
            break;
        }
        case kXCursor: {
            if (6 > c.remaining()) return 6;
            c.skip(6);
            need = 2 * ((width + 7) / 8 * height);
            break;
        }
        default: break;
        }
        if (need > c.remaining()) return need;
        c.skip(need);
    }
    return 0;
}

bool serverMessages(DissectContext& ctx, LayerCursor& c, std::uint32_t* app, std::size_t& resumeAt)
{
    ctx.setInfo(writeServerMessages, c.layer());
    for (int guard = 0; guard < 1024 && c.ok() && c.remaining() > 0; ++guard) {
        const std::size_t start = c.pos();
        const std::uint8_t type = c.u8(hf.serverMessageType);
        std::size_t needed = 0;
        switch (type) {
        case 0: needed = framebufferUpdate(c, app[kPixelWord]); break;
        case 1: {
            c.skip(3);
            const std::size_t colors = c.u16();
            if (colors * 6 > c.remaining()) needed = colors * 6;
            else c.skip(colors * 6);
            break;
        }
        case 2: break;
        case 3: {
            c.skip(3);
            const std::uint32_t len = c.u32(hf.serverCutLength);
            if (len > c.remaining()) {
                needed = len;
            } else {
                const std::size_t at = c.pos();
                textField(c, hf.serverCutText, at, c.bytes(len));
            }
            break;
        }
        default: c.skip(c.remaining()); break;  // unknown: the rest of the segment
        }
        if (needed > 0) {
            resumeAt = start;
            return true;
        }
    }
    return false;
}

bool dissectVnc(DissectContext& ctx, const Payload& p);

bool dissectVncWhole(DissectContext& ctx, const Payload& p) { return dissectVnc(ctx, p); }

bool dissectVnc(DissectContext& ctx, const Payload& p)
{
    thread_local std::array<std::uint32_t, 8> scratch{};
    std::uint32_t* app = ctx.tcpConversation ? ctx.tcpConversation->app : (scratch = {}, scratch.data());
    LayerCursor c(ctx, "VNC", "vnc", p.data, p.at, p.reported);
    ctx.setProtocol("VNC");
    ctx.setInfo(writeLiteral<"">, c.layer());
    if (startup(ctx, c, app, false)) return true;
    const auto ports = text::transportPorts(ctx);
    const bool toServer = ports.dst == 5500 || ports.dst == 5501 || ports.dst == 5900 || ports.dst == 5901 ||
                          ports.dst == app[kServerPortWord];
    if (toServer) {
        clientMessage(ctx, c, app);
        return true;
    }
    std::size_t resumeAt = 0;
    if (!serverMessages(ctx, c, app, resumeAt)) return true;
    // A message runs past the segment: Wireshark asks TCP for one more segment from its start.
    if (!ctx.desegment || !ctx.tcpDirection || p.data.size() != p.reported) return true;
    const TcpPdu pdu{"VNC", "VNC", "vnc", {}, {}, dissectVncWhole};
    startTcpPdu(ctx, pdu, kTcpPduOneMoreSegment, c.layer(), resumeAt > 0, p.data.subspan(resumeAt));
    // Wireshark's tree keeps the item this dissector added before it asked for more.
    ctx.out.layer(c.layer()).listed = true;
    ctx.out.layer(c.layer()).inTree = true;
    return true;
}

// Wireshark's "VNC over TCP" heuristic: a version message on any port starts a conversation.
bool vncHeuristic(DissectContext& ctx, const Payload& p)
{
    if (!ctx.tcpConversation) return false;
    std::uint32_t* app = ctx.tcpConversation->app;
    if (app[kHeuristicWord] != kHeuristicMark) {
        if (!isVersionMessage(p.data)) return false;
        app[kHeuristicWord] = kHeuristicMark;
    }
    return dissectVnc(ctx, p);
}

}  // namespace

void registerVnc(ProtocolRegistrar& r)
{
    r.protocol("vnc");
    hf.serverVersion = r.field({"vnc.server_proto_ver", "Server protocol version", FieldKind::String});
    hf.clientVersion = r.field({"vnc.client_proto_ver", "Client protocol version", FieldKind::String});
    hf.numSecurityTypes = r.field({"vnc.num_security_types", "Number of security types", FieldKind::Unsigned, 8});
    hf.securityType = r.field({"vnc.security_type", "Security type", FieldKind::Unsigned, 8, kSecurityTypes});
    hf.serverSecurityType = r.field({"vnc.server_security_type", "Security type", FieldKind::Unsigned, 32, kSecurityTypes});
    hf.clientSecurityType = r.field({"vnc.client_security_type", "Security type selected", FieldKind::Unsigned, 8, kSecurityTypes});
    hf.challenge = r.field({"vnc.auth_challenge", "Authentication challenge", FieldKind::Bytes});
    hf.response = r.field({"vnc.auth_response", "Authentication response", FieldKind::Bytes});
    hf.authResult = r.field({"vnc.auth_result", "Authentication result", FieldKind::Bool, 32, {}, 0x1});
    hf.authErrorLength = r.field({"vnc.auth_error_len", "Length of authentication error", FieldKind::Unsigned, 32});
    hf.authError = r.field({"vnc.auth_error", "Authentication error", FieldKind::String});
    hf.shareDesktop = r.field({"vnc.share_desktop_flag", "Share desktop flag", FieldKind::Bool, 8});
    hf.width = r.field({"vnc.width", "Framebuffer width", FieldKind::Unsigned, 16});
    hf.height = r.field({"vnc.height", "Framebuffer height", FieldKind::Unsigned, 16});
    hf.serverBpp = r.field({"vnc.server_bits_per_pixel", "Bits per pixel", FieldKind::Unsigned, 8});
    hf.serverDepth = r.field({"vnc.server_depth", "Depth", FieldKind::Unsigned, 8});
    hf.serverBigEndian = r.field({"vnc.server_big_endian_flag", "Big endian flag", FieldKind::Bool, 8});
    hf.serverTrueColor = r.field({"vnc.server_true_color_flag", "True color flag", FieldKind::Bool, 8});
    hf.serverRedMax = r.field({"vnc.server_red_max", "Red maximum", FieldKind::Unsigned, 16});
    hf.serverGreenMax = r.field({"vnc.server_green_max", "Green maximum", FieldKind::Unsigned, 16});
    hf.serverBlueMax = r.field({"vnc.server_blue_max", "Blue maximum", FieldKind::Unsigned, 16});
    hf.serverRedShift = r.field({"vnc.server_red_shift", "Red shift", FieldKind::Unsigned, 8});
    hf.serverGreenShift = r.field({"vnc.server_green_shift", "Green shift", FieldKind::Unsigned, 8});
    hf.serverBlueShift = r.field({"vnc.server_blue_shift", "Blue shift", FieldKind::Unsigned, 8});
    hf.desktopNameLength = r.field({"vnc.desktop_name_len", "Desktop name length", FieldKind::Unsigned, 32});
    hf.desktopName = r.field({"vnc.desktop_name", "Desktop name", FieldKind::String});
    hf.clientMessageType = r.field({"vnc.client_message_type", "Client Message Type", FieldKind::Unsigned, 8, kClientMessages});
    hf.clientBpp = r.field({"vnc.client_bits_per_pixel", "Bits per pixel", FieldKind::Unsigned, 8});
    hf.clientDepth = r.field({"vnc.client_depth", "Depth", FieldKind::Unsigned, 8});
    hf.clientBigEndian = r.field({"vnc.client_big_endian_flag", "Big endian flag", FieldKind::Bool, 8});
    hf.clientTrueColor = r.field({"vnc.client_true_color_flag", "True color flag", FieldKind::Bool, 8});
    hf.clientRedMax = r.field({"vnc.client_red_max", "Red maximum", FieldKind::Unsigned, 16});
    hf.clientGreenMax = r.field({"vnc.client_green_max", "Green maximum", FieldKind::Unsigned, 16});
    hf.clientBlueMax = r.field({"vnc.client_blue_max", "Blue maximum", FieldKind::Unsigned, 16});
    hf.clientRedShift = r.field({"vnc.client_red_shift", "Red shift", FieldKind::Unsigned, 8});
    hf.clientGreenShift = r.field({"vnc.client_green_shift", "Green shift", FieldKind::Unsigned, 8});
    hf.clientBlueShift = r.field({"vnc.client_blue_shift", "Blue shift", FieldKind::Unsigned, 8});
    hf.encodingsNum = r.field({"vnc.client_set_encodings_num", "Number of encodings", FieldKind::Unsigned, 16});
    hf.encodingType = r.field({"vnc.client_set_encodings_encoding_type", "Encoding type", FieldKind::Signed, 32});
    hf.incremental = r.field({"vnc.update_req_incremental", "Incremental update", FieldKind::Bool, 8});
    hf.updateX = r.field({"vnc.update_req_x_pos", "X position", FieldKind::Unsigned, 16});
    hf.updateY = r.field({"vnc.update_req_y_pos", "Y position", FieldKind::Unsigned, 16});
    hf.updateWidth = r.field({"vnc.update_req_width", "Width", FieldKind::Unsigned, 16});
    hf.updateHeight = r.field({"vnc.update_req_height", "Height", FieldKind::Unsigned, 16});
    hf.keyDown = r.field({"vnc.key_down", "Key down", FieldKind::Bool, 8});
    hf.key = r.field({"vnc.key", "Key", FieldKind::Hex, 32});
    static constexpr std::string_view kButtonNames[8] = {"vnc.button_1_pos", "vnc.button_2_pos", "vnc.button_3_pos",
                                                         "vnc.button_4_pos", "vnc.button_5_pos", "vnc.button_6_pos",
                                                         "vnc.button_7_pos", "vnc.button_8_pos"};
    static constexpr std::string_view kButtonLabels[8] = {
        "Mouse button #1 position", "Mouse button #2 position", "Mouse button #3 position", "Mouse button #4 position",
        "Mouse button #5 position", "Mouse button #6 position", "Mouse button #7 position", "Mouse button #8 position"};
    for (std::size_t i = 0; i < 8; ++i)
        hf.buttons[i] = r.field({kButtonNames[i], kButtonLabels[i], FieldKind::Bool, 8, {}, 1u << i});
    hf.pointerX = r.field({"vnc.pointer_x_pos", "X position", FieldKind::Unsigned, 16});
    hf.pointerY = r.field({"vnc.pointer_y_pos", "Y position", FieldKind::Unsigned, 16});
    hf.clientCutLength = r.field({"vnc.client_cut_text_len", "Length", FieldKind::Unsigned, 32});
    hf.clientCutText = r.field({"vnc.client_cut_text", "Text", FieldKind::String});
    hf.serverMessageType = r.field({"vnc.server_message_type", "Server Message Type", FieldKind::Unsigned, 8, kServerMessages});
    hf.rects = r.field({"vnc.fb_update_num_rects", "Number of rectangles", FieldKind::Unsigned, 16});
    hf.rectX = r.field({"vnc.fb_update_x_pos", "X position", FieldKind::Unsigned, 16});
    hf.rectY = r.field({"vnc.fb_update_y_pos", "Y position", FieldKind::Unsigned, 16});
    hf.rectWidth = r.field({"vnc.fb_update_width", "Width", FieldKind::Unsigned, 16});
    hf.rectHeight = r.field({"vnc.fb_update_height", "Height", FieldKind::Unsigned, 16});
    hf.rectEncoding = r.field({"vnc.fb_update_encoding_type", "Encoding type", FieldKind::Signed, 32});
    hf.serverCutLength = r.field({"vnc.server_cut_text_len", "Length", FieldKind::Unsigned, 32});
    hf.serverCutText = r.field({"vnc.server_cut_text", "Text", FieldKind::String});
    for (const std::uint16_t port : {5500, 5501, 5900, 5901}) r.tcpPort(port, dissectVnc);
    r.tcpHeuristic(vncHeuristic);
}

}  // namespace rcvmon
