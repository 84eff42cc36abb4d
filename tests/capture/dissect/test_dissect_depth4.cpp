// SPDX-License-Identifier: GPL-2.0-or-later
// 802.11 frames in Aruba's GRE tunnels, NFLOG, POP and SMTP carrying IMF messages, the Protocol
// column of a TCP segment in the middle of a PDU that carries an MPTCP option, IEEE 802.1ah,
// Arista's AVSP timestamps, DTLS on UDP 853, OCSP over HTTP, HTTP/2 after an h2c upgrade and Finger: one
// conversation of hand-built frames dissected in order, each row's Protocol, Info,
// frame.protocols and fields as tshark 4.0.17 printed them for the same bytes (the frames
// written with RCVMON_TEST_PCAP_DIR set, read with `tshark -T fields -E occurrence=a
// -E aggregator=,`), and display filters passing the frames `tshark -Y` passed.
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "field_expectations.h"
#include "filter/display_filter.h"
#include "packet_builder.h"
#include "tls_packets.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

Bytes text(std::string_view s) { return Bytes(s.begin(), s.end()); }

const Bytes kStaA = fromHex("f05c197c8d70"), kStaB = fromHex("5c5f67022e7a"), kStaC = fromHex("0011dc000001"),
            kStaD = fromHex("020000000004");

// An 802.11 MAC header (little-endian duration and sequence control) and its body.
Bytes wlan(unsigned fc0, unsigned flags, const Bytes& body, unsigned seq = 2008, unsigned frag = 0, int qos = -1,
           bool fourAddresses = false)
{
    Bytes b{static_cast<std::uint8_t>(fc0), static_cast<std::uint8_t>(flags), 0, 0};
    append(b, kStaA);
    append(b, kStaB);
    append(b, kStaC);
    const unsigned sc = seq << 4 | frag;
    put8(b, sc & 0xff);
    put8(b, sc >> 8);
    if (fourAddresses) append(b, kStaD);
    if (qos >= 0) {
        put8(b, static_cast<unsigned>(qos) & 0xff);
        put8(b, static_cast<unsigned>(qos) >> 8);
    }
    append(b, body);
    return b;
}

Bytes snap(std::uint16_t type, const Bytes& payload)
{
    Bytes b{0xaa, 0xaa, 0x03, 0, 0, 0};
    put16(b, type);
    append(b, payload);
    return b;
}

// Over Aruba's tunnel: Ethernet, IPv4 to the controller, GRE with an Aruba protocol type.
Bytes aruba(const Bytes& frame, std::uint16_t type = 0x8200)
{
    return ethernet(0x0800, ipv4(47, gre(type, frame), Ip4{10, 3, 34, 171}, Ip4{10, 33, 10, 23}));
}

const Bytes kDnsQuery = udp(5353, 53, dnsQuery(0x1234, "www.example.com"));

// MPTCP's DSS option (RFC 8684 §3.3) with no mapping: two NOPs keep the header aligned.
const Bytes kMptcpDssPadded = fromHex("1e04200001010101");

// tshark lists "mptcp" in frame.protocols for a segment with an MPTCP option; RcvMon names no
// MPTCP layer yet, so those rows leave frame.protocols unchecked.
constexpr std::string_view kNoMptcpLayer;

struct Row {
    std::string_view protocol, info, protocols, fields;
};

