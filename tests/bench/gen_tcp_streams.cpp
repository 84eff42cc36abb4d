// SPDX-License-Identifier: GPL-2.0-or-later
// Writes a pcap of S concurrent TCP connections for the reassembly memory benchmark: every
// connection's handshake first, then one TLS record of R bytes per connection split into K
// segments, sent round by round (segment 1 of every connection, then segment 2, ...), so after
// the first round every connection holds a partial PDU at once. Deterministic.
// Usage: gen_tcp_streams OUT.pcap [S=100000] [R=4000] [K=3]
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

void put16(std::uint8_t* p, unsigned v) { p[0] = std::uint8_t(v >> 8); p[1] = std::uint8_t(v); }
void put32(std::uint8_t* p, std::uint32_t v) { put16(p, v >> 16); put16(p + 2, v & 0xffff); }

constexpr std::uint8_t kSyn = 0x02, kAck = 0x10, kPshAck = 0x18;
constexpr std::uint32_t kClientIsn = 1000, kServerIsn = 5000;

// 198.18.0.0/15 (benchmarking addresses): clients 198.18.x.y, the server 198.19.255.1.
std::uint32_t clientAddress(std::uint32_t stream) { return 0xc6120000u + 1 + stream; }
constexpr std::uint32_t kServerAddress = 0xc613ff01u;
std::uint16_t clientPort(std::uint32_t stream) { return std::uint16_t(10000 + stream % 50000); }

class Writer {
public:
    explicit Writer(std::FILE* out) : m_out(out) {}
    // One Ethernet/IPv4/TCP frame with `payload` bytes (the first `prefix` given, the rest a pattern).
    void segment(std::uint32_t stream, bool fromClient, std::uint32_t seq, std::uint32_t ack, std::uint8_t flags,
                 const std::uint8_t* prefix, std::size_t prefixLength, std::size_t payload)
    {
        const std::size_t options = (flags & kSyn) ? 4 : 0;  // MSS on SYNs
        const std::size_t length = 14 + 20 + 20 + options + payload;
        std::memset(m_frame.data(), 0, length);
        std::uint8_t* f = m_frame.data();
        const std::uint8_t client[6] = {0x02, 0x00, 0x5e, 0x10, 0x00, 0x01}, server[6] = {0x02, 0x00, 0x5e, 0x20, 0x00, 0x01};
        std::memcpy(f, fromClient ? server : client, 6);
        std::memcpy(f + 6, fromClient ? client : server, 6);
        put16(f + 12, 0x0800);
        std::uint8_t* ip = f + 14;
        ip[0] = 0x45;
        put16(ip + 2, unsigned(length - 14));
        put16(ip + 4, m_ipId++);
        ip[6] = 0x40;  // don't fragment
        ip[8] = 64;
        ip[9] = 6;
        put32(ip + 12, fromClient ? clientAddress(stream) : kServerAddress);
        put32(ip + 16, fromClient ? kServerAddress : clientAddress(stream));
        std::uint8_t* tcp = ip + 20;
        put16(tcp, fromClient ? clientPort(stream) : 443);
        put16(tcp + 2, fromClient ? 443 : clientPort(stream));
        put32(tcp + 4, seq);
        put32(tcp + 8, ack);
        tcp[12] = std::uint8_t(((20 + options) / 4) << 4);
        tcp[13] = flags;
        put16(tcp + 14, 64240);
        if (options) {
            tcp[20] = 2;
            tcp[21] = 4;
            put16(tcp + 22, 1460);
        }
        std::uint8_t* data = tcp + 20 + options;
        for (std::size_t i = 0; i < payload; ++i) data[i] = std::uint8_t('a' + (i + stream) % 26);
        if (prefix) std::memcpy(data, prefix, std::min(prefixLength, payload));
        m_usec += 2;
        if (m_usec >= 1000000) { ++m_sec; m_usec -= 1000000; }
        const std::uint32_t record[4] = {m_sec, m_usec, std::uint32_t(length), std::uint32_t(length)};
        std::fwrite(record, sizeof record, 1, m_out);
        std::fwrite(f, 1, length, m_out);
        ++m_frames;
    }
    unsigned long frames() const { return m_frames; }

private:
    std::FILE* m_out;
    std::array<std::uint8_t, 14 + 20 + 24 + 1460> m_frame{};
    std::uint32_t m_sec = 1700000000, m_usec = 0;
    std::uint16_t m_ipId = 1;
    unsigned long m_frames = 0;
};

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUT.pcap [STREAMS=100000] [RECORD=4000] [SEGMENTS=3]\n", argv[0]);
        return 2;
    }
    const auto streams = std::uint32_t(argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100000ul);
    const std::size_t record = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 4000;
    const std::size_t segments = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 3;
    const std::size_t pdu = 5 + record;  // TLS record header + body
    const std::size_t perSegment = (pdu + segments - 1) / segments;
    if (streams == 0 || streams > 1u << 20 || segments < 2 || record < 16 || record > 16384 || perSegment > 1460) {
        std::fprintf(stderr, "gen_tcp_streams: need 1..1048576 streams, a 16..16384-byte record, >= 2 segments of <= 1460 bytes\n");
        return 2;
    }
    std::FILE* out = std::fopen(argv[1], "wb");
    if (!out) {
        std::perror(argv[1]);
        return 1;
    }
    std::vector<char> buffer(1 << 20);
    std::setvbuf(out, buffer.data(), _IOFBF, buffer.size());
    const std::uint32_t header[6] = {0xa1b2c3d4, 0x00040002, 0, 0, 65535, 1};  // host-order, µs, Ethernet
    std::fwrite(header, sizeof header, 1, out);
    Writer w(out);
    for (std::uint32_t s = 0; s < streams; ++s) {
        w.segment(s, true, kClientIsn, 0, kSyn, nullptr, 0, 0);
        w.segment(s, false, kServerIsn, kClientIsn + 1, kSyn | kAck, nullptr, 0, 0);
        w.segment(s, true, kClientIsn + 1, kServerIsn + 1, kAck, nullptr, 0, 0);
    }
    // TLS 1.2 application data: content type 23, version 3.3, the body's length.
    const std::uint8_t tlsHeader[5] = {23, 3, 3, std::uint8_t(record >> 8), std::uint8_t(record)};
    for (std::size_t k = 0; k < segments; ++k) {
        const std::size_t offset = k * perSegment;
        const std::size_t payload = std::min(perSegment, pdu - offset);
        for (std::uint32_t s = 0; s < streams; ++s)
            w.segment(s, true, std::uint32_t(kClientIsn + 1 + offset), kServerIsn + 1, kPshAck, k == 0 ? tlsHeader : nullptr,
                      k == 0 ? sizeof tlsHeader : 0, payload);
    }
    if (std::fclose(out) != 0) {
        std::perror(argv[1]);
        return 1;
    }
    std::printf("%u streams, %lu frames, a %zu-byte TLS record each in %zu segments\n", streams, w.frames(), record,
                segments);
    return 0;
}
