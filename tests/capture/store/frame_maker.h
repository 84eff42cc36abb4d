// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Builds frames whose bytes encode a sequence number, so every test can tell which frame
// it got back and whether a single byte of it changed.

#include "core/frame.h"
#include "core/link_type.h"

#include <cstdint>
#include <cstring>
#include <vector>

namespace rcvmon::test {

inline std::uint8_t patternByte(std::uint64_t seq, std::size_t i)
{
    return static_cast<std::uint8_t>((seq * 131 + i * 7 + 3) & 0xff);
}

// length bytes: the sequence number in the first 8 (if they fit), a pattern after.
inline void fillPayload(std::vector<std::uint8_t>& bytes, std::uint64_t seq, std::size_t length)
{
    bytes.resize(length);
    for (std::size_t i = 0; i < length; ++i) bytes[i] = patternByte(seq, i);
    if (length >= 8) std::memcpy(bytes.data(), &seq, 8);
}

// True when bytes are exactly what fillPayload(seq, bytes.size()) wrote.
inline bool payloadIntact(ByteSpan bytes, std::uint64_t seq)
{
    for (std::size_t i = bytes.size() >= 8 ? 8 : 0; i < bytes.size(); ++i)
        if (bytes[i] != patternByte(seq, i)) return false;
    if (bytes.size() >= 8) {
        std::uint64_t stored = 0;
        std::memcpy(&stored, bytes.data(), 8);
        return stored == seq;
    }
    return true;
}

inline std::uint64_t payloadSeq(ByteSpan bytes)
{
    std::uint64_t seq = 0;
    if (bytes.size() >= 8) std::memcpy(&seq, bytes.data(), 8);
    return seq;
}

inline FrameRef frameOver(const std::vector<std::uint8_t>& bytes, std::int64_t sec = 1'700'000'000,
                          std::uint32_t nsec = 0)
{
    FrameRef f;
    f.ts = Timestamp{sec, nsec};
    f.capturedLength = static_cast<std::uint32_t>(bytes.size());
    f.originalLength = static_cast<std::uint32_t>(bytes.size());
    f.linkType = link_type::Ethernet;
    f.direction = Direction::Incoming;
    f.data = ByteSpan(bytes.data(), bytes.size());
    return f;
}

}  // namespace rcvmon::test
