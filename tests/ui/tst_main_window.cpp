// SPDX-License-Identifier: GPL-2.0-or-later
#include "bandwidth_chart_view.h"
#include "capture_health_panel.h"
#include "capture_controller.h"
#include "fake_capture_backend.h"
#include "fake_capture_source.h"
#include "hex_view.h"
#include "modal_answer.h"
#include "main_window.h"
#include "packet_detail_model.h"
#include "packet_table_model.h"
#include "qtest_main.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QFile>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace rcvmon;
using rcvmon::test::FakeCaptureSource;
using rcvmon::test::fakeCaptureBackend;
using rcvmon::test::ModalAnswer;

namespace {

const QString corpusDir = QStringLiteral(RCVMON_CORPUS_DIR "/public");

// A backend whose sources are fakes; `refuse` makes open() fail as without privilege.
CaptureBackend fakeBackend(FakeCaptureSource::Shared& shared, bool refuse = false)
{
    CaptureBackend backend = fakeCaptureBackend(shared);
    if (refuse) {
        backend.open = [](const CaptureRequest& request, QString& error) -> std::unique_ptr<CaptureSource> {
            error = QStringLiteral("Capturing on %1 needs CAP_NET_RAW: run sudo setcap cap_net_raw,cap_net_admin=eip rcvmon")
                        .arg(request.interfaceName);
            return nullptr;
        };
    }
    backend.defaultInterface = [] { return std::optional<QString>(QStringLiteral("fake0")); };
    return backend;
}

bool waitLoaded(MainWindow& window, const QString& path)
{
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    if (!window.openFile(path)) return false;
    return loaded.count() > 0 || loaded.wait(20000);
}

// tshark's view of frames: MD5 of the bytes, time and length, one line per frame.
QStringList tsharkFrames(const QString& path, const QString& filter = {})
{
    QStringList args = {QStringLiteral("-r"), path, QStringLiteral("-o"), QStringLiteral("frame.generate_md5_hash:TRUE"),
                        QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("frame.md5_hash"),
                        QStringLiteral("-e"), QStringLiteral("frame.time_epoch"), QStringLiteral("-e"), QStringLiteral("frame.len")};
    if (!filter.isEmpty()) args << QStringLiteral("-Y") << filter;
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), args);
    if (!tshark.waitForFinished(60000) || tshark.exitCode() != 0) return {QStringLiteral("tshark failed: ") + tshark.readAllStandardError()};
    return QString::fromUtf8(tshark.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

std::size_t modeCallCount(FakeCaptureSource::Shared& shared)
{
    std::lock_guard lock(shared.mutex);
    return shared.modeCalls.size();
}

void selectRows(QTableView* table, const QList<int>& rows)
{
    QItemSelection selection;
    for (int row : rows) selection.select(table->model()->index(row, 0), table->model()->index(row, 0));
    table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void rowCountEqualsPacketCount_data();
    void rowCountEqualsPacketCount();
    void exportSelectedIsReadBackByTshark_data();
    void exportSelectedIsReadBackByTshark();
    void exportWhileCapturingKeepsCapturing();
    void modeMenuSwitchesOffThenOn();
    void badFileShowsErrorAndWindowStillWorks();
    void withoutPrivilegeOpensBundledSample();
    void fieldSelectsBytesAndByteSelectsField();
    void followStopsWhenUserScrollsUp();
    void settingsPersist();
    void markedPacketsExport();
    void vanishedInterfaceKeepsPackets();
    void streamFromPipe();
    void findGoToAndCopy();
    void stopStartAndRestart();
    void dropOpensFile();
    void memoryBoundStopsTheCaptureWithoutEvicting();
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    // Each slot runs as its own process (one ctest entry per slot), in parallel: own settings.
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window-%1").arg(QCoreApplication::applicationPid()));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::rowCountEqualsPacketCount_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("packets");
    QFile manifest(corpusDir + QStringLiteral("/manifest.tsv"));
    if (!manifest.open(QIODevice::ReadOnly)) {
        QTest::newRow("no corpus") << QString() << 0;
        return;
    }
    manifest.readLine();  // header
    while (!manifest.atEnd()) {
        const QStringList cells = QString::fromUtf8(manifest.readLine()).split(QLatin1Char('\t'));
        if (cells.size() > 3) QTest::newRow(qPrintable(cells[0])) << cells[0] << cells[3].toInt();
    }
}

void TestMainWindow::rowCountEqualsPacketCount()
{
    QFETCH(QString, file);
    QFETCH(int, packets);
    RCVMON_REQUIRE(!file.isEmpty(), rcvmon::test::corpusWhat());
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    QVERIFY(waitLoaded(window, corpusDir + QLatin1Char('/') + file));
    QCOMPARE(window.controller()->tableModel()->rowCount(), packets);
    // Every row renders: a damaged frame shows its problem in Info instead of failing.
    for (int row = 0; row < packets; ++row)
        QVERIFY(!window.controller()->tableModel()->index(row, PacketTableModel::Time).data().toString().isEmpty());
}

void TestMainWindow::exportSelectedIsReadBackByTshark_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("pcap");
    QTest::newRow("sample as pcapng") << QString() << false;
    QTest::newRow("sample as pcap") << QString() << true;
    if (QFile::exists(corpusDir + QStringLiteral("/ldap__gap-data-missing.pcapng")))
        QTest::newRow("126 interfaces") << corpusDir + QStringLiteral("/ldap__gap-data-missing.pcapng") << false;
    if (QFile::exists(corpusDir + QStringLiteral("/isup.pcap")))
        QTest::newRow("big-endian pcap") << corpusDir + QStringLiteral("/isup.pcap") << true;
}

