// SPDX-License-Identifier: GPL-2.0-or-later
// QUIC as tshark 4.0 shows it (checked against tshark with the same packets): the Initial keys
// of RFC 9001 Appendix A, a client Initial protected here and decrypted by the dissector to its
// frames and the ClientHello's SNI, short headers whose DCID the connection tells, coalesced
// packets (the last one names the Info column), Version Negotiation.
#include "dissect/dissector.h"
#include "dissect/protocols/quic/quic_crypto.h"
#include "frame_sequence_test.h"
#include "tls_packets.h"

#include <gtest/gtest.h>

#ifdef RCVMON_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

const Bytes kDcid{0x83, 0x94, 0xc8, 0xf0, 0x3e, 0x51, 0x57, 0x08};  // RFC 9001 Appendix A
const Bytes kClientCid{0xc1, 0xc2, 0xc3};
const Bytes kServerCid{0x5e, 0x5e, 0x5e, 0x5e};

std::string hex(ByteSpan b)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (const std::uint8_t x : b) {
        s += kHex[x >> 4];
        s += kHex[x & 15];
    }
    return s;
}

Bytes longHeader(std::uint8_t first, std::uint32_t version, const Bytes& dcid, const Bytes& scid)
{
    Bytes b{first};
    put32(b, version);
    put8(b, static_cast<unsigned>(dcid.size()));
    append(b, dcid);
    put8(b, static_cast<unsigned>(scid.size()));
    append(b, scid);
    return b;
}

#ifdef RCVMON_HAVE_OPENSSL
// An Initial packet protected as RFC 9001 §5 says, with a 2-byte packet number.
Bytes protectInitial(std::uint32_t version, bool server, const Bytes& dcid, const Bytes& scid, std::uint16_t pn,
                     Bytes plain, std::uint8_t typeBits = 0)
{
    QuicInitialKeys keys;
    EXPECT_TRUE(quicInitialKeys(version, ByteSpan(kDcid.data(), kDcid.size()), server, keys));
    plain.resize(std::max<std::size_t>(plain.size(), 1162), 0);  // PADDING to a 1200-byte datagram
    Bytes header = longHeader(static_cast<std::uint8_t>(0xc1 | (typeBits << 4)), version, dcid, scid);
    put8(header, 0);  // token length
    const std::size_t length = 2 + plain.size() + 16;
    put16(header, static_cast<unsigned>(0x4000 | length));
    const std::size_t pnOffset = header.size();
    put16(header, pn);
    std::array<std::uint8_t, 12> nonce = keys.iv;
    nonce[10] ^= static_cast<std::uint8_t>(pn >> 8);
    nonce[11] ^= static_cast<std::uint8_t>(pn);
    Bytes sealed(plain.size() + 16);
    int len = 0;
    EVP_CIPHER_CTX* c = EVP_CIPHER_CTX_new();
    EVP_EncryptInit_ex(c, EVP_aes_128_gcm(), nullptr, nullptr, nullptr);
    EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, 12, nullptr);
    EVP_EncryptInit_ex(c, nullptr, nullptr, keys.key.data(), nonce.data());
    EVP_EncryptUpdate(c, nullptr, &len, header.data(), static_cast<int>(header.size()));
    EVP_EncryptUpdate(c, sealed.data(), &len, plain.data(), static_cast<int>(plain.size()));
    EVP_EncryptFinal_ex(c, sealed.data() + len, &len);
    EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, 16, sealed.data() + plain.size());
    EVP_CIPHER_CTX_free(c);
    Bytes packet = cat({header, sealed});
    std::array<std::uint8_t, 32> mask{};
    c = EVP_CIPHER_CTX_new();
    EVP_EncryptInit_ex(c, EVP_aes_128_ecb(), nullptr, keys.hp.data(), nullptr);
    EVP_EncryptUpdate(c, mask.data(), &len, packet.data() + pnOffset + 4, 16);
    EVP_CIPHER_CTX_free(c);
    packet[0] ^= mask[0] & 0x0f;
    packet[pnOffset] ^= mask[1];
    packet[pnOffset + 1] ^= mask[2];
    return packet;
}

Bytes cryptoFrame(const Bytes& data)
{
    Bytes b{0x06, 0x00};
    put16(b, static_cast<unsigned>(0x4000 | data.size()));
    append(b, data);
    return b;
}
#endif

class QuicTest : public FrameSequenceTest {
protected:
    void send(bool fromServer, const Bytes& payload, std::uint16_t serverPort = 443)
    {
        const Bytes dgram = fromServer ? udp(serverPort, 50000, payload) : udp(50000, serverPort, payload);
        dissectNext(ethernet(0x0800, fromServer ? ipv4(17, dgram, kIpB, kIpA) : ipv4(17, dgram)));
    }
};

#ifdef RCVMON_HAVE_OPENSSL
TEST(QuicCrypto, InitialKeysOfRfc9001AppendixA)
{
    QuicInitialKeys keys;
    ASSERT_TRUE(quicInitialKeys(1, ByteSpan(kDcid.data(), kDcid.size()), false, keys));
    EXPECT_EQ(hex(keys.key), "1f369613dd76d5467730efcbe3b1a22d");
    EXPECT_EQ(hex(keys.iv), "fa044b2f42a3fd3b46fb255c");
    EXPECT_EQ(hex(keys.hp), "9f50449e04a0e810283a1e9933adedd2");
    ASSERT_TRUE(quicInitialKeys(1, ByteSpan(kDcid.data(), kDcid.size()), true, keys));
    EXPECT_EQ(hex(keys.key), "cf3a5331653c364c88f0f379b6067e37");
    EXPECT_EQ(hex(keys.iv), "0ac1493ca1905853b0bba03e");
    EXPECT_EQ(hex(keys.hp), "c206b8d9b9f0f37644430b490eeaa314");
}

