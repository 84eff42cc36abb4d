// SPDX-License-Identifier: GPL-2.0-or-later
#include "bandwidth_model.h"
#include "qtest_main.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace rcvmon;

class TestBandwidthModel : public QObject {
    Q_OBJECT
private slots:
    void streamsSecondsAndDropsOldest();
    void gapsBecomeZeroRowsAndUpdatesChangeLastRow();
};

static BandwidthSecond second(std::int64_t s, std::uint64_t in, std::uint64_t out)
{
    BandwidthSecond b;
    b.second = s;
    b.bytesIn = in;
    b.bytesOut = out;
    b.packetsIn = in / 100;
    b.packetsOut = out / 100;
    b.bytesPerClass = {in, out};
    return b;
}

void TestBandwidthModel::streamsSecondsAndDropsOldest()
{
    BandwidthModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClassNames({QStringLiteral("TCP"), QStringLiteral("UDP")});
    model.setCapacity(60);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    std::int64_t next = 1000;
    QTimer feed;
    QObject::connect(&feed, &QTimer::timeout, [&] {
        model.addSecond(second(next, 1000 + static_cast<std::uint64_t>(next), 500));
        ++next;
    });
    feed.start(1);
    while (next < 1100) QVERIFY(inserted.wait(20000));
    feed.stop();
    QCOMPARE(model.rowCount(), 60);
    QCOMPARE(model.columnCount(), BandwidthModel::FirstClass + 2);
    QCOMPARE(model.secondAt(59).second, next - 1);
    QCOMPARE(model.secondAt(0).second, next - 60);
    QCOMPARE(model.value(59, BandwidthModel::BitsIn), (1000.0 + double(next - 1)) * 8);
    QCOMPARE(model.value(59, BandwidthModel::PacketsOut), 5.0);
    QCOMPARE(model.value(59, BandwidthModel::FirstClass + 1), 4000.0);
    QCOMPARE(model.headerData(BandwidthModel::FirstClass, Qt::Horizontal).toString(), QStringLiteral("TCP"));
}

void TestBandwidthModel::gapsBecomeZeroRowsAndUpdatesChangeLastRow()
{
    BandwidthModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addSecond(second(10, 100, 0));
    model.addSecond(second(14, 200, 0));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.value(2, BandwidthModel::BitsIn), 0.0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.addSecond(second(14, 300, 0));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.value(4, BandwidthModel::BitsIn), 2400.0);
    model.addSecond(second(9, 1, 1));  // older than the window's end: ignored
    QCOMPARE(model.rowCount(), 5);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

RCVMON_QTEST_GUILESS_MAIN(TestBandwidthModel)
#include "tst_bandwidth_model.moc"
