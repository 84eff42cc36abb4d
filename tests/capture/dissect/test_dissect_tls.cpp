// SPDX-License-Identifier: GPL-2.0-or-later
// TLS over TCP as tshark 4.0 shows it (each expectation checked against tshark with the same
// packets written to a pcap): records, handshake messages and their Info items, the version of
// the Protocol column (the record's until an authoritative message, then the connection's), a
// record spanning segments dissected whole on the segment that completes it.
#include "dissect/dissector.h"
#include "frame_sequence_test.h"
#include "tls_packets.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

class TlsTest : public FrameSequenceTest {
protected:
    void send(bool fromServer, std::uint32_t seq, const Bytes& payload)
    {
        const Bytes seg = fromServer ? tcp(443, 40000, seq, 1, 0x018, payload) : tcp(40000, 443, seq, 1, 0x018, payload);
        dissectNext(ethernet(0x0800, fromServer ? ipv4(6, seg, kIpB, kIpA) : ipv4(6, seg)));
    }
};

TEST_F(TlsTest, ClientHelloFieldsAndRecordVersionColumn)
{
    send(false, 1000, tlsRecord(22, 0x0301, clientHello("example.com")));
    EXPECT_EQ(column(), "TLSv1");
    EXPECT_EQ(info(), "Client Hello");
    EXPECT_EQ(field("frame.protocols"), "eth:ethertype:ip:tcp:tls");
    EXPECT_EQ(field("tls.record.version"), "0x0301");
    EXPECT_EQ(field("tls.record.content_type"), "22");
    EXPECT_EQ(field("tls.handshake.type"), "1");
    EXPECT_EQ(field("tls.handshake.version"), "0x0303");
    EXPECT_EQ(field("tls.handshake.ciphersuite"), "0x1301,0xc02f");
    EXPECT_EQ(field("tls.handshake.extensions_server_name"), "example.com");
    EXPECT_EQ(field("tls.handshake.extensions_alpn_str"), "h2,http/1.1");
    EXPECT_EQ(field("tls.handshake.extensions.supported_version"), "0x0304,0x0303");
    EXPECT_EQ(field("tls.handshake.extension.type"), "0,16,43");
}

TEST_F(TlsTest, ServerHelloSelectingTls13NamesTheConnection)
{
    send(false, 1000, tlsRecord(22, 0x0301, clientHello("example.com")));
    const Bytes appData(40, 0xab);
    send(true, 5000, cat({tlsRecord(22, 0x0303, serverHello(true)), tlsRecord(20, 0x0303, Bytes{1}),
                          tlsRecord(23, 0x0303, appData), tlsRecord(23, 0x0303, appData)}));
    EXPECT_EQ(column(), "TLSv1.3");
    EXPECT_EQ(info(), "Server Hello, Change Cipher Spec, Application Data, Application Data");
    EXPECT_EQ(field("tls.handshake.extensions.supported_version"), "0x0304");
    EXPECT_EQ(field("tls.record.version"), "0x0303,0x0303,0x0303,0x0303");
    send(false, 1000 + static_cast<std::uint32_t>(m_frames.front().size() - 54), tlsRecord(23, 0x0303, appData));
    EXPECT_EQ(column(), "TLSv1.3");
    EXPECT_EQ(info(), "Application Data");
}

TEST_F(TlsTest, Tls12HandshakeAndAlerts)
{
    send(true, 5000, cat({tlsRecord(22, 0x0303, cat({serverHello(false), tlsHandshake(14, {})}))}));
    EXPECT_EQ(column(), "TLSv1.2");
    EXPECT_EQ(info(), "Server Hello, Server Hello Done");
    EXPECT_EQ(field("tls.handshake.type"), "2,14");
    const std::uint32_t next = 5000 + static_cast<std::uint32_t>(m_frames.back().size() - 54);
    send(true, next, cat({tlsRecord(20, 0x0303, Bytes{1}), tlsRecord(22, 0x0303, Bytes(40, 0x5a))}));
    EXPECT_EQ(info(), "Change Cipher Spec, Encrypted Handshake Message");
    send(true, next + 51, tlsRecord(21, 0x0303, Bytes(26, 0x77)));
    EXPECT_EQ(info(), "Encrypted Alert");
    send(true, next + 82, tlsRecord(21, 0x0303, Bytes{2, 40}));
    EXPECT_EQ(info(), "Alert (Level: Fatal, Description: Handshake Failure)");
    EXPECT_EQ(field("tls.alert_message.desc"), "40");
}

