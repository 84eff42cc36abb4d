// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 11 item 3: the window spools live captures to disk. Real window, real spool files,
// capinfos and tshark reading what it writes; dialogs driven as a user would, and grabbed
// to <build>/screenshots/.
#include "capture_controller.h"
#include "capture_spool.h"
#include "fake_capture_backend.h"
#include "fake_capture_source.h"
#include "file/capture_file_writer.h"
#include "file/spool_files.h"
#include "file/spool_sets.h"
#include "packet_store_view.h"
#include "hex_view.h"
#include "main_window.h"
#include "modal_answer.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "screenshot.h"
#include "save_capture.h"
#include "spool_recovery.h"
#include "spool_settings.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace rcvmon;
using rcvmon::test::FakeCaptureSource;
using rcvmon::test::ModalAnswer;
using rcvmon::test::fakeCaptureBackend;
using rcvmon::test::saveScreenshot;

namespace {

const QString unsavedPrompt = QStringLiteral("unsavedCapturePrompt");



// A UDP socket on 127.0.0.1 (port 0: any), closed with it.
struct LoopbackUdp {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    ~LoopbackUdp()
    {
        if (fd >= 0) close(fd);
    }
    bool bind()
    {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    }
    quint16 port() const
    {
        sockaddr_in a{};
        socklen_t n = sizeof a;
        getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n);
        return ntohs(a.sin_port);
    }
    bool sendTo(quint16 port, const QByteArray& payload) const
    {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(port);
        return sendto(fd, payload.constData(), static_cast<size_t>(payload.size()), 0, reinterpret_cast<sockaddr*>(&a),
                      sizeof a) == payload.size();
    }
};

bool toolFound(const char* tool)
{
    return !QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty();
}

// Runs a tool to its end; its standard output, or a null string when it failed.
QString run(const QString& program, const QStringList& arguments)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(arguments.join(QLatin1Char(' '))),
                 p.readAllStandardError().constData());
        return {};
    }
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

// Packets tshark reads from a file (every one, or those passing `filter`); -1 on failure.
qint64 tsharkCount(const QString& path, const QString& filter = {})
{
    QStringList args{QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                     QStringLiteral("frame.number")};
    if (!filter.isEmpty()) args << QStringLiteral("-Y") << filter;
    const QString out = run(QStringLiteral("tshark"), args);
    if (out.isNull()) return -1;
    return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size();
}

// capinfos' exact packet count (-M: no "k" rounding) and file type.
qint64 capinfosCount(const QString& path, QString* type = nullptr)
{
    const QString out = run(QStringLiteral("capinfos"), {QStringLiteral("-M"), QStringLiteral("-c"), QStringLiteral("-t"), path});
    qint64 count = -1;
    for (const QString& line : out.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("Number of packets:"))) count = line.section(QLatin1Char(':'), 1).trimmed().toLongLong();
        if (type && line.startsWith(QStringLiteral("File type:"))) *type = line.section(QLatin1Char(':'), 1).trimmed();
    }
    return count;
}

int rows(MainWindow& window)
{
    return window.controller()->tableModel()->rowCount();
}

// The chooser a test hands the window: always this path, in this format.
MainWindow::FileChooser answerPath(const QString& path, bool pcap = false)
{
    return [path, pcap](MainWindow::FileChoice, bool* isPcap) {
        if (isPcap) *isPcap = pcap;
        return path;
    };
}

}  // namespace

class TestSpoolWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void spoolsLoopbackCaptureAndSavesEveryPacket();
    void memoryHoldsOnlyTheIndexAndSaveWorksWhileCapturing();
    void quitAsksSaveDiscardCancel();
    void recoversTheSpoolOfAKilledProcess();
    void recoversTheRingOfAKilledCaptureAsOne();
    void preferencesRoundTrip();
    void fileLargerThanTheMemoryBoundSaysSo();

private:
    QTemporaryDir m_dir;
    QString m_spool;
};

void TestSpoolWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_spool_window-%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(m_dir.isValid());
}

