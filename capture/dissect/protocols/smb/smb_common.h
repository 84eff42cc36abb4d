// SPDX-License-Identifier: GPL-2.0-or-later
// Helpers the SMB family shares: little-endian reads, UTF-16LE strings (MS-SMB2 §2.2 sends
// names in UTF-16LE), and a small fixed table for the state SMB2 keeps between messages
// (file names by file id, requests by message id) that never allocates per message.
#pragma once

#include "core/bytes.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace rcvmon {

inline std::uint16_t le16(ByteSpan b, std::size_t at)
{
    return at + 2 <= b.size() ? static_cast<std::uint16_t>(b[at] | (b[at + 1] << 8)) : 0;
}
inline std::uint32_t le32(ByteSpan b, std::size_t at)
{
    return at + 4 <= b.size() ? std::uint32_t{le16(b, at)} | (std::uint32_t{le16(b, at + 2)} << 16) : 0;
}
inline std::uint64_t le64(ByteSpan b, std::size_t at)
{
    return at + 8 <= b.size() ? std::uint64_t{le32(b, at)} | (std::uint64_t{le32(b, at + 4)} << 32) : 0;
}

// UTF-16LE code units as UTF-8, stopping at a NUL as Wireshark's strings do.
inline void appendUtf16le(ByteSpan b, std::string& out)
{
    for (std::size_t i = 0; i + 1 < b.size(); i += 2) {
        unsigned u = b[i] | (b[i + 1] << 8);
        if (u == 0) return;
        if (u >= 0xd800 && u < 0xdc00 && i + 3 < b.size()) {
            const unsigned lo = b[i + 2] | (b[i + 3] << 8);
            if (lo >= 0xdc00 && lo < 0xe000) {
                u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                i += 2;
            }
        }
        if (u < 0x80) {
            out += static_cast<char>(u);
        } else if (u < 0x800) {
            out += static_cast<char>(0xc0 | (u >> 6));
            out += static_cast<char>(0x80 | (u & 0x3f));
        } else if (u < 0x10000) {
            out += static_cast<char>(0xe0 | (u >> 12));
            out += static_cast<char>(0x80 | ((u >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (u & 0x3f));
        } else {
            out += static_cast<char>(0xf0 | (u >> 18));
            out += static_cast<char>(0x80 | ((u >> 12) & 0x3f));
            out += static_cast<char>(0x80 | ((u >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (u & 0x3f));
        }
    }
}

// A short string kept by value (names are cut at kMax bytes).
struct ShortText {
    static constexpr std::size_t kMax = 255;
    std::uint8_t length = 0;
    std::array<char, kMax> text{};
    void assign(std::string_view s)
    {
        length = static_cast<std::uint8_t>(s.size() < kMax ? s.size() : kMax);
        std::copy_n(s.data(), length, text.data());
    }
    std::string_view view() const { return {text.data(), length}; }
};

// A direct-mapped table of N slots keyed by two numbers: a newer entry whose key lands on an
// occupied slot replaces it, so memory is fixed and an old entry may be forgotten.
template <typename Value, std::size_t N>
class SlotTable {
public:
    Value* find(std::uint64_t a, std::uint64_t b)
    {
        Slot& s = slot(a, b);
        return s.used && s.a == a && s.b == b ? &s.value : nullptr;
    }
    void clear() { m_slots.reset(); }
    Value& insert(std::uint64_t a, std::uint64_t b)
    {
        Slot& s = slot(a, b);
        s.used = true;
        s.a = a;
        s.b = b;
        s.value = Value{};
        return s.value;
    }

private:
    struct Slot {
        std::uint64_t a = 0, b = 0;
        bool used = false;
        Value value{};
    };
    Slot& slot(std::uint64_t a, std::uint64_t b)
    {
        if (!m_slots) m_slots = std::make_unique<std::array<Slot, N>>();
        const std::uint64_t h = (a * 0x9e3779b97f4a7c15ull) ^ (b + 0x632be59bd9b4e019ull + (a << 6) + (a >> 2));
        return (*m_slots)[(h ^ (h >> 29)) % N];
    }
    std::unique_ptr<std::array<Slot, N>> m_slots;
};

}  // namespace rcvmon
