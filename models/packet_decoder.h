// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon {

// The table's text columns for one packet.
struct SummaryText {
    std::string source;
    std::string destination;
    std::string protocol;
    std::string info;
};

// One line of the detail tree: a layer (parent -1) or a field under the node `parent`.
struct DetailNode {
    int parent = -1;
    std::string text;            // "Internet Protocol Version 4" or "Time to Live: 64"
    std::string name;            // filter name: "ip", "ip.ttl"
    std::uint32_t offset = 0;    // byte range in the frame
    std::uint32_t length = 0;
    bool problem = false;        // truncated / malformed: shown in a warning colour
};

// Turns a frame into table text and a detail tree. The models call it lazily, for the
// rows a view shows and for the selected packet only; nothing is kept per packet.
class PacketDecoder {
public:
    virtual ~PacketDecoder() = default;
    virtual SummaryText summarize(const FrameRef& frame, std::uint64_t number) = 0;
    virtual std::vector<DetailNode> detail(const FrameRef& frame, std::uint64_t number) = 0;
};

}  // namespace rcvmon
