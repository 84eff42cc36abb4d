// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <cstdint>

namespace rcvmon {

// Why a parse stopped: the bytes ran out (snaplen cut) or a header value is impossible.
// The two are reported differently, as tcpdump and Wireshark do.
enum class ParseStatus : std::uint8_t { Ok, Truncated, Malformed };

// A bounds-checked cursor over bytes. Every packet byte is read through it: a read past
// the end returns zero, consumes nothing and latches Truncated, so parsers check once
// per header instead of before every field.
class ByteReader {
public:
    ByteReader() = default;
    explicit ByteReader(ByteSpan data) : m_data(data) {}

    std::size_t offset() const { return m_pos; }
    std::size_t size() const { return m_data.size(); }
    std::size_t remaining() const { return m_data.size() - m_pos; }
    bool has(std::size_t n) const { return n <= remaining(); }
    ParseStatus status() const { return m_status; }
    bool ok() const { return m_status == ParseStatus::Ok; }
    void markMalformed() { if (m_status == ParseStatus::Ok) m_status = ParseStatus::Malformed; }

    std::uint8_t u8() { return has(1) ? m_data[m_pos++] : fail<std::uint8_t>(); }
    std::uint16_t be16() { return read<std::uint16_t, 2, true>(); }
    std::uint32_t be32() { return read<std::uint32_t, 4, true>(); }
    std::uint64_t be64() { return read<std::uint64_t, 8, true>(); }
    std::uint16_t le16() { return read<std::uint16_t, 2, false>(); }
    std::uint32_t le32() { return read<std::uint32_t, 4, false>(); }
    std::uint64_t le64() { return read<std::uint64_t, 8, false>(); }

    // The next n bytes as a span; empty (and Truncated) when fewer remain.
    ByteSpan bytes(std::size_t n)
    {
        if (!has(n)) return fail<ByteSpan>();
        ByteSpan out = m_data.subspan(m_pos, n);
        m_pos += n;
        return out;
    }
    bool skip(std::size_t n)
    {
        if (!has(n)) { fail<int>(); return false; }
        m_pos += n;
        return true;
    }
    // Bytes not yet consumed, without consuming them.
    ByteSpan rest() const { return m_data.subspan(m_pos); }
    // Peek at a byte relative to the cursor without moving it; 0 when out of range.
    std::uint8_t peek(std::size_t at = 0) const { return at < remaining() ? m_data[m_pos + at] : 0; }

private:
    template <typename T>
    T fail()
    {
        if (m_status == ParseStatus::Ok) m_status = ParseStatus::Truncated;
        return T{};
    }
    template <typename T, std::size_t N, bool BigEndian>
    T read()
    {
        if (!has(N)) return fail<T>();
        T v = 0;
        for (std::size_t i = 0; i < N; ++i) {
            const T byte = m_data[m_pos + (BigEndian ? i : N - 1 - i)];
            v = static_cast<T>((v << 8) | byte);
        }
        m_pos += N;
        return v;
    }

    ByteSpan m_data;
    std::size_t m_pos = 0;
    ParseStatus m_status = ParseStatus::Ok;
};

}  // namespace rcvmon