void TestMainWindow::exportSelectedIsReadBackByTshark()
{
    QFETCH(QString, file);
    QFETCH(bool, pcap);
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    QString path = file;
    if (path.isEmpty()) {
        QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
        QVERIFY(window.openBundledSample());
        QVERIFY(loaded.wait(20000));
        path = window.controller()->sourceName();
    } else {
        QVERIFY(waitLoaded(window, path));
    }
    QVERIFY(window.controller()->tableModel()->rowCount() >= 6);
    const QList<int> rows = {1, 2, 4, window.controller()->tableModel()->rowCount() - 1};
    selectRows(window.packetTable(), rows);

    QTemporaryDir dir;
    const QString out = dir.filePath(pcap ? QStringLiteral("selected.pcap") : QStringLiteral("selected.pcapng"));
    window.setFileChooser([&](MainWindow::FileChoice choice, bool* isPcap) {
        if (choice != MainWindow::FileChoice::Export) return QString();
        *isPcap = pcap;
        return out;
    });
    window.findChild<QAction*>(QStringLiteral("actionExportSelected"))->trigger();
    QVERIFY2(window.messageText().isEmpty(), qPrintable(window.messageText()));

    QStringList numbers;
    for (int row : rows) numbers << QString::number(row + 1);
    const QStringList expected = tsharkFrames(path, QStringLiteral("frame.number in {%1}").arg(numbers.join(QLatin1Char(','))));
    const QStringList actual = tsharkFrames(out);
    QCOMPARE(actual.size(), rows.size());
    QCOMPARE(actual, expected);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray magic = written.read(4);
    QCOMPARE(magic == QByteArray("\x0a\x0d\x0d\x0a", 4), !pcap);
}

void TestMainWindow::exportWhileCapturingKeepsCapturing()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    PacketTableModel* model = window.controller()->tableModel();
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    while (model->rowCount() < 200) QVERIFY(inserted.wait(20000));
    selectRows(window.packetTable(), {10, 11, 12, 50, 150});
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("live.pcapng"));
    window.setFileChooser([&](MainWindow::FileChoice, bool* isPcap) {
        *isPcap = false;
        return out;
    });
    window.findChild<QAction*>(QStringLiteral("actionExportSelected"))->trigger();
    QVERIFY2(window.messageText().isEmpty(), qPrintable(window.messageText()));
    const QStringList frames = tsharkFrames(out);
    QCOMPARE(frames.size(), 5);
    QVERIFY(!frames.first().startsWith(QStringLiteral("tshark failed")));
    QCOMPARE(window.controller()->state(), CaptureController::State::Capturing);
    const int before = model->rowCount();
    QVERIFY(inserted.wait(20000));
    QVERIFY(model->rowCount() > before);
}

