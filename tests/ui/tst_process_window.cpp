// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 5, "Which program sent it", in the real window: a live capture of known TCP/UDP flows
// with a fake owner resolver behind a real ProcessMap. The view alone (the test reads nothing
// while it runs) gets the owners of the rows it paints; then the visible rows show their
// process, "unknown" or nothing, and Statistics ▸ Processes sums what was shown.
#include "capture_controller.h"
#include "fake_capture_source.h"
#include "main_window.h"
#include "packet_table_model.h"
#include "process_table_model.h"
#include "process_test_flows.h"
#include "process_traffic.h"
#include "processes_dialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSettings>
#include <QTableView>
#include <QTest>

#include <map>
#include <memory>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

CaptureBackend fakeBackend(FakeCaptureSource::Shared& shared)
{
    CaptureBackend backend;
    backend.open = [&shared](const CaptureRequest& request, QString&) -> std::unique_ptr<CaptureSource> {
        return std::make_unique<FakeCaptureSource>(request.interfaceName.toStdString(), request.mode, shared,
                                                   shared.framesPerPoll);
    };
    backend.defaultInterface = [] { return std::optional<QString>(QStringLiteral("fake0")); };
    return backend;
}

// The rows the table shows right now.
std::pair<int, int> visibleRows(QTableView* table)
{
    const int first = table->rowAt(0);
    int last = table->rowAt(table->viewport()->height() - 1);
    if (last < 0) last = table->model()->rowCount() - 1;
    return {first, last};
}

quint64 cell(const ProcessTableModel* model, int row, int column)
{
    return model->index(row, column).data(ProcessTableModel::SortRole).toULongLong();
}

}  // namespace

class TestProcessWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void visibleRowsShowTheirProcess();
};

void TestProcessWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_process_window"));
    QSettings().clear();
}

void TestProcessWindow::visibleRowsShowTheirProcess()
{
    FakeCaptureSource::Shared shared;
    const std::vector<TestFlow> flows = testFlows();
    for (const TestFlow& flow : flows) shared.frames.push_back(flow.frame);
    auto owners = std::make_shared<FakeOwnerState>();
    MainWindow window(fakeBackend(shared));
    window.controller()->setProcessMapFactory([owners] { return makeFakeProcessMap(owners); });
    PacketTableModel* model = window.controller()->tableModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->headerData(PacketTableModel::Process, Qt::Horizontal).toString(), QStringLiteral("Process"));
    window.resize(1800, 700);  // wide enough that the last column, Process, is on screen
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::On, QString(), false}));
    QTableView* table = window.packetTable();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 500, 10000);
    QVERIFY(table->columnViewportPosition(PacketTableModel::Process) + 20 < table->viewport()->width());
    QTest::qWait(500);
    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
    // Only the view asks so far: the Process cells it painted repaint with their answers on
    // the controller's timer, and nothing else is looked up.
    const ProcessTraffic* traffic = window.controller()->processTraffic();
    QTRY_VERIFY_WITH_TIMEOUT(traffic->framesCounted() > 0, 5000);
    const std::uint64_t attributed = traffic->framesCounted();
    qInfo("rows %d, dissected %llu, attributed %llu, keys %llu, submitted %llu", model->rowCount(),
          static_cast<unsigned long long>(model->textBuilds()), static_cast<unsigned long long>(attributed),
          static_cast<unsigned long long>(owners->keysAsked.load()),
          static_cast<unsigned long long>(window.controller()->processMap()->stats().submitted));
    QVERIFY(attributed > 0);
    QVERIFY(attributed < static_cast<std::uint64_t>(model->rowCount()));
    QVERIFY(owners->keysAsked > 0 && owners->keysAsked <= 30);

    QVERIFY(!table->isColumnHidden(PacketTableModel::Process));
    const auto [first, last] = visibleRows(table);
    QVERIFY(first >= 0 && last > first);
    const auto answered = [&, first = first, last = last] {
        for (int row = first; row <= last; ++row)
            if (model->index(row, PacketTableModel::Process).data().toString() == QStringLiteral("…")) return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(answered(), 5000);
    int known = 0, unknown = 0, none = 0;
    for (int row = first; row <= last; ++row) {
        const QString source = model->index(row, PacketTableModel::Source).data().toString();
        const QString destination = model->index(row, PacketTableModel::Destination).data().toString();
        const TestFlow* flow = nullptr;
        for (const TestFlow& f : flows)
            if (f.source == source && f.destination == destination) flow = &f;
        QVERIFY2(flow, qPrintable(source + QStringLiteral(" -> ") + destination));
        QCOMPARE(model->index(row, PacketTableModel::Process).data().toString(), flow->process);
        if (flow->process.isEmpty()) ++none;
        else if (flow->process == QStringLiteral("unknown")) ++unknown;
        else ++known;
    }
    QVERIFY(known > 0 && unknown > 0 && none > 0);

    // Statistics ▸ Processes: each process's packets are its own flows' frames, in and out.
    window.findChild<QAction*>(QStringLiteral("actionProcesses"))->trigger();
    ProcessesDialog* dialog = window.findChild<ProcessesDialog*>(QStringLiteral("processesDialog"));
    QVERIFY(dialog && dialog->isVisible());
    dialog->refresh();
    const ProcessTableModel* processes = dialog->model();
    QCOMPARE(processes->rowCount(), 3);
    std::map<QString, std::size_t> lengthOf;  // Process text + direction → frame length
    for (const TestFlow& flow : flows)
        lengthOf[flow.process + (flow.frame.direction == Direction::Outgoing ? QStringLiteral(">") : QStringLiteral("<"))] =
            flow.frame.bytes.size();
    quint64 packets = 0;
    for (int row = 0; row < processes->rowCount(); ++row) {
        const QString name = processes->index(row, ProcessTableModel::Process).data().toString();
        const QString pid = processes->index(row, ProcessTableModel::Pid).data().toString();
        const QString text = pid.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, pid);
        const quint64 in = cell(processes, row, ProcessTableModel::PacketsIn);
        const quint64 out = cell(processes, row, ProcessTableModel::PacketsOut);
        const auto inLength = lengthOf.find(text + QStringLiteral("<"));
        const auto outLength = lengthOf.find(text + QStringLiteral(">"));
        QCOMPARE(cell(processes, row, ProcessTableModel::BytesIn), inLength == lengthOf.end() ? 0 : in * inLength->second);
        QCOMPARE(cell(processes, row, ProcessTableModel::BytesOut), outLength == lengthOf.end() ? 0 : out * outLength->second);
        if (inLength == lengthOf.end()) QCOMPARE(in, quint64(0));
        if (outLength == lengthOf.end()) QCOMPARE(out, quint64(0));
        QCOMPARE(cell(processes, row, ProcessTableModel::Packets), in + out);
        packets += in + out;
    }
    QCOMPARE(packets, window.controller()->processTraffic()->framesCounted());
}

QTEST_MAIN(TestProcessWindow)
#include "tst_process_window.moc"
