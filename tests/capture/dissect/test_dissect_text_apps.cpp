// SPDX-License-Identifier: GPL-2.0-or-later
// The line-based application protocols over TCP (FTP and FTP-DATA, SMTP, HTTP, SSH, POP, IMAP,
// IRC): fields and Info text for hand-built conversations, each expectation checked against
// tshark 4.0 on the same frames.
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

Bytes text(std::string_view s) { return Bytes(s.begin(), s.end()); }

// One TCP connection between client kIpA:clientPort and server kIpB:serverPort, with
// sequence numbers kept per direction.
class Conversation : public ::testing::Test {
protected:
    void client(std::string_view payload, std::uint16_t clientPort = 40000) { send(true, text(payload), clientPort); }
    void server(std::string_view payload, std::uint16_t clientPort = 40000) { send(false, text(payload), clientPort); }
    void send(bool fromClient, const Bytes& payload, std::uint16_t clientPort = 40000)
    {
        std::uint32_t& seq = fromClient ? m_clientSeq : m_serverSeq;
        const std::uint32_t ack = fromClient ? m_serverSeq : m_clientSeq;
        const Bytes segment = fromClient ? tcp(clientPort, m_serverPort, seq, ack, 0x018, payload)
                                         : tcp(m_serverPort, clientPort, seq, ack, 0x018, payload);
        m_frames.push_back(ethernet(0x0800, fromClient ? ipv4(6, segment, kIpA, kIpB) : ipv4(6, segment, kIpB, kIpA)));
        seq += static_cast<std::uint32_t>(payload.size());
        m_dissector.dissect(frameOf(m_frames.back()), m_frames.size(), m_out);
    }
    // A segment of another connection (a data connection) from the server's side.
    void dataFromServer(std::uint16_t serverPort, std::uint16_t clientPort, std::string_view payload)
    {
        m_frames.push_back(ethernet(0x0800, ipv4(6, tcp(serverPort, clientPort, 1, 1, 0x018, text(payload)), kIpB, kIpA)));
        m_dissector.dissect(frameOf(m_frames.back()), m_frames.size(), m_out);
    }
    std::string info() const { return m_out.fieldText(field::ColInfo); }
    std::string column() const { return m_out.fieldText(field::ColProtocol); }
    std::string protocols() const { return m_out.fieldText(field::FrameProtocols); }
    std::string value(std::string_view name) const
    {
        const auto id = findField(name);
        return id ? m_out.fieldText(*id) : std::string("<no field>");
    }

    std::uint16_t m_serverPort = 21;
    std::uint32_t m_clientSeq = 1000, m_serverSeq = 5000;
    Dissector m_dissector;
    Dissection m_out;
    std::vector<Bytes> m_frames;
};

TEST_F(Conversation, FtpRequestsResponsesAndPassiveData)
{
    server("220-Welcome\r\n220 ready.\r\n");
    EXPECT_EQ(column(), "FTP");
    EXPECT_EQ(info(), "Response: 220-Welcome");
    EXPECT_EQ(value("ftp.response.code"), "220");
    EXPECT_EQ(value("ftp.response.arg"), "Welcome");
    client("USER anonymous\r\n");
    EXPECT_EQ(info(), "Request: USER anonymous");
    EXPECT_EQ(value("ftp.request.command"), "USER");
    EXPECT_EQ(value("ftp.request.arg"), "anonymous");
    client("PASV\r\n");
    EXPECT_EQ(info(), "Request: PASV");
    server("227 Entering Passive Mode (198,18,0,2,195,80).\r\n");
    EXPECT_EQ(value("ftp.passive.ip"), "198.18.0.2");
    EXPECT_EQ(value("ftp.passive.port"), "50000");
    client("RETR file.txt\r\n");
    dataFromServer(50000, 40001, "hello world, text\n");
    EXPECT_EQ(column(), "FTP-DATA");
    EXPECT_EQ(info(), "FTP Data: 18 bytes (PASV) (RETR file.txt)");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:ftp-data:data-text-lines");
    EXPECT_EQ(value("ftp-data.setup-method"), "PASV");
    EXPECT_EQ(value("ftp-data.command"), "RETR file.txt");
}

