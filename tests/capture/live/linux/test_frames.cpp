// SPDX-License-Identifier: GPL-2.0-or-later
#include "test_frames.h"

#include <cstring>

#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_packet.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rcvmon::test {
namespace {

constexpr Mac BMacPlaceholder = {0, 0, 0, 0, 0, 0};

void put16(std::vector<std::uint8_t>& out, std::uint16_t value)
{
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value));
}

void putBytes(std::vector<std::uint8_t>& out, const std::uint8_t* bytes, std::size_t size)
{
    const std::size_t at = out.size();
    out.resize(at + size);
    std::memcpy(out.data() + at, bytes, size);
}

void putMarker(std::vector<std::uint8_t>& out, Marker marker)
{
    putBytes(out, reinterpret_cast<const std::uint8_t*>("RCVM"), 4);
    out.push_back(static_cast<std::uint8_t>(marker.kind));
    put16(out, static_cast<std::uint16_t>(marker.sequence >> 16));
    put16(out, static_cast<std::uint16_t>(marker.sequence));
    out.resize(out.size() + 23, 0);  // 32 bytes of payload
}

void putEthernet(std::vector<std::uint8_t>& out, const Mac& dst, const Mac& src, std::uint16_t type, int vlanId)
{
    putBytes(out, dst.data(), dst.size());
    putBytes(out, src.data(), src.size());
    if (vlanId >= 0) {
        put16(out, 0x8100);
        put16(out, static_cast<std::uint16_t>(vlanId));
    }
    put16(out, type);
}

std::uint16_t at16(ByteSpan bytes, std::size_t offset)
{
    return static_cast<std::uint16_t>(bytes[offset] << 8 | bytes[offset + 1]);
}

}  // namespace

std::optional<Marker> findMarker(ByteSpan frame)
{
    if (frame.size() < 14) return std::nullopt;
    std::size_t l2 = 14;
    std::uint16_t type = at16(frame, 12);
    if (type == 0x8100) {
        if (frame.size() < 18) return std::nullopt;
        type = at16(frame, 16);
        l2 = 18;
    }
    std::size_t offset = 0;
    if (type == 0x0800 && frame.size() >= l2 + 20 && frame[l2 + 9] == 17)
        offset = l2 + (frame[l2] & 0x0f) * 4 + 8;
    else if (type == 0x86dd && frame.size() >= l2 + 40 && frame[l2 + 6] == 17)
        offset = l2 + 48;
    else if (type == 0x0806)
        offset = l2 + 28;
    else
        return std::nullopt;
    if (frame.size() < offset + 9 || std::memcmp(frame.data() + offset, "RCVM", 4) != 0) return std::nullopt;
    const std::uint32_t sequence = static_cast<std::uint32_t>(at16(frame, offset + 5)) << 16 | at16(frame, offset + 7);
    return Marker{static_cast<Kind>(frame[offset + 4]), sequence};
}

Mac parseMac(const std::string& text)
{
    Mac mac{};
    unsigned int parts[6] = {};
    if (std::sscanf(text.c_str(), "%x:%x:%x:%x:%x:%x", &parts[0], &parts[1], &parts[2], &parts[3], &parts[4],
                    &parts[5]) == 6)
        for (int i = 0; i < 6; ++i) mac[i] = static_cast<std::uint8_t>(parts[i]);
    return mac;
}

std::vector<std::uint8_t> udpFrame(const Mac& dst, const Mac& src, const std::string& dstIp, std::uint16_t dstPort,
                                   Marker marker, int vlanId)
{
    std::vector<std::uint8_t> out;
    putEthernet(out, dst, src, 0x0800, vlanId);
    const std::size_t ip = out.size();
    const std::uint16_t udpLength = 8 + 32;
    in_addr source{}, destination{};
    inet_pton(AF_INET, "198.18.0.2", &source);
    inet_pton(AF_INET, dstIp.c_str(), &destination);
    const std::uint8_t header[12] = {0x45, 0, static_cast<std::uint8_t>((20 + udpLength) >> 8),
                                     static_cast<std::uint8_t>(20 + udpLength), 0x12, 0x34, 0x40, 0, 64, 17, 0, 0};
    putBytes(out, header, sizeof header);
    putBytes(out, reinterpret_cast<const std::uint8_t*>(&source), 4);
    putBytes(out, reinterpret_cast<const std::uint8_t*>(&destination), 4);
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < 20; i += 2) sum += static_cast<std::uint32_t>(out[ip + i] << 8 | out[ip + i + 1]);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    out[ip + 10] = static_cast<std::uint8_t>(~sum >> 8);
    out[ip + 11] = static_cast<std::uint8_t>(~sum);
    put16(out, 40000);
    put16(out, dstPort);
    put16(out, udpLength);
    put16(out, 0);  // no UDP checksum (allowed for IPv4)
    putMarker(out, marker);
    return out;
}

std::vector<std::uint8_t> ipv6UdpFrame(const Mac& dst, const Mac& src, Marker marker)
{
    std::vector<std::uint8_t> out;
    putEthernet(out, dst, src, 0x86dd, -1);
    const std::uint16_t udpLength = 8 + 32;
    const std::uint8_t header[8] = {0x60, 0, 0, 0, static_cast<std::uint8_t>(udpLength >> 8),
                                    static_cast<std::uint8_t>(udpLength), 17, 64};
    putBytes(out, header, sizeof header);
    in6_addr source{}, destination{};
    inet_pton(AF_INET6, "fe80::2", &source);
    inet_pton(AF_INET6, "fe80::1", &destination);
    putBytes(out, source.s6_addr, 16);
    putBytes(out, destination.s6_addr, 16);
    put16(out, 40000);
    put16(out, 9);
    put16(out, udpLength);
    put16(out, 0);  // left for the receiver to reject; only the capture matters
    putMarker(out, marker);
    return out;
}

std::vector<std::uint8_t> arpRequestFrame(const Mac& src, Marker marker, int vlanId)
{
    std::vector<std::uint8_t> out;
    putEthernet(out, BroadcastMac, src, 0x0806, vlanId);
    const std::uint8_t fixed[8] = {0, 1, 8, 0, 6, 4, 0, 1};
    putBytes(out, fixed, sizeof fixed);
    putBytes(out, src.data(), 6);
    const std::uint8_t senderIp[4] = {198, 18, 0, 2};
    putBytes(out, senderIp, 4);
    putBytes(out, BMacPlaceholder.data(), 6);
    const std::uint8_t targetIp[4] = {198, 18, 0, 77};  // nobody: no reply to count
    putBytes(out, targetIp, 4);
    putMarker(out, marker);  // in the padding after the ARP body
    return out;
}

FrameSender::FrameSender(const std::string& device)
{
    m_socket = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);  // protocol 0: receives nothing
    if (m_socket < 0) return;
    sockaddr_ll address{};
    address.sll_family = AF_PACKET;
    address.sll_ifindex = static_cast<int>(if_nametoindex(device.c_str()));
    if (address.sll_ifindex == 0 || bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(m_socket);
        m_socket = -1;
    }
}

FrameSender::~FrameSender()
{
    if (m_socket >= 0) close(m_socket);
}

bool FrameSender::send(const std::vector<std::uint8_t>& frame)
{
    return ::send(m_socket, frame.data(), frame.size(), 0) == static_cast<ssize_t>(frame.size());
}

}  // namespace rcvmon::test
