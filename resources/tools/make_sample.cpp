// SPDX-License-Identifier: GPL-2.0-or-later
// Writes the sample capture bundled with rcvmon (resources/sample.pcapng): two minutes of a
// workstation's traffic made up here — DNS, HTTPS, ICMP echo, ARP, IPv6 — on documentation
// addresses (198.18.0.0/15, 2001:db8::/32), through RcvMon's own pcapng writer.
//
//   rcvmon-make-sample OUT.pcapng

#include "core/link_type.h"
#include "file/capture_file_writer.h"

#include <cstdio>
#include <cstdint>
#include <string>
#include <vector>

using namespace rcvmon;

namespace {

using Bytes = std::vector<std::uint8_t>;

const Bytes hostMac = {0x02, 0x00, 0x5e, 0x10, 0x00, 0x0a};
const Bytes routerMac = {0x02, 0x00, 0x5e, 0x10, 0x00, 0x01};
const Bytes peerMac = {0x02, 0x00, 0x5e, 0x10, 0x00, 0x2b};
const Bytes host4 = {198, 18, 0, 10};
const Bytes router4 = {198, 18, 0, 1};
const Bytes dns4 = {198, 18, 5, 53};
const Bytes web4 = {198, 19, 1, 20};
const Bytes peer4 = {198, 18, 0, 43};
const Bytes host6 = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0a};
const Bytes web6 = {0x20, 0x01, 0x0d, 0xb8, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20};

void put16(Bytes& b, std::uint32_t v) { b.push_back(std::uint8_t(v >> 8)); b.push_back(std::uint8_t(v)); }
void put32(Bytes& b, std::uint32_t v) { put16(b, v >> 16); put16(b, v & 0xffff); }
void append(Bytes& b, const Bytes& more)
{
    for (std::uint8_t byte : more) b.push_back(byte);  // (insert() trips a GCC 12 -Warray-bounds false positive)
}

std::uint16_t checksum(const std::uint8_t* data, std::size_t n, std::uint32_t sum = 0)
{
    for (std::size_t i = 0; i + 1 < n; i += 2) sum += std::uint32_t(data[i] << 8 | data[i + 1]);
    if (n & 1) sum += std::uint32_t(data[n - 1] << 8);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return std::uint16_t(~sum);
}

Bytes ethernet(const Bytes& dst, const Bytes& src, std::uint16_t type, const Bytes& payload)
{
    Bytes f = dst;
    append(f, src);
    put16(f, type);
    append(f, payload);
    while (f.size() < 60) f.push_back(0);  // minimum frame, as a NIC pads it
    return f;
}

Bytes ipv4(const Bytes& src, const Bytes& dst, std::uint8_t proto, const Bytes& payload, std::uint16_t id)
{
    Bytes h = {0x45, 0};
    put16(h, std::uint32_t(20 + payload.size()));
    put16(h, id);
    put16(h, 0x4000);  // DF
    h.push_back(64);
    h.push_back(proto);
    put16(h, 0);
    append(h, src);
    append(h, dst);
    const std::uint16_t sum = checksum(h.data(), h.size());
    h[10] = std::uint8_t(sum >> 8);
    h[11] = std::uint8_t(sum);
    append(h, payload);
    return h;
}

Bytes ipv6(const Bytes& src, const Bytes& dst, std::uint8_t next, const Bytes& payload)
{
    Bytes h = {0x60, 0, 0, 0};
    put16(h, std::uint32_t(payload.size()));
    h.push_back(next);
    h.push_back(64);
    append(h, src);
    append(h, dst);
    append(h, payload);
    return h;
}

Bytes udp(std::uint16_t sport, std::uint16_t dport, const Bytes& payload)
{
    Bytes u;
    put16(u, sport);
    put16(u, dport);
    put16(u, std::uint32_t(8 + payload.size()));
    put16(u, 0);  // no checksum (allowed for IPv4)
    append(u, payload);
    return u;
}

