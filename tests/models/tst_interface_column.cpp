// SPDX-License-Identifier: GPL-2.0-or-later
// The packet list's Interface column, through the real controller: a pcapng file's interfaces
// by their IDB names, and a live capture of two merged sources by the sources' names.
#include "capture_controller.h"
#include "dissector_decoder.h"
#include "packet_table_model.h"
#include "qtest_main.h"

#include "../capture/store/fake_source.h"
#include "../capture/store/frame_maker.h"
#include "core/link_type.h"
#include "file/capture_file_writer.h"
#include "live/source_merger.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace rcvmon;
using namespace std::chrono_literals;

class TestInterfaceColumn : public QObject {
    Q_OBJECT
private slots:
    void fileRowsShowTheirInterfaceNames();
    void mergedLiveRowsShowTheirSourceNames();
};

void TestInterfaceColumn::fileRowsShowTheirInterfaceNames()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("two.pcapng")).toStdString();
    std::string error;
    auto writer = CaptureFileWriter::create(path, FileFormat::PcapNg, error);
    QVERIFY2(writer, error.c_str());
    QVERIFY(writer->addInterface({link_type::Ethernet, 262144, "198.18.1.2:r-lan", "", 9, 0}, error));
    QVERIFY(writer->addInterface({link_type::Ethernet, 262144, "l-lan", "", 9, 0}, error));
    for (std::uint32_t i = 0; i < 6; ++i) {
        std::vector<std::uint8_t> bytes;
        test::fillPayload(bytes, i, 60);
        FrameRef f;
        f.ts = Timestamp{1'700'000'000, i};
        f.data = ByteSpan(bytes.data(), bytes.size());
        f.capturedLength = f.originalLength = 60;
        f.linkType = link_type::Ethernet;
        QVERIFY(writer->write(f, i % 2, error));
    }
    QVERIFY(writer->commit(error));

    CaptureController controller([] { return makeDissectorDecoder(); });
    QAbstractItemModelTester tester(controller.tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&controller, &CaptureController::loadFinished);
    QString message;
    QVERIFY2(controller.openFile(QString::fromStdString(path), message), qPrintable(message));
    QVERIFY(loaded.wait(20000));
    PacketTableModel* table = controller.tableModel();
    QCOMPARE(table->rowCount(), 6);
    QCOMPARE(table->headerData(PacketTableModel::InterfaceColumn, Qt::Horizontal).toString(), QStringLiteral("Interface"));
    for (int row = 0; row < 6; ++row)
        QCOMPARE(table->index(row, PacketTableModel::InterfaceColumn).data().toString(),
                 row % 2 ? QStringLiteral("l-lan") : QStringLiteral("198.18.1.2:r-lan"));
}

void TestInterfaceColumn::mergedLiveRowsShowTheirSourceNames()
{
    auto a = std::make_shared<test::FakeWire>();
    auto b = std::make_shared<test::FakeWire>();
    std::vector<SourceMerger::Member> members;
    members.push_back({std::make_unique<test::FakeSource>("eth0", CaptureMode::On, a), 200ms});
    members.push_back({std::make_unique<test::FakeSource>("host:eth1", CaptureMode::IpLevel, b), 200ms});
    std::string error;
    auto merger = SourceMerger::create(std::move(members), error);
    QVERIFY2(merger, error.c_str());
    const std::int64_t past = std::chrono::duration_cast<std::chrono::seconds>(
                                  std::chrono::system_clock::now().time_since_epoch()).count() - 5;
    for (std::uint64_t i = 0; i < 10; ++i) {
        test::QueuedFrame q;
        test::fillPayload(q.bytes, i, 60);
        q.ts = Timestamp{past, static_cast<std::uint32_t>(i)};
        (i % 2 ? b : a)->queue(std::move(q));
    }

    CaptureController controller([] { return makeDissectorDecoder(); });
    QAbstractItemModelTester tester(controller.tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString message;
    QVERIFY2(controller.startCapture(std::move(merger), message), qPrintable(message));
    PacketTableModel* table = controller.tableModel();
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 10, 20000);
    for (int row = 0; row < 10; ++row)
        QCOMPARE(table->index(row, PacketTableModel::InterfaceColumn).data().toString(),
                 row % 2 ? QStringLiteral("host:eth1") : QStringLiteral("eth0"));
    controller.stop();
}

RCVMON_QTEST_MAIN(TestInterfaceColumn)
#include "tst_interface_column.moc"
