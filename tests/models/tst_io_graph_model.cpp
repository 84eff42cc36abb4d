// SPDX-License-Identifier: GPL-2.0-or-later
// Statistics ▸ I/O Graphs' model over captures built here with frames at known times and
// sizes: counts per interval for several filters (quick-pass and dissecting ones) equal the
// values worked out by hand, a new interval regroups without reading the file again, an
// hour-long capture's rows span the whole hour, a new filter scans again, the CSV holds the
// model's values, a capture of many frames is binned quickly (figure printed), and on the
// corpus every 100 ms interval holds the packets, bytes and first frame tshark's own filter gives.
#include "io_graph_csv.h"
#include "io_graph_model.h"
#include "io_graph_scan.h"
#include "qtest_main.h"
#include "require.h"

#include "io_graph_capture.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace rcvmon;
namespace t = rcvmon::test;
using Graph = IoGraphModel::Graph;

class TestIoGraphModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void framesHaveTheLengthsTheTableSays();
    void binsEqualHandComputedCounts();
    void intervalChangeRegroupsWithoutRescanning();
    void hourLongCaptureSpansTheWholeHour();
    void zoomedOutPointsKeepThePeaks();
    void framesOutOfTimeOrderCountInTheirIntervals();
    void filterChangeScansAgain();
    void badFilterCountsNothingAndSaysWhy();
    void csvHoldsTheModelsValues();
    void emptyOrUnreadableCaptureHasNoIntervals();
    void manyFramesAreBinnedQuickly();
    void countsEqualTsharksOnTheCorpus_data();
    void countsEqualTsharksOnTheCorpus();

private:
    QString write(const QString& name, const std::vector<t::TimedFrame>& frames);
    // A model over `path` with the graphs given, its scan finished.
    void scanned(IoGraphModel& model, const QString& path, std::vector<Graph> graphs);

    QTemporaryDir m_dir;
    QString m_six;
};

QString TestIoGraphModel::write(const QString& name, const std::vector<t::TimedFrame>& frames)
{
    const QString path = m_dir.filePath(name);
    if (!t::writeTimedPcap(path, frames)) return {};
    return path;
}

void TestIoGraphModel::scanned(IoGraphModel& model, const QString& path, std::vector<Graph> graphs)
{
    QSignalSpy done(&model, &IoGraphModel::scanFinished);
    model.setGraphs(std::move(graphs));
    model.setCapture(path);
    QVERIFY(done.count() > 0 || done.wait(30000));
    QVERIFY2(model.scan()->error().isEmpty(), qPrintable(model.scan()->error()));
}

void TestIoGraphModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_six = write(QStringLiteral("six.pcap"), t::sixFrames());
    QVERIFY(!m_six.isEmpty());
}

void TestIoGraphModel::framesHaveTheLengthsTheTableSays()
{
    const auto frames = t::sixFrames();
    const std::vector<std::size_t> lengths = {52, 64, 142, 154, 71, 74};
    for (std::size_t i = 0; i < frames.size(); ++i) QCOMPARE(frames[i].bytes.size(), lengths[i]);
}

