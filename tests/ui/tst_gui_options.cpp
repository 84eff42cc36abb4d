// SPDX-License-Identifier: GPL-2.0-or-later
#include "gui_options.h"
#include "qtest_main.h"

#include <QTest>

using namespace rcvmon;

class TestGuiOptions : public QObject {
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
};

void TestGuiOptions::parses_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("iface");
    QTest::addColumn<int>("mode");
    QTest::newRow("nothing") << QStringList{} << true << QString() << QString() << int(CaptureMode::IpLevel);
    QTest::newRow("file") << QStringList{QStringLiteral("a.pcapng")} << true << QStringLiteral("a.pcapng") << QString()
                          << int(CaptureMode::IpLevel);
    QTest::newRow("stdin") << QStringList{QStringLiteral("-r"), QStringLiteral("-")} << true << QStringLiteral("-")
                           << QString() << int(CaptureMode::IpLevel);
    QTest::newRow("iface on") << QStringList{QStringLiteral("-i"), QStringLiteral("eth0"), QStringLiteral("-m"),
                                             QStringLiteral("on")}
                              << true << QString() << QStringLiteral("eth0") << int(CaptureMode::On);
    QTest::newRow("iface iplevel") << QStringList{QStringLiteral("-i"), QStringLiteral("eth0"), QStringLiteral("-m"),
                                                  QStringLiteral("iplevel")}
                                   << true << QString() << QStringLiteral("eth0") << int(CaptureMode::IpLevel);
    QTest::newRow("bad mode") << QStringList{QStringLiteral("-i"), QStringLiteral("eth0"), QStringLiteral("-m"),
                                             QStringLiteral("off")}
                              << false << QString() << QString() << 0;
    QTest::newRow("two files") << QStringList{QStringLiteral("a"), QStringLiteral("b")} << false << QString() << QString() << 0;
    QTest::newRow("file and iface") << QStringList{QStringLiteral("-i"), QStringLiteral("eth0"), QStringLiteral("a")} << false
                                    << QString() << QString() << 0;
    QTest::newRow("unknown") << QStringList{QStringLiteral("--frobnicate")} << false << QString() << QString() << 0;
}

void TestGuiOptions::parses()
{
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    GuiOptions options;
    QString error;
    args.prepend(QStringLiteral("rcvmon"));
    QCOMPARE(parseGuiOptions(args, options, error), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QFETCH(QString, file);
    QFETCH(QString, iface);
    QFETCH(int, mode);
    QCOMPARE(options.file, file);
    QCOMPARE(options.interfaceName, iface);
    QCOMPARE(int(options.mode), mode);
}

RCVMON_QTEST_GUILESS_MAIN(TestGuiOptions)
#include "tst_gui_options.moc"
