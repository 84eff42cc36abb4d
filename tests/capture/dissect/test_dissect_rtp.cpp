// SPDX-License-Identifier: GPL-2.0-or-later
// RTP, RTCP and RTP EVENT on the streams SIP/SDP and SAP announce, against tshark 4.0 for the
// same bytes: three calls (offer in the INVITE; a late offer in a 183 with early media; IPv6 media)
// and a multicast session SAP announces
// with RTP carrying CSRCs, RFC 8285 extensions, padding and telephone events, compound RTCP
// (SR + SDES, RR + BYE with a reason, APP), and datagrams on ports nobody announced. Every
// rtp/rtcp/rtpevent/sdp/g723 field RcvMon registers, frame.protocols and both columns are
// compared with tshark's, frame by frame (sap too); the fixed expectations below were read from it too.
#include "dissect/detail_tree.h"
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "dissect/protocol_registry.h"
#include "filter/display_filter.h"
#include "require.h"
#include "tls_packets.h"
#include "tshark_tsv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

constexpr Ip4 kAlice{198, 18, 0, 1};
constexpr Ip4 kBob{198, 18, 0, 2};

Bytes text(std::string_view s) { return Bytes(s.begin(), s.end()); }

Bytes udp4(Ip4 src, Ip4 dst, std::uint16_t sport, std::uint16_t dport, const Bytes& payload)
{
    return ethernet(0x0800, ipv4(17, udp(sport, dport, payload), src, dst));
}

Bytes udp6(const Ip6& src, const Ip6& dst, std::uint16_t sport, std::uint16_t dport, const Bytes& payload)
{
    return ethernet(0x86dd, ipv6(17, udp(sport, dport, payload), src, dst));
}

std::string sdp(std::string_view family, std::string_view address, unsigned port, std::string_view formats,
                std::string_view attributes)
{
    std::string s = "v=0\r\no=alice 2890844526 2890844526 IN " + std::string(family) + " " + std::string(address) +
                    "\r\ns=-\r\nc=IN " + std::string(family) + " " + std::string(address) + "\r\nt=0 0\r\n";
    s += "m=audio " + std::to_string(port) + " RTP/AVP " + std::string(formats) + "\r\n" + std::string(attributes);
    return s;
}

Bytes sip(std::string_view firstLine, std::string_view callId, std::string_view cseq, std::string_view body)
{
    std::string s(firstLine);
    s += "\r\nVia: SIP/2.0/UDP 198.18.0.1:5060;branch=z9hG4bK776asdhds\r\nFrom: <sip:alice@198.18.0.1>;tag=1928301774";
    s += "\r\nTo: <sip:bob@198.18.0.2>\r\nCall-ID: " + std::string(callId) + "\r\nCSeq: " + std::string(cseq);
    s += "\r\nContact: <sip:alice@198.18.0.1>\r\n";
    if (!body.empty()) s += "Content-Type: application/sdp\r\n";
    s += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
    return text(s);
}

struct RtpHeader {
    unsigned type = 0, seq = 0;
    std::uint32_t timestamp = 0, ssrc = 0;
    bool marker = false;
    std::vector<std::uint32_t> csrcs;
    std::uint16_t extensionProfile = 0;
    Bytes extension;  // whole 32-bit words
    unsigned padding = 0;
};

RtpHeader header(unsigned type, unsigned seq, std::uint32_t timestamp, std::uint32_t ssrc, bool marker = false)
{
    RtpHeader h;
    h.type = type;
    h.seq = seq;
    h.timestamp = timestamp;
    h.ssrc = ssrc;
    h.marker = marker;
    return h;
}

RtpHeader withCsrcs(RtpHeader h, std::vector<std::uint32_t> csrcs)
{
    h.csrcs = std::move(csrcs);
    return h;
}

RtpHeader withExtension(RtpHeader h, std::uint16_t profile, Bytes words, unsigned padding = 0)
{
    h.extensionProfile = profile;
    h.extension = std::move(words);
    h.padding = padding;
    return h;
}