void TestSpoolWindow::init()
{
    QSettings().clear();
    m_spool = m_dir.filePath(QStringLiteral("spool-%1").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QVERIFY(QDir().mkpath(m_spool));
    SpoolSettings settings;
    settings.directory = m_spool;
    settings.save();
}

void TestSpoolWindow::spoolsLoopbackCaptureAndSavesEveryPacket()
{
    RCVMON_REQUIRE(geteuid() == 0, "root, to capture on the loopback interface");
    RCVMON_REQUIRE(toolFound("tshark"), rcvmon::test::toolWhat("tshark"));
    RCVMON_REQUIRE(toolFound("capinfos"), rcvmon::test::toolWhat("capinfos"));
    LoopbackUdp receiver;
    QVERIFY(receiver.bind());
    const quint16 port = receiver.port();
    QString spoolPath;
    {
        MainWindow window(systemCaptureBackend());
        window.show();
        QVERIFY(window.startCapture({QStringLiteral("lo"), CaptureMode::IpLevel,
                                     QStringLiteral("udp port %1").arg(port), false}));
        QVERIFY(window.controller()->spool());
        spoolPath = QString::fromStdString(window.controller()->spool()->path());
        QCOMPARE(QFileInfo(spoolPath).absolutePath(), QFileInfo(m_spool).absoluteFilePath());
        QVERIFY(QFileInfo(spoolPath).fileName().startsWith(
            QStringLiteral("rcvmon-spool-%1-").arg(QCoreApplication::applicationPid())));

        constexpr int Sent = 400;
        LoopbackUdp sender;
        const QByteArray payload(100, 'r');
        for (int i = 0; i < Sent; ++i) QVERIFY(sender.sendTo(port, payload));
        QTRY_VERIFY_WITH_TIMEOUT(rows(window) >= Sent, 30000);
        // The spool file is a readable capture while the capture runs: every row is in it.
        const int seen = rows(window);
        QCOMPARE(capinfosCount(spoolPath), qint64{seen});
        QCOMPARE(tsharkCount(spoolPath, QStringLiteral("udp.dstport == %1").arg(port)), qint64{seen});
        QVERIFY(window.controller()->hasUnsavedCapture());

        window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
        QCOMPARE(rows(window), seen);
        const QString saved = m_dir.filePath(QStringLiteral("loopback.pcapng"));
        window.setFileChooser(answerPath(saved));
        window.findChild<QAction*>(QStringLiteral("actionSaveAs"))->trigger();
        QVERIFY2(window.messageText().isEmpty(), qPrintable(window.messageText()));
        QCOMPARE(tsharkCount(saved), qint64{seen});
        QCOMPARE(tsharkCount(saved, QStringLiteral("udp.dstport == %1 && udp.length == 108").arg(port)), qint64{seen});
        QVERIFY(!window.controller()->hasUnsavedCapture());

        const QString pcap = m_dir.filePath(QStringLiteral("loopback.pcap"));
        window.setFileChooser(answerPath(pcap, true));
        window.findChild<QAction*>(QStringLiteral("actionSaveAs"))->trigger();
        QString type;
        QCOMPARE(capinfosCount(pcap, &type), qint64{seen});
        QVERIFY2(type.contains(QStringLiteral("pcap")) && !type.contains(QStringLiteral("pcapng")), qPrintable(type));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("*rcvmon-tmp*")}, QDir::Files | QDir::Hidden).isEmpty());
    }
    // Saved, then closed: the spool file is gone with the window.
    QVERIFY(!QFileInfo::exists(spoolPath));
}