TEST_F(QuicTest, ClientInitialIsDecryptedToItsFramesAndSni)
{
    send(false, protectInitial(1, false, kDcid, kClientCid, 0, cryptoFrame(clientHello("quic.example"))));
    EXPECT_EQ(column(), "QUIC");
    EXPECT_EQ(info(), "Initial, DCID=8394c8f03e515708, SCID=c1c2c3, PKN: 0, CRYPTO, PADDING");
    EXPECT_EQ(field("quic.version"), "0x00000001");
    EXPECT_EQ(field("quic.long.packet_type"), "0");
    EXPECT_EQ(field("quic.dcid"), "8394c8f03e515708");
    EXPECT_EQ(field("quic.scid"), "c1c2c3");
    EXPECT_EQ(field("quic.frame_type"), "6,0");
    EXPECT_EQ(field("frame.protocols"), "eth:ethertype:ip:udp:quic:tls");
    EXPECT_EQ(field("tls.handshake.type"), "1");
    EXPECT_EQ(field("tls.handshake.extensions_server_name"), "quic.example");

    // The server's Initial uses the keys of the client's DCID; a 1-RTT packet coalesced after
    // it names the Info column, without the DCID a zero-length... here the client's 3 bytes.
    Bytes serverInitial = protectInitial(1, true, kClientCid, kServerCid, 0, cryptoFrame(serverHello(true)));
    send(true, serverInitial);
    EXPECT_EQ(info(), "Initial, DCID=c1c2c3, SCID=5e5e5e5e, PKN: 0, CRYPTO, PADDING");
    EXPECT_EQ(field("tls.handshake.type"), "2");

    Bytes shortPacket{0x40};
    append(shortPacket, kServerCid);
    shortPacket.insert(shortPacket.end(), 40, 0x99);
    send(false, shortPacket);
    EXPECT_EQ(info(), "Protected Payload (KP0), DCID=5e5e5e5e");
}

TEST_F(QuicTest, QuicV2InitialOnAnyPort)
{
    send(false, protectInitial(0x6b3343cf, false, kDcid, {}, 0, cryptoFrame(clientHello("v2.example")), 1), 4433);
    EXPECT_EQ(info(), "Initial, DCID=8394c8f03e515708, PKN: 0, CRYPTO, PADDING");
    EXPECT_EQ(field("quic.version"), "0x6b3343cf");
    EXPECT_EQ(field("quic.long.packet_type"), "");
    EXPECT_EQ(field("tls.handshake.extensions_server_name"), "v2.example");
}
#endif

TEST_F(QuicTest, ShortHeaderOfUnknownConnectionIsData)
{
    Bytes shortPacket{0x44};
    shortPacket.insert(shortPacket.end(), 40, 0x99);
    send(true, shortPacket);
    EXPECT_EQ(column(), "UDP");
    EXPECT_EQ(field("frame.protocols"), "eth:ethertype:ip:udp:data");
}

TEST_F(QuicTest, ShortHeaderToAnotherCidHasNoDcid)
{
    Bytes handshake = longHeader(0xe1, 1, kClientCid, kServerCid);
    put8(handshake, 20);
    handshake.insert(handshake.end(), 20, 0x42);
    send(true, handshake);  // from the server, whose CID is now known; the client is unknown
    Bytes shortPacket{0x40, 0x01, 0x02, 0x03, 0x04};
    shortPacket.insert(shortPacket.end(), 40, 0x99);
    send(false, shortPacket);
    EXPECT_EQ(column(), "QUIC");
    EXPECT_EQ(info(), "Protected Payload (KP0)");
}

TEST_F(QuicTest, HandshakeAndVersionNegotiation)
{
    Bytes handshake = longHeader(0xe1, 1, kClientCid, kServerCid);
    put8(handshake, 20);
    handshake.insert(handshake.end(), 20, 0x42);
    send(true, handshake);
    EXPECT_EQ(info(), "Handshake, DCID=c1c2c3, SCID=5e5e5e5e");
    EXPECT_EQ(field("quic.long.packet_type"), "2");

    Bytes vn = longHeader(0x80, 0, kClientCid, kServerCid);
    put32(vn, 1);
    send(true, vn);
    EXPECT_EQ(info(), "Version Negotiation, DCID=c1c2c3, SCID=5e5e5e5e");
}

TEST_F(QuicTest, CoalescedPacketsAndPaddingNameQuicOnce)
{
    Bytes handshake = longHeader(0xe1, 1, kClientCid, kServerCid);
    put8(handshake, 20);
    handshake.insert(handshake.end(), 20, 0x42);
    Bytes second = handshake;
    second[0] = 0xd1;  // 0-RTT, same DCID: coalesced
    send(false, cat({handshake, second, Bytes(30, 0)}));
    EXPECT_EQ(info(), "Protected Payload (KP0)");  // no connection: the zeros are a short header
    EXPECT_EQ(field("frame.protocols"), "eth:ethertype:ip:udp:quic");
    EXPECT_EQ(field("quic.long.packet_type"), "2,1");
}

}  // namespace
}  // namespace rcvmon
