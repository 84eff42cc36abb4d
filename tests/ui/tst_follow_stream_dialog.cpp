// SPDX-License-Identifier: GPL-2.0-or-later
// Analyze ▸ Follow in the real window over a hand-built capture: the dialog opens for the
// selected packet with the conversation in order (a segment sent out of order and a
// retransmission included), switches formats, moves between streams with the spinner,
// filters the stream out of the packet list, saves atomically, and leaves a screenshot.
#include "capture_controller.h"
#include "filter_bar.h"
#include "follow_stream_dialog.h"
#include "follow_stream_source.h"
#include "main_window.h"
#include "packet_table_model.h"
#include "qtest_main.h"

#include "../capture/dissect/packet_builder.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using namespace rcvmon;
namespace pb = rcvmon::test;

namespace {

pb::Bytes text(std::string_view s) { return pb::Bytes(s.begin(), s.end()); }

constexpr std::uint16_t kSyn = 0x02, kAck = 0x10, kPsh = 0x08;

// One pcap (Ethernet) file: frame i at second i.
QByteArray pcapFile(const std::vector<pb::Bytes>& frames)
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
    for (const pb::Bytes& frame : frames) {
        pb::put32(f, second++);
        pb::put32(f, 250000);
        pb::put32(f, static_cast<std::uint32_t>(frame.size()));
        pb::put32(f, static_cast<std::uint32_t>(frame.size()));
        pb::append(f, frame);
    }
    // pcap headers are in the writer's byte order: put32 above wrote big-endian throughout.
    return QByteArray(reinterpret_cast<const char*>(f.data()), static_cast<qsizetype>(f.size()));
}

pb::Bytes tcpFrame(bool fromClient, std::uint16_t clientPort, std::uint32_t seq, std::uint32_t ack, std::uint16_t flags,
                   std::string_view payload = {})
{
    const auto segment = fromClient ? pb::tcp(clientPort, 80, seq, ack, flags, text(payload))
                                    : pb::tcp(80, clientPort, seq, ack, flags, text(payload));
    return pb::ethernet(0x0800, fromClient ? pb::ipv4(6, segment, pb::kIpA, pb::kIpB) : pb::ipv4(6, segment, pb::kIpB, pb::kIpA));
}

// Frames 1-8: stream 0 (a request, a reply sent in two segments out of order, a retransmission);
// 9-10: a DNS-like UDP exchange; 11-13: stream 1.
std::vector<pb::Bytes> conversation()
{
    std::vector<pb::Bytes> frames;
    frames.push_back(tcpFrame(true, 40000, 1000, 0, kSyn));
    frames.push_back(tcpFrame(false, 40000, 5000, 1001, kSyn | kAck));
    frames.push_back(tcpFrame(true, 40000, 1001, 5001, kAck | kPsh, "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"));
    frames.push_back(tcpFrame(false, 40000, 5018, 1038, kAck | kPsh, "<html>hello</html>"));  // second half first
    frames.push_back(tcpFrame(false, 40000, 5001, 1038, kAck | kPsh, "HTTP/1.1 200 OK\r\n"));
    frames.push_back(tcpFrame(false, 40000, 5001, 1038, kAck | kPsh, "HTTP/1.1 200 OK\r\n"));  // retransmission
    frames.push_back(tcpFrame(true, 40000, 1038, 5036, kAck));
    frames.push_back(tcpFrame(true, 40000, 1038, 5036, kAck | 0x01));
    frames.push_back(pb::ethernet(0x0800, pb::ipv4(17, pb::udp(5353, 53, text("query?")), pb::kIpA, pb::kIpB)));
    frames.push_back(pb::ethernet(0x0800, pb::ipv4(17, pb::udp(53, 5353, text("answer!")), pb::kIpB, pb::kIpA)));
    frames.push_back(tcpFrame(true, 40001, 7000, 0, kSyn));
    frames.push_back(tcpFrame(false, 40001, 9000, 7001, kSyn | kAck));
    frames.push_back(tcpFrame(true, 40001, 7001, 9001, kAck | kPsh, "second stream"));
    return frames;
}

}  // namespace

class TestFollowStreamDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opensForTheSelectedPacket();
    void tlsShowsNoDataWithoutKeys();
    void switchesFormats();
    void spinnerMovesBetweenStreams();
    void filterOutSetsTheDisplayFilter();
    void saveAsWritesTheFile();
    void followsUdp();
    void packetOutsideAStreamSaysSo();
    void screenshot();

private:
    FollowStreamDialog* follow(std::uint64_t frame, const char* action);

    QTemporaryDir m_dir;
    QString m_capture;
    MainWindow* m_window = nullptr;
};