Bytes rtp(const RtpHeader& h, const Bytes& payload)
{
    Bytes b;
    put8(b, 0x80 | (h.padding ? 0x20 : 0) | (h.extension.empty() ? 0 : 0x10) | static_cast<unsigned>(h.csrcs.size()));
    put8(b, (h.marker ? 0x80 : 0) | h.type);
    put16(b, h.seq);
    put32(b, h.timestamp);
    put32(b, h.ssrc);
    for (std::uint32_t c : h.csrcs) put32(b, c);
    if (!h.extension.empty()) {
        put16(b, h.extensionProfile);
        put16(b, static_cast<unsigned>(h.extension.size() / 4));
        append(b, h.extension);
    }
    append(b, payload);
    for (unsigned i = 1; i < h.padding; ++i) put8(b, 0);
    if (h.padding) put8(b, h.padding);
    return b;
}

Bytes audio(std::size_t n) { return Bytes(n, 0xd5); }

Bytes rtcpHeader(unsigned count, unsigned type, std::size_t bodyBytes)
{
    Bytes b;
    put8(b, 0x80 | count);
    put8(b, type);
    put16(b, static_cast<unsigned>(bodyBytes / 4));
    return b;
}

Bytes reportBlock(std::uint32_t ssrc, unsigned fraction, unsigned lost, std::uint32_t highest)
{
    Bytes b;
    put32(b, ssrc);
    put8(b, fraction);
    put8(b, lost >> 16);
    put16(b, lost & 0xffff);
    put32(b, highest);
    put32(b, 0x1234);
    put32(b, 0x5678);
    put32(b, 0x9abc);
    return b;
}

Bytes sourceDescription(std::uint32_t ssrc, std::initializer_list<std::pair<unsigned, std::string_view>> items)
{
    Bytes chunk;
    put32(chunk, ssrc);
    for (const auto& [type, value] : items) {
        put8(chunk, type);
        put8(chunk, static_cast<unsigned>(value.size()));
        append(chunk, value);
    }
    put8(chunk, 0);
    while (chunk.size() % 4) put8(chunk, 0);
    return cat({rtcpHeader(1, 202, chunk.size()), chunk});
}