TEST_F(Conversation, SmtpCommandsRepliesAndData)
{
    m_serverPort = 25;
    server("220 mx ESMTP\r\n");
    EXPECT_EQ(column(), "SMTP");
    EXPECT_EQ(info(), "S: 220 mx ESMTP");
    client("EHLO client.example\r\n");
    EXPECT_EQ(info(), "C: EHLO client.example");
    EXPECT_EQ(value("smtp.req.command"), "EHLO");
    EXPECT_EQ(value("smtp.req.parameter"), "client.example");
    server("250-mx Hello\r\n250-SIZE 1000\r\n250 8BITMIME\r\n");
    EXPECT_EQ(info(), "S: 250-mx Hello | SIZE 1000 | 8BITMIME");
    EXPECT_EQ(value("smtp.response.code"), "250");
    client("STARTTLS\r\n");
    EXPECT_EQ(value("smtp.req.command"), "STAR");
    client("DATA\r\n");
    server("354 go ahead\r\n");
    client("Subject: hi\r\n\r\nbody\r\n");
    EXPECT_EQ(info(), "C: DATA fragment, 21 bytes");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:smtp:data-text-lines");
}

TEST_F(Conversation, HttpRequestAndResponse)
{
    m_serverPort = 80;
    client("GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: test/1.0\r\n\r\n");
    EXPECT_EQ(column(), "HTTP");
    EXPECT_EQ(info(), "GET /index.html HTTP/1.1 ");
    EXPECT_EQ(value("http.request.method"), "GET");
    EXPECT_EQ(value("http.request.uri"), "/index.html");
    EXPECT_EQ(value("http.request.version"), "HTTP/1.1");
    EXPECT_EQ(value("http.host"), "example.com");
    EXPECT_EQ(value("http.user_agent"), "test/1.0");
    server("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello");
    EXPECT_EQ(info(), "HTTP/1.1 200 OK  (text/html)");
    EXPECT_EQ(value("http.response.code"), "200");
    EXPECT_EQ(value("http.response.phrase"), "OK");
    EXPECT_EQ(value("http.content_type"), "text/html");
    EXPECT_EQ(value("http.content_length_header"), "5");
}

TEST_F(Conversation, HeaderAndCommandLineSplitOverSegments)
{
    m_serverPort = 80;
    client("GET /split HTTP/1.1\r\nHo");
    EXPECT_EQ(column(), "TCP");
    client("st: example.com\r\n\r\n");
    EXPECT_EQ(column(), "HTTP");
    EXPECT_EQ(info(), "GET /split HTTP/1.1 ");
    EXPECT_EQ(value("http.host"), "example.com");

    m_serverPort = 25;
    client("eh", 40001);
    client("lo\r\n", 40001);
    EXPECT_EQ(column(), "SMTP");
    EXPECT_EQ(info(), "C: ehlo");
}

