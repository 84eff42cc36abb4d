// SPDX-License-Identifier: GPL-2.0-or-later
// The industrial, routing and remote-access protocols over TCP and UDP (OpenFlow, BGP,
// Modbus/TCP, DoIP with UDS, TPKT/COTP with RDP's negotiation, T.125, RDP's fast path, DNP 3.0): hand-built frames
// dissected in order by one Dissector (DNP 3.0's fragments reassemble across frames), each row's Protocol, Info and fields as tshark 4.0.17
// printed them for the same bytes (written to a pcap and read with `tshark -T fields
// -E occurrence=a -E aggregator=,`), and display filters over those fields passing the frames
// tshark's -Y passed.
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "field_expectations.h"
#include "filter/display_filter.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

struct IndustrialFrame {
    std::string_view name;
    std::string_view hex;       // the whole Ethernet frame
    std::string_view protocol;  // tshark's Protocol column
    std::string_view info;      // tshark's Info column
    std::string_view fields;    // "name=value;…" for the fields tshark showed
};

constexpr IndustrialFrame kFrames[] = {
    {"openflow hello",
     "66778899aabb0011223344550800450000301234400040069c6cc6120001c61200029c4119fd0000000100000001501816d0000000000100000800000001",
     "OpenFlow", "Type: OFPT_HELLO",
     "openflow_1_0.type=0;openflow.length=8;openflow.xid=1;openflow.version=0x01"},
    {"openflow two messages",
     "66778899aabb0011223344550800450000381234400040069c64c6120002c612000119fd9c410000000100000001501816d00000000001050008000000020112000800000003",
     "OpenFlow", "Type: OFPT_BARRIER_REQUEST",
     "openflow_1_0.type=5,18;openflow.length=8,8;openflow.xid=2,3;openflow.version=0x01,0x01"},
    {"openflow flow_mod without actions",
     "66778899aabb0011223344550800450000701234400040069c2cc6120001c61200029c4119fd0000000900000001501816d000000000010e00480000000400000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
     "OpenFlow", "Type: OFPT_FLOW_MOD[Malformed Packet]",
     "openflow_1_0.type=14;openflow.length=72;openflow.xid=4;openflow.version=0x01"},
    {"openflow legacy port from the controller",
     "66778899aabb0011223344550800450000301234400040069c6cc6120002c612000119e99c420000000100000001501816d0000000000100000800000001",
     "TCP", "6633 → 40002 [PSH, ACK] Seq=1 Ack=1 Win=5840 Len=8",
     ""},
    {"openflow legacy port to the controller",
     "66778899aabb0011223344550800450000301234400040069c6cc6120001c61200029c4219e90000000100000001501816d0000000000100000800000001",
     "OpenFlow", "Type: OFPT_HELLO",
     "openflow_1_0.type=0;openflow.length=8;openflow.xid=1;openflow.version=0x01"},
    {"bgp open",
     "66778899aabb0011223344550800450000451234400040069c57c6120001c61200029c4300b30000000100000001501816d000000000ffffffffffffffffffffffffffffffff001d0104fde900b4c612000100",
     "BGP", "OPEN Message",
     "bgp.type=1;bgp.length=29;bgp.open.myas=65001;bgp.open.identifier=198.18.0.1"},
    {"bgp keepalive and update",
     "66778899aabb0011223344550800450000521234400040069c4ac6120002c612000100b39c430000000100000001501816d000000000ffffffffffffffffffffffffffffffff001304ffffffffffffffffffffffffffffffff00170200000000",
     "BGP", "KEEPALIVE Message, UPDATE Message",
     "bgp.type=4,2;bgp.length=19,23"},
    {"bgp notification",
     "66778899aabb00112233445508004500003d1234400040069c5fc6120001c61200029c4300b30000001e00000001501816d000000000ffffffffffffffffffffffffffffffff0015030602",
     "BGP", "NOTIFICATION Message",
     "bgp.type=3;bgp.length=21;bgp.notify.major_error=6"},
    {"bgp unknown type",
     "66778899aabb00112233445508004500003b1234400040069c61c6120002c612000100b39c430000002b00000001501816d000000000ffffffffffffffffffffffffffffffff00132d",
     "BGP", "Unknown message type (0x2d)",
     "bgp.type=45;bgp.length=19"},
    {"modbus query",
     "66778899aabb0011223344550800450000341234400040069c68c6120001c61200029c4401f60000000100000001501816d0000000000001000000060a0300000002",
     "Modbus/TCP", "   Query: Trans:     1; Unit:  10, Func:   3: Read Holding Registers",
     "mbtcp.trans_id=1;mbtcp.unit_id=10;mbtcp.len=6;modbus.func_code=3"},
    {"modbus response",
     "66778899aabb0011223344550800450000351234400040069c67c6120002c612000101f69c440000000100000001501816d0000000000001000000070a030400010002",
     "Modbus/TCP", "Response: Trans:     1; Unit:  10, Func:   3: Read Holding Registers",
     "mbtcp.trans_id=1;mbtcp.unit_id=10;mbtcp.len=7;modbus.func_code=3"},
    {"modbus exception",
     "66778899aabb0011223344550800450000311234400040069c6bc6120002c612000101f69c440000000e00000001501816d0000000000002000000030a8302",
     "Modbus/TCP", "Response: Trans:     2; Unit:  10, Func:   3: Read Holding Registers. Exception returned ",
     "mbtcp.trans_id=2;mbtcp.unit_id=10;mbtcp.len=3;modbus.func_code=3;modbus.exception_code=2"},
    {"modbus mei",
     "66778899aabb0011223344550800450000331234400040069c69c6120001c61200029c4401f60000000d00000001501816d000000000000300000005012b0e0100",
     "Modbus/TCP", "   Query: Trans:     3; Unit:   1, Func:  43/  1: Read Device Identification",
     "mbtcp.trans_id=3;mbtcp.unit_id=1;mbtcp.len=5;modbus.func_code=43;modbus.mei=14"},
    {"doip vehicle identification",
     "66778899aabb0011223344550800450000241234400040119c6dc6120001c61200029c45345800100000ff00000100000000",
     "DoIP", "Vehicle identification request",
     "doip.version=0xff;doip.type=0x0001;doip.length=0"},
    {"doip routing activation",
     "66778899aabb0011223344550800450000371234400040069c65c6120001c61200029c4634580000000100000001501816d00000000002fd0005000000070e800000000000",
     "DoIP", "Routing activation request",
     "doip.version=0x02;doip.type=0x0005;doip.length=7;doip.source_address=0x0e80"},
    {"uds session control request",
     "66778899aabb0011223344550800450000361234400040069c66c6120001c61200029c4634580000001000000001501816d00000000002fd8001000000060e8040101003",
     "UDS", "Request   Diagnostic Session Control             Extended Diagnostic Session",
     "doip.version=0x02;doip.type=0x8001;doip.length=6;doip.source_address=0x0e80;doip.target_address=0x4010;uds.sid=0x10;uds.reply=0x00;uds.dsc.type=0x03"},
    {"uds session control reply",
     "66778899aabb00112233445508004500003a1234400040069c62c6120002c612000134589c460000000100000001501816d00000000002fd80010000000a40100e805003003201f4",
     "UDS", "Reply     Diagnostic Session Control             Extended Diagnostic Session   00 32 01 f4",
     "doip.version=0x02;doip.type=0x8001;doip.length=10;doip.source_address=0x4010;doip.target_address=0x0e80;uds.sid=0x10;uds.reply=0x01;uds.dsc.type=0x03"},
    {"uds negative response",
     "66778899aabb0011223344550800450000371234400040069c65c6120002c612000134589c460000001300000001501816d00000000002fd80010000000740100e807f1078",
     "UDS", "Reply     Error                                  Diagnostic Session Control (SID: Request correctly received, but response is pending)",
     "doip.version=0x02;doip.type=0x8001;doip.length=7;doip.source_address=0x4010;doip.target_address=0x0e80;uds.sid=0x3f;uds.reply=0x01;uds.err.code=0x78"},
    {"uds tester present",
     "66778899aabb0011223344550800450000361234400040069c66c6120001c61200029c4634580000001e00000001501816d00000000002fd8001000000060e8040103e00",
     "UDS", "Request   Tester Present                         Sub-function 0",
     "doip.version=0x02;doip.type=0x8001;doip.length=6;doip.source_address=0x0e80;doip.target_address=0x4010;uds.sid=0x3e;uds.reply=0x00"},
    {"rdp connection request",
     "66778899aabb0011223344550800450000541234400040069c48c6120001c61200029c470d3d0000000100000001501816d0000000000300002c27e00000000000436f6f6b69653a206d737473686173683d5445535445520d0a0100080003000000",
     "RDP", "Cookie: mstshash=TESTER, Negotiate Request",
     "tpkt.length=44;cotp.type=0x0e;cotp.srcref=0x0000;cotp.destref=0x0000;rdp.rt_cookie=Cookie: mstshash=TESTER;rdp.neg_type=0x01;rdp.negReq.requestedProtocols=0x00000003"},
    {"rdp connection confirm",
     "66778899aabb00112233445508004500003b1234400040069c61c6120002c61200010d3d9c470000000100000001501816d000000000030000130ed000001234000201080002000000",
     "RDP", "Negotiate Response",
     "tpkt.length=19;cotp.type=0x0d;cotp.srcref=0x1234;cotp.destref=0x0000;rdp.neg_type=0x02;rdp.negReq.selectedProtocol=0x00000002"},
    {"tpkt continuation",
     "66778899aabb0011223344550800450000331234400040069c69c6120001c61200029c470d3d0000002d00000001501816d0000000001603010005010000010000",
     "TPKT", "Continuation",
     ""},
    {"cotp connection request",
     "66778899aabb00112233445508004500003e1234400040069c5ec6120001c61200029c4800660000000100000001501816d0000000000300001611e00000b00100c1020100c2020102c00109",
     "COTP", "CR TPDU src-ref: 0xb001 dst-ref: 0x0000",
     "tpkt.length=22;cotp.type=0x0e;cotp.srcref=0xb001;cotp.destref=0x0000"},
    {"rdp second connection request",
     "66778899aabb00112233445508004500003b1234400040069c61c6120001c61200029c4a0d3d0000000100000001501816d000000000030000130ee000000000000100080000000000",
     "RDP", "Negotiate Request",
     "tpkt.length=19;cotp.type=0x0e;cotp.srcref=0x0000;cotp.destref=0x0000;rdp.neg_type=0x01;rdp.negReq.requestedProtocols=0x00000000"},
    {"t125 channel join request",
     "66778899aabb0011223344550800450000341234400040069c68c6120001c61200029c4a0d3d0000001400000001501816d0000000000300000c02f08038000703eb",
     "T.125", "channelJoinRequest 1003",
     "tpkt.length=12;cotp.type=0x0f;cotp.destref=0x0000;t124.DomainMCSPDU=14;t124.channelId=1003"},
    {"t125 channel join confirm",
     "66778899aabb0011223344550800450000371234400040069c65c6120002c61200010d3d9c4a0000000100000001501816d0000000000300000f02f0803e00000703eb03eb",
     "T.125", "channelJoinConfirm 1003",
     "tpkt.length=15;cotp.type=0x0f;cotp.destref=0x0000;t124.DomainMCSPDU=15;t124.channelId=1003"},
    {"rdp send data request encrypted",
     "66778899aabb0011223344550800450000461234400040069c56c6120001c61200029c4a0d3d0000002000000001501816d0000000000300001e02f08064000703eb701048000000000000000000000000000000",
     "T.125", "1003",
     "tpkt.length=30;cotp.type=0x0f;cotp.destref=0x0000;t124.DomainMCSPDU=25;t124.channelId=1003"},
    {"rdp send data indication on a virtual channel",
     "66778899aabb0011223344550800450000421234400040069c5ac6120002c61200010d3d9c4a0000001000000001501816d0000000000300001a02f08068000103ecf00c080800000000000000000000",
     "T.125", "1004",
     "tpkt.length=26;cotp.type=0x0f;cotp.destref=0x0000;t124.DomainMCSPDU=26;t124.channelId=1004"},
    {"rdp fast-path input",
     "66778899aabb00112233445508004500003a1234400040069c62c6120001c61200029c4a0d3d0000004400000001501816d000000000c812e8274d6529cde21e46223c97a49640f3",
     "RDP", "[TCP Previous segment not captured] Fast-Path PDU,DefaultPointer[Malformed Packet]",
     "rdp.fastpath.header=0xc8;rdp.fastpathPDULength=18"},
    {"rdp fast-path output",
     "66778899aabb0011223344550800450000381234400040069c64c6120002c61200010d3d9c4a0000003000000001501816d000000000c01027acb7336709b2cb1cb53acf54da",
     "RDP", "[TCP Previous segment not captured] Fast-Path PDU,LargePointer[Malformed Packet]",
     "rdp.fastpath.header=0xc0;rdp.fastpathPDULength=16"},
    {"dnp3 link status",
     "66778899aabb0011223344550800450000261234400040119c6bc6120001c61200029c494e2000120000056405c9640001000a3e",
     "DNP 3.0", "from 1 to 100, len=5, Request Link Status",
     "dnp3.src=1;dnp3.dst=100;dnp3.len=5;dnp3.ctl=0xc9"},
    {"dnp3 read class 0123",
     "66778899aabb0011223344550800450000371234400040119c5ac6120001c61200029c494e2000230000056414c4640001007b09c0c1013c02063c03063c04063c01067a6f",
     "DNP 3.0", "Read, Class 0123",
     "dnp3.src=1;dnp3.dst=100;dnp3.len=20;dnp3.ctl=0xc4;dnp3.tr.seq=0;dnp3.al.func=1;dnp3.al.obj=0x3c02,0x3c03,0x3c04,0x3c01"},
    {"dnp3 response",
     "66778899aabb00112233445508004500002d1234400040119c64c6120002c61200014e209c490019000005640a4401006400d73ec0c1810000742a",
     "DNP 3.0", "Response",
     "dnp3.src=100;dnp3.dst=1;dnp3.len=10;dnp3.ctl=0x44;dnp3.tr.seq=0;dnp3.al.func=129;dnp3.al.iin=0x0000"},
    {"dnp3 write time",
     "66778899aabb0011223344550800450000351234400040119c5cc6120001c61200029c494e2000210000056412c464000100a262c0c202320107010000000000008855",
     "DNP 3.0", "Write, Time and Date",
     "dnp3.src=1;dnp3.dst=100;dnp3.len=18;dnp3.ctl=0xc4;dnp3.tr.seq=0;dnp3.al.func=2;dnp3.al.obj=0x3201"},
    {"dnp3 first fragment",
     "66778899aabb0011223344550800450000311234400040119c60c6120001c61200029c494e20001d000005640ec464000100d1cd45c0013c02063c03067c7b",
     "DNP 3.0", "from 1 to 100, len=14, Unconfirmed User Data (Application Layer Unreassembled fragment 5)",
     "dnp3.src=1;dnp3.dst=100;dnp3.len=14;dnp3.ctl=0xc4;dnp3.tr.seq=5"},
    {"dnp3 last fragment",
     "66778899aabb00112233445508004500002c1234400040119c65c6120001c61200029c494e2000180000056409c464000100ef13860a0006d5ac",
     "DNP 3.0", "Read, Binary Output, Class 12",
     "dnp3.src=1;dnp3.dst=100;dnp3.len=9;dnp3.ctl=0xc4;dnp3.tr.seq=6;dnp3.al.func=1;dnp3.al.obj=0x3c02,0x3c03,0x0a00"},
    {"dnp3 fragment out of sequence",
     "66778899aabb00112233445508004500002c1234400040119c65c6120001c61200029c494e2000180000056409c464000100ef13893c01063c47",
     "DNP 3.0", "from 1 to 100, len=9, Unconfirmed User Data (Application Layer Unreassembled fragment 9)",
     "dnp3.src=1;dnp3.dst=100;dnp3.len=9;dnp3.ctl=0xc4;dnp3.tr.seq=9"},
};