void TestSpoolWindow::memoryHoldsOnlyTheIndexAndSaveWorksWhileCapturing()
{
    RCVMON_REQUIRE(toolFound("tshark"), rcvmon::test::toolWhat("tshark"));
    RCVMON_REQUIRE(toolFound("capinfos"), rcvmon::test::toolWhat("capinfos"));
    FakeCaptureSource::Shared shared;
    shared.framesPerPoll = 400;
    MainWindow window(fakeCaptureBackend(shared));
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QTRY_VERIFY_WITH_TIMEOUT(rows(window) >= 30000, 60000);

    // Saved while the capture runs: everything up to now, and tshark reads all of it.
    const QString during = m_dir.filePath(QStringLiteral("during.pcapng"));
    window.setFileChooser(answerPath(during));
    const int before = rows(window);
    QVERIFY(window.saving()->saveAs());
    const qint64 savedDuring = tsharkCount(during);
    QVERIFY2(savedDuring >= before, qPrintable(QString::number(savedDuring)));
    QCOMPARE(capinfosCount(during), savedDuring);
    QCOMPARE(window.controller()->state(), CaptureController::State::Capturing);
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->hasUnsavedCapture(), 10000);  // new packets came after

    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
    const int total = rows(window);
    const CaptureCounters c = window.controller()->counters();
    QCOMPARE(c.captured, std::uint64_t(total));
    // Only the index is in memory: 40-byte records in blocks of at most 256 KiB; the frames are on disk.
    QVERIFY2(c.memoryUsed <= std::uint64_t(total) * 48 + (512u << 10),
             qPrintable(QStringLiteral("%1 bytes for %2 packets").arg(c.memoryUsed).arg(total)));
    QVERIFY(c.diskUsed >= std::uint64_t(total) * (60 + 32));
    QVERIFY(window.statusText().contains(QStringLiteral("Spool: ")));

    // Save again: the same file, now with every packet.
    window.findChild<QAction*>(QStringLiteral("actionSave"))->trigger();
    QCOMPARE(tsharkCount(during), qint64{total});
    QVERIFY(!window.controller()->hasUnsavedCapture());
    // A row's bytes come back from the spool file: the fake frame numbers itself in its payload.
    window.packetTable()->selectRow(total - 1);
    const QByteArray bytes = window.hexView()->bytes();
    QCOMPARE(bytes.size(), 60);
    quint64 sequence = 0;
    for (int i = 0; i < 8; ++i) sequence |= quint64(quint8(bytes[42 + i])) << (8 * i);
    QCOMPARE(sequence, quint64(window.controller()->tableModel()->frameNumber(total - 1)));
}

void TestSpoolWindow::quitAsksSaveDiscardCancel()
{
    RCVMON_REQUIRE(toolFound("tshark"), rcvmon::test::toolWhat("tshark"));
    FakeCaptureSource::Shared shared;
    const QString saved = m_dir.filePath(QStringLiteral("on-quit.pcapng"));
    QString spoolPath;
    {
        MainWindow window(fakeCaptureBackend(shared));
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
        QTRY_VERIFY_WITH_TIMEOUT(rows(window) > 100, 20000);
        spoolPath = QString::fromStdString(window.controller()->spool()->path());

        QString question;
        {
            ModalAnswer cancel(unsavedPrompt, [&question](QWidget* w) {
                auto* box = qobject_cast<QMessageBox*>(w);
                question = box->text() + QLatin1Char(' ') + box->informativeText();
                saveScreenshot(box, QStringLiteral("unsaved-capture-prompt.png"));
                box->button(QMessageBox::Cancel)->click();
            });
            QVERIFY(!window.close());
            QCOMPARE(cancel.count(), 1);
        }
        QVERIFY(question.contains(QStringLiteral("before quitting")));
        QVERIFY(question.contains(QDir::toNativeSeparators(spoolPath)));
        QVERIFY(window.isVisible());
        QCOMPARE(window.controller()->state(), CaptureController::State::Capturing);

        window.setFileChooser(answerPath(saved));
        ModalAnswer save(unsavedPrompt, ModalAnswer::click(QMessageBox::Save));
        QVERIFY(window.close());
        QCOMPARE(save.count(), 1);
        QVERIFY(!window.isVisible());
        // Save stopped the capture first: the file holds every row.
        QCOMPARE(window.controller()->state(), CaptureController::State::Stopped);
        QCOMPARE(tsharkCount(saved), qint64{rows(window)});
    }
    QVERIFY(!QFileInfo::exists(spoolPath));

    // Discard: the window closes and the spool file goes; nothing is written elsewhere.
    MainWindow window(fakeCaptureBackend(shared));
    window.show();
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QTRY_VERIFY_WITH_TIMEOUT(rows(window) > 0, 20000);
    spoolPath = QString::fromStdString(window.controller()->spool()->path());
    ModalAnswer discard(unsavedPrompt, ModalAnswer::click(QMessageBox::Discard));
    // Opening another file asks too.
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openFile(saved));
    QCOMPARE(discard.count(), 1);
    QVERIFY(!QFileInfo::exists(spoolPath));
    QVERIFY(loaded.wait(20000));
    // An opened file is on disk already: quitting does not ask.
    QVERIFY(window.close());
    QCOMPARE(discard.count(), 1);
}

