// SPDX-License-Identifier: GPL-2.0-or-later
// XDR (RFC 4506 §4.10-4.11) variable-length data over the checked cursor, and the CRC-32
// Wireshark hashes NFS file handles with.
#include "dissect/protocols/rpc/rpc.h"

#include <array>

namespace rcvmon::rpc {
namespace {

constexpr std::array<std::uint32_t, 256> makeCrcTable()
{
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        t[i] = c;
    }
    return t;
}
constexpr auto kCrcTable = makeCrcTable();

// The bytes of an opaque with its padding consumed; records nothing.
ByteSpan readOpaque(LayerCursor& c, std::size_t max, std::size_t& at)
{
    const std::uint32_t length = c.u32();
    if (!c.ok()) return {};
    if (length > max) {
        c.malformed();
        return {};
    }
    at = c.pos();
    const ByteSpan b = c.bytes(length);
    c.skip((4 - (length & 3)) & 3);
    return b;
}

}  // namespace

ByteSpan xdrOpaque(LayerCursor& c, FieldId id, std::size_t max)
{
    std::size_t at = 0;
    const ByteSpan b = readOpaque(c, max, at);
    if (c.ok() && id != LayerCursor::kNone)
        c.ctx().out.addBytesField(id, c.layer(), c.absolute(at), b);
    return c.ok() ? b : ByteSpan{};
}

std::string_view xdrString(LayerCursor& c, FieldId id, std::size_t max)
{
    std::size_t at = 0;
    const ByteSpan b = readOpaque(c, max, at);
    if (!c.ok()) return {};
    const std::string_view text(reinterpret_cast<const char*>(b.data()), b.size());
    if (id != LayerCursor::kNone)
        c.ctx().out.addTextField(id, c.layer(), c.absolute(at), static_cast<std::uint32_t>(b.size()), text);
    return text;
}

std::uint64_t xdrHyper(LayerCursor& c, FieldId id)
{
    const std::size_t at = c.pos();
    const std::uint64_t high = c.u32();
    const std::uint64_t value = (high << 32) | c.u32();
    if (c.ok() && id != LayerCursor::kNone) c.add(id, at, 8, value);
    return value;
}

std::uint32_t crc32(ByteSpan bytes)
{
    std::uint32_t c = 0xffffffffu;
    for (const std::uint8_t b : bytes) c = kCrcTable[(c ^ b) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

}  // namespace rcvmon::rpc
