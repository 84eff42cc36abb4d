// SPDX-License-Identifier: GPL-2.0-or-later
// ONC-RPC with Portmap, NFS and MOUNT, and RX with AFS: hand-built calls and replies whose
// Protocol and Info columns, fields and display-filter matches were checked against tshark
// 4.0.17 reading the same bytes.
#include "kept_frames_test.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

Bytes words(std::initializer_list<std::uint32_t> values)
{
    Bytes b;
    for (const std::uint32_t v : values) put32(b, v);
    return b;
}

// An XDR string: length, bytes, padding to four.
Bytes xdr(std::string_view s)
{
    Bytes b = words({static_cast<std::uint32_t>(s.size())});
    append(b, s);
    while (b.size() % 4) put8(b, 0);
    return b;
}

// A version 2 call with AUTH_NULL credentials and verifier, or the given credentials.
Bytes rpcCall(std::uint32_t xid, std::uint32_t prog, std::uint32_t vers, std::uint32_t proc, const Bytes& args = {},
              const Bytes& cred = words({0, 0}))
{
    return cat({words({xid, 0, 2, prog, vers, proc}), cred, words({0, 0}), args});
}

// An accepted, successful reply with an AUTH_NULL verifier.
Bytes rpcReply(std::uint32_t xid, const Bytes& results = {}) { return cat({words({xid, 1, 0, 0, 0, 0}), results}); }

// RFC 5531 §11 record marking: one last fragment.
Bytes record(const Bytes& message) { return cat({words({0x80000000u | static_cast<std::uint32_t>(message.size())}), message}); }

const Bytes kUnixCred = cat({words({1, 24, 0x1234}), xdr("host"), words({0, 0, 0})});

Bytes fileHandle()
{
    Bytes fh = words({28});
    for (unsigned i = 1; i <= 28; ++i) put8(fh, i);
    return fh;
}

class RpcTest : public KeptFramesTest {
protected:
    void udpFrame(std::uint16_t sport, std::uint16_t dport, const Bytes& payload, bool fromB = false)
    {
        add(ethernet(0x0800, fromB ? ipv4(17, udp(sport, dport, payload), kIpB, kIpA) : ipv4(17, udp(sport, dport, payload))));
    }
    void tcpFrame(std::uint16_t sport, std::uint16_t dport, std::uint32_t seq, std::uint32_t ack, const Bytes& payload,
                  bool fromB = false)
    {
        const Bytes segment = tcp(sport, dport, seq, ack, 0x18, payload);
        add(ethernet(0x0800, fromB ? ipv4(6, segment, kIpB, kIpA) : ipv4(6, segment)));
    }
};

using Frames = std::vector<std::size_t>;

TEST_F(RpcTest, PortmapGetportOverUdpNamesProgramAndPort)
{
    udpFrame(700, 111, rpcCall(0x39ce2c09, 100000, 2, 3, words({100232, 10, 17, 0})));
    udpFrame(111, 700, rpcReply(0x39ce2c09, words({32773})), true);
    udpFrame(701, 111, rpcCall(0x11, 100000, 2, 3, words({100003, 3, 6, 0})));
    udpFrame(111, 701, rpcReply(0x11, words({0})), true);
    udpFrame(701, 111, rpcCall(0x11, 100000, 2, 3, words({100003, 3, 6, 0})));
    udpFrame(40000, 40001, rpcCall(0x22, 555555, 1, 0));  // a program Wireshark does not know

    EXPECT_EQ(protocol(1), "Portmap");
    EXPECT_EQ(info(1), "V2 GETPORT Call SADMIND(100232) V:10 UDP");
    EXPECT_EQ(info(2), "V2 GETPORT Reply (Call In 1) Port:32773");
    EXPECT_EQ(info(3), "V2 GETPORT Call NFS(100003) V:3 TCP");
    EXPECT_EQ(info(4), "V2 GETPORT Reply (Call In 3) PROGRAM_NOT_AVAILABLE");
    EXPECT_EQ(info(5), "[RPC retransmission of #3]V2 GETPORT Call (Reply In 4) NFS(100003) V:3 TCP");
    EXPECT_EQ(protocol(6), "UDP");
    EXPECT_EQ(info(6), "40000 → 40001 Len=40");

    EXPECT_EQ(text(1, "frame.protocols"), "eth:ethertype:ip:udp:rpc:portmap");
    EXPECT_EQ(text(1, "rpc.xid"), "0x39ce2c09");
    EXPECT_EQ(text(2, "rpc.repframe"), "1");
    EXPECT_EQ(text(2, "portmap.port"), "32773");
    EXPECT_EQ(text(5, "rpc.call.dup"), "3");
    EXPECT_EQ(text(6, "frame.protocols"), "eth:ethertype:ip:udp:data");

    EXPECT_EQ(passing("portmap.port == 32773"), Frames({2}));
    EXPECT_EQ(passing("rpc.xid == 0x11"), Frames({3, 4, 5}));
    EXPECT_EQ(passing("rpc.program == 100000 && rpc.call.dup"), Frames({5}));
}

