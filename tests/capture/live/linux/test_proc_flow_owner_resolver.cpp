// SPDX-License-Identifier: GPL-2.0-or-later
// The /proc resolver on sockets this test process opens in its own namespace (no root needed:
// a process may always read its own fd links).
#include "live/linux/proc_flow_owner_resolver.h"
#include "live/linux/proc_socket_holders.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

namespace rcvmon {
namespace {

using Status = FlowOwner::Status;

// The kernel's name for this process, asked directly (the oracle for /proc/PID/comm).
std::string ourName()
{
    char name[17] = {};
    prctl(PR_SET_NAME, "rcvmon-resolver");  // the thread group leader: this test's main thread
    prctl(PR_GET_NAME, name);
    return name;
}

struct Socket {
    int fd = -1;
    explicit Socket(int descriptor) : fd(descriptor) {}
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    ~Socket()
    {
        if (fd >= 0) close(fd);
    }
    FlowEndpoint name() const
    {
        sockaddr_in address{};
        socklen_t length = sizeof address;
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
        return makeFlowEndpoint(reinterpret_cast<const std::uint8_t*>(&address.sin_addr), 4, ntohs(address.sin_port));
    }
};

Socket openSocket(int type)
{
    return Socket(socket(AF_INET, type | SOCK_CLOEXEC, 0));
}

FlowEndpoint loopback(std::uint16_t port)
{
    const std::uint8_t bytes[4] = {127, 0, 0, 1};
    return makeFlowEndpoint(bytes, 4, port);
}

bool bindLoopback(int fd, std::uint32_t address = INADDR_LOOPBACK)
{
    sockaddr_in bound{};
    bound.sin_family = AF_INET;
    bound.sin_addr.s_addr = htonl(address);
    return bind(fd, reinterpret_cast<sockaddr*>(&bound), sizeof bound) == 0;
}

class ProcResolverTest : public ::testing::Test {
protected:
    void SetUp() override { m_name = ourName(); }
    std::vector<FlowOwner> resolve(const std::vector<FlowKey>& keys)
    {
        std::vector<FlowOwner> owners;
        std::string error;
        EXPECT_TRUE(m_resolver.resolve(keys, owners, error)) << error;
        EXPECT_EQ(owners.size(), keys.size());
        return owners;
    }
    FlowOwner ours(std::uint32_t holders = 1) const
    {
        return {Status::Known, {static_cast<std::uint32_t>(getpid()), m_name, holders}};
    }

