// SPDX-License-Identifier: GPL-2.0-or-later
#include "follow_taps.h"

namespace rcvmon::cli {

bool FollowTaps::add(std::size_t requestIndex, const FollowRequest& request, std::string& error)
{
    FilterError filterError;
    auto filter = DisplayFilter::compile(request.filter, filterError);
    if (!filter) {
        error = "-z follow: cannot use the filter " + filterError.describe(request.filter);
        return false;
    }
    m_follows.push_back(Follow{requestIndex, request, std::move(*filter),
                               std::make_unique<StreamFollower>(request.protocol, request.filter)});
    return true;
}

void FollowTaps::attach(Dissection& dissection)
{
    if (!m_follows.empty()) dissection.setTransportTap(&m_payloads);
}

void FollowTaps::endFrame(const Dissection& dissection, const FrameRef& frame, std::uint64_t number)
{
    if (m_payloads.size() == 0) return;  // nothing tapped: no follower can take anything
    for (Follow& f : m_follows) {
        if (!f.filter.matches(dissection, frame.data)) continue;
        m_payloads.settleAddresses(dissection);
        f.follower->addFrame(m_payloads, number, frame.ts);
    }
}

void FollowTaps::appendReport(std::size_t requestIndex, std::string& out) const
{
    for (const Follow& f : m_follows)
        if (f.requestIndex == requestIndex)
            appendFollowReport(out, f.follower->stream(), f.request.format, f.request.chunkMin, f.request.chunkMax);
}

}  // namespace rcvmon::cli