// Three calls, in the order a capture would hold them.
std::vector<Bytes> callFrames()
{
    std::vector<Bytes> f;
    const std::string offer = sdp("IP4", "198.18.0.1", 40000, "0 8 101",
                                  "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n");
    const std::string answer = sdp("IP4", "198.18.0.2", 50000, "8 101",
                                   "a=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n");
    // Call 1: offer in the INVITE, answer in the 200 OK.
    f.push_back(udp4(kAlice, kBob, 5060, 5060, sip("INVITE sip:bob@198.18.0.2 SIP/2.0", "call-1@198.18.0.1", "1 INVITE", offer)));
    f.push_back(udp4(kBob, kAlice, 5060, 5060, sip("SIP/2.0 200 OK", "call-1@198.18.0.1", "1 INVITE", answer)));
    f.push_back(udp4(kAlice, kBob, 5060, 5060, sip("ACK sip:bob@198.18.0.2 SIP/2.0", "call-1@198.18.0.1", "1 ACK", "")));
    f.push_back(udp4(kAlice, kBob, 40000, 50000, rtp(header(0, 1000, 160, 0x11223344, true), audio(160))));
    f.push_back(udp4(kBob, kAlice, 50000, 40000, rtp(header(8, 65535, 320, 0x5566778), audio(160))));
    f.push_back(udp4(kBob, kAlice, 50000, 40000, rtp(header(8, 0, 480, 0x5566778), audio(160))));
    f.push_back(udp4(kAlice, kBob, 40000, 50000,
                     rtp(withCsrcs(header(0, 1001, 320, 0x11223344), {0xaabbccdd, 0x01020304}), audio(160))));
    // One-byte elements (with a padding byte between them) and RTP padding.
    f.push_back(udp4(kAlice, kBob, 40000, 50000,
                     rtp(withExtension(header(0, 1002, 480, 0x11223344), 0xbede, {0x10, 0xaa, 0x00, 0x21, 0x01, 0x02, 0x03, 0x00}, 4),
                         audio(160))));
    // Two-byte elements, then a profile of its own (words of extension data).
    f.push_back(udp4(kAlice, kBob, 40000, 50000,
                     rtp(withExtension(header(0, 1003, 640, 0x11223344), 0x1000, {0x05, 0x02, 0xbe, 0xef}), audio(160))));
    f.push_back(udp4(kAlice, kBob, 40000, 50000,
                     rtp(withExtension(header(0, 1004, 800, 0x11223344), 0x1234, {1, 2, 3, 4, 5, 6, 7, 8}), audio(160))));
    // DTMF 5 pressed and released, then '#'.
    f.push_back(udp4(kAlice, kBob, 40000, 50000, rtp(header(101, 1005, 960, 0x11223344, true), Bytes{5, 0x0a, 0, 160})));
    f.push_back(udp4(kAlice, kBob, 40000, 50000, rtp(header(101, 1006, 960, 0x11223344), Bytes{5, 0x8a, 1, 64})));
    f.push_back(udp4(kAlice, kBob, 40000, 50000, rtp(header(101, 1007, 1120, 0x11223344), Bytes{11, 0x0a, 0, 80})));
    // G.723.1 and an unassigned static type.
    f.push_back(udp4(kAlice, kBob, 40000, 50000, rtp(header(4, 1008, 1280, 0x11223344), audio(24))));
    f.push_back(udp4(kAlice, kBob, 40000, 50000, rtp(header(40, 1009, 1440, 0x11223344), audio(20))));
    // A first version and a datagram too short for the fixed header.
    f.push_back(udp4(kAlice, kBob, 40000, 50000, Bytes{0x40, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 7, 0xaa, 0xaa}));
    f.push_back(udp4(kAlice, kBob, 40000, 50000, Bytes{0x80, 0, 0}));
    // RTCP on the next ports: SR + SDES, RR + BYE with a reason, APP, and no RTCP type at all.
    {
        Bytes sr;
        put32(sr, 0x11223344);
        put32(sr, 0xe1234567);
        put32(sr, 0x89abcdef);
        put32(sr, 480);
        put32(sr, 3);
        put32(sr, 480);
        append(sr, reportBlock(0x5566778, 5, 2, 0x00010000));
        f.push_back(udp4(kAlice, kBob, 40001, 50001,
                         cat({rtcpHeader(1, 200, sr.size()), sr,
                              sourceDescription(0x11223344, {{1, "alice@198.18.0.1"}, {6, "rcvmon test"}})})));
    }
    {
        Bytes rr;
        put32(rr, 0x5566778);
        append(rr, reportBlock(0x11223344, 0, 0, 1007));
        Bytes bye;
        put32(bye, 0x5566778);
        put8(bye, 6);
        append(bye, std::string_view("hangup"));
        put8(bye, 0);
        f.push_back(udp4(kBob, kAlice, 50001, 40001, cat({rtcpHeader(1, 201, rr.size()), rr, rtcpHeader(1, 203, bye.size()), bye})));
        Bytes app;
        put32(app, 0x5566778);
        append(app, std::string_view("TEST"));
        append(app, std::string_view("abcdefgh"));
        f.push_back(udp4(kBob, kAlice, 50001, 40001, cat({rtcpHeader(3, 204, app.size()), app})));
        f.push_back(udp4(kBob, kAlice, 50001, 40001, cat({rtcpHeader(0, 190, 4), Bytes{0, 0, 0, 1}})));
    }
    // Ports nobody announced stay UDP.
    f.push_back(udp4(kAlice, kBob, 40010, 50010, rtp(header(0, 1, 1, 1), audio(20))));
    f.push_back(udp4(kAlice, kBob, 5060, 5060, sip("BYE sip:bob@198.18.0.2 SIP/2.0", "call-1@198.18.0.1", "2 BYE", "")));

    // Call 2: no SDP in the INVITE; the 183's SDP brings early media from Bob, with a
    // dynamic type its rtpmap names.
    f.push_back(udp4(kAlice, kBob, 5060, 5060, sip("INVITE sip:bob@198.18.0.2 SIP/2.0", "call-2@198.18.0.1", "1 INVITE", "")));
    f.push_back(udp4(kBob, kAlice, 5060, 5060,
                     sip("SIP/2.0 183 Session Progress", "call-2@198.18.0.1", "1 INVITE",
                         sdp("IP4", "198.18.0.2", 52000, "97 0", "a=rtpmap:97 speex/16000\r\n"))));
    f.push_back(udp4(kBob, kAlice, 52000, 40100, rtp(header(97, 7, 0, 0xcafe), audio(40))));
    f.push_back(udp4(kBob, kAlice, 52000, 40100, rtp(header(96, 8, 320, 0xcafe), audio(40))));

    // Call 3: IPv6 media.
    const Ip6 alice6 = kIp6A, bob6 = kIp6B;
    f.push_back(udp6(alice6, bob6, 5060, 5060,
                     sip("INVITE sip:bob@[2001:db8::2] SIP/2.0", "call-3@2001:db8::1", "1 INVITE",
                         sdp("IP6", "2001:db8::1", 41000, "0", ""))));
    f.push_back(udp6(bob6, alice6, 51000, 41000, rtp(header(0, 3, 3, 0xbeef), audio(80))));
    f.push_back(udp6(bob6, alice6, 51001, 41001,
                     cat({rtcpHeader(0, 201, 4), Bytes{0, 0, 0xbe, 0xef}})));

    // A SAP announcement of a multicast session (TTL and address count after the group),
    // then the group's RTP.
    const Ip4 group{233, 252, 0, 1};
    Bytes sap{0x20, 0, 0x12, 0x34, 198, 18, 0, 1};
    append(sap, std::string_view("application/sdp"));
    put8(sap, 0);
    append(sap, std::string_view("v=0\r\no=- 1 1 IN IP4 198.18.0.1\r\ns=lecture\r\nc=IN IP4 233.252.0.1/127/1\r\n"
                                 "t=0 0\r\nm=audio 5004/1 RTP/AVP 0\r\n"));
    f.push_back(udp4(kAlice, group, 9875, 9875, sap));
    f.push_back(udp4(kAlice, group, 40200, 5004, rtp(header(0, 9, 9, 0x5a9), audio(40))));
    return f;
}