class DissectDepth4 : public ::testing::Test {
protected:
    void frame(Bytes bytes, const Row& expected)
    {
        m_frames.push_back(std::move(bytes));
        m_rows.push_back(expected);
    }
    // TCP with sequence numbers kept per direction, from the client (A) or the server (B).
    void client(std::uint16_t sport, std::uint16_t dport, std::string_view payload, const Row& expected,
                const Bytes& options = {})
    {
        std::uint32_t& seq = m_seq[sport];
        if (seq == 0) seq = 1;
        frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, seq, 1, 0x018, text(payload), options))), expected);
        seq += static_cast<std::uint32_t>(payload.size());
    }
    void server(std::uint16_t sport, std::uint16_t dport, std::string_view payload, const Row& expected,
                std::uint16_t flags = 0x018)
    {
        std::uint32_t& seq = m_seq[static_cast<std::uint32_t>(sport) << 16 | dport];
        if (seq == 0) seq = 1;
        frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, seq, 1, flags, text(payload)), kIpB, kIpA)), expected);
        seq += static_cast<std::uint32_t>(payload.size());
    }

    void SetUp() override
    {
        // 802.11 in Aruba's GRE tunnels.
        frame(aruba(wlan(0x88, 0x01, snap(0x0800, ipv4(17, kDnsQuery)), 2008, 0, 0)),
              {"DNS", "Standard query 0x1234 A www.example.com", "eth:ethertype:ip:gre:wlan:llc:ip:udp:dns",
               "wlan.fc.type_subtype=0x0028;wlan.ra=f0:5c:19:7c:8d:70;wlan.ta=5c:5f:67:02:2e:7a;"
               "wlan.da=00:11:dc:00:00:01;wlan.sa=5c:5f:67:02:2e:7a;wlan.bssid=f0:5c:19:7c:8d:70;"
               "wlan.staa=5c:5f:67:02:2e:7a;wlan.addr=f0:5c:19:7c:8d:70,5c:5f:67:02:2e:7a,00:11:dc:00:00:01;"
               "wlan.seq=2008;wlan.frag=0;wlan.qos=0x0000;wlan.qos.tid=0;wlan.fc.tods=1;wlan.fc.fromds=0;"
               "wlan.flags=0x01;wlan.fc.ds=0x01;llc.type=0x0800;gre.proto=0x8200"});
        frame(aruba(wlan(0x08, 0x02, snap(0x0806, arp(1, kMacA, kIpA, Mac{}, kIpB)), 77)),
              {"ARP", "Who has 198.18.0.2? Tell 198.18.0.1", "eth:ethertype:ip:gre:wlan:llc:arp",
               "wlan.fc.type_subtype=0x0020;wlan.da=f0:5c:19:7c:8d:70;wlan.sa=00:11:dc:00:00:01;"
               "wlan.bssid=5c:5f:67:02:2e:7a;wlan.staa=f0:5c:19:7c:8d:70;wlan.seq=77;wlan.qos="});
        frame(aruba(wlan(0x48, 0x11, {}, 9)),
              {"802.11", "Null function (No data), SN=9, FN=0, Flags=...P...T", "eth:ethertype:ip:gre:wlan",
               "wlan.fc.type_subtype=0x0024;wlan.fc.pwrmgt=1;wlan.seq=9"});
        frame(aruba(wlan(0x88, 0x41, fromHex("0102030405060708090a0b0c0d0e0f10"), 300, 0, 7)),
              {"802.11", "QoS Data, SN=300, FN=0, Flags=.p.....T", "eth:ethertype:ip:gre:wlan:data",
               "wlan.fc.protected=1;wlan.qos=0x0007;wlan.qos.tid=7;wlan.qos.priority=7"});
        frame(aruba(fromHex("d4000000f05c197c8d70")),
              {"802.11", "Acknowledgement, Flags=........", "eth:ethertype:ip:gre:wlan",
               "wlan.fc.type_subtype=0x001d;wlan.ra=f0:5c:19:7c:8d:70;wlan.ta=;wlan.seq="});
        frame(aruba(wlan(0x80, 0x00, cat({Bytes(8), fromHex("64000104"), fromHex("00036c6162")}), 5), 0x8210),
              {"802.11", "Beacon frame, SN=5, FN=0, Flags=........, BI=100, SSID=\"lab\"", "eth:ethertype:ip:gre:wlan",
               "wlan.fc.type_subtype=0x0008;wlan.fixed.beacon=100;wlan.bssid=00:11:dc:00:00:01;gre.proto=0x8210"});
        frame(aruba(wlan(0x08, 0x03, snap(0x0800, ipv4(17, kDnsQuery)), 12, 0, -1, true)),
              {"DNS", "Standard query 0x1234 A www.example.com", "eth:ethertype:ip:gre:wlan:llc:ip:udp:dns",
               "wlan.ra=f0:5c:19:7c:8d:70;wlan.ta=5c:5f:67:02:2e:7a;wlan.da=00:11:dc:00:00:01;"
               "wlan.sa=02:00:00:00:00:04;wlan.bssid=;wlan.staa=;"
               "wlan.addr=f0:5c:19:7c:8d:70,5c:5f:67:02:2e:7a,02:00:00:00:00:04,00:11:dc:00:00:01"});
        frame(aruba(wlan(0x88, 0x05, snap(0x0800, ipv4(17, kDnsQuery)), 40, 0, 0)),
              {"802.11", "Fragmented IEEE 802.11 frame", "eth:ethertype:ip:gre:wlan:data",
               "wlan.fc.frag=1;wlan.seq=40"});

        // POP: a RETR's message in two replies, then an AUTH continuation.
        client(40000, 110, "RETR 1\r\n", {"POP", "C: RETR 1", "eth:ethertype:ip:tcp:pop", "pop.request.command=RETR"});
        server(110, 40000, "+OK 44 octets\r\n",
               {"POP", "S: +OK 44 octets", "eth:ethertype:ip:tcp:pop", "pop.response.indicator=+OK"});
        server(110, 40000, "From: a@b.example\r\nSubject: Hi\r\n",
               {"POP", "S: DATA fragment, 32 bytes", "eth:ethertype:ip:tcp:pop", "imf.from="});
        server(110, 40000, "\r\nbody\r\n.\r\n",
               {"POP", "S: DATA fragment, 11 bytes", "eth:ethertype:ip:tcp:pop", "imf.from="});
        client(40000, 110, "AUTH PLAIN\r\n", {"POP", "C: AUTH PLAIN", "eth:ethertype:ip:tcp:pop", ""});
        // Neither +OK nor -ERR: the part that reaches the announced size, and the message is shown.
        server(110, 40000, "+ \r\n",
               {"POP/IMF", "from: a@b.example, subject: Hi, , body  , .  , +   ", "eth:ethertype:ip:tcp:pop:imf",
                "imf.from=a@b.example;imf.subject=Hi"});
        // With no size announced every such reply is a message of its own.
        server(110, 40000, "+ \r\n", {"POP/IMF", "+   ", "eth:ethertype:ip:tcp:pop:imf", "imf.from="});

        // SMTP: the segment ending DATA shows the message.
        client(40001, 25, "DATA\r\n", {"SMTP", "C: DATA", "eth:ethertype:ip:tcp:smtp", "smtp.req.command=DATA"});
        server(25, 40001, "354 go ahead\r\n", {"SMTP", "S: 354 go ahead", "eth:ethertype:ip:tcp:smtp", ""});
        client(40001, 25, "From: x@y.example\r\nSubject: Test\r\nX-Note: n\r\n\r\nHello\r\n",
               {"SMTP", "C: DATA fragment, 54 bytes", "eth:ethertype:ip:tcp:smtp:data-text-lines", ""});
        client(40001, 25, ".\r\n",
               {"SMTP/IMF", "from: x@y.example, subject: Test, , Hello  ", "eth:ethertype:ip:tcp:smtp:imf",
                "imf.from=x@y.example;imf.subject=Test;imf.extension.type=X-Note;imf.extension.value=n"});

        // An HTTP header over three segments, the middle one with an MPTCP option: TCP.
        client(40002, 80, "GET / HTTP/1.1\r\nHost: a\r\n",
               {"TCP", "GET / HTTP/1.1  [TCP segment of a reassembled PDU]", "eth:ethertype:ip:tcp", ""});
        client(40002, 80, "User-Agent: b\r\n",
               {"TCP", "GET / HTTP/1.1  [TCP segment of a reassembled PDU]", kNoMptcpLayer, ""},
               kMptcpDssPadded);
        client(40002, 80, "\r\n", {"HTTP", "GET / HTTP/1.1 ", "eth:ethertype:ip:tcp:http", "http.user_agent=b"});
        // Alone, the option names the segment.
        client(40003, 40004, "x",
               {"MPTCP", "40003 \xe2\x86\x92 40004 [PSH, ACK] Seq=1 Ack=1 Win=5840 Len=1", kNoMptcpLayer, ""},
               kMptcpDssPadded);

        // Provider backbone bridging, Arista's timestamps, DTLS's ports, OCSP over HTTP.
        frame(ethernet(0x88e7, cat({fromHex("001ebb44"), fromHex("10604b7dba7510604b7f2d27"), fromHex("0800"),
                                    ipv4(17, kDnsQuery)})),
              {"DNS", "Standard query 0x1234 A www.example.com", "eth:ethertype:ieee8021ah:ethertype:ip:udp:dns",
               "ieee8021ah.isid=2014020;ieee8021ah.priority=0;ieee8021ah.cdst=10:60:4b:7d:ba:75;"
               "ieee8021ah.csrc=10:60:4b:7f:2d:27;ieee8021ah.etype=0x0800"});
        frame(ethernet(0x88e7, cat({fromHex("a01ebb44"), fromHex("10604b7dba7510604b7f2d27"),
                                    fromHex("8100"), vlan(4020, 0x0800, ipv4(17, kDnsQuery))})),
              {"DNS", "Standard query 0x1234 A www.example.com",
               "eth:ethertype:ieee8021ah:ethertype:vlan:ethertype:ip:udp:dns", "ieee8021ah.priority=5;vlan.id=4020"});
        frame(ethernet(0xd28b, cat({fromHex("000100105ceeed57384f59c80800"), ipv4(17, kDnsQuery)})),
              {"DNS", "Standard query 0x1234 A www.example.com", "eth:ethertype:avsp:ethertype:ip:udp:dns",
               "avsp.sub_type=1;avsp.ver=0x0010;avsp.64sec=1559162199;avsp.64ns=944724424;avsp.etype=0x0800"});
        frame(ethernet(0xd28b, cat({fromHex("000100115ceeed58"), ipv4(17, kDnsQuery)})),
              {"AVSP", "", "eth:ethertype:avsp", "avsp.ver=0x0011;avsp.etype="});
        frame(ethernet(0x0800, ipv4(17, udp(46907, 853, fromHex("c00000000108fda05288ab9ff546080fb934775f247b8e")))),
              {"DTLS", "Continuation Data", "eth:ethertype:ip:udp:dtls", "dtls.record.content_type="});
        const Bytes ocspRequest = fromHex(
            "30493047304530433041300906052b0e03021a05000414f2e06af9858a1d8d709b4919237aa9b51a287e640414"
            "4add06161bbcf668b576f581b6bb621aba5a812f02083d474496ff942316");
        client(40005, 80,
               "POST / HTTP/1.1\r\nHost: ocsp.example\r\nContent-Type: application/ocsp-request\r\n"
               "Content-Length: 75\r\n\r\n" + std::string(ocspRequest.begin(), ocspRequest.end()),
               {"OCSP", "Request", "eth:ethertype:ip:tcp:http:ocsp", "http.request.method=POST"});
        server(80, 40005,
               "HTTP/1.1 200 OK\r\nContent-Type: application/ocsp-response\r\nContent-Length: 5\r\n\r\n"
               "\x30\x03\x0a\x01\x06",
               {"OCSP", "Response", "eth:ethertype:ip:tcp:http:ocsp", "http.response.code=200"});

        // HTTP/2 after an h2c upgrade: HTTP hands the connection over (http:http2).
        client(40006, 80, "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n",
               {"HTTP", "GET / HTTP/1.1 ", "eth:ethertype:ip:tcp:http", ""});
        server(80, 40006,
               "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n" +
                   std::string("\x00\x00\x06\x04\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x64", 15),
               {"HTTP2", "HTTP/1.1 101 Switching Protocols , SETTINGS[0]", "eth:ethertype:ip:tcp:http:http2",
                "http2.type=4;http2.settings.id=3;http2.settings.max_concurrent_streams=100"});
        client(40006, 80,
               "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + std::string("\x00\x00\x00\x04\x01\x00\x00\x00\x00", 9),
               {"HTTP2", "Magic, SETTINGS[0]", "eth:ethertype:ip:tcp:http:http2",
                "http2.magic=PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n;http2.type=4;http2.flags=0x01"});
        server(80, 40006,
               std::string("\x00\x00\x04\x08\x00\x00\x00\x00\x00\x00\x0f\x00\x01", 13) +
                   std::string("\x00\x00\x08\x07\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x00", 17),
               {"HTTP2", "WINDOW_UPDATE[0], GOAWAY[0]", "eth:ethertype:ip:tcp:http:http2",
                "http2.window_update.window_size_increment=983041;http2.goaway.last_stream_id=3;http2.goaway.error=0"});

        // Finger: the query line; the response until the server's FIN.
        client(40007, 79, "user\r\n", {"FINGER", "Query", "eth:ethertype:ip:tcp:finger", "finger.query=user\\r\\n"});
        server(79, 40007, "Login: user\r\n",
               {"TCP", "Response [TCP segment of a reassembled PDU]", "eth:ethertype:ip:tcp", "finger.response="});
        server(79, 40007, "Plan: none\r\n", {"FINGER", "Response", "eth:ethertype:ip:tcp:finger", ""}, 0x019);

        for (std::size_t i = 0; i < m_frames.size(); ++i) {
            m_out.emplace_back();
            m_dissector.dissect(frameOf(m_frames[i]), i + 1, m_out.back());
        }
    }
    void TearDown() override
    {
        dumpFramesForTshark(m_frames, ::testing::UnitTest::GetInstance()->current_test_info()->name());
    }

    std::map<std::uint32_t, std::uint32_t> m_seq;
    std::vector<Bytes> m_frames;
    std::vector<Row> m_rows;
    Dissector m_dissector;
    std::vector<Dissection> m_out;
};