Bytes tcp(std::uint16_t sport, std::uint16_t dport, std::uint32_t seq, std::uint32_t ack, std::uint8_t flags,
          const Bytes& payload)
{
    Bytes t;
    put16(t, sport);
    put16(t, dport);
    put32(t, seq);
    put32(t, ack);
    t.push_back(0x50);
    t.push_back(flags);
    put16(t, 64240);
    put16(t, 0);
    put16(t, 0);
    append(t, payload);
    return t;
}

Bytes dnsQuery(std::uint16_t id, const std::string& name, bool response, const Bytes& answer)
{
    Bytes d;
    put16(d, id);
    put16(d, response ? 0x8180 : 0x0100);
    put16(d, 1);
    put16(d, response ? 1 : 0);
    put16(d, 0);
    put16(d, 0);
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t dot = name.find('.', start);
        if (dot == std::string::npos) dot = name.size();
        d.push_back(std::uint8_t(dot - start));
        d.insert(d.end(), name.begin() + long(start), name.begin() + long(dot));
        start = dot + 1;
    }
    d.push_back(0);
    put16(d, 1);
    put16(d, 1);
    if (response) {
        put16(d, 0xc00c);
        put16(d, 1);
        put16(d, 1);
        put32(d, 300);
        put16(d, 4);
        append(d, answer);
    }
    return d;
}

Bytes icmpEcho(bool reply, std::uint16_t id, std::uint16_t seq)
{
    Bytes i = {std::uint8_t(reply ? 0 : 8), 0, 0, 0};
    put16(i, id);
    put16(i, seq);
    for (int k = 0; k < 48; ++k) i.push_back(std::uint8_t(0x10 + k));
    const std::uint16_t sum = checksum(i.data(), i.size());
    i[2] = std::uint8_t(sum >> 8);
    i[3] = std::uint8_t(sum);
    return i;
}

Bytes arp(bool reply, const Bytes& senderMac, const Bytes& senderIp, const Bytes& targetMac, const Bytes& targetIp)
{
    Bytes a = {0, 1, 8, 0, 6, 4, 0, std::uint8_t(reply ? 2 : 1)};
    append(a, senderMac);
    append(a, senderIp);
    append(a, targetMac);
    append(a, targetIp);
    return a;
}

struct Writer {
    Writer(CaptureFileWriter& f, std::uint32_t index) : file(f), ifIndex(index) {}
    CaptureFileWriter& file;
    std::uint32_t ifIndex;
    std::int64_t sec = 1'764'064'800;  // 2025-11-25 10:00:00 UTC
    std::uint32_t nsec = 0;
    bool ok = true;
    std::string error;

    void advance(std::uint64_t ns)
    {
        std::uint64_t total = nsec + ns;
        sec += std::int64_t(total / 1'000'000'000);
        nsec = std::uint32_t(total % 1'000'000'000);
    }
    void emit(const Bytes& frame, Direction direction)
    {
        FrameRef ref;
        ref.ts = {sec, nsec};
        ref.capturedLength = ref.originalLength = std::uint32_t(frame.size());
        ref.linkType = link_type::Ethernet;
        ref.direction = direction;
        ref.data = ByteSpan(frame);
        if (ok && !file.write(ref, ifIndex, error)) ok = false;
    }
};

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: rcvmon-make-sample OUT.pcapng\n");
        return 2;
    }
    std::string error;
    auto file = CaptureFileWriter::create(argv[1], FileFormat::PcapNg, error);
    if (!file) {
        std::fprintf(stderr, "rcvmon-make-sample: %s\n", error.c_str());
        return 1;
    }
    InterfaceInfo info;
    info.linkType = link_type::Ethernet;
    info.snapLength = 262144;
    info.name = "eth0";
    info.description = "RcvMon sample (synthetic)";
    const auto index = file->addInterface(info, error);
    if (!index) {
        std::fprintf(stderr, "rcvmon-make-sample: %s\n", error.c_str());
        return 1;
    }
    Writer w(*file, *index);
    const auto out = Direction::Outgoing;
    const auto in = Direction::Incoming;
    std::uint16_t ipId = 0x1200;
    std::uint32_t rnd = 12345;
    const auto random = [&rnd](std::uint32_t n) { rnd = rnd * 1103515245u + 12345u; return (rnd >> 8) % n; };

