// SPDX-License-Identifier: GPL-2.0-or-later
// The packet table's Process column and Statistics ▸ Processes' model over a live capture of
// known flows, with a fake owner resolver behind a real ProcessMap. A "view" here is the test
// reading the last rows a few times a tick, as a following QTableView would.
#include "capture_controller.h"
#include "dissector_decoder.h"
#include "fake_capture_source.h"
#include "live/process_map.h"
#include "packet_table_model.h"
#include "process_table_model.h"
#include "process_test_flows.h"
#include "process_traffic.h"

#include <QAbstractItemModelTester>
#include <QMap>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

const QString samplePath = QStringLiteral(RCVMON_SAMPLE_FILE);
constexpr int ShownRows = 30;
const QString PendingText = QStringLiteral("…");

struct Counts {
    quint64 packetsIn = 0, bytesIn = 0, packetsOut = 0, bytesOut = 0;
};

// Reads the last ShownRows rows as a view would, checks each Process cell against its flow
// and remembers the first answer each frame showed, with its direction and length.
struct TailReader {
    explicit TailReader(PacketTableModel* table) : model(table) {}

    PacketTableModel* model;
    std::vector<TestFlow> flows = testFlows();
    QSet<int> rowsRead;
    QMap<quint64, QString> answered;  // frame → Process text
    QMap<QString, Counts> expected;   // Process text → what it must count
    QStringList problems;
    int pendingSeen = 0;

    // True when every row read showed its final answer.
    bool read()
    {
        bool settled = true;
        const int rows = model->rowCount();
        for (int row = std::max(0, rows - ShownRows); row < rows; ++row) {
            rowsRead.insert(row);
            const QString source = model->index(row, PacketTableModel::Source).data().toString();
            const QString destination = model->index(row, PacketTableModel::Destination).data().toString();
            const QString process = model->index(row, PacketTableModel::Process).data().toString();
            const TestFlow* flow = nullptr;
            for (const TestFlow& f : flows)
                if (f.source == source && f.destination == destination) flow = &f;
            if (!flow) {
                problems << QStringLiteral("row %1: unexpected %2 -> %3").arg(row).arg(source, destination);
                continue;
            }
            if (process == PendingText && !flow->process.isEmpty()) {
                ++pendingSeen;
                settled = false;
                continue;
            }
            if (process != flow->process) {
                problems << QStringLiteral("row %1 (%2 -> %3): Process '%4', expected '%5'")
                                .arg(row).arg(source, destination, process, flow->process);
                continue;
            }
            const quint64 number = model->frameNumber(row);
            if (process.isEmpty() || answered.contains(number)) continue;
            answered.insert(number, process);
            const quint64 length = model->index(row, PacketTableModel::Length).data().toULongLong();
            Counts& counts = expected[process];
            if (flow->frame.direction == Direction::Outgoing) {
                ++counts.packetsOut;
                counts.bytesOut += length;
            } else {
                ++counts.packetsIn;
                counts.bytesIn += length;
            }
        }
        return settled;
    }
};

QString processKey(const ProcessTableModel& model, int row)
{
    const QString name = model.index(row, ProcessTableModel::Process).data().toString();
    const QString pid = model.index(row, ProcessTableModel::Pid).data().toString();
    return pid.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, pid);
}

quint64 cell(const ProcessTableModel& model, int row, int column)
{
    return model.index(row, column).data(ProcessTableModel::SortRole).toULongLong();
}

}  // namespace

class TestProcessColumn : public QObject {
    Q_OBJECT
private slots:
    void modelsPassTheTesterWhileStreaming();
    void shownRowsCarryTheirOwnerAndProcessesSumThem();
    void filesHaveNoProcess();
};

