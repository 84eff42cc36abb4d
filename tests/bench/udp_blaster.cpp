// SPDX-License-Identifier: GPL-2.0-or-later
// Bounded UDP frame sender for the live-capture benchmark (issue 3, "Performance").
// Sends COUNT identical Ethernet/IPv4/UDP frames of FRAME_SIZE bytes (without FCS) out of DEVICE
// through a packet socket with PACKET_QDISC_BYPASS, in sendmmsg batches, and stops after COUNT
// frames or SECONDS, whichever comes first. Frames go to a foreign unicast MAC, 198.18.0.1 ->
// 198.18.0.2, so the receiving stack drops them and only a promiscuous capture sees them.
// Hard limits: COUNT <= 5,000,000, SECONDS <= 15, run it only on a veth inside a namespace.
// Usage: udp_blaster DEVICE FRAME_SIZE COUNT SECONDS [RATE]   (RATE frames/s, paced; default: as fast as it can)
// Prints: "sent N frames in S s (R frames/s, E send errors)" on stdout.
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr unsigned long kMaxCount = 5'000'000;
constexpr double kMaxSeconds = 15.0;
constexpr std::size_t kMinFrame = 60;    // Ethernet minimum without FCS
constexpr std::size_t kMaxFrame = 1514;  // 1500-byte MTU plus the Ethernet header
constexpr unsigned kBatch = 64;          // frames per sendmmsg call

void put16(std::uint8_t* p, unsigned v) { p[0] = std::uint8_t(v >> 8); p[1] = std::uint8_t(v); }

unsigned ipChecksum(const std::uint8_t* p, std::size_t len)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < len; i += 2)
        sum += (unsigned(p[i]) << 8) | p[i + 1];
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return ~sum & 0xffff;
}

// Ethernet II + IPv4 (20 bytes, no options) + UDP; the UDP checksum is left 0 (allowed in IPv4).
std::vector<std::uint8_t> buildFrame(std::size_t size)
{
    std::vector<std::uint8_t> f(size, 0);
    const std::array<std::uint8_t, 6> dst{0x02, 0x00, 0x00, 0x00, 0x00, 0x99};  // nobody's MAC
    const std::array<std::uint8_t, 6> src{0x02, 0x00, 0x00, 0x00, 0x00, 0x01};
    std::memcpy(f.data(), dst.data(), 6);
    std::memcpy(f.data() + 6, src.data(), 6);
    put16(f.data() + 12, ETH_P_IP);
    std::uint8_t* ip = f.data() + 14;
    const std::size_t ipLen = size - 14;
    ip[0] = 0x45;
    put16(ip + 2, unsigned(ipLen));
    ip[8] = 64;  // TTL
    ip[9] = 17;  // UDP
    const std::array<std::uint8_t, 8> addrs{198, 18, 0, 1, 198, 18, 0, 2};
    std::memcpy(ip + 12, addrs.data(), addrs.size());
    put16(ip + 10, ipChecksum(ip, 20));
    std::uint8_t* udp = ip + 20;
    put16(udp, 40000);
    put16(udp + 2, 9);  // discard
    put16(udp + 4, unsigned(ipLen - 20));
    for (std::size_t i = 14 + 28; i < size; ++i)
        f[i] = std::uint8_t(i);
    return f;
}

