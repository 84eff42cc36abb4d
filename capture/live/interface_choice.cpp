// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/interface_choice.h"

#include "live/live_capture.h"
#include "live/source_merger.h"
#include "live/ssh_target.h"

#ifndef _WIN32
#include "live/linux/ssh_source.h"
#endif

namespace rcvmon {
namespace {

using namespace std::chrono_literals;

// How late a member may deliver a frame after its time stamp (SourceMerger::Member):
// AF_PACKET hands a block over within 50 ms; a remote end adds its own blocks and the way
// over ssh.
constexpr auto kLocalLag = 200ms;
constexpr auto kRemoteLag = 1000ms;

std::unique_ptr<CaptureSource> openOne(const InterfaceChoice& choice, bool allProtocols,
                                       const RemoteCaptureOptions& remote, std::string& error,
                                       std::vector<std::string>* notices)
{
    if (!isSshUrl(choice.name)) return openLiveCapture({choice.name, choice.mode, allProtocols, choice.filter}, error);
#ifdef _WIN32
    (void)remote;
    (void)notices;
    error = "remote interfaces over ssh (" + choice.name + ") are not available on Windows yet";
    return nullptr;
#else
    const auto target = parseSshTarget(choice.name, error);
    if (!target) return nullptr;
    SshSource::Options options;
    options.target = *target;
    options.mode = choice.mode;
    options.filter = choice.filter;
    options.allProtocols = allProtocols;
    options.remoteCli = remote.remoteCli;
    options.sshOptions = remote.sshOptions;
    auto source = SshSource::open(options, error);
    if (source && !source->remoteIsRcvmon() && choice.mode == CaptureMode::On && notices)
        notices->push_back(target->host + " has no " + remote.remoteCli + ": capturing " + source->name() +
                           " at IP level with tcpdump");
    return source;
#endif
}

}  // namespace

std::unique_ptr<CaptureSource> openInterfaces(const std::vector<InterfaceChoice>& choices, bool allProtocols,
                                              const RemoteCaptureOptions& remote, std::string& error,
                                              std::vector<std::string>* notices)
{
    std::vector<SourceMerger::Member> members;
    for (const auto& choice : choices) {
        auto source = openOne(choice, allProtocols, remote, error, notices);
        if (!source) {
            // One message, naming the interface unless it already does (SshSource's name host:if).
            if (!isSshUrl(choice.name) && error.find(choice.name) == std::string::npos && choices.size() > 1)
                error = choice.name + ": " + error;
            return nullptr;
        }
        members.push_back({std::move(source), isSshUrl(choice.name) ? kRemoteLag : kLocalLag});
    }
    bool anyRemote = false;
    for (const auto& choice : choices) anyRemote = anyRemote || isSshUrl(choice.name);
    if (members.size() == 1 && !(remote.restartable && anyRemote)) return std::move(members.front().source);
    SourceMerger::Options options;
    options.endWhenAllEnd = !remote.restartable;
    return SourceMerger::create(std::move(members), options, error);
}

std::vector<std::string> splitInterfaceList(const std::string& text)
{
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        std::string name = text.substr(start, comma - start);
        const std::size_t first = name.find_first_not_of(' ');
        const std::size_t last = name.find_last_not_of(' ');
        if (first != std::string::npos) names.push_back(name.substr(first, last - first + 1));
        start = comma + 1;
    }
    return names;
}

}  // namespace rcvmon
