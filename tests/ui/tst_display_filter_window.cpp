// SPDX-License-Identifier: GPL-2.0-or-later
// The display filter and the Statistics menu in the real window, against tshark: the rows a
// filter leaves, packets arriving under a filter, Export Displayed, Apply as Filter from
// the detail tree, and the Conversations table with "Filter on this Conversation".
#include "capture_controller.h"
#include "conversation_model.h"
#include "fake_capture_backend.h"
#include "fake_capture_source.h"
#include "filter_bar.h"
#include "main_window.h"
#include "packet_detail_model.h"
#include "packet_filter_scan.h"
#include "packet_table_model.h"
#include "protocol_hierarchy_dialog.h"
#include "protocol_hierarchy_model.h"
#include "stat_tables_dialog.h"
#include "statistics_feed.h"
#include "qtest_main.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace rcvmon;
using rcvmon::test::FakeCaptureSource;
using rcvmon::test::fakeCaptureBackend;

namespace {

const QString corpusDir = QStringLiteral(RCVMON_CORPUS_DIR "/public");


// Opens `path`, or the bundled sample when it is empty; returns the path opened.
QString load(MainWindow& window, const QString& path)
{
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    if (path.isEmpty() ? !window.openBundledSample() : !window.openFile(path)) return {};
    if (loaded.count() == 0 && !loaded.wait(20000)) return {};
    return window.controller()->sourceName();
}

bool filterDone(MainWindow& window)
{
    return window.controller()->filterScan()->caughtUp() && !window.controller()->filterScan()->running();
}

QStringList runTshark(const QStringList& args)
{
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), args);
    if (!tshark.waitForStarted(10000)) return {QStringLiteral("no tshark")};
    if (!tshark.waitForFinished(60000) || tshark.exitCode() != 0) return {QStringLiteral("tshark failed: ") + tshark.readAllStandardError()};
    return QString::fromUtf8(tshark.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool haveTshark()
{
    static const bool present = runTshark({QStringLiteral("-v")}).value(0) != QStringLiteral("no tshark");
    return present;
}

QStringList tsharkNumbers(const QString& path, const QString& filter)
{
    return runTshark({QStringLiteral("-r"), path, QStringLiteral("-Y"), filter, QStringLiteral("-T"), QStringLiteral("fields"),
                      QStringLiteral("-e"), QStringLiteral("frame.number")});
}

// MD5 of the bytes, time and length of each frame: what an export must keep.
QStringList tsharkFrames(const QString& path, const QString& filter = {})
{
    QStringList args = {QStringLiteral("-r"), path, QStringLiteral("-o"), QStringLiteral("frame.generate_md5_hash:TRUE"),
                        QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("frame.md5_hash"),
                        QStringLiteral("-e"), QStringLiteral("frame.time_epoch"), QStringLiteral("-e"), QStringLiteral("frame.len")};
    if (!filter.isEmpty()) args << QStringLiteral("-Y") << filter;
    return runTshark(args);
}

QStringList rowNumbers(MainWindow& window)
{
    const PacketTableModel* model = window.controller()->tableModel();
    QStringList numbers;
    for (int r = 0; r < model->rowCount(); ++r) numbers << QString::number(model->frameNumber(r));
    return numbers;
}

// tshark -z conv,ip rows as "A B frames(B->A) frames(A->B) frames", sorted.
QStringList tsharkConversations(const QString& path)
{
    static const QRegularExpression row(
        QStringLiteral(R"(^(\S+)\s+<->\s+(\S+)\s+(\d+)\s+\d+\s+\S+\s+(\d+)\s+\d+\s+\S+\s+(\d+)\s)"));
    QStringList rows;
    for (const QString& line : runTshark({QStringLiteral("-r"), path, QStringLiteral("-q"), QStringLiteral("-z"), QStringLiteral("conv,ip")})) {
        const QRegularExpressionMatch m = row.match(line);
        if (m.hasMatch()) rows << QStringList{m.captured(1), m.captured(2), m.captured(3), m.captured(4), m.captured(5)}.join(QLatin1Char(' '));
    }
    rows.sort();
    return rows;
}

QModelIndex findField(QTreeView* tree, const QString& name)
{
    const QAbstractItemModel* model = tree->model();
    for (int layer = 0; layer < model->rowCount(); ++layer) {
        const QModelIndex parent = model->index(layer, 0);
        for (int r = 0; r < model->rowCount(parent); ++r) {
            const QModelIndex field = model->index(r, 0, parent);
            if (field.data(PacketDetailModel::FieldNameRole).toString() == name) return field;
        }
    }
    return {};
}

}  // namespace

class TestDisplayFilterWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void rowsAreTsharksFrames_data();
    void rowsAreTsharksFrames();
    void arrivingPacketsAppearOnlyWhenTheyMatch();
    void evictionDropsFilteredRows();
    void exportDisplayedWritesTheFilteredFrames();
    void applyAndPrepareAsFilterFromTheDetailTree();
    void conversationsMatchTsharkAndFilterOnARow();
    void endpointsAndProtocolHierarchyShowTheCapture();
};

void TestDisplayFilterWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    // Each slot runs as its own process (one ctest entry per slot), in parallel: own settings.
    QCoreApplication::setApplicationName(QStringLiteral("tst_display_filter_window-%1").arg(QCoreApplication::applicationPid()));
}

void TestDisplayFilterWindow::init()
{
    QSettings().clear();
}

void TestDisplayFilterWindow::rowsAreTsharksFrames_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("filter");
    for (const char* filter : {"tcp", "udp.port == 53", "ip.addr == 198.18.0.1 || arp", "tcp.len > 0 && !ipv6"})
        QTest::newRow(qPrintable(QStringLiteral("sample: ") + QLatin1String(filter))) << QString() << QString::fromLatin1(filter);
    // Corpus captures with fragments, tunnels and ICMP errors, where the quick header pass
    // has to hand frames over to the dissector.
    for (const char* name : {"ipv4__fragmented-4.pcap", "ipv6-fragmented-dns.pcap", "icmp__icmp-destunreach-udp.pcap",
                             "dns__mdns.pcap", "http__basic-auth-with-colon.pcap"}) {
        const QString path = corpusDir + QLatin1Char('/') + QLatin1String(name);
        if (!QFile::exists(path)) continue;
        for (const char* filter : {"tcp", "udp.port == 53"})
            QTest::newRow(qPrintable(QLatin1String(name) + QStringLiteral(": ") + QLatin1String(filter))) << path << QString::fromLatin1(filter);
    }
}

void TestDisplayFilterWindow::rowsAreTsharksFrames()
{
    QFETCH(QString, file);
    QFETCH(QString, filter);
    RCVMON_REQUIRE(haveTshark(), rcvmon::test::toolWhat("tshark"));
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeCaptureBackend(shared));
    const QString path = load(window, file);
    QVERIFY(!path.isEmpty());
    const int all = window.controller()->tableModel()->rowCount();
    QVERIFY(window.applyDisplayFilter(filter));
    QVERIFY(window.controller()->tableModel()->isFiltered());
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    const QStringList expected = tsharkNumbers(path, filter);
    QCOMPARE(rowNumbers(window), expected);
    // The status bar refreshes twice a second.
    QTRY_VERIFY2_WITH_TIMEOUT(window.statusText().contains(QStringLiteral("Displayed: %1").arg(QLocale().toString(expected.size()))),
                              qPrintable(window.statusText()), 20000);
    // Clearing the filter brings every packet back.
    QVERIFY(window.applyDisplayFilter(QString()));
    QCOMPARE(window.controller()->tableModel()->rowCount(), all);
}

void TestDisplayFilterWindow::arrivingPacketsAppearOnlyWhenTheyMatch()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeCaptureBackend(shared));
    PacketTableModel* model = window.controller()->tableModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(window.applyDisplayFilter(QStringLiteral("udp.port == 53 && frame.number > 150 && frame.number <= 400")));
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QVERIFY(model->isFiltered());  // a new capture keeps the filter
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->counters().captured > 600, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 250, 20000);
    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    QCOMPARE(reset.count(), 0);  // arrivals extend the list; nothing resets it
    QStringList expected;
    for (int n = 151; n <= 400; ++n) expected << QString::number(n);
    QCOMPARE(rowNumbers(window), expected);
    QCOMPARE(model->retainedRows(), window.controller()->counters().captured);
}

