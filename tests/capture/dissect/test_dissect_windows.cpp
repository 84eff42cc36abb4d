// SPDX-License-Identifier: GPL-2.0-or-later
// The Windows / enterprise family (SNMP, Kerberos, LDAP, NBSS, SMB2, DCE/RPC): hand-built
// messages whose Protocol column, Info and fields were checked against tshark 4.0.17 (the
// same bytes written to a pcap and read by tshark).
#include "dissect/dissector.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

const Bytes kSnmpGet = fromHex(
    "302d02010104067075626c6963a0200201050201000201003015300c06082b06010201010100050030050601010500");
const Bytes kSnmpTrap = fromHex(
    "303402010004067075626c6963a42706062b0601040101400401020304020106020101430101300e300c06082b060102"
    "010101000500");
const Bytes kLdapBind = fromHex(
    "301a02010160150201030408636e3d61646d696e8006736563726574");
const Bytes kLdapBindresp = fromHex(
    "300c02010161070a010004000400");
const Bytes kLdapSearch = fromHex(
    "30290201026324040464633d780a01020a0100020100020100010100870b6f626a656374436c6173733000");
const Bytes kLdapEntries = fromHex(
    "3012020102640d0409636e3d612c64633d783000300c02010265070a010004000400");
const Bytes kLdapDeep = fromHex(
    "308201780201016382017104000a01000a0100020100020100010100a082015aa0820156a0820152a082014ea082014a"
    "a0820146a0820142a082013ea082013aa0820136a0820132a082012ea082012aa0820126a0820122a082011ea082011a"
    "a0820116a0820112a082010ea082010aa0820106a0820102a081ffa081fca081f9a081f6a081f3a081f0a081eda081ea"
    "a081e7a081e4a081e1a081dea081dba081d8a081d5a081d2a081cfa081cca081c9a081c6a081c3a081c0a081bda081ba"
    "a081b7a081b4a081b1a081aea081aba081a8a081a5a081a2a0819fa0819ca08199a08196a08193a08190a0818da0818a"
    "a08187a08184a08181a07fa07da07ba079a077a075a073a071a06fa06da06ba069a067a065a063a061a05fa05da05ba0"
    "59a057a055a053a051a04fa04da04ba049a047a045a043a041a03fa03da03ba039a037a035a033a031a02fa02da02ba0"
    "29a027a025a023a021a01fa01da01ba019a017a015a013a011a00fa00d870b6f626a656374436c6173733000");
const Bytes kDceBind = fromHex(
    "05000b03100000004800000001000000b810b810000000000100000000000100785734123412cdabef000123456789ac"
    "01000000045d888aeb1cc9119fe808002b10486002000000");
const Bytes kDceClose = fromHex(
    "05000003100000002c0000000200000014000000000001000101010101010101010101010101010101010101");
const Bytes kDceFault = fromHex(
    "0500030310000000200000000900000000000000000000000200011c00000000");
const Bytes kKrbAsreq = fromHex(
    "6a6a3068a103020105a20302010aa45c305aa00703050000000000a1123010a003020101a10930071b05616c696365a2"
    "0d1b0b4558414d504c452e434f4da320301ea003020102a11730151b066b72627467741b0b4558414d504c452e434f4d"
    "a703020101a8053003020112");
const Bytes kKrbErr = fromHex(
    "7e5a3058a003020105a10302011ea411180f32303234303130313030303030305aa503020100a603020119a90d1b0b45"
    "58414d504c452e434f4daa20301ea003020102a11730151b066b72627467741b0b4558414d504c452e434f4d");
const Bytes kSmbTcq = fromHex(
    "0000005efe534d4240000100000000000300010000000000000000000600000000000000000000000500000034120000"
    "000000000000000000000000000000000000000009000000480016005c005c007300720076005c007300680061007200"
    "6500");
const Bytes kSmbTcrDenied = fromHex(
    "00000048fe534d4240000100220000c00300010001000000000000000600000000000000000000000500000034120000"
    "00000000000000000000000000000000000000000900000000000000");
const Bytes kSmbCreateReq = fromHex(
    "0000008afe534d4240000100000000000500010000000000000000000700000000000000000000000500000034120000"
    "000000000000000000000000000000000000000039000000020000000000000000000000000000000000000080000000"
    "000000000700000001000000000000007800120000000000000000006400690072005c0061002e00740078007400");
const Bytes kSmbCreateResp = fromHex(
    "00000098fe534d4240000100000000000500010001000000000000000700000000000000000000000500000034120000"
    "000000000000000000000000000000000000000059000000010000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000020000000000000000102030405060708090a0b0c"
    "0d0e0f100000000000000000");
