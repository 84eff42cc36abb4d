// SPDX-License-Identifier: GPL-2.0-or-later
// Which program sent it, for real: a Python program in namespace A sends UDP datagrams to B
// over the veth pair and holds TCP connections on A's loopback; the datagrams are captured on
// veth-a, their flows handed to a ProcessMap whose worker lives in A, and every flow must carry
// the program's PID and name. `ss -p` in A is the outside witness of who holds each socket.
// A program that has exited, and flows nobody has, must come back unknown.
#include "live/process_map.h"

#include "capture_runner.h"
#include "live_fixture.h"
#include "netns_pair.h"
#include "require.h"
#include "script_child.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rcvmon::test {
namespace {

using namespace std::chrono_literals;
using Status = FlowOwner::Status;

// Names itself, dies with its parent, shares one socket with a forked child, then opens the
// sockets whose flows the test checks and prints their ports. Lives at most 30 s.
constexpr const char* kOwnerScript = R"PY(
import ctypes, os, select, socket
libc = ctypes.CDLL(None)
def become(name):
    libc.prctl(15, name, 0, 0, 0)  # PR_SET_NAME
    libc.prctl(1, 9, 0, 0, 0)      # PR_SET_PDEATHSIG, SIGKILL
become(b"rcvmon-owner")
B = ("198.18.0.2", 9)
shared = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
shared.bind(("198.18.0.1", 0))
child = os.fork()
if child == 0:
    become(b"rcvmon-child")
    select.select([], [], [], 30)
    os._exit(0)
shared.sendto(b"shared", B)
wild = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
wild.bind(("0.0.0.0", 0))
for i in range(5):
    wild.sendto(b"wild %d" % i, B)
connected = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
connected.connect(B)
connected.send(b"connected")
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(4)
client = socket.create_connection(listener.getsockname())
server, _ = listener.accept()
client.sendall(b"hello")
server.recv(5)
ports = dict(pid=os.getpid(), child=child, shared=shared.getsockname()[1], wild=wild.getsockname()[1],
             connected=connected.getsockname()[1], listen=listener.getsockname()[1],
             client=client.getsockname()[1], dual=0, listen6=0, client6=0)
try:
    dual = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    dual.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    dual.bind(("::", 0))
    dual.sendto(b"dual", ("::ffff:198.18.0.2", 9))
    listener6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    listener6.bind(("::1", 0))
    listener6.listen(4)
    client6 = socket.create_connection(("::1", listener6.getsockname()[1]))
    server6, _ = listener6.accept()
    ports.update(dual=dual.getsockname()[1], listen6=listener6.getsockname()[1], client6=client6.getsockname()[1])
except OSError as error:
    print("no-ipv6", error, flush=True)
print("ready " + " ".join("%s=%d" % item for item in ports.items()), flush=True)
select.select([], [], [], 30)
)PY";

// Sends three datagrams to B and exits.
constexpr const char* kExitingScript = R"PY(
import os, socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("198.18.0.1", 0))
for i in range(3):
    s.sendto(b"bye %d" % i, ("198.18.0.2", 9))
print("ready pid=%d port=%d" % (os.getpid(), s.getsockname()[1]), flush=True)
)PY";

std::map<std::string, long> fieldsOf(const std::string& line)
{
    std::map<std::string, long> fields;
    std::istringstream words(line);
    for (std::string word; words >> word;) {
        const auto equals = word.find('=');
        if (equals != std::string::npos) fields[word.substr(0, equals)] = std::stol(word.substr(equals + 1));
    }
    return fields;
}

FlowEndpoint endpoint(const char* address, long port)
{
    FlowEndpoint out;
    const bool v6 = std::string(address).find(':') != std::string::npos;
    EXPECT_EQ(inet_pton(v6 ? AF_INET6 : AF_INET, address, out.address.data()), 1);
    out.port = static_cast<std::uint16_t>(port);
    return out;
}