void TestDisplayFilterWindow::evictionDropsFilteredRows()
{
    FakeCaptureSource::Shared shared;
    shared.framesPerPoll = 300;
    MainWindow window(fakeCaptureBackend(shared));
    // A live capture loses rows only to the spool's disk bound: the oldest file's frames go.
    window.controller()->setDiskBound(1u << 20);
    PacketTableModel* model = window.controller()->tableModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(window.applyDisplayFilter(QStringLiteral("udp && frame.number > 100")));
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QVERIFY(removed.wait(20000));
    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    QVERIFY(window.controller()->counters().evicted > 0);
    // The rows are exactly the retained frames from 101 on: none of the evicted ones.
    const std::uint64_t first = std::max<std::uint64_t>(101, window.controller()->counters().evicted + 1);
    QCOMPARE(model->frameNumber(0), first);
    QCOMPARE(model->frameNumber(model->rowCount() - 1), window.controller()->counters().captured);
    QCOMPARE(static_cast<std::uint64_t>(model->rowCount()), window.controller()->counters().captured - first + 1);
}

void TestDisplayFilterWindow::exportDisplayedWritesTheFilteredFrames()
{
    RCVMON_REQUIRE(haveTshark(), rcvmon::test::toolWhat("tshark"));
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeCaptureBackend(shared));
    const QString sample = load(window, {});
    QVERIFY(!sample.isEmpty());
    const QString filter = QStringLiteral("udp.port == 53 || icmp");
    QVERIFY(window.applyDisplayFilter(filter));
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("displayed.pcapng"));
    window.setFileChooser([&](MainWindow::FileChoice, bool* isPcap) {
        *isPcap = false;
        return out;
    });
    window.findChild<QAction*>(QStringLiteral("actionExportDisplayed"))->trigger();
    QVERIFY2(window.messageText().isEmpty(), qPrintable(window.messageText()));
    const QStringList expected = tsharkFrames(sample, filter);
    QCOMPARE(expected.size(), 276);  // 36 DNS and 240 ICMP frames
    QCOMPARE(tsharkFrames(out), expected);
}

void TestDisplayFilterWindow::applyAndPrepareAsFilterFromTheDetailTree()
{
    RCVMON_REQUIRE(haveTshark(), rcvmon::test::toolWhat("tshark"));
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeCaptureBackend(shared));
    const QString sample = load(window, {});
    QVERIFY(!sample.isEmpty());
    window.packetTable()->selectRow(2);  // a DNS query over UDP/IPv4
    QTreeView* tree = window.detailTree();

    // Apply as Filter: the field and its value, applied at once.
    const QModelIndex source = findField(tree, QStringLiteral("ip.dst"));
    QVERIFY(source.isValid());
    tree->setCurrentIndex(source);
    window.findChild<QAction*>(QStringLiteral("actionApplyAsFilter"))->trigger();
    const QString applied = window.filterBar()->text();
    QVERIFY2(applied.startsWith(QStringLiteral("ip.dst == 198.")), qPrintable(applied));
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    QCOMPARE(rowNumbers(window), tsharkNumbers(sample, applied));
    // The packet selected before stays selected when it passes the new filter.
    QCOMPARE(window.packetTable()->currentIndex().siblingAtColumn(0).data().toString(), QStringLiteral("3"));

    // Prepare as Filter: a text field, quoted, in the bar but not applied until Enter.
    const QModelIndex name = findField(tree, QStringLiteral("dns.qry.name"));
    QVERIFY(name.isValid());
    tree->setCurrentIndex(name);
    const QStringList before = rowNumbers(window);
    window.findChild<QAction*>(QStringLiteral("actionPrepareAsFilter"))->trigger();
    const QString prepared = window.filterBar()->text();
    QVERIFY2(prepared.startsWith(QStringLiteral("dns.qry.name == \"")), qPrintable(prepared));
    QCOMPARE(window.filterBar()->state(), FilterBar::State::Valid);
    QCOMPARE(rowNumbers(window), before);
    QTest::keyClick(window.filterBar()->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    QCOMPARE(rowNumbers(window), tsharkNumbers(sample, prepared));
    QVERIFY(window.filterBar()->recentFilters().contains(prepared));

    // A layer applies its protocol.
    tree->setCurrentIndex(tree->model()->index(1, 0));  // Ethernet
    window.findChild<QAction*>(QStringLiteral("actionPrepareAsFilter"))->trigger();
    QCOMPARE(window.filterBar()->text(), QStringLiteral("eth"));
}