TEST_F(RpcTest, OtherProgramsWiresharkKnowsAreNamedWithTheirProcedures)
{
    udpFrame(700, 111, rpcCall(0x31, 100000, 2, 3, words({100007, 2, 17, 0})));
    udpFrame(805, 40771, rpcCall(0x32, 100024, 1, 1));
    udpFrame(40771, 805, rpcReply(0x32), true);
    EXPECT_EQ(info(1), "V2 GETPORT Call YPBIND(100007) V:2 UDP");
    EXPECT_EQ(protocol(2), "STAT");
    EXPECT_EQ(info(2), "V1 STAT Call");
    EXPECT_EQ(info(3), "V1 STAT Reply (Call In 2)");
    EXPECT_EQ(text(3, "frame.protocols"), "eth:ethertype:ip:udp:rpc");
}

TEST_F(RpcTest, NfsV3OverTcpShowsHandlesNamesAttributesAndErrors)
{
    const Bytes fh = fileHandle();
    const Bytes fattr = cat({words({2, 040755, 2, 0, 0}), words({0, 4096, 0, 4096, 0, 0, 0, 7, 0, 99}),
                             words({1, 0, 1, 0, 1, 0})});
    std::uint32_t c2s = 1000, s2c = 5000;
    const auto call = [&](const Bytes& m) {
        const Bytes r = record(m);
        tcpFrame(800, 2049, c2s, s2c, r);
        c2s += static_cast<std::uint32_t>(r.size());
    };
    const auto reply = [&](const Bytes& m) {
        const Bytes r = record(m);
        tcpFrame(2049, 800, s2c, c2s, r, true);
        s2c += static_cast<std::uint32_t>(r.size());
    };
    call(rpcCall(1, 100003, 3, 1, fh, kUnixCred));
    reply(rpcReply(1, cat({words({0}), fattr})));
    call(rpcCall(2, 100003, 3, 3, cat({fh, xdr("missing.txt")}), kUnixCred));
    reply(rpcReply(2, words({2, 0})));
    call(rpcCall(3, 100003, 3, 4, cat({fh, words({0x1f})}), kUnixCred));
    reply(rpcReply(3, words({0, 0, 0x0b})));
    call(rpcCall(4, 100003, 3, 14, cat({fh, xdr("a"), fh, xdr("b")}), kUnixCred));
    reply(rpcReply(4, words({0, 0, 0, 0, 0})));
    call(rpcCall(5, 100003, 3, 5, fh, kUnixCred));
    reply(rpcReply(5, cat({words({0, 0}), xdr("/tmp/target")})));

    EXPECT_EQ(protocol(1), "NFS");
    EXPECT_EQ(info(1), "V3 GETATTR Call, FH: 0x582a244c");
    EXPECT_EQ(info(2), "V3 GETATTR Reply (Call In 1)  Directory mode: 0755 uid: 0 gid: 0");
    EXPECT_EQ(info(3), "V3 LOOKUP Call, DH: 0x582a244c/missing.txt");
    EXPECT_EQ(info(4), "V3 LOOKUP Reply (Call In 3) Error: NFS3ERR_NOENT");
    EXPECT_EQ(info(5), "V3 ACCESS Call, FH: 0x582a244c, [Check: RD LU MD XT DL]");
    EXPECT_EQ(info(6), "V3 ACCESS Reply (Call In 5), [Access Denied: MD DL], [Allowed: RD LU XT]");
    EXPECT_EQ(info(7), "V3 RENAME Call, From DH: 0x582a244c/a To DH: 0x582a244c/b");
    EXPECT_EQ(info(8), "V3 RENAME Reply (Call In 7)");
    EXPECT_EQ(info(9), "V3 READLINK Call, FH: 0x582a244c");
    EXPECT_EQ(info(10), "V3 READLINK Reply (Call In 9) Path: /tmp/target");

    EXPECT_EQ(text(1, "frame.protocols"), "eth:ethertype:ip:tcp:rpc:nfs");
    EXPECT_EQ(text(1, "rpc.auth.machinename"), "host");
    EXPECT_EQ(text(2, "nfs.fattr3.type"), "2");
    EXPECT_EQ(text(4, "nfs.status"), "2");
    EXPECT_EQ(text(6, "nfs.access_rights"), "0x0b");
    EXPECT_EQ(text(7, "nfs.name"), "a,b");

    EXPECT_EQ(passing("rpc.msgtyp == 1"), Frames({2, 4, 6, 8, 10}));
    EXPECT_EQ(passing("nfs.fh.hash == 0x582a244c"), Frames({1, 3, 5, 7, 9}));
    EXPECT_EQ(passing("nfs.status == 2"), Frames({4}));
    EXPECT_EQ(passing("rpc.repframe == 5"), Frames({6}));
}