const Bytes kSmbReadReq = fromHex(
    "00000071fe534d4240000100000000000800010000000000000000000800000000000000000000000500000034120000"
    "0000000000000000000000000000000000000000310000000010000000000000000000000102030405060708090a0b0c"
    "0d0e0f100000000000000000000000000000000000");
const Bytes kSmbCloseReq = fromHex(
    "00000058fe534d4240000100000000000600010000000000000000000900000000000000000000000500000034120000"
    "000000000000000000000000000000000000000018000000000000000102030405060708090a0b0c0d0e0f10");
const Bytes kSmbTwoNegotiates = fromHex(
    "00000066fe534d4240000100000000000000010000000000000000000100000000000000000000000500000034120000"
    "000000000000000000000000000000000000000024000100010000000000000000000000000000000000000000000000"
    "0000000000000000020200000066fe534d42400001000000000000000100000000000000000002000000000000000000"
    "000005000000341200000000000000000000000000000000000000000000240001000100000000000000000000000000"
    "0000000000000000000000000000000000000202");

class WindowsFamilyTest : public ::testing::Test {
protected:
    void udpFrame(std::uint16_t sport, std::uint16_t dport, const Bytes& payload)
    {
        send(ethernet(0x0800, ipv4(17, udp(sport, dport, payload))));
    }
    // A segment of the client (port 40000) or the server's answer, each side counting its bytes.
    void client(std::uint16_t server, const Bytes& payload) { segment(server, payload, false); }
    void server(std::uint16_t server, const Bytes& payload) { segment(server, payload, true); }

    std::string info() const { return m_out.summary().info; }
    std::string protocol() const { return std::string(m_out.protocolName()); }
    std::string protocols() const { return m_out.fieldText(field::FrameProtocols); }
    std::string field(std::string_view name) const
    {
        const auto id = findField(name);
        return id ? m_out.fieldText(*id) : std::string("<no such field>");
    }

private:
    void segment(std::uint16_t port, const Bytes& payload, bool fromServer)
    {
        std::uint32_t& seq = fromServer ? m_serverSeq : m_clientSeq;
        const Bytes t = fromServer ? tcp(port, 40000, seq, m_clientSeq, 0x018, payload)
                                   : tcp(40000, port, seq, m_serverSeq, 0x018, payload);
        seq += static_cast<std::uint32_t>(payload.size());
        send(ethernet(0x0800, fromServer ? ipv4(6, t, kIpB, kIpA) : ipv4(6, t)));
    }
    void send(Bytes frame)
    {
        m_frames.push_back(std::move(frame));
        m_dissector.dissect(frameOf(m_frames.back()), m_frames.size(), m_out);
    }

    Dissector m_dissector;
    Dissection m_out;
    std::vector<Bytes> m_frames;
    std::uint32_t m_clientSeq = 1000, m_serverSeq = 5000;
};

TEST_F(WindowsFamilyTest, SnmpGetRequestNamesEachVariable)
{
    udpFrame(1234, 161, kSnmpGet);
    EXPECT_EQ(protocol(), "SNMP");
    EXPECT_EQ(info(), "get-request 1.3.6.1.2.1.1.1.0 itu-t.1");
    EXPECT_EQ(field("snmp.name"), "1.3.6.1.2.1.1.1.0,0.1");
    EXPECT_EQ(field("snmp.community"), "public");
    EXPECT_EQ(field("snmp.version"), "1");
}

TEST_F(WindowsFamilyTest, SnmpTrapShowsTheEnterpriseByItsRootName)
{
    udpFrame(1234, 162, kSnmpTrap);
    EXPECT_EQ(info(), "trap iso.3.6.1.4.1.1 1.3.6.1.2.1.1.1.0");
    EXPECT_EQ(field("snmp.enterprise"), "1.3.6.1.4.1.1");
}

TEST_F(WindowsFamilyTest, KerberosAsRequestAndError)
{
    udpFrame(50000, 88, kKrbAsreq);
    EXPECT_EQ(protocol(), "KRB5");
    EXPECT_EQ(info(), "AS-REQ");
    EXPECT_EQ(field("kerberos.msg_type"), "10");
    EXPECT_EQ(field("kerberos.CNameString"), "alice");
    EXPECT_EQ(field("kerberos.realm"), "EXAMPLE.COM");
    udpFrame(88, 50000, kKrbErr);
    EXPECT_EQ(info(), "KRB Error: KRB5KDC_ERR_PREAUTH_REQUIRED");
    EXPECT_EQ(field("kerberos.error_code"), "25");
}

TEST_F(WindowsFamilyTest, KerberosOverTcpHasARecordMark)
{
    Bytes framed;
    put32(framed, static_cast<std::uint32_t>(kKrbAsreq.size()));
    append(framed, kKrbAsreq);
    client(88, framed);
    EXPECT_EQ(info(), "AS-REQ");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:kerberos");
}