void TestIoGraphModel::binsEqualHandComputedCounts()
{
    IoGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    scanned(model, m_six,
            {{QStringLiteral("All"), {}, IoGraphUnit::Packets},
             {QStringLiteral("UDP"), QStringLiteral("udp"), IoGraphUnit::Packets},
             {QStringLiteral("TCP"), QStringLiteral("tcp"), IoGraphUnit::Packets},
             {QStringLiteral("DNS"), QStringLiteral("dns.qry.name == \"example.com\""), IoGraphUnit::Packets},
             {QStringLiteral("UDP bytes"), QStringLiteral("udp"), IoGraphUnit::Bytes},
             {QStringLiteral("TCP bits/s"), QStringLiteral("tcp"), IoGraphUnit::BitsPerSecond}});
    QCOMPARE(model.scan()->framesScanned(), 6u);
    QCOMPARE(model.intervalMs(), 1000u);
    // Frames at 0 … 3 s: intervals starting at 0, 1, 2 and 3 s.
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 7);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Interval start"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("UDP"));
    QCOMPARE(model.index(3, 0).data().toDouble(), 3.0);
    const auto column = [&](int graph) {
        QList<double> out;
        for (int row = 0; row < model.rowCount(); ++row) out << model.index(row, graph + 1).data(IoGraphModel::ValueRole).toDouble();
        return out;
    };
    QCOMPARE(column(0), (QList<double>{3, 2, 0, 1}));
    QCOMPARE(column(1), (QList<double>{2, 1, 0, 0}));
    QCOMPARE(column(2), (QList<double>{1, 1, 0, 1}));
    QCOMPARE(column(3), (QList<double>{0, 1, 0, 0}));
    QCOMPARE(column(4), (QList<double>{52 + 142, 71, 0, 0}));
    QCOMPARE(column(5), (QList<double>{64 * 8, 154 * 8, 0, 74 * 8}));
    // Each interval's first frame of that graph: what a click on its point selects.
    QCOMPARE(model.index(0, 1).data(IoGraphModel::FirstFrameRole).toULongLong(), 1u);
    QCOMPARE(model.index(0, 3).data(IoGraphModel::FirstFrameRole).toULongLong(), 2u);
    QCOMPARE(model.index(1, 2).data(IoGraphModel::FirstFrameRole).toULongLong(), 5u);
    QCOMPARE(model.index(1, 4).data(IoGraphModel::FirstFrameRole).toULongLong(), 5u);
    QCOMPARE(model.index(3, 3).data(IoGraphModel::FirstFrameRole).toULongLong(), 6u);
    QCOMPARE(model.index(2, 3).data(IoGraphModel::FirstFrameRole).toULongLong(), 0u);
}

