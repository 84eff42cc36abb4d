// SPDX-License-Identifier: GPL-2.0-or-later
// Hand-built TLS records and handshake messages for the TLS and QUIC tests.
#pragma once

#include "packet_builder.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon::test {

inline Bytes tlsRecord(std::uint8_t type, std::uint16_t version, const Bytes& body)
{
    Bytes b{type};
    put16(b, version);
    put16(b, static_cast<unsigned>(body.size()));
    append(b, body);
    return b;
}

inline Bytes tlsHandshake(std::uint8_t type, const Bytes& body)
{
    Bytes b{type};
    put8(b, static_cast<unsigned>(body.size() >> 16));
    put16(b, static_cast<unsigned>(body.size() & 0xffff));
    append(b, body);
    return b;
}

inline Bytes tlsExtension(std::uint16_t type, const Bytes& body)
{
    Bytes b;
    put16(b, type);
    put16(b, static_cast<unsigned>(body.size()));
    append(b, body);
    return b;
}

// A ClientHello offering TLS 1.3 and 1.2, two suites, SNI and ALPN "h2", "http/1.1".
inline Bytes clientHello(std::string_view host)
{
    Bytes sni;
    put16(sni, static_cast<unsigned>(host.size() + 3));
    put8(sni, 0);
    put16(sni, static_cast<unsigned>(host.size()));
    sni.insert(sni.end(), host.begin(), host.end());
    Bytes alpn;
    const Bytes protocols{2, 'h', '2', 8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    put16(alpn, static_cast<unsigned>(protocols.size()));
    append(alpn, protocols);
    const Bytes versions{4, 0x03, 0x04, 0x03, 0x03};
    const Bytes extensions = cat({tlsExtension(0, sni), tlsExtension(16, alpn), tlsExtension(43, versions)});
    Bytes body;
    put16(body, 0x0303);
    body.insert(body.end(), 32, 0x11);  // random
    put8(body, 0);                      // session id
    put16(body, 4);
    put16(body, 0x1301);
    put16(body, 0xc02f);
    put8(body, 1);
    put8(body, 0);  // null compression
    put16(body, static_cast<unsigned>(extensions.size()));
    append(body, extensions);
    return tlsHandshake(1, body);
}

// A ServerHello choosing TLS_AES_128_GCM_SHA256, with supported_versions when tls13.
inline Bytes serverHello(bool tls13)
{
    Bytes body;
    put16(body, 0x0303);
    body.insert(body.end(), 32, 0x22);
    put8(body, 0);
    put16(body, 0x1301);
    put8(body, 0);
    const Bytes extensions = tls13 ? tlsExtension(43, Bytes{0x03, 0x04}) : Bytes{};
    put16(body, static_cast<unsigned>(extensions.size()));
    append(body, extensions);
    return tlsHandshake(2, body);
}

// With RCVMON_TEST_PCAP_DIR set, a test's frames go to DIR/NAME.pcap, to compare with tshark.
// A pcap (Ethernet, one frame per second from 1700000000) of `frames`, for tshark to read.
inline void writePcap(const std::string& path, const std::vector<Bytes>& frames)
{
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return;
    const auto le32 = [&](std::uint32_t v) {
        const std::uint8_t b[4] = {static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v >> 8),
                                   static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 24)};
        std::fwrite(b, 1, 4, f);
    };
    le32(0xa1b2c3d4);
    le32(0x00040002);  // version 2.4
    le32(0);
    le32(0);
    le32(65535);
    le32(1);  // Ethernet
    std::uint32_t second = 1700000000;
    for (const Bytes& frame : frames) {
        le32(second++);
        le32(0);
        le32(static_cast<std::uint32_t>(frame.size()));
        le32(static_cast<std::uint32_t>(frame.size()));
        std::fwrite(frame.data(), 1, frame.size(), f);
    }
    std::fclose(f);
}

inline void dumpFramesForTshark(const std::vector<Bytes>& frames, const std::string& name)
{
    const char* dir = std::getenv("RCVMON_TEST_PCAP_DIR");
    if (!dir || frames.empty()) return;
    writePcap(std::string(dir) + "/" + name + ".pcap", frames);
}

}  // namespace rcvmon::test
