// SPDX-License-Identifier: GPL-2.0-or-later
// SSH (RFC 4253 transport; SSH 1.5 for SSHv1) as Wireshark shows it without keys: the version
// banners ("Protocol (SSH-2.0-…)"), the key exchange packets by message code — the codes 30–49
// named by the key exchange method both KEXINITs agree on — and, after each side's New Keys,
// "Encrypted packet (len=N)" for the rest of its segments. The Protocol column says SSHv2 or
// SSHv1 once a banner has told, SSH before.
#include "dissect/field_format.h"
#include "dissect/pdu_prefixes.h"
#include "dissect/protocols/tcp_options.h"
#include "dissect/protocols/text/lines.h"
#include "dissect/tcp_conversations.h"
#include "dissect/protocols/value_names.h"

namespace rcvmon {
namespace {

struct SshFields {
    FieldId protocol, packetLength, paddingLength, messageCode, direction, packetLengthEncrypted;
} hf;

constexpr std::uint16_t kSshPort = 22;

// TcpConversation::app[0] bits; app[1] the client's kex preferences (six 5-bit ids, first in
// the low bits), app[2] the server's kex algorithms as a bit set of the same ids.
constexpr std::uint32_t kVersionMask = 3, kV1 = 1, kV2 = 2;
constexpr std::uint32_t kBannerDone[2] = {1u << 2, 1u << 3};      // client, server
constexpr std::uint32_t kNewKeys[2] = {1u << 4, 1u << 5};
constexpr std::uint32_t kKexInit[2] = {1u << 6, 1u << 7};
constexpr std::uint32_t kV1SessionKey = 1u << 8;
constexpr unsigned kFamilyShift = 12;  // 3 bits: the key exchange family chosen
enum Family : std::uint32_t { kDh = 0, kGex = 1, kEcdh = 2 };

std::string_view messageName(std::uint8_t code, std::uint32_t family)
{
    if (code >= 30 && code < 50) {
        if (family == kGex) {
            switch (code) {
            case 30: return "Diffie-Hellman Group Exchange Request (Old)";
            case 31: return "Diffie-Hellman Group Exchange Group";
            case 32: return "Diffie-Hellman Group Exchange Init";
            case 33: return "Diffie-Hellman Group Exchange Reply";
            case 34: return "Diffie-Hellman Group Exchange Request";
            default: return {};
            }
        }
        if (family == kEcdh) {
            if (code == 30) return "Elliptic Curve Diffie-Hellman Key Exchange Init";
            if (code == 31) return "Elliptic Curve Diffie-Hellman Key Exchange Reply";
            return {};
        }
        if (code == 30) return "Diffie-Hellman Key Exchange Init";
        if (code == 31) return "Diffie-Hellman Key Exchange Reply";
        return {};
    }
    switch (code) {
    case 1: return "Disconnect";
    case 2: return "Ignore";
    case 3: return "Unimplemented";
    case 4: return "Debug";
    case 5: return "Service Request";
    case 6: return "Service Accept";
    case 7: return "Extended Information";
    case 20: return "Key Exchange Init";
    case 21: return "New Keys";
    case 50: return "User Authentication Request";
    case 51: return "User Authentication Failure";
    case 52: return "User Authentication Success";
    case 53: return "User Authentication Banner";
    case 60: return "User Authentication Public Key OK";
    case 80: return "Global Request";
    case 81: return "Request Success";
    case 82: return "Request Failure";
    case 90: return "Channel Open";
    case 91: return "Channel Open Confirmation";
    case 92: return "Channel Open Failure";
    case 93: return "Window Adjust";
    case 94: return "Channel Data";
    case 95: return "Channel Extended Data";
    case 96: return "Channel EOF";
    case 97: return "Channel Close";
    case 98: return "Channel Request";
    case 99: return "Channel Success";
    case 100: return "Channel Failure";
    default: return {};
    }
}

std::string_view v1MessageName(std::uint8_t code)
{
    switch (code) {
    case 1: return "Disconnect";
    case 2: return "Public Key";
    case 3: return "Session Key";
    case 4: return "User";
    default: return {};
    }
}

void writeInfo(const LayerView& layer, std::string& out)
{
    const Dissection& d = layer.dissection();
    out += layer.number(hf.direction) ? "Server: " : "Client: ";
    bool first = true;
    const auto sep = [&] {
        if (!first) out += ", ";
        first = false;
    };
    for (const FieldRecord& f : d.fields()) {
        if (f.layer != layer.layer()) continue;
        if (f.id == hf.protocol) {
            sep();
            out += "Protocol (";
            text::appendFormatted(out, d.valueText(f));
            out += ')';
        } else if (f.id == hf.messageCode) {
            sep();
            // aux: 1 + the key exchange family for SSHv2, 0x100 for SSHv1.
            const std::string_view name = f.aux == 0x100 ? v1MessageName(static_cast<std::uint8_t>(f.number))
                                                          : messageName(static_cast<std::uint8_t>(f.number), f.aux - 1);
            appendNameOrNumber(out, name, f.number);
        } else if (f.id == hf.packetLengthEncrypted) {
            sep();
            out += "Encrypted packet (len=";
            appendDecimal(out, f.aux);
            out += ')';
        }
    }
}

// An id for a name in a name-list: the known ones first, others by a hash of the name (they
// still take part in the negotiation). `known` lists the names that matter to the caller.
template <std::size_t N>
std::uint32_t nameId(std::string_view name, const std::string_view (&known)[N], std::uint32_t firstHashed)
{
    for (std::uint32_t i = 0; i < N; ++i)
        if (name == known[i]) return i + 1;
    std::uint32_t h = 2166136261u;
    for (char ch : name) h = (h ^ static_cast<std::uint8_t>(ch)) * 16777619u;
    return firstHashed + h % (32 - firstHashed);
}

constexpr std::string_view kKexNames[] = {
    "diffie-hellman-group-exchange-sha1", "diffie-hellman-group-exchange-sha256", "curve25519-sha256@libssh.org",
    "curve25519-sha256", "curve448-sha512", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521"};
// The ciphers Wireshark 4.0 sets up for decryption: without keys their packets show no text.
constexpr std::string_view kCipherNames[] = {"chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com",
                                              "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr",
                                              "aes128-cbc", "aes192-cbc", "aes256-cbc"};

std::uint32_t kexId(std::string_view name)
{
    if (name.substr(0, 10) == "ecdh-sha2-" && nameId(name, kKexNames, 9) >= 9) return 9;
    return nameId(name, kKexNames, 10);
}

std::uint32_t familyOf(std::uint32_t id)
{
    if (id == 1 || id == 2) return kGex;
    if (id >= 3 && id <= 9) return kEcdh;
    return kDh;  // Wireshark's default: DH names for anything else
}

// The first of the client's preferences (six 5-bit ids) the server also offers; 0 when none.
std::uint32_t choose(std::uint32_t clientPrefs, std::uint32_t serverSet)
{
    for (unsigned i = 0; i < 6; ++i) {
        const std::uint32_t id = (clientPrefs >> (5 * i)) & 31;
        if (id != 0 && (serverSet & (1u << id))) return id;
    }
    return 0;
}

// TcpConversation::app words: [1] client kex preferences, [2] server kex set, [3]/[4] client
// cipher preferences client→server / server→client, [5]/[6] the server's cipher sets.
constexpr std::uint32_t kDecrypting[2] = {1u << 16, 1u << 17};  // client→server, server→client

// The name-lists at the start of a KEXINIT (RFC 4253 §7.1): kex, host key, ciphers both ways.
void recordKexInit(ByteSpan packet, TcpConversation& conv, bool server)
{
    // packet: from the message code on.
    std::size_t at = 1 + 16;
    for (int list = 0; list < 4; ++list) {
        if (packet.size() < at + 4) return;
        const std::uint32_t len = static_cast<std::uint32_t>(packet[at]) << 24 | static_cast<std::uint32_t>(packet[at + 1]) << 16 |
                                  static_cast<std::uint32_t>(packet[at + 2]) << 8 | packet[at + 3];
        if (len > packet.size() - at - 4) return;
        const std::string_view names = text::asText(packet.subspan(at + 4, len));
        at += 4 + std::size_t{len};
        if (list == 1) continue;  // host key algorithms
        std::uint32_t prefs = 0, set = 0;
        unsigned count = 0;
        std::size_t from = 0;
        for (int guard = 0; guard < 64 && from <= names.size(); ++guard) {
            const std::size_t comma = names.find(',', from);
            const std::string_view name = names.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
            const std::uint32_t id = list == 0 ? kexId(name) : nameId(name, kCipherNames, 10);
            set |= 1u << id;
            if (count < 6) prefs |= id << (5 * count++);
            if (comma == std::string_view::npos) break;
            from = comma + 1;
        }
        const std::size_t word = list == 0 ? 1 : list == 2 ? 3 : 4;
        conv.app[server ? word + (list == 0 ? 1 : 2) : word] = server ? set : prefs;
    }
    conv.app[0] |= kKexInit[server ? 1 : 0];
    if ((conv.app[0] & kKexInit[0]) && (conv.app[0] & kKexInit[1])) {
        const std::uint32_t kex = choose(conv.app[1], conv.app[2]);
        const std::uint32_t family = kex == 0 ? kDh : familyOf(kex);
        conv.app[0] = (conv.app[0] & ~(7u << kFamilyShift)) | family << kFamilyShift;
        for (unsigned dir = 0; dir < 2; ++dir) {
            const std::uint32_t cipher = choose(conv.app[3 + dir], conv.app[5 + dir]);
            // Wireshark sets the cipher up from the DH and ECDH replies, not DH group exchange.
            if (cipher >= 1 && cipher <= 9 && family != kGex) {
                conv.app[0] |= kDecrypting[dir];
            } else {
                conv.app[0] &= ~kDecrypting[dir];
            }
        }
    }
}

// The segment completing a key exchange packet that an earlier one started.
void completeMessage(DissectContext& ctx, std::uint16_t layer, const TcpPdu& pdu, const Payload&)
{
    // A KEXINIT kept from its first segment on: its algorithm lists decide the rest.
    if ((pdu.saved[0] & 0xff) == 20 && ctx.pduPrefixes && ctx.tcpConversation) {
        recordKexInit(ctx.pduPrefixes->find(ctx.tcpDirection), *ctx.tcpConversation, (pdu.saved[0] >> 8) & 1);
        ctx.pduPrefixes->drop(ctx.tcpDirection);
    }
    ctx.out.addField(hf.direction, layer, ctx.out.layer(layer).offset, 0, (pdu.saved[0] >> 8) & 1);
    const std::uint32_t f = ctx.out.addField(hf.messageCode, layer, ctx.out.layer(layer).offset, 0, pdu.saved[0] & 0xff);
    ctx.out.setAux(f, pdu.saved[1]);
    ctx.setInfo(writeInfo, layer);
}

bool startsWithCi(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        char p = prefix[i];
        if (p >= 'a' && p <= 'z') p = static_cast<char>(p - 32);
        if (c != p) return false;
    }
    return true;
}

// SSH added its item, then asked for more bytes with nothing complete before: the column is
// TCP's again and Info only the segment note (SSH had cleared it).
void onlyStartsPdu(DissectContext& ctx, std::uint16_t layer)
{
    ctx.setProtocol("TCP");
    ctx.setInfo(writeTcpSegmentOfPdu, layer);
}

bool dissectSsh(DissectContext& ctx, const Payload& p)
{
    TcpConversation* conv = ctx.tcpConversation;
    thread_local TcpConversation scratch;  // no conversation (an ICMP quote): nothing remembered
    if (!conv) {
        scratch = TcpConversation{};
        conv = &scratch;
    }
    const bool server = text::transportPorts(ctx).src == kSshPort;
    const unsigned peer = server ? 1 : 0;
    LayerCursor c(ctx, "SSH", "ssh", p.data, p.at, p.reported);
    std::uint32_t version = conv->app[0] & kVersionMask;
    ctx.setProtocol(version == kV2 ? "SSHv2" : version == kV1 ? "SSHv1" : "SSH");
    ctx.setInfo(writeInfo, c.layer());
    c.add(hf.direction, 0, 0, server ? 1 : 0);
    const ByteSpan data = p.data;
    const std::string_view bytes = text::asText(data);
    std::size_t at = 0;
    for (int guard = 0; guard < 256 && at < data.size(); ++guard) {
        const std::size_t before = at;
        if (!(conv->app[0] & kBannerDone[peer]) && startsWithCi(bytes.substr(at), "SSH-")) {
            std::uint32_t v = 0;  // only the client's banner sets the version, as in Wireshark
            if (server) {
            } else if (startsWithCi(bytes.substr(at), "SSH-2.") || startsWithCi(bytes.substr(at), "SSH-1.99-")) {
                v = kV2;
            } else if (startsWithCi(bytes.substr(at), "SSH-1.")) {
                v = kV1;
            }
            const std::size_t nl = bytes.find('\n', at);
            if (nl == std::string_view::npos && ctx.desegment && ctx.tcpDirection) {
                startTcpPdu(ctx, TcpPdu{version == kV2 ? "SSHv2" : version == kV1 ? "SSHv1" : "SSH", "SSH", "ssh", {}, {}}, 1,
                            c.layer(), true);
                if (at == 0) onlyStartsPdu(ctx, c.layer());
                break;
            }
            const std::size_t lineLen = nl == std::string_view::npos ? data.size() - at : nl - at + 1;
            std::size_t protoLen = nl == std::string_view::npos ? lineLen : lineLen - 1;
            if (nl != std::string_view::npos && lineLen > 1 && bytes[nl - 1] == '\r') protoLen = lineLen - 2;
            text::addText(c, hf.protocol, at, bytes.substr(at, protoLen));
            conv->app[0] |= kBannerDone[peer];
            if (v != 0) {
                conv->app[0] = (conv->app[0] & ~kVersionMask) | v;
                version = v;
            }
            at += lineLen;
            continue;
        }
        const std::size_t remain = data.size() - at;
        if (version == kV2 && (conv->app[0] & kNewKeys[peer]) && (conv->app[0] & kDecrypting[peer])) break;
        if (version == 0 || (version == kV2 && (conv->app[0] & kNewKeys[peer]))) {
            const std::uint32_t f = c.add(hf.packetLengthEncrypted, at, std::min<std::size_t>(4, remain), 0);
            ctx.out.setAux(f, static_cast<std::uint32_t>(p.reported > at ? p.reported - at : remain));
            break;
        }
        if (remain < 4) break;
        const std::uint32_t plen = static_cast<std::uint32_t>(data[at]) << 24 | static_cast<std::uint32_t>(data[at + 1]) << 16 |
                                   static_cast<std::uint32_t>(data[at + 2]) << 8 | data[at + 3];
        if (version == kV1) {
            // SSH 1.5: length, 1–8 bytes of padding to a multiple of 8, type, data, CRC.
            const std::size_t padding = 8 - plen % 8;
            const std::size_t total = 4 + padding + std::size_t{plen};
            if (total > remain && ctx.desegment && ctx.tcpDirection) {
                startTcpPdu(ctx, TcpPdu{"SSHv1", "SSH", "ssh", {}, {}}, total - remain, c.layer(), true);
                if (at == 0) onlyStartsPdu(ctx, c.layer());
                break;
            }
            c.add(hf.packetLength, at, 4, plen);
            if (4 + padding >= remain) break;
            if (conv->app[0] & kV1SessionKey) {
                // After the session key, a packet's length is all that is clear.
                const std::uint32_t f = c.add(hf.packetLengthEncrypted, at, 4, 0);
                ctx.out.setAux(f, plen);
                at += total;
                continue;
            }
            const std::uint8_t code = data[at + 4 + padding];
            const std::uint32_t f = c.add(hf.messageCode, at + 4 + padding, 1, code);
            ctx.out.setAux(f, 0x100);
            if (code == 3 && !server) conv->app[0] |= kV1SessionKey;
            at += total;
            continue;
        }
        if (std::uint64_t{plen} + 4 > remain && ctx.desegment && ctx.tcpDirection) {
            TcpPdu pdu{"SSHv2", "SSH", "ssh", {}, {}};
            if (remain >= 6) {
                // The completing segment shows the message this one starts.
                const std::uint8_t code = data[at + 5];
                pdu.complete = completeMessage;
                pdu.saved[0] = code | (server ? 0x100u : 0u);
                pdu.saved[1] = 1 + ((conv->app[0] >> kFamilyShift) & 7);
                if (code == 20 && ctx.pduPrefixes) ctx.pduPrefixes->save(ctx.tcpDirection, data.subspan(at + 5));
            }
            startTcpPdu(ctx, pdu, plen + 4 - remain, c.layer(), true);
            if (at == 0) onlyStartsPdu(ctx, c.layer());
            break;
        }
        c.add(hf.packetLength, at, 4, plen);
        if (remain < 6) {
            c.malformed();
            break;
        }
        c.add(hf.paddingLength, at + 4, 1, data[at + 4]);
        const std::uint8_t code = data[at + 5];
        const std::uint32_t f = c.add(hf.messageCode, at + 5, 1, code);
        ctx.out.setAux(f, 1 + ((conv->app[0] >> kFamilyShift) & 7));
        if (code == 20) recordKexInit(data.subspan(at + 5, std::min<std::size_t>(plen, remain - 5)), *conv, server);
        if (code == 21) {
            // Wireshark reads the rest of this frame as key exchange still, and shows no more.
            conv->app[0] |= kNewKeys[peer];
            break;
        }
        at += std::size_t{plen} + 4;
        if (at <= before) break;
    }
    return true;
}

}  // namespace

void registerSsh(ProtocolRegistrar& r)
{
    r.protocol("ssh");
    hf.protocol = r.field({"ssh.protocol", "Protocol", FieldKind::String});
    hf.packetLength = r.field({"ssh.packet_length", "Packet Length", FieldKind::Unsigned, 32});
    hf.paddingLength = r.field({"ssh.padding_length", "Padding Length", FieldKind::Unsigned, 8});
    hf.messageCode = r.field({"ssh.message_code", "Message Code", FieldKind::Unsigned, 8});
    hf.direction = r.field({"ssh.direction", "Direction", FieldKind::Bool, 8});
    hf.packetLengthEncrypted = r.field({"ssh.packet_length_encrypted", "Packet Length (encrypted)", FieldKind::Bytes});
    r.tcpPort(kSshPort, dissectSsh);
}

}  // namespace rcvmon
