// SPDX-License-Identifier: GPL-2.0-or-later
#include "tcp_stream_fuzz_input.h"

#include "dissector_fuzz_input.h"
#include "packet_builder.h"

#include "dissect/dissector.h"

namespace rcvmon::fuzz {

namespace {

constexpr std::uint16_t ClientPort = 49152;
constexpr std::uint16_t Windows[8] = {65535, 0, 1, 512, 5840, 8192, 29200, 64240};

}  // namespace

void runTcpStreamInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 3) return;
    const std::uint16_t serverPort = static_cast<std::uint16_t>(data[0] << 8 | data[1]);
    const bool ipv6 = (data[2] & 1) != 0;
    Dissector dissector(Dissector::Options{(data[2] & 2) != 0});
    Dissection out;
    // The sequence number each direction sends next (client, server).
    std::uint32_t next[2] = {1000, 500000};
    std::size_t pos = 3;
    for (std::size_t n = 0; n < kMaxSegments && pos + 5 <= size; ++n) {
        const std::uint8_t control = data[pos];
        const bool fromServer = (control & 1) != 0;
        const std::uint8_t flags = data[pos + 1];
        const auto change = static_cast<std::int8_t>(data[pos + 2]);
        std::size_t len = std::size_t{data[pos + 3]} << 8 | data[pos + 4];
        pos += 5;
        if (len > size - pos) len = size - pos;
        const test::Bytes payload(data + pos, data + pos + len);
        pos += len;

        const int d = fromServer ? 1 : 0;
        const std::uint32_t seq = next[d] + static_cast<std::uint32_t>(static_cast<std::int32_t>(change));
        const std::uint32_t ack = next[1 - d];
        next[d] = seq + static_cast<std::uint32_t>(len) + ((flags & 0x02) ? 1 : 0) + ((flags & 0x01) ? 1 : 0);
        const std::uint16_t sport = fromServer ? serverPort : ClientPort;
        const std::uint16_t dport = fromServer ? ClientPort : serverPort;
        const test::Bytes segment =
            test::tcp(sport, dport, seq, ack, flags, payload, {}, Windows[(control >> 1) & 7]);
        const test::Bytes bytes =
            ipv6 ? test::ethernet(0x86dd, fromServer ? test::ipv6(6, segment, test::kIp6B, test::kIp6A)
                                                     : test::ipv6(6, segment),
                                  fromServer ? test::kMacA : test::kMacB, fromServer ? test::kMacB : test::kMacA)
                 : test::ethernet(0x0800, fromServer ? test::ipv4(6, segment, test::kIpB, test::kIpA)
                                                     : test::ipv4(6, segment),
                                  fromServer ? test::kMacA : test::kMacB, fromServer ? test::kMacB : test::kMacA);
        FrameRef frame = frameRefFor(bytes, link_type::Ethernet, 0, n);
        if (control & 0x10) {  // cut by a snap length: the dissector must not read past it
            const std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bytes.size() / 2));
            FrameRef shorter = frame;
            shorter.data = ByteSpan(cut);
            shorter.capturedLength = static_cast<std::uint32_t>(cut.size());
            dissector.dissect(shorter, n + 1, out);
        } else {
            dissector.dissect(frame, n + 1, out);
        }
        formatEverything(out, false);
    }
}

std::vector<std::uint8_t> encodeTcpStream(std::uint16_t serverPort, bool ipv6, const std::vector<TcpSegment>& segments)
{
    std::vector<std::uint8_t> out{static_cast<std::uint8_t>(serverPort >> 8), static_cast<std::uint8_t>(serverPort),
                                  static_cast<std::uint8_t>(ipv6 ? 3 : 2)};
    for (const TcpSegment& s : segments) {
        const std::size_t len = s.payload.size() > 0xffff ? 0xffff : s.payload.size();
        out.push_back(s.fromServer ? 1 : 0);
        out.push_back(s.flags);
        out.push_back(static_cast<std::uint8_t>(s.seqChange));
        out.push_back(static_cast<std::uint8_t>(len >> 8));
        out.push_back(static_cast<std::uint8_t>(len));
        out.insert(out.end(), s.payload.begin(), s.payload.begin() + static_cast<std::ptrdiff_t>(len));
    }
    return out;
}

}  // namespace rcvmon::fuzz
