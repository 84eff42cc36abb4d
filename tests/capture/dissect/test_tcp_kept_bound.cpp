// SPDX-License-Identifier: GPL-2.0-or-later
// TCP reassembly keeps the bytes of a PDU whose dissector wants it whole (a TLS record) until
// the segment that completes it; over all conversations at once those buffers stay within
// TcpConversations::kMaxKeptBytes (a record's whole length is reserved when it starts). Past
// the bound a new record is shown as one too large to keep (named on its completing segment,
// not dissected whole), and completed records free their bytes.
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "dissect/tcp_conversations.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

constexpr std::size_t kRecord = 16384;             // a TLS record's largest body
constexpr std::size_t kFirst = 16000;              // the bytes of it the first segment brings
constexpr std::size_t kRest = 5 + kRecord - kFirst;

Bytes segment(std::uint32_t stream, std::uint32_t seq, const Bytes& payload)
{
    const Ip4 client{10, static_cast<std::uint8_t>(stream >> 16), static_cast<std::uint8_t>(stream >> 8),
                     static_cast<std::uint8_t>(stream)};
    return ethernet(0x0800, ipv4(6, tcp(static_cast<std::uint16_t>(10000 + stream % 50000), 443, seq, 1, 0x018, payload),
                                 client, kIpB));
}

TEST(TcpKeptBound, ManyStreamsHoldingPartialRecordsStayWithinTheBound)
{
    // More streams than the bound holds: each keeps kFirst bytes until its record completes.
    const std::size_t streams = TcpConversations::kMaxKeptBytes / kFirst + 500;
    Bytes first(kFirst, 0x61);
    first[0] = 23;  // TLS application data, version 3.3, the body's length
    first[1] = 3;
    first[2] = 3;
    first[3] = static_cast<std::uint8_t>(kRecord >> 8);
    first[4] = static_cast<std::uint8_t>(kRecord);
    const Bytes rest(kRest, 0x62);
    const auto recordLength = findField("tls.record.length");
    ASSERT_TRUE(recordLength);

    Dissector dissector;
    Dissection out;
    std::uint64_t number = 0;
    const TcpConversations& table = dissector.tcpConversations();
    for (std::uint32_t s = 0; s < streams; ++s) {
        const Bytes frame = segment(s, 1, first);
        dissector.dissect(frameOf(frame), ++number, out);
        ASSERT_EQ(out.fieldText(field::ColProtocol), "TCP") << "stream " << s;
        ASSERT_LE(table.keptBytes(), TcpConversations::kMaxKeptBytes) << "stream " << s;
    }
    EXPECT_GT(table.peakKeptBytes(), TcpConversations::kMaxKeptBytes - 2 * kFirst);  // the bound was reached
    EXPECT_LE(table.peakKeptBytes(), TcpConversations::kMaxKeptBytes);

    for (std::uint32_t s = 0; s < streams; ++s) {
        const Bytes frame = segment(s, static_cast<std::uint32_t>(1 + kFirst), rest);
        dissector.dissect(frameOf(frame), ++number, out);
        if (s == 0) {  // kept: the record dissected whole
            EXPECT_EQ(out.fieldText(*recordLength), std::to_string(kRecord))
                << out.fieldText(field::FrameProtocols) << " | " << out.fieldText(field::ColInfo);
        } else if (s == streams - 1) {  // past the bound: named, not dissected whole
            EXPECT_EQ(out.fieldText(*recordLength), "");
            EXPECT_NE(out.fieldText(field::FrameProtocols).find("tls"), std::string::npos);
        }
    }
    EXPECT_EQ(table.keptBytes(), 0u);  // every completed record freed its bytes
    EXPECT_LE(table.peakKeptBytes(), TcpConversations::kMaxKeptBytes);
}

TEST(TcpKeptBound, ResetFreesWhatIncompleteRecordsKept)
{
    Bytes first(1000, 0x61);
    first[0] = 23;
    first[1] = 3;
    first[2] = 3;
    first[3] = 0x10;  // a 4096-byte body, not complete
    first[4] = 0x00;
    Dissector dissector;
    Dissection out;
    for (std::uint32_t s = 0; s < 100; ++s) dissector.dissect(frameOf(segment(s, 1, first)), s + 1, out);
    EXPECT_EQ(dissector.tcpConversations().keptBytes(), 100u * (5u + 4096u));  // each record reserved whole
    dissector.reset();
    EXPECT_EQ(dissector.tcpConversations().keptBytes(), 0u);
}

}  // namespace
}  // namespace rcvmon