void TestSpoolWindow::recoversTheSpoolOfAKilledProcess()
{
    RCVMON_REQUIRE(toolFound("tshark"), rcvmon::test::toolWhat("tshark"));
    RCVMON_REQUIRE(toolFound("capinfos"), rcvmon::test::toolWhat("capinfos"));
    // A real rcvmon, with its own settings naming the spool directory, capturing synthetic frames.
    const QString config = m_dir.filePath(QStringLiteral("child-config"));
    QVERIFY(QDir().mkpath(config + QStringLiteral("/RcvMon")));
    {
        QSettings child(config + QStringLiteral("/RcvMon/rcvmon.conf"), QSettings::IniFormat);
        child.setValue(QStringLiteral("capture/spoolDirectory"), m_spool);
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.start(QStringLiteral(RCVMON_GUI_BINARY), {QStringLiteral("--bench-live"), QStringLiteral("5000:300")});
    QVERIFY(child.waitForStarted());
    const qint64 childPid = child.processId();
    const QString prefix = QStringLiteral("rcvmon-spool-%1-").arg(childPid);
    QString orphanPath;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QFileInfoList files = QDir(m_spool).entryInfoList({prefix + QLatin1Char('*')}, QDir::Files);
            if (files.isEmpty() || files.first().size() < 200000) return false;
            orphanPath = files.first().absoluteFilePath();
            return true;
        }(),
        60000);
    // Its process runs: not an orphan.
    QVERIFY(findOrphanedSpools(m_spool.toStdString()).empty());
    child.kill();  // SIGKILL: no clean-up runs
    QVERIFY(child.waitForFinished(30000));

    const std::vector<OrphanedSpool> orphans = findOrphanedSpools(m_spool.toStdString());
    QCOMPARE(orphans.size(), std::size_t{1});
    QCOMPARE(QString::fromStdString(orphans[0].path), orphanPath);
    QCOMPARE(orphans[0].pid, std::int64_t{childPid});
    const qint64 packets = capinfosCount(orphanPath);
    QVERIFY2(packets > 1000, qPrintable(QString::number(packets)));
    QCOMPARE(tsharkCount(orphanPath), packets);

    MainWindow window(CaptureBackend{});
    window.resize(900, 600);
    window.show();
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    int listed = 0;
    bool recoverEnabled = false;
    {
        ModalAnswer recover(QStringLiteral("spoolRecoveryDialog"), [&](QWidget* w) {
            auto* list = w->findChild<QListWidget*>(QStringLiteral("orphanList"));
            listed = list->count();
            auto* button = w->findChild<QPushButton*>(QStringLiteral("recoverButton"));
            recoverEnabled = button->isEnabled();  // the newest is selected
            saveScreenshot(w, QStringLiteral("spool-recovery-dialog.png"));
            button->click();
        });
        QVERIFY(offerSpoolRecovery(window));
        QCOMPARE(recover.count(), 1);
    }
    QCOMPARE(listed, 1);
    QVERIFY(recoverEnabled);
    QVERIFY(loaded.count() > 0 || loaded.wait(20000));
    QCOMPARE(qint64{rows(window)}, packets);
    // Taken over: renamed to this process, so another start does not offer it, and unsaved.
    QVERIFY(!QFileInfo::exists(orphanPath));
    QVERIFY(findOrphanedSpools(m_spool.toStdString()).empty());
    QVERIFY(window.controller()->hasUnsavedCapture());
    const QString adopted = QString::fromStdString(window.controller()->spool()->path());
    QVERIFY(QFileInfo(adopted).fileName().startsWith(QStringLiteral("rcvmon-spool-%1-").arg(QCoreApplication::applicationPid())));
    const QString saved = m_dir.filePath(QStringLiteral("recovered.pcapng"));
    window.setFileChooser(answerPath(saved));
    QVERIFY(window.saving()->save());
    QCOMPARE(tsharkCount(saved), packets);
    QVERIFY(!window.controller()->hasUnsavedCapture());

    // Another orphan (a copy under the dead process's name), deleted from the dialog.
    const QString second = QDir(m_spool).filePath(spoolFileName(childPid, 0, 7).c_str());
    QVERIFY(QFile::copy(saved, second));
    ModalAnswer remove(QStringLiteral("spoolRecoveryDialog"), [](QWidget* w) {
        auto* list = w->findChild<QListWidget*>(QStringLiteral("orphanList"));
        list->setCurrentRow(0);
        w->findChild<QPushButton*>(QStringLiteral("deleteButton"))->click();
    });
    QVERIFY(!offerSpoolRecovery(window));
    QCOMPARE(remove.count(), 1);
    QVERIFY(!QFileInfo::exists(second));
    QCOMPARE(qint64{rows(window)}, packets);  // what was shown stays
}

