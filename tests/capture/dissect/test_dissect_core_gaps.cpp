// SPDX-License-Identifier: GPL-2.0-or-later
// Gaps closed in protocols RcvMon already dissected, each sequence checked against tshark 4.0
// on the same bytes: the Info of TCP segments that carry part of an application PDU (HTTP's
// first line while HTTP is called, TCP's own summary while TCP only collects, TLS's cleared
// column), HTTP bodies that run until the FIN, HEAD and CONNECT, FTP's AUTH TLS, and the
// udp.stream of the conversation SNMP opens for its answer.
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

Bytes text(std::string_view s) { return Bytes(s.begin(), s.end()); }
std::uint32_t size32(const Bytes& b) { return static_cast<std::uint32_t>(b.size()); }

constexpr std::string_view kSegmentNote = "[TCP segment of a reassembled PDU]";

class CoreGapsTest : public ::testing::Test {
protected:
    // Server (B, port `sport`) to client (A, 40000), or the client's request to `dport`.
    void fromServer(std::uint32_t seq, const Bytes& payload, std::uint16_t flags = 0x018, std::uint16_t sport = 80)
    {
        frame(ethernet(0x0800, ipv4(6, tcp(sport, 40000, seq, 1, flags, payload), kIpB, kIpA)));
    }
    void fromClient(std::uint32_t seq, const Bytes& payload, std::uint16_t dport = 80)
    {
        frame(ethernet(0x0800, ipv4(6, tcp(40000, dport, seq, 1, 0x018, payload))));
    }
    void frame(const Bytes& bytes)
    {
        m_frames.push_back(bytes);
        m_dissector.dissect(frameOf(m_frames.back()), m_frames.size(), m_out);
    }
    std::string info() const { return m_out.fieldText(field::ColInfo); }
    std::string protocol() const { return m_out.fieldText(field::ColProtocol); }
    std::string fieldText(std::string_view name) const
    {
        const auto id = findField(name);
        return id ? m_out.fieldText(*id) : std::string("<unknown field>");
    }

    Dissector m_dissector;
    Dissection m_out;
    std::vector<Bytes> m_frames;
};

TEST_F(CoreGapsTest, FirstSegmentOfAMessageShowsItsFirstLineThenTcpCollects)
{
    const Bytes head = text("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 20\r\n\r\n");
    fromServer(1000, cat({head, text("0123456789")}));
    EXPECT_EQ(protocol(), "TCP");
    EXPECT_EQ(info(), "HTTP/1.1 200 OK  " + std::string(kSegmentNote));
    EXPECT_EQ(fieldText("http.response.code"), "");  // HTTP added nothing to the tree yet
    fromServer(1000 + size32(head) + 10, text("01234"));
    EXPECT_EQ(info(), "80 \xe2\x86\x92 40000 [PSH, ACK] Seq=76 Ack=1 Win=5840 Len=5 " + std::string(kSegmentNote));
    fromServer(1000 + size32(head) + 15, text("56789"));
    EXPECT_EQ(protocol(), "HTTP");
    EXPECT_EQ(info(), "HTTP/1.1 200 OK  (text/plain)");
    EXPECT_EQ(fieldText("http.response.code"), "200");
}

TEST_F(CoreGapsTest, HeaderOverSegmentsCallsHttpAnewOnEach)
{
    const Bytes a = text("GET /x HTTP/1.1\r\nHost: a\r\n"), b = text("User-Agent: b\r\n");
    fromClient(1, a);
    EXPECT_EQ(info(), "GET /x HTTP/1.1  " + std::string(kSegmentNote));
    fromClient(1 + size32(a), b);
    EXPECT_EQ(protocol(), "TCP");
    EXPECT_EQ(info(), "GET /x HTTP/1.1  " + std::string(kSegmentNote));
    fromClient(1 + size32(a) + size32(b), text("\r\n"));
    EXPECT_EQ(protocol(), "HTTP");
    EXPECT_EQ(info(), "GET /x HTTP/1.1 ");
    EXPECT_EQ(fieldText("http.request.method"), "GET");
    EXPECT_EQ(fieldText("http.host"), "a");
}

TEST_F(CoreGapsTest, FirstLineNotYetEndedLeavesTcpsSummary)
{
    fromClient(1, text("GET /aaaaaaaa"));
    EXPECT_EQ(info(), "40000 \xe2\x86\x92 80 [PSH, ACK] Seq=1 Ack=1 Win=5840 Len=13 " + std::string(kSegmentNote));
    fromClient(14, text("aa HTTP/1.1\r\n\r\n"));
    EXPECT_EQ(protocol(), "HTTP");
    EXPECT_EQ(info(), "GET /aaaaaaaaaa HTTP/1.1 ");
}

