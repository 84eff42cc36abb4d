// SPDX-License-Identifier: GPL-2.0-or-later
// Statistics ▸ I/O Graphs' Y field units (Wireshark 4.0's SUM, COUNT FRAMES, COUNT FIELDS, MAX,
// MIN, AVG, LOAD and Bits) over captures built here, with every value worked out by hand: a
// frame counts only when it holds the field, an interval without the field is 0 in the CSV
// but not drawn, a field that does not fit its unit is refused with Wireshark's reason, the
// SMA period smooths the plotted points over Wireshark's window, LOAD spreads durations back
// over the intervals they cover; and on the corpus every interval's SUM, MAX, MIN, AVG and
// COUNT equals what tshark's -z io,stat prints for the same field.
#include "io_graph_csv.h"
#include "io_graph_model.h"
#include "io_graph_scan.h"
#include "qtest_main.h"
#include "require.h"

#include "io_graph_capture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace rcvmon;
using namespace rcvmon::test;
namespace t = rcvmon::test;
using Graph = IoGraphModel::Graph;

class TestIoGraphUnits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fieldUnitsEqualHandComputedValues();
    void intervalsWithoutTheFieldAreGaps();
    void fieldsThatDoNotFitTheUnitAreRefused();
    void unitChangeOnTheSameFieldDoesNotRescan();
    void smaSmoothsOverWiresharksWindow();
    void loadSpreadsDurationsBackOverIntervals();
    void loadOfRadiusResponseTimes();
    void valuesEqualTsharksIoStat_data();
    void valuesEqualTsharksIoStat();

private:
    void scanned(IoGraphModel& model, const QString& path, std::vector<Graph> graphs);
    QList<double> column(const IoGraphModel& model, int graph) const;

    QTemporaryDir m_dir;
    QString m_six;
};

void TestIoGraphUnits::scanned(IoGraphModel& model, const QString& path, std::vector<Graph> graphs)
{
    QSignalSpy done(&model, &IoGraphModel::scanFinished);
    model.setGraphs(std::move(graphs));
    model.setCapture(path);
    QVERIFY(done.count() > 0 || done.wait(60000));
    QVERIFY2(model.scan()->error().isEmpty(), qPrintable(model.scan()->error()));
}

QList<double> TestIoGraphUnits::column(const IoGraphModel& model, int graph) const
{
    QList<double> out;
    for (int row = 0; row < model.rowCount(); ++row) out << model.index(row, graph + 1).data(IoGraphModel::ValueRole).toDouble();
    return out;
}

void TestIoGraphUnits::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_six = m_dir.filePath(QStringLiteral("six.pcap"));
    QVERIFY(t::writeTimedPcap(m_six, t::sixFrames()));
}

