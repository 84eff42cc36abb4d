// SPDX-License-Identifier: GPL-2.0-or-later
#include "netns_pair.h"

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <set>

#include <fcntl.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rcvmon::test {
namespace {

std::mutex& registryMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::set<std::string>& liveNamespaces()
{
    static std::set<std::string> names;
    return names;
}

void deleteNamespace(const std::string& name)
{
    runCommand("ip netns del " + name);
}

// Namespaces a crashed or aborted test left behind go when the process exits.
void removeLeftovers()
{
    std::lock_guard lock(registryMutex());
    for (const auto& name : liveNamespaces()) deleteNamespace(name);
    liveNamespaces().clear();
}

void track(const std::string& name)
{
    static std::once_flag installed;
    std::call_once(installed, [] { std::atexit(removeLeftovers); });
    std::lock_guard lock(registryMutex());
    liveNamespaces().insert(name);
}

void untrack(const std::string& name)
{
    std::lock_guard lock(registryMutex());
    liveNamespaces().erase(name);
}

}  // namespace

int runCommand(const std::string& command, std::string* output)
{
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) return -1;
    std::array<char, 512> chunk{};
    std::string text;
    while (std::fgets(chunk.data(), chunk.size(), pipe) != nullptr) text += chunk.data();
    const int status = pclose(pipe);
    if (output != nullptr) *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

NetnsPair::NetnsPair()
{
    static std::atomic<int> counter{0};
    const std::string suffix = std::to_string(getpid()) + "-" + std::to_string(counter++);
    m_a = "rcvmon-a-" + suffix;
    m_b = "rcvmon-b-" + suffix;
}

NetnsPair::~NetnsPair()
{
    deleteNamespace(m_a);
    deleteNamespace(m_b);
    untrack(m_a);
    untrack(m_b);
}

std::string NetnsPair::unavailableReason()
{
    if (geteuid() != 0) return "live capture tests need root (they create network namespaces)";
    std::string output;
    if (runCommand("ip netns list", &output) != 0) return "`ip netns` is not available: " + output;
    return {};
}

bool NetnsPair::create(std::string& error)
{
    track(m_a);
    track(m_b);
    const std::string a = " -n " + m_a + " ";
    const std::string b = " -n " + m_b + " ";
    const std::string commands[] = {
        "ip netns add " + m_a,
        "ip netns add " + m_b,
        "ip" + a + "link add " + VethA + " type veth peer name " + VethB + " netns " + m_b,
        "ip" + a + "addr add 198.18.0.1/24 dev " + VethA,
        "ip" + b + "addr add 198.18.0.2/24 dev " + VethB,
        "ip" + a + "link set lo up",
        "ip" + b + "link set lo up",
        "ip" + a + "link set " + VethA + " up",
        "ip" + b + "link set " + VethB + " up",
    };
    for (const auto& command : commands) {
        std::string output;
        if (runCommand(command, &output) != 0) {
            error = "`" + command + "` failed: " + output;
            return false;
        }
    }
    return true;
}

ScopedNetns::ScopedNetns(const std::string& name)
{
    m_saved = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    const int target = open(("/var/run/netns/" + name).c_str(), O_RDONLY | O_CLOEXEC);
    m_ok = m_saved >= 0 && target >= 0 && setns(target, CLONE_NEWNET) == 0;
    if (target >= 0) close(target);
}

ScopedNetns::~ScopedNetns()
{
    if (m_saved < 0) return;
    if (m_ok && setns(m_saved, CLONE_NEWNET) != 0) std::abort();  // never run on in the wrong namespace
    close(m_saved);
}

long interfaceFlags(const std::string& netns, const std::string& device)
{
    std::string output;
    if (runCommand("ip netns exec " + netns + " cat /sys/class/net/" + device + "/flags", &output) != 0) return -1;
    return std::strtol(output.c_str(), nullptr, 16);
}

bool isPromiscuous(const std::string& netns, const std::string& device)
{
    const long flags = interfaceFlags(netns, device);
    return flags >= 0 && (flags & 0x100) != 0;
}

}  // namespace rcvmon::test
