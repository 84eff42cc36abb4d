// SPDX-License-Identifier: GPL-2.0-or-later
// TLS handshake messages (RFC 8446 §4, RFC 5246 §7.4): the messages of a record, ClientHello and
// ServerHello with their cipher suites and the extensions server_name (RFC 6066 §3), ALPN
// (RFC 7301 §3.1) and supported_versions (RFC 8446 §4.2.1); the Hello Retry Request by its
// random (RFC 8446 §4.1.3). Messages are not reassembled across records: a cut one is shown as
// Wireshark shows a fragment.
#include "dissect/protocols/tls/tls.h"
#include "dissect/tcp_conversations.h"

#include <algorithm>
#include <array>

namespace rcvmon {
namespace {

// SHA-256("HelloRetryRequest"), the random of a HelloRetryRequest.
constexpr std::array<std::uint8_t, 32> kRetryRandom = {
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
};

bool knownType(std::uint8_t type)
{
    switch (type) {
    case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 8: case 11: case 12: case 13: case 14:
    case 15: case 16: case 20: case 21: case 22: case 23: case 24: case 25: case 67:
        return true;
    default:
        return false;
    }
}

// A TLS 1.3 draft before -22 has no legacy_session_id nor compression in its ServerHello.
bool isOldDraft(std::uint16_t version)
{
    return ((version >> 8) == 0x7f && (version & 0xff) < 22) || version == 0xfb17 || version == 0xfb1a;
}

std::uint32_t be(ByteSpan d, std::size_t at, std::size_t n)
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = (v << 8) | d[at + i];
    return v;
}

// Wireshark's tls_scan_server_hello: the selected version, and whether it is a retry request.
std::uint16_t scanServerHello(ByteSpan body, bool& retry)
{
    retry = false;
    if (body.size() < 2) return 0;
    std::uint16_t version = static_cast<std::uint16_t>(be(body, 0, 2));
    std::size_t pos = 2;
    if (body.size() < pos + 32) return version;
    retry = std::equal(kRetryRandom.begin(), kRetryRandom.end(), body.begin() + 2);
    pos += 32;
    if (!isOldDraft(version)) {
        if (pos >= body.size()) return version;
        pos += 1 + std::size_t{body[pos]};
    }
    pos += 2;  // cipher suite
    if (!isOldDraft(version)) pos += 1;  // compression method
    if (pos + 2 > body.size()) return version;
    const std::size_t end = std::min(body.size(), pos + 2 + be(body, pos, 2));
    pos += 2;
    while (pos + 4 <= end) {
        const std::uint32_t type = be(body, pos, 2), len = be(body, pos + 2, 2);
        if (type == 43 && len == 2 && pos + 6 <= end) return static_cast<std::uint16_t>(be(body, pos + 4, 2));
        pos += 4 + len;
    }
    return version;
}

// True when an early_data extension was there.
bool dissectExtensions(TlsReader& r, std::uint8_t msgType)
{
    bool earlyData = false;
    if (r.remaining() < 2) return false;
    const std::size_t total = r.read(2);
    const std::size_t end = r.pos() + std::min(total, r.remaining());
    for (int guard = 0; r.ok() && r.pos() + 4 <= end && guard < 512; ++guard) {
        const std::uint32_t type = r.read(2, tlsHf.extensionType);
        const std::size_t len = r.read(2, tlsHf.extensionLength);
        const std::size_t extEnd = r.pos() + len;
        if (extEnd > end) return earlyData;
        if (type == 42) earlyData = true;
        if (type == 0 && msgType == 1 && len >= 2) {  // server_name
            const std::size_t listEnd = std::min(extEnd, r.pos() + 2 + r.read(2));
            while (r.ok() && r.pos() + 3 <= listEnd) {
                const std::uint32_t nameType = r.read(1);
                const std::size_t nameLen = r.read(2);
                if (r.pos() + nameLen > listEnd) break;
                if (nameType == 0)
                    r.text(nameLen, tlsHf.serverName);
                else
                    r.skip(nameLen);
            }
        } else if (type == 16 && len >= 2) {  // application_layer_protocol_negotiation
            const std::size_t listEnd = std::min(extEnd, r.pos() + 2 + r.read(2));
            while (r.ok() && r.pos() + 1 <= listEnd) {
                const std::size_t strLen = r.read(1);
                if (r.pos() + strLen > listEnd) break;
                r.text(strLen, tlsHf.alpnString);
            }
        } else if (type == 43) {  // supported_versions: a list offered, one selected
            if (msgType == 1 && len >= 1) {
                const std::size_t listEnd = std::min(extEnd, r.pos() + 1 + r.read(1));
                while (r.ok() && r.pos() + 2 <= listEnd) r.read(2, tlsHf.supportedVersion);
            } else if (len == 2) {
                r.read(2, tlsHf.supportedVersion);
            }
        }
        if (!r.ok() || r.pos() > extEnd) return earlyData;
        r.skip(extEnd - r.pos());
    }
    return earlyData;
}

// True when the client sends early data, which only TLS 1.3 has (RFC 8446 §4.2.10).
bool dissectClientHello(TlsReader& r)
{
    r.read(2, tlsHf.handshakeVersion);
    r.skip(32);                // random
    r.skip(r.read(1));         // legacy_session_id
    const std::size_t suitesLen = r.read(2);
    if (!r.ok() || suitesLen > r.remaining()) return false;
    for (std::size_t i = 0; i + 2 <= suitesLen; i += 2) r.read(2, tlsHf.ciphersuite);
    if (suitesLen % 2) r.skip(1);
    r.skip(r.read(1));         // compression methods
    return dissectExtensions(r, 1);
}

void dissectServerHello(TlsReader& r, std::uint8_t msgType)
{
    const std::uint16_t version = static_cast<std::uint16_t>(r.read(2, tlsHf.handshakeVersion));
    r.skip(32);
    if (!isOldDraft(version)) r.skip(r.read(1));
    r.read(2, tlsHf.ciphersuite);
    if (!isOldDraft(version)) r.skip(1);
    if (r.ok()) dissectExtensions(r, msgType);
}

// Wireshark's is_encrypted_handshake_message, for a record it could not decrypt.
bool looksEncrypted(const DissectContext& ctx, ByteSpan d, const TlsSession* session, bool maybeEncrypted,
                    bool fromServer)
{
    if (d.size() < 16) return false;  // less than any cipher's overhead: plaintext
    if (maybeEncrypted) {
        // An explicit GCM/CCM nonce of zeros, or anything after this side's ChangeCipherSpec.
        maybeEncrypted = be(d, 0, 4) == 0 && d[4] == 0;
        if (!maybeEncrypted && session) {
            const std::uint64_t ccs = session->ccsFrame[fromServer ? 1 : 0];
            maybeEncrypted = ccs != 0 && ctx.frameNumber > ccs;
        }
    }
    if (!maybeEncrypted) maybeEncrypted = !knownType(d[0]) || be(d, 1, 3) >= 0x10000;
    return maybeEncrypted;
}

}  // namespace