// The six frames (io_graph_capture.h), 1 s intervals: 0 s holds frames 1-3, 1 s frames 4-5,
// 3 s frame 6. udp.length is 8 + payload: 18 (frame 1), 108 (frame 3), 37 (frame 5, DNS).
void TestIoGraphUnits::fieldUnitsEqualHandComputedValues()
{
    IoGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    scanned(model, m_six,
            {{QStringLiteral("sum"), {}, IoGraphUnit::Sum, QStringLiteral("frame.len")},
             {QStringLiteral("max"), {}, IoGraphUnit::Max, QStringLiteral("udp.length")},
             {QStringLiteral("min"), {}, IoGraphUnit::Min, QStringLiteral("udp.length")},
             {QStringLiteral("avg"), {}, IoGraphUnit::Average, QStringLiteral("udp.length")},
             {QStringLiteral("frames"), {}, IoGraphUnit::CountFrames, QStringLiteral("udp.length")},
             {QStringLiteral("fields"), {}, IoGraphUnit::CountFields, QStringLiteral("ip.src")},
             {QStringLiteral("avg tcp"), QStringLiteral("tcp"), IoGraphUnit::Average, QStringLiteral("tcp.len")},
             {QStringLiteral("min udp"), QStringLiteral("udp"), IoGraphUnit::Min, QStringLiteral("frame.len")},
             {QStringLiteral("bits"), {}, IoGraphUnit::Bits},
             {QStringLiteral("dns"), {}, IoGraphUnit::CountFrames, QStringLiteral("dns.qry.name")}});
    QCOMPARE(model.rowCount(), 4);
    for (int g = 0; g < 10; ++g) QVERIFY2(model.fieldError(g).isEmpty(), qPrintable(model.fieldError(g)));
    QCOMPARE(column(model, 0), (QList<double>{52 + 64 + 142, 154 + 71, 0, 74}));
    QCOMPARE(column(model, 1), (QList<double>{108, 37, 0, 0}));
    QCOMPARE(column(model, 2), (QList<double>{18, 37, 0, 0}));
    QCOMPARE(column(model, 3), (QList<double>{63, 37, 0, 0}));
    QCOMPARE(column(model, 4), (QList<double>{2, 1, 0, 0}));
    QCOMPARE(column(model, 5), (QList<double>{3, 2, 0, 1}));
    QCOMPARE(column(model, 6), (QList<double>{10, 100, 0, 20}));
    QCOMPARE(column(model, 7), (QList<double>{52, 71, 0, 0}));
    QCOMPARE(column(model, 8), (QList<double>{258 * 8, 225 * 8, 0, 74 * 8}));
    QCOMPARE(column(model, 9), (QList<double>{0, 1, 0, 0}));
    // Frames without the field are not the graph's: a click on MAX's first interval goes to frame 1.
    QCOMPARE(model.firstFrame(1, 0, 0), 1u);
    QCOMPARE(model.firstFrame(9, 0, 3), 5u);
    // The CSV holds Wireshark's values: 0 where the interval has no field.
    const QString csv = m_dir.filePath(QStringLiteral("units.csv"));
    QCOMPARE(saveIoGraphCsv(model, {1, 3}, csv), QString());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("\"Interval start\",\"max\",\"avg\"\n0,108,63\n1,37,37\n2,0,0\n3,0,0\n"));
}

void TestIoGraphUnits::intervalsWithoutTheFieldAreGaps()
{
    IoGraphModel model;
    scanned(model, m_six,
            {{QStringLiteral("max"), {}, IoGraphUnit::Max, QStringLiteral("udp.length")},
             {QStringLiteral("count"), {}, IoGraphUnit::CountFrames, QStringLiteral("udp.length")},
             {QStringLiteral("packets"), QStringLiteral("udp"), IoGraphUnit::Packets}});
    // MAX is drawn only where udp.length occurred (Wireshark's hasItemToShow); counts everywhere.
    QCOMPARE(model.hasValue(0, 0), true);
    QCOMPARE(model.hasValue(2, 0), false);
    QCOMPARE(model.hasValue(3, 0), false);
    QCOMPARE(model.hasValue(2, 1), true);
    QCOMPARE(model.hasValue(3, 2), true);
    const QList<QPointF> max = model.points(0, 0, 3, 100);
    QCOMPARE(max, (QList<QPointF>{{0, 108}, {1, 37}}));
    QCOMPARE(model.points(1, 0, 3, 100).size(), 4);
    QCOMPARE(model.points(2, 0, 3, 100).size(), 4);
}

