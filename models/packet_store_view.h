// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "core/frame.h"
#include "core/timestamp.h"

#include <cstdint>
#include <string>

namespace rcvmon {

// What the table needs of one packet without touching its bytes.
struct PacketMeta {
    std::uint64_t number = 0;  // 1-based frame number, stable across eviction
    Timestamp ts;
    std::uint32_t capturedLength = 0;
    std::uint32_t originalLength = 0;
    std::uint32_t linkType = 0;
    std::uint32_t interfaceId = 0;
    Direction direction = Direction::Unknown;
    CaptureMode mode = CaptureMode::Off;  // RCVALL mode in force when it was captured
    std::uint8_t frameFlags = 0;          // FrameFlag bits: what the capture rebuilt
};

// The models' only view of the packet store, so they do not depend on its internals.
// Retained frames are the contiguous numbers [firstNumber(), endNumber()); eviction moves
// firstNumber() forward, appends move endNumber(). Used from the GUI thread only.
class PacketStoreView {
public:
    virtual ~PacketStoreView() = default;

    virtual std::uint64_t firstNumber() const = 0;
    virtual std::uint64_t endNumber() const = 0;
    virtual bool meta(std::uint64_t number, PacketMeta& out) const = 0;
    // The frame with its bytes; the bytes stay valid until the next frame() call.
    virtual bool frame(std::uint64_t number, FrameRef& out) = 0;
    // Why the last frame() failed (a file gone, a short read), for the Info column.
    virtual const std::string& error() const = 0;

    std::uint64_t size() const { return endNumber() - firstNumber(); }
};

}  // namespace rcvmon