void TestIoGraphModel::intervalChangeRegroupsWithoutRescanning()
{
    IoGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    scanned(model, m_six,
            {{QStringLiteral("UDP"), QStringLiteral("udp"), IoGraphUnit::Packets},
             {QStringLiteral("TCP"), QStringLiteral("tcp"), IoGraphUnit::Bytes}});
    const auto result = model.scan()->result();
    model.setIntervalMs(100);
    QVERIFY(!model.scan()->running());
    QCOMPARE(model.scan()->result(), result);  // the same counts, regrouped
    QCOMPARE(model.rowCount(), 31);
    QCOMPARE(model.value(0, 0), 1.0);
    QCOMPARE(model.value(2, 0), 1.0);
    QCOMPARE(model.value(17, 0), 1.0);
    QCOMPARE(model.value(1, 0), 0.0);
    QCOMPARE(model.value(0, 1), 64.0);
    QCOMPARE(model.value(15, 1), 154.0);
    QCOMPARE(model.value(30, 1), 74.0);
    // bits/s over 100 ms: ten times the bits of the interval.
    model.setGraphs({{QStringLiteral("UDP"), QStringLiteral("udp"), IoGraphUnit::BitsPerSecond},
                     {QStringLiteral("TCP"), QStringLiteral("tcp"), IoGraphUnit::Bytes}});
    QVERIFY(!model.scan()->running());
    QCOMPARE(model.value(2, 0), 142.0 * 8 * 10);
    model.setIntervalMs(10);
    QCOMPARE(model.rowCount(), 301);
    QCOMPARE(model.value(20, 0), 142.0 * 8 * 100);
    model.setIntervalMs(1);
    QCOMPARE(model.rowCount(), 3001);
    QCOMPARE(model.value(200, 0), 142.0 * 8 * 1000);
    model.setIntervalMs(600'000);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.value(0, 1), 64.0 + 154 + 74);
}

void TestIoGraphModel::hourLongCaptureSpansTheWholeHour()
{
    const QString path = write(QStringLiteral("hour.pcap"), {{0, t::udpFrame(10)},
                                                            {1800'000'000, t::tcpFrame(10)},
                                                            {3599'500'000, t::udpFrame(100)}});
    IoGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIntervalMs(60'000);
    scanned(model, path, {{QStringLiteral("All"), {}, IoGraphUnit::Packets}});
    QCOMPARE(model.rowCount(), 60);
    QCOMPARE(model.spanSeconds(), 59 * 60.0);
    for (int row = 0; row < 60; ++row)
        QCOMPARE(model.value(row, 0), (row == 0 || row == 30 || row == 59) ? 1.0 : 0.0);
    model.setIntervalMs(600'000);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.value(3, 0), 1.0);
    QCOMPARE(model.value(5, 0), 1.0);
    // At 1 ms the hour is 3.6 M intervals, only three of them stored.
    model.setIntervalMs(1);
    QCOMPARE(model.rowCount(), 3'599'501);
    QVERIFY(!model.truncated());
    QCOMPARE(model.value(3'599'500, 0), 1.0);
    QCOMPARE(model.index(3'599'500, 1).data(IoGraphModel::FirstFrameRole).toULongLong(), 3u);
}

void TestIoGraphModel::zoomedOutPointsKeepThePeaks()
{
    const QString path = write(QStringLiteral("peaks.pcap"), {{0, t::udpFrame(10)},
                                                             {1800'000'000, t::tcpFrame(10)},
                                                             {1800'000'100, t::tcpFrame(10)},
                                                             {3599'500'000, t::udpFrame(100)}});
    IoGraphModel model;
    model.setIntervalMs(1);
    scanned(model, path, {{QStringLiteral("All"), {}, IoGraphUnit::Packets}});
    // The whole hour at 1 ms in at most ~1000 points: each the largest of its run.
    const QList<QPointF> all = model.points(0, 0, model.spanSeconds(), 1000);
    QVERIFY(all.size() <= 1001);
    QVERIFY(all.size() >= 900);
    QCOMPARE(all.first().x(), 0.0);
    QVERIFY(all.last().x() >= 3590.0);
    QList<QPointF> peaks;
    for (const QPointF& p : all)
        if (p.y() > 0) peaks << p;
    QCOMPARE(peaks.size(), 3);
    QCOMPARE(peaks[1].y(), 2.0);  // frames 2 and 3 share a millisecond
    QVERIFY(qAbs(peaks[1].x() - 1800.0) <= model.pointWidth(0, model.spanSeconds(), 1000));
    // Zoomed in on one second: one point per millisecond.
    const QList<QPointF> second = model.points(0, 1799.5, 1800.5, 2000);
    QCOMPARE(second.size(), 1001);
    QCOMPARE(model.pointWidth(1799.5, 1800.5, 2000), 0.001);
    QCOMPARE(model.firstFrame(0, 1'799'000, 1'801'000), 2u);
}

void TestIoGraphModel::framesOutOfTimeOrderCountInTheirIntervals()
{
    // Frame 5 is stamped before frame 1: it counts in the first interval.
    const QString path = write(QStringLiteral("order.pcap"), {{1'000'000, t::udpFrame(10)},
                                                             {3'000'000, t::udpFrame(10)},
                                                             {2'000'000, t::udpFrame(10)},
                                                             {1'500'000, t::udpFrame(10)},
                                                             {0, t::udpFrame(10)}});
    IoGraphModel model;
    scanned(model, path, {{QStringLiteral("All"), {}, IoGraphUnit::Packets}});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.value(0, 0), 3.0);
    QCOMPARE(model.value(1, 0), 1.0);
    QCOMPARE(model.value(2, 0), 1.0);
    QCOMPARE(model.firstFrame(0, 0, 0), 1u);
    QCOMPARE(model.firstFrame(0, 1, 1), 3u);
    QCOMPARE(model.firstFrame(0, 2, 2), 2u);
}

void TestIoGraphModel::filterChangeScansAgain()
{
    IoGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    scanned(model, m_six, {{QStringLiteral("G"), QStringLiteral("udp"), IoGraphUnit::Packets}});
    QCOMPARE(model.value(0, 0), 2.0);
    QSignalSpy done(&model, &IoGraphModel::scanFinished);
    model.setGraphs({{QStringLiteral("G"), QStringLiteral("tcp"), IoGraphUnit::Packets}});
    QVERIFY(!model.hasResult());  // the old counts are gone at once
    QVERIFY(done.wait(30000));
    QCOMPARE(model.value(0, 0), 1.0);
    QCOMPARE(model.value(3, 0), 1.0);
    // Cancelled before it ends: no result, no signal.
    model.setGraphs({{QStringLiteral("G"), QStringLiteral("ip"), IoGraphUnit::Packets}});
    model.cancel();
    QVERIFY(!model.scan()->running());
    QVERIFY(!done.wait(500));
    QVERIFY(!model.hasResult());
}

void TestIoGraphModel::badFilterCountsNothingAndSaysWhy()
{
    IoGraphModel model;
    scanned(model, m_six,
            {{QStringLiteral("bad"), QStringLiteral("udp.port =="), IoGraphUnit::Packets},
             {QStringLiteral("good"), QStringLiteral("udp"), IoGraphUnit::Packets}});
    QVERIFY(!model.filterError(0).isEmpty());
    QVERIFY(model.filterError(1).isEmpty());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.value(0, 0), 0.0);
    QCOMPARE(model.value(0, 1), 2.0);
}

void TestIoGraphModel::csvHoldsTheModelsValues()
{
    IoGraphModel model;
    model.setIntervalMs(100);
    scanned(model, m_six,
            {{QStringLiteral("UDP \"u\""), QStringLiteral("udp"), IoGraphUnit::Packets},
             {QStringLiteral("skipped"), QStringLiteral("tcp"), IoGraphUnit::Packets},
             {QStringLiteral("TCP"), QStringLiteral("tcp"), IoGraphUnit::BitsPerSecond}});
    const QString path = m_dir.filePath(QStringLiteral("graphs.csv"));
    QCOMPARE(saveIoGraphCsv(model, {0, 2}, path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("\"Interval start\",\"UDP \"\"u\"\"\",\"TCP\""));
    QCOMPARE(lines.size(), model.rowCount() + 2);  // header, rows, and the empty end
    QCOMPARE(lines[3], QByteArray("0.2,1,0"));
    QCOMPARE(lines[16], QByteArray("1.5,0,12320"));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QList<QByteArray> cells = lines[row + 1].split(',');
        QCOMPARE(cells.size(), 3);
        QCOMPARE(cells[0].toDouble(), model.index(row, 0).data().toDouble());
        QCOMPARE(cells[1].toDouble(), model.value(row, 0));
        QCOMPARE(cells[2].toDouble(), model.value(row, 2));
    }
    QVERIFY(!saveIoGraphCsv(model, {0}, m_dir.filePath(QStringLiteral("no/such/dir/x.csv"))).isEmpty());
}

void TestIoGraphModel::emptyOrUnreadableCaptureHasNoIntervals()
{
    IoGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    scanned(model, write(QStringLiteral("empty.pcap"), {}), {{QStringLiteral("All"), {}, IoGraphUnit::Packets}});
    QVERIFY(model.hasResult());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.points(0, 0, 10, 100).size(), 0);
    const QString junk = m_dir.filePath(QStringLiteral("junk.pcap"));
    QFile file(junk);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a capture file");
    file.close();
    QSignalSpy done(&model, &IoGraphModel::scanFinished);
    model.setCapture(junk);
    QVERIFY(done.wait(30000));
    QVERIFY(!model.scan()->error().isEmpty());
    QCOMPARE(model.rowCount(), 0);
}