void TestIoGraphUnits::fieldsThatDoNotFitTheUnitAreRefused()
{
    IoGraphModel model;
    scanned(model, m_six,
            {{QStringLiteral("none"), {}, IoGraphUnit::Sum, {}},
             {QStringLiteral("unknown"), {}, IoGraphUnit::Max, QStringLiteral("no.such.field")},
             {QStringLiteral("address"), {}, IoGraphUnit::Sum, QStringLiteral("ip.src")},
             {QStringLiteral("load"), {}, IoGraphUnit::Load, QStringLiteral("frame.len")},
             {QStringLiteral("count address"), {}, IoGraphUnit::CountFields, QStringLiteral("ip.src")},
             {QStringLiteral("packets ignore the field"), {}, IoGraphUnit::Packets, QStringLiteral("no.such.field")}});
    QCOMPARE(model.fieldError(0), QStringLiteral("You didn't specify a field name."));
    QCOMPARE(model.fieldError(1), QStringLiteral("There is no field named 'no.such.field'."));
    QCOMPARE(model.fieldError(2),
             QStringLiteral("\"ip.src\" doesn't have integral values. It can only be used with the following calculations: COUNT"));
    QCOMPARE(model.fieldError(3), QStringLiteral("LOAD is only supported for relative-time fields."));
    QCOMPARE(model.fieldError(4), QString());
    QCOMPARE(model.fieldError(5), QString());
    for (int g = 0; g < 4; ++g) QCOMPARE(column(model, g), (QList<double>{0, 0, 0, 0}));
    QCOMPARE(column(model, 5), (QList<double>{3, 2, 0, 1}));
}

void TestIoGraphUnits::unitChangeOnTheSameFieldDoesNotRescan()
{
    IoGraphModel model;
    scanned(model, m_six, {{QStringLiteral("g"), {}, IoGraphUnit::Max, QStringLiteral("udp.length")}});
    const auto result = model.scan()->result();
    model.setGraphs({{QStringLiteral("g"), {}, IoGraphUnit::Average, QStringLiteral("udp.length"), 10}});
    QVERIFY(!model.scan()->running());
    QCOMPARE(model.scan()->result(), result);
    QCOMPARE(model.value(0, 0), 63.0);
    // Another field is another count.
    QSignalSpy done(&model, &IoGraphModel::scanFinished);
    model.setGraphs({{QStringLiteral("g"), {}, IoGraphUnit::Average, QStringLiteral("frame.len")}});
    QVERIFY(!model.hasResult());
    QVERIFY(done.wait(30000));
    QCOMPARE(model.value(0, 0), 86.0);
}

void TestIoGraphUnits::smaSmoothsOverWiresharksWindow()
{
    // 30 frames, one a second, frame i of 42 + i bytes.
    std::vector<t::TimedFrame> frames;
    for (int i = 0; i < 30; ++i) frames.push_back({std::int64_t(i) * 1'000'000, t::udpFrame(std::size_t(i))});
    const QString path = m_dir.filePath(QStringLiteral("ramp.pcap"));
    QVERIFY(t::writeTimedPcap(path, frames));
    IoGraphModel model;
    scanned(model, path,
            {{QStringLiteral("raw"), {}, IoGraphUnit::Bytes},
             {QStringLiteral("sma"), {}, IoGraphUnit::Bytes, {}, 10},
             {QStringLiteral("max sma"), QStringLiteral("frame.len > 60"), IoGraphUnit::Max, QStringLiteral("frame.len"), 10}});
    QCOMPARE(model.rowCount(), 30);
    // The CSV and value() stay raw: Wireshark smooths only what it plots.
    QCOMPARE(model.value(12, 1), 54.0);
    const QList<QPointF> raw = model.points(0, 0, 29, 1000);
    const QList<QPointF> sma = model.points(1, 0, 29, 1000);
    QCOMPARE(raw.size(), 30);
    QCOMPARE(sma.size(), 30);
    // Interval i averages intervals i-5 … i+4 within the capture.
    QCOMPARE(sma[0].y(), 42.0 + (0 + 1 + 2 + 3 + 4) / 5.0);
    QCOMPARE(sma[12].y(), 42.0 + 11.5);
    QCOMPARE(sma[29].y(), 42.0 + 26.5);
    QCOMPARE(sma[5].y(), 42.0 + 4.5);
    // With a Y field, intervals without it are averaged as 0 and not drawn: only frames
    // 20-30 (intervals 19-29) are longer than 60 bytes; interval 19 averages 14 … 23, five
    // of them empty.
    const QList<QPointF> maxSma = model.points(2, 0, 29, 1000);
    QCOMPARE(maxSma.size(), 11);
    QCOMPARE(maxSma.first().x(), 19.0);
    QCOMPARE(maxSma.first().y(), (61.0 + 62 + 63 + 64 + 65) / 10.0);
}

