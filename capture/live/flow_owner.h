// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/flow_key.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace rcvmon {

// The local process that owns a flow's socket.
struct ProcessInfo {
    std::uint32_t pid = 0;
    std::string name;  // Linux: /proc/PID/comm; Windows: the image file name ("svchost.exe"); empty when unreadable
    // How many processes hold the socket (inherited over fork): pid is the lowest of them.
    std::uint32_t holders = 1;

    friend bool operator==(const ProcessInfo&, const ProcessInfo&) = default;
};

// What is known about a flow's owner.
struct FlowOwner {
    enum class Status : std::uint8_t {
        Pending,  // not looked up yet (never submitted, or still queued)
        Known,    // process is the one owner
        Unknown,  // no socket, several processes could own it, or the platform cannot tell
    };
    Status status = Status::Pending;
    ProcessInfo process;  // meaningful only when Known

    friend bool operator==(const FlowOwner&, const FlowOwner&) = default;
};

// "python3 (1234)", "unknown" or "" (pending), as a Process column shows it.
std::string describeOwner(const FlowOwner& owner);

// A platform's way to find flow owners: reads its socket tables once per call and answers every
// key (owners.size() == keys.size() afterwards). Returns false, with error, when the platform
// cannot tell at all (then every answer is Unknown). Runs on ProcessMap's worker thread only.
class FlowOwnerResolver {
public:
    virtual ~FlowOwnerResolver() = default;
    virtual bool resolve(std::span<const FlowKey> keys, std::vector<FlowOwner>& owners, std::string& error) = 0;
};

// /proc on Linux (capture/live/linux), the IP Helper owner-PID tables on Windows (capture/live/windows).
std::unique_ptr<FlowOwnerResolver> makePlatformFlowOwnerResolver();

}  // namespace rcvmon
