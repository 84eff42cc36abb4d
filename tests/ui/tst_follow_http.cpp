// SPDX-License-Identifier: GPL-2.0-or-later
// Analyze ▸ Follow ▸ HTTP Stream in the real window over a hand-built keep-alive connection:
// a request, a chunked response split over two segments (de-chunked in the dialog), a second
// request and a Content-Length response; a stray byte before the first request is not HTTP
// and is left out, as tshark's follow,http leaves it. Find, Filter Out, the stream spinner and
// Save As work as for TCP; the dialog's screenshot is kept.
#include "capture_controller.h"
#include "filter_bar.h"
#include "follow_stream_dialog.h"
#include "main_window.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "screenshot.h"

#include "../capture/dissect/packet_builder.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLineEdit>
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
        pb::put32(f, 0);
        pb::put32(f, static_cast<std::uint32_t>(frame.size()));
        pb::put32(f, static_cast<std::uint32_t>(frame.size()));
        pb::append(f, frame);
    }
    return QByteArray(reinterpret_cast<const char*>(f.data()), static_cast<qsizetype>(f.size()));
}

// One side's segments, with their sequence numbers following each other.
struct Side {
    bool client;
    std::uint32_t seq;
};

pb::Bytes segment(Side& side, std::uint32_t ack, std::uint16_t flags, std::string_view payload = {})
{
    const auto tcp = side.client ? pb::tcp(40000, 80, side.seq, ack, flags, text(payload))
                                 : pb::tcp(80, 40000, side.seq, ack, flags, text(payload));
    side.seq += std::uint32_t(payload.size()) + ((flags & kSyn) ? 1 : 0);
    return pb::ethernet(0x0800, side.client ? pb::ipv4(6, tcp, pb::kIpA, pb::kIpB) : pb::ipv4(6, tcp, pb::kIpB, pb::kIpA));
}

const std::string_view kRequest1 = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
const std::string_view kHead1 = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
const std::string_view kRequest2 = "GET /b HTTP/1.1\r\nHost: x\r\n\r\n";
const std::string_view kHead2 = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n";

std::vector<pb::Bytes> conversation()
{
    Side c{true, 1000}, s{false, 5000};
    std::vector<pb::Bytes> frames;
    frames.push_back(segment(c, 0, kSyn));
    frames.push_back(segment(s, c.seq, kSyn | kAck));
    frames.push_back(segment(c, s.seq, kAck | kPsh, "\n"));  // a stray byte: no HTTP message
    frames.push_back(segment(c, s.seq, kAck | kPsh, kRequest1));
    frames.push_back(segment(s, c.seq, kAck | kPsh, std::string(kHead1) + "5\r\nhello\r\n"));
    frames.push_back(segment(s, c.seq, kAck | kPsh, "6\r\n world\r\n0\r\n\r\n"));
    frames.push_back(segment(c, s.seq, kAck | kPsh, kRequest2));
    frames.push_back(segment(s, c.seq, kAck | kPsh, std::string(kHead2) + "done"));
    frames.push_back(segment(c, s.seq, kAck));
    return frames;
}

}  // namespace

class TestFollowHttp : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheMessagesDechunked();
    void findFilterOutAndSave();

private:
    FollowStreamDialog* follow(std::uint64_t frame);

    QTemporaryDir m_dir;
    QString m_capture;
    MainWindow* m_window = nullptr;
};

void TestFollowHttp::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_follow_http-%1").arg(QCoreApplication::applicationPid()));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_capture = m_dir.filePath(QStringLiteral("http.pcap"));
    QFile file(m_capture);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(pcapFile(conversation())) > 0);
}

void TestFollowHttp::init()
{
    m_window = new MainWindow(CaptureBackend{});
    m_window->resize(1200, 800);
    m_window->show();
    QSignalSpy loaded(m_window->controller(), &CaptureController::loadFinished);
    QVERIFY(m_window->openFile(m_capture));
    QVERIFY(loaded.count() > 0 || loaded.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->tableModel()->rowCount(), 9, 20000);
}

void TestFollowHttp::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

FollowStreamDialog* TestFollowHttp::follow(std::uint64_t frame)
{
    m_window->packetTable()->selectRow(m_window->controller()->tableModel()->rowForFrame(frame));
    auto* trigger = m_window->findChild<QAction*>(QStringLiteral("actionFollowHttp"));
    if (!trigger) return nullptr;
    trigger->trigger();
    return m_window->findChild<FollowStreamDialog*>();
}

void TestFollowHttp::showsTheMessagesDechunked()
{
    auto* trigger = m_window->findChild<QAction*>(QStringLiteral("actionFollowHttp"));
    QVERIFY(trigger);
    QCOMPARE(trigger->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+Shift+H")));
    FollowStreamDialog* dialog = follow(6);
    QVERIFY(dialog);
    QCOMPARE(dialog->protocol(), FollowProtocol::Http);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Follow HTTP Stream (tcp.stream eq 0)"));
    const FollowStream& s = dialog->followed();
    // Each message's headers, then its body: the chunked one de-chunked, in the frame that
    // completed it (6), not the one that began it (5).
    QCOMPARE(s.chunks.size(), std::size_t(6));
    const auto data = [&](std::size_t i) {
        const ByteSpan b = s.data(s.chunks[i]);
        return std::string(reinterpret_cast<const char*>(b.data()), b.size());
    };
    QCOMPARE(data(0), std::string(kRequest1));
    QVERIFY(!s.chunks[0].server);
    QCOMPARE(s.chunks[0].frame, 4u);
    QCOMPARE(data(1), std::string(kHead1));
    QVERIFY(s.chunks[1].server);
    QCOMPARE(s.chunks[1].frame, 6u);  // the headers wait for the body, as the dissector reassembles it
    QCOMPARE(data(2), std::string("hello world"));
    QCOMPARE(s.chunks[2].frame, 6u);
    QCOMPARE(data(3), std::string(kRequest2));
    QCOMPARE(data(4), std::string(kHead2));
    QCOMPARE(data(5), std::string("done"));
    QCOMPARE(s.client.port, 40000);
    QCOMPARE(s.server.port, 80);
    QVERIFY(dialog->text().contains(QStringLiteral("Transfer-Encoding: chunked\n\nhello world")));
    QVERIFY(!dialog->text().contains(QStringLiteral("5\nhello")));
}

void TestFollowHttp::findFilterOutAndSave()
{
    FollowStreamDialog* dialog = follow(4);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    rcvmon::test::saveScreenshot(dialog, QStringLiteral("follow_http_dialog.png"));
    QVERIFY(dialog->findNext(QStringLiteral("world")));
    QVERIFY(!dialog->findNext(QStringLiteral("6\r\n")));  // the chunk sizes are gone
    QCOMPARE(dialog->findChild<QSpinBox*>()->maximum(), 0);  // one TCP stream
    const QString path = m_dir.filePath(QStringLiteral("http.txt"));
    QVERIFY(dialog->saveTo(path));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(saved.readAll()), dialog->text());
    QCOMPARE(dialog->filterOutText(), QStringLiteral("!(tcp.stream eq 0)"));
    auto* button = dialog->findChild<QPushButton*>(QStringLiteral("filterOutStream"));
    QVERIFY(button);
    button->click();
    QCOMPARE(m_window->filterBar()->lineEdit()->text(), QStringLiteral("!(tcp.stream eq 0)"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->tableModel()->rowCount(), 0, 20000);
}

RCVMON_QTEST_MAIN(TestFollowHttp)
#include "tst_follow_http.moc"