void TestIoGraphUnits::loadSpreadsDurationsBackOverIntervals()
{
    // A 2 s duration ending at 2.5 s covers the last half of interval 0, all of 1 and the
    // first half of 2; a 0.3 s one ending at 2.9 s lies inside interval 2.
    IoBins bins(1);
    bins[0].index = 2;
    bins[0].packets = 2;
    addLoadSpans(bins, {{2'500'000, 2'000'000}, {2'900'000, 300'000}}, 1000);
    QCOMPARE(bins.size(), std::size_t(3));
    QCOMPARE(bins[0].index, 0u);
    QCOMPARE(bins[0].loadUs, 500'000u);
    QCOMPARE(bins[1].loadUs, 1'000'000u);
    QCOMPARE(bins[2].loadUs, 800'000u);
    QCOMPARE(bins[2].packets, 2u);
    QCOMPARE(ioValue(bins[0], IoGraphUnit::Load, 1000), 0.5);
    QCOMPARE(ioValue(bins[1], IoGraphUnit::Load, 1000), 1.0);
    QCOMPARE(ioValue(bins[2], IoGraphUnit::Load, 1000), 0.8);
    // The last interval is as wide as the capture's end makes it.
    QCOMPARE(ioValue(bins[2], IoGraphUnit::Load, 1000, 1.0, 900'000), 800'000.0 / 900'000.0);
    for (const IoBin& b : bins) QVERIFY(b.fields > 0);
}

// RADIUS pairs (radius.time is each response's delay, a relative time): requests at 0.1, 1.2,
// 4.05 and 4.3 s, responses 0.25, 2.5, 0.05 and 1.2 s later. From the first frame, the
// responses end at 0.25, 3.6, 4.0 and 5.4 s; Wireshark's LOAD gives each interval the part
// of the delays that covers it, the last interval (5 … 5.4 s) as wide as the capture leaves it.
void TestIoGraphUnits::loadOfRadiusResponseTimes()
{
    const auto radius = [](std::uint8_t code, std::uint8_t id, bool response) {
        Bytes r = {code, id};
        put16(r, 20);
        r.resize(20, 0x5a);
        return response ? ethernet(0x0800, ipv4(17, udp(1812, 40000, r), kIpB, kIpA))
                        : ethernet(0x0800, ipv4(17, udp(40000, 1812, r)));
    };
    const QString path = m_dir.filePath(QStringLiteral("radius.pcap"));
    QVERIFY(t::writeTimedPcap(path, {{100'000, radius(1, 1, false)}, {350'000, radius(2, 1, true)},
                                     {1'200'000, radius(1, 2, false)}, {3'700'000, radius(2, 2, true)},
                                     {4'050'000, radius(1, 3, false)}, {4'100'000, radius(2, 3, true)},
                                     {4'300'000, radius(1, 4, false)}, {5'500'000, radius(2, 4, true)}}));
    IoGraphModel model;
    scanned(model, path,
            {{QStringLiteral("load"), {}, IoGraphUnit::Load, QStringLiteral("radius.time")},
             {QStringLiteral("avg"), {}, IoGraphUnit::Average, QStringLiteral("radius.time")},
             {QStringLiteral("max"), {}, IoGraphUnit::Max, QStringLiteral("radius.time")}});
    QCOMPARE(model.fieldError(0), QString());
    QCOMPARE(model.rowCount(), 6);
    const QList<double> load = column(model, 0);
    const QList<double> expected = {0.25, 0.9, 1.0, 0.65, 0.8, 1.0};
    for (int row = 0; row < 6; ++row) QVERIFY2(qAbs(load[row] - expected[row]) < 1e-9, qPrintable(QString::number(load[row])));
    // Times are plotted in seconds.
    QCOMPARE(column(model, 1), (QList<double>{0.25, 0, 0, 2.5, 0.05, 1.2}));
    QCOMPARE(model.hasValue(1, 1), false);
    QCOMPARE(model.hasValue(1, 0), true);  // LOAD covers interval 1 although no response ends there
    QCOMPARE(model.value(3, 2), 2.5);
}

void TestIoGraphUnits::valuesEqualTsharksIoStat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("intervalMs");
    QTest::newRow("window sizes, 10 s") << QStringLiteral("wireshark_samples-test.pcapng") << QStringLiteral("tcp.window_size") << 10'000;
    QTest::newRow("udp lengths, 100 ms") << QStringLiteral("pfcp.pcap") << QStringLiteral("udp.length") << 100;
    QTest::newRow("ttl, 1 s") << QStringLiteral("tunnels__gre-within-gre.pcap") << QStringLiteral("ip.ttl") << 1000;
}

// The same field in tshark's io,stat with the field as the column's filter (so both count
// the frames holding it): its table's cells against the model's values.
void TestIoGraphUnits::valuesEqualTsharksIoStat()
{
    QFETCH(QString, file);
    QFETCH(QString, field);
    QFETCH(int, intervalMs);
    const QString path = QStringLiteral(RCVMON_CORPUS_DIR "/public/") + file;
    RCVMON_REQUIRE(QFile::exists(path), rcvmon::test::corpusWhat());
    RCVMON_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(), rcvmon::test::toolWhat("tshark"));
    const QStringList calcs = {QStringLiteral("SUM"), QStringLiteral("MAX"), QStringLiteral("MIN"), QStringLiteral("AVG"),
                               QStringLiteral("COUNT")};
    QString spec = QStringLiteral("io,stat,%1").arg(intervalMs / 1000.0);
    for (const QString& c : calcs) spec += QStringLiteral(",%1(%2)%2").arg(c, field);
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), {QStringLiteral("-n"), QStringLiteral("-q"), QStringLiteral("-r"), path,
                                            QStringLiteral("-z"), spec});
    QVERIFY(tshark.waitForFinished(120000));
    QCOMPARE(tshark.exitCode(), 0);
    QList<QList<qulonglong>> theirs;  // per row: SUM, MAX, MIN, AVG, COUNT
    for (const QByteArray& line : tshark.readAllStandardOutput().split('\n')) {
        if (!line.contains("<>")) continue;
        const QList<QByteArray> cells = line.split('|');
        QList<qulonglong> row;
        for (int i = 2; i < 7 && i < cells.size(); ++i) row << cells[i].trimmed().toULongLong();
        if (row.size() == 5) theirs << row;
    }
    QVERIFY(!theirs.isEmpty());
    IoGraphModel model;
    model.setIntervalMs(std::uint64_t(intervalMs));
    const QString filter = field;
    scanned(model, path,
            {{QStringLiteral("sum"), filter, IoGraphUnit::Sum, field},
             {QStringLiteral("max"), filter, IoGraphUnit::Max, field},
             {QStringLiteral("min"), filter, IoGraphUnit::Min, field},
             {QStringLiteral("avg"), filter, IoGraphUnit::Average, field},
             {QStringLiteral("count"), filter, IoGraphUnit::CountFields, field}});
    // tshark's last row ends at the capture's end, so both have as many intervals.
    QCOMPARE(model.rowCount(), theirs.size());
    int nonEmpty = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QList<qulonglong>& t = theirs[row];
        nonEmpty += t[4] > 0;
        QCOMPARE(qulonglong(model.value(row, 0)), t[0]);
        QCOMPARE(qulonglong(model.value(row, 1)), t[1]);
        QCOMPARE(qulonglong(model.value(row, 2)), t[2]);
        QCOMPARE(qulonglong(std::floor(model.value(row, 3))), t[3]);  // tshark divides integers
        QCOMPARE(qulonglong(model.value(row, 4)), t[4]);
        QCOMPARE(model.hasValue(row, 1), t[4] > 0);
    }
    qInfo("%s: %d intervals, %d with %s", qPrintable(file), model.rowCount(), nonEmpty, qPrintable(field));
    QVERIFY(nonEmpty > 0);
}

RCVMON_QTEST_GUILESS_MAIN(TestIoGraphUnits)
#include "tst_io_graph_units.moc"
