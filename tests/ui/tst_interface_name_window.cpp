// SPDX-License-Identifier: GPL-2.0-or-later
// frame.interface_name in the real window (offscreen): the detail pane shows it beneath
// "Interface id: N (name)" as Wireshark does, and the display filter selects on it, for a
// two-interface pcapng opened in the window and for a live capture of two merged sources.
#include "capture_backend.h"
#include "capture_controller.h"
#include "main_window.h"
#include "packet_filter_scan.h"
#include "packet_table_model.h"
#include "qtest_main.h"

#include "../capture/store/fake_source.h"
#include "../capture/store/frame_maker.h"
#include "core/link_type.h"
#include "file/capture_file_writer.h"
#include "live/source_merger.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <chrono>

using namespace rcvmon;
using namespace std::chrono_literals;

namespace {

bool filterDone(MainWindow& window)
{
    return window.controller()->filterScan()->caughtUp() && !window.controller()->filterScan()->running();
}

// The frame layer's lines (its direct children), and the children of the one titled `parent`.
QStringList frameLines(QTreeView* tree, const QString& parent = {})
{
    const QAbstractItemModel* model = tree->model();
    QModelIndex at = model->index(0, 0);
    if (!parent.isEmpty()) {
        QModelIndex found;
        for (int r = 0; r < model->rowCount(at); ++r)
            if (model->index(r, 0, at).data().toString() == parent) found = model->index(r, 0, at);
        if (!found.isValid()) return {QStringLiteral("no line ") + parent};
        at = found;
    }
    QStringList lines;
    for (int r = 0; r < model->rowCount(at); ++r) lines << model->index(r, 0, at).data().toString();
    return lines;
}

QStringList interfaceColumn(MainWindow& window)
{
    const PacketTableModel* model = window.controller()->tableModel();
    QStringList names;
    for (int r = 0; r < model->rowCount(); ++r) names << model->index(r, PacketTableModel::InterfaceColumn).data().toString();
    return names;
}

// Two sources merged, as the window opens "A,B": eth0 gets even frames, host:eth1 odd ones.
CaptureBackend mergedBackend()
{
    CaptureBackend backend;
    backend.open = [](const CaptureRequest&, QString& error) -> std::unique_ptr<CaptureSource> {
        auto a = std::make_shared<test::FakeWire>();
        auto b = std::make_shared<test::FakeWire>();
        const std::int64_t past = std::chrono::duration_cast<std::chrono::seconds>(
                                      std::chrono::system_clock::now().time_since_epoch()).count() - 5;
        for (std::uint64_t i = 0; i < 10; ++i) {
            test::QueuedFrame q;
            test::fillPayload(q.bytes, i, 60);
            q.ts = Timestamp{past, static_cast<std::uint32_t>(i)};
            (i % 2 ? b : a)->queue(std::move(q));
        }
        std::vector<SourceMerger::Member> members;
        members.push_back({std::make_unique<test::FakeSource>("eth0", CaptureMode::On, a), 200ms});
        members.push_back({std::make_unique<test::FakeSource>("host:eth1", CaptureMode::IpLevel, b), 200ms});
        std::string message;
        auto merger = SourceMerger::create(std::move(members), message);
        if (!merger) error = QString::fromStdString(message);
        return merger;
    };
    return backend;
}

}  // namespace

class TestInterfaceNameWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void aPcapngOpenedInTheWindow();
    void aLiveMergedCapture();
};

void TestInterfaceNameWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_interface_name_window-%1").arg(QCoreApplication::applicationPid()));
}

void TestInterfaceNameWindow::aPcapngOpenedInTheWindow()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("two.pcapng"));
    std::string error;
    auto writer = CaptureFileWriter::create(path.toStdString(), FileFormat::PcapNg, error);
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

    MainWindow window{CaptureBackend{}};
    QAbstractItemModelTester tester(window.controller()->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openFile(path));
    QVERIFY(loaded.count() > 0 || loaded.wait(20000));
    QCOMPARE(window.controller()->tableModel()->rowCount(), 6);

    window.packetTable()->selectRow(1);
    QTRY_VERIFY_WITH_TIMEOUT(frameLines(window.detailTree()).contains(QStringLiteral("Interface id: 1 (l-lan)")), 20000);
    QCOMPARE(frameLines(window.detailTree(), QStringLiteral("Interface id: 1 (l-lan)")), QStringList{QStringLiteral("Interface name: l-lan")});
    window.packetTable()->selectRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(frameLines(window.detailTree()).contains(QStringLiteral("Interface id: 0 (198.18.1.2:r-lan)")), 20000);

    QVERIFY(window.applyDisplayFilter(QStringLiteral("frame.interface_name == \"l-lan\"")));
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    QCOMPARE(window.controller()->tableModel()->rowCount(), 3);
    QCOMPARE(interfaceColumn(window), QStringList(3, QStringLiteral("l-lan")));
    QVERIFY(window.applyDisplayFilter(QStringLiteral("frame.interface_name contains \"r-lan\"")));
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    QCOMPARE(interfaceColumn(window), QStringList(3, QStringLiteral("198.18.1.2:r-lan")));
}

void TestInterfaceNameWindow::aLiveMergedCapture()
{
    MainWindow window(mergedBackend());
    PacketTableModel* model = window.controller()->tableModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(window.applyDisplayFilter(QStringLiteral("frame.interface_name == \"host:eth1\"")));
    QVERIFY(window.startCapture({QStringLiteral("eth0,host:eth1"), CaptureMode::IpLevel, QString(), false}));
    QTRY_COMPARE_WITH_TIMEOUT(window.controller()->storeView() ? window.controller()->tableModel()->rowCount() : -1, 5, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    QCOMPARE(interfaceColumn(window), QStringList(5, QStringLiteral("host:eth1")));
    window.packetTable()->selectRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(frameLines(window.detailTree()).contains(QStringLiteral("Interface id: 1 (host:eth1)")), 20000);
    QCOMPARE(frameLines(window.detailTree(), QStringLiteral("Interface id: 1 (host:eth1)")),
             QStringList{QStringLiteral("Interface name: host:eth1")});
    // Without the filter every frame is back, each under its own name.
    QVERIFY(window.applyDisplayFilter(QString()));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 10, 20000);
    window.controller()->stop();
}

RCVMON_QTEST_MAIN(TestInterfaceNameWindow)
#include "tst_interface_name_window.moc"
