// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 11 item 3, the disk bound in the real window: the capture keeps going, the spool is a
// ring of files whose oldest is deleted at the bound, only its packets leave the list, the
// status bar says how many, and Save writes exactly the packets the list still holds, with the
// packet comments the user added on the packets they were added to (also while capturing).
#include "capture_controller.h"
#include "capture_spool.h"
#include "fake_capture_backend.h"
#include "fake_capture_source.h"
#include "file/capture_file_reader.h"
#include "file/spool_files.h"
#include "hex_view.h"
#include "main_window.h"
#include "packet_comments.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "save_capture.h"
#include "spool_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>
#include <string>
#include <vector>

using namespace rcvmon;
using rcvmon::test::FakeCaptureSource;

namespace {

// Bytes of the spool files in `dir` now.
qint64 spoolBytes(const QString& dir)
{
    qint64 total = 0;
    for (const QFileInfo& f : QDir(dir).entryInfoList({QStringLiteral("rcvmon-spool-*")}, QDir::Files))
        total += f.size();
    return total;
}

// The fake source numbers each frame in its payload (bytes 42..49): its frame number.
quint64 payloadNumber(const QByteArray& bytes)
{
    quint64 n = 0;
    for (int i = 0; i < 8 && 42 + i < bytes.size(); ++i) n |= quint64(quint8(bytes[42 + i])) << (8 * i);
    return n;
}

// The comments of each packet of a saved file, by the frame number in its payload; a file
// that cannot be read gives an entry 0. `numbers`: every payload number in the file.
std::map<quint64, std::vector<std::string>> savedComments(const QString& path, std::set<quint64>* numbers = nullptr)
{
    std::map<quint64, std::vector<std::string>> out;
    std::string error;
    std::unique_ptr<CaptureFileReader> reader = CaptureFileReader::open(path.toStdString(), error);
    if (!reader) return {{0, {error}}};
    FrameRef frame;
    std::vector<std::string_view> comments;
    while (reader->next(frame)) {
        reader->frameComments(comments);
        const QByteArray bytes(reinterpret_cast<const char*>(frame.data.data()), qsizetype(frame.data.size()));
        if (numbers) numbers->insert(payloadNumber(bytes));
        if (!comments.empty()) out[payloadNumber(bytes)] = {comments.begin(), comments.end()};
    }
    return out;
}

}  // namespace

class TestSpoolRingWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void diskBoundDropsOnlyTheOldestFilesPackets();

private:
    QTemporaryDir m_dir;
};

void TestSpoolRingWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_spool_ring_window-%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(m_dir.isValid());
    QSettings().clear();
    SpoolSettings settings;
    settings.directory = m_dir.filePath(QStringLiteral("spool"));
    settings.diskBoundMiB = 1;
    settings.save();
}