struct FilterCase {
    std::string_view filter;
    std::vector<int> frames;  // the frames tshark -Y passed, 1-based
};

const std::vector<FilterCase>& filterCases()
{
    static const std::vector<FilterCase> cases = {
        {"openflow", {}},
        {"openflow_v1", {1,2,3,5}},
        {"openflow_1_0.type == 14", {3}},
        {"openflow.xid == 3", {2}},
        {"bgp", {6,7,8,9}},
        {"bgp.type == 4", {7}},
        {"bgp.type == 2 || bgp.type == 3", {7,8}},
        {"bgp.open.myas == 65001", {6}},
        {"bgp.open.identifier == 198.18.0.1", {6}},
        {"bgp.notify.major_error == 6", {8}},
        {"bgp.length > 19", {6,7,8}},
        {"mbtcp", {10,11,12,13}},
        {"mbtcp.trans_id == 2", {12}},
        {"modbus.func_code == 3", {10,11,12}},
        {"modbus.exception_code == 2", {12}},
        {"modbus.mei == 14", {13}},
        {"mbtcp.unit_id == 10 && modbus.func_code == 3", {10,11,12}},
        {"doip", {14,15,16,17,18,19}},
        {"doip.type == 0x8001", {16,17,18,19}},
        {"doip.version == 0xff", {14}},
        {"doip.source_address == 0x0e80", {15,16,19}},
        {"uds", {16,17,18,19}},
        {"uds.sid == 0x10", {16,17}},
        {"uds.reply == 1", {17,18}},
        {"uds.err.code == 0x78", {18}},
        {"tpkt", {20,21,22,23,24,25,26,27,28}},
        {"tpkt.length == 19", {21,24}},
        {"cotp.type == 0x0e", {20,23,24}},
        {"cotp.srcref == 0x1234", {21}},
        {"rdp", {20,21,24,29,30}},
        {"rdp.neg_type == 2", {21}},
        {"rdp.rt_cookie contains \"TESTER\"", {20}},
        {"rdp.negReq.requestedProtocols == 3", {20}},
        {"dnp3", {31,32,33,34,35,36,37}},
        {"dnp3.al.func == 1", {32,36}},
        {"dnp3.al.obj == 0x3c02", {32,36}},
        {"dnp3.src == 100", {33}},
        {"dnp3.ctl.prifunc == 9", {31}},
        {"dnp3.tr.fir == 1", {32,33,34,35}},
        {"dnp3.al.func == 129 || dnp3.al.func == 2", {33,34}},
        {"t125", {25,26,27,28}},
        {"t124.channelId == 1004", {28}},
        {"rdp.fastpath.action == 0", {29,30}},
        {"rdp.flags == 0x0048", {}},
        {"rdp.fastpathPDULength == 16", {30}},
    };
    return cases;
}

