// SPDX-License-Identifier: GPL-2.0-or-later
// The display filter over the packet list: rows are the frames that pass, computed in
// slices for what is stored and extended as packets arrive; eviction drops their rows.
#include "fake_store.h"
#include "filter/display_filter.h"
#include "filtered_rows.h"
#include "packet_filter_scan.h"
#include "packet_table_model.h"
#include "qtest_main.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace rcvmon;
using rcvmon::test::FakeDecoder;
using rcvmon::test::FakeStore;

namespace {
DisplayFilter compiled(const char* text)
{
    FilterError error;
    std::optional<DisplayFilter> filter = DisplayFilter::compile(text, error);
    if (!filter) qFatal("filter %s does not compile: %s", text, error.message.c_str());
    return *filter;
}

// Frame N is 70 bytes long when N is a multiple of 3, else 60.
void appendFrames(FakeStore& store, int count)
{
    for (int i = 0; i < count; ++i) store.append(store.endNumber() % 3 == 0 ? 70 : 60);
}

std::vector<std::uint64_t> rows(const PacketTableModel& model)
{
    std::vector<std::uint64_t> numbers;
    for (int r = 0; r < model.rowCount(); ++r) numbers.push_back(model.frameNumber(r));
    return numbers;
}

std::vector<std::uint64_t> multiplesOfThree(std::uint64_t from, std::uint64_t end)
{
    std::vector<std::uint64_t> numbers;
    for (std::uint64_t n = from; n < end; ++n)
        if (n % 3 == 0) numbers.push_back(n);
    return numbers;
}
}  // namespace

class TestPacketFilterScan : public QObject {
    Q_OBJECT
private slots:
    void filteredRowsKeepOrderAndEvict();
    void filterAppliesToStoredFrames();
    void arrivingFramesAppearOnlyWhenTheyMatch();
    void evictionDropsFilteredRows();
    void clearingTheFilterShowsEveryFrame();
};

void TestPacketFilterScan::filteredRowsKeepOrderAndEvict()
{
    FilteredRows r;
    for (std::uint64_t n = 3; n < 30000; n += 3) r.append(n);
    QCOMPARE(r.size(), std::size_t{9999});
    QCOMPARE(r.rowOf(3), std::ptrdiff_t{0});
    QCOMPARE(r.rowOf(4), std::ptrdiff_t{-1});
    QCOMPARE(r.countBelow(10), std::size_t{3});
    r.dropFront(r.countBelow(15000));  // past the point where the gap is reclaimed
    QCOMPARE(r.at(0), std::uint64_t{15000});
    QCOMPARE(r.rowOf(15003), std::ptrdiff_t{1});
    QCOMPARE(r.size(), std::size_t{5000});
    r.append(30000);
    QCOMPARE(r.at(r.size() - 1), std::uint64_t{30000});
}

void TestPacketFilterScan::filterAppliesToStoredFrames()
{
    FakeStore store;
    FakeDecoder decoder;
    appendFrames(store, 50000);
    PacketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, &decoder);
    PacketFilterScan scan(&model);
    scan.setStore(&store);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    scan.setFilter(compiled("frame.len == 70"));
    QVERIFY(model.isFiltered());
    QCOMPARE(model.rowCount(), 0);
    // The pass runs on the event loop in slices; the table fills in batches.
    QTRY_VERIFY_WITH_TIMEOUT(scan.caughtUp(), 20000);
    QCOMPARE(rows(model), multiplesOfThree(1, store.endNumber()));
    QVERIFY(inserted.count() >= 1);
    QCOMPARE(model.rowForFrame(300), 99);
    QCOMPARE(model.rowForFrame(301), -1);
    QCOMPARE(model.index(99, PacketTableModel::Number).data().toString(), QStringLiteral("300"));
    QCOMPARE(model.index(99, PacketTableModel::Info).data().toString(), QStringLiteral("info pkt300"));
}

void TestPacketFilterScan::arrivingFramesAppearOnlyWhenTheyMatch()
{
    FakeStore store;
    FakeDecoder decoder;
    PacketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, &decoder);
    PacketFilterScan scan(&model);
    scan.setStore(&store);
    scan.setFilter(compiled("frame.len > 65 && frame.number >= 100"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A producer adds packets every 5 ms; the "controller" syncs and kicks at 30 Hz.
    QTimer producer;
    QObject::connect(&producer, &QTimer::timeout, [&] { appendFrames(store, 41); });
    QTimer ingest;
    QObject::connect(&ingest, &QTimer::timeout, [&] {
        model.sync();
        scan.kick();
    });
    producer.start(5);
    ingest.start(33);
    QTRY_VERIFY_WITH_TIMEOUT(store.size() >= 4000, 20000);
    producer.stop();
    ingest.stop();
    model.sync();
    scan.kick();
    QTRY_VERIFY_WITH_TIMEOUT(scan.caughtUp() && !scan.running(), 10000);
    QCOMPARE(reset.count(), 0);  // growing a filtered list never resets it
    QCOMPARE(rows(model), multiplesOfThree(100, store.endNumber()));
    QCOMPARE(model.retainedRows(), store.size());
}

void TestPacketFilterScan::evictionDropsFilteredRows()
{
    FakeStore store;
    FakeDecoder decoder;
    appendFrames(store, 300);
    PacketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, &decoder);
    PacketFilterScan scan(&model);
    scan.setStore(&store);
    scan.setFilter(compiled("frame.len == 70"));
    scan.finish();
    QCOMPARE(model.rowCount(), 100);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    store.evict(31);  // frames 1..31 go: rows 3..30 (10 rows)
    appendFrames(store, 30);
    model.sync();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(removed.first().at(2).toInt(), 9);
    scan.finish();
    QCOMPARE(rows(model), multiplesOfThree(32, store.endNumber()));
    QCOMPARE(model.rowForFrame(3), -1);
}

void TestPacketFilterScan::clearingTheFilterShowsEveryFrame()
{
    FakeStore store;
    FakeDecoder decoder;
    appendFrames(store, 120);
    PacketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, &decoder);
    PacketFilterScan scan(&model);
    scan.setStore(&store);
    scan.setFilter(compiled("frame.number in {5, 7, 9}"));
    scan.finish();
    QCOMPARE(rows(model), (std::vector<std::uint64_t>{5, 7, 9}));
    scan.setFilter(std::nullopt);
    QVERIFY(!model.isFiltered());
    QCOMPARE(model.rowCount(), 120);
    QCOMPARE(model.frameNumber(4), std::uint64_t{5});
    // A filter that passes everything needs no pass at all.
    scan.setFilter(compiled(""));
    QVERIFY(!scan.filtering());
    QCOMPARE(model.rowCount(), 120);
}

RCVMON_QTEST_MAIN(TestPacketFilterScan)
#include "tst_packet_filter_scan.moc"
