// SPDX-License-Identifier: GPL-2.0-or-later
// Screenshots of the real window for a reviewer, written to <build>/screenshots/.
#include "bandwidth_chart_view.h"
#include "capture_controller.h"
#include "fake_capture_source.h"
#include "filter_bar.h"
#include "main_window.h"
#include "packet_filter_scan.h"
#include "packet_table_model.h"
#include "protocol_hierarchy_dialog.h"
#include "stat_tables_dialog.h"
#include "statistics_feed.h"
#include "top_talkers_chart_view.h"
#include "screenshot.h"
#include "qtest_main.h"

#include <QChartView>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace rcvmon;
using rcvmon::test::FakeCaptureSource;
using rcvmon::test::saveScreenshot;

namespace {


}  // namespace

class TestScreenshots : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void capturedFileWithCharts();
    void liveCaptureWithModeSwitch();
    void displayFilterAndStatistics();
};

void TestScreenshots::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    // Each slot runs as its own process (one ctest entry per slot), in parallel: own settings.
    QCoreApplication::setApplicationName(QStringLiteral("tst_screenshots-%1").arg(QCoreApplication::applicationPid()));
    QSettings().clear();
}

void TestScreenshots::capturedFileWithCharts()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(CaptureBackend{});
    window.resize(1500, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openBundledSample());
    QVERIFY(loaded.wait(20000));
    window.packetTable()->selectRow(2);
    window.packetTable()->scrollToTop();
    window.detailTree()->expandAll();
    window.chartView()->setWindowSeconds(300);
    window.chartView()->refresh();
    QVERIFY(!window.chartView()->inPoints().isEmpty());
    // The top-talkers chart under them switches the statistics on when shown.
    window.setTopTalkersShown(true);
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->statisticsFeed()->caughtUp(), 20000);
    window.topTalkersView()->refresh();
    QVERIFY(!window.topTalkersView()->talkerName(0).isEmpty());
    saveScreenshot(&window, QStringLiteral("main_window_file.png"), 21);
    saveScreenshot(window.chartView(), QStringLiteral("charts_file.png"), 21);
    saveScreenshot(window.topTalkersView(), QStringLiteral("top_talkers_file.png"), 21);
}

void TestScreenshots::liveCaptureWithModeSwitch()
{
    FakeCaptureSource::Shared shared;
    CaptureBackend backend;
    backend.open = [&shared](const CaptureRequest& request, QString&) -> std::unique_ptr<CaptureSource> {
        return std::make_unique<FakeCaptureSource>(request.interfaceName.toStdString(), request.mode, shared, 30);
    };
    MainWindow window(backend);
    window.resize(1500, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QTest::qWait(3500);
    QSignalSpy marked(window.controller(), &CaptureController::switchMarked);
    window.findChild<QAction*>(QStringLiteral("actionModeOn"))->trigger();
    QVERIFY(marked.wait(20000));
    QTest::qWait(2500);
    window.chartView()->refresh();
    saveScreenshot(&window, QStringLiteral("main_window_live.png"), 21);
    window.findChild<QDockWidget*>(QStringLiteral("healthDock"))->raise();
    QTest::qWait(600);
    saveScreenshot(&window, QStringLiteral("main_window_health.png"), 21);
    window.controller()->stop();
}

void TestScreenshots::displayFilterAndStatistics()
{
    MainWindow window(CaptureBackend{});
    window.resize(1500, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openBundledSample());
    QVERIFY(loaded.wait(20000));
    QVERIFY(window.applyDisplayFilter(QStringLiteral("udp.port == 53 || icmp")));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->filterScan()->caughtUp(), 20000);
    window.packetTable()->selectRow(0);
    const QString displayed = QStringLiteral("Displayed: %1").arg(QLocale().toString(window.controller()->tableModel()->rowCount()));
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(displayed), 20000);  // refreshed twice a second
    saveScreenshot(&window, QStringLiteral("display_filter_applied.png"), 21);
    window.prepareDisplayFilter(QStringLiteral("ip.src == 198.18.0.10 && tcp.prot == 80"));
    saveScreenshot(&window, QStringLiteral("display_filter_invalid.png"), 21);

    StatTablesDialog* conversations = window.showConversations();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->statisticsFeed()->caughtUp(), 20000);
    conversations->showKind(StatKind::Tcp);
    conversations->refresh();
    saveScreenshot(conversations, QStringLiteral("statistics_conversations.png"), 21);
    ProtocolHierarchyDialog* hierarchy = window.showProtocolHierarchy();
    hierarchy->refresh();
    saveScreenshot(hierarchy, QStringLiteral("statistics_protocol_hierarchy.png"), 21);
}

RCVMON_QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