void TestIoGraphModel::manyFramesAreBinnedQuickly()
{
    // 300,000 frames over 300 s, UDP and TCP alternating.
    constexpr int count = 300'000;
    std::vector<t::TimedFrame> frames;
    frames.reserve(count);
    const auto udp = t::udpFrame(10);
    const auto tcp = t::tcpFrame(10);
    for (int i = 0; i < count; ++i) frames.push_back({std::int64_t(i) * 1000, (i % 2) ? tcp : udp});
    const QString path = write(QStringLiteral("many.pcap"), frames);
    QVERIFY(!path.isEmpty());
    frames.clear();
    IoGraphModel model;
    QElapsedTimer clock;
    clock.start();
    scanned(model, path,
            {{QStringLiteral("All"), {}, IoGraphUnit::Packets},
             {QStringLiteral("UDP"), QStringLiteral("udp"), IoGraphUnit::Packets},
             {QStringLiteral("TCP"), QStringLiteral("tcp.port == 80"), IoGraphUnit::Bytes}});
    const qint64 ms = clock.elapsed();
    qInfo("binned %d frames for 3 graphs in %lld ms (%.0f frames/s)", count, ms, count * 1000.0 / double(std::max<qint64>(ms, 1)));
    QCOMPARE(model.rowCount(), 300);
    for (int row = 0; row < 300; row += 37) {
        QCOMPARE(model.value(row, 0), 1000.0);
        QCOMPARE(model.value(row, 1), 500.0);
        QCOMPARE(model.value(row, 2), 500.0 * 64);
    }
}

