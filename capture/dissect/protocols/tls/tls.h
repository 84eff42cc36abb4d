// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to the TLS family (tls.cpp, handshake.cpp) and to QUIC, whose CRYPTO frames carry
// TLS 1.3 handshake messages without the record layer (RFC 9001 §4).
#pragma once

#include "dissect/protocols/context.h"

#include <cstdint>
#include <string_view>

namespace rcvmon {

struct TlsSession;

struct TlsFields {
    FieldId record, recordContentType, recordVersion, recordLength, changeCipherSpec, alertMessage, alertLevel,
        alertDescription, heartbeatMessage, handshake, handshakeType, handshakeLength, handshakeVersion,
        ciphersuite, extensionType, extensionLength, serverName, alpnString, supportedVersion;
};
extern TlsFields tlsHf;

// Codes kept in the number of the FT_NONE items (tls.record, tls.handshake, tls.alert_message)
// that say what the Info writer shows for them: Wireshark has no field for these texts.
namespace tls_info {
inline constexpr std::uint32_t kContinuation = 0x101;  // tls.record: "Continuation Data"
inline constexpr std::uint32_t kIgnored = 0x102;       // tls.record: "Ignored Unknown Record"
inline constexpr std::uint32_t kEncrypted = 0x100;     // tls.handshake: "Encrypted Handshake Message"
inline constexpr std::uint32_t kRetryRequest = 0x200;  // tls.handshake: "Hello Retry Request"
inline constexpr std::uint32_t kFragment = 0x400;      // tls.handshake: "[Name Fragment]"
inline constexpr std::uint32_t kAlertKnown = 0x10000;  // tls.alert_message: level << 8 | description
}  // namespace tls_info

// Bounds-checked reads over a handshake message that record fields of one layer as they go.
class TlsReader {
public:
    TlsReader(Dissection& out, std::uint16_t layer, ByteSpan data, std::uint32_t at)
        : m_out(out), m_layer(layer), m_data(data), m_at(at) {}

    bool ok() const { return m_ok; }
    std::size_t pos() const { return m_pos; }
    std::size_t remaining() const { return m_ok ? m_data.size() - m_pos : 0; }
    std::uint32_t absolute(std::size_t rel) const { return m_at + static_cast<std::uint32_t>(rel); }
    std::uint32_t read(std::size_t n, FieldId id = LayerCursor::kNone)
    {
        if (!m_ok || n > m_data.size() - m_pos) {
            m_ok = false;
            return 0;
        }
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < n; ++i) v = (v << 8) | m_data[m_pos + i];
        if (id != LayerCursor::kNone) m_out.addField(id, m_layer, absolute(m_pos), static_cast<std::uint32_t>(n), v);
        m_pos += n;
        return v;
    }
    bool skip(std::size_t n)
    {
        if (!m_ok || n > m_data.size() - m_pos) return m_ok = false;
        m_pos += n;
        return true;
    }
    // n bytes as a text field (SNI, ALPN): non-printable bytes shown as Wireshark's escapes are rare.
    void text(std::size_t n, FieldId id)
    {
        if (!m_ok || n > m_data.size() - m_pos) {
            m_ok = false;
            return;
        }
        const auto* p = reinterpret_cast<const char*>(m_data.data() + m_pos);
        m_out.addTextField(id, m_layer, absolute(m_pos), static_cast<std::uint32_t>(n), std::string_view(p, n));
        m_pos += n;
    }

private:
    Dissection& m_out;
    std::uint16_t m_layer;
    ByteSpan m_data;
    std::uint32_t m_at;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

// TLS 1.3 and its drafts map to 0x0304; SSL 3.0 to TLS 1.2 stay; anything else is 0 (unknown),
// as Wireshark's tls_try_get_version.
std::uint16_t tlsKnownVersion(std::uint16_t version);
// Wireshark's ssl_version_short_names ("TLSv1.2"), "SSL" when unknown.
std::string_view tlsVersionName(std::uint16_t version);

// The handshake messages of one record (or of QUIC CRYPTO data, `quic` true): fields of
// `layer`, Info items as tls.handshake codes. `session` may be null (QUIC).
void dissectTlsHandshake(DissectContext& ctx, std::uint16_t layer, ByteSpan data, std::uint32_t at,
                         TlsSession* session, bool maybeEncrypted, bool fromServer, bool quic);

}  // namespace rcvmon
