// SPDX-License-Identifier: GPL-2.0-or-later
// Hand-built packets for the dissector tests and the fuzzer's seeds: each function returns
// one header with its payload appended, lengths and checksums filled where tests need them.
#pragma once

#include "core/frame.h"
#include "core/link_type.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace rcvmon::test {

using Bytes = std::vector<std::uint8_t>;
using Ip4 = std::array<std::uint8_t, 4>;
using Ip6 = std::array<std::uint8_t, 16>;
using Mac = std::array<std::uint8_t, 6>;

inline void put8(Bytes& b, unsigned v) { b.push_back(static_cast<std::uint8_t>(v)); }
inline void put16(Bytes& b, unsigned v) { put8(b, v >> 8); put8(b, v); }
inline void put32(Bytes& b, std::uint32_t v) { put16(b, v >> 16); put16(b, v & 0xffff); }
template <typename C>
inline void append(Bytes& b, const C& c) { b.insert(b.end(), c.begin(), c.end()); }
// Lower-case hex as tshark's `-x` prints it, without separators: "4500003c…".
inline Bytes fromHex(std::string_view hex)
{
    Bytes out;
    const auto nibble = [](char c) { return static_cast<unsigned>(c <= '9' ? c - '0' : c - 'a' + 10); };
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) put8(out, nibble(hex[i]) << 4 | nibble(hex[i + 1]));
    return out;
}
inline Bytes cat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const Bytes& p : parts) append(out, p);
    return out;
}

