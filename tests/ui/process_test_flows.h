// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Frames and a fake owner resolver for the Process column tests: a few TCP/UDP flows over
// IPv4 and IPv6 in both directions, a flow nobody owns, another host's traffic and ICMP, each
// with the Process text it must show and the process it counts under.

#include "fake_capture_source.h"
#include "live/flow_owner.h"
#include "live/process_map.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

namespace rcvmon::test {

struct TestFlow {
    FakeCaptureSource::Shared::Frame frame;
    QString source, destination;  // as the Source and Destination columns show them
    QString process;              // the Process column once answered ("" for none)
};

// Ethernet + IPv4/IPv6 + the first bytes of TCP (20), UDP or ICMP (8), 4 bytes of payload.
// Built byte by byte: GCC 12 misreads vector inserts of initializer lists (-Warray-bounds).
inline std::vector<std::uint8_t> ipFrame(bool ipv6, std::uint8_t protocol, std::uint8_t sourceHost,
                                         std::uint8_t destinationHost, std::uint16_t sourcePort,
                                         std::uint16_t destinationPort)
{
    const std::size_t payload = (protocol == 6 ? 20 : 8) + 4;
    std::vector<std::uint8_t> f;
    const auto put = [&f](std::initializer_list<unsigned> bytes) {
        for (unsigned byte : bytes) f.push_back(static_cast<std::uint8_t>(byte));
    };
    const auto address = [&](std::uint8_t host) {
        if (ipv6) put({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, host});
        else put({198, 18, 0, host});
    };
    put({0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2});
    if (ipv6) {
        put({0x86, 0xdd, 0x60, 0, 0, 0, unsigned(payload >> 8), unsigned(payload & 0xff), protocol, 64});
    } else {
        const std::size_t total = 20 + payload;
        put({0x08, 0x00, 0x45, 0, unsigned(total >> 8), unsigned(total & 0xff), 0, 0, 0x40, 0, 64, protocol, 0, 0});
    }
    address(sourceHost);
    address(destinationHost);
    const std::size_t start = f.size();
    f.resize(start + payload, 0);
    if (protocol == 1) {
        f[start] = 8;  // echo request
        return f;
    }
    f[start] = static_cast<std::uint8_t>(sourcePort >> 8);
    f[start + 1] = static_cast<std::uint8_t>(sourcePort);
    f[start + 2] = static_cast<std::uint8_t>(destinationPort >> 8);
    f[start + 3] = static_cast<std::uint8_t>(destinationPort);
    if (protocol == 6) {
        f[start + 12] = 0x50;  // data offset 5
        f[start + 13] = 0x18;  // PSH ACK
        f[start + 15] = 0xff;  // window
    } else {
        f[start + 5] = static_cast<std::uint8_t>(payload);
    }
    return f;
}

// Local ports the fake resolver knows: (transport, port) → process.
inline const std::map<std::pair<FlowTransport, std::uint16_t>, ProcessInfo>& fakeOwners()
{
    static const std::map<std::pair<FlowTransport, std::uint16_t>, ProcessInfo> owners = {
        {{FlowTransport::Udp, 40000}, {4242, "fakedns", 1}},
        {{FlowTransport::Tcp, 50000}, {777, "fakeweb", 1}},
    };
    return owners;
}

inline std::vector<TestFlow> testFlows()
{
    std::vector<TestFlow> flows;
    const auto add = [&flows](std::vector<std::uint8_t> bytes, Direction direction, const char* source,
                              const char* destination, const char* process) {
        TestFlow flow;
        flow.frame.bytes = std::move(bytes);
        flow.frame.direction = direction;
        flow.source = QString::fromLatin1(source);
        flow.destination = QString::fromLatin1(destination);
        flow.process = QString::fromLatin1(process);
        flows.push_back(std::move(flow));
    };
    // This host's DNS query and its answer: both the local socket 198.18.0.1:40000.
    add(ipFrame(false, 17, 1, 2, 40000, 53), Direction::Outgoing, "198.18.0.1", "198.18.0.2", "fakedns (4242)");
    add(ipFrame(false, 17, 2, 1, 53, 40000), Direction::Incoming, "198.18.0.2", "198.18.0.1", "fakedns (4242)");
    add(ipFrame(false, 6, 1, 3, 50000, 443), Direction::Outgoing, "198.18.0.1", "198.18.0.3", "fakeweb (777)");
    // Nobody owns local port 50001.
    add(ipFrame(true, 6, 3, 1, 443, 50001), Direction::Incoming, "2001:db8::3", "2001:db8::1", "unknown");
    // Two other hosts (promiscuous mode): no local end.
    add(ipFrame(false, 17, 5, 6, 40000, 53), Direction::OtherHost, "198.18.0.5", "198.18.0.6", "");
    // ICMP has no ports.
    add(ipFrame(false, 1, 7, 1, 0, 0), Direction::Incoming, "198.18.0.7", "198.18.0.1", "");
    return flows;
}

// What the test sees of and does to the fake resolver.
struct FakeOwnerState {
    std::atomic<std::uint64_t> keysAsked{0};
    std::atomic<bool> answering{true};  // false: resolve() holds its answers back (up to 10 s)
};

// Answers from fakeOwners(); counts the keys it was asked about.
class FakeOwnerResolver final : public FlowOwnerResolver {
public:
    explicit FakeOwnerResolver(std::shared_ptr<FakeOwnerState> state) : m_state(std::move(state)) {}
    bool resolve(std::span<const FlowKey> keys, std::vector<FlowOwner>& owners, std::string&) override
    {
        for (int i = 0; i < 1000 && !m_state->answering; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        owners.clear();
        for (const FlowKey& key : keys) {
            const auto found = fakeOwners().find({key.transport, key.local.port});
            owners.push_back(found == fakeOwners().end() ? FlowOwner{FlowOwner::Status::Unknown, {}}
                                                         : FlowOwner{FlowOwner::Status::Known, found->second});
        }
        m_state->keysAsked += keys.size();
        return true;
    }

private:
    std::shared_ptr<FakeOwnerState> m_state;
};

// A ProcessMap over FakeOwnerResolver that answers within a few tens of milliseconds.
inline std::unique_ptr<ProcessMap> makeFakeProcessMap(std::shared_ptr<FakeOwnerState> state)
{
    using namespace std::chrono_literals;
    ProcessMap::Options options;
    options.pollInterval = 5ms;
    options.minRefreshInterval = 20ms;
    return std::make_unique<ProcessMap>(std::make_unique<FakeOwnerResolver>(std::move(state)), options);
}

}  // namespace rcvmon::test