TEST_F(DissectDepth4, ColumnsAndFieldsAsTshark)
{
    const auto protocols = findField("frame.protocols");
    ASSERT_TRUE(protocols.has_value());
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        SCOPED_TRACE("frame " + std::to_string(i + 1));
        const PacketSummary s = m_out[i].summary();
        EXPECT_EQ(s.protocol, m_rows[i].protocol);
        EXPECT_EQ(s.info, m_rows[i].info);
        if (!m_rows[i].protocols.empty()) {
            EXPECT_EQ(m_out[i].fieldText(*protocols), m_rows[i].protocols);
        }
        expectFieldTexts(m_out[i], m_rows[i].fields);
    }
}

TEST_F(DissectDepth4, FiltersPassTheFramesTsharkPassed)
{
    const struct {
        std::string_view filter;
        std::vector<int> frames;
    } cases[] = {
        {"wlan", {1, 2, 3, 4, 5, 6, 7, 8}},
        {"wlan.fc.type_subtype == 0x28", {1, 4, 8}},
        {"wlan.fc.type == 1", {5}},
        {"wlan.bssid == 00:11:dc:00:00:01", {6}},
        {"wlan.addr == 02:00:00:00:00:04", {7}},
        {"wlan.fc.protected == 1", {4}},
        {"wlan.qos.tid == 7", {4}},
        {"wlan.seq > 100", {1, 4}},
        {"wlan.ssid", {6}},
        {"llc && ip.proto == 17", {1, 7}},
        {"imf", {14, 15, 19}},
        {"imf.subject == \"Test\"", {19}},
        {"imf.from contains \"x@\"", {19}},
        {"imf.extension.type == \"X-Note\"", {19}},
        {"pop && !imf", {9, 10, 11, 12, 13}},
        {"wlan.fc.ds == 3", {7}},
        {"wlan.ssid == \"lab\"", {6}},
        {"wlan.fixed.beacon == 100", {6}},
        {"gre.proto == 0x8210", {6}},
        {"ieee8021ah.isid == 2014020", {24, 25}},
        {"ieee8021ah.priority == 5", {25}},
        {"avsp", {26, 27}},
        {"avsp.64sec > 0", {26}},
        {"dtls", {28}},
        {"ocsp", {29, 30}},
        {"http2", {32, 33, 34}},
        {"http2.type == 4", {32, 33}},
        {"http2.streamid == 0 && http2.type == 7", {34}},
        {"finger", {35, 37}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.filter);
        FilterError error;
        const auto filter = DisplayFilter::compile(c.filter, error);
        ASSERT_TRUE(filter) << error.describe(c.filter);
        std::vector<int> passed;
        for (std::size_t i = 0; i < m_frames.size(); ++i)
            if (filter->matches(m_out[i], frameOf(m_frames[i]).data)) passed.push_back(static_cast<int>(i + 1));
        EXPECT_EQ(passed, c.frames);
    }
}

