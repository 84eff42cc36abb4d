// SPDX-License-Identifier: GPL-2.0-or-later
// The window shows every frame as `rcvmon-cli` dissects it in file order: TCP analysis
// (retransmissions, duplicate ACKs), stream numbers, window scaling, PDUs reassembled from
// segments, request/response links. For whole captures — built here, and the reference
// corpus's when present — every row's Protocol and Info and every frame's detail tree, asked
// for in an order the CLI never uses (last row first), equal the CLI's. A live capture's rows,
// looked at while they arrive, end up equal to the CLI reading its spool file.
#include "capture_controller.h"
#include "capture_spool.h"
#include "custom_columns_model.h"
#include "detail_tree_lines.h"
#include "dissector_decoder.h"
#include "fake_capture_source.h"
#include "frame_replay.h"
#include "packet_builder.h"
#include "packet_colorizer.h"
#include "packet_detail_model.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "require.h"
#include "stream_chain_index.h"
#include "stream_replay_captures.h"
#include "tls_packets.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <random>

using namespace rcvmon;
using namespace rcvmon::test;

class TestInOrderRows : public QObject {
    Q_OBJECT
private slots:
    void builtCaptureEqualsCli();
    void corpusCapturesEqualCli_data();
    void corpusCapturesEqualCli();
    void liveRowsEqualCliOnSpool();
    void longStreamRowIsRefreshedWhenItsReplayEnds();
    void paintBudgetDefersTheRowsPastIt();
    void coloringRulesSeeTcpAnalysis();
    void customColumnsSeeStreamsAndAnalysis();
};

namespace {

Bytes text(std::string_view s) { return Bytes(s.begin(), s.end()); }

// The ICMP message with its checksum: a reply matches its request through it.
Bytes icmpChecked(Bytes b)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < b.size(); i += 2) sum += std::uint32_t(b[i]) << 8 | (i + 1 < b.size() ? b[i + 1] : 0);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    const auto check = static_cast<std::uint16_t>(~sum);
    b[2] = std::uint8_t(check >> 8);
    b[3] = std::uint8_t(check);
    return b;
}

// MSS 1460, NOP, window scale 7: the SYN's options.
const Bytes kSynOptions = fromHex("020405b401030307");

struct Flow {
    Ip4 client, server;
    std::uint16_t cport, sport;
};

