// SPDX-License-Identifier: GPL-2.0-or-later
// Flow owners on Windows: the pure row conversions, image names, then the real owner-PID tables
// with a socket of our own. Under wine the tables may lack owners: then every answer must be
// unknown (or the resolver must say why it cannot tell), never a wrong process.
#include "live/process_map.h"
#include "live/windows/ip_helper_flow_owner_resolver.h"
#include "live/windows/ip_helper_tables.h"
#include "live/windows/process_image_name.h"
#include "live/windows/winsock_session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <iostream>
#include <thread>

namespace rcvmon {
namespace {

using namespace std::chrono_literals;

FlowEndpoint v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d, std::uint16_t port)
{
    const std::uint8_t bytes[4] = {a, b, c, d};
    return makeFlowEndpoint(bytes, 4, port);
}

DWORD addressValue(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
{
    const std::uint8_t bytes[4] = {a, b, c, d};
    DWORD value = 0;
    std::memcpy(&value, bytes, 4);  // how the table stores it: network order in memory
    return value;
}

TEST(IpHelperRows, PortsAreNetworkOrderInTheLowWord)
{
    EXPECT_EQ(portFromTableValue(htons(8080)), 8080);
    EXPECT_EQ(portFromTableValue(htons(1)), 1);
    EXPECT_EQ(portFromTableValue(htons(65535)), 65535);
    // The high word is not part of the port.
    EXPECT_EQ(portFromTableValue(0xabcd0000u | htons(443)), 443);
}

TEST(IpHelperRows, StatesMapOntoAttributionStates)
{
    EXPECT_EQ(socketStateFromMib(MIB_TCP_STATE_LISTEN), SocketState::Listen);
    EXPECT_EQ(socketStateFromMib(MIB_TCP_STATE_SYN_SENT), SocketState::SynSent);
    EXPECT_EQ(socketStateFromMib(MIB_TCP_STATE_SYN_RCVD), SocketState::SynReceived);
    EXPECT_EQ(socketStateFromMib(MIB_TCP_STATE_ESTAB), SocketState::Established);
    for (DWORD closing : {MIB_TCP_STATE_FIN_WAIT1, MIB_TCP_STATE_FIN_WAIT2, MIB_TCP_STATE_CLOSE_WAIT,
                          MIB_TCP_STATE_CLOSING, MIB_TCP_STATE_LAST_ACK})
        EXPECT_EQ(socketStateFromMib(closing), SocketState::Closing) << closing;
    EXPECT_EQ(socketStateFromMib(MIB_TCP_STATE_TIME_WAIT), SocketState::TimeWait);
    EXPECT_EQ(socketStateFromMib(MIB_TCP_STATE_CLOSED), SocketState::Closed);
    EXPECT_EQ(socketStateFromMib(MIB_TCP_STATE_DELETE_TCB), SocketState::Closed);
}

TEST(IpHelperRows, Ipv4AndIpv6RowsBecomeSockets)
{
    MIB_TCPROW_OWNER_PID tcp{};
    tcp.dwState = MIB_TCP_STATE_ESTAB;
    tcp.dwLocalAddr = addressValue(198, 18, 0, 1);
    tcp.dwLocalPort = htons(41970);
    tcp.dwRemoteAddr = addressValue(198, 18, 0, 2);
    tcp.dwRemotePort = htons(22);
    tcp.dwOwningPid = 1234;
    const OwnedSocket fromTcp = socketFromRow(tcp);
    EXPECT_EQ(fromTcp.transport, FlowTransport::Tcp);
    EXPECT_EQ(fromTcp.family, FlowFamily::Ipv4);
    EXPECT_EQ(fromTcp.local, v4(198, 18, 0, 1, 41970));
    EXPECT_EQ(fromTcp.remote, v4(198, 18, 0, 2, 22));
    EXPECT_EQ(fromTcp.state, SocketState::Established);
    EXPECT_EQ(fromTcp.holder, 1234u);

    MIB_TCPROW_OWNER_PID listener{};
    listener.dwState = MIB_TCP_STATE_LISTEN;
    listener.dwLocalPort = htons(445);
    listener.dwRemotePort = htons(20496);  // Windows leaves noise here for listeners
    listener.dwOwningPid = 4;
    EXPECT_EQ(socketFromRow(listener).remote, FlowEndpoint{});

    MIB_TCP6ROW_OWNER_PID tcp6{};
    const std::uint8_t doc[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    std::memcpy(tcp6.ucLocalAddr, doc, 16);
    tcp6.dwLocalPort = htons(443);
    tcp6.ucRemoteAddr[15] = 2;
    tcp6.dwRemotePort = htons(50000);
    tcp6.dwState = MIB_TCP_STATE_TIME_WAIT;
    tcp6.dwOwningPid = 0;
    const OwnedSocket fromTcp6 = socketFromRow(tcp6);
    EXPECT_EQ(fromTcp6.family, FlowFamily::Ipv6);
    EXPECT_EQ(fromTcp6.local, makeFlowEndpoint(doc, 16, 443));
    EXPECT_EQ(fromTcp6.remote.address[15], 2);
    EXPECT_EQ(fromTcp6.remote.port, 50000);
    EXPECT_EQ(fromTcp6.state, SocketState::TimeWait);
    EXPECT_EQ(fromTcp6.holder, 0u);

    MIB_UDPROW_OWNER_PID udp{};
    udp.dwLocalAddr = addressValue(0, 0, 0, 0);
    udp.dwLocalPort = htons(5353);
    udp.dwOwningPid = 900;
    const OwnedSocket fromUdp = socketFromRow(udp);
    EXPECT_EQ(fromUdp.transport, FlowTransport::Udp);
    EXPECT_EQ(fromUdp.local, v4(0, 0, 0, 0, 5353));
    EXPECT_EQ(fromUdp.state, SocketState::Unconnected);
    EXPECT_EQ(fromUdp.holder, 900u);

    MIB_UDP6ROW_OWNER_PID udp6{};
    udp6.dwLocalPort = htons(5353);
    udp6.dwOwningPid = 901;
    const OwnedSocket fromUdp6 = socketFromRow(udp6);
    EXPECT_EQ(fromUdp6.family, FlowFamily::Ipv6);
    EXPECT_EQ(fromUdp6.local.port, 5353);
    EXPECT_EQ(fromUdp6.holder, 901u);

    // Windows' UDP rows have no peer: a flow to any peer matches on the local end.
    const SocketTable table({fromUdp, fromTcp});
    const FlowKey flow{FlowTransport::Udp, FlowFamily::Ipv4, v4(10, 0, 0, 5, 5353), v4(224, 0, 0, 251, 5353)};
    const auto candidates = table.candidatesFor(flow);
    ASSERT_EQ(candidates.size(), 1u);
    EXPECT_EQ(candidates[0]->holder, 900u);
}

TEST(ProcessImageNames, FileNameOfAPath)
{
    EXPECT_EQ(imageFileName(L"C:\\Windows\\System32\\svchost.exe"), "svchost.exe");
    EXPECT_EQ(imageFileName(L"C:/Program Files/App/app.exe"), "app.exe");
    EXPECT_EQ(imageFileName(L"plain.exe"), "plain.exe");
    EXPECT_EQ(imageFileName(L"C:\\Programme\\M\u00fcller.exe"), "M\xc3\xbcller.exe");  // UTF-8
    EXPECT_EQ(imageFileName(L"C:\\dir\\"), "");
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

TEST(ProcessImageNames, OurOwnProcessAndOneThatDoesNotExist)
{
    const ProcessImageName ours = queryProcessImageName(GetCurrentProcessId());
    ASSERT_EQ(ours.result, ProcessImageName::Result::Named);
    EXPECT_EQ(lower(ours.name), "test_ip_helper_flow_owners.exe");
    EXPECT_EQ(queryProcessImageName(4).name, "System");
    // PIDs are multiples of 4 on Windows: this one never exists.
    EXPECT_NE(queryProcessImageName(0xfffffff1u).result, ProcessImageName::Result::Named);
}

// A UDP socket of ours bound to 127.0.0.1, for the real tables.
struct OwnUdpSocket {
    WinsockSession winsock;
    SOCKET handle = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    std::uint16_t port = 0;
    OwnUdpSocket()
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int length = sizeof address;
        if (handle == INVALID_SOCKET || bind(handle, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            getsockname(handle, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return;
        port = ntohs(address.sin_port);
    }
    ~OwnUdpSocket()
    {
        if (handle != INVALID_SOCKET) closesocket(handle);
    }
    FlowKey flow() const
    {
        return {FlowTransport::Udp, FlowFamily::Ipv4, v4(127, 0, 0, 1, port), v4(127, 0, 0, 1, 53)};
    }
};

TEST(IpHelperTables, RealTablesListOurSocketOrSayWhyNot)
{
    OwnUdpSocket own;
    ASSERT_NE(own.port, 0) << "could not bind a UDP socket";
    std::vector<OwnedSocket> sockets;
    std::string error;
    if (!readOwnerPidTables(sockets, error)) {
        std::cout << "owner-PID tables unavailable: " << error << "\n";
        EXPECT_NE(error.find("GetExtended"), std::string::npos) << error;
        return;
    }
    std::cout << sockets.size() << " sockets in the owner-PID tables\n";
    const auto row = std::find_if(sockets.begin(), sockets.end(), [&](const OwnedSocket& socket) {
        return socket.transport == FlowTransport::Udp && socket.local == v4(127, 0, 0, 1, own.port);
    });
    if (row == sockets.end()) {
        std::cout << "our socket 127.0.0.1:" << own.port << " is not listed (wine)\n";
        return;
    }
    std::cout << "our socket 127.0.0.1:" << own.port << " is held by PID " << row->holder << "\n";
    if (row->holder != 0) {
        EXPECT_EQ(row->holder, GetCurrentProcessId());
    }
}

TEST(IpHelperResolver, OurFlowIsOursOrUnknownNeverAnotherProcess)
{
    OwnUdpSocket own;
    ASSERT_NE(own.port, 0);
    const FlowKey nobody{FlowTransport::Udp, FlowFamily::Ipv4, v4(127, 0, 0, 1, 1), v4(127, 0, 0, 1, 53)};
    IpHelperFlowOwnerResolver resolver;
    std::vector<FlowOwner> owners;
    std::string error;
    const std::vector<FlowKey> keys = {own.flow(), nobody};
    const bool ok = resolver.resolve(keys, owners, error);
    ASSERT_EQ(owners.size(), 2u);
    std::cout << "resolve: " << (ok ? "ok" : error) << "; ours: " << describeOwner(owners[0]) << "\n";
    if (!ok) {
        EXPECT_FALSE(error.empty());
        EXPECT_EQ(owners[0].status, FlowOwner::Status::Unknown);
        return;
    }
    if (owners[0].status == FlowOwner::Status::Known) {
        EXPECT_EQ(owners[0].process.pid, GetCurrentProcessId());
        EXPECT_EQ(lower(owners[0].process.name), "test_ip_helper_flow_owners.exe");
    } else {
        EXPECT_EQ(owners[0].status, FlowOwner::Status::Unknown);
    }
    EXPECT_EQ(owners[1].status, FlowOwner::Status::Unknown);
}

TEST(IpHelperResolver, ProcessMapAnswersThroughThePlatformResolver)
{
    OwnUdpSocket own;
    ASSERT_NE(own.port, 0);
    ProcessMap::Options options;
    options.pollInterval = 5ms;
    options.minRefreshInterval = 20ms;
    auto map = ProcessMap::createForThisPlatform(options);
    ASSERT_TRUE(map->submit(own.flow()));
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    FlowOwner owner = map->lookup(own.flow());
    while (owner.status == FlowOwner::Status::Pending && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
        owner = map->lookup(own.flow());
    }
    std::cout << "ProcessMap: " << describeOwner(owner) << "; " << map->stats().lastError << "\n";
    ASSERT_NE(owner.status, FlowOwner::Status::Pending);
    if (owner.status == FlowOwner::Status::Known) {
        EXPECT_EQ(owner.process.pid, GetCurrentProcessId());
    }
}

}  // namespace
}  // namespace rcvmon
