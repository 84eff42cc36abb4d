// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>

namespace rcvmon::test {

// Runs a shell command; returns its exit status and, in output, what it printed (both streams).
int runCommand(const std::string& command, std::string* output = nullptr);

// Two network namespaces rcvmon-a-<pid>-<n> / rcvmon-b-<pid>-<n> joined by a veth pair
// (veth-a in A with 198.18.0.1/24, veth-b in B with 198.18.0.2/24), all up. The
// namespaces are removed by the destructor, and by an atexit guard if a test dies early.
class NetnsPair {
public:
    NetnsPair();
    ~NetnsPair();
    NetnsPair(const NetnsPair&) = delete;
    NetnsPair& operator=(const NetnsPair&) = delete;

    // Why live tests cannot run here (not root, no `ip netns`), or empty.
    static std::string unavailableReason();
    // Creates everything; on failure says which command failed and what it printed.
    bool create(std::string& error);

    const std::string& a() const { return m_a; }
    const std::string& b() const { return m_b; }
    static constexpr const char* VethA = "veth-a";
    static constexpr const char* VethB = "veth-b";

private:
    std::string m_a;
    std::string m_b;
};

// Moves the calling thread into a named namespace for its lifetime; sockets opened meanwhile
// stay in that namespace afterwards.
class ScopedNetns {
public:
    explicit ScopedNetns(const std::string& name);
    ~ScopedNetns();
    ScopedNetns(const ScopedNetns&) = delete;
    ScopedNetns& operator=(const ScopedNetns&) = delete;
    bool ok() const { return m_ok; }

private:
    int m_saved = -1;
    bool m_ok = false;
};

// The kernel's flags for an interface inside a namespace, as /sys/class/net/<dev>/flags
// shows them there; -1 when unreadable. IFF_PROMISC is 0x100.
long interfaceFlags(const std::string& netns, const std::string& device);
bool isPromiscuous(const std::string& netns, const std::string& device);

}  // namespace rcvmon::test