// The flow of every IPv4 UDP datagram A sent, from the captured Ethernet frames.
std::set<std::pair<std::uint16_t, std::uint16_t>> sentUdpPorts(const std::vector<CapturedFrame>& frames)
{
    std::set<std::pair<std::uint16_t, std::uint16_t>> ports;
    for (const CapturedFrame& frame : frames) {
        const auto& b = frame.bytes;
        if (frame.direction != Direction::Outgoing || b.size() < 42 || b[12] != 0x08 || b[13] != 0x00) continue;
        const std::size_t udp = 14 + static_cast<std::size_t>(b[14] & 0x0f) * 4;
        if (b[23] != 17 || b.size() < udp + 8) continue;
        ports.insert({static_cast<std::uint16_t>(b[udp] << 8 | b[udp + 1]),
                      static_cast<std::uint16_t>(b[udp + 2] << 8 | b[udp + 3])});
    }
    return ports;
}

std::vector<FlowKey> udpKeysFromCapture(const std::vector<CapturedFrame>& frames)
{
    std::vector<FlowKey> keys;
    for (const auto& [source, destination] : sentUdpPorts(frames)) {
        keys.push_back(flowKeyForPacket(FlowTransport::Udp, FlowFamily::Ipv4, endpoint("198.18.0.1", source),
                                        endpoint("198.18.0.2", destination), Direction::Outgoing));
    }
    return keys;
}

FlowOwner waitForAnswer(const ProcessMap& map, const FlowKey& key)
{
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    FlowOwner owner = map.lookup(key);
    while (owner.status == Status::Pending && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
        owner = map.lookup(key);
    }
    return owner;
}

// The `ss -tunapH` lines of one transport whose local port is port.
std::vector<std::string> ssLines(const std::string& table, const std::string& transport, long port)
{
    std::vector<std::string> lines;
    std::string suffix(1, ':');  // built by appending: GCC 12 misreports ":" + string (-Wrestrict)
    suffix += std::to_string(port);
    std::istringstream input(table);
    for (std::string line; std::getline(input, line);) {
        std::istringstream columns(line);
        std::string netid, state, receiveQueue, sendQueue, local;
        columns >> netid >> state >> receiveQueue >> sendQueue >> local;
        if (netid == transport && local.size() > suffix.size() &&
            local.compare(local.size() - suffix.size(), suffix.size(), suffix) == 0)
            lines.push_back(line);
    }
    return lines;
}

class ProcessMapNetnsTest : public LiveFixture {
protected:
    void SetUp() override
    {
        LiveFixture::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        RCVMON_REQUIRE(runCommand("command -v python3") == 0, "python3 on PATH (it runs the known program)");
    }

    static ProcessMap::Options fastOptions()
    {
        ProcessMap::Options options;
        options.pollInterval = 5ms;
        options.minRefreshInterval = 20ms;
        return options;
    }
    // The worker thread starts in A and stays there: /proc/thread-self/net is A's tables.
    std::unique_ptr<ProcessMap> mapInA()
    {
        ScopedNetns inA(m_pair.a());
        if (!inA.ok()) return nullptr;
        return ProcessMap::createForThisPlatform(fastOptions());
    }
    std::vector<std::string> pythonInA(const char* script) const
    {
        return {"ip", "netns", "exec", m_pair.a(), "python3", "-c", script};
    }
};