// NFLOG (LINKTYPE_NFLOG 239): TLVs in host byte order before the logged IPv4 datagram. tshark
// reads them little-endian (its host's order), so a big-endian capture's first TLV runs past
// the frame there.
TEST(DissectNflog, ColumnsAndFieldsAsTshark)
{
    const Bytes datagram = ipv4(17, kDnsQuery);
    const auto nflog = [&](bool littleEndian) {
        const auto tlv = [&](Bytes& b, unsigned type, const Bytes& value) {
            const unsigned length = 4 + static_cast<unsigned>(value.size());
            if (littleEndian) {
                put8(b, length & 0xff), put8(b, length >> 8), put8(b, type & 0xff), put8(b, type >> 8);
            } else {
                put16(b, length), put16(b, type);
            }
            append(b, value);
            while (b.size() % 4) b.push_back(0);
        };
        Bytes b{2, 0, 0, 42};
        tlv(b, 1, fromHex("08000300"));
        tlv(b, 10, text(std::string_view("drop\0", 5)));
        tlv(b, 5, fromHex("00000002"));
        tlv(b, 11, fromHex("000003e8"));
        tlv(b, 9, datagram);
        return b;
    };
    const auto protocols = findField("frame.protocols");
    ASSERT_TRUE(protocols.has_value());
    Dissector dissector;
    Dissection out;
    const Bytes little = nflog(true);
    dissector.dissect(frameOf(little, 239), 1, out);
    EXPECT_EQ(out.summary().protocol, "DNS");
    EXPECT_EQ(out.summary().info, "Standard query 0x1234 A www.example.com");
    EXPECT_EQ(out.fieldText(*protocols), "nflog:ip:udp:dns");
    expectFieldTexts(out, "nflog.family=2;nflog.res_id=42;nflog.prefix=drop;nflog.ifindex_outdev=2;nflog.uid=1000;"
                          "nflog.hook=3;nflog.protocol=0x0800;nflog.tlv_type=1,10,5,11,9");
    const Bytes big = nflog(false);
    dissector.dissect(frameOf(big, 239), 2, out);
    EXPECT_EQ(out.summary().protocol, "NFLOG");
    EXPECT_EQ(out.summary().info, "[Malformed Packet]");
    EXPECT_EQ(out.fieldText(*protocols), "nflog");
    expectFieldTexts(out, "nflog.family=2;nflog.res_id=42;nflog.tlv_type=;nflog.prefix=");
}

// Bounded loops and checked reads: every prefix of every frame dissects without reading past
// its end.
TEST_F(DissectDepth4, EveryTruncationIsHandled)
{
    Dissector dissector;
    Dissection out;
    for (const Bytes& f : m_frames)
        for (std::size_t cut = 0; cut <= f.size(); ++cut) dissector.dissect(frameOf(f, link_type::Ethernet, cut), 1, out);
    SUCCEED();
}

}  // namespace
}  // namespace rcvmon