TEST(DissectIndustrial, ColumnsAndFieldsAsTshark)
{
    Dissector dissector;
    Dissection out;
    std::uint64_t number = 0;
    for (const IndustrialFrame& f : kFrames) {
        SCOPED_TRACE(f.name);
        const Bytes bytes = fromHex(f.hex);
        dissector.dissect(frameOf(bytes), ++number, out);
        const PacketSummary s = out.summary();
        EXPECT_EQ(s.protocol, f.protocol);
        EXPECT_EQ(s.info, f.info);
        expectFieldTexts(out, f.fields);
    }
}

TEST(DissectIndustrial, FiltersPassTheFramesTsharkPassed)
{
    std::vector<Bytes> bytes;
    std::vector<Dissection> dissections(std::size(kFrames));
    Dissector dissector;
    for (std::size_t i = 0; i < std::size(kFrames); ++i) {
        bytes.push_back(fromHex(kFrames[i].hex));
        dissector.dissect(frameOf(bytes[i]), i + 1, dissections[i]);
    }
    for (const FilterCase& c : filterCases()) {
        SCOPED_TRACE(c.filter);
        FilterError error;
        const auto filter = DisplayFilter::compile(c.filter, error);
        ASSERT_TRUE(filter) << error.describe(c.filter);
        std::vector<int> passed;
        for (std::size_t i = 0; i < bytes.size(); ++i)
            if (filter->matches(dissections[i], frameOf(bytes[i]).data)) passed.push_back(static_cast<int>(i + 1));
        EXPECT_EQ(passed, c.frames);
    }
}

// Bounded loops and checked reads: every prefix of every frame dissects without reading
// past its end.
TEST(DissectIndustrial, EveryTruncationIsHandled)
{
    Dissector dissector;
    Dissection out;
    std::uint64_t number = 0;
    for (const IndustrialFrame& f : kFrames) {
        const Bytes bytes = fromHex(f.hex);
        for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
            const Bytes prefix(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(cut));
            dissector.dissect(frameOf(prefix, link_type::Ethernet, cut, bytes.size()), ++number, out);
            (void)out.summary();
        }
    }
}

}  // namespace
}  // namespace rcvmon