TEST_F(ProcessMapNetnsTest, FlowsOfAKnownProgramCarryItsNameAndPid)
{
    std::string error;
    auto source = openInA(optionsFor(CaptureMode::IpLevel), error);
    ASSERT_TRUE(source) << error;
    CaptureRunner capture(*source, 100);

    ScriptChild program(pythonInA(kOwnerScript));
    const std::string ready = program.waitForLine("ready ");
    ASSERT_FALSE(ready.empty()) << program.output();
    auto ports = fieldsOf(ready);
    const bool ipv6 = ports["dual"] != 0;
    if (!ipv6) std::cout << "IPv6 part skipped: " << program.output();
    const auto pid = static_cast<std::uint32_t>(ports["pid"]);
    const auto child = static_cast<std::uint32_t>(ports["child"]);
    ASSERT_GT(pid, 0u);
    ASSERT_GT(child, 0u);

    // Every datagram on the wire: shared, 5 x wild, connected (and dual).
    const std::size_t flows = ipv6 ? 4 : 3;
    ASSERT_TRUE(capture.waitFor([&](const auto& frames) { return sentUdpPorts(frames).size() >= flows; }))
        << "captured " << capture.frames().size() << " frames";
    const std::vector<FlowKey> udpKeys = udpKeysFromCapture(capture.frames());
    ASSERT_EQ(udpKeys.size(), flows);

    // The outside witness: ss in A names our program (and its child for the shared socket).
    std::string ss;
    ASSERT_EQ(runCommand("ip netns exec " + m_pair.a() + " ss -tunapH", &ss), 0) << ss;
    const std::string ownerPid = "pid=" + std::to_string(pid) + ",";
    for (const char* name : {"shared", "wild", "connected", "dual"}) {
        if (ports[name] == 0) continue;
        const auto lines = ssLines(ss, "udp", ports[name]);
        ASSERT_FALSE(lines.empty()) << name << " port " << ports[name] << " not in:\n" << ss;
        for (const auto& line : lines) EXPECT_NE(line.find(ownerPid), std::string::npos) << line;
    }
    const auto sharedLines = ssLines(ss, "udp", ports["shared"]);
    ASSERT_EQ(sharedLines.size(), 1u);
    EXPECT_NE(sharedLines[0].find("pid=" + std::to_string(child) + ","), std::string::npos) << sharedLines[0];

    std::vector<FlowKey> tcpKeys = {
        {FlowTransport::Tcp, FlowFamily::Ipv4, endpoint("127.0.0.1", ports["client"]), endpoint("127.0.0.1", ports["listen"])},
        {FlowTransport::Tcp, FlowFamily::Ipv4, endpoint("127.0.0.1", ports["listen"]), endpoint("127.0.0.1", ports["client"])},
    };
    if (ipv6) {
        tcpKeys.push_back({FlowTransport::Tcp, FlowFamily::Ipv6, endpoint("::1", ports["client6"]), endpoint("::1", ports["listen6"])});
        tcpKeys.push_back({FlowTransport::Tcp, FlowFamily::Ipv6, endpoint("::1", ports["listen6"]), endpoint("::1", ports["client6"])});
    }

    auto map = mapInA();
    ASSERT_TRUE(map);
    for (const FlowKey& key : udpKeys) ASSERT_TRUE(map->submit(key));
    for (const FlowKey& key : tcpKeys) ASSERT_TRUE(map->submit(key));

    const std::uint32_t lowest = std::min(pid, child);
    for (const FlowKey& key : udpKeys) {
        const FlowOwner owner = waitForAnswer(*map, key);
        std::cout << toString(key) << "  " << describeOwner(owner) << " holders=" << owner.process.holders << "\n";
        ASSERT_EQ(owner.status, Status::Known) << toString(key);
        if (key.local.port == ports["shared"]) {
            // Held by parent and child: the lowest PID, deterministically.
            EXPECT_EQ(owner.process.pid, lowest);
            EXPECT_EQ(owner.process.name, lowest == pid ? "rcvmon-owner" : "rcvmon-child");
            EXPECT_EQ(owner.process.holders, 2u);
        } else {
            EXPECT_EQ(owner.process, (ProcessInfo{pid, "rcvmon-owner", 1})) << toString(key);
        }
    }
    for (const FlowKey& key : tcpKeys) {
        const FlowOwner owner = waitForAnswer(*map, key);
        std::cout << toString(key) << "  " << describeOwner(owner) << "\n";
        EXPECT_EQ(owner.process, (ProcessInfo{pid, "rcvmon-owner", 1})) << toString(key);
        EXPECT_EQ(owner.status, Status::Known) << toString(key);
    }
    EXPECT_EQ(map->stats().dropped, 0u);
    EXPECT_EQ(map->stats().failedRefreshes, 0u);

    // The same connections asked from this (the host's) namespace: not there, so unknown.
    auto hostMap = ProcessMap::createForThisPlatform(fastOptions());
    for (const FlowKey& key : tcpKeys) hostMap->submit(key);
    for (const FlowKey& key : tcpKeys) EXPECT_EQ(waitForAnswer(*hostMap, key).status, Status::Unknown) << toString(key);
}

