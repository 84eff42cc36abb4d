// SPDX-License-Identifier: GPL-2.0-or-later
// Statistics ▸ Expert Information in the real window over a capture built here (a TCP
// connection with a retransmission, duplicate ACKs and a reset, a malformed DNS query, a
// frame cut by the snap length): the worker's scan finds what tshark finds, the status bar
// shows the highest severity and opens the dialog, a packet row selects its packet, a scan
// can be cancelled, and the dialog's screenshot is kept in <build>/screenshots/.
#include "capture_controller.h"
#include "expert_info.h"
#include "expert_info_dialog.h"
#include "expert_info_indicator.h"
#include "expert_info_model.h"
#include "expert_scan.h"
#include "main_window.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "require.h"
#include "screenshot.h"

#include "../capture/dissect/packet_builder.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <string>

using namespace rcvmon;
namespace pb = rcvmon::test;

namespace {

pb::Bytes text(std::string_view s) { return pb::Bytes(s.begin(), s.end()); }

constexpr std::uint16_t kFin = 0x01, kSyn = 0x02, kRst = 0x04, kPsh = 0x08, kAck = 0x10;

struct Record {
    pb::Bytes bytes;
    std::size_t captured;  // < bytes.size(): cut by the snap length
};

// One big-endian pcap (Ethernet) file: frame i at second i.
QByteArray pcapFile(const std::vector<Record>& frames)
{
    pb::Bytes f;
    pb::put32(f, 0xa1b2c3d4);
    pb::put16(f, 2);
    pb::put16(f, 4);
    pb::put32(f, 0);
    pb::put32(f, 0);
    pb::put32(f, 65535);
    pb::put32(f, 1);
    std::uint32_t second = 1700000000;
    for (const Record& r : frames) {
        pb::put32(f, second++);
        pb::put32(f, 0);
        pb::put32(f, static_cast<std::uint32_t>(r.captured));
        pb::put32(f, static_cast<std::uint32_t>(r.bytes.size()));
        f.insert(f.end(), r.bytes.begin(), r.bytes.begin() + static_cast<std::ptrdiff_t>(r.captured));
    }
    return QByteArray(reinterpret_cast<const char*>(f.data()), static_cast<qsizetype>(f.size()));
}

Record tcpFrame(bool fromClient, std::uint32_t seq, std::uint32_t ack, std::uint16_t flags, std::string_view payload = {})
{
    const auto segment = fromClient ? pb::tcp(40000, 80, seq, ack, flags, text(payload))
                                    : pb::tcp(80, 40000, seq, ack, flags, text(payload));
    auto bytes = pb::ethernet(0x0800, fromClient ? pb::ipv4(6, segment, pb::kIpA, pb::kIpB) : pb::ipv4(6, segment, pb::kIpB, pb::kIpA));
    return {bytes, bytes.size()};
}

std::vector<Record> frames()
{
    std::vector<Record> f;
    f.push_back(tcpFrame(true, 1000, 0, kSyn));                                 // 1 chat: SYN
    f.push_back(tcpFrame(false, 5000, 1001, kSyn | kAck));                      // 2 chat: SYN+ACK
    f.push_back(tcpFrame(true, 1001, 5001, kAck | kPsh, "GET / HTTP/1.0\r\n"));  // 3
    f.push_back(tcpFrame(false, 5001, 1017, kAck | kPsh, "hello, world"));      // 4
    f.push_back(tcpFrame(false, 5001, 1017, kAck | kPsh, "hello, world"));      // 5 note: retransmission
    f.push_back(tcpFrame(true, 1017, 5013, kAck));                              // 6
    f.push_back(tcpFrame(true, 1017, 5013, kAck));                              // 7 note: dup ACK #1
    f.push_back(tcpFrame(true, 1017, 5013, kAck));                              // 8 note: dup ACK #2
    // 9 error: a DNS query of six bytes, short of its twelve-byte header.
    auto dns = pb::ethernet(0x0800, pb::ipv4(17, pb::udp(5353, 53, text("query?")), pb::kIpA, pb::kIpB));
    f.push_back({dns, dns.size()});
    // 10 RcvMon's warning: a SYN cut by the snap length inside its TCP header.
    auto cut = tcpFrame(true, 7000, 0, kSyn);
    f.push_back({cut.bytes, 14 + 20 + 8});
    f.push_back(tcpFrame(true, 1017, 5013, kFin | kAck));  // 11 chat: FIN; note: initiates closing
    f.push_back(tcpFrame(false, 5013, 1018, kRst));        // 12 warning: RST; note: ACK number without ACK
    return f;
}

// Top-level rows of the model as "Severity|Group|Protocol|Summary=count".
QStringList groups(const QAbstractItemModel& model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r) {
        const auto cell = [&](int c) { return model.index(r, c).data().toString(); };
        out << QStringLiteral("%1|%2|%3|%4=%5")
                   .arg(cell(ExpertInfoModel::Severity), cell(ExpertInfoModel::Group), cell(ExpertInfoModel::Protocol),
                        cell(ExpertInfoModel::Summary), cell(ExpertInfoModel::Count));
    }
    return out;
}

}  // namespace

