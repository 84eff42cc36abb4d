// SPDX-License-Identifier: GPL-2.0-or-later
// The window's detail pane and `rcvmon-cli -V` show the same tree for frames of the protocols
// added with issue 10 (databases, remote desktops, RPC families, industrial and routing
// protocols, tunnels), taken from the reference corpus. The frame is chosen by a display
// filter, not by number: the first of the capture's matching frames that still shows the
// protocol when dissected alone (as the pane dissects every frame) is written to a one-frame
// capture, and the pane's lines for it are compared with the CLI's -V block line by line.
#include "detail_tree_lines.h"
#include "qtest_main.h"
#include "require.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace rcvmon;

class TestDetailTreeProtocols : public QObject {
    Q_OBJECT
private slots:
    void paneEqualsCliVerbose_data();
    void paneEqualsCliVerbose();
    // Protocols no corpus capture holds: a hand-built frame.
    void handBuiltFrameEqualsCliVerbose_data();
    void handBuiltFrameEqualsCliVerbose();
};

namespace {

// The pane's lines and the CLI's -V block of a one-frame capture, compared line by line so a
// difference names its line.
void compareTrees(const QString& alone, const QString& what)
{
    QString error;
    const QStringList pane = test::paneTreeLines(alone, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(pane.size() > 1, "the pane shows no tree");
    const QStringList printed = test::cliTreeLines(alone, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (qsizetype i = 0; i < std::min(pane.size(), printed.size()); ++i)
        QVERIFY2(printed[i] == pane[i], qPrintable(QStringLiteral("%1, line %2:\n  cli:  %3\n  pane: %4")
                                                       .arg(what)
                                                       .arg(i + 1)
                                                       .arg(printed[i], pane[i])));
    QCOMPARE(printed.size(), pane.size());
}

QByteArray be16(unsigned v)
{
    QByteArray b;
    b.append(char(v >> 8)).append(char(v));
    return b;
}
QByteArray be32(std::uint32_t v) { return be16(v >> 16) + be16(v & 0xffff); }

// Ethernet / IPv4 / UDP to `port` around `payload`, as a one-record pcap.
QByteArray udpCapture(std::uint16_t port, const QByteArray& payload)
{
    const QByteArray udp = be16(40000) + be16(port) + be16(unsigned(8 + payload.size())) + be16(0) + payload;
    const QByteArray ip = QByteArray::fromHex("4500") + be16(unsigned(20 + udp.size())) +
                          QByteArray::fromHex("123440004011") + be16(0) + QByteArray::fromHex("c6120001c6120002") + udp;
    const QByteArray frame = QByteArray::fromHex("0011223344550066778899aa0800") + ip;
    const auto le32 = [](std::uint32_t v) {
        QByteArray b;
        for (int shift = 0; shift < 32; shift += 8) b.append(char(v >> shift));
        return b;
    };
    QByteArray file = QByteArray::fromHex("d4c3b2a1020004000000000000000000ffff000001000000");
    file += le32(1700000000) + le32(0) + le32(std::uint32_t(frame.size())) + le32(std::uint32_t(frame.size())) + frame;
    return file;
}

}  // namespace

void TestDetailTreeProtocols::paneEqualsCliVerbose_data()
{
    QTest::addColumn<QString>("capture");  // in the corpus's large/
    QTest::addColumn<QString>("filter");
    const auto row = [](const char* name, const char* capture, const char* filter) {
        QTest::newRow(name) << QString::fromLatin1(capture) << QString::fromLatin1(filter);
    };
    row("RESP", "tcpdump__resp_2_inline.pcap", "resp");
    row("MySQL", "zeek__mysql__auth.pcap", "mysql");
    row("PGSQL", "zeek__postgresql__greenhouse-app.pcap", "pgsql");
    // Not WebSocket: only the HTTP Upgrade earlier in its stream makes a frame WebSocket, and
    // the pane dissects each frame alone.
    row("VNC", "zeek__rfb__vnc-mac-to-linux.pcap", "vnc");
    row("MQTT", "zeek__mqtt.pcap", "mqtt");
    row("SOCKS", "zeek__socks-auth.pcap", "socks");
    row("NFS", "zeek__nfs__nfs_getattr_bad_ftype.pcap", "nfs");
    row("MOUNT", "zeek__mount__mount-unmount-bad-status.pcap", "mount");
    row("NCP", "zeek__ncp.pcap", "ncp");
    row("RX", "tcpdump__afs.pcap", "rx");
    row("AFS", "tcpdump__afs.pcap", "afs");
    row("TPKT", "zeek__rdp__rdp-no-cookie-mstshash.pcap", "tpkt");
    row("COTP", "zeek__rdp__rdp-no-cookie-mstshash.pcap", "cotp");
    row("RDP", "zeek__rdp__rdp-no-cookie-mstshash.pcap", "rdp");
    row("OpenFlow", "tcpdump__of10_7050q.pcapng", "openflow_v1");
    row("DoIP", "scapy__doip.pcap", "doip");
    row("UDS", "scapy__doip.pcap", "uds");
    row("DNP3", "zeek__dnp3__dnp3.pcap", "dnp3");
    row("BGP", "tcpdump__bgp-4byte-asn.pcap", "bgp");
    row("Modbus", "zeek__modbus__modbus-and-non-modbus-p502.pcap", "mbtcp");
    row("sFlow", "tcpdump__sflow_expanded.pcap", "sflow");
    row("RADIUS", "tcpdump__RADIUS-RFC4675.pcap", "radius");
    row("DTLS", "zeek__tls__dtls13-cid.pcap", "dtls");
    row("L2TP", "tcpdump__l2tp-avp-overflow.pcap", "l2tp");
    row("PTP", "tcpdump__ptp.pcap", "ptp");
    row("LISP", "tcpdump__lisp_ipv6.pcap", "lisp");
}

void TestDetailTreeProtocols::paneEqualsCliVerbose()
{
    QFETCH(QString, capture);
    QFETCH(QString, filter);
    const QString path = QStringLiteral(RCVMON_CORPUS_DIR "/large/") + capture;
    RCVMON_REQUIRE(QFileInfo::exists(path), "the reference corpus's large/" + capture.toStdString());

    // The frames the filter matches in the whole capture (state across frames, as tshark).
    QString error;
    const QString numbers = test::runCli({QStringLiteral("-r"), path, QStringLiteral("-Y"), filter,
                                          QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                                          QStringLiteral("frame.number")},
                                         error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList candidates = numbers.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(0, 20);
    QVERIFY2(!candidates.isEmpty(), qPrintable(QStringLiteral("no frame of %1 matches %2").arg(capture, filter)));

    // The first that shows the protocol on its own.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString alone = dir.filePath(QStringLiteral("frame.pcapng"));
    QString chosen;
    for (const QString& number : candidates) {
        test::runCli({QStringLiteral("-r"), path, QStringLiteral("--select"), number, QStringLiteral("-w"), alone}, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString matched = test::runCli({QStringLiteral("-r"), alone, QStringLiteral("--no-reassembly"),
                                              QStringLiteral("-Y"), filter, QStringLiteral("-T"), QStringLiteral("fields"),
                                              QStringLiteral("-e"), QStringLiteral("frame.number")},
                                             error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (matched.trimmed() == QLatin1String("1")) {
            chosen = number;
            break;
        }
    }
    QVERIFY2(!chosen.isEmpty(),
             qPrintable(QStringLiteral("none of %1's first %2 %3 frames shows it when dissected alone")
                            .arg(capture)
                            .arg(candidates.size())
                            .arg(filter)));

    compareTrees(alone, QStringLiteral("%1 frame %2").arg(capture, chosen));
}

void TestDetailTreeProtocols::handBuiltFrameEqualsCliVerbose_data()
{
    QTest::addColumn<QByteArray>("capture");
    QTest::addColumn<QString>("filter");
    // NetFlow v5 (CFLOW): a header and one flow record, to UDP port 2055.
    const QByteArray header = be16(5) + be16(1) + be32(123456) + be32(1700000000) + be32(0) + be32(42) + be16(0) + be16(0);
    const QByteArray record = QByteArray::fromHex("c6120001c6120002c6120003") + be16(1) + be16(2) + be32(10) + be32(1500) +
                              be32(1000) + be32(2000) + be16(51000) + be16(443) + QByteArray::fromHex("00180600") +
                              be16(64500) + be16(64501) + QByteArray::fromHex("18180000");
    QTest::newRow("CFLOW") << udpCapture(2055, header + record) << QStringLiteral("cflow");
}

void TestDetailTreeProtocols::handBuiltFrameEqualsCliVerbose()
{
    QFETCH(QByteArray, capture);
    QFETCH(QString, filter);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString alone = dir.filePath(QStringLiteral("frame.pcap"));
    QFile file(alone);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(capture), capture.size());
    file.close();
    QString error;
    const QString matched = test::runCli({QStringLiteral("-r"), alone, QStringLiteral("--no-reassembly"), QStringLiteral("-Y"),
                                          filter, QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                                          QStringLiteral("frame.number")},
                                         error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(matched.trimmed(), QStringLiteral("1"));  // the frame is what it is meant to be
    compareTrees(alone, QStringLiteral("the hand-built frame"));
}

RCVMON_QTEST_GUILESS_MAIN(TestDetailTreeProtocols)
#include "tst_detail_tree_protocols.moc"
