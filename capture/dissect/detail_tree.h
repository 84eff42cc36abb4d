// SPDX-License-Identifier: GPL-2.0-or-later
// The detail tree of one dissected frame, as the window's detail pane and `rcvmon-cli -V`
// both show it: one builder, so the two can never disagree.
#pragma once

#include "dissect/dissection.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rcvmon {

// One line: a layer (parent -1) or a field under the line `parent`.
struct DetailLine {
    int parent = -1;
    std::string text;          // "Internet Protocol Version 4" or "Time to Live: 64"
    std::string name;          // filter name: "ip", "ip.ttl"
    std::uint32_t offset = 0;  // byte range in the frame (0/0 when it is not in the frame's bytes)
    std::uint32_t length = 0;
    bool problem = false;      // truncated / malformed: shown as a warning
};

// Wireshark's title of the frame layer: "Frame 1: 66 bytes on wire (528 bits), 66 bytes captured (528 bits)".
std::string frameTitle(std::uint64_t number, std::uint64_t wireLength, std::uint64_t capturedLength);

// Lines in tree order (parents before children); the frame bounds the byte ranges and adds
// what only the capture knows (the direction a pcapng or live frame went).
std::vector<DetailLine> buildDetailTree(const Dissection& dissection, const FrameRef& frame);

// "in", "out", "other-host"; empty when unknown.
std::string_view directionText(Direction direction);

// "Label: value", with the value's name first where the field names its values, as
// Wireshark writes "Type: A (Host Address) (1)".
std::string detailText(const Dissection& dissection, const FieldRecord& field);

}  // namespace rcvmon