class TestExpertInfo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void scanFindsTheEvents();
    void wiresharkItemsEqualTsharks();
    void indicatorShowsTheHighestSeverityAndOpensTheDialog();
    void packetRowSelectsItsPacket();
    void scanCanBeCancelled();
    void modelPassesTheTesterAcrossResets();
    void screenshot();

private:
    ExpertInfoDialog* openDialog();

    QTemporaryDir m_dir;
    QString m_capture;
    MainWindow* m_window = nullptr;
};

void TestExpertInfo::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_expert_info-%1").arg(QCoreApplication::applicationPid()));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_capture = m_dir.filePath(QStringLiteral("expert.pcap"));
    QFile file(m_capture);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(pcapFile(frames())) > 0);
}

void TestExpertInfo::init()
{
    m_window = new MainWindow(CaptureBackend{});
    m_window->resize(1200, 800);
    m_window->show();
    QSignalSpy loaded(m_window->controller(), &CaptureController::loadFinished);
    QVERIFY(m_window->openFile(m_capture));
    QVERIFY(loaded.count() > 0 || loaded.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->tableModel()->rowCount(), 12, 20000);
    // The opened file is scanned on its own, on the worker thread.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->expertInfo()->scan()->hasResult(), 30000);
}

void TestExpertInfo::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

ExpertInfoDialog* TestExpertInfo::openDialog()
{
    auto* action = m_window->findChild<QAction*>(QStringLiteral("actionExpertInfo"));
    if (!action) return nullptr;
    action->trigger();
    return m_window->findChild<ExpertInfoDialog*>();
}

void TestExpertInfo::scanFindsTheEvents()
{
    const ExpertInfoModel& model = *m_window->expertInfo()->model();
    QCOMPARE(m_window->expertInfo()->scan()->framesScanned(), 12u);
    const QStringList expected = {
        QStringLiteral("Error|Malformed|DNS|Malformed Packet (Exception occurred)=1"),
        QStringLiteral("Warning|Undecoded|TCP|Packet size limited during capture=1"),
        QStringLiteral("Warning|Sequence|TCP|Connection reset (RST)=1"),
        QStringLiteral("Note|Sequence|TCP|This frame is a (suspected) retransmission=1"),
        QStringLiteral("Note|Sequence|TCP|Duplicate ACK (#1)=1"),
        QStringLiteral("Note|Sequence|TCP|Duplicate ACK (#2)=1"),
        QStringLiteral("Note|Sequence|TCP|This frame initiates the connection closing=1"),
        QStringLiteral("Note|Protocol|TCP|The acknowledgment number field is nonzero while the ACK flag is not set=1"),
        QStringLiteral("Chat|Sequence|TCP|Connection establish request (SYN): server port 80=1"),
        QStringLiteral("Chat|Sequence|TCP|Connection establish acknowledge (SYN+ACK): server port 80=1"),
        QStringLiteral("Chat|Sequence|TCP|Connection finish (FIN)=1"),
    };
    QCOMPARE(groups(model), expected);
    // Each group's packets are its children.
    const QModelIndex retransmission = model.index(3, 0);
    QCOMPARE(model.rowCount(retransmission), 1);
    QCOMPARE(model.index(0, 0, retransmission).data(ExpertInfoModel::FrameRole).toULongLong(), 5u);
    QCOMPARE(model.index(0, 0, model.index(0, 0)).data(ExpertInfoModel::FrameRole).toULongLong(), 9u);
}

void TestExpertInfo::wiresharkItemsEqualTsharks()
{
    RCVMON_REQUIRE(QStandardPaths::findExecutable(QStringLiteral("tshark")).size() > 0, rcvmon::test::toolWhat("tshark"));
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), {QStringLiteral("-n"), QStringLiteral("-r"), m_capture, QStringLiteral("-q"),
                                            QStringLiteral("-z"), QStringLiteral("expert")});
    QVERIFY(tshark.waitForFinished(60000));
    std::string ours;
    appendExpertText(ours, *m_window->expertInfo()->scan()->result(), ExpertSeverity::Comment);
    const QByteArray theirs = tshark.readAllStandardOutput();
    // Line by line, so a difference names its line.
    QCOMPARE(QString::fromStdString(ours).split(QLatin1Char('\n')),
             QString::fromUtf8(theirs).split(QLatin1Char('\n')));
}

void TestExpertInfo::indicatorShowsTheHighestSeverityAndOpensTheDialog()
{
    ExpertInfoIndicator* indicator = m_window->expertInfo()->indicator();
    QVERIFY(indicator);
    QVERIFY(indicator->isVisible());
    QCOMPARE(indicator->text(), QStringLiteral("Error"));
    QVERIFY(indicator->toolTip().contains(QStringLiteral("1 errors")));
    QVERIFY(!m_window->findChild<ExpertInfoDialog*>());
    QTest::mouseClick(indicator, Qt::LeftButton);
    auto* dialog = m_window->findChild<ExpertInfoDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->tree()->model()->rowCount(), 11);
    QCOMPARE(dialog->totalsText(), QStringLiteral("Error: 1   Warning: 2   Note: 5   Chat: 3"));
}

