// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/frame.h"
#include "dissect/detail_tree.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {

class FrameReplay;

// The table's text columns for one packet.
struct SummaryText {
    std::string source;
    std::string destination;
    std::string protocol;
    std::string info;
};

// One line of the detail tree: the same lines `rcvmon-cli -V` prints.
using DetailNode = DetailLine;

// Turns a frame into table text and a detail tree. The models call it lazily, for the
// rows a view shows and for the selected packet only; nothing is kept per packet.
class PacketDecoder {
public:
    virtual ~PacketDecoder() = default;
    virtual SummaryText summarize(const FrameRef& frame, std::uint64_t number) = 0;
    virtual std::vector<DetailNode> detail(const FrameRef& frame, std::uint64_t number) = 0;
    // The capture's interface names, for frame.interface_name (Dissector::setInterfaceNames).
    virtual void setInterfaceNames(std::function<std::string_view(std::uint32_t)>) {}
    // Each frame's comments, for frame.comment (Dissector::setFrameComments).
    virtual void setFrameComments(std::function<void(std::uint64_t, std::vector<std::string_view>&)>) {}
    // Frames dissected as in file order, through their stream's frames (null: each alone).
    // The caller keeps it alive until it sets another.
    virtual void setReplay(FrameReplay*) {}
    virtual FrameReplay* replay() const { return nullptr; }
};

}  // namespace rcvmon
