// SPDX-License-Identifier: GPL-2.0-or-later
// The packet table's Process column and Statistics ▸ Processes' model over a live capture of
// known flows, with a fake owner resolver behind a real ProcessMap. The column looks owners up
// lazily for the rows a "view" reads (the test, a few times a tick, as a following QTableView
// would); the processes count every captured frame of their flows through FlowTraffic,
// whatever the view asked for. Expected sums are worked out from the frames the fake source
// cycles through: frame N is testFlows()[(N - 1) % 6].
#include "allocation_counter.h"
#include "capture_controller.h"
#include "dissector_decoder.h"
#include "fake_capture_source.h"
#include "flow_traffic.h"
#include "live/process_map.h"
#include "packet_table_model.h"
#include "process_table_model.h"
#include "process_test_counts.h"
#include "process_test_flows.h"
#include "process_traffic.h"
#include "qtest_main.h"

#include <QAbstractItemModelTester>
#include <QMap>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <QElapsedTimer>

#include <functional>
#include <memory>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

// Live flows of this controller belong to the fake processes owners describes, and are counted.
void attachFakeProcesses(CaptureController& controller, const std::shared_ptr<FakeOwnerState>& owners)
{
    controller.setProcessMapFactory([owners] { return makeFakeProcessMap(owners); });
    controller.flowTraffic()->setEnabled(true);
}

const QString samplePath = QStringLiteral(RCVMON_SAMPLE_FILE);
constexpr int ShownRows = 30;
const QString PendingText = QStringLiteral("…");

// Reads the last ShownRows rows as a view would and checks each Process cell against its flow.
struct TailReader {
    explicit TailReader(PacketTableModel* table) : model(table) {}

    PacketTableModel* model;
    std::vector<TestFlow> flows = testFlows();
    QSet<int> rowsRead;
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
            if (process != flow->process)
                problems << QStringLiteral("row %1 (%2 -> %3): Process '%4', expected '%5'")
                                .arg(row).arg(source, destination, process, flow->process);
        }
        return settled;
    }
};

// Captures from the fake flows for `ms`, then stops and lets the flow pass catch up.
void captureFor(CaptureController& controller, int ms, const std::function<void()>& whileCapturing = {})
{
    static FakeCaptureSource::Shared shared;
    if (shared.frames.empty())
        for (const TestFlow& flow : testFlows()) shared.frames.push_back(flow.frame);
    QString error;
    QVERIFY(controller.startCapture(std::make_unique<FakeCaptureSource>("fake0", CaptureMode::On, shared), error));
    QTimer view;
    if (whileCapturing) {
        QObject::connect(&view, &QTimer::timeout, whileCapturing);
        view.start(20);
    }
    QTest::qWait(ms);
    controller.stop();
    view.stop();
    controller.flowTraffic()->finish();
}

