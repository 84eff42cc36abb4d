// SPDX-License-Identifier: GPL-2.0-or-later
#include "capture_health.h"
#include "capture_health_panel.h"
#include "qtest_main.h"

#include <QTest>

using namespace rcvmon;

class TestCaptureHealth : public QObject {
    Q_OBJECT
private slots:
    void blindSpotsFollowModeAndPlatform();
    void promiscuousVerdictReadsTheNic();
    void panelShowsCounters();
};

void TestCaptureHealth::blindSpotsFollowModeAndPlatform()
{
    CaptureHealth h;
    h.live = true;
    h.mode = CaptureMode::IpLevel;
    QStringList spots = blindSpots(h);
    QVERIFY(spots.join(QLatin1Char(' ')).contains(QStringLiteral("Non-IP frames")));
    QVERIFY(spots.join(QLatin1Char(' ')).contains(QStringLiteral("Other hosts' unicast")));
    h.allProtocols = true;
    h.mode = CaptureMode::On;
    spots = blindSpots(h);
    QVERIFY(!spots.join(QLatin1Char(' ')).contains(QStringLiteral("Non-IP frames")));
    QVERIFY(!spots.join(QLatin1Char(' ')).contains(QStringLiteral("in IP level mode")));
    h.platform = CapturePlatform::Windows;
    spots = blindSpots(h);
    for (const char* needle : {"firewall", "WSL", "IPv6 headers are rebuilt"})
        QVERIFY2(spots.join(QLatin1Char(' ')).contains(QLatin1String(needle)), needle);
    h.live = false;
    QCOMPARE(blindSpots(h).size(), 1);
}

void TestCaptureHealth::promiscuousVerdictReadsTheNic()
{
    CaptureHealth h;
    h.live = true;
    h.interfaceName = QStringLiteral("eth0");
    h.mode = CaptureMode::IpLevel;
    QVERIFY(promiscuousVerdict(h).isEmpty());
    h.mode = CaptureMode::On;
    QVERIFY(promiscuousVerdict(h).contains(QStringLiteral("cannot be read")));
    h.nicPromiscuous = false;
    QVERIFY(promiscuousVerdict(h).contains(QStringLiteral("did NOT take effect on eth0")));
    h.nicPromiscuous = true;
    QVERIFY(promiscuousVerdict(h).contains(QStringLiteral("in effect on eth0")));
}

void TestCaptureHealth::panelShowsCounters()
{
    CaptureHealthPanel panel;
    CaptureHealth h;
    h.live = true;
    h.interfaceName = QStringLiteral("eth0");
    h.mode = CaptureMode::On;
    h.nicPromiscuous = true;
    h.droppedKernel = 12;
    h.droppedRing = 34;
    h.evicted = 5678;
    panel.setHealth(h);
    const QString text = panel.text();
    QVERIFY(text.contains(QStringLiteral("dropped by the kernel: 12")));
    QVERIFY(text.contains(QStringLiteral("lost to ring overflow: 34")));
    QVERIFY(text.contains(QLocale().toString(5678)));
    QVERIFY(text.contains(QStringLiteral("in effect on eth0")));
}

RCVMON_QTEST_MAIN(TestCaptureHealth)
#include "tst_capture_health.moc"