TEST_F(WindowsFamilyTest, KerberosMessageOverTwoSegmentsShowsOnTheSecond)
{
    Bytes framed;
    put32(framed, static_cast<std::uint32_t>(kKrbAsreq.size()));
    append(framed, kKrbAsreq);
    client(88, Bytes(framed.begin(), framed.begin() + 20));
    EXPECT_EQ(protocol(), "TCP");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp");
    client(88, Bytes(framed.begin() + 20, framed.end()));
    EXPECT_EQ(protocol(), "KRB5");
    EXPECT_EQ(info(), "AS-REQ");
    EXPECT_EQ(field("kerberos.msg_type"), "10");
}

TEST_F(WindowsFamilyTest, LdapBindAndSearch)
{
    client(389, kLdapBind);
    EXPECT_EQ(protocol(), "LDAP");
    EXPECT_EQ(info(), "bindRequest(1) \"cn=admin\" simple ");
    EXPECT_EQ(field("ldap.protocolOp"), "0");
    EXPECT_EQ(field("ldap.messageID"), "1");
    client(389, kLdapSearch);
    EXPECT_EQ(info(), "searchRequest(2) \"dc=x\" wholeSubtree ");
    server(389, kLdapEntries);
    EXPECT_EQ(info(), "searchResEntry(2) \"cn=a,dc=x\"  | searchResDone(2) success  [1 result]");
    EXPECT_EQ(field("ldap.protocolOp"), "4,5");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:ldap");
}

TEST_F(WindowsFamilyTest, LdapFilterPastWiresharksTreeDepth)
{
    client(389, kLdapDeep);
    EXPECT_EQ(info(), "searchRequest(1) \"<ROOT>\" baseObject [Dissector bug, protocol LDAP: Maximum tree depth 500 "
                      "exceeded for \"and\" - \"ldap.and\" (proto_tree_add_node:5972) (Maximum depth can be "
                      "increased in advanced preferences)]");
}

TEST_F(WindowsFamilyTest, NbssKeepAlive)
{
    client(139, Bytes{0x85, 0, 0, 0});
    EXPECT_EQ(protocol(), "NBSS");
    EXPECT_EQ(info(), "Session keep-alive");
}

TEST_F(WindowsFamilyTest, Smb2NamesFilesByTheirId)
{
    client(445, kSmbTcq);
    EXPECT_EQ(protocol(), "SMB2");
    EXPECT_EQ(info(), "Tree Connect Request Tree: \\\\srv\\share");
    EXPECT_EQ(field("smb2.cmd"), "3");
    EXPECT_EQ(field("smb2.tree"), "\\\\srv\\share");
    server(445, kSmbTcrDenied);
    EXPECT_EQ(info(), "Tree Connect Response, Error: STATUS_ACCESS_DENIED");
    EXPECT_EQ(field("smb2.nt_status"), "0xc0000022");
    EXPECT_EQ(field("smb2.flags.response"), "1");
    client(445, kSmbCreateReq);
    EXPECT_EQ(info(), "Create Request File: dir\\a.txt");
    EXPECT_EQ(field("smb2.filename"), "dir\\a.txt");
    server(445, kSmbCreateResp);
    EXPECT_EQ(info(), "Create Response File: dir\\a.txt");
    client(445, kSmbReadReq);
    EXPECT_EQ(info(), "Read Request Len:4096 Off:0 File: dir\\a.txt");
    client(445, kSmbCloseReq);
    EXPECT_EQ(info(), "Close Request File: dir\\a.txt");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:nbss:smb2");
}

TEST_F(WindowsFamilyTest, Smb2MessagesOfOneSegmentReplaceInfo)
{
    client(445, kSmbTwoNegotiates);
    EXPECT_EQ(info(), "Negotiate Protocol Request");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:nbss:smb2:smb2");
    EXPECT_EQ(field("smb2.msg_id"), "1,2");
}

TEST_F(WindowsFamilyTest, DcerpcBindThenOperationOfTheBoundInterface)
{
    client(135, kDceBind);
    EXPECT_EQ(protocol(), "DCERPC");
    EXPECT_EQ(info(), "Bind: call_id: 1, Fragment: Single, 1 context items: SAMR V1.0 (32bit NDR)");
    client(135, kDceClose);
    EXPECT_EQ(protocol(), "SAMR");
    EXPECT_EQ(info(), "Close request");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:dcerpc");
    EXPECT_EQ(field("dcerpc.opnum"), "1");
}

TEST_F(WindowsFamilyTest, DcerpcFault)
{
    server(135, kDceFault);
    EXPECT_EQ(info(), "Fault: call_id: 9, Fragment: Single, Ctx: 0, status: nca_op_rng_error");
}

}  // namespace
}  // namespace rcvmon