std::vector<FieldId> comparedFields()
{
    std::vector<FieldId> ids;
    const auto& fields = protocolTables().fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view name = fields[i].name;
        for (std::string_view prefix : {"rtp.", "rtcp.", "rtpevent.", "sdp.", "sap.", "g723.", "sip.call_id_generated"})
            if (name.substr(0, prefix.size()) == prefix) ids.push_back(static_cast<FieldId>(i));
    }
    return ids;
}

class RtpTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_frames = callFrames();
        Dissector dissector;
        m_out.resize(m_frames.size());
        for (std::size_t i = 0; i < m_frames.size(); ++i) {
            Dissection& d = m_out[i];
            dissector.dissect(frameOf(m_frames[i]), i + 1, d);
            m_protocols.push_back(d.fieldText(field::FrameProtocols));
            m_columns.push_back(d.fieldText(field::ColProtocol));
            m_infos.push_back(d.fieldText(field::ColInfo));
            std::vector<std::string> values;
            for (FieldId id : m_ids) {
                values.emplace_back();
                d.appendFieldText(id, values.back());
            }
            m_values.push_back(std::move(values));
        }
    }
    std::string value(std::size_t frame, std::string_view name) const
    {
        for (std::size_t c = 0; c < m_ids.size(); ++c)
            if (fieldInfo(m_ids[c]).name == name) return m_values[frame - 1][c];
        return "<not registered>";
    }

    // tshark's output for these frames with `arguments` (fields, a filter).
    std::string tshark(const std::string& arguments) const
    {
        const std::filesystem::path dir =
            std::filesystem::temp_directory_path() / ("rcvmon-rtp-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        const std::string pcap = (dir / "calls.pcap").string();
        writePcap(pcap, m_frames);
        const std::string cmd = "tshark -n -r '" + pcap + "' " + arguments + " 2>/dev/null";
        std::string out;
        if (FILE* pipe = popen(cmd.c_str(), "r")) {
            char buf[65536];
            std::size_t n;
            while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
            pclose(pipe);
        }
        std::filesystem::remove_all(dir);
        return out;
    }

    std::vector<FieldId> m_ids = comparedFields();
    std::vector<Bytes> m_frames;
    std::vector<Dissection> m_out;
    std::vector<std::string> m_protocols, m_columns, m_infos;
    std::vector<std::vector<std::string>> m_values;
};

