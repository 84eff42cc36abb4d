// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "core/frame.h"
#include "core/timestamp.h"
#include "store/protocol_class.h"

#include <cstdint>

namespace rcvmon {

// The fixed-size index entry the store keeps for every packet; the table reads these
// without touching frame bytes. Kept small: ten million packets are 400 MB of records.
struct PacketRecord {
    std::uint64_t location = 0;        // arena: chunk serial << 32 | offset; file: file offset
    std::int64_t sec = 0;              // Timestamp, split so the record packs tightly
    std::uint32_t nsec = 0;
    std::uint32_t capturedLength = 0;
    std::uint32_t originalLength = 0;
    std::uint32_t interfaceId = 0;
    std::uint16_t linkType = 0;        // LINKTYPE_ values fit 16 bits (pcapng IDB field)
    Direction direction = Direction::Unknown;
    ProtocolClass protocol = ProtocolClass::Other;
    CaptureMode mode = CaptureMode::Off;  // RCVALL mode in force when it was captured
    std::uint8_t frameFlags = 0;          // FrameFlag bits
    std::uint8_t marks = 0;               // PacketMark bits, set by the user
    std::uint8_t reserved = 0;

    Timestamp ts() const { return Timestamp{sec, nsec}; }
    // The frame this record describes, without its bytes (the store or file holds those).
    FrameRef frameWithoutBytes() const
    {
        FrameRef f;
        f.ts = ts();
        f.capturedLength = capturedLength;
        f.originalLength = originalLength;
        f.linkType = linkType;
        f.interfaceId = interfaceId;
        f.direction = direction;
        f.flags = frameFlags;
        return f;
    }
};
static_assert(sizeof(PacketRecord) <= 48, "the index record must stay within 48 bytes");

struct PacketMark {
    static constexpr std::uint8_t Marked = 0x01;
};

}  // namespace rcvmon