void TestIoGraphModel::countsEqualTsharksOnTheCorpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("filter");
    // The corpus' largest and most mixed captures (several interfaces, tunnels, DNS, TCP).
    for (const char* file : {"wireshark_samples-test.pcapng", "tunnels__gre-within-gre.pcap", "pfcp.pcap",
                             "tunnels__Teredo.pcap", "eapon1.pcap", "dns__mdns.pcap"})
        for (const char* filter : {"", "udp", "tcp", "dns || frame.len > 500"})
            QTest::addRow("%s %s", file, filter) << QString::fromLatin1(file) << QString::fromLatin1(filter);
}

// Per interval of 100 ms: packets, bytes and first frame from tshark's own filter and its
// frame.time_relative, against the model's.
void TestIoGraphModel::countsEqualTsharksOnTheCorpus()
{
    QFETCH(QString, file);
    QFETCH(QString, filter);
    const QString path = QStringLiteral(RCVMON_CORPUS_DIR "/public/") + file;
    RCVMON_REQUIRE(QFile::exists(path), rcvmon::test::corpusWhat());
    RCVMON_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(), rcvmon::test::toolWhat("tshark"));
    QStringList args = {QStringLiteral("-n"), QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                        QStringLiteral("-e"), QStringLiteral("frame.number"), QStringLiteral("-e"),
                        QStringLiteral("frame.time_relative"), QStringLiteral("-e"), QStringLiteral("frame.len")};
    if (!filter.isEmpty()) args << QStringLiteral("-Y") << filter;
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), args);
    QVERIFY(tshark.waitForFinished(60000));
    QCOMPARE(tshark.exitCode(), 0);
    constexpr std::uint64_t intervalMs = 100;
    std::map<std::uint64_t, IoBin> theirs;
    for (const QByteArray& line : tshark.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> cells = line.split('\t');
        if (cells.size() != 3) continue;
        // Seconds with nanoseconds as text: whole milliseconds without rounding through a double.
        const QList<QByteArray> parts = cells[1].split('.');
        const bool negative = parts[0].startsWith('-');
        const std::uint64_t ms = negative ? 0 : parts[0].toULongLong() * 1000 + parts.value(1).left(3).leftJustified(3, '0').toULongLong();
        IoBin& bin = theirs[ms / intervalMs];
        if (bin.packets == 0) bin.firstFrame = cells[0].toULongLong();
        ++bin.packets;
        bin.bytes += cells[2].toULongLong();
    }
    IoGraphModel model;
    model.setIntervalMs(intervalMs);
    scanned(model, path, {{QStringLiteral("p"), filter, IoGraphUnit::Packets}, {QStringLiteral("b"), filter, IoGraphUnit::Bytes}});
    QVERIFY(model.filterError(0).isEmpty());
    std::map<std::uint64_t, IoBin> ours;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.value(row, 0) == 0) continue;
        ours[std::uint64_t(row)] = {std::uint64_t(row), std::uint64_t(model.value(row, 0)), std::uint64_t(model.value(row, 1)),
                                    model.firstFrame(0, row, row)};
    }
    QVERIFY2(!filter.isEmpty() || !theirs.empty(), "tshark printed no frame");
    QCOMPARE(ours.size(), theirs.size());
    for (const auto& [index, bin] : theirs) {
        const auto it = ours.find(index);
        QVERIFY2(it != ours.end(), qPrintable(QStringLiteral("interval %1 missing").arg(index)));
        QCOMPARE(it->second.packets, bin.packets);
        QCOMPARE(it->second.bytes, bin.bytes);
        QCOMPARE(it->second.firstFrame, bin.firstFrame);
    }
}

RCVMON_QTEST_GUILESS_MAIN(TestIoGraphModel)
#include "tst_io_graph_model.moc"
