// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "follow_request.h"

#include "core/frame.h"
#include "dissect/dissection.h"
#include "filter/display_filter.h"
#include "follow/stream_follower.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace rcvmon::cli {

// The -z follow requests of one run, fed in the same single pass as the other tables: each
// frame's TCP/UDP payloads are tapped while it is dissected, and each request keeps those of
// the frames its filter matches (tshark's tap filter).
class FollowTaps {
public:
    // False, with `error`, when the request's filter does not compile.
    bool add(std::size_t requestIndex, const FollowRequest& request, std::string& error);
    bool empty() const { return m_follows.empty(); }
    // Sets the tap on the dissection the frames are dissected into (nothing when empty()).
    void attach(Dissection& dissection);
    void beginFrame() { m_payloads.clear(); }
    void endFrame(const Dissection& dissection, const FrameRef& frame, std::uint64_t number);
    // tshark's text for the request given to add() at that index.
    void appendReport(std::size_t requestIndex, std::string& out) const;

private:
    struct Follow {
        std::size_t requestIndex = 0;
        FollowRequest request;
        DisplayFilter filter;
        std::unique_ptr<StreamFollower> follower;
    };
    FramePayloads m_payloads;
    std::vector<Follow> m_follows;
};

}  // namespace rcvmon::cli