TEST_F(RpcTest, NfsReadWriteAndMountOverUdp)
{
    const Bytes fh = fileHandle();
    udpFrame(801, 2049, rpcCall(7, 100003, 3, 6, cat({fh, words({0, 8192, 4096})}), kUnixCred));
    udpFrame(2049, 801, rpcReply(7, cat({words({0, 0, 4096, 1}), xdr("xxxxxxxx")})), true);
    udpFrame(801, 2049, rpcCall(8, 100003, 3, 7, cat({fh, words({0, 0, 5, 2}), xdr("hello")}), kUnixCred));
    udpFrame(2049, 801, rpcReply(8, words({0, 0, 0, 5, 2, 0, 0})), true);
    udpFrame(802, 635, rpcCall(9, 100005, 3, 1, xdr("/export"), kUnixCred));
    udpFrame(635, 802, rpcReply(9, words({13})), true);
    udpFrame(802, 635, rpcCall(10, 100005, 3, 0));
    udpFrame(635, 802, rpcReply(10), true);

    EXPECT_EQ(info(1), "V3 READ Call, FH: 0x582a244c Offset: 8192 Len: 4096");
    EXPECT_EQ(info(2), "V3 READ Reply (Call In 1) Len: 4096");
    EXPECT_EQ(info(3), "V3 WRITE Call, FH: 0x582a244c Offset: 0 Len: 5 FILE_SYNC");
    EXPECT_EQ(info(4), "V3 WRITE Reply (Call In 3) Len: 5 FILE_SYNC");
    EXPECT_EQ(protocol(5), "MOUNT");
    EXPECT_EQ(info(5), "V3 MNT Call /export");
    EXPECT_EQ(info(6), "V3 MNT Reply (Call In 5) Error:ERR_ACCESS");
    EXPECT_EQ(info(7), "V3 NULL Call");
    EXPECT_EQ(info(8), "V3 NULL Reply (Call In 7)");
    EXPECT_EQ(text(5, "mount.path"), "/export");
    EXPECT_EQ(text(6, "mount.status"), "13");
    // A procedure without arguments calls no MOUNT dissector: frame.protocols stops at RPC.
    EXPECT_EQ(text(7, "frame.protocols"), "eth:ethertype:ip:udp:rpc");
}

TEST_F(RpcTest, RecordsOfOneSegmentAndAcrossSegments)
{
    const Bytes a = record(rpcCall(0x100, 100000, 2, 0));
    const Bytes b = record(rpcCall(0x101, 100000, 2, 0));
    const Bytes c = record(rpcCall(0x102, 100000, 2, 0));
    const Bytes d = record(rpcCall(0x103, 100000, 2, 0));
    // Two records in one segment, then one cut by the segment's end and completed by the next.
    tcpFrame(900, 111, 1, 1, cat({a, b}));
    const Bytes first = cat({c, Bytes(d.begin(), d.begin() + 20)});
    tcpFrame(900, 111, 1 + static_cast<std::uint32_t>(a.size() + b.size()), 1, first);
    const Bytes second = cat({Bytes(d.begin() + 20, d.end()), a});
    tcpFrame(900, 111, 1 + static_cast<std::uint32_t>(a.size() + b.size() + first.size()), 1, second);

    EXPECT_EQ(info(1), "V2 NULL Call  ; V2 NULL Call");
    EXPECT_EQ(text(1, "frame.protocols"), "eth:ethertype:ip:tcp:rpc");
    EXPECT_EQ(text(1, "rpc.fraglen"), "40,40");
    EXPECT_EQ(info(2), "V2 NULL Call");
    // The completed record is one pass, the rest of the segment another (no separator);
    // a retransmission is marked at the start of the column.
    EXPECT_EQ(info(3), "[RPC retransmission of #1]V2 NULL CallV2 NULL Call");
    EXPECT_EQ(text(3, "frame.protocols"), "eth:ethertype:ip:tcp:rpc:rpc");
}