TEST_F(RtpTest, StreamsSdpAnnouncedAreRtpAndRtcp)
{
    EXPECT_EQ(m_columns[0], "SIP/SDP");
    EXPECT_EQ(m_protocols[0], "eth:ethertype:ip:udp:sip:sdp");
    EXPECT_EQ(m_infos[3], "PT=ITU-T G.711 PCMU, SSRC=0x11223344, Seq=1000, Time=160, Mark");
    EXPECT_EQ(m_protocols[3], "eth:ethertype:ip:udp:rtp");
    EXPECT_EQ(value(4, "rtp.setup-frame"), "1");
    EXPECT_EQ(value(4, "rtp.setup-method"), "SDP");
    EXPECT_EQ(value(4, "sip.call_id_generated"), "call-1@198.18.0.1");
    // Bob's answer set up his side too, named by the INVITE it answers.
    EXPECT_EQ(value(5, "rtp.setup-frame"), "1");
    EXPECT_EQ(value(5, "rtp.ssrc"), "0x05566778");
    // The extended sequence number runs on across the wrap (Bob's first, 65535, counts from 0).
    EXPECT_EQ(value(5, "rtp.extseq"), "65535");
    EXPECT_EQ(value(6, "rtp.extseq"), "65536");
    EXPECT_EQ(m_columns[10], "RTP EVENT");
    EXPECT_EQ(m_infos[10], "Payload type=RTP Event, DTMF Five 5");
    EXPECT_EQ(m_infos[11], "Payload type=RTP Event, DTMF Five 5 (end)");
    EXPECT_EQ(m_infos[12], "Payload type=RTP Event, DTMF Pound #");
    EXPECT_EQ(m_infos[17], "Sender Report   Source description   ");
    EXPECT_EQ(value(18, "rtcp.sdes.text"), "alice@198.18.0.1,rcvmon test");
    EXPECT_EQ(m_infos[18], "Receiver Report   Goodbye   ");
    EXPECT_EQ(m_infos[19], "Application specific   ( TEST ) subtype=3");
    EXPECT_EQ(m_columns[21], "UDP");  // nobody announced these ports
    // Early media: a provisional 183 sets its streams up itself (only final responses name
    // their request, as frames 4-5 show); its rtpmap names type 97.
    EXPECT_EQ(m_infos[25], "PT=speex, SSRC=0xCAFE, Seq=7, Time=0");
    EXPECT_EQ(value(27, "rtp.setup-frame"), "25");
    EXPECT_EQ(m_infos[26], "PT=DynamicRTP-Type-96, SSRC=0xCAFE, Seq=8, Time=320");
    EXPECT_EQ(m_protocols[28], "eth:ethertype:ipv6:udp:rtp");
    // SAP's SDP sets up the multicast group's RTP as SIP's does.
    EXPECT_EQ(m_columns[30], "SAP/SDP");
    EXPECT_EQ(m_infos[30], "Announcement (v1)");
    EXPECT_EQ(value(31, "sdp.connection_info.ttl"), "127");
    EXPECT_EQ(m_columns[31], "RTP");
    EXPECT_EQ(value(32, "rtp.setup-frame"), "31");
}

// The tree words bit fields and names as tshark -V does: the bits in their octet, booleans as
// True/False, a dynamic payload type by the name SDP gave it.
TEST_F(RtpTest, DetailTreeWordsFieldsAsTsharkVerbose)
{
    Dissector dissector;
    Dissection d;
    constexpr std::size_t kSpeexFrame = 26;
    for (std::size_t i = 0; i < kSpeexFrame; ++i) dissector.dissect(frameOf(m_frames[i]), i + 1, d);
    const std::vector<DetailLine> lines = buildDetailTree(d, frameOf(m_frames[kSpeexFrame - 1]));
    const auto line = [&](std::string_view name) {
        for (const DetailLine& l : lines)
            if (l.name == name) return l.text;
        return std::string("<no line>");
    };
    EXPECT_EQ(line("rtp.version"), "10.. .... = Version: RFC 1889 Version (2)");
    EXPECT_EQ(line("rtp.padding"), "..0. .... = Padding: False");
    EXPECT_EQ(line("rtp.cc"), ".... 0000 = Contributing source identifiers count: 0");
    EXPECT_EQ(line("rtp.marker"), "0... .... = Marker: False");
    EXPECT_EQ(line("rtp.p_type"), "Payload type: speex (97)");
    EXPECT_EQ(line("rtp.setup-method"), "Setup Method: SDP");

    // Bytes as bare hex: the two-byte element's data of frame 9.
    Dissector again;
    Dissection nine;
    for (std::size_t i = 0; i < 9; ++i) again.dissect(frameOf(m_frames[i]), i + 1, nine);
    const std::vector<DetailLine> ninth = buildDetailTree(nine, frameOf(m_frames[8]));
    const auto data = std::find_if(ninth.begin(), ninth.end(), [](const DetailLine& l) { return l.name == "rtp.ext.rfc5285.data"; });
    ASSERT_NE(data, ninth.end());
    EXPECT_EQ(data->text, "Extension Data: beef");
}