    ProcFlowOwnerResolver m_resolver;
    std::string m_name;
};

TEST_F(ProcResolverTest, BothEndsOfALoopbackConnectionAndItsListenerAreOurs)
{
    Socket listener = openSocket(SOCK_STREAM);
    ASSERT_TRUE(bindLoopback(listener.fd));
    ASSERT_EQ(listen(listener.fd, 4), 0);
    Socket client = openSocket(SOCK_STREAM);
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    target.sin_port = htons(listener.name().port);
    ASSERT_EQ(connect(client.fd, reinterpret_cast<sockaddr*>(&target), sizeof target), 0);
    Socket accepted(accept4(listener.fd, nullptr, nullptr, SOCK_CLOEXEC));
    ASSERT_GE(accepted.fd, 0);

    const FlowKey clientSide{FlowTransport::Tcp, FlowFamily::Ipv4, client.name(), listener.name()};
    const FlowKey serverSide{FlowTransport::Tcp, FlowFamily::Ipv4, accepted.name(), client.name()};
    // A peer that has not connected yet: the listener is the one that would accept it.
    const FlowKey newPeer{FlowTransport::Tcp, FlowFamily::Ipv4, listener.name(), loopback(9)};
    const auto owners = resolve({clientSide, serverSide, newPeer});
    for (const FlowOwner& owner : owners) EXPECT_EQ(owner, ours());
    EXPECT_EQ(describeOwner(owners[0]), m_name + " (" + std::to_string(getpid()) + ")");
}

TEST_F(ProcResolverTest, UdpOnTheWildcardOwnsFlowsToAnyPeerAndAClosedSocketOwnsNothing)
{
    Socket wildcard = openSocket(SOCK_DGRAM);
    ASSERT_TRUE(bindLoopback(wildcard.fd, INADDR_ANY));
    const std::uint16_t port = wildcard.name().port;
    Socket gone = openSocket(SOCK_DGRAM);
    ASSERT_TRUE(bindLoopback(gone.fd));
    const FlowEndpoint goneName = gone.name();
    close(gone.fd);
    gone.fd = -1;

    const auto owners = resolve({
        {FlowTransport::Udp, FlowFamily::Ipv4, loopback(port), loopback(53)},
        {FlowTransport::Udp, FlowFamily::Ipv4, goneName, loopback(53)},
        {FlowTransport::Tcp, FlowFamily::Ipv4, loopback(port), loopback(53)},  // same port, other transport
    });
    EXPECT_EQ(owners[0], ours());
    EXPECT_EQ(owners[1].status, Status::Unknown);
    EXPECT_EQ(owners[2].status, Status::Unknown);
}

TEST_F(ProcResolverTest, ASocketInheritedOverForkNamesTheLowestPidAndCountsBoth)
{
    Socket shared = openSocket(SOCK_DGRAM);
    ASSERT_TRUE(bindLoopback(shared.fd));
    int ready[2], release[2];
    ASSERT_EQ(pipe2(ready, O_CLOEXEC), 0);
    ASSERT_EQ(pipe2(release, O_CLOEXEC), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        prctl(PR_SET_NAME, "rcvmon-child");
        close(release[1]);  // else the read below never sees the end of the pipe
        close(ready[0]);
        char byte = 'r';
        if (write(ready[1], &byte, 1) != 1) _exit(1);
        if (read(release[0], &byte, 1) < 0) _exit(1);  // until the parent closes its end
        _exit(0);
    }
    close(ready[1]);
    close(release[0]);
    char byte = 0;
    ASSERT_EQ(read(ready[0], &byte, 1), 1);
    const FlowKey key{FlowTransport::Udp, FlowFamily::Ipv4, shared.name(), loopback(53)};
    const FlowOwner owner = resolve({key})[0];
    close(release[1]);
    close(ready[0]);
    int status = 0;
    waitpid(child, &status, 0);

    ASSERT_EQ(owner.status, Status::Known);
    EXPECT_EQ(owner.process.holders, 2u);
    const pid_t lowest = std::min(getpid(), child);
    EXPECT_EQ(owner.process.pid, static_cast<std::uint32_t>(lowest));
    EXPECT_EQ(owner.process.name, lowest == getpid() ? m_name : std::string("rcvmon-child"));
}

TEST_F(ProcResolverTest, KnownSocketsAreConfirmedWithoutAnotherFullScan)
{
    Socket datagram = openSocket(SOCK_DGRAM);
    ASSERT_TRUE(bindLoopback(datagram.fd));
    const FlowKey key{FlowTransport::Udp, FlowFamily::Ipv4, datagram.name(), loopback(53)};
    ASSERT_EQ(resolve({key})[0], ours());
    const std::uint64_t scans = m_resolver.fdScans();
    for (int i = 0; i < 20; ++i) ASSERT_EQ(resolve({key})[0], ours());
    EXPECT_EQ(m_resolver.fdScans(), scans);
    // A flow with no socket at all needs no scan either.
    resolve({{FlowTransport::Udp, FlowFamily::Ipv4, loopback(1), loopback(53)}});
    EXPECT_EQ(m_resolver.fdScans(), scans);
    // A socket opened since the last scan costs exactly one.
    Socket later = openSocket(SOCK_DGRAM);
    ASSERT_TRUE(bindLoopback(later.fd));
    const FlowKey laterKey{FlowTransport::Udp, FlowFamily::Ipv4, later.name(), loopback(53)};
    EXPECT_EQ(resolve({laterKey, key})[0], ours());
    EXPECT_EQ(m_resolver.fdScans(), scans + 1);
}

TEST(ProcSocketHolders, ReadsProcessNamesAndRefusesGoneOnes)
{
    char name[17] = {};
    prctl(PR_GET_NAME, name);
    EXPECT_EQ(readProcessName(static_cast<std::uint32_t>(getpid())), std::string(name));
    // PIDs above pid_max (at most 2^22) never exist.
    EXPECT_FALSE(readProcessName(4194305));
    // Inodes of sockets that are closed now: nobody holds them.
    std::uint64_t closed[2] = {};
    for (std::uint64_t& inode : closed) {
        Socket gone = openSocket(SOCK_DGRAM);
        struct stat info{};
        ASSERT_EQ(fstat(gone.fd, &info), 0);
        inode = info.st_ino;
    }
    ProcSocketHolders holders;
    holders.beginRound();
    EXPECT_FALSE(holders.find(0));
    EXPECT_EQ(holders.scans(), 0u);
    EXPECT_FALSE(holders.find(closed[0]));
    EXPECT_EQ(holders.scans(), 1u);
    EXPECT_FALSE(holders.find(closed[1]));
    EXPECT_EQ(holders.scans(), 1u);  // one full scan per round at most
    holders.beginRound();
    EXPECT_FALSE(holders.find(closed[1]));
    EXPECT_EQ(holders.scans(), 2u);
}

TEST(ProcResolverPaths, AMissingTableDirectoryIsAClearError)
{
    ProcFlowOwnerResolver resolver({"/nonexistent/net", "/proc"});
    std::vector<FlowOwner> owners;
    std::string error;
    const std::vector<FlowKey> keys(2);
    EXPECT_FALSE(resolver.resolve(keys, owners, error));
    EXPECT_EQ(error, "cannot read /nonexistent/net/tcp: No such file or directory");
    ASSERT_EQ(owners.size(), 2u);
    EXPECT_EQ(owners[0].status, FlowOwner::Status::Unknown);
}

}  // namespace
}  // namespace rcvmon
