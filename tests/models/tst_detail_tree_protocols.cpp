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

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace rcvmon;

class TestDetailTreeProtocols : public QObject {
    Q_OBJECT
private slots:
    void paneEqualsCliVerbose_data();
    void paneEqualsCliVerbose();
};

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

    const QStringList pane = test::paneTreeLines(alone, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(pane.size() > 1, "the pane shows no tree");
    const QStringList printed = test::cliTreeLines(alone, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Line by line, so a difference names its line.
    for (qsizetype i = 0; i < std::min(pane.size(), printed.size()); ++i)
        QVERIFY2(printed[i] == pane[i], qPrintable(QStringLiteral("frame %1, line %2:\n  cli:  %3\n  pane: %4")
                                                       .arg(chosen)
                                                       .arg(i + 1)
                                                       .arg(printed[i], pane[i])));
    QCOMPARE(printed.size(), pane.size());
}

RCVMON_QTEST_GUILESS_MAIN(TestDetailTreeProtocols)
#include "tst_detail_tree_protocols.moc"
