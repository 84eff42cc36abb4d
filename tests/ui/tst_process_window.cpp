// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 5, "Which program sent it", in the real window: a live capture of known TCP/UDP flows
// with a fake owner resolver behind a real ProcessMap. The view alone (the test reads no row
// while it runs) gets the owners of the rows it paints, and the visible rows show their
// process, "unknown" or nothing. Statistics ▸ Processes, opened during the capture, counts
// every frame of each process's flows, painted or not: its sums must equal those worked out
// from the frames the fake source cycles through (frame N is testFlows()[(N - 1) % 6]).
#include "capture_controller.h"
#include "fake_capture_backend.h"
#include "fake_capture_source.h"
#include "flow_traffic.h"
#include "main_window.h"
#include "packet_table_model.h"
#include "process_table_model.h"
#include "process_test_counts.h"
#include "process_test_flows.h"
#include "process_traffic.h"
#include "processes_dialog.h"
#include "qtest_main.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QSet>
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
    CaptureBackend backend = fakeCaptureBackend(shared);
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
    // Each slot runs as its own process (one ctest entry per slot), in parallel: own settings.
    QCoreApplication::setApplicationName(QStringLiteral("tst_process_window-%1").arg(QCoreApplication::applicationPid()));
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

    // Statistics ▸ Processes while capturing: it starts counting every retained frame.
    window.findChild<QAction*>(QStringLiteral("actionProcesses"))->trigger();
    ProcessesDialog* dialog = window.findChild<ProcessesDialog*>(QStringLiteral("processesDialog"));
    QVERIFY(dialog && dialog->isVisible());
    QString note;
    for (const QLabel* label : dialog->findChildren<QLabel*>()) note += label->text();
    QVERIFY2(note.contains(QStringLiteral("every captured TCP and UDP packet")), qPrintable(note));
    QVERIFY(!note.contains(QStringLiteral("Process cell")));
    ProcessTableModel* processes = dialog->model();
    QAbstractItemModelTester processTester(processes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto rowOf = [processes](const QString& key) {
        for (int row = 0; row < processes->rowCount(); ++row)
            if (processKey(*processes, row) == key) return row;
        return -1;
    };
    const auto dnsRateIn = [&] {
        const int row = rowOf(QStringLiteral("fakedns (4242)"));
        return row < 0 ? -1.0
                       : processes->index(row, ProcessTableModel::BitsPerSecondIn).data(ProcessTableModel::SortRole).toDouble();
    };
    // The dialog's own 1 s tick refreshes it.
    QTRY_VERIFY2_WITH_TIMEOUT(dnsRateIn() > 0, qPrintable(QString::number(dnsRateIn())), 20000);
    const int dnsRow = rowOf(QStringLiteral("fakedns (4242)"));
    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();

    // The Process cells the view painted repaint with their answers on the controller's timer.
    QVERIFY(!table->isColumnHidden(PacketTableModel::Process));
    const auto [first, last] = visibleRows(table);
    QVERIFY(first >= 0 && last > first);
    const auto answered = [&, first = first, last = last] {
        for (int row = first; row <= last; ++row)
            if (model->index(row, PacketTableModel::Process).data().toString() == QStringLiteral("…")) return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(answered(), 20000);
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

    // The dialog counts every frame of each process's flows, not the rows the view painted.
    window.controller()->flowTraffic()->finish();
    dialog->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->processTraffic()->pendingFlows() == 0, 20000);
    dialog->refresh();
    const CaptureCounters counters = window.controller()->counters();
    QCOMPARE(counters.droppedRing, quint64(0));
    QCOMPARE(counters.evicted, quint64(0));
    const QMap<QString, ProcessCounts> expected = expectedProcessTraffic(1, counters.captured + 1);
    const QMap<QString, ProcessCounts> shown = shownProcessTraffic(*processes);
    QVERIFY2(shown == expected, qPrintable(processDifferences(shown, expected)));
    QCOMPARE(processes->rowCount(), 3);
    const quint64 dissected = model->textBuilds();
    qInfo("rows %d, dissected %llu, keys %llu, counted %llu frames", model->rowCount(),
          static_cast<unsigned long long>(dissected), static_cast<unsigned long long>(owners->keysAsked.load()),
          static_cast<unsigned long long>(window.controller()->flowTraffic()->framesCounted()));
    QVERIFY(dissected < static_cast<quint64>(model->rowCount()));  // the view asked for some rows only
    QVERIFY(owners->keysAsked > 0 && owners->keysAsked <= 30);

    // Stopped: no new frames, so the current rate falls to zero; the average stays.
    dialog->refresh();
    QCOMPARE(processes->index(dnsRow, ProcessTableModel::BitsPerSecondIn).data(ProcessTableModel::SortRole).toDouble(), 0.0);
    QVERIFY(processes->index(dnsRow, ProcessTableModel::AverageBitsPerSecondIn).data(ProcessTableModel::SortRole).toDouble() > 0);
    for (int column = 0; column < ProcessTableModel::ColumnCount; ++column)
        qInfo("  %s: %s", qPrintable(processes->headerData(column, Qt::Horizontal).toString()),
              qPrintable(processes->index(dnsRow, column).data().toString()));

    // Sortable: by Bytes, largest first.
    dialog->table()->sortByColumn(ProcessTableModel::Bytes, Qt::DescendingOrder);
    QAbstractItemModel* sorted = dialog->table()->model();
    for (int row = 1; row < sorted->rowCount(); ++row)
        QVERIFY(sorted->index(row - 1, ProcessTableModel::Bytes).data(ProcessTableModel::SortRole).toULongLong() >=
                sorted->index(row, ProcessTableModel::Bytes).data(ProcessTableModel::SortRole).toULongLong());
}

RCVMON_QTEST_MAIN(TestProcessWindow)
#include "tst_process_window.moc"