// A store of hand-made frames with chosen times, for the rates.
class TimedStore : public PacketStoreView {
public:
    void append(std::vector<std::uint8_t> bytes, Direction direction, double seconds)
    {
        Entry e;
        e.bytes = std::move(bytes);
        e.direction = direction;
        const auto ns = static_cast<std::int64_t>(seconds * 1e9 + 0.5);
        e.ts = {1'700'000'000 + ns / 1'000'000'000, static_cast<std::uint32_t>(ns % 1'000'000'000)};
        m_entries.push_back(std::move(e));
    }
    std::uint64_t firstNumber() const override { return 1; }
    std::uint64_t endNumber() const override { return m_entries.size() + 1; }
    bool meta(std::uint64_t, PacketMeta&) const override { return false; }
    bool frame(std::uint64_t number, FrameRef& out) override
    {
        const Entry& e = m_entries.at(number - 1);
        out = FrameRef{};
        out.ts = e.ts;
        out.capturedLength = out.originalLength = static_cast<std::uint32_t>(e.bytes.size());
        out.linkType = link_type::Ethernet;
        out.direction = e.direction;
        out.data = ByteSpan(e.bytes);
        return true;
    }
    const std::string& error() const override { return m_error; }

private:
    struct Entry {
        std::vector<std::uint8_t> bytes;
        Direction direction;
        Timestamp ts;
    };
    std::vector<Entry> m_entries;
    std::string m_error;
};

// Frame N is testFlows()[(N - 1) % 6], N ms after the first, made on demand: a store of
// millions of frames without their memory.
class CycleStore : public PacketStoreView {
public:
    explicit CycleStore(std::uint64_t frames) : m_end(frames + 1) {}
    std::uint64_t firstNumber() const override { return 1; }
    std::uint64_t endNumber() const override { return m_end; }
    bool meta(std::uint64_t, PacketMeta&) const override { return false; }
    bool frame(std::uint64_t number, FrameRef& out) override
    {
        const TestFlow& flow = m_flows[(number - 1) % m_flows.size()];
        out = FrameRef{};
        out.ts = {1'700'000'000 + static_cast<std::int64_t>(number / 1000),
                  static_cast<std::uint32_t>((number % 1000) * 1'000'000)};
        out.capturedLength = out.originalLength = static_cast<std::uint32_t>(flow.frame.bytes.size());
        out.linkType = link_type::Ethernet;
        out.direction = flow.frame.direction;
        out.data = ByteSpan(flow.frame.bytes);
        return true;
    }
    const std::string& error() const override { return m_error; }

private:
    std::vector<TestFlow> m_flows = testFlows();
    std::uint64_t m_end;
    std::string m_error;
};

}  // namespace

class TestProcessColumn : public QObject {
    Q_OBJECT
private slots:
    void modelsPassTheTesterWhileStreaming();
    void processesCountEveryFrameWithoutAView();
    void aFrameCountsOnceHoweverOftenItIsShown();
    void aNewCaptureStartsTheCountsAgain();
    void ratesAreCurrentAndAverage();
    void aMillionFramesAllocateOnlyTheirFlows();
    void filesHaveNoProcess();
};

// Pending → known: while the resolver holds its answers, the cells say "…" and the processes
// model has one "pending" row and no name; then the owners replace it.
void TestProcessColumn::modelsPassTheTesterWhileStreaming()
{
    auto owners = std::make_shared<FakeOwnerState>();
    owners->answering = false;
    CaptureController controller([] { return makeDissectorDecoder(); });
    attachFakeProcesses(controller, owners);
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
    processes.refresh();
    QTRY_VERIFY_WITH_TIMEOUT((processes.refresh(), processes.rowCount() == 1), 20000);
    QCOMPARE(processes.index(0, ProcessTableModel::Process).data().toString(), QStringLiteral("pending"));
    QCOMPARE(processes.index(0, ProcessTableModel::Flows).data().toString(), QStringLiteral("3"));
    QCOMPARE(controller.processTraffic()->pendingFlows(), quint64(3));
    owners->answering = true;

    QTimer view;
    QObject::connect(&view, &QTimer::timeout, [&] {
        reader.read();
        processes.refreshIfAnswered();
    });
    view.start(20);
    // Streaming under the testers until every flow has its answer and the cells said so.
    QTRY_VERIFY_WITH_TIMEOUT(controller.processTraffic()->pendingFlows() == 0 && changed.count() > 0, 10000);
    controller.stop();
    QTRY_VERIFY_WITH_TIMEOUT(reader.read(), 20000);
    processes.refresh();
    QVERIFY2(reader.problems.isEmpty(), qPrintable(reader.problems.join(QLatin1Char('\n'))));
    QCOMPARE(processes.rowCount(), 3);
    QStringList names;
    for (int row = 0; row < processes.rowCount(); ++row) names << processKey(processes, row);
    names.sort();
    QCOMPARE(names, QStringList({QStringLiteral("fakedns (4242)"), QStringLiteral("fakeweb (777)"), QStringLiteral("unknown")}));
    QCOMPARE(controller.processTraffic()->pendingFlows(), quint64(0));

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

// Nobody reads a single table row: every frame of each process's flows is counted anyway.
void TestProcessColumn::processesCountEveryFrameWithoutAView()
{
    auto owners = std::make_shared<FakeOwnerState>();
    CaptureController controller([] { return makeDissectorDecoder(); });
    attachFakeProcesses(controller, owners);
    ProcessTableModel processes(controller.processTraffic());
    QAbstractItemModelTester processTester(&processes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    captureFor(controller, 1500, [&] { processes.refresh(); });
    QTRY_VERIFY_WITH_TIMEOUT((processes.refresh(), controller.processTraffic()->pendingFlows() == 0), 20000);

    const CaptureCounters counters = controller.counters();
    QCOMPARE(counters.droppedRing, quint64(0));
    QCOMPARE(counters.evicted, quint64(0));
    QVERIFY2(counters.captured > 300, qPrintable(QString::number(counters.captured)));
    const QMap<QString, ProcessCounts> expected = expectedProcessTraffic(1, counters.captured + 1);
    const QMap<QString, ProcessCounts> shown = shownProcessTraffic(processes);
    QVERIFY2(shown == expected, qPrintable(processDifferences(shown, expected)));
    QCOMPARE(controller.tableModel()->textBuilds(), quint64(0));  // no row was ever asked for
    QCOMPARE(controller.flowTraffic()->flows().size(), std::size_t(3));
    QVERIFY2(owners->keysAsked <= 6, qPrintable(QString::number(owners->keysAsked.load())));
    qInfo("%llu packets captured, %llu counted in 3 flows; fakedns %s; fakeweb %s; unknown %s",
          static_cast<unsigned long long>(counters.captured),
          static_cast<unsigned long long>(controller.flowTraffic()->framesCounted()),
          qPrintable(describe(shown[QStringLiteral("fakedns (4242)")])),
          qPrintable(describe(shown[QStringLiteral("fakeweb (777)")])),
          qPrintable(describe(shown[QStringLiteral("unknown")])));
}

// A view reads every row's Process cell again and again, and the processes model regroups on
// every tick: each frame still counts once.
void TestProcessColumn::aFrameCountsOnceHoweverOftenItIsShown()
{
    auto owners = std::make_shared<FakeOwnerState>();
    CaptureController controller([] { return makeDissectorDecoder(); });
    attachFakeProcesses(controller, owners);
    PacketTableModel* table = controller.tableModel();
    ProcessTableModel processes(controller.processTraffic());
    TailReader reader{table};
    captureFor(controller, 1000, [&] {
        for (int i = 0; i < 3; ++i) reader.read();
        processes.refresh();
    });
    QTRY_VERIFY_WITH_TIMEOUT(reader.read(), 20000);
    for (int pass = 0; pass < 3; ++pass)
        for (int row = 0; row < table->rowCount(); ++row) table->index(row, PacketTableModel::Process).data();
    QTRY_VERIFY_WITH_TIMEOUT((processes.refresh(), controller.processTraffic()->pendingFlows() == 0), 20000);
    for (int i = 0; i < 5; ++i) processes.refresh();
    QVERIFY2(reader.problems.isEmpty(), qPrintable(reader.problems.join(QLatin1Char('\n'))));

    const CaptureCounters counters = controller.counters();
    QCOMPARE(counters.droppedRing, quint64(0));
    QCOMPARE(counters.evicted, quint64(0));
    QCOMPARE(table->textBuilds() >= static_cast<quint64>(table->rowCount()), true);
    const QMap<QString, ProcessCounts> expected = expectedProcessTraffic(1, counters.captured + 1);
    const QMap<QString, ProcessCounts> shown = shownProcessTraffic(processes);
    QVERIFY2(shown == expected, qPrintable(processDifferences(shown, expected)));
    quint64 local = 0;
    for (const ProcessCounts& c : expected) local += c.packetsIn + c.packetsOut;
    QCOMPARE(controller.flowTraffic()->framesCounted(), local);
}

void TestProcessColumn::aNewCaptureStartsTheCountsAgain()
{
    auto owners = std::make_shared<FakeOwnerState>();
    CaptureController controller([] { return makeDissectorDecoder(); });
    attachFakeProcesses(controller, owners);
    ProcessTableModel processes(controller.processTraffic());
    QAbstractItemModelTester processTester(&processes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    captureFor(controller, 800);
    QTRY_VERIFY_WITH_TIMEOUT((processes.refresh(), controller.processTraffic()->pendingFlows() == 0), 20000);
    const quint64 firstCapture = controller.counters().captured;
    QCOMPARE(processes.rowCount(), 3);

    captureFor(controller, 300);
    QTRY_VERIFY_WITH_TIMEOUT((processes.refresh(), controller.processTraffic()->pendingFlows() == 0), 20000);
    const CaptureCounters counters = controller.counters();
    QCOMPARE(counters.droppedRing, quint64(0));
    const QMap<QString, ProcessCounts> expected = expectedProcessTraffic(1, counters.captured + 1);
    const QMap<QString, ProcessCounts> shown = shownProcessTraffic(processes);
    QVERIFY2(shown == expected, qPrintable(processDifferences(shown, expected)));
    qInfo("first capture %llu packets, second %llu", static_cast<unsigned long long>(firstCapture),
          static_cast<unsigned long long>(counters.captured));
}

// Bits/s (now) is the traffic since the last rate interval over the capture time that passed;
// Avg is over the process's flows' first to last frame. Hand-made frames at chosen times.
void TestProcessColumn::ratesAreCurrentAndAverage()
{
    const std::vector<TestFlow> flows = testFlows();
    const TestFlow& dnsOut = flows[0];
    const TestFlow& dnsIn = flows[1];
    const TestFlow& webOut = flows[2];
    TimedStore store;
    FlowTraffic traffic;
    traffic.setEnabled(true);
    traffic.setStore(&store);
    auto owners = std::make_shared<FakeOwnerState>();
    std::unique_ptr<ProcessMap> map = makeFakeProcessMap(owners);
    ProcessTraffic processes(&traffic);
    processes.setProcessMap(map.get());
    const auto row = [&processes](const QString& name) -> const ProcessTraffic::Row* {
        for (const ProcessTraffic::Row& r : processes.rows())
            if (QString::fromStdString(r.process.name) == name) return &r;
        return nullptr;
    };

    // 0 s .. 2 s: DNS out every 0.5 s (5 frames), in every 1 s (3); web out once at 1.5 s.
    for (int i = 0; i <= 4; ++i) store.append(dnsOut.frame.bytes, Direction::Outgoing, 0.5 * i);
    for (int i = 0; i <= 2; ++i) store.append(dnsIn.frame.bytes, Direction::Incoming, 1.0 * i);
    store.append(webOut.frame.bytes, Direction::Outgoing, 1.5);
    traffic.finish();
    processes.update(false);
    QTRY_VERIFY_WITH_TIMEOUT((processes.update(false), processes.pendingFlows() == 0), 20000);
    processes.update(true);  // first interval: from the first frame (0 s) to the latest (2 s)
    const double dnsOutBits = 8.0 * static_cast<double>(dnsOut.frame.bytes.size());
    const double dnsInBits = 8.0 * static_cast<double>(dnsIn.frame.bytes.size());
    const double webBits = 8.0 * static_cast<double>(webOut.frame.bytes.size());
    QVERIFY(row(QStringLiteral("fakedns")) && row(QStringLiteral("fakeweb")));
    QCOMPARE(row(QStringLiteral("fakedns"))->bitsPerSecondOut, 5 * dnsOutBits / 2.0);
    QCOMPARE(row(QStringLiteral("fakedns"))->bitsPerSecondIn, 3 * dnsInBits / 2.0);
    QCOMPARE(row(QStringLiteral("fakeweb"))->bitsPerSecondOut, webBits / 2.0);
    QCOMPARE(row(QStringLiteral("fakedns"))->averageBitsPerSecondOut(), 5 * dnsOutBits / 2.0);
    QCOMPARE(row(QStringLiteral("fakeweb"))->averageBitsPerSecondOut(), 0.0);  // one frame: no time

    // 2 s .. 6 s: DNS out 4 more frames (2.5, 3.5, 4.5, 5.5 s), web out at 6 s.
    for (int i = 0; i < 4; ++i) store.append(dnsOut.frame.bytes, Direction::Outgoing, 2.5 + i);
    store.append(webOut.frame.bytes, Direction::Outgoing, 6.0);
    traffic.finish();
    processes.update(false);  // regrouping alone keeps the rates
    QCOMPARE(row(QStringLiteral("fakedns"))->bitsPerSecondOut, 5 * dnsOutBits / 2.0);
    processes.update(true);
    QCOMPARE(row(QStringLiteral("fakedns"))->bitsPerSecondOut, 4 * dnsOutBits / 4.0);
    QCOMPARE(row(QStringLiteral("fakedns"))->bitsPerSecondIn, 0.0);
    QCOMPARE(row(QStringLiteral("fakeweb"))->bitsPerSecondOut, webBits / 4.0);
    QCOMPARE(row(QStringLiteral("fakedns"))->averageBitsPerSecondOut(), 9 * dnsOutBits / 5.5);
    QCOMPARE(row(QStringLiteral("fakedns"))->averageBitsPerSecondIn(), 3 * dnsInBits / 5.5);
    QCOMPARE(row(QStringLiteral("fakeweb"))->averageBitsPerSecondOut(), 2 * webBits / 4.5);
    QCOMPARE(row(QStringLiteral("fakedns"))->packetsOut, quint64(9));

    // Nothing new: the current rate falls to zero, the average stays.
    processes.update(true);
    QCOMPARE(row(QStringLiteral("fakedns"))->bitsPerSecondOut, 0.0);
    QCOMPARE(row(QStringLiteral("fakeweb"))->bitsPerSecondOut, 0.0);
    QCOMPARE(row(QStringLiteral("fakedns"))->averageBitsPerSecondOut(), 9 * dnsOutBits / 5.5);
    traffic.setStore(nullptr);
}

// The pass over 1,000,000 frames: header reads and one hash lookup each, no allocation but
// the 3 flows' entries (the first frames, before counting starts, create them).
void TestProcessColumn::aMillionFramesAllocateOnlyTheirFlows()
{
    constexpr std::uint64_t Frames = 1'000'000;
    CycleStore store(Frames);
    FlowTraffic traffic;
    traffic.setEnabled(true);
    traffic.setStore(&store);
    QElapsedTimer clock;
    clock.start();
    AllocationCounter counter;
    traffic.finish();
    const std::size_t allocations = counter.stop();
    const qint64 ms = clock.elapsed();
    qInfo("%llu frames in %lld ms, %zu allocations, %zu flows", static_cast<unsigned long long>(Frames),
          static_cast<long long>(ms), allocations, traffic.flows().size());
    QCOMPARE(traffic.flows().size(), std::size_t(3));
    QCOMPARE(traffic.framesCounted(), Frames / 6 * 4 + 4);  // 4 of every 6 have a local TCP/UDP end
    // The 3 new flows, and the slice timer's restarts between 5 ms slices; never one per frame.
    QVERIFY2(allocations < 1000, qPrintable(QString::number(allocations)));
    std::uint64_t packets = 0;
    for (const auto& [key, flow] : traffic.flows()) packets += flow.packetsIn + flow.packetsOut;
    QCOMPARE(packets, traffic.framesCounted());
    traffic.setStore(nullptr);
}

void TestProcessColumn::filesHaveNoProcess()
{
    CaptureController controller([] { return makeDissectorDecoder(); });
    int made = 0;
    controller.setProcessMapFactory([&made] {
        ++made;
        return makeFakeProcessMap(std::make_shared<FakeOwnerState>());
    });
    controller.flowTraffic()->setEnabled(true);
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
    ProcessTableModel processes(controller.processTraffic());
    controller.flowTraffic()->finish();
    processes.refresh();
    QCOMPARE(processes.rowCount(), 0);
}

RCVMON_QTEST_GUILESS_MAIN(TestProcessColumn)
#include "tst_process_column.moc"
