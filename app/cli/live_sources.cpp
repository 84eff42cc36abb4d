// SPDX-License-Identifier: GPL-2.0-or-later
#include "live_sources.h"

#include "live/interface_choice.h"

#include <cstdio>

namespace rcvmon::cli {

bool openLiveSources(const CliOptions& o, LiveSources& out, std::string& error)
{
    std::vector<InterfaceChoice> choices;
    for (const auto& spec : o.interfaces) choices.push_back({spec.name, modeOf(o, spec), filterOf(o, spec)});
    std::vector<std::string> notices;
    out.source = openInterfaces(choices, o.allProtocols, {o.remoteCli, o.sshOptions}, error, &notices);
    for (const auto& notice : notices) std::fprintf(stderr, "rcvmon-cli: %s\n", notice.c_str());
    if (!out.source) return false;
    out.capture = out.source.get();
    out.merger = dynamic_cast<SourceMerger*>(out.capture);
    out.interfaces.clear();
    for (std::uint32_t id = 0; id < out.source->interfaceCount(); ++id) {
        InterfaceInfo info;
        info.linkType = out.source->interfaceLinkType(id);
        info.name = out.source->interfaceName(id);
        out.interfaces.push_back(info);
    }
    return true;
}

std::vector<InterfaceStatistics> LiveSources::statistics(const Timestamp& start, const Timestamp& end,
                                                         std::uint64_t sessionRingDrops) const
{
    std::vector<InterfaceStatistics> out;
    if (!merger) {
        const CaptureStats s = capture->stats();
        out.push_back({start, end, s.received, s.droppedKernel + sessionRingDrops});
        return out;
    }
    // The session's own ring sits after the merge: its losses cannot be told apart by interface.
    for (const auto& member : merger->members())
        out.push_back({start, end, member.stats.received, member.stats.droppedKernel + member.droppedQueue});
    return out;
}

}  // namespace rcvmon::cli