TEST_F(TlsTest, RecordOverSegmentsIsDissectedWholeOnTheLast)
{
    const Bytes certificate = tlsRecord(22, 0x0303, tlsHandshake(11, Bytes(300, 0x30)));
    const Bytes done = tlsRecord(22, 0x0303, tlsHandshake(14, {}));
    const Bytes stream = cat({tlsRecord(22, 0x0303, serverHello(false)), certificate, done});
    const std::size_t helloLen = stream.size() - certificate.size() - done.size();
    // Segment 1: the ServerHello and the start of the Certificate record.
    send(true, 5000, Bytes(stream.begin(), stream.begin() + static_cast<std::ptrdiff_t>(helloLen + 100)));
    EXPECT_EQ(info(), "Server Hello");
    EXPECT_EQ(field("tls.record.version"), "0x0303");
    // Segment 2: the middle, TCP only.
    send(true, 5000 + static_cast<std::uint32_t>(helloLen + 100),
         Bytes(stream.begin() + static_cast<std::ptrdiff_t>(helloLen + 100),
               stream.begin() + static_cast<std::ptrdiff_t>(helloLen + 200)));
    EXPECT_EQ(column(), "TCP");
    EXPECT_EQ(field("frame.protocols"), "eth:ethertype:ip:tcp");
    // Segment 3: the end of the Certificate and the ServerHelloDone after it.
    send(true, 5000 + static_cast<std::uint32_t>(helloLen + 200),
         Bytes(stream.begin() + static_cast<std::ptrdiff_t>(helloLen + 200), stream.end()));
    EXPECT_EQ(column(), "TLSv1.2");
    EXPECT_EQ(info(), "Certificate, Server Hello Done");
    EXPECT_EQ(field("frame.protocols"), "eth:ethertype:ip:tcp:tls:tls");
    EXPECT_EQ(field("tls.handshake.type"), "11,14");
    EXPECT_EQ(field("tls.record.length"), "304,4");
}

TEST_F(TlsTest, UnknownBytesOnTls12ConnectionAreIgnored)
{
    send(true, 5000, tlsRecord(22, 0x0303, serverHello(false)));
    const std::uint32_t next = 5000 + static_cast<std::uint32_t>(m_frames.back().size() - 54);
    send(true, next, Bytes{0x01, 0x02, 0x03, 0x04, 0x05, 0x06});
    EXPECT_EQ(column(), "TLSv1.2");
    EXPECT_EQ(info(), "Ignored Unknown Record");
}

TEST_F(TlsTest, NotARecordIsContinuationData)
{
    send(true, 5000, Bytes{0x01, 0x02, 0x03, 0x04, 0x05, 0x06});
    EXPECT_EQ(column(), "SSL");
    EXPECT_EQ(info(), "Continuation Data");
}

TEST_F(TlsTest, HeuristicFindsTlsOnAnyPort)
{
    m_frames.push_back(ethernet(0x0800, ipv4(6, tcp(40000, 9090, 1000, 1, 0x018, tlsRecord(22, 0x0301, clientHello("a.test"))))));
    m_dissector.dissect(frameOf(m_frames.back()), 1, m_out);
    EXPECT_EQ(column(), "TLSv1");
    EXPECT_EQ(info(), "Client Hello");
}

}  // namespace
}  // namespace rcvmon