void dissectTlsHandshake(DissectContext& ctx, std::uint16_t layer, ByteSpan d, std::uint32_t at, TlsSession* session,
                         bool maybeEncrypted, bool fromServer, bool quic)
{
    Dissection& out = ctx.out;
    const std::size_t side = fromServer ? 1 : 0;
    bool first = true;
    std::size_t pos = 0;
    if (session && session->hsRemaining[side] > 0) {
        // The rest of a message begun in earlier records: named once it is complete.
        const std::size_t take = std::min<std::size_t>(session->hsRemaining[side], d.size());
        session->hsRemaining[side] -= static_cast<std::uint32_t>(take);
        if (session->hsRemaining[side] > 0) return;
        const std::uint8_t type = session->hsType[side];
        out.addField(tlsHf.handshake, layer, at, static_cast<std::uint32_t>(take), knownType(type) ? type : tls_info::kEncrypted);
        if (knownType(type)) out.addField(tlsHf.handshakeType, layer, at, 0, type);
        pos = take;
        first = false;
    } else if (!quic && looksEncrypted(ctx, d, session, maybeEncrypted, fromServer)) {
        out.addField(tlsHf.handshake, layer, at, static_cast<std::uint32_t>(d.size()), tls_info::kEncrypted);
        return;
    }
    for (int guard = 0; pos < d.size() && guard < 256; ++guard) {
        const std::size_t left = d.size() - pos;
        const std::size_t msgLen = left >= 4 ? 4 + std::size_t{be(d, pos + 1, 3)} : 0;
        const std::uint8_t type = d[pos];
        if (msgLen == 0 || left < msgLen) {
            // The message continues in a later record: only the first one in a record is named.
            if (first)
                out.addField(tlsHf.handshake, layer, at + static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(left),
                             type | tls_info::kFragment);
            if (session && msgLen > 0) {  // the header is here: later records complete it
                session->hsRemaining[side] = static_cast<std::uint32_t>(msgLen - left);
                session->hsType[side] = type;
            }
            return;
        }
        if (!knownType(type) && !first) return;
        const ByteSpan body = d.subspan(pos + 4, msgLen - 4);
        bool retry = false;
        if (first && type == 2 && body.size() > 2 && session) {
            const std::uint16_t selected = tlsKnownVersion(scanServerHello(body, retry));
            if (selected) session->version = selected;
        }
        const std::uint32_t msgAt = at + static_cast<std::uint32_t>(pos);
        out.addField(tlsHf.handshake, layer, msgAt, static_cast<std::uint32_t>(msgLen),
                     knownType(type) ? (retry ? tls_info::kRetryRequest : type) : tls_info::kEncrypted);
        if (!knownType(type)) return;
        out.addField(tlsHf.handshakeType, layer, msgAt, 1, type);
        out.addField(tlsHf.handshakeLength, layer, msgAt + 1, 3, msgLen - 4);
        TlsReader r(out, layer, body, msgAt + 4);
        if (type == 1 && dissectClientHello(r) && session) session->version = 0x0304;
        if (type == 2 || type == 6) dissectServerHello(r, 2);
        pos += msgLen;
        first = false;
    }
}

}  // namespace rcvmon