void TestMainWindow::modeMenuSwitchesOffThenOn()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QAction* on = window.findChild<QAction*>(QStringLiteral("actionModeOn"));
    QAction* ipLevel = window.findChild<QAction*>(QStringLiteral("actionModeIpLevel"));
    QVERIFY(ipLevel->isChecked());
    PacketTableModel* model = window.controller()->tableModel();
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QVERIFY(inserted.wait(20000));

    QSignalSpy marked(window.controller(), &CaptureController::switchMarked);
    on->trigger();
    QVERIFY(on->isChecked());
    QTRY_COMPARE_WITH_TIMEOUT(modeCallCount(shared), std::size_t{2}, 20000);
    {
        std::lock_guard lock(shared.mutex);
        QCOMPARE(shared.modeCalls[0], CaptureMode::Off);
        QCOMPARE(shared.modeCalls[1], CaptureMode::On);
    }
    QTRY_COMPARE_WITH_TIMEOUT(window.controller()->mode(), CaptureMode::On, 20000);
    // The first packet caught in the new mode carries a mark in the list.
    QVERIFY(marked.count() > 0 || marked.wait(20000));
    const quint64 first = marked.first().at(0).toULongLong();
    const int row = model->rowForFrame(first);
    QVERIFY(row > 0);
    QCOMPARE(model->index(row, PacketTableModel::Mode).data().toString(), QStringLiteral("On ◀"));
    QCOMPARE(model->index(row - 1, PacketTableModel::Mode).data().toString(), QStringLiteral("IpLevel"));
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QStringLiteral("Mode: On")), 20000);

    ipLevel->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(modeCallCount(shared), std::size_t{4}, 20000);
    std::lock_guard lock(shared.mutex);
    QCOMPARE(shared.modeCalls[2], CaptureMode::Off);
    QCOMPARE(shared.modeCalls[3], CaptureMode::IpLevel);
}

void TestMainWindow::badFileShowsErrorAndWindowStillWorks()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openBundledSample());
    QVERIFY(loaded.wait(20000));
    const int rows = window.controller()->tableModel()->rowCount();
    QVERIFY(rows > 0);

    QVERIFY(!window.openFile(QStringLiteral("/nonexistent/capture.pcapng")));
    QVERIFY(window.messageText().contains(QStringLiteral("/nonexistent/capture.pcapng")));
    QCOMPARE(window.controller()->tableModel()->rowCount(), rows);

    QTemporaryDir dir;
    const QString garbage = dir.filePath(QStringLiteral("notes.pcap"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a capture file, just text\n");
    file.close();
    QVERIFY(!window.openFile(garbage));
    QVERIFY(window.messageText().contains(QStringLiteral("notes.pcap")));
    QCOMPARE(window.controller()->tableModel()->rowCount(), rows);

    // A live capture survives a bad file too (the unsaved capture's question answered Discard).
    ModalAnswer discard(QStringLiteral("unsavedCapturePrompt"), ModalAnswer::click(QMessageBox::Discard));
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QSignalSpy inserted(window.controller()->tableModel(), &QAbstractItemModel::rowsInserted);
    QVERIFY(inserted.wait(20000));
    QVERIFY(!window.openFile(garbage));
    QCOMPARE(window.controller()->state(), CaptureController::State::Capturing);
    QVERIFY(inserted.wait(20000));

    // And the window still opens a good file afterwards.
    QVERIFY(window.openBundledSample());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(window.controller()->tableModel()->rowCount(), rows);
    QVERIFY(window.messageText().isEmpty());
}

void TestMainWindow::withoutPrivilegeOpensBundledSample()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared, true));
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    window.startDefault();
    QVERIFY(loaded.wait(20000));
    QVERIFY(window.controller()->tableModel()->rowCount() > 0);
    QVERIFY(!window.controller()->isLive());
    QVERIFY2(window.statusText().contains(QStringLiteral("setcap")), qPrintable(window.statusText()));
    QVERIFY(window.messageText().contains(QStringLiteral("CAP_NET_RAW")));
}

