// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Builds pcap and pcapng files byte by byte, in either byte order, for reader tests.

#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon::test {

using Bytes = std::vector<std::uint8_t>;

inline void put16(Bytes& out, std::uint16_t v, bool be)
{
    if (be) {
        out.push_back(static_cast<std::uint8_t>(v >> 8));
        out.push_back(static_cast<std::uint8_t>(v));
    } else {
        out.push_back(static_cast<std::uint8_t>(v));
        out.push_back(static_cast<std::uint8_t>(v >> 8));
    }
}

inline void put32(Bytes& out, std::uint32_t v, bool be)
{
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (be ? 24 - 8 * i : 8 * i)));
}

inline void put64(Bytes& out, std::uint64_t v, bool be)
{
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (be ? 56 - 8 * i : 8 * i)));
}

// A payload whose bytes say where they came from, so mixed-up packets show.
inline Bytes payload(std::size_t n, std::uint8_t seed)
{
    Bytes b(n);
    for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>(seed * 31 + i);
    return b;
}

class PcapBuilder {
public:
    PcapBuilder(bool bigEndian, bool nanoseconds, std::uint32_t linkType, std::uint32_t snapLength = 65535)
        : m_be(bigEndian)
    {
        put32(m_bytes, nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4, m_be);
        put16(m_bytes, 2, m_be);
        put16(m_bytes, 4, m_be);
        put32(m_bytes, 0, m_be);
        put32(m_bytes, 0, m_be);
        put32(m_bytes, snapLength, m_be);
        put32(m_bytes, linkType, m_be);
    }
    PcapBuilder& packet(std::uint32_t sec, std::uint32_t frac, const Bytes& data, std::uint32_t originalLength = 0)
    {
        put32(m_bytes, sec, m_be);
        put32(m_bytes, frac, m_be);
        put32(m_bytes, static_cast<std::uint32_t>(data.size()), m_be);
        put32(m_bytes, originalLength ? originalLength : static_cast<std::uint32_t>(data.size()), m_be);
        m_bytes.insert(m_bytes.end(), data.begin(), data.end());
        return *this;
    }
    // A record header with an arbitrary captured length and no data behind it.
    PcapBuilder& rawHeader(std::uint32_t sec, std::uint32_t frac, std::uint32_t captured, std::uint32_t original)
    {
        put32(m_bytes, sec, m_be);
        put32(m_bytes, frac, m_be);
        put32(m_bytes, captured, m_be);
        put32(m_bytes, original, m_be);
        return *this;
    }
    const Bytes& bytes() const { return m_bytes; }

private:
    bool m_be;
    Bytes m_bytes;
};

struct Option {
    std::uint16_t code;
    Bytes value;
};

inline Option stringOption(std::uint16_t code, const std::string& s) { return {code, Bytes(s.begin(), s.end())}; }
inline Option byteOption(std::uint16_t code, std::uint8_t v) { return {code, Bytes{v}}; }

class PcapngBuilder {
public:
    // Starts a new section in the given byte order (a file may hold several).
    PcapngBuilder& section(bool bigEndian, std::vector<Option> options = {})
    {
        m_be = bigEndian;
        Bytes body;
        put32(body, 0x1a2b3c4d, m_be);
        put16(body, 1, m_be);
        put16(body, 0, m_be);
        put64(body, ~std::uint64_t{0}, m_be);
        appendOptions(body, options);
        return block(0x0a0d0d0a, body);
    }
    PcapngBuilder& interface(std::uint16_t linkType, std::uint32_t snapLength, std::vector<Option> options = {})
    {
        Bytes body;
        put16(body, linkType, m_be);
        put16(body, 0, m_be);
        put32(body, snapLength, m_be);
        appendOptions(body, options);
        return block(1, body);
    }
    Option tsoffset(std::int64_t seconds) const
    {
        Bytes v;
        put64(v, static_cast<std::uint64_t>(seconds), m_be);
        return {14, v};
    }
    PcapngBuilder& epb(std::uint32_t interfaceId, std::uint64_t units, const Bytes& data,
                       std::uint32_t originalLength = 0, std::uint32_t flags = 0)
    {
        Bytes body;
        put32(body, interfaceId, m_be);
        put32(body, static_cast<std::uint32_t>(units >> 32), m_be);
        put32(body, static_cast<std::uint32_t>(units), m_be);
        put32(body, static_cast<std::uint32_t>(data.size()), m_be);
        put32(body, originalLength ? originalLength : static_cast<std::uint32_t>(data.size()), m_be);
        body.insert(body.end(), data.begin(), data.end());
        while (body.size() % 4) body.push_back(0);
        if (flags) {
            Bytes v;
            put32(v, flags, m_be);
            appendOptions(body, {{2, v}});
        }
        return block(6, body);
    }
    PcapngBuilder& spb(std::uint32_t originalLength, const Bytes& data)
    {
        Bytes body;
        put32(body, originalLength, m_be);
        body.insert(body.end(), data.begin(), data.end());
        while (body.size() % 4) body.push_back(0);
        return block(3, body);
    }
    // The obsolete Packet Block (type 2).
    PcapngBuilder& pb(std::uint16_t interfaceId, std::uint64_t units, const Bytes& data)
    {
        Bytes body;
        put16(body, interfaceId, m_be);
        put16(body, 0, m_be);
        put32(body, static_cast<std::uint32_t>(units >> 32), m_be);
        put32(body, static_cast<std::uint32_t>(units), m_be);
        put32(body, static_cast<std::uint32_t>(data.size()), m_be);
        put32(body, static_cast<std::uint32_t>(data.size()), m_be);
        body.insert(body.end(), data.begin(), data.end());
        while (body.size() % 4) body.push_back(0);
        return block(2, body);
    }
    PcapngBuilder& block(std::uint32_t type, const Bytes& body)
    {
        const auto length = static_cast<std::uint32_t>(12 + body.size());
        put32(m_bytes, type, m_be);
        put32(m_bytes, length, m_be);
        m_bytes.insert(m_bytes.end(), body.begin(), body.end());
        put32(m_bytes, length, m_be);
        return *this;
    }
    const Bytes& bytes() const { return m_bytes; }

private:
    void appendOptions(Bytes& body, const std::vector<Option>& options) const
    {
        if (options.empty()) return;
        for (const Option& o : options) {
            put16(body, o.code, m_be);
            put16(body, static_cast<std::uint16_t>(o.value.size()), m_be);
            body.insert(body.end(), o.value.begin(), o.value.end());
            while (body.size() % 4) body.push_back(0);
        }
        put32(body, 0, m_be);
    }

    bool m_be = false;
    Bytes m_bytes;
};

}  // namespace rcvmon::test
