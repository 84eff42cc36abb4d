// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/capture_mode.h"
#include "live/capture_source.h"

#include <memory>
#include <string>
#include <vector>

namespace rcvmon {

// One interface of a capture as the user chose it: a local name or ssh://[user@]host[:port]/if,
// with its own mode and capture filter.
struct InterfaceChoice {
    std::string name;
    CaptureMode mode = CaptureMode::IpLevel;
    std::string filter;
};

// How remote interfaces are reached (SshSource).
struct RemoteCaptureOptions {
    std::string remoteCli = "rcvmon-cli";
    std::vector<std::string> sshOptions;  // each passed to ssh as -o OPTION
    // The window's way: remote interfaces are always merged (one alone too), and the merge
    // outlives lost connections, so a lost interface can be restarted in the same capture.
    bool restartable = false;
};

// Opens the capture of `choices`: one source for one interface, a SourceMerger (interface ids
// in the given order) for several. On failure null and one message naming the interface.
// `notices` collects what the user should know but is no failure (a remote end that has no
// rcvmon-cli captures at IP level with tcpdump).
std::unique_ptr<CaptureSource> openInterfaces(const std::vector<InterfaceChoice>& choices, bool allProtocols,
                                              const RemoteCaptureOptions& remote, std::string& error,
                                              std::vector<std::string>* notices = nullptr);

// "eth0, ssh://me@host/eth1" -> the names; how the window keeps several in one text.
std::vector<std::string> splitInterfaceList(const std::string& text);

}  // namespace rcvmon