bool parseUnsigned(const char* text, unsigned long& out)
{
    char* end = nullptr;
    errno = 0;
    out = std::strtoul(text, &end, 10);
    return errno == 0 && end != text && *end == '\0' && text[0] != '-';
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 5 && argc != 6) {
        std::fprintf(stderr, "usage: udp_blaster DEVICE FRAME_SIZE COUNT SECONDS [RATE]\n");
        return 2;
    }
    const std::string device = argv[1];
    unsigned long frameSize = 0, count = 0, secondsArg = 0;
    if (!parseUnsigned(argv[2], frameSize) || frameSize < kMinFrame || frameSize > kMaxFrame) {
        std::fprintf(stderr, "udp_blaster: FRAME_SIZE must be %zu..%zu\n", kMinFrame, kMaxFrame);
        return 2;
    }
    if (!parseUnsigned(argv[3], count) || count == 0 || count > kMaxCount) {
        std::fprintf(stderr, "udp_blaster: COUNT must be 1..%lu\n", kMaxCount);
        return 2;
    }
    if (!parseUnsigned(argv[4], secondsArg) || secondsArg == 0 || secondsArg > kMaxSeconds) {
        std::fprintf(stderr, "udp_blaster: SECONDS must be 1..%.0f\n", kMaxSeconds);
        return 2;
    }

    unsigned long rate = 0;  // 0: unpaced
    if (argc == 6 && !parseUnsigned(argv[5], rate)) {
        std::fprintf(stderr, "udp_blaster: RATE must be a number of frames per second\n");
        return 2;
    }

    const unsigned ifindex = if_nametoindex(device.c_str());
    if (ifindex == 0) {
        std::fprintf(stderr, "udp_blaster: no interface %s: %s\n", device.c_str(), std::strerror(errno));
        return 1;
    }
    // Protocol 0: this socket only sends, so the kernel never queues received frames to it.
    const int fd = socket(AF_PACKET, SOCK_RAW, 0);
    if (fd < 0) {
        std::fprintf(stderr, "udp_blaster: packet socket: %s\n", std::strerror(errno));
        return 1;
    }
    // Skip the qdisc: one sender then reaches the rate the figures were measured at.
    const int one = 1;
    if (setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof one) != 0)
        std::fprintf(stderr, "udp_blaster: PACKET_QDISC_BYPASS: %s (sending through the qdisc)\n",
                     std::strerror(errno));

    sockaddr_ll to{};
    to.sll_family = AF_PACKET;
    to.sll_protocol = htons(ETH_P_IP);
    to.sll_ifindex = int(ifindex);
    to.sll_halen = 6;
    const std::array<std::uint8_t, 6> dst{0x02, 0x00, 0x00, 0x00, 0x00, 0x99};
    std::memcpy(to.sll_addr, dst.data(), dst.size());

    std::vector<std::uint8_t> frame = buildFrame(frameSize);
    iovec iov{frame.data(), frame.size()};
    std::array<mmsghdr, kBatch> msgs{};
    for (mmsghdr& m : msgs) {
        m.msg_hdr.msg_name = &to;
        m.msg_hdr.msg_namelen = sizeof to;
        m.msg_hdr.msg_iov = &iov;
        m.msg_hdr.msg_iovlen = 1;
    }

    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::seconds(secondsArg);
    unsigned long sent = 0, errors = 0;
    while (sent < count) {
        if (Clock::now() >= deadline)
            break;
        if (rate) {
            // Paced: wait until the clock allows the next batch (the kill benchmark's steady stream).
            const auto due = start + std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double>(double(sent) / double(rate)));
            if (Clock::now() < due) {
                std::this_thread::sleep_until(std::min(due, deadline));
                continue;
            }
        }
        const unsigned want = unsigned(std::min<unsigned long>(rate ? std::clamp<unsigned long>(rate / 10000, 8, kBatch) : kBatch, count - sent));
        const int n = sendmmsg(fd, msgs.data(), want, 0);
        if (n > 0) {
            sent += unsigned(n);
            continue;
        }
        if (errno == EINTR)
            continue;
        // ENOBUFS and friends: the device queue is full for a moment; count it and go on.
        // The deadline bounds the loop even if every call fails.
        if (++errors == 1)
            std::fprintf(stderr, "udp_blaster: sendmmsg: %s\n", std::strerror(errno));
        if (errno != ENOBUFS && errno != EAGAIN) {
            close(fd);
            return 1;
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    close(fd);
    std::printf("sent %lu frames in %.3f s (%.0f frames/s, %lu send errors)\n", sent, seconds,
                seconds > 0 ? double(sent) / seconds : 0.0, errors);
    return 0;
}