// Interleaved conversations whose later frames need earlier ones: a TCP handshake with window
// scaling, an HTTP request split over two segments, a response sent twice (retransmission),
// duplicate ACKs, a TLS ClientHello split over two segments, a DNS query and its response,
// an ICMP echo and its reply.
std::vector<Bytes> conversationFrames()
{
    const Flow web{kIpA, kIpB, 40000, 80};
    const Flow tls{kIpA, Ip4{198, 18, 0, 3}, 40001, 443};
    const auto c2s = [](const Flow& f, std::uint32_t seq, std::uint32_t ack, std::uint16_t flags, const Bytes& p = {},
                        const Bytes& o = {}, std::uint16_t win = 502) {
        return ethernet(0x0800, ipv4(6, tcp(f.cport, f.sport, seq, ack, flags, p, o, win), f.client, f.server));
    };
    const auto s2c = [](const Flow& f, std::uint32_t seq, std::uint32_t ack, std::uint16_t flags, const Bytes& p = {},
                        const Bytes& o = {}, std::uint16_t win = 509) {
        return ethernet(0x0800, ipv4(6, tcp(f.sport, f.cport, seq, ack, flags, p, o, win), f.server, f.client), kMacA, kMacB);
    };
    constexpr std::uint16_t SYN = 0x002, ACK = 0x010, PSH = 0x008;
    const std::uint32_t c = 1000, s = 5000, t = 9000, u = 70000;
    const Bytes get1 = text("GET /index.html HTTP/1.1\r\nHost: exa");
    const Bytes get2 = text("mple.com\r\nAccept: */*\r\n\r\n");
    const Bytes reply = text("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello");
    const Bytes hello = tlsRecord(22, 0x0301, clientHello("www.example.org"));
    const std::size_t half = hello.size() / 2;
    const Bytes hello1(hello.begin(), hello.begin() + static_cast<std::ptrdiff_t>(half));
    const Bytes hello2(hello.begin() + static_cast<std::ptrdiff_t>(half), hello.end());
    const Bytes getAll = cat({get1, get2});
    const auto n = [](std::size_t v) { return static_cast<std::uint32_t>(v); };
    return {
        c2s(web, c, 0, SYN, {}, kSynOptions, 64240),
        c2s(tls, t, 0, SYN, {}, kSynOptions, 64240),
        s2c(web, s, c + 1, SYN | ACK, {}, kSynOptions, 65160),
        ethernet(0x0800, ipv4(17, udp(53000, 53, dnsQuery(0x4fe8, "www.example.org")), kIpA, kIpB)),
        s2c(tls, u, t + 1, SYN | ACK, {}, kSynOptions, 65160),
        c2s(web, c + 1, s + 1, ACK),
        c2s(tls, t + 1, u + 1, ACK),
        ethernet(0x0800, ipv4(1, icmpChecked(icmpEcho(8, 0x77, 1, text("abcdefgh"))), kIpA, kIpB)),
        c2s(web, c + 1, s + 1, PSH | ACK, get1),
        c2s(tls, t + 1, u + 1, ACK, hello1),
        ethernet(0x0800, ipv4(17, udp(53, 53000, dnsQuery(0x4fe8, "www.example.org", 1, true)), kIpB, kIpA), kMacA, kMacB),
        c2s(web, c + 1 + n(get1.size()), s + 1, PSH | ACK, get2),
        ethernet(0x0800, ipv4(1, icmpChecked(icmpEcho(0, 0x77, 1, text("abcdefgh"))), kIpB, kIpA), kMacA, kMacB),
        c2s(tls, t + 1 + n(half), u + 1, PSH | ACK, hello2),
        s2c(web, s + 1, c + 1 + n(getAll.size()), PSH | ACK, reply),
        s2c(tls, u + 1, t + 1 + n(hello.size()), ACK),
        s2c(web, s + 1, c + 1 + n(getAll.size()), PSH | ACK, reply),  // retransmission
        c2s(web, c + 1 + n(getAll.size()), s + 1 + n(reply.size()), ACK),
        c2s(web, c + 1 + n(getAll.size()), s + 1 + n(reply.size()), ACK),  // duplicate ACK
        c2s(web, c + 1 + n(getAll.size()), s + 1 + n(reply.size()), ACK),  // and another
    };
}

// The CLI's Protocol and Info per frame, and its -V block per frame.
struct CliView {
    QStringList protocol, info;  // [frame - 1]
    std::vector<QStringList> trees;
};

CliView cliView(const QString& capture, QString& error)
{
    CliView v;
    const QString cols = runCli({QStringLiteral("-r"), capture, QStringLiteral("-T"), QStringLiteral("fields"),
                                 QStringLiteral("-e"), QStringLiteral("_ws.col.Protocol"), QStringLiteral("-e"),
                                 QStringLiteral("_ws.col.Info")},
                                error);
    if (!error.isEmpty()) return v;
    QStringList lines = cols.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty()) lines.removeLast();
    for (const QString& line : lines) {
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        v.protocol << line.left(tab);
        v.info << (tab < 0 ? QString() : line.mid(tab + 1));
    }
    const QString tree = runCli({QStringLiteral("-r"), capture, QStringLiteral("-V")}, error);
    if (!error.isEmpty()) return v;
    qsizetype at = 0;
    while (at < tree.size()) {
        const qsizetype end = tree.indexOf(QStringLiteral("\n\n"), at);
        const qsizetype stop = end < 0 ? tree.size() : end + 1;
        QStringList lines = tree.mid(at, stop - at).split(QLatin1Char('\n'));
        if (lines.constLast().isEmpty()) lines.removeLast();
        lines << QString();
        v.trees.push_back(lines);
        at = end < 0 ? tree.size() : end + 2;
    }
    return v;
}