void TestSpoolRingWindow::diskBoundDropsOnlyTheOldestFilesPackets()
{
    constexpr qint64 Bound = 1 << 20;
    const QString spoolDir = m_dir.filePath(QStringLiteral("spool"));
    FakeCaptureSource::Shared shared;
    shared.framesPerPoll = 400;
    MainWindow window(rcvmon::test::fakeCaptureBackend(shared));
    QCOMPARE(window.controller()->diskBound(), std::uint64_t(Bound));
    PacketTableModel* model = window.controller()->tableModel();
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));

    // 60-byte frames are 92 bytes on disk: 1 MiB is about 11,000 of them. Keep going until
    // the ring went round several times.
    qint64 maxOnDisk = 0;
    QTRY_VERIFY_WITH_TIMEOUT((maxOnDisk = std::max(maxOnDisk, spoolBytes(spoolDir)),
                              window.controller()->counters().evicted > 40000),
                             120000);
    QCOMPARE(window.controller()->state(), CaptureController::State::Capturing);
    QVERIFY2(window.messageText().isEmpty(), qPrintable(window.messageText()));
    QVERIFY(removed.count() > 0);
    QCOMPARE(removed.first().at(1).toInt(), 0);  // the oldest rows go

    // Saved while the ring turns: comments land on their packets, whichever file is first.
    {
        PacketComments* comments = window.controller()->packetComments();
        const quint64 early = model->frameNumber(10);
        const quint64 late = model->frameNumber(model->rowCount() - 1);
        comments->set(early, {"early one"});
        comments->set(late, {"late one", "and another"});
        comments->set(1, {"evicted long ago"});
        const QString during = m_dir.filePath(QStringLiteral("ring-during.pcapng"));
        window.setFileChooser([during](MainWindow::FileChoice, bool* pcap) {
            if (pcap) *pcap = false;
            return during;
        });
        QVERIFY(window.saving()->saveAs());
        std::set<quint64> inFile;
        const auto saved = savedComments(during, &inFile);
        // The ring may retire the early packet's file while the save starts (the capture goes
        // on): then it is in neither the file nor the list, and its comment goes with it.
        QVERIFY(inFile.count(late));
        QCOMPARE(saved.at(late), (std::vector<std::string>{"late one", "and another"}));
        QCOMPARE(saved.size(), std::size_t(inFile.count(early) ? 2 : 1));
        if (inFile.count(early)) QCOMPARE(saved.at(early), std::vector<std::string>{"early one"});
        QCOMPARE(inFile.size(), std::size_t(*inFile.rbegin() - *inFile.begin() + 1));  // no packet missing
        comments->clear();
    }
    // On disk: the bound, plus the files retired since the last drain (deleted at the next one;
    // at this rate a 128 KiB file fills in about one ingest tick).
    QVERIFY2(maxOnDisk <= Bound + Bound / 2, qPrintable(QString::number(maxOnDisk)));
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QStringLiteral("dropped from the list by the disk bound")),
                             20000);

    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
    const CaptureCounters c = window.controller()->counters();
    const int rows = model->rowCount();
    QCOMPARE(c.evicted + std::uint64_t(rows), c.captured);
    QCOMPARE(c.droppedRing, std::uint64_t{0});
    QVERIFY(c.diskUsed <= std::uint64_t(Bound));
    const quint64 first = model->frameNumber(0);
    QCOMPARE(first, c.evicted + 1);

    // The oldest retained row reads back from its (older) ring file, the newest from the newest.
    window.packetTable()->selectRow(0);
    QCOMPARE(payloadNumber(window.hexView()->bytes()), first);
    window.packetTable()->selectRow(rows - 1);
    QCOMPARE(payloadNumber(window.hexView()->bytes()), quint64(model->frameNumber(rows - 1)));

    // Save writes the list: exactly the retained packets, the oldest first, and the first
    // and last retained packets' comments.
    window.controller()->packetComments()->set(first, {"the oldest kept"});
    window.controller()->packetComments()->set(model->frameNumber(rows - 1), {"the newest"});
    const QString saved = m_dir.filePath(QStringLiteral("ring.pcapng"));
    window.setFileChooser([saved](MainWindow::FileChoice, bool* pcap) {
        if (pcap) *pcap = false;
        return saved;
    });
    QVERIFY(window.saving()->saveAs());
    std::string error;
    std::unique_ptr<CaptureFileReader> reader = CaptureFileReader::open(saved.toStdString(), error);
    QVERIFY2(reader, error.c_str());
    FrameRef frame;
    std::uint64_t read = 0;
    while (reader->next(frame)) {
        const QByteArray bytes(reinterpret_cast<const char*>(frame.data.data()), qsizetype(frame.data.size()));
        if (payloadNumber(bytes) != first + read) QFAIL(qPrintable(QStringLiteral("packet %1 of the saved file").arg(read)));
        ++read;
    }
    QCOMPARE(read, std::uint64_t(rows));
    QCOMPARE(reader->interfaces().size(), std::size_t{1});
    const auto comments = savedComments(saved);
    QCOMPARE(comments.size(), std::size_t{2});
    QCOMPARE(comments.at(first), std::vector<std::string>{"the oldest kept"});
    QCOMPARE(comments.at(model->frameNumber(rows - 1)), std::vector<std::string>{"the newest"});
}

RCVMON_QTEST_MAIN(TestSpoolRingWindow)
#include "tst_spool_ring_window.moc"