// Issue 11 item 3: a capture with a disk bound spools to a ring of files; killed, its files
// are offered as ONE capture and recovered as one, every packet in time order.
void TestSpoolWindow::recoversTheRingOfAKilledCaptureAsOne()
{
    RCVMON_REQUIRE(toolFound("tshark"), rcvmon::test::toolWhat("tshark"));
    RCVMON_REQUIRE(toolFound("capinfos"), rcvmon::test::toolWhat("capinfos"));
    const QString config = m_dir.filePath(QStringLiteral("ring-config"));
    QVERIFY(QDir().mkpath(config + QStringLiteral("/RcvMon")));
    {
        // 1 MiB of disk: a ring of 128 KiB files (the spool keeps eight), a new one every few
        // hundred milliseconds at 20,000 frames/s.
        QSettings child(config + QStringLiteral("/RcvMon/rcvmon.conf"), QSettings::IniFormat);
        child.setValue(QStringLiteral("capture/spoolDirectory"), m_spool);
        child.setValue(QStringLiteral("capture/diskBoundMiB"), 1);
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.start(QStringLiteral(RCVMON_GUI_BINARY), {QStringLiteral("--bench-live"), QStringLiteral("20000:300")});
    QVERIFY(child.waitForStarted());
    const qint64 childPid = child.processId();
    const QString prefix = QStringLiteral("rcvmon-spool-%1-").arg(childPid);
    // Until the ring has turned: more files were written than it keeps (part 10 exists).
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QFileInfo& f : QDir(m_spool).entryInfoList({prefix + QLatin1Char('*')}, QDir::Files)) {
                const std::optional<SpoolPart> part = spoolFilePart(f.fileName().toStdString());
                if (part && part->part >= 10) return true;
            }
            return false;
        }(),
        120000);
    child.kill();  // SIGKILL: no clean-up runs
    QVERIFY(child.waitForFinished(30000));

    const std::vector<OrphanedCapture> orphans = findOrphanedCaptures(m_spool.toStdString());
    QCOMPARE(orphans.size(), std::size_t{1});
    const OrphanedCapture& ring = orphans[0];
    QCOMPARE(ring.pid, std::int64_t{childPid});
    QVERIFY2(ring.files.size() >= 2, qPrintable(QString::number(ring.files.size())));
    qint64 packets = 0;
    std::uint32_t lastPart = 0;
    for (const OrphanedSpool& file : ring.files) {
        const std::uint32_t part = spoolFilePart(QFileInfo(QString::fromStdString(file.path)).fileName().toStdString())->part;
        QVERIFY(part > lastPart);  // in the order written
        lastPart = part;
        const qint64 n = capinfosCount(QString::fromStdString(file.path));
        QVERIFY2(n >= 0, file.path.c_str());
        packets += n;
    }
    QVERIFY2(packets > 1000, qPrintable(QString::number(packets)));

    MainWindow window(CaptureBackend{});
    window.resize(900, 600);
    window.show();
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    int listed = 0;
    QString entry;
    {
        ModalAnswer recover(QStringLiteral("spoolRecoveryDialog"), [&](QWidget* w) {
            auto* list = w->findChild<QListWidget*>(QStringLiteral("orphanList"));
            listed = list->count();
            if (listed > 0) entry = list->item(0)->text();
            saveScreenshot(w, QStringLiteral("spool-ring-recovery-dialog.png"));
            w->findChild<QPushButton*>(QStringLiteral("recoverButton"))->click();
        });
        QVERIFY(offerSpoolRecovery(window));
        QCOMPARE(recover.count(), 1);
    }
    QCOMPARE(listed, 1);  // one entry for the whole ring
    QVERIFY2(entry.contains(QStringLiteral("%1 ring files").arg(ring.files.size())), qPrintable(entry));
    QVERIFY(loaded.count() > 0 || loaded.wait(60000));
    QCOMPARE(qint64{rows(window)}, packets);
    // Every part was taken over (merged into one file of ours): nothing is offered again.
    for (const OrphanedSpool& file : ring.files) QVERIFY2(!QFileInfo::exists(QString::fromStdString(file.path)), file.path.c_str());
    QVERIFY(findOrphanedCaptures(m_spool.toStdString()).empty());
    QVERIFY(window.controller()->hasUnsavedCapture());
    // In time order across the parts.
    PacketStoreView* store = window.controller()->storeView();
    QVERIFY(store);
    PacketMeta previous, meta;
    QVERIFY(store->meta(store->firstNumber(), previous));
    for (std::uint64_t n = store->firstNumber() + 1; n < store->endNumber(); ++n) {
        QVERIFY(store->meta(n, meta));
        QVERIFY2(meta.ts.totalNanoseconds() >= previous.ts.totalNanoseconds(), qPrintable(QString::number(n)));
        previous = meta;
    }
    const QString saved = m_dir.filePath(QStringLiteral("recovered-ring.pcapng"));
    window.setFileChooser(answerPath(saved));
    QVERIFY(window.saving()->save());
    QCOMPARE(tsharkCount(saved), packets);
}