// The pane's lines as shown now.
QStringList shownLines(const PacketDetailModel& detail)
{
    QStringList lines;
    appendTreeLines(detail, {}, 0, lines);
    // A live frame's RCVALL mode: only the capture knows it, the CLI reading the file cannot.
    lines.removeIf([](const QString& line) { return line.trimmed().startsWith(QLatin1String("Capture Mode:")); });
    if (!lines.isEmpty()) lines << QString();
    return lines;
}

// Every row's Protocol/Info and every frame's tree, asked for last first (then at random),
// against the CLI.
void compareWithCli(CaptureController& controller, const QString& capture, const QString& what)
{
    QString error;
    const CliView cli = cliView(capture, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    PacketTableModel& table = *controller.tableModel();
    QCOMPARE(qsizetype(table.rowCount()), cli.protocol.size());
    QCOMPARE(cli.trees.size(), std::size_t(cli.protocol.size()));
    std::vector<int> rows(static_cast<std::size_t>(table.rowCount()));
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = int(rows.size() - 1 - i);
    const FrameReplay& replay = *controller.frameReplay();
    const auto settle = [&] { return QTest::qWaitFor([&] { return !replay.busy(); }, 120000); };
    // A screen of rows at a time, as a view asks: long replays finish on the timer and the
    // rows they answer are refreshed.
    constexpr std::size_t Screen = 40;
    for (int pass = 0; pass < 2; ++pass) {
        table.refreshText();  // nothing cached: each row is dissected again in this order
        for (std::size_t from = 0; from < rows.size(); from += Screen) {
            const std::size_t to = std::min(rows.size(), from + Screen);
            for (std::size_t i = from; i < to; ++i) table.data(table.index(rows[i], PacketTableModel::Info));
            QVERIFY(settle());
            for (std::size_t i = from; i < to; ++i) {
                const int row = rows[i];
                const std::uint64_t number = table.frameNumber(row);
                const QString protocol = table.data(table.index(row, PacketTableModel::Protocol)).toString();
                const QString info = table.data(table.index(row, PacketTableModel::Info)).toString();
                QVERIFY2(protocol == cli.protocol[row] && info == cli.info[row],
                         qPrintable(QStringLiteral("%1 frame %2:\n  cli:    %3 | %4\n  window: %5 | %6")
                                        .arg(what)
                                        .arg(number)
                                        .arg(cli.protocol[row], cli.info[row], protocol, info)));
            }
        }
        std::shuffle(rows.begin(), rows.end(), std::mt19937(7));
    }
    for (const int row : rows) {
        const std::uint64_t number = table.frameNumber(row);
        controller.detailModel()->showPacket(number);
        // A long replay: the frame is shown alone for now, and again when the replay is done.
        QVERIFY(settle());
        QCOMPARE(controller.detailModel()->packetNumber(), number);
        const QStringList pane = shownLines(*controller.detailModel());
        const QStringList& printed = cli.trees[static_cast<std::size_t>(row)];
        for (qsizetype i = 0; i < std::min(pane.size(), printed.size()); ++i)
            QVERIFY2(printed[i] == pane[i], qPrintable(QStringLiteral("%1 frame %2, line %3:\n  cli:  %4\n  pane: %5")
                                                           .arg(what)
                                                           .arg(number)
                                                           .arg(i + 1)
                                                           .arg(printed[i], pane[i])));
        QCOMPARE(pane.size(), printed.size());
    }
}

std::unique_ptr<CaptureController> openController(const QString& capture)
{
    auto controller = std::make_unique<CaptureController>([] { return makeDissectorDecoder(); });
    QString error;
    if (!controller->openFile(capture, error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return controller;
}

bool waitSettled(CaptureController& controller)
{
    return QTest::qWaitFor(
        [&] {
            return controller.state() == CaptureController::State::Loaded && controller.chainIndex()->caughtUp() &&
                   controller.chainIndex()->endIndexed() == controller.storeView()->endNumber();
        },
        120000);
}

}  // namespace

void TestInOrderRows::builtCaptureEqualsCli()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("conversations.pcap"));
    QVERIFY(writePcap(path, conversationFrames()));
    auto controller = openController(path);
    QVERIFY(controller);
    QAbstractItemModelTester tester(controller->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitSettled(*controller));

    // What the rows must show, so the comparison cannot pass with both sides stateless.
    QString error;
    const CliView cli = cliView(path, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(cli.info.size() == 20, qPrintable(cli.info.join(QLatin1Char('\n'))));
    QVERIFY2(cli.info[16].startsWith(QLatin1String("[TCP Retransmission]")), qPrintable(cli.info[16]));
    QVERIFY2(cli.info[18].startsWith(QLatin1String("[TCP Dup ACK 18#1]")), qPrintable(cli.info[18]));
    QVERIFY2(cli.info[11].contains(QLatin1String("GET /index.html HTTP/1.1")), qPrintable(cli.info[11]));
    QCOMPARE(cli.protocol[11], QStringLiteral("HTTP"));
    QVERIFY2(cli.info[13].contains(QLatin1String("Client Hello")), qPrintable(cli.info[13]));
    QVERIFY2(cli.info[10].contains(QLatin1String("response")), qPrintable(cli.info[10]));
    QVERIFY2(cli.info[12].contains(QLatin1String("(request in 8)")), qPrintable(cli.info[12]));
    QVERIFY2(cli.info[5].contains(QLatin1String("Win=")), qPrintable(cli.info[5]));

    compareWithCli(*controller, path, QStringLiteral("built"));
    const FrameReplay::Counts& counts = controller->frameReplay()->counts();
    QVERIFY(counts.chainReplays > 0);
    qInfo("chain replays %llu, prefix replays %llu, frames dissected %llu", qulonglong(counts.chainReplays),
          qulonglong(counts.prefixReplays), qulonglong(counts.framesDissected));
}

void TestInOrderRows::corpusCapturesEqualCli_data()
{
    QTest::addColumn<QString>("capture");
    // Many TCP streams with analysis events, TLS and HTTP over reassembly, DNS pairs, SMB2, and
    // IP fragments (whose reassembly crosses chains: the long way round).
    for (const char* name : {"public/dns__ech.pcap", "large/zeek__http__get-gzip.pcap", "large/zeek__smb__smb2readwrite.pcap",
                             "large/zeek__smb__smb2_100_small_files.pcap", "large/zeek__tls__google-duplicate.pcap",
                             "large/scapy__tls_tcp_frag_withnss.pcap", "large/zeek__tcp__retransmit-fast009.pcap",
                             "large/zeek__dns-two-responses.pcap", "large/zeek__ipv4__fragmented-2.pcap"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestInOrderRows::corpusCapturesEqualCli()
{
    QFETCH(QString, capture);
    const QString path = QStringLiteral(RCVMON_CORPUS_DIR "/") + capture;
    RCVMON_REQUIRE(QFileInfo::exists(path), "the reference corpus's " + capture.toStdString());
    auto controller = openController(path);
    QVERIFY(controller);
    QVERIFY(waitSettled(*controller));
    compareWithCli(*controller, path, capture);
    const FrameReplay::Counts& counts = controller->frameReplay()->counts();
    qInfo("%s: %d frames, chain replays %llu, prefix replays %llu, deferred %llu, frames dissected %llu", qPrintable(capture),
          controller->tableModel()->rowCount(), qulonglong(counts.chainReplays), qulonglong(counts.prefixReplays), qulonglong(counts.deferred),
          qulonglong(counts.framesDissected));
}

void TestInOrderRows::liveRowsEqualCliOnSpool()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FakeCaptureSource::Shared shared;
    for (const Bytes& f : conversationFrames()) shared.frames.push_back({f, Direction::Incoming});
    CaptureController controller([] { return makeDissectorDecoder(); });
    controller.setSpoolDirectory(dir.path());
    QAbstractItemModelTester tester(controller.tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(controller.startCapture(std::make_unique<FakeCaptureSource>("fake0", CaptureMode::IpLevel, shared, 3), error),
             qPrintable(error));
    PacketTableModel& table = *controller.tableModel();
    // Look at the newest rows as they arrive, as an auto-scrolling view does: some are asked
    // for before the in-order pass reached them, and must be refreshed when it does.
    int looked = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            const int rows = table.rowCount();
            for (int row = std::max(0, rows - 5); row < rows; ++row) {
                table.data(table.index(row, PacketTableModel::Info));
                ++looked;
            }
            return rows >= 200;
        },
        60000));
    controller.stop();
    QVERIFY(QTest::qWaitFor([&] { return controller.state() == CaptureController::State::Stopped; }, 30000));
    QVERIFY(QTest::qWaitFor([&] {
        return controller.chainIndex()->caughtUp() &&
               controller.chainIndex()->endIndexed() == controller.storeView()->endNumber();
    }, 60000));
    QVERIFY(looked > 0);
    QVERIFY(controller.spool());
    const QString spool = QString::fromStdString(controller.spool()->path());

    // First the cached rows as they stand (refreshed when the pass reached them), then all.
    const CliView cli = cliView(spool, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(qsizetype(table.rowCount()), cli.info.size());
    for (int row = 0; row < table.rowCount(); ++row) {
        const QString info = table.data(table.index(row, PacketTableModel::Info)).toString();
        QVERIFY2(info == cli.info[row], qPrintable(QStringLiteral("live frame %1:\n  cli:    %2\n  window: %3")
                                                       .arg(row + 1)
                                                       .arg(cli.info[row], info)));
    }
    compareWithCli(controller, spool, QStringLiteral("live"));
}

// A row deep in a long stream is not replayed while the view waits: it shows the frame alone,
// and once the replay has run on the timer the row is repainted with the CLI's text.
void TestInOrderRows::longStreamRowIsRefreshedWhenItsReplayEnds()
{
    constexpr std::uint32_t Segments = 3000;
    static_assert(Segments > FrameReplay::DirectFrames);
    std::vector<Bytes> frames;
    const Bytes payload(100, 0x41);
    for (std::uint32_t i = 0; i < Segments; ++i)
        frames.push_back(ethernet(0x0800, ipv4(6, tcp(40000, 5001, 1000 + i * 100, 7000, 0x018, payload))));
    frames.push_back(frames.back());  // the last segment again: a retransmission
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("long.pcap"));
    QVERIFY(writePcap(path, frames));
    auto controller = openController(path);
    QVERIFY(controller);
    QVERIFY(waitSettled(*controller));
    PacketTableModel& table = *controller->tableModel();
    const int last = table.rowCount() - 1;
    QCOMPARE(last, int(Segments));
    QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
    const QString first = table.data(table.index(last, PacketTableModel::Info)).toString();
    QVERIFY2(!first.startsWith(QLatin1String("[TCP Retransmission]")), qPrintable(first));
    QVERIFY(controller->frameReplay()->busy());
    QVERIFY(QTest::qWaitFor([&] { return !controller->frameReplay()->busy(); }, 60000));
    QVERIFY(std::any_of(changed.begin(), changed.end(), [last](const QList<QVariant>& args) {
        const auto from = args[0].toModelIndex(), to = args[1].toModelIndex();
        return from.row() <= last && to.row() >= last;
    }));
    QString error;
    const CliView cli = cliView(path, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString now = table.data(table.index(last, PacketTableModel::Info)).toString();
    QVERIFY2(now.startsWith(QLatin1String("[TCP Retransmission]")), qPrintable(now));
    QCOMPARE(now, cli.info[last]);
    QVERIFY(controller->frameReplay()->counts().deferred > 0);
    // The next rows up continue nothing (the cursor stopped at the last one): each is deferred
    // too, and each ends equal to the CLI's.
    compareWithCli(*controller, path, QStringLiteral("long"));
}

// A paint's budget: the rows asked for while it lives replay at most that many frames in all;
// the next rows show their frame alone (no replay while the view waits) and, once their replay
// has run on the timer, are refreshed with the CLI's text.
void TestInOrderRows::paintBudgetDefersTheRowsPastIt()
{
    constexpr std::uint32_t Streams = 8, Segments = 40, Budget = 100;
    static_assert(Segments <= FrameReplay::DirectFrames && 2 * Segments <= Budget && 3 * Segments > Budget);
    const std::vector<Bytes> frames = streamsWithRetransmittedEnds(Streams, Segments);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("streams.pcap"));
    QVERIFY(writePcap(path, frames));
    auto controller = openController(path);
    QVERIFY(controller);
    QVERIFY(waitSettled(*controller));
    QString error;
    const CliView cli = cliView(path, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    PacketTableModel& table = *controller->tableModel();
    FrameReplay& replay = *controller->frameReplay();
    const int first = table.rowCount() - int(Streams);
    QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);

    QStringList shown;
    const FrameReplay::Counts before = replay.counts();
    {
        const FrameReplay::PaintBudget budget(&replay, Budget);
        for (int row = first; row < table.rowCount(); ++row)
            shown << table.data(table.index(row, PacketTableModel::Info)).toString();
    }
    // Two rows fit (their chains, and the frames themselves); the six after them wait.
    QCOMPARE(replay.counts().framesDissected - before.framesDissected, std::uint64_t(2 * (Segments + 1)));
    QCOMPARE(replay.counts().deferred - before.deferred, std::uint64_t(Streams - 2));
    for (int i = 0; i < shown.size(); ++i) {
        QVERIFY2(shown[i].startsWith(QLatin1String("[TCP Retransmission]")) == (i < 2), qPrintable(shown[i]));
        if (i < 2) QCOMPARE(shown[i], cli.info[first + i]);
    }
    QVERIFY(replay.busy());
    QVERIFY(QTest::qWaitFor([&] { return !replay.busy(); }, 60000));
    for (int row = first + 2; row < table.rowCount(); ++row) {
        QVERIFY(std::any_of(changed.begin(), changed.end(), [row](const QList<QVariant>& args) {
            return args[0].toModelIndex().row() <= row && args[1].toModelIndex().row() >= row;
        }));
        QCOMPARE(table.data(table.index(row, PacketTableModel::Info)).toString(), cli.info[row]);
    }
    // Without a paint, no budget: a row replays its whole (short) chain while asked.
    table.refreshText();
    const std::uint64_t deferred = replay.counts().deferred;
    for (int row = first; row < table.rowCount(); ++row) {
        replay.forget(table.frameNumber(row));
        QCOMPARE(table.data(table.index(row, PacketTableModel::Info)).toString(), cli.info[row]);
    }
    QCOMPARE(replay.counts().deferred, deferred);
}

// Colouring rules on TCP analysis (Wireshark's "Bad TCP") colour the rows the CLI's filter
// names, and only those.
void TestInOrderRows::coloringRulesSeeTcpAnalysis()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("conversations.pcap"));
    QVERIFY(writePcap(path, conversationFrames()));
    auto controller = openController(path);
    QVERIFY(controller);
    PacketColorizer colorizer;
    colorizer.setRules({ColorFilter{"Bad TCP", "tcp.analysis.flags && !tcp.analysis.window_update", Rgb16{0x1000, 0, 0}, {}},
                        ColorFilter{"HTTP", "http", Rgb16{0, 0x2000, 0}, {}}});
    controller->tableModel()->setColorizer(&colorizer);
    QVERIFY(waitSettled(*controller));
    QString error;
    const auto framesOf = [&](const char* filter) {
        const QString out = runCli({QStringLiteral("-r"), path, QStringLiteral("-Y"), QString::fromLatin1(filter),
                                    QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                                    QStringLiteral("frame.number")},
                                   error);
        QSet<std::uint64_t> numbers;
        for (const QString& n : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) numbers.insert(n.toULongLong());
        return numbers;
    };
    const QSet<std::uint64_t> bad = framesOf("tcp.analysis.flags && !tcp.analysis.window_update");
    const QSet<std::uint64_t> http = framesOf("http");
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(bad.contains(17) && bad.contains(19) && bad.contains(20));  // retransmission, duplicate ACKs
    QVERIFY(http.contains(12));  // the request completed by its second segment
    PacketTableModel& table = *controller->tableModel();
    std::vector<int> rows(static_cast<std::size_t>(table.rowCount()));
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = int(rows.size() - 1 - i);
    for (const int row : rows) table.data(table.index(row, 0), Qt::BackgroundRole);
    QVERIFY(QTest::qWaitFor([&] { return !controller->frameReplay()->busy(); }, 60000));
    for (const int row : rows) {
        const std::uint64_t number = table.frameNumber(row);
        const int expected = bad.contains(number) ? 0 : http.contains(number) ? 1 : -1;
        QVERIFY2(colorizer.ruleFor(*controller->storeView(), number) == expected,
                 qPrintable(QStringLiteral("frame %1: rule %2, the CLI's filters say %3")
                                .arg(number)
                                .arg(colorizer.ruleFor(*controller->storeView(), number))
                                .arg(expected)));
    }
    controller->tableModel()->setColorizer(nullptr);
}

