// SPDX-License-Identifier: GPL-2.0-or-later
// The top-talkers chart in the real window: a generated capture (and a corpus file when the
// corpus is there) opened and shown; the chart's five series must carry the addresses and
// bits/s that a TalkerTimeline fed with the same file independently gives for the window
// (60 s, then 5 min), with x on the bandwidth chart's basis.
#include "../capture/stats/stats_scenarios.h"

#include "bandwidth_chart_view.h"
#include "bandwidth_model.h"
#include "capture_controller.h"
#include "main_window.h"
#include "statistics_feed.h"
#include "top_talkers_chart_view.h"

#include "dissected_frames.h"
#include "qtest_main.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace rcvmon;

namespace {

const QString corpusDir = QStringLiteral(RCVMON_CORPUS_DIR "/public");

// 120 s of traffic: eight hosts to a server, each at its own rhythm and size, so the
// ranking over the last minute differs from the one over the whole capture; an IPv6 pair;
// a non-IP frame (no talker) in the last second.
rcvmon::test::Scenario talkersScenario()
{
    using namespace rcvmon::test;
    Scenario s{"talkers", link_type::Ethernet, {}};
    constexpr std::int64_t start = 1'700'000'000;
    for (std::int64_t t = 0; t < 120; ++t) {
        for (std::uint8_t h = 0; h < 8; ++h) {
            // Host h sends every (h % 3 + 1) seconds; its frames shrink from the first minute
            // to the second while the others' grow, so the last minute ranks hosts otherwise.
            if (t % (h % 3 + 1) != 0) continue;
            const std::size_t size = t < 60 ? 60u * (h + 1) : 60u * (8 - h);
            const Ip4 host{198, 18, 1, static_cast<std::uint8_t>(10 + h)};
            s.packets.push_back({udp4(static_cast<std::uint16_t>(40000 + h), 53, Bytes(size, 0x42), host, kIpA),
                                 at(start + t, static_cast<std::uint32_t>(h) * 1000000u)});
        }
        if (t % 7 == 0)
            s.packets.push_back({ethernet(0x86dd, ipv6(17, udp(1, 2, Bytes(900, 0)), kIp6A, kIp6B)),
                                 at(start + t, 500000000u)});
    }
    // A non-IP frame (local experimental EtherType 0x88b5) ends the capture: time moves on
    // without a talker. Built by hand: GCC 12 warns wrongly on ethernet() inlined here.
    Bytes other(60, 0);
    other[12] = 0x88;
    other[13] = 0xb5;
    s.packets.push_back({other, at(start + 120)});
    return s;
}

// The timeline of a file, counted apart from the window: dissected in order, as the feed does.
TrafficStatistics statisticsOf(const QString& path)
{
    TrafficStatistics stats;
    std::string error;
    test::forEachDissectedFrame(
        path.toStdString(),
        [&](const FrameRef& frame, std::uint64_t, const Dissection& dissection) { stats.add(frame, dissection); },
        error);
    return stats;
}

bool load(MainWindow& window, const QString& path)
{
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    if (!window.openFile(path)) return false;
    return loaded.count() > 0 || loaded.wait(20000);
}

}  // namespace

class TestTopTalkersWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void chartShowsTheTimelinesTopTalkers_data();
    void chartShowsTheTimelinesTopTalkers();

private:
    QTemporaryDir m_dir;
};

void TestTopTalkersWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    // Each slot runs as its own process (one ctest entry per slot), in parallel: own settings.
    QCoreApplication::setApplicationName(QStringLiteral("tst_top_talkers_window-%1").arg(QCoreApplication::applicationPid()));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    QVERIFY(rcvmon::test::writePcap(m_dir.filePath(QStringLiteral("talkers.pcap")).toStdString(), talkersScenario()));
}

void TestTopTalkersWindow::chartShowsTheTimelinesTopTalkers_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("generated") << m_dir.filePath(QStringLiteral("talkers.pcap"));
    // Spans more than five minutes, with many hosts.
    QTest::newRow("corpus wireshark_samples-test") << corpusDir + QStringLiteral("/wireshark_samples-test.pcapng");
}