TEST_F(RpcTest, TcpBytesThatStartNoRecordAreContinuation)
{
    const Bytes a = record(rpcCall(0x100, 100000, 2, 0));
    tcpFrame(900, 111, 1, 1, a);
    tcpFrame(111, 900, 1, 1 + static_cast<std::uint32_t>(a.size()), record(rpcReply(0x100)), true);
    tcpFrame(900, 111, 1 + static_cast<std::uint32_t>(a.size()), 29, Bytes{1, 2, 3, 4, 5, 6, 7, 8});

    EXPECT_EQ(info(2), "V2 NULL Reply (Call In 1)");
    EXPECT_EQ(protocol(3), "RPC");
    EXPECT_EQ(info(3), "Continuation");
    EXPECT_EQ(passing("rpc.continuation_data"), Frames({3}));
}

Bytes rxHeader(std::uint32_t callNumber, std::uint32_t seq, std::uint8_t type, std::uint8_t flags)
{
    Bytes b = words({0x5e000000, 100, callNumber, seq, 1});
    put8(b, type);
    put8(b, flags);
    put8(b, 0);
    put8(b, 2);
    put16(b, 0);
    put16(b, 1);
    return b;
}

TEST_F(RpcTest, AfsRepliesNameTheOperationOfTheirRequest)
{
    udpFrame(7001, 7000, cat({rxHeader(290, 1, 1, 0x05), words({132, 1, 2, 3})}));
    udpFrame(7000, 7001, cat({rxHeader(290, 1, 1, 0x04), Bytes(120, 0)}), true);
    Bytes ack = rxHeader(290, 0, 2, 0x01);
    append(ack, Bytes{0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0x01, 0x5b, 8, 0});
    udpFrame(7001, 7000, ack);
    udpFrame(7000, 7001, cat({rxHeader(291, 1, 1, 0x04), Bytes(8, 0)}), true);  // its request unseen
    Bytes challenge = rxHeader(0, 0, 6, 0);
    append(challenge, words({2, 0xabcdef, 1}));
    udpFrame(1799, 7003, challenge);

    EXPECT_EQ(protocol(1), "AFS (RX)");
    EXPECT_EQ(info(1), "FS Request: fetch-status (132)");
    EXPECT_EQ(info(2), "FS Reply: fetch-status (132)");
    EXPECT_EQ(protocol(3), "RX");
    EXPECT_EQ(info(3), "ACK Delay  Seq: 0  Call: 290  Source Port: 7001  Destination Port: 7000  ");
    EXPECT_EQ(info(4), "FS Reply: Unknown(0) (0)");
    EXPECT_EQ(info(5), "CHALLENGE  Seq: 0  Call: 0  Source Port: 1799  Destination Port: 7003  ");
    EXPECT_EQ(text(1, "frame.protocols"), "eth:ethertype:ip:udp:rx:afs");
    EXPECT_EQ(text(2, "afs.reqframe"), "1");
    EXPECT_EQ(text(3, "frame.protocols"), "eth:ethertype:ip:udp:rx");

    EXPECT_EQ(passing("afs.fs.opcode == 132"), Frames({1, 2}));
    EXPECT_EQ(passing("rx.type == 2"), Frames({3}));
    EXPECT_EQ(passing("afs"), Frames({1, 2, 4}));
}

TEST_F(RpcTest, CutAndHostileMessagesEndCleanly)
{
    // A LOOKUP whose name runs past the datagram: tshark's "[Malformed Packet]" after the call.
    Bytes args(32, 0xaa);  // RFC 1094's fixed-size handle
    append(args, words({0x7fffffff}));
    udpFrame(801, 2049, rpcCall(1, 100003, 2, 4, args, kUnixCred));
    EXPECT_EQ(protocol(1), "NFS");
    EXPECT_EQ(info(1), "V2 LOOKUP Call[Malformed Packet]");
    // An absurd credential length and a record mark promising 1 GiB: no crash, bounded work.
    udpFrame(802, 111, cat({words({5, 0, 2, 100000, 2, 0, 1, 0x7ffffff0})}));
    EXPECT_EQ(protocol(2), "Portmap");
    EXPECT_EQ(info(2), "V2 NULL Call[Malformed Packet]");
    tcpFrame(903, 111, 1, 1, words({0xbfffffff, 1, 0}));
    EXPECT_EQ(protocol(3), "RPC");
    EXPECT_EQ(info(3), "Continuation");
}

}  // namespace
}  // namespace rcvmon