void TestSpoolWindow::preferencesRoundTrip()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeCaptureBackend(shared));
    window.show();
    const QString chosen = m_dir.filePath(QStringLiteral("chosen-spool"));
    QAction* preferences = window.findChild<QAction*>(QStringLiteral("actionPreferences"));
    QVERIFY(preferences);
    QCOMPARE(preferences->shortcut(), QKeySequence(QKeySequence::Preferences));

    // A directory that cannot be written keeps the dialog open with the reason.
    QString problem;
    {
        ModalAnswer refused(QStringLiteral("preferencesDialog"), [&problem](QWidget* w) {
            w->findChild<QLineEdit*>(QStringLiteral("spoolDirectory"))->setText(QStringLiteral("/proc/rcvmon-spool"));
            QMetaObject::invokeMethod(w, "accept");
            auto* label = w->findChild<QLabel*>(QStringLiteral("preferencesProblem"));
            problem = label->isVisible() ? label->text() : QString();
            qobject_cast<QDialog*>(w)->reject();
        });
        preferences->trigger();
        QCOMPARE(refused.count(), 1);
    }
    QVERIFY2(problem.contains(QStringLiteral("/proc/rcvmon-spool")), qPrintable(problem));
    QCOMPARE(SpoolSettings::load().directory, m_spool);  // unchanged

    {
        ModalAnswer set(QStringLiteral("preferencesDialog"), [&chosen](QWidget* w) {
            w->findChild<QLineEdit*>(QStringLiteral("spoolDirectory"))->setText(chosen);
            w->findChild<QSpinBox*>(QStringLiteral("memoryBound"))->setValue(64);
            w->findChild<QSpinBox*>(QStringLiteral("diskBound"))->setValue(500);
            saveScreenshot(w, QStringLiteral("preferences-dialog.png"));
            QMetaObject::invokeMethod(w, "accept");
        });
        preferences->trigger();
        QCOMPARE(set.count(), 1);
    }
    const SpoolSettings stored = SpoolSettings::load();
    QCOMPARE(stored.directory, chosen);
    QCOMPARE(stored.memoryBoundMiB, std::uint64_t{64});
    QCOMPARE(stored.diskBoundMiB, std::uint64_t{500});
    QCOMPARE(window.controller()->spoolDirectory(), chosen);
    QCOMPARE(window.controller()->memoryBound(), std::uint64_t{64} << 20);
    QCOMPARE(window.controller()->diskBound(), std::uint64_t{500} << 20);

    // The next capture uses them, and the status bar shows them with what is used.
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QCOMPARE(QFileInfo(QString::fromStdString(window.controller()->spool()->path())).absolutePath(),
             QFileInfo(chosen).absoluteFilePath());
    const QLocale locale;
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QStringLiteral("of %1").arg(locale.formattedDataSize(64ll << 20)))
                                 && window.statusText().contains(QStringLiteral("Spool: "))
                                 && window.statusText().contains(QStringLiteral("of %1").arg(locale.formattedDataSize(500ll << 20)))
                                 && !window.statusText().contains(QStringLiteral("Spool: 0 bytes")),
                             10000);
    window.controller()->stop();

    // A new window reads them back, and the dialog shows them.
    MainWindow again(fakeCaptureBackend(shared));
    QCOMPARE(again.controller()->spoolDirectory(), chosen);
    QString shownDirectory;
    int shownMemory = 0, shownDisk = 0;
    ModalAnswer look(QStringLiteral("preferencesDialog"), [&](QWidget* w) {
        shownDirectory = w->findChild<QLineEdit*>(QStringLiteral("spoolDirectory"))->text();
        shownMemory = w->findChild<QSpinBox*>(QStringLiteral("memoryBound"))->value();
        shownDisk = w->findChild<QSpinBox*>(QStringLiteral("diskBound"))->value();
        qobject_cast<QDialog*>(w)->reject();
    });
    again.findChild<QAction*>(QStringLiteral("actionPreferences"))->trigger();
    QCOMPARE(shownDirectory, chosen);
    QCOMPARE(shownMemory, 64);
    QCOMPARE(shownDisk, 500);
}

