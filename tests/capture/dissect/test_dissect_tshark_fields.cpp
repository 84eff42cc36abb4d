// SPDX-License-Identifier: GPL-2.0-or-later
// Beyond the corpus tsv columns: runs the installed tshark on every corpus capture with the
// other fields RcvMon registers (eth.type, ip.id, tcp.seq, dns.qry.name, the Source and
// Destination columns, ...) and compares them field by field, in both reassembly modes.
// Remaining differences are listed in known_gaps_fields.tsv under the same rules.
#include "capture_frames.h"
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "require.h"
#include "tshark_tsv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace rcvmon {
namespace {

namespace fs = std::filesystem;

const char* const kFields[] = {
    "eth.type", "vlan.etype", "vlan.priority", "mpls.label", "mpls.bottom", "mpls.ttl",
    "llc.dsap", "llc.control", "llc.pid", "sll.pkttype", "sll.hatype", "sll.etype", "null.family",
    "arp.hw.type", "arp.proto.type", "arp.src.hw_mac", "arp.src.proto_ipv4", "arp.dst.hw_mac",
    "arp.dst.proto_ipv4", "ip.version", "ip.hdr_len", "ip.dsfield", "ip.len", "ip.id", "ip.flags", "ip.flags.df",
    "ip.flags.mf", "ip.frag_offset", "ip.checksum", "ipv6.version", "ipv6.tclass", "ipv6.flow", "ipv6.plen",
    "ipv6.hlim", "ipv6.fraghdr.ident", "ipv6.fraghdr.more", "ipv6.fraghdr.offset", "ah.spi", "tcp.len", "tcp.seq", "tcp.seq_raw",
    "tcp.ack", "tcp.ack_raw", "tcp.hdr_len", "tcp.flags.syn", "tcp.flags.ack", "tcp.window_size_value",
    "tcp.checksum", "tcp.urgent_pointer", "tcp.options.mss_val", "udp.length", "udp.checksum", "icmp.code",
    "icmp.checksum", "icmp.ident", "icmp.seq", "icmpv6.code", "icmpv6.checksum", "icmpv6.echo.identifier", "icmpv6.echo.sequence_number", "ah.sequence", "llc.ssap", "llc.oui", "vlan.dei", "mpls.exp", "sll.halen", "sll.src.eth", "arp.hw.size", "arp.proto.size", "ipv6.nxt", "tcp.flags.fin", "tcp.flags.reset", "tcp.flags.push", "tcp.flags.urg", "tcp.options.wscale.shift", "dns.flags.rcode", "eth.len", "igmp.version", "igmp.type",
    "igmp.maddr", "gre.flags_and_version", "gre.proto", "dns.id", "dns.flags", "dns.flags.response",
    "dns.flags.opcode", "dns.count.queries", "dns.count.answers", "dns.qry.name", "dns.qry.type",
    "dns.qry.class", "_ws.col.Source", "_ws.col.Destination",
    "eap.code", "eap.id", "eap.len", "eap.type", "basicxid.llc.xid.format", "basicxid.llc.xid.types",
    "basicxid.llc.xid.wsize", "m3ua.version", "m3ua.message_class", "m3ua.message_type", "m3ua.message_length",
    "nbdgm.type", "nbdgm.dgram_id", "nbdgm.src.ip", "nbdgm.src.port", "nbdgm.source_name",
    "nbdgm.destination_name", "smb.cmd", "smb.trans_name", "mailslot.opcode", "mailslot.priority",
    "mailslot.class", "mailslot.size", "mailslot.name", "browser.command",
};

std::string runTshark(const fs::path& capture, bool reassemble)
{
    std::string cmd = "tshark -n -r '" + capture.string() + "' -T fields -E header=y -E separator=/t";
    if (!reassemble) cmd += " -o ip.defragment:FALSE -o ipv6.defragment:FALSE -o tcp.desegment_tcp_streams:FALSE";
    for (const char* f : kFields) cmd += std::string(" -e ") + f;
    cmd += " 2>/dev/null";
    std::string out;
    if (FILE* pipe = popen(cmd.c_str(), "r")) {
        char buf[65536];
        std::size_t n;
        while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
        pclose(pipe);
    }
    return out;
}

TEST(DissectTsharkFields, MatchesLiveTshark)
{
    const fs::path dir = fs::path(RCVMON_CORPUS_DIR) / "public";
    RCVMON_REQUIRE(fs::exists(dir), rcvmon::test::corpusWhat());
    RCVMON_REQUIRE(std::system("tshark -v >/dev/null 2>&1") == 0, rcvmon::test::toolWhat("tshark"));

    std::vector<tsv::Gap> gaps;
    std::string error;
    ASSERT_TRUE(tsv::readKnownGaps(RCVMON_DISSECT_TEST_DIR "/known_gaps_fields.tsv", gaps, error)) << error;
    tsv::Comparison comparison(gaps);
    std::vector<FieldId> ids;
    for (const char* f : kFields) {
        const auto id = findField(f);
        ASSERT_TRUE(id.has_value()) << f;
        ids.push_back(*id);
    }
    std::vector<std::string> captures;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".tsv") == std::string::npos && name != "manifest.tsv") captures.push_back(name);
    }
    std::sort(captures.begin(), captures.end());
    Dissection dissection;
    for (const std::string& name : captures) {
        std::vector<testing::LoadedFrame> frames;
        ASSERT_TRUE(testing::loadFrames((dir / name).string(), frames, error)) << name << ": " << error;
        for (const bool reassemble : {true, false}) {
            const tsv::Table expected = tsv::parseTable(runTshark(dir / name, reassemble));
            ASSERT_EQ(expected.header.size(), ids.size()) << name;
            ASSERT_EQ(expected.rows.size(), frames.size()) << name;
            Dissector dissector(Dissector::Options{reassemble});
            std::vector<std::string> actual(ids.size());
            for (std::size_t i = 0; i < frames.size(); ++i) {
                dissector.dissect(frames[i].ref, i + 1, dissection);
                for (std::size_t c = 0; c < ids.size(); ++c) {
                    actual[c].clear();
                    dissection.appendFieldText(ids[c], actual[c]);
                }
                comparison.compareRow(name, reassemble ? "reasm" : "noreasm", i + 1, expected.header,
                                      expected.rows[i], actual);
            }
        }
    }
    std::printf("Per-field match rate against live tshark (all files, reasm + noreasm):\n%s",
                comparison.report().c_str());
    const auto unlisted = comparison.unlisted();
    for (const tsv::Mismatch& m : unlisted) std::printf("unlisted mismatch: %s\n", tsv::describe(m).c_str());
    EXPECT_TRUE(unlisted.empty()) << unlisted.size() << " mismatches are not in known_gaps_fields.tsv";
    for (const tsv::Gap& g : comparison.stale()) ADD_FAILURE() << "known gap no longer occurs: " << tsv::describe(g);
}

}  // namespace
}  // namespace rcvmon