// Every field, frame.protocols and both columns as tshark prints them for the same bytes.
TEST_F(RtpTest, AgreesWithTsharkFieldByField)
{
    RCVMON_REQUIRE(std::system("tshark -v >/dev/null 2>&1") == 0, rcvmon::test::toolWhat("tshark"));
    std::string arguments = "-T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=,"
                            " -e frame.protocols -e _ws.col.Protocol -e _ws.col.Info";
    for (FieldId id : m_ids) arguments += " -e " + std::string(fieldInfo(id).name);
    const std::string out = tshark(arguments);
    const tsv::Table expected = tsv::parseTable(out);
    ASSERT_EQ(expected.header.size(), m_ids.size() + 3) << "tshark refused a field name: " << out.substr(0, 200);
    ASSERT_EQ(expected.rows.size(), m_frames.size());
    tsv::Comparison comparison;
    for (std::size_t i = 0; i < m_frames.size(); ++i) {
        std::vector<std::string> actual{m_protocols[i], m_columns[i], m_infos[i]};
        actual.insert(actual.end(), m_values[i].begin(), m_values[i].end());
        comparison.compareRow("calls.pcap", "reasm", i + 1, expected.header, expected.rows[i], actual);
    }
    for (const tsv::Mismatch& m : comparison.mismatches()) ADD_FAILURE() << tsv::describe(m);
    std::printf("%zu fields over %zu frames compared with tshark\n", m_ids.size() + 3, m_frames.size());
}

// Display filters over the new fields pass the frames `tshark -Y` passes.
TEST_F(RtpTest, FiltersPassTheFramesTsharkPasses)
{
    RCVMON_REQUIRE(std::system("tshark -v >/dev/null 2>&1") == 0, rcvmon::test::toolWhat("tshark"));
    const char* const filters[] = {
        "rtp", "rtcp", "rtpevent", "sdp", "rtp.ssrc == 0x11223344", "rtp.marker == 1", "rtp.p_type == 97",
        "rtp.seq >= 1003 && rtp.seq < 1008", "rtp.extseq > 65536", "rtp.setup-frame == 2", "rtp.csrc.item",
        "rtp.ext.rfc5285.id == 2", "rtpevent.event_id == 5 && rtpevent.end_of_event", "rtcp.pt == 200",
        "rtcp.sdes.text contains \"alice\"", "rtcp.ssrc.high_seq == 1007", "rtcp.app.name == \"TEST\"",
        "sdp.media.port == 52000", "sdp.mime.type == \"telephone-event\"", "sdp.connection_info.address_type == \"IP6\"",
        "sip.call_id_generated == \"call-2@198.18.0.1\"", "g723", "rtp.payload[0] == d5", "sap.flags.t == 0",
        "sap.originating_source == 198.18.0.1"};
    for (const char* text : filters) {
        SCOPED_TRACE(text);
        FilterError error;
        const auto filter = DisplayFilter::compile(text, error);
        ASSERT_TRUE(filter) << error.describe(text);
        std::string ours;
        for (std::size_t i = 0; i < m_frames.size(); ++i)
            if (filter->matches(m_out[i], frameOf(m_frames[i]).data)) ours += std::to_string(i + 1) + "\n";
        EXPECT_EQ(ours, tshark("-T fields -e frame.number -Y '" + std::string(text) + "'"));
    }
}

}  // namespace
}  // namespace rcvmon