TEST_F(ProcessMapNetnsTest, AnExitedProgramAndFlowsNobodyOwnsAreUnknown)
{
    std::string error;
    auto source = openInA(optionsFor(CaptureMode::IpLevel), error);
    ASSERT_TRUE(source) << error;
    CaptureRunner capture(*source, 100);

    long port = 0;
    {
        ScriptChild program(pythonInA(kExitingScript));
        const std::string ready = program.waitForLine("ready ");
        ASSERT_FALSE(ready.empty()) << program.output();
        port = fieldsOf(ready)["port"];
        const int status = program.wait();
        ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status << program.output();
    }
    ASSERT_TRUE(capture.waitFor([&](const auto& frames) { return !sentUdpPorts(frames).empty(); }));
    const std::vector<FlowKey> exited = udpKeysFromCapture(capture.frames());
    ASSERT_EQ(exited.size(), 1u);
    EXPECT_EQ(exited[0].local.port, port);

    // A socket of this test process in A, so the map is seen to answer Known where it should.
    int ours = -1;
    {
        ScopedNetns inA(m_pair.a());
        ASSERT_TRUE(inA.ok());
        ours = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    }
    ASSERT_GE(ours, 0);
    sockaddr_in bound{};
    bound.sin_family = AF_INET;
    ASSERT_EQ(inet_pton(AF_INET, "198.18.0.1", &bound.sin_addr), 1);
    ASSERT_EQ(bind(ours, reinterpret_cast<sockaddr*>(&bound), sizeof bound), 0);
    socklen_t length = sizeof bound;
    ASSERT_EQ(getsockname(ours, reinterpret_cast<sockaddr*>(&bound), &length), 0);
    char ourName[17] = {};
    prctl(PR_GET_NAME, ourName);  // the main thread's name is the process's comm

    const FlowKey live{FlowTransport::Udp, FlowFamily::Ipv4, endpoint("198.18.0.1", ntohs(bound.sin_port)),
                       endpoint("198.18.0.2", 9)};
    const FlowKey nobodyTcp{FlowTransport::Tcp, FlowFamily::Ipv4, endpoint("198.18.0.1", 9), endpoint("198.18.0.2", 40000)};
    const FlowKey nobodyUdp{FlowTransport::Udp, FlowFamily::Ipv4, endpoint("198.18.0.1", port), endpoint("198.18.0.2", 53)};

    auto map = mapInA();
    ASSERT_TRUE(map);
    for (const FlowKey& key : {exited[0], live, nobodyTcp, nobodyUdp}) ASSERT_TRUE(map->submit(key));
    const FlowOwner liveOwner = waitForAnswer(*map, live);
    close(ours);
    EXPECT_EQ(liveOwner.status, Status::Known);
    EXPECT_EQ(liveOwner.process, (ProcessInfo{static_cast<std::uint32_t>(getpid()), ourName, 1}));
    for (const FlowKey& key : {exited[0], nobodyTcp, nobodyUdp}) {
        const FlowOwner owner = waitForAnswer(*map, key);
        EXPECT_EQ(owner.status, Status::Unknown) << toString(key) << " says " << describeOwner(owner);
        EXPECT_EQ(describeOwner(owner), "unknown");
    }
}

}  // namespace
}  // namespace rcvmon::test
