// SPDX-License-Identifier: GPL-2.0-or-later
#include "live_sources.h"

#include "live/live_capture.h"
#include "live/ssh_target.h"

#include <cstdio>

#ifndef _WIN32
#include "live/linux/ssh_source.h"
#endif

namespace rcvmon::cli {
namespace {

using namespace std::chrono_literals;

// How late a member may deliver a frame after its time stamp (SourceMerger::Member):
// AF_PACKET hands a block over within 50 ms; a remote end adds its own blocks and the way
// over ssh.
constexpr auto kLocalLag = 200ms;
constexpr auto kRemoteLag = 1000ms;

std::unique_ptr<CaptureSource> openOne(const CliOptions& o, const InterfaceSpec& spec, std::string& error)
{
    if (!isSshUrl(spec.name))
        return openLiveCapture({spec.name, modeOf(o, spec), o.allProtocols, filterOf(o, spec)}, error);
#ifdef _WIN32
    (void)o;
    error = "remote interfaces over ssh (" + spec.name + ") are not available on Windows yet";
    return nullptr;
#else
    const auto target = parseSshTarget(spec.name, error);
    if (!target) return nullptr;
    SshSource::Options options;
    options.target = *target;
    options.mode = modeOf(o, spec);
    options.filter = filterOf(o, spec);
    options.allProtocols = o.allProtocols;
    options.remoteCli = o.remoteCli;
    options.sshOptions = o.sshOptions;
    auto source = SshSource::open(options, error);
    if (source && !source->remoteIsRcvmon() && options.mode == CaptureMode::On)
        std::fprintf(stderr, "rcvmon-cli: %s has no %s: capturing %s at IP level with tcpdump\n",
                     target->host.c_str(), o.remoteCli.c_str(), source->name().c_str());
    return source;
#endif
}

}  // namespace

bool openLiveSources(const CliOptions& o, LiveSources& out, std::string& error)
{
    std::vector<SourceMerger::Member> members;
    for (const auto& spec : o.interfaces) {
        auto source = openOne(o, spec, error);
        if (!source) {
            // One message, naming the interface unless it already does.
            if (error.find(spec.name) == std::string::npos && o.interfaces.size() > 1) error = spec.name + ": " + error;
            return false;
        }
        members.push_back({std::move(source), isSshUrl(spec.name) ? kRemoteLag : kLocalLag});
    }
    if (members.size() == 1) {
        out.source = std::move(members.front().source);
    } else {
        auto merger = SourceMerger::create(std::move(members), error);
        if (!merger) return false;
        out.merger = merger.get();
        out.source = std::move(merger);
    }
    out.capture = out.source.get();
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
