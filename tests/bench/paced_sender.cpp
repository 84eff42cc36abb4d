// SPDX-License-Identifier: GPL-2.0-or-later
// Paced UDP frame sender for the remote-capture benchmark (issue 13, remote_bench.sh): sends
// Ethernet/IPv4/UDP frames of FRAME_SIZE bytes to DST_MAC / DST_IP port 5001 out of DEVICE
// through a packet socket, RATE frames per second in batches of 32 on a steady schedule, for
// SECONDS. Hard limits: RATE <= 1,000,000, SECONDS <= 15; run it only on a veth inside a namespace.
// Usage: paced_sender DEVICE DST_MAC DST_IP FRAME_SIZE RATE SECONDS
// Prints: "sent N frames in S s (R frames/s, E send errors)" on stdout.
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <unistd.h>

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

constexpr unsigned long kMaxRate = 1'000'000;
constexpr unsigned long kMaxSeconds = 15;
constexpr unsigned kBatch = 32;

void put16(std::uint8_t* p, unsigned v) { p[0] = std::uint8_t(v >> 8); p[1] = std::uint8_t(v); }

unsigned ipChecksum(const std::uint8_t* p, std::size_t len)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < len; i += 2) sum += (p[i] << 8) | p[i + 1];
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return ~sum & 0xffff;
}

bool parseUnsigned(const char* text, unsigned long& out)
{
    char* end = nullptr;
    errno = 0;
    out = std::strtoul(text, &end, 10);
    return errno == 0 && end != text && *end == '\0' && text[0] != '-';
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 7) {
        std::fprintf(stderr, "usage: paced_sender DEVICE DST_MAC DST_IP FRAME_SIZE RATE SECONDS\n");
        return 2;
    }
    unsigned long size = 0, rate = 0, seconds = 0;
    std::array<unsigned, 6> mac{};
    in_addr dstIp{};
    if (std::sscanf(argv[2], "%x:%x:%x:%x:%x:%x", &mac[0], &mac[1], &mac[2], &mac[3], &mac[4], &mac[5]) != 6 ||
        inet_pton(AF_INET, argv[3], &dstIp) != 1 || !parseUnsigned(argv[4], size) || size < 60 || size > 1514 ||
        !parseUnsigned(argv[5], rate) || rate == 0 || rate > kMaxRate || !parseUnsigned(argv[6], seconds) ||
        seconds == 0 || seconds > kMaxSeconds) {
        std::fprintf(stderr, "paced_sender: bad arguments (FRAME_SIZE 60..1514, RATE 1..%lu, SECONDS 1..%lu)\n", kMaxRate,
                     kMaxSeconds);
        return 2;
    }
    const unsigned ifindex = if_nametoindex(argv[1]);
    const int fd = ifindex ? socket(AF_PACKET, SOCK_RAW, 0) : -1;
    if (fd < 0) {
        std::fprintf(stderr, "paced_sender: %s: %s\n", argv[1], std::strerror(errno));
        return 1;
    }
    std::vector<std::uint8_t> f(size, 0);
    for (int i = 0; i < 6; ++i) f[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(mac[static_cast<std::size_t>(i)]);
    const std::uint8_t src[6] = {0x02, 0, 0, 0, 0x13, 0x01};
    std::memcpy(&f[6], src, 6);
    put16(&f[12], 0x0800);
    std::uint8_t* ip = &f[14];
    ip[0] = 0x45;
    put16(ip + 2, unsigned(size - 14));
    ip[8] = 64;
    ip[9] = 17;
    const std::uint8_t srcIp[4] = {198, 18, 9, 9};
    std::memcpy(ip + 12, srcIp, 4);
    std::memcpy(ip + 16, &dstIp, 4);
    put16(ip + 10, ipChecksum(ip, 20));
    std::uint8_t* udp = ip + 20;
    put16(udp, 40000);
    put16(udp + 2, 5001);
    put16(udp + 4, unsigned(size - 34));

    sockaddr_ll to{};
    to.sll_family = AF_PACKET;
    to.sll_protocol = htons(ETH_P_IP);
    to.sll_ifindex = int(ifindex);
    iovec iov{f.data(), f.size()};
    std::array<mmsghdr, kBatch> msgs{};
    for (mmsghdr& m : msgs) {
        m.msg_hdr.msg_name = &to;
        m.msg_hdr.msg_namelen = sizeof to;
        m.msg_hdr.msg_iov = &iov;
        m.msg_hdr.msg_iovlen = 1;
    }
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const unsigned long total = rate * seconds;
    unsigned long sent = 0, errors = 0;
    while (sent < total) {
        // Batch k goes out at start + k * batch / rate: a steady rate, not a burst per second.
        const auto due = start + std::chrono::nanoseconds(static_cast<long long>(1e9 * double(sent) / double(rate)));
        std::this_thread::sleep_until(due);
        const unsigned n = static_cast<unsigned>(std::min<unsigned long>(kBatch, total - sent));
        const int done = sendmmsg(fd, msgs.data(), n, 0);
        if (done < 0) {
            ++errors;
            if (Clock::now() - start > std::chrono::seconds(seconds + 5)) break;
            continue;
        }
        sent += static_cast<unsigned long>(done);
        if (Clock::now() - start > std::chrono::seconds(seconds + 5)) break;  // bounded in time whatever happens
    }
    const double took = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("sent %lu frames in %.2f s (%.0f frames/s, %lu send errors)\n", sent, took, double(sent) / took, errors);
    close(fd);
    return 0;
}
