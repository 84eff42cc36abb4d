// SPDX-License-Identifier: GPL-2.0-or-later
// TLS records over TCP (RFC 8446 §5.1, RFC 5246 §6.2, RFC 6101 §5.2.1 for SSL 3.0), as
// Wireshark's packet-tls.c shows them: several records per segment, a record spanning segments
// dissected whole on the segment that completes it, the connection's negotiated version naming
// the Protocol column once an authoritative message (anything but a ClientHello) was seen, and
// one Info item per record or handshake message.
#include "dissect/field_format.h"
#include "dissect/protocols/layer_fields.h"
#include "dissect/protocols/tls/tls.h"
#include "dissect/tcp_conversations.h"

#include <string>

namespace rcvmon {

TlsFields tlsHf;

namespace {

constexpr ValueName kContentTypes[] = {
    {20, "Change Cipher Spec"}, {21, "Alert"}, {22, "Handshake"}, {23, "Application Data"}, {24, "Heartbeat"},
};

constexpr ValueName kAlertLevels[] = {{1, "Warning"}, {2, "Fatal"}};

constexpr ValueName kAlertDescriptions[] = {
    {0, "Close Notify"}, {10, "Unexpected Message"}, {20, "Bad Record MAC"}, {21, "Decryption Failed"},
    {22, "Record Overflow"}, {30, "Decompression Failure"}, {40, "Handshake Failure"}, {41, "No Certificate"},
    {42, "Bad Certificate"}, {43, "Unsupported Certificate"}, {44, "Certificate Revoked"},
    {45, "Certificate Expired"}, {46, "Certificate Unknown"}, {47, "Illegal Parameter"}, {48, "Unknown CA"},
    {49, "Access Denied"}, {50, "Decode Error"}, {51, "Decrypt Error"}, {60, "Export Restriction"},
    {70, "Protocol Version"}, {71, "Insufficient Security"}, {80, "Internal Error"},
    {86, "Inappropriate Fallback"}, {90, "User Canceled"}, {100, "No Renegotiation"},
    {109, "Missing Extension"}, {110, "Unsupported Extension"}, {111, "Certificate Unobtainable"},
    {112, "Unrecognized Name"}, {113, "Bad Certificate Status Response"}, {114, "Bad Certificate Hash Value"},
    {115, "Unknown PSK Identity"}, {116, "Certificate Required"}, {120, "No application Protocol"},
};

constexpr ValueName kHandshakeTypes[] = {
    {0, "Hello Request"}, {1, "Client Hello"}, {2, "Server Hello"}, {3, "Hello Verify Request"},
    {4, "New Session Ticket"}, {5, "End of Early Data"}, {6, "Hello Retry Request"}, {8, "Encrypted Extensions"},
    {11, "Certificate"}, {12, "Server Key Exchange"}, {13, "Certificate Request"}, {14, "Server Hello Done"},
    {15, "Certificate Verify"}, {16, "Client Key Exchange"}, {20, "Finished"}, {21, "Client Certificate URL"},
    {22, "Certificate Status"}, {23, "Supplemental Data"}, {24, "Key Update"}, {25, "Compressed Certificate"},
    {67, "Encrypted Extensions"},
};

constexpr ValueName kHeartbeatTypes[] = {{1, "Request"}, {2, "Response"}};

std::string_view nameOf(std::span<const ValueName> table, std::uint64_t value)
{
    for (const ValueName& v : table)
        if (v.value == value) return v.name;
    return {};
}

bool validContentType(std::uint8_t type) { return type >= 20 && type <= 24; }

// Wireshark's ssl_looks_like_sslv3: a content type and a version it knows.
bool looksLikeSslv3(ByteSpan d, std::size_t at)
{
    if (at + 3 > d.size() || !validContentType(d[at])) return false;
    const std::uint16_t version = static_cast<std::uint16_t>((d[at + 1] << 8) | d[at + 2]);
    return version >= 0x0300 && version <= 0x0303;
}

void appendItem(std::string& out, bool& first, std::string_view text)
{
    if (!first) out += ", ";
    first = false;
    out += text;
}

// Every Info item of the layer, in the order the records and messages came.
void writeInfo(const LayerView& layer, std::string& out)
{
    bool first = true;
    for (const FieldRecord& f : layerFields(layer)) {
        if (f.layer != layer.layer()) continue;
        if (f.id == tlsHf.record) {
            switch (f.number) {
            case 20: appendItem(out, first, "Change Cipher Spec"); break;
            case 23: appendItem(out, first, "Application Data"); break;
            case tls_info::kContinuation: appendItem(out, first, "Continuation Data"); break;
            case tls_info::kIgnored: appendItem(out, first, "Ignored Unknown Record"); break;
            default: break;  // alerts, handshakes and heartbeats speak through their own items
            }
        } else if (f.id == tlsHf.handshake) {
            if (f.number & tls_info::kEncrypted) {
                appendItem(out, first, "Encrypted Handshake Message");
            } else if (f.number & tls_info::kRetryRequest) {
                appendItem(out, first, "Hello Retry Request");
            } else {
                std::string_view name = nameOf(kHandshakeTypes, f.number & 0xff);
                if (name.empty()) name = "Encrypted Handshake Message";
                if (f.number & tls_info::kFragment) {
                    if (!first) out += ", ";
                    first = false;
                    out += '[';
                    out += name;
                    out += " Fragment]";
                } else {
                    appendItem(out, first, name);
                }
            }
        } else if (f.id == tlsHf.alertMessage) {
            if (!(f.number & tls_info::kAlertKnown)) {
                appendItem(out, first, "Encrypted Alert");
                continue;
            }
            std::string_view level = nameOf(kAlertLevels, (f.number >> 8) & 0xff);
            std::string_view desc = nameOf(kAlertDescriptions, f.number & 0xff);
            appendItem(out, first, "Alert (Level: ");
            out += level.empty() ? "Unknown" : level;
            out += ", Description: ";
            out += desc.empty() ? "Unknown" : desc;
            out += ')';
        } else if (f.id == tlsHf.heartbeatMessage) {
            const std::string_view type = nameOf(kHeartbeatTypes, f.number);
            if (type.empty()) {
                appendItem(out, first, "Encrypted Heartbeat");
            } else {
                appendItem(out, first, "Heartbeat ");
                out += type;
            }
        }
    }
}

// After a fenced prefix the column is not empty, so TLS's first item gets its separator too
// ("[TCP ACKed unseen segment] , Application Data").
void writeInfoAfterFence(const LayerView& layer, std::string& out)
{
    out += ", ";
    writeInfo(layer, out);
}

// Wireshark's ssl_is_authoritative_version_message + tls_try_get_version.
void trySetVersion(TlsSession& session, std::uint8_t contentType, std::uint8_t nextByte, std::uint16_t version)
{
    const bool authoritative = contentType == 22 ? nextByte != 1 && !nameOf(kHandshakeTypes, nextByte).empty()
                                                 : validContentType(contentType);
    if (!authoritative) return;
    if (const std::uint16_t known = tlsKnownVersion(version)) session.version = known;
}

void dissectAlert(DissectContext& ctx, std::uint16_t layer, ByteSpan body, std::uint32_t at)
{
    // Alerts are not fragmented; any other length is taken as encrypted.
    if (body.size() != 2) {
        ctx.out.addField(tlsHf.alertMessage, layer, at, static_cast<std::uint32_t>(body.size()), 0);
        return;
    }
    ctx.out.addField(tlsHf.alertMessage, layer, at, 2, tls_info::kAlertKnown | (std::uint32_t{body[0]} << 8) | body[1]);
    ctx.out.addField(tlsHf.alertLevel, layer, at, 1, body[0]);
    ctx.out.addField(tlsHf.alertDescription, layer, at + 1, 1, body[1]);
}

void dissectHeartbeat(DissectContext& ctx, std::uint16_t layer, ByteSpan body, std::uint32_t at)
{
    // Without keys Wireshark takes a heartbeat as plaintext; a type it does not know is encrypted.
    const std::uint64_t type = body.empty() ? 0 : body[0];
    ctx.out.addField(tlsHf.heartbeatMessage, layer, at, static_cast<std::uint32_t>(body.size()),
                     nameOf(kHeartbeatTypes, type).empty() ? 0 : type);
}

bool dissectTlsPdu(DissectContext& ctx, const Payload& p);

// Whether the layer's records put anything in the Info column (a record may only continue a
// handshake message).
bool hasInfoItem(const Dissection& out, std::uint16_t layer)
{
    for (const FieldRecord& f : out.fields()) {
        if (f.layer != layer) continue;
        if (f.id == tlsHf.handshake || f.id == tlsHf.alertMessage || f.id == tlsHf.heartbeatMessage) return true;
        if (f.id == tlsHf.record && (f.number == 20 || f.number == 23 || f.number > 0xff)) return true;
    }
    return false;
}

// Wireshark's ssl_looks_like_sslv2: an SSL 2.0 ClientHello (RFC 6101 Appendix E), as old
// clients send to find a server's version.
bool looksLikeSslv2Hello(ByteSpan d, std::size_t at)
{
    if (at + 5 > d.size() || !(d[at] & 0x80) || d[at + 2] != 1) return false;
    const std::uint16_t version = static_cast<std::uint16_t>((d[at + 3] << 8) | d[at + 4]);
    return version == 0x0002 || (version >= 0x0300 && version <= 0x0303);
}

// Did an earlier call in this frame show TLS (the PDU completed here)?
bool tlsEarlierInFrame(const Dissection& out)
{
    for (const LayerRecord& l : out.layers())
        if (l.filterName == "tls") return true;
    return false;
}

void dissectRecords(DissectContext& ctx, const Payload& p)
{
    const bool rest = tlsEarlierInFrame(ctx.out);
    LayerCursor c(ctx, "TLS", "tls", p.data, p.at, p.reported);
    const std::uint16_t layer = c.layer();
    thread_local TlsSession scratchSession;
    TlsSession& session = ctx.tcpConversation ? ctx.tcpConversation->tls : (scratchSession = TlsSession{});
    const int dir = ctx.tcpConversation && ctx.tcpDirection == &ctx.tcpConversation->dir[1] ? 1 : 0;
    std::string_view column = tlsVersionName(session.version);
    const ByteSpan d = p.data;
    const std::size_t reported = p.reported;
    std::size_t pos = 0, needed = 0;
    bool shown = false;
    // Bounded by the bytes: every pass consumes a record header at least.
    while (pos < reported && pos < d.size()) {
        const std::size_t avail = reported - pos;
        const std::uint16_t sv = session.version;
        if (sv >= 0x0301 && sv <= 0x0303 && !validContentType(d[pos])) {
            // TLS 1.0-1.2 ignore unknown records (RFC 2246 §6): the rest of the segment.
            ctx.out.addField(tlsHf.record, layer, c.absolute(pos), static_cast<std::uint32_t>(avail), tls_info::kIgnored);
            shown = true;
            pos = reported;
            break;
        }
        if (avail < 5) {
            needed = kTcpPduOneMoreSegment;
            break;
        }
        if (pos + 5 > d.size()) break;
        if (sv == 0 && looksLikeSslv2Hello(d, pos)) {
            const std::size_t length = ((std::size_t{d[pos]} & 0x7f) << 8) | d[pos + 1];
            if (avail < length + 2) {
                needed = length + 2 - avail;
                break;
            }
            const std::uint32_t at = c.absolute(pos);
            ctx.out.addField(tlsHf.record, layer, at, static_cast<std::uint32_t>(2 + length), 22);
            ctx.out.addField(tlsHf.handshake, layer, at + 2, static_cast<std::uint32_t>(length), 1);
            ctx.out.addField(tlsHf.recordVersion, layer, at, 0, 0x0002);  // generated: SSL 2.0
            column = "SSLv2";
            shown = true;
            pos += 2 + length;
            continue;
        }
        if (sv == 0 && !looksLikeSslv3(d, pos)) {
            ctx.out.addField(tlsHf.record, layer, c.absolute(pos), static_cast<std::uint32_t>(avail), tls_info::kContinuation);
            shown = true;
            pos = reported;
            break;
        }
        const std::uint8_t type = d[pos];
        std::uint16_t version = static_cast<std::uint16_t>((d[pos + 1] << 8) | d[pos + 2]);
        const std::size_t length = (std::size_t{d[pos + 3]} << 8) | d[pos + 4];
        if (!validContentType(type)) {
            ctx.out.addField(tlsHf.record, layer, c.absolute(pos), 5, tls_info::kContinuation);
            shown = true;
            pos += 5 + length;
            continue;
        }
        if (avail < length + 5) {
            needed = length + 5 - avail;
            break;
        }
        if (pos + 5 + length > d.size()) {  // cut by the capture: Wireshark stops with an exception
            c.need(d.size() - pos + 1);
            break;
        }
        shown = true;
        const std::uint32_t at = c.absolute(pos);
        ctx.out.addField(tlsHf.record, layer, at, static_cast<std::uint32_t>(5 + length), type);
        ctx.out.addField(tlsHf.recordContentType, layer, at, 1, type);
        ctx.out.addField(tlsHf.recordVersion, layer, at + 1, 2, version);
        ctx.out.addField(tlsHf.recordLength, layer, at + 3, 2, length);
        const ByteSpan body = d.subspan(pos + 5, length);
        if (session.version == 0) {
            trySetVersion(session, type, length > 0 ? body[0] : 0, version);
            column = tlsVersionName(version);
        } else {
            version = session.version;
        }
        switch (type) {
        case 20:
            // The first ChangeCipherSpec marks what follows as encrypted; a TLS 1.3 one is a dummy.
            if (session.version != 0x0304 && session.ccsFrame[static_cast<std::size_t>(dir)] == 0)
                session.ccsFrame[static_cast<std::size_t>(dir)] = ctx.frameNumber;
            ctx.out.addField(tlsHf.changeCipherSpec, layer, at + 5, static_cast<std::uint32_t>(length), 0);
            break;
        case 21: dissectAlert(ctx, layer, body, at + 5); break;
        case 22: {
            dissectTlsHandshake(ctx, layer, body, at + 5, &session, true, dir == 1, false);
            // A ServerHello names the negotiated version (TLS 1.3 by supported_versions); the
            // early data of a ClientHello changes the connection but not this column.
            if (length > 0 && body[0] == 2 && session.version != 0) column = tlsVersionName(session.version);
            break;
        }
        case 24: dissectHeartbeat(ctx, layer, body, at + 5); break;
        default: break;
        }
        pos += 5 + length;
    }
    if (shown && hasInfoItem(ctx.out, layer)) {
        if (rest && ctx.out.infoKind() == InfoKind::Protocol)
            ctx.appendInfo(writeInfo, layer, ", ");
        else
            ctx.setInfo(ctx.out.infoFenced() ? writeInfoAfterFence : writeInfo, layer);
    }
    if (needed > 0) {
        // The record continues in later segments; its bytes are kept to be dissected whole.
        const bool keep = p.data.size() >= p.reported;
        TcpPdu pdu{column, "TLS", "tls", {}, {}, keep ? dissectTlsPdu : nullptr};
        pdu.clearsInfo = true;  // dissect_ssl clears Info before it asks for more
        startTcpPdu(ctx, pdu, needed, layer, shown || rest, keep ? d.subspan(pos) : ByteSpan{});
        if (ctx.desegment && ctx.tcpDirection) {
            if (shown) ctx.setProtocol(column);
            return;
        }
    }
    ctx.setProtocol(column);
}

bool dissectTlsPdu(DissectContext& ctx, const Payload& p)
{
    dissectRecords(ctx, p);
    return true;
}

// Wireshark's dissect_ssl declines a payload that starts with four printable characters.
bool looksLikeText(ByteSpan d)
{
    if (d.size() <= 4) return false;
    for (std::size_t i = 0; i < 4; ++i)
        if (d[i] < 0x20 || d[i] > 0x7e) return false;
    return true;
}

bool dissectTlsPort(DissectContext& ctx, const Payload& p)
{
    if (looksLikeText(p.data)) return false;
    dissectRecords(ctx, p);
    return true;
}

// Wireshark's is_sslv3_or_tls: a Handshake or Application Data record of a known version
// with a sane length.
bool looksLikeTlsStart(ByteSpan d)
{
    if (d.size() < 5 || (d[0] != 22 && d[0] != 23)) return false;
    const std::uint16_t version = static_cast<std::uint16_t>((d[1] << 8) | d[2]);
    if (version < 0x0300 || version > 0x0303) return false;
    const std::size_t length = (std::size_t{d[3]} << 8) | d[4];
    return length != 0 && length < 16384 + 2048;
}

// TLS found by its first record on any port; the connection stays TLS afterwards.
bool dissectTlsHeuristic(DissectContext& ctx, const Payload& p)
{
    TcpConversation* conv = ctx.tcpConversation;
    if (!conv) return false;
    if (!conv->tls.detected) {
        if (!looksLikeTlsStart(p.data)) return false;
        conv->tls.detected = true;
    }
    if (looksLikeText(p.data)) return false;
    dissectRecords(ctx, p);
    return true;
}

}  // namespace

std::uint16_t tlsKnownVersion(std::uint16_t version)
{
    if (version >= 0x0300 && version <= 0x0304) return version;
    if ((version >> 8) == 0x7f) return 0x0304;  // TLS 1.3 drafts
    if (version == 0xfb17 || version == 0xfb1a) return 0x0304;  // Facebook's TLS 1.3 drafts
    return 0;
}

std::string_view tlsVersionName(std::uint16_t version)
{
    switch (version) {
    case 0x0002: return "SSLv2";
    case 0x0300: return "SSLv3";
    case 0x0301: return "TLSv1";
    case 0x0302: return "TLSv1.1";
    case 0x0303: return "TLSv1.2";
    case 0x0304: return "TLSv1.3";
    default: return "SSL";
    }
}

void dissectTls(DissectContext& ctx, const Payload& p) { dissectRecords(ctx, p); }

void registerTls(ProtocolRegistrar& r)
{
    r.protocol("tls");
    tlsHf.record = r.field({"tls.record", "Record Layer", FieldKind::None});
    tlsHf.recordContentType = r.field({"tls.record.content_type", "Content Type", FieldKind::Unsigned, 8, kContentTypes});
    tlsHf.recordVersion = r.field({"tls.record.version", "Version", FieldKind::Hex, 16});
    tlsHf.recordLength = r.field({"tls.record.length", "Length", FieldKind::Unsigned, 16});
    tlsHf.changeCipherSpec = r.field({"tls.change_cipher_spec", "Change Cipher Spec Message", FieldKind::None});
    tlsHf.alertMessage = r.field({"tls.alert_message", "Alert Message", FieldKind::None});
    tlsHf.alertLevel = r.field({"tls.alert_message.level", "Level", FieldKind::Unsigned, 8, kAlertLevels});
    tlsHf.alertDescription =
        r.field({"tls.alert_message.desc", "Description", FieldKind::Unsigned, 8, kAlertDescriptions});
    tlsHf.heartbeatMessage = r.field({"tls.heartbeat_message", "Heartbeat Message", FieldKind::None});
    tlsHf.handshake = r.field({"tls.handshake", "Handshake Protocol", FieldKind::None});
    tlsHf.handshakeType = r.field({"tls.handshake.type", "Handshake Type", FieldKind::Unsigned, 8, kHandshakeTypes});
    tlsHf.handshakeLength = r.field({"tls.handshake.length", "Length", FieldKind::Unsigned, 24});
    tlsHf.handshakeVersion = r.field({"tls.handshake.version", "Version", FieldKind::Hex, 16});
    tlsHf.ciphersuite = r.field({"tls.handshake.ciphersuite", "Cipher Suite", FieldKind::Hex, 16});
    tlsHf.extensionType = r.field({"tls.handshake.extension.type", "Type", FieldKind::Unsigned, 16});
    tlsHf.extensionLength = r.field({"tls.handshake.extension.len", "Length", FieldKind::Unsigned, 16});
    tlsHf.serverName = r.field({"tls.handshake.extensions_server_name", "Server Name", FieldKind::String});
    tlsHf.alpnString = r.field({"tls.handshake.extensions_alpn_str", "ALPN Next Protocol", FieldKind::String});
    tlsHf.supportedVersion =
        r.field({"tls.handshake.extensions.supported_version", "Supported Version", FieldKind::Hex, 16});
    r.tcpPort(443, dissectTlsPort);
    r.tcpHeuristic(dissectTlsHeuristic);
}

}  // namespace rcvmon
