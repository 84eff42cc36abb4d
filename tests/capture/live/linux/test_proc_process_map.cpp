// SPDX-License-Identifier: GPL-2.0-or-later
// ProcessMap over the real /proc resolver, in this process's own namespace (no root needed):
// a burst of new sockets is attributed with a handful of fd scans, not one per flow.
#include "live/linux/proc_flow_owner_resolver.h"
#include "live/process_map.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rcvmon {
namespace {

using namespace std::chrono_literals;

// The /proc resolver, reporting how many full fd scans it has made.
class CountingResolver : public FlowOwnerResolver {
public:
    explicit CountingResolver(std::shared_ptr<std::atomic<std::uint64_t>> scans) : m_scans(std::move(scans)) {}
    bool resolve(std::span<const FlowKey> keys, std::vector<FlowOwner>& owners, std::string& error) override
    {
        const bool ok = m_inner.resolve(keys, owners, error);
        m_scans->store(m_inner.fdScans());
        return ok;
    }

private:
    ProcFlowOwnerResolver m_inner;
    std::shared_ptr<std::atomic<std::uint64_t>> m_scans;
};

// A UDP socket bound to 127.0.0.1 and the flow of a datagram it would send to port 53.
struct BoundUdp {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    FlowKey flow{};
    BoundUdp()
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return;
        const std::uint8_t loopback[4] = {127, 0, 0, 1};
        flow = {FlowTransport::Udp, FlowFamily::Ipv4, makeFlowEndpoint(loopback, 4, ntohs(address.sin_port)),
                makeFlowEndpoint(loopback, 4, 53)};
    }
    ~BoundUdp()
    {
        if (fd >= 0) close(fd);
    }
    BoundUdp(const BoundUdp&) = delete;
    BoundUdp& operator=(const BoundUdp&) = delete;
};

FlowOwner waitForAnswer(const ProcessMap& map, const FlowKey& key)
{
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    FlowOwner owner = map.lookup(key);
    while (owner.status == FlowOwner::Status::Pending && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(2ms);
        owner = map.lookup(key);
    }
    return owner;
}

TEST(ProcProcessMap, ThePlatformMapNamesOurOwnSocket)
{
    char name[17] = {};
    prctl(PR_GET_NAME, name);
    BoundUdp socket;
    ASSERT_NE(socket.flow.local.port, 0);
    auto map = ProcessMap::createForThisPlatform({});
    ASSERT_TRUE(map->submit(socket.flow));
    const FlowOwner owner = waitForAnswer(*map, socket.flow);
    EXPECT_EQ(owner.status, FlowOwner::Status::Known);
    EXPECT_EQ(owner.process, (ProcessInfo{static_cast<std::uint32_t>(getpid()), name, 1}));
}

TEST(ProcProcessMap, ABurstOfNewFlowsCostsAFewScansNotOnePerFlow)
{
    constexpr int kSockets = 400;  // well under the usual 1024 descriptors
    auto scans = std::make_shared<std::atomic<std::uint64_t>>(0);
    ProcessMap::Options options;  // the defaults: at most one refresh per 250 ms
    auto map = std::make_unique<ProcessMap>(std::make_unique<CountingResolver>(scans), options);

    std::vector<std::unique_ptr<BoundUdp>> sockets;
    const auto start = std::chrono::steady_clock::now();
    // A new socket and its first datagram every ~2.5 ms for about a second.
    for (int i = 0; i < kSockets; ++i) {
        sockets.push_back(std::make_unique<BoundUdp>());
        ASSERT_NE(sockets.back()->flow.local.port, 0);
        ASSERT_TRUE(map->submit(sockets.back()->flow));
        std::this_thread::sleep_for(2500us);
    }
    int known = 0;
    for (const auto& socket : sockets) {
        const FlowOwner owner = waitForAnswer(*map, socket->flow);
        known += owner.status == FlowOwner::Status::Known && owner.process.pid == static_cast<std::uint32_t>(getpid());
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::uint64_t used = scans->load();
    std::cout << kSockets << " new flows in " << seconds << " s: " << map->stats().refreshes << " refreshes, " << used
              << " fd scans\n";
    EXPECT_EQ(known, kSockets);
    EXPECT_LE(used, static_cast<std::uint64_t>(seconds / 0.25) + 2);
    EXPECT_EQ(map->stats().dropped, 0u);
}

}  // namespace
}  // namespace rcvmon
