// SPDX-License-Identifier: GPL-2.0-or-later
#include "fake_store.h"
#include "packet_detail_model.h"
#include "qtest_main.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace rcvmon;
using rcvmon::test::FakeDecoder;
using rcvmon::test::FakeStore;

class TestPacketDetailModel : public QObject {
    Q_OBJECT
private slots:
    void treeOfLayersWithByteRanges();
    void byteSelectsInnermostField();
    void followsSelectionWhilePacketsStream();
    void unreadableFrameKeepsFrameLayer();
    void rebuiltIpv6HeaderIsMarked();
};

void TestPacketDetailModel::treeOfLayersWithByteRanges()
{
    FakeStore store;
    FakeDecoder decoder;
    for (int i = 0; i < 3; ++i) store.append(40);
    PacketDetailModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, &decoder);
    QCOMPARE(model.rowCount(), 0);
    model.showPacket(2);
    QCOMPARE(model.packetNumber(), std::uint64_t{2});
    QCOMPARE(model.rowCount(), 3);  // Frame, Head, Body
    const QModelIndex frame = model.index(0, 0);
    QCOMPARE(model.data(frame).toString(), QStringLiteral("Frame 2: 40 bytes on wire (320 bits), 40 bytes captured (320 bits)"));
    QVERIFY(model.rowCount(frame) >= 4);
    const QModelIndex head = model.index(1, 0);
    QCOMPARE(model.data(head).toString(), QStringLiteral("Head"));
    const QModelIndex tag = model.index(0, 0, head);
    QCOMPARE(model.data(tag).toString(), QStringLiteral("Tag: pkt2"));
    QCOMPARE(model.parent(tag), head);
    QCOMPARE(model.data(tag, PacketDetailModel::OffsetRole).toInt(), 0);
    QCOMPARE(model.data(tag, PacketDetailModel::LengthRole).toInt(), 3);
    QCOMPARE(model.data(tag, PacketDetailModel::FieldNameRole).toString(), QStringLiteral("head.tag"));
    QCOMPARE(model.bytes().size(), 40);
    QCOMPARE(model.bytes().left(4), QByteArray("pkt2"));
    QVERIFY(model.data(model.index(0, 0, model.index(2, 0)), Qt::ForegroundRole).isValid());
}

void TestPacketDetailModel::byteSelectsInnermostField()
{
    FakeStore store;
    FakeDecoder decoder;
    store.append(40);
    PacketDetailModel model;
    model.setStore(&store, &decoder);
    model.showPacket(1);
    QCOMPARE(model.data(model.indexForByte(1)).toString(), QStringLiteral("Tag: pkt1"));
    QCOMPARE(model.data(model.indexForByte(5)).toString(), QStringLiteral("Body"));
    QCOMPARE(model.data(model.indexForByte(12)).toString(), QStringLiteral("Padding"));
    QVERIFY(!model.indexForByte(40).isValid());
}

void TestPacketDetailModel::followsSelectionWhilePacketsStream()
{
    FakeStore store;
    FakeDecoder decoder;
    PacketDetailModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, &decoder);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QTimer producer;
    QObject::connect(&producer, &QTimer::timeout, [&] {
        for (int i = 0; i < 10; ++i) store.append(64);
        model.showPacket(store.endNumber() - 1);  // the view keeps selecting the newest
    });
    producer.start(10);
    while (store.size() < 300) QVERIFY(resets.wait(20000));
    producer.stop();
    QCOMPARE(model.packetNumber(), store.endNumber() - 1);
    QCOMPARE(model.data(model.index(0, 0, model.index(1, 0))).toString(),
             QStringLiteral("Tag: pkt%1").arg(store.endNumber() - 1));
}

void TestPacketDetailModel::unreadableFrameKeepsFrameLayer()
{
    FakeStore store;
    FakeDecoder decoder;
    store.append();
    store.failing = 1;
    PacketDetailModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, &decoder);
    model.showPacket(1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1, 0)).toString(), QStringLiteral("[Cannot read this frame: frame 1 is gone]"));
    model.showPacket(99);
    QCOMPARE(model.rowCount(), 0);
}


void TestPacketDetailModel::rebuiltIpv6HeaderIsMarked()
{
    FakeStore store;
    FakeDecoder decoder;
    store.append(60, CaptureMode::On, Direction::Incoming);
    store.append(60, CaptureMode::On, Direction::Incoming, FrameFlag::Ipv6HeaderReconstructed);
    store.append(60, CaptureMode::On, Direction::Incoming,
                 FrameFlag::Ipv6HeaderReconstructed | FrameFlag::Ipv6NextHeaderGuessed);
    PacketDetailModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(&store, &decoder);
    const auto markText = [&](std::uint64_t number) {
        model.showPacket(number);
        const QModelIndex frame = model.index(0, 0);
        for (int row = 0; row < model.rowCount(frame); ++row) {
            const QModelIndex child = model.index(row, 0, frame);
            if (model.data(child, PacketDetailModel::FieldNameRole).toString() == QStringLiteral("rcvmon.ipv6_reconstructed"))
                return model.data(child).toString();
        }
        return QString();
    };
    QVERIFY(markText(1).isEmpty());
    QVERIFY(markText(2).startsWith(QStringLiteral("IPv6 header reconstructed")));
    QVERIFY(!markText(2).contains(QStringLiteral("guessed")));
    QVERIFY(markText(3).contains(QStringLiteral("next header guessed")));
}

RCVMON_QTEST_GUILESS_MAIN(TestPacketDetailModel)
#include "tst_packet_detail_model.moc"