void TestProcessColumn::modelsPassTheTesterWhileStreaming()
{
    auto owners = std::make_shared<FakeOwnerState>();
    owners->answering = false;  // first the cells must say "…"
    CaptureController controller(&makeDissectorDecoder);
    controller.setProcessMapFactory([owners] { return makeFakeProcessMap(owners); });
    PacketTableModel* table = controller.tableModel();
    QAbstractItemModelTester tableTester(table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProcessTableModel processes(controller.processTraffic());
    QAbstractItemModelTester processTester(&processes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(table, &QAbstractItemModel::dataChanged);

    FakeCaptureSource::Shared shared;
    for (const TestFlow& flow : testFlows()) shared.frames.push_back(flow.frame);
    QString error;
    QVERIFY(controller.startCapture(std::make_unique<FakeCaptureSource>("fake0", CaptureMode::On, shared), error));
    QVERIFY(controller.processMap());
    TailReader reader{table};
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= ShownRows, 10000);
    reader.read();
    QVERIFY(reader.pendingSeen > 0);
    owners->answering = true;

    QTimer view;
    QObject::connect(&view, &QTimer::timeout, [&] {
        reader.read();
        processes.refresh();
    });
    view.start(20);
    QTest::qWait(1500);
    controller.stop();
    QTRY_VERIFY_WITH_TIMEOUT(reader.read(), 5000);
    processes.refresh();
    QVERIFY2(reader.problems.isEmpty(), qPrintable(reader.problems.join(QLatin1Char('\n'))));
    QVERIFY(processes.rowCount() == 3);

    // New answers repainted the Process cells only.
    int processChanges = 0;
    for (const QList<QVariant>& args : changed) {
        const auto topLeft = args[0].value<QModelIndex>();
        const auto bottomRight = args[1].value<QModelIndex>();
        if (topLeft.column() != PacketTableModel::Process) continue;
        QCOMPARE(bottomRight.column(), int(PacketTableModel::Process));
        ++processChanges;
    }
    QVERIFY(processChanges > 0);
}

void TestProcessColumn::shownRowsCarryTheirOwnerAndProcessesSumThem()
{
    auto owners = std::make_shared<FakeOwnerState>();
    CaptureController controller(&makeDissectorDecoder);
    controller.setProcessMapFactory([owners] { return makeFakeProcessMap(owners); });
    PacketTableModel* table = controller.tableModel();
    // Only the "view" reads the table here, so the expected sums are exactly what it was shown.
    ProcessTableModel processes(controller.processTraffic());
    QAbstractItemModelTester processTester(&processes, QAbstractItemModelTester::FailureReportingMode::QtTest);

    FakeCaptureSource::Shared shared;
    for (const TestFlow& flow : testFlows()) shared.frames.push_back(flow.frame);
    QString error;
    QVERIFY(controller.startCapture(std::make_unique<FakeCaptureSource>("fake0", CaptureMode::On, shared), error));
    TailReader reader{table};
    QTimer view;
    QObject::connect(&view, &QTimer::timeout, [&] {
        reader.read();
        processes.refresh();
    });
    view.start(20);
    QTest::qWait(1500);
    controller.stop();
    view.stop();
    QTRY_VERIFY_WITH_TIMEOUT(reader.read(), 5000);
    QVERIFY2(reader.problems.isEmpty(), qPrintable(reader.problems.join(QLatin1Char('\n'))));

    // Only what was shown was dissected and looked up, however many packets arrived.
    const quint64 captured = controller.counters().captured;
    QVERIFY2(captured > 300, qPrintable(QString::number(captured)));
    QVERIFY(table->textBuilds() <= static_cast<quint64>(reader.rowsRead.size()));
    QVERIFY2(owners->keysAsked <= 30, qPrintable(QString::number(owners->keysAsked.load())));
    qInfo("%llu packets captured, %lld rows read, %llu rows dissected, %llu keys resolved", captured,
          static_cast<long long>(reader.rowsRead.size()), static_cast<unsigned long long>(table->textBuilds()),
          static_cast<unsigned long long>(owners->keysAsked.load()));

    // Statistics ▸ Processes: the frames shown, by owner, in and out.
    processes.refresh();
    QCOMPARE(processes.rowCount(), reader.expected.size());
    QCOMPARE(controller.processTraffic()->framesCounted(), static_cast<std::uint64_t>(reader.answered.size()));
    for (int row = 0; row < processes.rowCount(); ++row) {
        const QString key = processKey(processes, row);
        QVERIFY2(reader.expected.contains(key), qPrintable(key));
        const Counts& counts = reader.expected[key];
        QCOMPARE(cell(processes, row, ProcessTableModel::PacketsIn), counts.packetsIn);
        QCOMPARE(cell(processes, row, ProcessTableModel::BytesIn), counts.bytesIn);
        QCOMPARE(cell(processes, row, ProcessTableModel::PacketsOut), counts.packetsOut);
        QCOMPARE(cell(processes, row, ProcessTableModel::BytesOut), counts.bytesOut);
        QCOMPARE(cell(processes, row, ProcessTableModel::Packets), counts.packetsIn + counts.packetsOut);
        QCOMPARE(cell(processes, row, ProcessTableModel::Bytes), counts.bytesIn + counts.bytesOut);
    }
    QVERIFY(reader.expected.contains(QStringLiteral("fakedns (4242)")));
    QVERIFY(reader.expected.contains(QStringLiteral("fakeweb (777)")));
    QVERIFY(reader.expected.contains(QStringLiteral("unknown")));

    // A new capture starts the counts again.
    QVERIFY(controller.startCapture(std::make_unique<FakeCaptureSource>("fake0", CaptureMode::On, shared), error));
    processes.refresh();
    QCOMPARE(processes.rowCount(), 0);
    controller.stop();
}

void TestProcessColumn::filesHaveNoProcess()
{
    CaptureController controller(&makeDissectorDecoder);
    int made = 0;
    controller.setProcessMapFactory([&made] {
        ++made;
        return makeFakeProcessMap(std::make_shared<FakeOwnerState>());
    });
    QSignalSpy loaded(&controller, &CaptureController::loadFinished);
    QString error;
    QVERIFY2(controller.openFile(samplePath, error), qPrintable(error));
    QVERIFY(loaded.wait(20000));
    PacketTableModel* table = controller.tableModel();
    QVERIFY(table->rowCount() > 0);
    QCOMPARE(table->headerData(PacketTableModel::Process, Qt::Horizontal).toString(), QStringLiteral("Process"));
    for (int row = 0; row < std::min(table->rowCount(), 200); ++row)
        QCOMPARE(table->index(row, PacketTableModel::Process).data().toString(), QString());
    QVERIFY(!controller.processMap());
    QCOMPARE(made, 0);
}

QTEST_GUILESS_MAIN(TestProcessColumn)
#include "tst_process_column.moc"