// Custom columns of stream numbers and TCP analysis show the CLI's -T fields values.
void TestInOrderRows::customColumnsSeeStreamsAndAnalysis()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("conversations.pcap"));
    QVERIFY(writePcap(path, conversationFrames()));
    auto controller = openController(path);
    QVERIFY(controller);
    CustomColumnsModel columns([&] { return controller->storeView(); });
    columns.setReplayLookup([&] { return controller->frameReplay(); });
    columns.setSourceModel(controller->tableModel());
    const QStringList fields{QStringLiteral("tcp.stream"), QStringLiteral("udp.stream"),
                             QStringLiteral("tcp.analysis.duplicate_ack_num"), QStringLiteral("tcp.window_size")};
    std::vector<CustomColumn> custom;
    for (const QString& f : fields) {
        CustomColumn c;
        c.title = f;
        c.field = f;
        custom.push_back(c);
    }
    QVERIFY(columns.setColumns(custom));
    QAbstractItemModelTester tester(&columns, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitSettled(*controller));
    QStringList arguments{QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields")};
    for (const QString& f : fields) arguments << QStringLiteral("-e") << f;
    QString error;
    QStringList lines = runCli(arguments, error).split(QLatin1Char('\n'));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    if (!lines.isEmpty() && lines.constLast().isEmpty()) lines.removeLast();
    QCOMPARE(qsizetype(columns.rowCount()), lines.size());
    QVERIFY(lines.join(QLatin1Char('\n')).contains(QLatin1String("\t1\t")));  // a second stream is numbered
    const int first = columns.firstCustomColumn();
    for (int row = columns.rowCount() - 1; row >= 0; --row) {
        QStringList shown;
        for (int c = 0; c < fields.size(); ++c) shown << columns.data(columns.index(row, first + c)).toString();
        QCOMPARE(shown.join(QLatin1Char('\t')), lines[row]);
    }
}

RCVMON_QTEST_MAIN(TestInOrderRows)
#include "tst_in_order_rows.moc"
