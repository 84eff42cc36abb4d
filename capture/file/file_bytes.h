// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace rcvmon::file_bytes {

// Capture files store integers in the writer's byte order; these read and write them
// from raw bytes whose bounds the caller has already checked.
inline std::uint16_t load16(const std::uint8_t* p, bool bigEndian)
{
    return bigEndian ? static_cast<std::uint16_t>(p[0] << 8 | p[1])
                     : static_cast<std::uint16_t>(p[1] << 8 | p[0]);
}

inline std::uint32_t load32(const std::uint8_t* p, bool bigEndian)
{
    if (bigEndian)
        return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
    return std::uint32_t{p[3]} << 24 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[1]} << 8 | p[0];
}

inline std::uint64_t load64(const std::uint8_t* p, bool bigEndian)
{
    const std::uint64_t first = load32(p, bigEndian);
    const std::uint64_t second = load32(p + 4, bigEndian);
    return bigEndian ? (first << 32 | second) : (second << 32 | first);
}

// Writers produce little-endian files, whatever the host.
inline void append16(std::vector<std::uint8_t>& out, std::uint16_t v)
{
    out.push_back(static_cast<std::uint8_t>(v));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
}

inline void append32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

inline void append64(std::vector<std::uint8_t>& out, std::uint64_t v)
{
    for (int shift = 0; shift < 64; shift += 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

inline void store32(std::uint8_t* p, std::uint32_t v)
{
    p[0] = static_cast<std::uint8_t>(v);
    p[1] = static_cast<std::uint8_t>(v >> 8);
    p[2] = static_cast<std::uint8_t>(v >> 16);
    p[3] = static_cast<std::uint8_t>(v >> 24);
}

}  // namespace rcvmon::file_bytes