    // ARP for the router, then two minutes of browsing with a busy download in the middle.
    w.emit(ethernet({0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, hostMac, 0x0806, arp(false, hostMac, host4, Bytes(6, 0), router4)), out);
    w.advance(400'000);
    w.emit(ethernet(hostMac, routerMac, 0x0806, arp(true, routerMac, router4, hostMac, host4)), in);
    const char* names[] = {"www.example.org", "cdn.example.net", "mail.example.com", "updates.example.org"};
    std::uint32_t seq = 1000, peerSeq = 50000;     // the IPv4 HTTPS flow
    std::uint32_t seq6 = 7000, peerSeq6 = 90000;    // the IPv6 one
    for (int second = 0; second < 120; ++second) {
        // A DNS lookup every few seconds.
        if (second % 7 == 0) {
            const std::string name = names[(second / 7) % 4];
            const std::uint16_t id = std::uint16_t(0x4000 + second);
            w.emit(ethernet(routerMac, hostMac, 0x0800, ipv4(host4, dns4, 17, udp(40000 + second, 53, dnsQuery(id, name, false, {})), ipId++)), out);
            w.advance(12'000'000);
            w.emit(ethernet(hostMac, routerMac, 0x0800, ipv4(dns4, host4, 17, udp(53, 40000 + second, dnsQuery(id, name, true, web4)), ipId++)), in);
        }
        // A ping once a second.
        w.emit(ethernet(routerMac, hostMac, 0x0800, ipv4(host4, router4, 1, icmpEcho(false, 0x77, std::uint16_t(second)), ipId++)), out);
        w.advance(900'000);
        w.emit(ethernet(hostMac, routerMac, 0x0800, ipv4(router4, host4, 1, icmpEcho(true, 0x77, std::uint16_t(second)), ipId++)), in);
        // HTTPS: a burst of data segments, heavier between 40 s and 80 s.
        const int segments = second >= 40 && second < 80 ? 10 + int(random(6)) : 2 + int(random(3));
        for (int s = 0; s < segments; ++s) {
            const Bytes data(1200 + random(248), std::uint8_t(0x17));
            w.emit(ethernet(hostMac, routerMac, 0x0800, ipv4(web4, host4, 6, tcp(443, 51000, peerSeq, seq, 0x18, data), ipId++)), in);
            peerSeq += std::uint32_t(data.size());
            w.advance(1'500'000 + random(2'000'000));
            if (s % 2 == 1) {
                w.emit(ethernet(routerMac, hostMac, 0x0800, ipv4(host4, web4, 6, tcp(51000, 443, seq, peerSeq, 0x10, {}), ipId++)), out);
                w.advance(200'000);
            }
        }
        // IPv6: a request and its answer every other second.
        if (second % 2 == 0) {
            const Bytes request(300 + random(200), std::uint8_t(0x17));
            w.emit(ethernet(routerMac, hostMac, 0x86dd, ipv6(host6, web6, 6, tcp(52000, 443, seq6, peerSeq6, 0x18, request))), out);
            seq6 += std::uint32_t(request.size());
            w.advance(30'000'000);
            const Bytes answer(900 + random(400), std::uint8_t(0x17));
            w.emit(ethernet(hostMac, routerMac, 0x86dd, ipv6(web6, host6, 6, tcp(443, 52000, peerSeq6, seq6, 0x18, answer))), in);
            peerSeq6 += std::uint32_t(answer.size());
        }
        // A neighbour's broadcast now and then.
        if (second % 15 == 5)
            w.emit(ethernet({0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, peerMac, 0x0806, arp(false, peerMac, peer4, Bytes(6, 0), router4)), in);
        // Move to the next second.
        const std::int64_t target = 1'764'064'800 + second + 1;
        w.sec = target;
        w.nsec = random(50'000'000);
    }
    if (!w.ok || !file->commit(error)) {
        std::fprintf(stderr, "rcvmon-make-sample: %s\n", (w.ok ? error : w.error).c_str());
        return 1;
    }
    return 0;
}
