// SPDX-License-Identifier: GPL-2.0-or-later
// Database and stream protocols over TCP (RESP, PGSQL, MySQL, WebSocket after an HTTP upgrade,
// VNC, MQTT, SOCKS): Protocol and Info columns, frame.protocols, fields and display filters for hand-built
// conversations, each expectation checked against tshark 4.0.17 on the same frames.
#include "dissect/dissector.h"
#include "dissect/field_registry.h"
#include "filter/display_filter.h"
#include "packet_builder.h"

#include <gtest/gtest.h>

#include <string>

namespace rcvmon {
namespace {

using namespace rcvmon::test;

Bytes text(std::string_view s) { return Bytes(s.begin(), s.end()); }

// One TCP connection from kIpA:40000 to the server's port, sequence numbers kept per direction.
class Connection : public ::testing::Test {
protected:
    void client(const Bytes& payload) { send(true, payload); }
    void server(const Bytes& payload) { send(false, payload); }
    void client(std::string_view payload) { send(true, text(payload)); }
    void server(std::string_view payload) { send(false, text(payload)); }
    void send(bool fromClient, const Bytes& payload)
    {
        std::uint32_t& seq = fromClient ? m_clientSeq : m_serverSeq;
        const std::uint32_t ack = fromClient ? m_serverSeq : m_clientSeq;
        const Bytes segment = fromClient ? tcp(kClientPort, m_serverPort, seq, ack, 0x018, payload)
                                         : tcp(m_serverPort, kClientPort, seq, ack, 0x018, payload);
        m_frames.push_back(ethernet(0x0800, fromClient ? ipv4(6, segment, kIpA, kIpB) : ipv4(6, segment, kIpB, kIpA)));
        seq += static_cast<std::uint32_t>(payload.size());
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
    bool passes(std::string_view filter) const
    {
        FilterError error;
        const auto f = DisplayFilter::compile(filter, error);
        EXPECT_TRUE(f.has_value()) << filter << ": " << error.message;
        return f && f->matches(m_out, ByteSpan(m_frames.back().data(), m_frames.back().size()));
    }

    static constexpr std::uint16_t kClientPort = 40000;
    std::uint16_t m_serverPort = 0;
    std::uint32_t m_clientSeq = 1000, m_serverSeq = 5000;
    Dissector m_dissector;
    Dissection m_out;
    std::vector<Bytes> m_frames;
};

Bytes be32(std::uint32_t v)
{
    Bytes b;
    put32(b, v);
    return b;
}
Bytes le32(std::uint32_t v) { return {static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 24)}; }

TEST_F(Connection, RespCommandsRepliesAndAReassembledBulkString)
{
    m_serverPort = 6379;
    client("*1\r\n$4\r\nPING\r\n");
    EXPECT_EQ(column(), "RESP");
    EXPECT_EQ(info(), "Request: PING");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:resp");
    EXPECT_EQ(value("resp.array.length"), "1");
    server("+PONG\r\n");
    EXPECT_EQ(info(), "Response: PONG");
    EXPECT_EQ(value("resp.string"), "PONG");
    client("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n");
    EXPECT_EQ(info(), "Request: SET key value");
    EXPECT_EQ(value("resp.bulk_string.length"), "3,3,5");
    server(":42\r\n");
    EXPECT_EQ(info(), "Response: 42");
    EXPECT_TRUE(passes("resp.integer == 42"));
    client("*1\r\n$3\r\nFOO\r\n");
    server("-ERR unknown command 'FOO'\r\n");
    EXPECT_EQ(info(), "Response: Error: ERR unknown command 'FOO'");
    EXPECT_EQ(value("resp.error"), "ERR unknown command 'FOO'");
    client("*2\r\n$4\r\nKEYS\r\n$1\r\n*\r\n");
    EXPECT_EQ(info(), "Request: KEYS *");
    server("*2\r\n$1\r\na\r\n$1\r\nb\r\n");
    EXPECT_EQ(info(), "Response: Array(2)");
    client("*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n");
    // The bulk string runs into the next segment: Wireshark asks TCP for the rest of it.
    server("$10\r\nhello");
    EXPECT_EQ(column(), "TCP");
    EXPECT_EQ(info(), "Response: [continuation] [TCP segment of a reassembled PDU]");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:resp");
    server("world\r\n");
    EXPECT_EQ(column(), "RESP");
    EXPECT_EQ(info(), "Response: helloworld");
    EXPECT_EQ(value("resp.bulk_string.length"), "10");
    EXPECT_TRUE(passes("resp.bulk_string.length == 10"));
}

TEST_F(Connection, PgsqlStartupAuthenticationAndASimpleQuery)
{
    m_serverPort = 5432;
    const Bytes startup = text(std::string_view("\0\3\0\0user\0alice\0database\0shop\0\0", 30));
    client(cat({be32(static_cast<std::uint32_t>(startup.size() + 4)), startup}));
    EXPECT_EQ(column(), "PGSQL");
    EXPECT_EQ(info(), ">");
    EXPECT_EQ(value("pgsql.type"), "Startup message");
    EXPECT_EQ(value("pgsql.parameter_name"), "user,database");
    EXPECT_EQ(value("pgsql.length"), "34");
    server(cat({text("R"), be32(12), be32(5), Bytes{1, 2, 3, 4}}));
    EXPECT_EQ(info(), "<R");
    EXPECT_TRUE(passes("pgsql.authtype == 5"));
    client(cat({text("p"), be32(14), text(std::string_view("md5abcdef\0", 10))}));
    EXPECT_EQ(info(), ">p");
    EXPECT_EQ(value("pgsql.type"), "Password message");
    const Bytes status = text(std::string_view("server_version\0" "15.2\0", 20));
    server(cat({text("R"), be32(8), be32(0), text("S"), be32(24), status, text("Z"), be32(5), text("I")}));
    EXPECT_EQ(info(), "<R/S/Z");
    EXPECT_EQ(value("pgsql.type"), "Authentication request,Parameter status,Ready for query");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:pgsql");
    client(cat({text("Q"), be32(13), text(std::string_view("select 1\0", 9))}));
    EXPECT_EQ(info(), ">Q");
    EXPECT_EQ(value("pgsql.query"), "select 1");
    EXPECT_TRUE(passes("pgsql.type == \"Simple query\""));
    Bytes rows = cat({text("T"), be32(33), Bytes{0, 1}, text(std::string_view("?column?\0", 9)), be32(0), Bytes{0, 0},
                      be32(23), Bytes{0, 4, 0xff, 0xff, 0xff, 0xff, 0, 0}});
    append(rows, cat({text("D"), be32(11), Bytes{0, 1}, be32(1), text("1")}));
    append(rows, cat({text("C"), be32(13), text(std::string_view("SELECT 1\0", 9)), text("Z"), be32(5), text("I")}));
    server(rows);
    EXPECT_EQ(info(), "<T/D/C/Z");
    EXPECT_EQ(value("pgsql.tag"), "SELECT 1");
    EXPECT_EQ(value("pgsql.length"), "33,11,13,5");
}

Bytes mysqlPacket(std::uint8_t number, const Bytes& body)
{
    const auto n = static_cast<std::uint32_t>(body.size());
    Bytes b;
    b.reserve(4 + body.size());
    for (const unsigned v : {n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, unsigned{number}}) put8(b, v);
    for (const std::uint8_t v : body) b.push_back(v);
    return b;
}

TEST_F(Connection, MysqlGreetingLoginQueryResultSetAndError)
{
    m_serverPort = 3306;
    Bytes greeting = cat({text(std::string_view("\x0a" "5.7.30\0", 8)), le32(7), text(std::string_view("abcdefgh\0", 9)),
                          Bytes{0xff, 0xf7, 0x21, 0x02, 0x00, 0xff, 0x81, 0x15}, Bytes(10, 0),
                          text(std::string_view("ijklmnopqrst\0mysql_native_password\0", 35))});
    server(mysqlPacket(0, greeting));
    EXPECT_EQ(column(), "MySQL");
    EXPECT_EQ(info(), "Server Greeting  proto=10 version=5.7.30 ");
    EXPECT_EQ(value("mysql.version"), "5.7.30");
    Bytes login = cat({Bytes{0x8d, 0xa6, 0x0a, 0x00}, le32(16777216), Bytes{0x21}, Bytes(23, 0),
                       text(std::string_view("alice\0", 6)), Bytes{20}, Bytes(20, 0x11), text(std::string_view("shop\0", 5))});
    client(mysqlPacket(1, login));
    EXPECT_EQ(info(), "Login Request user=alice db=shop ");
    EXPECT_EQ(value("mysql.user"), "alice");
    EXPECT_EQ(value("mysql.schema"), "shop");
    server(mysqlPacket(2, {0, 0, 0, 2, 0, 0, 0}));
    EXPECT_EQ(info(), "Response  OK ");
    client(mysqlPacket(0, text("\x03select 1")));
    EXPECT_EQ(info(), "Request Query");
    EXPECT_EQ(value("mysql.query"), "select 1");
    EXPECT_TRUE(passes("mysql.command == 3"));
    const Bytes column = text(std::string_view("\x03" "def\0\0\0\x01" "1\0\x0c\x3f\0\x01\0\0\0\x08\x81\0\0\0\0", 22));
    server(cat({mysqlPacket(1, {1}), mysqlPacket(2, column), mysqlPacket(3, {0xfe, 0, 0, 2, 0}), mysqlPacket(4, {1, '1'}),
                mysqlPacket(5, {0xfe, 0, 0, 2, 0})}));
    EXPECT_EQ(info(), "Response TABULAR Response ");
    EXPECT_EQ(value("mysql.num_fields"), "1");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:mysql");
    client(mysqlPacket(0, text("\x02nosuchdb")));
    EXPECT_EQ(info(), "Request Use Database");
    server(mysqlPacket(1, text("\xff\x19\x04#42000Unknown database 'nosuchdb'")));
    EXPECT_EQ(info(), "Response  Error 1049 ");
    EXPECT_TRUE(passes("mysql.error_code == 1049"));
    client(mysqlPacket(0, {1}));
    EXPECT_EQ(info(), "Request Quit");
}

TEST_F(Connection, WebSocketFramesAfterTheHttpUpgrade)
{
    m_serverPort = 80;
    client("GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    EXPECT_EQ(column(), "HTTP");
    server("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
    EXPECT_EQ(info(), "HTTP/1.1 101 Switching Protocols ");
    const Bytes key{0x37, 0xfa, 0x21, 0x3d};
    Bytes hello{0x81, 0x85};
    append(hello, key);
    for (std::size_t i = 0; i < 5; ++i) hello.push_back(static_cast<std::uint8_t>("Hello"[i] ^ key[i % 4]));
    client(hello);
    EXPECT_EQ(column(), "WebSocket");
    EXPECT_EQ(info(), "WebSocket Text [FIN] [MASKED]");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:websocket:data-text-lines");
    EXPECT_EQ(value("websocket.payload.text"), "Hello");
    EXPECT_TRUE(passes("websocket.opcode == 1"));
    server(Bytes{0x82, 0x03, 1, 2, 3});
    EXPECT_EQ(info(), "WebSocket Binary [FIN] ");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:http:websocket:data");
    EXPECT_FALSE(passes("websocket.mask == 1"));
    server(Bytes{0x89, 0x00});
    EXPECT_EQ(info(), "WebSocket Ping [FIN] ");
    Bytes close{0x88, 0x82};
    append(close, key);
    close.push_back(0x03 ^ key[0]);
    close.push_back(0xe8 ^ key[1]);
    client(close);
    EXPECT_EQ(info(), "WebSocket Connection Close [FIN] [MASKED]");
    EXPECT_EQ(value("websocket.payload.close.status_code"), "1000");
}

TEST_F(Connection, VncHandshakeAndNormalTraffic)
{
    m_serverPort = 5900;
    server("RFB 003.008\n");
    EXPECT_EQ(column(), "VNC");
    EXPECT_EQ(info(), "Server protocol version: 003.008");
    EXPECT_EQ(value("vnc.server_proto_ver"), "003.008");
    client("RFB 003.008\n");
    EXPECT_EQ(info(), "Client protocol version: 003.008");
    server(Bytes{2, 1, 2});
    EXPECT_EQ(info(), "Security types supported");
    client(Bytes{2});
    EXPECT_EQ(info(), "Security type VNC (2) selected by client");
    EXPECT_TRUE(passes("vnc.client_security_type == 2"));
    Bytes challenge(16), response(16);
    for (std::size_t i = 0; i < 16; ++i) {
        challenge[i] = static_cast<std::uint8_t>(i);
        response[i] = static_cast<std::uint8_t>(16 + i);
    }
    server(challenge);
    EXPECT_EQ(info(), "Authentication challenge from server");
    client(response);
    EXPECT_EQ(info(), "Authentication response from client");
    server(Bytes{0, 0, 0, 0});
    EXPECT_EQ(info(), "Authentication result");
    client(Bytes{1});
    EXPECT_EQ(info(), "Share desktop flag");
    server(cat({Bytes{0x04, 0x00, 0x03, 0x00, 32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0}, be32(4), text("desk")}));
    EXPECT_EQ(info(), "Server framebuffer parameters");
    EXPECT_EQ(value("vnc.desktop_name"), "desk");
    client(Bytes{3, 1, 0, 0, 0, 0, 0x04, 0x00, 0x03, 0x00});
    EXPECT_EQ(info(), "Client framebuffer update request");
    client(Bytes{5, 1, 0, 100, 0, 200});
    EXPECT_EQ(info(), "Client pointer event");
    EXPECT_TRUE(passes("vnc.pointer_x_pos == 100"));
    client(Bytes{4, 1, 0, 0, 0, 0, 0, 0x61});
    EXPECT_EQ(info(), "Client key event");
    EXPECT_EQ(value("vnc.key"), "0x00000061");
    server(Bytes{0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0});
    EXPECT_EQ(info(), "Server framebuffer update");
    EXPECT_EQ(value("vnc.fb_update_num_rects"), "1");
}

TEST_F(Connection, MqttPacketsWithIdentifiersAndTopics)
{
    m_serverPort = 1883;
    client(cat({Bytes{0x10, 15, 0, 4}, text("MQTT"), Bytes{4, 2, 0, 60, 0, 3}, text("cli")}));
    EXPECT_EQ(column(), "MQTT");
    EXPECT_EQ(info(), "Connect Command");
    EXPECT_EQ(value("mqtt.clientid"), "cli");
    server(Bytes{0x20, 2, 0, 0});
    EXPECT_EQ(info(), "Connect Ack");
    client(cat({Bytes{0x32, 9, 0, 3}, text("a/b"), Bytes{0, 7}, text("hi")}));
    EXPECT_EQ(info(), "Publish Message (id=7) [a/b]");
    EXPECT_EQ(value("mqtt.qos"), "1");
    EXPECT_TRUE(passes("mqtt.topic == \"a/b\""));
    server(Bytes{0x40, 2, 0, 7});
    EXPECT_EQ(info(), "Publish Ack (id=7)");
    client(cat({Bytes{0x82, 10, 0, 2, 0, 1}, text("x"), Bytes{1, 0, 1}, text("y"), Bytes{0}}));
    EXPECT_EQ(info(), "Subscribe Request (id=2) [x] [y]");
    EXPECT_EQ(value("mqtt.topic"), "x,y");
    server(Bytes{0x90, 4, 0, 2, 1, 0});
    EXPECT_EQ(info(), "Subscribe Ack (id=2)");
    client(cat({Bytes{0xa2, 5, 0, 3, 0, 1}, text("x")}));
    EXPECT_EQ(info(), "Unsubscribe Request (id=3)");
    client(Bytes{0xc0, 0, 0xe0, 0});
    EXPECT_EQ(info(), "Ping Request, Disconnect Req");
    EXPECT_EQ(value("mqtt.msgtype"), "12,14");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:mqtt");
}

TEST_F(Connection, SocksNegotiationThenTheTunnelledProtocol)
{
    m_serverPort = 1080;
    client(Bytes{5, 2, 0, 2});
    EXPECT_EQ(column(), "Socks");
    EXPECT_EQ(info(), "Version: 5 Connect to server request");
    server(Bytes{5, 2});
    EXPECT_EQ(info(), "Version: 5 Connect to server response");
    EXPECT_EQ(value("socks.auth_accepted_method"), "2");
    client(cat({Bytes{1, 3}, text("bob"), Bytes{5}, text("alice")}));
    EXPECT_EQ(info(), "Version: 5 User authentication request");
    EXPECT_EQ(value("socks.username"), "bob");
    EXPECT_EQ(value("socks.version"), "5");
    server(Bytes{1, 0});
    EXPECT_EQ(info(), "Version: 5 User authentication reply");
    client(cat({Bytes{5, 1, 0, 3, 11}, text("example.com"), Bytes{0, 80}}));
    EXPECT_EQ(info(), "Version: 5 Command Request - Connect");
    EXPECT_EQ(value("socks.remote_name"), "example.com");
    EXPECT_TRUE(passes("socks.port == 80"));
    server(Bytes{5, 0, 0, 1, 198, 18, 0, 2, 0x9c, 0x40});
    EXPECT_EQ(info(), "Version: 5 Command Response - Connect");
    // The tunnel carries what the port asked for (80) speaks.
    client("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n");
    EXPECT_EQ(column(), "HTTP");
    EXPECT_EQ(info(), "GET / HTTP/1.1 ");
    EXPECT_EQ(protocols(), "eth:ethertype:ip:tcp:socks:http");
}

}  // namespace
}  // namespace rcvmon