void TestMainWindow::fieldSelectsBytesAndByteSelectsField()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openBundledSample());
    QVERIFY(loaded.wait(20000));
    window.packetTable()->selectRow(2);  // a DNS query over UDP/IPv4
    PacketDetailModel* detail = window.controller()->detailModel();
    QCOMPARE(detail->packetNumber(), std::uint64_t{3});
    QCOMPARE(window.hexView()->bytes(), detail->bytes());
    QVERIFY(detail->rowCount() >= 2);

    // A field of the Ethernet layer (after Frame): selecting it lights its bytes.
    const QModelIndex layer = detail->index(1, 0);
    QCOMPARE(layer.data(PacketDetailModel::FieldNameRole).toString(), QStringLiteral("eth"));
    QVERIFY(detail->rowCount(layer) > 0);
    QModelIndex field;
    for (int r = 0; r < detail->rowCount(layer) && !field.isValid(); ++r)
        if (detail->index(r, 0, layer).data(PacketDetailModel::LengthRole).toInt() > 0) field = detail->index(r, 0, layer);
    QVERIFY(field.isValid());
    window.detailTree()->setCurrentIndex(field);
    QCOMPARE(window.hexView()->highlightOffset(), field.data(PacketDetailModel::OffsetRole).toInt());
    QCOMPARE(window.hexView()->highlightLength(), field.data(PacketDetailModel::LengthRole).toInt());

    // Clicking a byte selects the innermost node that covers it.
    const int byte = 30;  // inside the IPv4 source address of an Ethernet frame
    QTest::mouseClick(window.hexView()->viewport(), Qt::LeftButton, {}, window.hexView()->hexRect(byte).center());
    const QModelIndex current = window.detailTree()->currentIndex();
    QVERIFY(current.isValid());
    const int offset = current.data(PacketDetailModel::OffsetRole).toInt();
    const int length = current.data(PacketDetailModel::LengthRole).toInt();
    QVERIFY(offset <= byte && byte < offset + length);
    QCOMPARE(current, detail->indexForByte(byte));
    QCOMPARE(window.hexView()->highlightOffset(), offset);
}

void TestMainWindow::followStopsWhenUserScrollsUp()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QScrollBar* bar = window.packetTable()->verticalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 50, 10000);
    QVERIFY(window.following());
    QTRY_COMPARE_WITH_TIMEOUT(bar->value(), bar->maximum(), 20000);
    bar->setValue(bar->maximum() / 2);  // the user scrolls up
    QVERIFY(!window.following());
    const int value = bar->value();
    QTest::qWait(300);  // the 100 ms tail timer must leave the view alone now
    QCOMPARE(bar->value(), value);
    window.findChild<QAction*>(QStringLiteral("actionFollow"))->trigger();
    QVERIFY(window.following());
    QTRY_COMPARE_WITH_TIMEOUT(bar->value(), bar->maximum(), 20000);
}

void TestMainWindow::settingsPersist()
{
    FakeCaptureSource::Shared shared;
    {
        MainWindow window(fakeBackend(shared));
        window.findChild<QAction*>(QStringLiteral("actionTime_absolute"))->trigger();
        window.findChild<QAction*>(QStringLiteral("actionModeOn"))->trigger();
        window.packetTable()->setColumnWidth(PacketTableModel::Info, 333);
        window.close();
    }
    MainWindow again(fakeBackend(shared));
    QCOMPARE(again.controller()->tableModel()->timeFormat(), TimeFormat::Absolute);
    QVERIFY(again.findChild<QAction*>(QStringLiteral("actionTime_absolute"))->isChecked());
    QVERIFY(again.findChild<QAction*>(QStringLiteral("actionModeOn"))->isChecked());
    QCOMPARE(again.packetTable()->columnWidth(PacketTableModel::Info), 333);
}