void TestExpertInfo::packetRowSelectsItsPacket()
{
    ExpertInfoDialog* dialog = openDialog();
    QVERIFY(dialog);
    QTreeView* tree = dialog->tree();
    // Sorting by count keeps the children reachable through the proxy.
    tree->sortByColumn(ExpertInfoModel::Summary, Qt::AscendingOrder);
    QModelIndex rst;
    for (int r = 0; r < tree->model()->rowCount(); ++r)
        if (tree->model()->index(r, ExpertInfoModel::Summary).data().toString() == QStringLiteral("Connection reset (RST)"))
            rst = tree->model()->index(r, 0);
    QVERIFY(rst.isValid());
    tree->expand(rst);
    const QModelIndex packet = tree->model()->index(0, 0, rst);
    QCOMPARE(packet.data().toULongLong(), 12u);
    emit tree->activated(packet);
    const QModelIndex current = m_window->packetTable()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(m_window->controller()->tableModel()->frameNumber(current.row()), 12u);
    // A group row goes to its first packet.
    const QModelIndex malformed = tree->model()->index(0, 0);
    for (int r = 0; r < tree->model()->rowCount(); ++r)
        if (tree->model()->index(r, ExpertInfoModel::Group).data().toString() == QStringLiteral("Malformed"))
            emit tree->activated(tree->model()->index(r, 0));
    QCOMPARE(m_window->controller()->tableModel()->frameNumber(m_window->packetTable()->currentIndex().row()), 9u);
    Q_UNUSED(malformed);
}

void TestExpertInfo::scanCanBeCancelled()
{
    // A file big enough that the scan is still running when cancelled: 300 000 frames.
    const QString big = m_dir.filePath(QStringLiteral("big.pcap"));
    {
        std::vector<Record> many;
        const auto base = frames();
        many.reserve(300000);
        for (int i = 0; i < 25000; ++i) many.insert(many.end(), base.begin(), base.end());
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(pcapFile(many)) > 0);
    }
    ExpertScan scan;
    QSignalSpy finished(&scan, &ExpertScan::finished);
    QSignalSpy progressed(&scan, &ExpertScan::progressed);
    scan.start(big);
    QVERIFY(scan.running());
    QVERIFY(progressed.wait(30000));  // the GUI thread stays free: its event loop ran
    QVERIFY(scan.framesScanned() < 300000u);
    scan.cancel();
    QVERIFY(!scan.running());
    QTest::qWait(300);  // a cancelled scan must not report later (poll runs every 100 ms)
    QCOMPARE(finished.count(), 0);
    QVERIFY(!scan.hasResult());
    // Started again it runs to the end, and every event of every copy is counted.
    scan.start(big);
    QVERIFY(finished.wait(120000));
    QCOMPARE(scan.framesScanned(), 300000u);
    QVERIFY(scan.result());
    QCOMPARE(scan.result()->count(ExpertSeverity::Error), 25000u);
}

void TestExpertInfo::modelPassesTheTesterAcrossResets()
{
    ExpertInfoModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setTally(m_window->expertInfo()->scan()->result());
    QCOMPARE(model.rowCount(), 11);
    proxy.sort(ExpertInfoModel::Count, Qt::DescendingOrder);
    auto other = std::make_shared<ExpertTally>();
    other->add(ExpertItem{ExpertSeverity::Note, ExpertGroup::Sequence, "TCP", "TCP keep-alive segment", true}, 4);
    other->add(ExpertItem{ExpertSeverity::Note, ExpertGroup::Sequence, "TCP", "TCP keep-alive segment", true}, 9);
    model.setTally(other);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    QCOMPARE(model.index(1, 0, model.index(0, 0)).data().toULongLong(), 9u);
    model.setTally(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestExpertInfo::screenshot()
{
    ExpertInfoDialog* dialog = openDialog();
    QVERIFY(dialog);
    dialog->tree()->expandAll();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QImage image = dialog->grab().toImage();
    QVERIFY(!image.isNull());
    rcvmon::test::saveScreenshot(dialog, QStringLiteral("expert_info_dialog.png"), 6);
    // The severity colours are on screen (error red, warning yellow; the style may blend them).
    bool red = false, yellow = false;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            red = red || (c.red() > 200 && c.green() < 140 && c.blue() < 140);
            yellow = yellow || (c.red() > 200 && c.green() > 200 && c.blue() < 80);
        }
    QVERIFY(red);
    QVERIFY(yellow);
    rcvmon::test::saveScreenshot(m_window, QStringLiteral("expert_info_window.png"));
}

RCVMON_QTEST_MAIN(TestExpertInfo)
#include "tst_expert_info.moc"