void TestDisplayFilterWindow::conversationsMatchTsharkAndFilterOnARow()
{
    RCVMON_REQUIRE(haveTshark(), rcvmon::test::toolWhat("tshark"));
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeCaptureBackend(shared));
    const QString sample = load(window, {});
    QVERIFY(!sample.isEmpty());
    window.findChild<QAction*>(QStringLiteral("actionConversations"))->trigger();
    auto* dialog = window.findChild<StatTablesDialog*>(QStringLiteral("conversationsDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->statisticsFeed()->caughtUp(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->model(StatKind::Ipv4)->rowCount(), 3, 20000);  // the dialog's own refresh
    StatTableModel* ipv4 = dialog->model(StatKind::Ipv4);
    QStringList actual;
    for (int r = 0; r < ipv4->rowCount(); ++r) {
        QStringList cells;
        for (int c : {ConversationModel::AddressA, ConversationModel::AddressB, ConversationModel::PacketsBToA,
                      ConversationModel::PacketsAToB, ConversationModel::Packets})
            cells << ipv4->index(r, c).data().toString();
        actual << cells.join(QLatin1Char(' '));
    }
    actual.sort();
    QCOMPARE(actual, tsharkConversations(sample));

    // Sorting by packets puts the busiest conversation first; filter on it.
    dialog->showKind(StatKind::Tcp);
    QTableView* tcp = dialog->table(StatKind::Tcp);
    QVERIFY(tcp->model()->rowCount() > 0);
    tcp->sortByColumn(ConversationModel::Packets, Qt::DescendingOrder);
    tcp->setCurrentIndex(tcp->model()->index(0, 0));
    const QString filter = dialog->currentRowFilter();
    QVERIFY2(filter.contains(QStringLiteral("tcp.port==")), qPrintable(filter));
    dialog->findChild<QPushButton*>(QStringLiteral("filterOnRow"))->click();
    QCOMPARE(window.filterBar()->text(), filter);
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    const QStringList rows = rowNumbers(window);
    QCOMPARE(rows, tsharkNumbers(sample, filter));
    QCOMPARE(QString::number(rows.size()), tcp->model()->index(0, ConversationModel::Packets).data().toString());
}

void TestDisplayFilterWindow::endpointsAndProtocolHierarchyShowTheCapture()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeCaptureBackend(shared));
    QVERIFY(!load(window, {}).isEmpty());
    StatTablesDialog* endpoints = window.showEndpoints();
    ProtocolHierarchyDialog* hierarchy = window.showProtocolHierarchy();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->statisticsFeed()->caughtUp(), 20000);
    endpoints->refresh();
    hierarchy->refresh();
    // IPv4 endpoints: the four addresses of the three conversations, packets counted both ways.
    StatTableModel* ipv4 = endpoints->model(StatKind::Ipv4);
    QCOMPARE(ipv4->rowCount(), 4);
    quint64 packets = 0;
    for (int r = 0; r < ipv4->rowCount(); ++r) packets += ipv4->index(r, 2).data().toULongLong();
    QCOMPARE(packets, quint64{2 * (1072 + 240 + 36)});
    const QAbstractItemModel* tree = hierarchy->model();
    QCOMPARE(tree->index(0, ProtocolHierarchyModel::Protocol).data().toString(), QStringLiteral("eth"));
    QCOMPARE(tree->index(0, ProtocolHierarchyModel::Packets).data().toString(), QStringLiteral("1478"));
    QCOMPARE(tree->index(0, ProtocolHierarchyModel::PercentPackets).data().toString(), QStringLiteral("100.0"));

    // A live capture: the open dialogs follow it.
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    StatTableModel* udp = endpoints->model(StatKind::Udp);
    QTRY_VERIFY_WITH_TIMEOUT(udp->rowCount() == 2 && udp->index(0, 2).data().toULongLong() > 100, 10000);
    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
}

RCVMON_QTEST_MAIN(TestDisplayFilterWindow)
#include "tst_display_filter_window.moc"