void TestFollowStreamDialog::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_follow_stream_dialog-%1").arg(QCoreApplication::applicationPid()));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_capture = m_dir.filePath(QStringLiteral("follow.pcap"));
    QFile file(m_capture);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(pcapFile(conversation())) > 0);
}

void TestFollowStreamDialog::init()
{
    m_window = new MainWindow(CaptureBackend{});
    m_window->resize(1200, 800);
    m_window->show();
    QSignalSpy loaded(m_window->controller(), &CaptureController::loadFinished);
    QVERIFY(m_window->openFile(m_capture));
    QVERIFY(loaded.count() > 0 || loaded.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->tableModel()->rowCount(), 13, 20000);
}

void TestFollowStreamDialog::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

FollowStreamDialog* TestFollowStreamDialog::follow(std::uint64_t frame, const char* action)
{
    const int row = m_window->controller()->tableModel()->rowForFrame(frame);
    m_window->packetTable()->selectRow(row);
    auto* trigger = m_window->findChild<QAction*>(QString::fromLatin1(action));
    if (!trigger) return nullptr;
    trigger->trigger();
    return m_window->findChild<FollowStreamDialog*>();
}

void TestFollowStreamDialog::opensForTheSelectedPacket()
{
    auto* trigger = m_window->findChild<QAction*>(QStringLiteral("actionFollowTcp"));
    QVERIFY(trigger);
    QCOMPARE(trigger->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+Shift+T")));
    FollowStreamDialog* dialog = follow(5, "actionFollowTcp");
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->stream(), 0u);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Follow TCP Stream (tcp.stream eq 0)"));
    // In sequence order: the reply's first half (frame 5) before its second (frame 4), the
    // retransmission (frame 6) dropped.
    const FollowStream& s = dialog->followed();
    QCOMPARE(s.chunks.size(), std::size_t(3));
    QCOMPARE(s.chunks[0].frame, 3u);
    QCOMPARE(s.chunks[1].frame, 5u);
    QCOMPARE(s.chunks[2].frame, 4u);
    // As Wireshark's window: the chunks run together, each line end shown once.
    QCOMPARE(dialog->text(), QStringLiteral("GET /index.html HTTP/1.1\nHost: x\n\nHTTP/1.1 200 OK\n<html>hello</html>"));
    QCOMPARE(s.sentBy(false), 37u);
    QCOMPARE(s.sentBy(true), 35u);
    // Only the stream's own eight frames were dissected to follow it.
    QCOMPARE(dialog->source().followDissected(), 8u);
}

void TestFollowStreamDialog::tlsShowsNoDataWithoutKeys()
{
    FollowStreamDialog* dialog = follow(3, "actionFollowTls");
    QVERIFY(dialog);
    QCOMPARE(dialog->protocol(), FollowProtocol::Tls);
    QCOMPARE(dialog->stream(), 0u);
    QVERIFY(dialog->text().isEmpty());
    QVERIFY(dialog->followed().chunks.empty());
    QCOMPARE(dialog->filterOutText(), QStringLiteral("!(tcp.stream eq 0)"));
}

void TestFollowStreamDialog::switchesFormats()
{
    FollowStreamDialog* dialog = follow(3, "actionFollowTcp");
    QVERIFY(dialog);
    auto* box = dialog->findChild<QComboBox*>(QStringLiteral("showDataAs"));
    QVERIFY(box);
    box->setCurrentIndex(box->findText(QStringLiteral("Hex Dump")));
    QCOMPARE(dialog->format(), FollowFormat::HexDump);
    QVERIFY2(dialog->text().startsWith(QStringLiteral("00000000  47 45 54 20 2f 69 6e 64  65 78 2e 68 74 6d 6c 20  GET /ind ex.html\n")),
             qPrintable(dialog->text().left(120)));
    box->setCurrentIndex(box->findText(QStringLiteral("C Arrays")));
    QVERIFY(dialog->text().startsWith(QStringLiteral("char peer0_0[] = { /* Packet 3 */\n0x47, 0x45, 0x54,")));
    QVERIFY(dialog->text().contains(QStringLiteral("char peer1_1[] = { /* Packet 4 */")));
    dialog->setFormat(FollowFormat::Yaml);
    QVERIFY(dialog->text().startsWith(QStringLiteral("peers:\n  - peer: 0\n    host: 198.18.0.1\n    port: 40000\n")));
    QVERIFY(dialog->text().contains(QStringLiteral("  - packet: 5\n    peer: 1\n")));
    dialog->setFormat(FollowFormat::Raw);
    QVERIFY(dialog->text().startsWith(QStringLiteral("474554202f696e6465782e68746d6c")));
    QCOMPARE(box->currentText(), QStringLiteral("Raw"));
    // Find selects the next occurrence and wraps around.
    QVERIFY(!dialog->findNext(QStringLiteral("not there")));
    dialog->setFormat(FollowFormat::Ascii);
    QVERIFY(dialog->findNext(QStringLiteral("hello")));
    QCOMPARE(dialog->view()->textCursor().selectedText(), QStringLiteral("hello"));
}

