// SPDX-License-Identifier: GPL-2.0-or-later
#include "fake_store.h"
#include "packet_table_model.h"
#include "qtest_main.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace rcvmon;
using rcvmon::test::FakeDecoder;
using rcvmon::test::FakeStore;

class TestPacketTableModel : public QObject {
    Q_OBJECT
private slots:
    void streamsInBatchesWithOneInsertEach();
    void evictionRemovesOldestRows();
    void textIsBuiltLazilyAndCached();
    void timeFormatsSwitch();
    void unreadableFrameShowsErrorInInfo();
    void marksAndSwitchMarks();
};

void TestPacketTableModel::streamsInBatchesWithOneInsertEach()
{
    FakeStore store;
    FakeDecoder decoder;
    PacketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, &decoder);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A producer adds 97 packets per tick; the model syncs at 30 Hz as the window does.
    int ticks = 0;
    QTimer producer;
    QObject::connect(&producer, &QTimer::timeout, [&] {
        for (int i = 0; i < 97; ++i) store.append();
        ++ticks;
    });
    QTimer ingest;
    QObject::connect(&ingest, &QTimer::timeout, &model, &PacketTableModel::sync);
    producer.start(5);
    ingest.start(33);
    while (store.size() < 3000) QVERIFY(inserted.wait(20000));
    producer.stop();
    ingest.stop();
    model.sync();

    QCOMPARE(model.rowCount(), static_cast<int>(store.size()));
    QCOMPARE(reset.count(), 0);
    // Several producer ticks land in one insert: batches, not one signal per packet.
    QVERIFY(inserted.count() < ticks);
    int expectedFirst = 0;
    for (const QList<QVariant>& args : inserted) {
        QCOMPARE(args.at(1).toInt(), expectedFirst);
        expectedFirst = args.at(2).toInt() + 1;
    }
    QCOMPARE(expectedFirst, model.rowCount());
    QCOMPARE(model.data(model.index(0, PacketTableModel::Number)).toString(), QStringLiteral("1"));
    QCOMPARE(model.data(model.index(2999, PacketTableModel::Number)).toString(), QStringLiteral("3000"));
}

void TestPacketTableModel::evictionRemovesOldestRows()
{
    FakeStore store;
    FakeDecoder decoder;
    PacketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, &decoder);
    for (int i = 0; i < 100; ++i) store.append();
    model.sync();
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    store.evict(30);
    for (int i = 0; i < 10; ++i) store.append();
    model.sync();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(removed.first().at(2).toInt(), 29);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 80);
    QCOMPARE(model.frameNumber(0), std::uint64_t{31});
    QCOMPARE(model.data(model.index(0, PacketTableModel::Source)).toString(), QStringLiteral("src-pkt31"));
    QCOMPARE(model.rowForFrame(110), 79);
    QCOMPARE(model.rowForFrame(30), -1);

    // Everything shown is evicted and more arrives: the model follows without a reset.
    store.evict(200);
    for (int i = 0; i < 5; ++i) store.append();
    model.sync();
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.frameNumber(0), std::uint64_t{111});
}

void TestPacketTableModel::textIsBuiltLazilyAndCached()
{
    FakeStore store;
    FakeDecoder decoder;
    PacketTableModel model;
    model.setStore(&store, &decoder);
    for (int i = 0; i < 100000; ++i) store.append();
    model.sync();
    QCOMPARE(model.rowCount(), 100000);
    QCOMPARE(model.textBuilds(), std::uint64_t{0});

    QCOMPARE(model.data(model.index(41, PacketTableModel::Info)).toString(), QStringLiteral("info pkt42"));
    QCOMPARE(model.data(model.index(41, PacketTableModel::Destination)).toString(), QStringLiteral("dst-pkt42"));
    QCOMPARE(model.data(model.index(41, PacketTableModel::Protocol)).toString(), QStringLiteral("FAKE"));
    QCOMPARE(model.textBuilds(), std::uint64_t{1});
    // Number, time, length, direction and mode come from the index, not a dissection.
    QCOMPARE(model.data(model.index(7, PacketTableModel::Length)).toString(), QStringLiteral("60"));
    QCOMPARE(model.data(model.index(7, PacketTableModel::DirectionColumn)).toString(), QStringLiteral("in"));
    QCOMPARE(model.data(model.index(7, PacketTableModel::Mode)).toString(), QStringLiteral("IpLevel"));
    QCOMPARE(model.textBuilds(), std::uint64_t{1});
}

void TestPacketTableModel::timeFormatsSwitch()
{
    FakeStore store;
    PacketTableModel model;
    model.setStore(&store, nullptr);
    for (int i = 0; i < 1500; ++i) store.append();
    model.sync();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex cell = model.index(1200, PacketTableModel::Time);  // frame 1201
    QCOMPARE(model.data(cell).toString(), QStringLiteral("1.200000000"));
    model.setTimeFormat(TimeFormat::Delta);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.data(cell).toString(), QStringLiteral("0.001000000"));
    model.setTimeFormat(TimeFormat::Absolute);
    QVERIFY(model.data(cell).toString().endsWith(QStringLiteral(":21.201000000")));
    QVERIFY(model.data(cell).toString().startsWith(QStringLiteral("2023-11-1")));
}

void TestPacketTableModel::unreadableFrameShowsErrorInInfo()
{
    FakeStore store;
    FakeDecoder decoder;
    PacketTableModel model;
    model.setStore(&store, &decoder);
    for (int i = 0; i < 5; ++i) store.append();
    store.failing = 3;
    model.sync();
    QCOMPARE(model.data(model.index(2, PacketTableModel::Info)).toString(),
             QStringLiteral("[Cannot read this frame: frame 3 is gone]"));
    QCOMPARE(model.data(model.index(3, PacketTableModel::Info)).toString(), QStringLiteral("info pkt4"));
}

void TestPacketTableModel::marksAndSwitchMarks()
{
    FakeStore store;
    PacketTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, nullptr);
    for (int i = 0; i < 5; ++i) store.append(60, CaptureMode::IpLevel);
    model.addSwitchMark(6, QStringLiteral("Mode switched to On"));
    for (int i = 0; i < 5; ++i) store.append(60, CaptureMode::On, Direction::OtherHost);
    model.sync();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setMarked(2, true);
    model.setMarked(2, true);
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.data(model.index(1, 0), PacketTableModel::MarkedRole).toBool());
    QCOMPARE(model.markedFrames().size(), std::size_t{1});
    model.setMarked(2, false);
    QVERIFY(model.markedFrames().empty());
    QCOMPARE(model.data(model.index(5, PacketTableModel::Mode)).toString(), QStringLiteral("On ◀"));
    QCOMPARE(model.data(model.index(5, 0), PacketTableModel::SwitchMarkRole).toString(),
             QStringLiteral("Mode switched to On"));
    QCOMPARE(model.data(model.index(5, PacketTableModel::DirectionColumn)).toString(), QStringLiteral("other-host"));
    QVERIFY(model.data(model.index(4, 0), PacketTableModel::SwitchMarkRole).toString().isEmpty());
}

RCVMON_QTEST_GUILESS_MAIN(TestPacketTableModel)
#include "tst_packet_table_model.moc"