void TestMainWindow::markedPacketsExport()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openBundledSample());
    QVERIFY(loaded.wait(20000));
    const QString source = window.controller()->sourceName();
    QAction* mark = window.findChild<QAction*>(QStringLiteral("actionMark"));
    QCOMPARE(mark->shortcut(), QKeySequence(QStringLiteral("Ctrl+M")));
    selectRows(window.packetTable(), {7});
    mark->trigger();
    selectRows(window.packetTable(), {3, 20});
    mark->trigger();
    QCOMPARE(window.controller()->tableModel()->markedFrames().size(), std::size_t{3});
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("marked.pcapng"));
    window.setFileChooser([&](MainWindow::FileChoice, bool* isPcap) {
        *isPcap = false;
        return out;
    });
    window.findChild<QAction*>(QStringLiteral("actionExportMarked"))->trigger();
    QCOMPARE(tsharkFrames(out), tsharkFrames(source, QStringLiteral("frame.number in {4,8,21}")));
    // A failed export says so and leaves no file behind.
    window.setFileChooser([&](MainWindow::FileChoice, bool* isPcap) {
        *isPcap = false;
        return QStringLiteral("/nonexistent-dir/out.pcapng");
    });
    window.findChild<QAction*>(QStringLiteral("actionExportDisplayed"))->trigger();
    QVERIFY(window.messageText().startsWith(QStringLiteral("Export failed")));
}

void TestMainWindow::vanishedInterfaceKeepsPackets()
{
    FakeCaptureSource::Shared shared;
    shared.failAfter = 500;
    MainWindow window(fakeBackend(shared));
    QSignalSpy problems(window.controller(), &CaptureController::problem);
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QVERIFY(problems.wait(10000));
    QVERIFY(window.messageText().contains(QStringLiteral("fake0 went away")));
    QCOMPARE(window.controller()->state(), CaptureController::State::Failed);
    // Every frame the source delivered before it vanished is still in the list.
    QCOMPARE(window.controller()->tableModel()->rowCount(), 500);
    QVERIFY(window.findChild<QAction*>(QStringLiteral("actionStart"))->isEnabled());
}

void TestMainWindow::streamFromPipe()
{
    // A pipe cannot be mapped: it is read on the capture thread, as `rcvmon -r -` reads stdin.
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("stream.pcapng"));
    QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {fifo}), 0);
    FakeCaptureSource::Shared shared;
    MainWindow sampleWindow(fakeBackend(shared));
    QSignalSpy sampleLoaded(sampleWindow.controller(), &CaptureController::loadFinished);
    QVERIFY(sampleWindow.openBundledSample());
    QVERIFY(sampleLoaded.wait(20000));
    const QString sample = sampleWindow.controller()->sourceName();

    QProcess writer;  // the other end of the pipe, like `rcvmon-cli -w - | rcvmon -r -`
    writer.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("cat \"%1\" > \"%2\"").arg(sample, fifo)});
    MainWindow window(fakeBackend(shared));
    QVERIFY(waitLoaded(window, fifo));
    QVERIFY(writer.state() == QProcess::NotRunning || writer.waitForFinished(10000));
    QCOMPARE(writer.exitCode(), 0);
    QCOMPARE(window.controller()->tableModel()->rowCount(), sampleWindow.controller()->tableModel()->rowCount());
    QCOMPARE(window.controller()->tableModel()->index(2, PacketTableModel::Info).data().toString(),
             sampleWindow.controller()->tableModel()->index(2, PacketTableModel::Info).data().toString());
}