void TestSpoolWindow::fileLargerThanTheMemoryBoundSaysSo()
{
    // 60,000 packets: 2.4 MB of index records, more than a 1 MiB bound holds.
    const QString path = m_dir.filePath(QStringLiteral("large.pcapng"));
    {
        std::string error;
        std::unique_ptr<CaptureFileWriter> writer = CaptureFileWriter::create(path.toStdString(), FileFormat::PcapNg, error);
        QVERIFY2(writer, error.c_str());
        InterfaceInfo info;
        info.linkType = 1;
        info.snapLength = 65535;
        QVERIFY(writer->addInterface(info, error));
        std::uint8_t bytes[60] = {0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2, 0x08, 0x00, 0x45, 0, 0, 46};
        for (int i = 0; i < 60000; ++i) {
            FrameRef frame;
            frame.ts = {1700000000 + i / 1000, static_cast<std::uint32_t>(i % 1000) * 1000000u};
            frame.capturedLength = frame.originalLength = sizeof bytes;
            frame.linkType = 1;
            frame.data = ByteSpan(bytes, sizeof bytes);
            QVERIFY2(writer->write(frame, 0, error), error.c_str());
        }
        QVERIFY2(writer->commit(error), error.c_str());
    }
    MainWindow window(CaptureBackend{});
    window.controller()->setMemoryBound(1u << 20);
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openFile(path));
    QVERIFY(loaded.wait(30000));
    const int shown = rows(window);
    QVERIFY(shown > 0 && shown < 60000);
    QCOMPARE(window.controller()->tableModel()->frameNumber(0), std::uint64_t{1});  // the first packets, not the last
    const QString message = window.messageText();
    QVERIFY2(message.contains(QStringLiteral("larger than the memory bound")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("only its first %1 packets").arg(QLocale().toString(shown))), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("Preferences")));
    QCOMPARE(window.controller()->counters().evicted, std::uint64_t{0});

    // With the bound raised, the whole file opens.
    window.controller()->setMemoryBound(64u << 20);
    QVERIFY(window.openFile(path));
    QVERIFY(loaded.wait(30000));
    QCOMPARE(rows(window), 60000);
}

RCVMON_QTEST_MAIN(TestSpoolWindow)
#include "tst_spool_window.moc"
