// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/bytes.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace rcvmon::test {

using Mac = std::array<std::uint8_t, 6>;

inline constexpr Mac ForeignMac = {0x02, 0x00, 0x00, 0x00, 0x00, 0x99};
inline constexpr Mac BroadcastMac = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
inline constexpr Mac MulticastMac = {0x01, 0x00, 0x5e, 0x7f, 0x00, 0x01};  // 239.255.0.1

// What a test frame is, written into its payload with a sequence number ("RCVM" kind seq),
// at the place its headers put the payload, so an ICMP error quoting it does not count.
enum class Kind : std::uint8_t {
    ForeignUnicast = 1,
    HostUnicast,
    Broadcast,
    Multicast,
    Arp,
    Ipv6,
    VlanIpv4,
    VlanArp,
    Port5001,
    Port5002,
    Outgoing,
    Sentinel,
    Bulk,
};

struct Marker {
    Kind kind;
    std::uint32_t sequence;
};

std::optional<Marker> findMarker(ByteSpan frame);

Mac parseMac(const std::string& text);

// Hand-built frames from B (198.18.0.2) to whatever dst says.
std::vector<std::uint8_t> udpFrame(const Mac& dst, const Mac& src, const std::string& dstIp, std::uint16_t dstPort,
                                   Marker marker, int vlanId = -1);
std::vector<std::uint8_t> ipv6UdpFrame(const Mac& dst, const Mac& src, Marker marker);
std::vector<std::uint8_t> arpRequestFrame(const Mac& src, Marker marker, int vlanId = -1);

// A packet socket on one interface, opened in the calling thread's namespace, send only.
class FrameSender {
public:
    explicit FrameSender(const std::string& device);
    ~FrameSender();
    FrameSender(const FrameSender&) = delete;
    FrameSender& operator=(const FrameSender&) = delete;

    bool ok() const { return m_socket >= 0; }
    bool send(const std::vector<std::uint8_t>& frame);

private:
    int m_socket = -1;
};

// Sends `count` copies of make(i), at most one every `gap`, giving up after 10 s.
// Returns how many the kernel accepted.
template <typename Make>
int sendPaced(FrameSender& sender, int count, std::chrono::microseconds gap, Make make)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    int sent = 0;
    for (int i = 0; i < count && std::chrono::steady_clock::now() < deadline; ++i) {
        if (sender.send(make(i))) ++sent;
        if (gap.count() > 0) std::this_thread::sleep_for(gap);
    }
    return sent;
}

}  // namespace rcvmon::test