void TestMainWindow::findGoToAndCopy()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openBundledSample());
    QVERIFY(loaded.wait(20000));
    PacketTableModel* model = window.controller()->tableModel();

    QVERIFY(window.selectFrame(100));
    QCOMPARE(window.packetTable()->currentIndex().row(), 99);
    QVERIFY(!window.following());
    QVERIFY(!window.selectFrame(999999));
    QVERIFY(window.messageText().contains(QStringLiteral("999999")));

    // Find goes forward from the current row and wraps around.
    QVERIFY(window.findNext(QStringLiteral("cdn.example.net")));
    const int first = window.packetTable()->currentIndex().row();
    QVERIFY(first > 99);
    QVERIFY(model->index(first, PacketTableModel::Info).data().toString().contains(QStringLiteral("cdn.example.net")));
    QVERIFY(window.findNext(QStringLiteral("cdn.example.net")));
    QVERIFY(window.packetTable()->currentIndex().row() != first);
    QVERIFY(!window.findNext(QStringLiteral("no such text anywhere")));

    // Copy ▸ Summary: the selected row's columns, tab-separated.
    QVERIFY(window.selectFrame(3));
    window.findChild<QAction*>(QStringLiteral("actionCopySummary"))->trigger();
    const QStringList cells = QGuiApplication::clipboard()->text().split(QLatin1Char('\t'));
    QCOMPARE(cells.size(), int(PacketTableModel::ColumnCount));
    QCOMPARE(cells[PacketTableModel::Number], QStringLiteral("3"));
    QCOMPARE(cells[PacketTableModel::Info], model->index(2, PacketTableModel::Info).data().toString());
    // Copy ▸ Value and As Hex follow the selected field.
    PacketDetailModel* detail = window.controller()->detailModel();
    const QModelIndex eth = detail->index(1, 0);
    const QModelIndex type = detail->index(2, 0, eth);  // Type: 0x0800
    window.detailTree()->setCurrentIndex(type);
    window.findChild<QAction*>(QStringLiteral("actionCopyValue"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("0x0800"));
    window.findChild<QAction*>(QStringLiteral("actionCopyHex"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("0800"));
}

void TestMainWindow::stopStartAndRestart()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    QAction* start = window.findChild<QAction*>(QStringLiteral("actionStart"));
    QAction* stop = window.findChild<QAction*>(QStringLiteral("actionStop"));
    QCOMPARE(start->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));
    QCOMPARE(window.findChild<QAction*>(QStringLiteral("actionInterfaces"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+K")));
    // Starting again asks about the unsaved capture first: Discard.
    ModalAnswer discard(QStringLiteral("unsavedCapturePrompt"), ModalAnswer::click(QMessageBox::Discard));
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QVERIFY(!start->isEnabled());
    QVERIFY(stop->isEnabled());
    PacketTableModel* model = window.controller()->tableModel();
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QVERIFY(inserted.wait(20000));
    stop->trigger();
    QCOMPARE(window.controller()->state(), CaptureController::State::Stopped);
    const int kept = model->rowCount();
    QVERIFY(kept > 0);
    QTest::qWait(200);
    QCOMPARE(model->rowCount(), kept);  // stopped means stopped, and nothing was lost
    QVERIFY(start->isEnabled());
    start->trigger();  // starts the last interface again
    QCOMPARE(window.controller()->state(), CaptureController::State::Capturing);
    QVERIFY(inserted.wait(20000));
    window.findChild<QAction*>(QStringLiteral("actionRestart"))->trigger();
    QCOMPARE(window.controller()->state(), CaptureController::State::Capturing);
    QVERIFY(inserted.wait(20000));
    QCOMPARE(model->frameNumber(0), std::uint64_t{1});
    QCOMPARE(discard.count(), 2);  // Start and Restart each asked
}

void TestMainWindow::dropOpensFile()
{
    FakeCaptureSource::Shared shared;
    MainWindow window(fakeBackend(shared));
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    QVERIFY(window.openBundledSample());
    QVERIFY(loaded.wait(20000));
    const QString sample = window.controller()->sourceName();
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("dropped.pcapng"));
    QVERIFY(QFile::copy(sample, copy));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(copy)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(window.controller()->sourceName(), copy);
}

// Issue 11: the memory bound never takes packets off a live capture's list (only a disk
// bound does, with its spool file); reaching it stops the capture and says so.
void TestMainWindow::memoryBoundStopsTheCaptureWithoutEvicting()
{
    FakeCaptureSource::Shared shared;
    shared.framesPerPoll = 300;
    MainWindow window(fakeBackend(shared));
    window.controller()->setMemoryBound(1u << 20);
    PacketTableModel* model = window.controller()->tableModel();
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->state() == CaptureController::State::Stopped, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(window.messageText().contains(QStringLiteral("reached the memory bound")), 20000);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(model->frameNumber(0), std::uint64_t{1});
    const CaptureCounters counters = window.controller()->counters();
    QCOMPARE(counters.evicted, std::uint64_t{0});
    QVERIFY(counters.memoryUsed <= counters.memoryBound);
    // 1 MiB of 40-byte records: tens of thousands of packets before it stopped.
    QVERIFY2(model->rowCount() > 20000, qPrintable(QString::number(model->rowCount())));
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QStringLiteral("of 1.00 MiB")), 20000);
    QVERIFY(!window.statusText().contains(QStringLiteral("dropped from the list")));
}

RCVMON_QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