void TestTopTalkersWindow::chartShowsTheTimelinesTopTalkers()
{
    QFETCH(QString, path);
    RCVMON_REQUIRE(QFile::exists(path), rcvmon::test::corpusWhat());
    MainWindow window{CaptureBackend{}};
    window.resize(1400, 900);
    window.show();
    TopTalkersChartView* chart = window.topTalkersView();
    QVERIFY(chart);
    QCOMPARE(chart->objectName(), QStringLiteral("topTalkersChart"));
    QVERIFY(window.chartDock()->isAncestorOf(chart));
    QVERIFY(window.chartDock()->isAncestorOf(window.chartView()));
    StatisticsFeed* feed = window.controller()->statisticsFeed();
    // Off by default: nothing dissects every frame until the chart is asked for.
    QVERIFY(!chart->isVisible());
    QVERIFY(!feed->enabled());
    window.findChild<QAction*>(QStringLiteral("actionTopTalkersChart"))->trigger();
    QVERIFY(chart->isVisible());
    QVERIFY(window.findChild<QAction*>(QStringLiteral("actionTopTalkers"))->isChecked());
    QVERIFY(feed->enabled());  // shown, the chart switched the statistics on

    QVERIFY(load(window, path));
    QTRY_VERIFY_WITH_TIMEOUT(feed->caughtUp() && !feed->running(), 20000);

    const TrafficStatistics expected = statisticsOf(path);
    const TalkerTimeline& timeline = expected.talkers();
    QVERIFY(!timeline.talkers().empty());
    QCOMPARE(feed->statistics().talkers().newestSecond(), timeline.newestSecond());
    // The same x basis as the bandwidth charts: their newest row is the timeline's newest second.
    BandwidthModel* bandwidth = window.controller()->bandwidthModel();
    QTRY_VERIFY_WITH_TIMEOUT(bandwidth->rowCount() > 0 &&
                                 bandwidth->secondAt(bandwidth->rowCount() - 1).second == timeline.newestSecond(),
                             20000);

    // The tick redraws on its own, into the same five series (the chart is never rebuilt).
    const QList<QAbstractSeries*> series = chart->chartView()->chart()->series();
    QCOMPARE(series.size(), qsizetype{TopTalkersChartView::kTalkers});
    const std::uint64_t refreshes = chart->refreshCount();
    QTRY_VERIFY_WITH_TIMEOUT(chart->refreshCount() > refreshes, 20000);
    QCOMPARE(chart->chartView()->chart()->series(), series);

    QList<QStringList> rankings;
    for (int seconds : {60, 300}) {
        window.chartView()->setWindowSeconds(seconds);
        chart->refresh();  // the tick would do it within a second
        QCOMPARE(chart->windowSeconds(), seconds);
        const std::int64_t newest = timeline.newestSecond();
        const std::int64_t from = std::max(newest - seconds + 1, timeline.firstSecond());
        const auto top = timeline.top(from, newest, TopTalkersChartView::kTalkers);
        QVERIFY(!top.empty());
        int shown = 0;
        for (int i = 0; i < TopTalkersChartView::kTalkers; ++i) {
            if (static_cast<std::size_t>(i) >= top.size()) {
                QVERIFY(chart->talkerName(i).isEmpty());
                QVERIFY(chart->talkerPoints(i).isEmpty());
                continue;
            }
            const std::size_t talker = top[static_cast<std::size_t>(i)].talker;
            QCOMPARE(chart->talkerName(i), QString::fromStdString(timeline.talkers()[talker].address.text()));
            const auto bytes = timeline.bytesPerSecond(talker, from, newest);
            const QList<QPointF> points = chart->talkerPoints(i);
            QCOMPARE(points.size(), static_cast<qsizetype>(bytes.size()));
            for (qsizetype k = 0; k < points.size(); ++k) {
                QCOMPARE(points[k].x(), static_cast<double>(from + k - newest));
                const double bits = static_cast<double>(bytes[static_cast<std::size_t>(k)]) * 8.0;
                QVERIFY2(std::abs(points[k].y() * chart->unitDivisor() - bits) <= 1e-9 * std::max(1.0, bits),
                         qPrintable(QStringLiteral("%1 at %2").arg(chart->talkerName(i)).arg(points[k].x())));
            }
            ++shown;
        }
        QCOMPARE(chart->chartView()->chart()->series(), series);
        QStringList names;
        for (int i = 0; i < shown; ++i) names << chart->talkerName(i);
        rankings << names;
        qInfo("%s, last %d s: %s; top %llu bytes", qPrintable(QFileInfo(path).fileName()), seconds,
              qPrintable(names.join(QStringLiteral(", "))), static_cast<unsigned long long>(top[0].bytes));
    }
    // Both captures are made so that the window changes the ranking.
    QVERIFY(rankings[0] != rankings[1]);
}

RCVMON_QTEST_MAIN(TestTopTalkersWindow)
#include "tst_top_talkers_window.moc"