TEST_F(CoreGapsTest, ResponseWithoutLengthRunsUntilTheFin)
{
    const Bytes r = text("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nabc");
    fromServer(1, r);
    EXPECT_EQ(info(), "HTTP/1.0 200 OK  " + std::string(kSegmentNote));
    fromServer(1 + size32(r), text("def"));
    EXPECT_EQ(info(), "80 \xe2\x86\x92 40000 [PSH, ACK] Seq=49 Ack=1 Win=5840 Len=3 " + std::string(kSegmentNote));
    fromServer(1 + size32(r) + 3, {}, 0x011);  // FIN, ACK without payload completes it
    EXPECT_EQ(protocol(), "HTTP");
    EXPECT_EQ(info(), "HTTP/1.0 200 OK  (text/plain)");
}

TEST_F(CoreGapsTest, AnswersWithoutBodyAreComplete)
{
    // A 304 has no body, and neither has the answer to HEAD whatever its Content-Length.
    fromClient(1, text("GET / HTTP/1.1\r\n\r\n"));
    fromServer(1, text("HTTP/1.1 304 Not Modified\r\n\r\n"));
    EXPECT_EQ(protocol(), "HTTP");
    EXPECT_EQ(info(), "HTTP/1.1 304 Not Modified ");
    fromClient(19, text("HEAD / HTTP/1.1\r\n\r\n"));
    fromServer(30, text("HTTP/1.1 301 Moved Permanently\r\nContent-Length: 100\r\n\r\n"));
    EXPECT_EQ(protocol(), "HTTP");
    EXPECT_EQ(info(), "HTTP/1.1 301 Moved Permanently ");
}

TEST_F(CoreGapsTest, TlsClearsTheColumnBeforeAskingForMore)
{
    Bytes record = text(std::string_view("\x17\x03\x03\x00\x28", 5));
    for (std::uint8_t i = 0; i < 40; ++i) record.push_back(i);
    fromServer(1, Bytes(record.begin(), record.begin() + 20), 0x018, 443);
    EXPECT_EQ(protocol(), "TCP");
    EXPECT_EQ(info(), kSegmentNote);
    fromServer(21, Bytes(record.begin() + 20, record.end()), 0x018, 443);
    EXPECT_EQ(protocol(), "TLSv1.2");
    EXPECT_EQ(info(), "Application Data");
}

const Bytes kAppData = text(std::string_view("\x17\x03\x03\x00\x02" "ab", 7));

TEST_F(CoreGapsTest, FtpAuthTlsTurnsTheControlConnectionToTls)
{
    fromClient(1, text("AUTH TLS\r\n"), 21);
    EXPECT_EQ(info(), "Request: AUTH TLS");
    fromServer(1, text("234 Proceed.\r\n"), 0x018, 21);
    EXPECT_EQ(info(), "Response: 234 Proceed.");
    fromClient(11, kAppData, 21);
    EXPECT_EQ(protocol(), "TLSv1.2");
    EXPECT_EQ(info(), "Application Data");
    EXPECT_EQ(fieldText("tls.record.version"), "0x0303");
}

TEST_F(CoreGapsTest, HttpConnectTunnelCarriesTls)
{
    const Bytes connect = text("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
    fromClient(1, connect);
    EXPECT_EQ(fieldText("http.request.method"), "CONNECT");
    fromServer(1, text("HTTP/1.1 200 Connection established\r\n\r\n"));
    EXPECT_EQ(info(), "HTTP/1.1 200 Connection established ");
    fromClient(1 + size32(connect), kAppData);
    EXPECT_EQ(protocol(), "TLSv1.2");
    EXPECT_EQ(fieldText("tls.record.version"), "0x0303");
}

Bytes ber(std::uint8_t tag, const Bytes& value)
{
    return cat({Bytes{tag, static_cast<std::uint8_t>(value.size())}, value});
}

Bytes snmpMessage(std::uint8_t pdu)
{
    const Bytes oid = ber(6, Bytes{0x2b, 6, 1, 2, 1, 1, 1, 0});
    const Bytes bindings = ber(0x30, ber(0x30, cat({oid, Bytes{0x05, 0x00}})));
    const Bytes body = cat({ber(2, {1}), ber(2, {0}), ber(2, {0}), bindings});
    return ber(0x30, cat({ber(2, {1}), ber(4, text("public")), ber(pdu, body)}));
}

TEST_F(CoreGapsTest, SnmpAnswerTakesTheConversationItsRequestOpened)
{
    frame(ethernet(0x0800, ipv4(17, udp(40000, 161, snmpMessage(0xa0)))));
    EXPECT_EQ(fieldText("udp.stream"), "0");
    frame(ethernet(0x0800, ipv4(17, udp(161, 40000, snmpMessage(0xa2)), kIpB, kIpA)));
    EXPECT_EQ(info(), "get-response 1.3.6.1.2.1.1.1.0");
    EXPECT_EQ(fieldText("udp.stream"), "1");
    frame(ethernet(0x0800, ipv4(17, udp(40000, 161, snmpMessage(0xa1)))));
    EXPECT_EQ(fieldText("udp.stream"), "1");
    // Another pair is another stream, as before.
    frame(ethernet(0x0800, ipv4(17, udp(40001, 53, dnsQuery(1, "a.example")))));
    EXPECT_EQ(fieldText("udp.stream"), "2");
}

}  // namespace
}  // namespace rcvmon