inline constexpr Mac kMacA{0x00, 0x11, 0x22, 0x33, 0x44, 0x55};
inline constexpr Mac kMacB{0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb};
inline constexpr Ip4 kIpA{198, 18, 0, 1};
inline constexpr Ip4 kIpB{198, 18, 0, 2};
inline constexpr Ip6 kIp6A{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
inline constexpr Ip6 kIp6B{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};

inline Bytes ethernet(std::uint16_t type, const Bytes& payload, Mac dst = kMacB, Mac src = kMacA)
{
    Bytes b;
    append(b, dst);
    append(b, src);
    put16(b, type);
    append(b, payload);
    return b;
}

inline Bytes vlan(std::uint16_t tci, std::uint16_t type, const Bytes& payload)
{
    Bytes b;
    put16(b, tci);
    put16(b, type);
    append(b, payload);
    return b;
}

inline Bytes mpls(std::uint32_t label, bool bottom, std::uint8_t ttl, const Bytes& payload)
{
    Bytes b;
    put32(b, (label << 12) | (bottom ? 0x100u : 0u) | ttl);
    append(b, payload);
    return b;
}

struct Ipv4Options {
    std::uint16_t id = 0x1234;
    std::uint16_t flagsFrag = 0x4000;  // DF
    std::uint8_t ttl = 64;
    Bytes options;                     // multiple of 4
    int totalLengthOverride = -1;
};

inline Ipv4Options ipOpts(std::uint16_t id = 0x1234, std::uint16_t flagsFrag = 0x4000, std::uint8_t ttl = 64,
                          Bytes options = {}, int totalLength = -1)
{
    Ipv4Options o;
    o.id = id;
    o.flagsFrag = flagsFrag;
    o.ttl = ttl;
    o.options = std::move(options);
    o.totalLengthOverride = totalLength;
    return o;
}

inline Bytes ipv4(std::uint8_t proto, const Bytes& payload, Ip4 src = kIpA, Ip4 dst = kIpB, const Ipv4Options& o = {})
{
    Bytes b;
    const std::size_t hlen = 20 + o.options.size();
    put8(b, 0x40 | static_cast<unsigned>(hlen / 4));
    put8(b, 0);
    put16(b, o.totalLengthOverride >= 0 ? static_cast<unsigned>(o.totalLengthOverride)
                                         : static_cast<unsigned>(hlen + payload.size()));
    put16(b, o.id);
    put16(b, o.flagsFrag);
    put8(b, o.ttl);
    put8(b, proto);
    put16(b, 0);
    append(b, src);
    append(b, dst);
    append(b, o.options);
    append(b, payload);
    return b;
}

inline Bytes ipv6(std::uint8_t next, const Bytes& payload, Ip6 src = kIp6A, Ip6 dst = kIp6B, std::uint8_t hlim = 64)
{
    Bytes b;
    put32(b, 0x60000000u);
    put16(b, static_cast<unsigned>(payload.size()));
    put8(b, next);
    put8(b, hlim);
    append(b, src);
    append(b, dst);
    append(b, payload);
    return b;
}

// An IPv6 extension header (hop-by-hop, destination options) padded to 8 bytes.
inline Bytes ipv6Options(std::uint8_t next, const Bytes& payload)
{
    Bytes b{next, 0, 1, 4, 0, 0, 0, 0};  // PadN of 4 data bytes
    append(b, payload);
    return b;
}

inline Bytes ipv6Fragment(std::uint8_t next, std::uint16_t offset, bool more, std::uint32_t id, const Bytes& payload)
{
    Bytes b{next, 0};
    put16(b, static_cast<unsigned>(offset) | (more ? 1u : 0u));
    put32(b, id);
    append(b, payload);
    return b;
}

inline Bytes tcp(std::uint16_t sport, std::uint16_t dport, std::uint32_t seq, std::uint32_t ack, std::uint16_t flags,
                 const Bytes& payload = {}, const Bytes& options = {}, std::uint16_t window = 5840)
{
    Bytes b;
    put16(b, sport);
    put16(b, dport);
    put32(b, seq);
    put32(b, ack);
    put16(b, static_cast<unsigned>(((20 + options.size()) / 4) << 12) | flags);
    put16(b, window);
    put16(b, 0);
    put16(b, 0);
    append(b, options);
    append(b, payload);
    return b;
}

inline Bytes udp(std::uint16_t sport, std::uint16_t dport, const Bytes& payload)
{
    Bytes b;
    put16(b, sport);
    put16(b, dport);
    put16(b, static_cast<unsigned>(8 + payload.size()));
    put16(b, 0);
    append(b, payload);
    return b;
}

inline Bytes icmpEcho(std::uint8_t type, std::uint16_t id, std::uint16_t seq, const Bytes& data = {})
{
    Bytes b{type, 0, 0, 0};
    put16(b, id);
    put16(b, seq);
    append(b, data);
    return b;
}

// An ICMP error (type/code) quoting `quoted`.
inline Bytes icmpError(std::uint8_t type, std::uint8_t code, const Bytes& quoted)
{
    Bytes b{type, code, 0, 0, 0, 0, 0, 0};
    append(b, quoted);
    return b;
}

inline Bytes dnsName(std::string_view dotted)
{
    Bytes b;
    std::size_t start = 0;
    while (start <= dotted.size()) {
        std::size_t dot = dotted.find('.', start);
        if (dot == std::string_view::npos) dot = dotted.size();
        if (dot > start) {
            put8(b, static_cast<unsigned>(dot - start));
            append(b, dotted.substr(start, dot - start));
        }
        start = dot + 1;
    }
    put8(b, 0);
    return b;
}

inline Bytes dnsQuery(std::uint16_t id, std::string_view name, std::uint16_t type = 1, bool response = false)
{
    Bytes b;
    put16(b, id);
    put16(b, response ? 0x8180 : 0x0100);
    put16(b, 1);
    put16(b, 0);
    put16(b, 0);
    put16(b, 0);
    append(b, dnsName(name));
    put16(b, type);
    put16(b, 1);
    return b;
}

inline Bytes arp(std::uint16_t opcode, Mac sha, Ip4 spa, Mac tha, Ip4 tpa)
{
    Bytes b;
    put16(b, 1);
    put16(b, 0x0800);
    put8(b, 6);
    put8(b, 4);
    put16(b, opcode);
    append(b, sha);
    append(b, spa);
    append(b, tha);
    append(b, tpa);
    return b;
}

inline Bytes gre(std::uint16_t proto, const Bytes& payload)
{
    Bytes b{0, 0};
    put16(b, proto);
    append(b, payload);
    return b;
}

inline Bytes sll(std::uint16_t protocol, const Bytes& payload)
{
    Bytes b;
    put16(b, 0);  // to us
    put16(b, 1);  // ARPHRD_ETHER
    put16(b, 6);
    append(b, kMacA);
    put16(b, 0);
    put16(b, protocol);
    append(b, payload);
    return b;
}

inline Bytes sll2(std::uint16_t protocol, const Bytes& payload)
{
    Bytes b;
    put16(b, protocol);
    put16(b, 0);
    put32(b, 2);  // ifindex
    put16(b, 1);  // ARPHRD_ETHER
    put8(b, 4);   // outgoing
    put8(b, 6);
    append(b, kMacA);
    put16(b, 0);
    append(b, payload);
    return b;
}

// A NetBIOS name in RFC 1001's first-level encoding: 15 bytes padded with spaces, the suffix
// byte, each byte as two letters 'A' + nibble.
inline Bytes netbiosName(std::string_view name, std::uint8_t suffix)
{
    Bytes b{32};
    for (std::size_t i = 0; i < 16; ++i) {
        const std::uint8_t c = i == 15 ? suffix : i < name.size() ? static_cast<std::uint8_t>(name[i]) : ' ';
        put8(b, 'A' + (c >> 4));
        put8(b, 'A' + (c & 15));
    }
    put8(b, 0);
    return b;
}

// A NetBIOS direct-group datagram carrying an SMB Transaction that writes `data` to the
// mailslot `slot` (the shape of a browser announcement).
inline Bytes nbdgmMailslot(std::string_view slot, const Bytes& data)
{
    Bytes smb{0xff, 'S', 'M', 'B', 0x25};
    smb.resize(32, 0);
    const std::size_t setupWords = 3, wordsEnd = 33 + 28 + 2 * setupWords;
    const std::size_t dataOffset = wordsEnd + 2 + slot.size() + 1;
    const auto le16 = [](Bytes& b, std::size_t v) { put8(b, v & 0xff); put8(b, v >> 8); };
    put8(smb, 14 + setupWords);
    le16(smb, 0);            // total parameter count
    le16(smb, data.size());  // total data count
    le16(smb, 0);
    le16(smb, 0);
    put8(smb, 0);
    put8(smb, 0);
    le16(smb, 0);                            // flags
    for (int i = 0; i < 4; ++i) put8(smb, 0);  // timeout
    le16(smb, 0);
    le16(smb, 0);  // parameter count
    le16(smb, dataOffset);
    le16(smb, data.size());
    le16(smb, dataOffset);
    put8(smb, setupWords);
    put8(smb, 0);
    le16(smb, 1);  // opcode: write mailslot
    le16(smb, 1);  // priority
    le16(smb, 2);  // class: unreliable
    le16(smb, slot.size() + 1 + data.size());
    smb.insert(smb.end(), slot.begin(), slot.end());
    put8(smb, 0);
    append(smb, data);

    Bytes names = cat({netbiosName("HOSTA", 0x00), netbiosName("WORKGROUP", 0x1e)});
    Bytes b{0x11, 0x02, 0x89, 0x1d, 198, 18, 0, 1};
    put16(b, 138);
    put16(b, static_cast<unsigned>(names.size() + smb.size()));
    put16(b, 0);
    append(b, names);
    append(b, smb);
    return b;
}

// gzip of an XHTML page that starts "<?xml" (Python's gzip.compress, mtime 0).
inline const Bytes kGzipXhtml{
    0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x25, 0xca, 0x41, 0x0a, 0x84, 0x30,
    0x0c, 0x40, 0xd1, 0xbd, 0xa7, 0x90, 0xec, 0x6d, 0x14, 0x37, 0x56, 0xd2, 0xb8, 0x9b, 0x13, 0x8c,
    0x07, 0x10, 0x2d, 0xb6, 0xa0, 0xad, 0x68, 0x98, 0xf6, 0xf8, 0xa3, 0xb8, 0xfb, 0x7c, 0x1e, 0x0d,
    0x79, 0xdf, 0xca, 0x9f, 0x3d, 0x2f, 0x1f, 0x83, 0x81, 0x46, 0xd5, 0x50, 0xda, 0x30, 0xc7, 0xc5,
    0x87, 0xd5, 0xc0, 0xf8, 0xfd, 0x54, 0x1d, 0x0c, 0x5c, 0x90, 0x93, 0x9b, 0xdd, 0x34, 0x5c, 0x06,
    0x9c, 0xc8, 0xd1, 0x23, 0xa6, 0x94, 0x54, 0x6a, 0x55, 0x3c, 0x57, 0x6c, 0xb4, 0xd6, 0x98, 0x1f,
    0x03, 0x4c, 0xce, 0x4e, 0x0b, 0x93, 0x78, 0xd9, 0x2c, 0x67, 0xc2, 0x37, 0x08, 0xdf, 0x8d, 0x0f,
    0xe2, 0xe2, 0x0f, 0xff, 0x4c, 0x14, 0x39, 0x77, 0x00, 0x00, 0x00,
};

inline FrameRef frameOf(const Bytes& bytes, std::uint32_t linkType = link_type::Ethernet, std::size_t captured = SIZE_MAX,
                        std::size_t original = SIZE_MAX)
{
    FrameRef f;
    const std::size_t cap = captured < bytes.size() ? captured : bytes.size();
    f.data = ByteSpan(bytes.data(), cap);
    f.capturedLength = static_cast<std::uint32_t>(cap);
    f.originalLength = static_cast<std::uint32_t>(original != SIZE_MAX ? original : bytes.size());
    f.linkType = linkType;
    f.ts = Timestamp{1700000000, 123456789};
    return f;
}

}  // namespace rcvmon::test