void TestFollowStreamDialog::spinnerMovesBetweenStreams()
{
    FollowStreamDialog* dialog = follow(3, "actionFollowTcp");
    QVERIFY(dialog);
    auto* spinner = dialog->findChild<QSpinBox*>(QStringLiteral("streamIndex"));
    QVERIFY(spinner);
    QCOMPARE(spinner->maximum(), 1);
    spinner->setValue(1);
    QCOMPARE(dialog->stream(), 1u);
    QCOMPARE(dialog->text(), QStringLiteral("second stream"));
    QCOMPARE(dialog->followed().client.port, 40001);
    QCOMPARE(dialog->source().followDissected(), 8u + 3u);
}

void TestFollowStreamDialog::filterOutSetsTheDisplayFilter()
{
    FollowStreamDialog* dialog = follow(13, "actionFollowTcp");
    QVERIFY(dialog);
    QCOMPARE(dialog->stream(), 1u);
    auto* button = dialog->findChild<QPushButton*>(QStringLiteral("filterOutStream"));
    QVERIFY(button);
    button->click();
    QCOMPARE(m_window->filterBar()->lineEdit()->text(), QStringLiteral("!(tcp.stream eq 1)"));
    // The packet list loses the three frames of stream 1.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->tableModel()->rowCount(), 10, 20000);
}

void TestFollowStreamDialog::saveAsWritesTheFile()
{
    FollowStreamDialog* dialog = follow(3, "actionFollowTcp");
    QVERIFY(dialog);
    const QString path = m_dir.filePath(QStringLiteral("stream.txt"));
    dialog->setPathChooser([path] { return path; });
    dialog->findChild<QPushButton*>(QStringLiteral("saveAs"))->click();
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(saved.readAll()), dialog->text());
    saved.close();
    // Raw saves the payload bytes themselves; no temporary file is left beside it.
    dialog->setFormat(FollowFormat::Raw);
    const QString raw = m_dir.filePath(QStringLiteral("stream.bin"));
    QVERIFY(dialog->saveTo(raw));
    QFile bin(raw);
    QVERIFY(bin.open(QIODevice::ReadOnly));
    QCOMPARE(bin.readAll(), QByteArray("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\nHTTP/1.1 200 OK\r\n<html>hello</html>"));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).size(), 3);  // the capture and the two saves
    QString error;
    QVERIFY(!dialog->saveTo(m_dir.filePath(QStringLiteral("missing/dir/x.txt")), &error));
    QVERIFY(!error.isEmpty());
}

void TestFollowStreamDialog::followsUdp()
{
    FollowStreamDialog* dialog = follow(10, "actionFollowUdp");
    QVERIFY(dialog);
    QCOMPARE(dialog->protocol(), FollowProtocol::Udp);
    QCOMPARE(dialog->filterOutText(), QStringLiteral("!(udp.stream eq 0)"));
    QCOMPARE(dialog->text(), QStringLiteral("query?answer!"));
    QCOMPARE(dialog->followed().client.port, 5353);
    QVERIFY(dialog->followed().chunks[1].server);
}

void TestFollowStreamDialog::packetOutsideAStreamSaysSo()
{
    m_window->packetTable()->selectRow(m_window->controller()->tableModel()->rowForFrame(9));
    QVERIFY(!m_window->followStream(FollowProtocol::Tcp));
    QVERIFY(!m_window->findChild<FollowStreamDialog*>());
}

void TestFollowStreamDialog::screenshot()
{
    FollowStreamDialog* dialog = follow(3, "actionFollowTcp");
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QImage image = dialog->grab().toImage();
    QVERIFY(!image.isNull());
    // Both sides' colours are on screen.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y) & 0xffffff);
    QVERIFY(colours.contains(qRgb(0xfb, 0xed, 0xed) & 0xffffff));
    QVERIFY(colours.contains(qRgb(0xed, 0xed, 0xfb) & 0xffffff));
    const QString dir = QStringLiteral(RCVMON_BUILD_DIR "/screenshots");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(image.save(dir + QStringLiteral("/follow_stream_dialog.png")));
}

RCVMON_QTEST_MAIN(TestFollowStreamDialog)
#include "tst_follow_stream_dialog.moc"
