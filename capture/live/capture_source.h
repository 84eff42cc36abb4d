// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "core/frame.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rcvmon {

// Receives frames from a source on the capture thread. A FrameRef is valid only during the
// call: the consumer copies what it keeps (into the ring) and must not block.
//
// Lending, the zero-copy hand-off: a source whose frames stay in place until it gives the
// memory back (AF_PACKET's kernel ring blocks) may, when the sink keepsLentFrames(), pass
// them through onLentFrame() instead. It then takes lentMark() after each batch and gives
// that batch's memory back only once returned(mark) says the consumer is done with it.
class FrameSink {
public:
    virtual ~FrameSink() = default;
    virtual void onFrame(const FrameRef& frame) = 0;

    virtual bool keepsLentFrames() const { return false; }
    // frame.data stays valid until returned() is true for a mark taken after this call.
    virtual void onLentFrame(const FrameRef& frame) { onFrame(frame); }
    virtual std::uint64_t lentMark() { return 0; }
    virtual bool returned(std::uint64_t /*mark*/) { return true; }
};

// What the kernel (or file) says about the capture so far.
struct CaptureStats {
    std::uint64_t received = 0;       // frames the source handed to RcvMon
    std::uint64_t droppedKernel = 0;  // frames the kernel / driver dropped before RcvMon saw them
    // A remote source (over ssh): of droppedKernel, what the far end's kernel and its ring dropped.
    std::uint64_t remoteKernel = 0;
    std::uint64_t remoteRing = 0;
};

enum class PollResult : std::uint8_t {
    Frames,   // zero or more frames were delivered; poll again
    End,      // the source is exhausted (end of file, stream closed)
    Error,    // fatal; error() says why in words a user understands
};

// One place frames come from: a live socket (AF_PACKET, SIO_RCVALL) or a capture file.
// poll() runs on the capture thread; wakeup(), stats() and the getters are thread-safe.
class CaptureSource {
public:
    virtual ~CaptureSource() = default;

    // Waits at most timeoutMs for frames and hands each to sink.
    virtual PollResult poll(FrameSink& sink, int timeoutMs) = 0;
    // Makes a poll() that is waiting return at once (stop must not wait for a timeout).
    virtual void wakeup() = 0;

    virtual CaptureStats stats() const = 0;
    virtual const std::string& error() const = 0;
    // Link type of the frames delivered: Ethernet on Linux, Raw (101) for SIO_RCVALL.
    virtual std::uint32_t linkType() const = 0;
    // Interface name (or file path) for status lines and pcapng if_name.
    virtual const std::string& name() const = 0;

    // The RCVALL mode in force. Live sources switch Off on the old, then On on the new,
    // never in one call (seed); a file source is always Off and refuses switches.
    virtual CaptureMode mode() const = 0;
    virtual bool setMode(CaptureMode mode, std::string& error) = 0;

    // A source of several interfaces (SourceMerger) numbers its frames' interfaceId from 0
    // to interfaceCount() - 1 and describes each; a plain source is its one interface 0.
    virtual std::uint32_t interfaceCount() const { return 1; }
    virtual std::string interfaceName(std::uint32_t /*id*/) const { return name(); }
    virtual std::uint32_t interfaceLinkType(std::uint32_t /*id*/) const { return linkType(); }
    // The mode a frame of interface `id` stamped `ts` was captured in, for a source whose
    // interfaces switch modes apart (SourceMerger); nullopt: the one mode of the session.
    // Called for every frame on the capture thread: cheap, no locks.
    virtual std::optional<CaptureMode> interfaceModeAt(std::uint32_t /*id*/, const Timestamp& /*ts*/) const
    {
        return std::nullopt;
    }
};

}  // namespace rcvmon