TEST_F(Conversation, HttpChunkedBodyShowsOnItsLastChunk)
{
    m_serverPort = 80;
    client("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    server("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    EXPECT_EQ(column(), "TCP");
    server("0\r\n\r\n");
    EXPECT_EQ(column(), "HTTP");
    EXPECT_EQ(info(), "HTTP/1.1 200 OK  (text/plain)");
    EXPECT_EQ(value("http.response.code"), "200");
}

Bytes sshPacket(std::uint8_t code, const Bytes& body)
{
    const std::size_t padding = 4;
    Bytes b;
    put32(b, static_cast<std::uint32_t>(1 + 1 + body.size() + padding));
    put8(b, padding);
    put8(b, code);
    append(b, body);
    b.insert(b.end(), padding, 0);
    return b;
}

Bytes kexInit(std::string_view kex, std::string_view cipher)
{
    Bytes b(16, 0x11);  // cookie
    for (std::string_view list : {kex, std::string_view("ssh-ed25519"), cipher, cipher, std::string_view("hmac-sha2-256"),
                                  std::string_view("hmac-sha2-256"), std::string_view("none"), std::string_view("none"),
                                  std::string_view(""), std::string_view("")}) {
        put32(b, static_cast<std::uint32_t>(list.size()));
        append(b, list);
    }
    put8(b, 0);
    put32(b, 0);
    return b;
}

TEST_F(Conversation, SshBannersKeyExchangeAndEncryptedPackets)
{
    m_serverPort = 22;
    client("SSH-2.0-OpenSSH_8.0\r\n");
    EXPECT_EQ(column(), "SSH");
    EXPECT_EQ(info(), "Client: Protocol (SSH-2.0-OpenSSH_8.0)");
    EXPECT_EQ(value("ssh.protocol"), "SSH-2.0-OpenSSH_8.0");
    server("SSH-2.0-OpenSSH_7.4\r\n");
    EXPECT_EQ(column(), "SSHv2");
    EXPECT_EQ(info(), "Server: Protocol (SSH-2.0-OpenSSH_7.4)");
    send(true, sshPacket(20, kexInit("diffie-hellman-group-exchange-sha256", "aes128-ctr")));
    EXPECT_EQ(info(), "Client: Key Exchange Init");
    EXPECT_EQ(value("ssh.message_code"), "20");
    send(false, sshPacket(20, kexInit("diffie-hellman-group-exchange-sha256", "aes128-ctr")));
    EXPECT_EQ(info(), "Server: Key Exchange Init");
    send(true, sshPacket(34, Bytes(12, 0)));
    EXPECT_EQ(info(), "Client: Diffie-Hellman Group Exchange Request");
    send(false, cat({sshPacket(31, Bytes{0, 0, 0, 1, 0x17, 0, 0, 0, 1, 0x02}), sshPacket(21, {})}));
    EXPECT_EQ(info(), "Server: Diffie-Hellman Group Exchange Group, New Keys");
    send(true, sshPacket(21, {}));
    EXPECT_EQ(info(), "Client: New Keys");
    send(true, Bytes(48, 0x5a));
    EXPECT_EQ(info(), "Client: Encrypted packet (len=48)");
}

TEST_F(Conversation, PopImapAndIrcLines)
{
    m_serverPort = 110;
    server("+OK POP3 ready\r\n");
    EXPECT_EQ(column(), "POP");
    EXPECT_EQ(info(), "S: +OK POP3 ready");
    client("USER bob\r\n");
    EXPECT_EQ(info(), "C: USER bob");
    EXPECT_EQ(value("pop.request.command"), "USER");
    EXPECT_EQ(value("pop.request.parameter"), "bob");

    m_serverPort = 143;
    client("a1 LOGIN bob secret\r\n", 40002);
    EXPECT_EQ(column(), "IMAP");
    EXPECT_EQ(info(), "Request: a1 LOGIN bob secret");
    server("* OK hi\r\na1 OK LOGIN completed\r\n", 40002);
    EXPECT_EQ(info(), "Response: a1 OK LOGIN completed");

    m_serverPort = 6667;
    client("NICK bob\r\nUSER bob 0 * :Bob\r\n", 40003);
    EXPECT_EQ(column(), "IRC");
    EXPECT_EQ(info(), "Request (NICK) (USER)");
    server(":irc.example 001 bob :Welcome\r\n", 40003);
    EXPECT_EQ(info(), "Response (001)");
    EXPECT_EQ(value("irc.response.prefix"), "irc.example");
}

TEST(SipOverUdp, RequestAndStatus)
{
    Dissector dissector;
    Dissection out;
    const auto udpFrame = [&](std::string_view payload, bool fromA) {
        const Bytes frame = ethernet(0x0800, fromA ? ipv4(17, udp(5060, 5060, text(payload)), kIpA, kIpB)
                                                   : ipv4(17, udp(5060, 5060, text(payload)), kIpB, kIpA));
        dissector.dissect(frameOf(frame), 1, out);
    };
    udpFrame("INVITE sip:bob@10.0.0.2 SIP/2.0\r\nCall-ID: 1@a\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n", true);
    EXPECT_EQ(out.fieldText(field::ColProtocol), "SIP");
    EXPECT_EQ(out.fieldText(field::ColInfo), "Request: INVITE sip:bob@10.0.0.2 | ");
    EXPECT_EQ(out.fieldText(*findField("sip.Method")), "INVITE");
    udpFrame("SIP/2.0 200 OK\r\nCall-ID: 1@a\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n", false);
    EXPECT_EQ(out.fieldText(field::ColInfo), "Status: 200 OK (INVITE) | ");
    EXPECT_EQ(out.fieldText(*findField("sip.Status-Code")), "200");
}

}  // namespace
}  // namespace rcvmon
