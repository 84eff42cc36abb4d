// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 12 item 8, packet comments in the real window: Edit ▸ Packet Comments ▸ Add New
// Comment… puts the comment in the detail tree (above the Frame tree, as Wireshark 4.0), marks
// the window modified, filters see it, Export Specified Packets writes it as pcapng opt_comment
// that tshark reads, and reopening the export shows it from the file; Delete All Comments hides
// a file's comments. The dialog's screenshot goes to <build>/screenshots/.
// Then: one Edit "<text>" and one Delete "<text>" entry per comment of the selected packet (and
// the packet list's context menu), Delete All Comments of every selected packet; comments added
// during a live capture kept by Save, Save As and Export Specified Packets (tshark and RcvMon's
// reader read them back); each comment a Comment item in Expert Info.
#include "capture_controller.h"
#include "expert_info.h"
#include "expert_info_model.h"
#include "expert_scan.h"
#include "fake_capture_backend.h"
#include "file/capture_file_reader.h"
#include "file/capture_file_writer.h"
#include "furniture_test_window.h"
#include "main_window.h"
#include "modal_answer.h"
#include "packet_comment_actions.h"
#include "packet_comment_dialog.h"
#include "packet_comments.h"
#include "packet_detail_model.h"
#include "packet_filter_scan.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "require.h"
#include "save_capture.h"
#include "screenshot.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QTableView>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

#include <map>

using namespace rcvmon;
using rcvmon::test::openSampleWindow;

namespace {

// The "Packet comments" tree's comment lines; empty when the tree has none.
QStringList commentLines(MainWindow& window)
{
    const QAbstractItemModel* model = window.detailTree()->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex top = model->index(r, 0);
        if (top.data().toString() != QStringLiteral("Packet comments")) continue;
        QStringList lines;
        for (int c = 0; c < model->rowCount(top); ++c) lines << model->index(c, 0, top).data().toString();
        return lines;
    }
    return {};
}

QString firstTopLine(MainWindow& window) { return window.detailTree()->model()->index(0, 0).data().toString(); }

bool filterDone(MainWindow& window)
{
    return window.controller()->filterScan()->caughtUp() && !window.controller()->filterScan()->running();
}

std::vector<std::uint64_t> allFrames(MainWindow& window)
{
    std::vector<std::uint64_t> numbers;
    const PacketTableModel* model = window.controller()->tableModel();
    for (int r = 0; r < model->rowCount(); ++r) numbers.push_back(model->frameNumber(r));
    return numbers;
}

// tshark's frame.comment column for the file, one line per frame.
QStringList tsharkComments(const QString& path)
{
    QProcess tshark;
    tshark.start(QStringLiteral("tshark"), {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"),
                                            QStringLiteral("-e"), QStringLiteral("frame.comment")});
    if (!tshark.waitForFinished(60000) || tshark.exitCode() != 0) return {QStringLiteral("tshark failed")};
    return QString::fromUtf8(tshark.readAllStandardOutput()).split(QLatin1Char('\n'));
}

// A copy of the sample with comments in the file: frame number -> its opt_comments.
bool writeCommented(const QString& to, const std::map<std::uint64_t, std::vector<std::string_view>>& comments)
{
    std::string error;
    auto reader = CaptureFileReader::open(RCVMON_SOURCE_DIR "/resources/sample.pcapng", error);
    auto writer = reader ? CaptureFileWriter::create(to.toStdString(), FileFormat::PcapNg, error) : nullptr;
    if (!writer) return false;
    std::map<std::uint32_t, std::uint32_t> interfaces;
    FrameRef frame;
    for (std::uint64_t number = 1; reader->next(frame); ++number) {
        if (!interfaces.count(frame.interfaceId)) {
            InterfaceInfo info = reader->interfaces().at(frame.interfaceId);
            info.linkType = frame.linkType;
            const auto index = writer->addInterface(info, error);
            if (!index) return false;
            interfaces[frame.interfaceId] = *index;
        }
        const auto it = comments.find(number);
        writer->setNextComments(it == comments.end() ? std::vector<std::string_view>{} : it->second);
        if (!writer->write(frame, interfaces[frame.interfaceId], error)) return false;
    }
    return writer->commit(error);
}

// The submenu's entries as a user reads them; "--" for a separator.
QStringList menuTexts(const QMenu* menu)
{
    QStringList texts;
    for (const QAction* a : menu->actions()) texts << (a->isSeparator() ? QStringLiteral("--") : a->text());
    return texts;
}

// Every frame's comments as RcvMon's reader reads the file back, and the frame number the fake
// source wrote into each frame's payload (bytes 42..49), to prove which packet carries them.
struct ReadBack {
    std::map<std::uint64_t, QStringList> comments;  // by frame of the file, only those with some
    std::vector<std::uint64_t> sequence;            // [i]: payload number of the file's frame i + 1
};
ReadBack readBack(const QString& path)
{
    ReadBack out;
    std::string error;
    auto reader = CaptureFileReader::open(path.toStdString(), error);
    if (!reader) return out;
    FrameRef frame;
    std::vector<std::string_view> comments;
    for (std::uint64_t number = 1; reader->next(frame); ++number) {
        reader->frameComments(comments);
        for (std::string_view c : comments) out.comments[number] << QString::fromUtf8(c.data(), qsizetype(c.size()));
        std::uint64_t sequence = 0;
        for (int i = 0; i < 8 && frame.data.size() >= 50; ++i) sequence |= std::uint64_t(frame.data[42 + i]) << (8 * i);
        out.sequence.push_back(sequence);
    }
    return out;
}

// Adds `text` to frame `number` through Edit ▸ Packet Comments ▸ Add New Comment….
bool addComment(MainWindow& window, std::uint64_t number, const QString& text)
{
    if (!window.selectFrame(number)) return false;
    if (!QTest::qWaitFor([&] { return window.controller()->detailModel()->packetNumber() == number; }, 20000)) return false;
    auto* actions = window.findChild<PacketCommentActions*>();
    actions->setAsk([&](PacketCommentDialog& dialog) {
        dialog.editor()->setPlainText(text);
        return true;
    });
    window.findChild<QAction*>(QStringLiteral("actionAddPacketComment"))->trigger();
    return window.controller()->packetComments()->edited(number);
}

}  // namespace

class TestPacketCommentsWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("rcvmon-test-comments")); }
    void addShowSaveReopen();
    void deleteAllHidesTheFilesComments();
    void dialogScreenshot();
    void perCommentEditAndDelete();
    void deleteAllFromEverySelectedPacket();
    void contextMenuHoldsTheSubmenu();
    void liveCaptureSaveKeepsTheComments();
    void expertInfoListsTheComments();

private:
    QTemporaryDir m_dir;
};

void TestPacketCommentsWindow::addShowSaveReopen()
{
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    QVERIFY(window->selectFrame(3));
    QTRY_VERIFY_WITH_TIMEOUT(window->controller()->detailModel()->packetNumber() == 3, 20000);
    QVERIFY(commentLines(*window).isEmpty());
    QVERIFY(!window->isWindowModified());

    auto* actions = window->findChild<PacketCommentActions*>();
    QVERIFY(actions);
    QString asked;
    actions->setAsk([&](PacketCommentDialog& dialog) {
        asked = dialog.windowTitle();
        dialog.editor()->setPlainText(QStringLiteral("hello from the window"));
        return true;
    });
    QAction* add = window->findChild<QAction*>(QStringLiteral("actionAddPacketComment"));
    QVERIFY(add);
    QCOMPARE(add->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+C")));
    add->trigger();
    QCOMPARE(asked, QStringLiteral("Packet 3 Comment"));
    // Shown at once, above the Frame tree, and the window has unsaved changes.
    QCOMPARE(firstTopLine(*window), QStringLiteral("Packet comments"));
    QCOMPARE(commentLines(*window), QStringList{QStringLiteral("hello from the window")});
    QVERIFY(window->isWindowModified());
    QVERIFY(window->windowTitle().contains(QStringLiteral("[*] — RcvMon")));  // where Qt shows the "*"
    QVERIFY(window->controller()->packetComments()->modified());

    // The display filter sees the user's comment.
    QVERIFY(window->applyDisplayFilter(QStringLiteral("frame.comment contains \"window\"")));
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(*window), 20000);
    QCOMPARE(window->controller()->tableModel()->rowCount(), 1);
    QCOMPARE(window->controller()->tableModel()->frameNumber(0), std::uint64_t{3});
    QVERIFY(window->applyDisplayFilter(QString()));
    QTRY_VERIFY_WITH_TIMEOUT(window->controller()->tableModel()->rowCount() > 3, 20000);

    // Opening a file asks to save the comments first (they are in no file yet); Save writes
    // every packet with them as pcapng. Reopened, the comment comes from that file.
    const QString out = m_dir.filePath(QStringLiteral("commented.pcapng"));
    window->setFileChooser([&](MainWindow::FileChoice, bool* pcap) {
        *pcap = false;
        return out;
    });
    {
        rcvmon::test::ModalAnswer answer(QStringLiteral("unsavedCommentsPrompt"),
                                         rcvmon::test::ModalAnswer::click(QMessageBox::Save));
        QVERIFY(window->openFile(out));
        QCOMPARE(answer.count(), 1);
    }
    QTRY_VERIFY_WITH_TIMEOUT(window->controller()->state() == CaptureController::State::Loaded, 20000);
    QVERIFY(!window->controller()->packetComments()->modified());
    QVERIFY(!window->isWindowModified());
    QVERIFY(window->selectFrame(3));
    QTRY_COMPARE_WITH_TIMEOUT(commentLines(*window), QStringList{QStringLiteral("hello from the window")}, 20000);

    // tshark reads the comment on frame 3 only.
    RCVMON_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(), rcvmon::test::toolWhat("tshark"));
    const QStringList theirs = tsharkComments(out);
    QVERIFY(theirs.size() > 3);
    QCOMPARE(theirs.at(2), QStringLiteral("hello from the window"));
    QCOMPARE(theirs.count(QString()), theirs.size() - 1);  // every other frame's line is empty (and the end)
}

void TestPacketCommentsWindow::deleteAllHidesTheFilesComments()
{
    // A copy of the sample whose frame 3 carries a comment in the file (opt_comment).
    const QString in = m_dir.filePath(QStringLiteral("commented-in.pcapng"));
    {
        std::string error;
        auto reader = CaptureFileReader::open(RCVMON_SOURCE_DIR "/resources/sample.pcapng", error);
        QVERIFY2(reader, error.c_str());
        auto writer = CaptureFileWriter::create(in.toStdString(), FileFormat::PcapNg, error);
        QVERIFY2(writer, error.c_str());
        std::map<std::uint32_t, std::uint32_t> interfaces;
        FrameRef frame;
        for (std::uint64_t number = 1; reader->next(frame); ++number) {
            if (!interfaces.count(frame.interfaceId)) {
                InterfaceInfo info = reader->interfaces().at(frame.interfaceId);
                info.linkType = frame.linkType;
                const auto index = writer->addInterface(info, error);
                QVERIFY2(index, error.c_str());
                interfaces[frame.interfaceId] = *index;
            }
            if (number == 3) writer->setNextComments({"hello from the window"});
            QVERIFY2(writer->write(frame, interfaces[frame.interfaceId], error), error.c_str());
        }
        QVERIFY2(writer->commit(error), error.c_str());
    }
    MainWindow window{CaptureBackend{}};
    window.show();
    QVERIFY(window.openFile(in));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->state() == CaptureController::State::Loaded, 20000);
    QVERIFY(window.selectFrame(3));
    QTRY_COMPARE_WITH_TIMEOUT(commentLines(window), QStringList{QStringLiteral("hello from the window")}, 20000);
    QAction* remove = window.findChild<QAction*>(QStringLiteral("actionDeletePacketComments"));
    QVERIFY(remove);
    remove->trigger();
    QVERIFY(commentLines(window).isEmpty());
    QVERIFY(window.isWindowModified());
    const QString out = m_dir.filePath(QStringLiteral("uncommented.pcapng"));
    QString error;
    QVERIFY2(window.controller()->exportFrames(allFrames(window), out, FileFormat::PcapNg, error), qPrintable(error));
    {
        // Cancel keeps the window as it is; Discard lets the comments go.
        rcvmon::test::ModalAnswer cancel(QStringLiteral("unsavedCommentsPrompt"),
                                         rcvmon::test::ModalAnswer::click(QMessageBox::Cancel));
        QVERIFY(!window.openFile(out));
        QCOMPARE(cancel.count(), 1);
    }
    QVERIFY(commentLines(window).isEmpty());
    {
        rcvmon::test::ModalAnswer discard(QStringLiteral("unsavedCommentsPrompt"),
                                          rcvmon::test::ModalAnswer::click(QMessageBox::Discard));
        QVERIFY(window.openFile(out));
        QCOMPARE(discard.count(), 1);
    }
    QVERIFY(!window.isWindowModified());
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->state() == CaptureController::State::Loaded, 20000);
    QVERIFY(window.selectFrame(3));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->detailModel()->packetNumber() == 3, 20000);
    QVERIFY(commentLines(window).isEmpty());  // the export has none
    RCVMON_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(), rcvmon::test::toolWhat("tshark"));
    const QStringList theirs = tsharkComments(out);
    QVERIFY(theirs.size() > 3);
    QCOMPARE(theirs.count(QString()), theirs.size());
}

void TestPacketCommentsWindow::dialogScreenshot()
{
    QWidget parent;
    PacketCommentDialog dialog(3, QString(), &parent);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());  // no text yet
    QTest::keyClicks(dialog.editor(), QStringLiteral("Retransmission starts here"));
    QVERIFY(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
    rcvmon::test::saveScreenshot(&dialog, QStringLiteral("packet_comment_dialog.png"));
}

void TestPacketCommentsWindow::perCommentEditAndDelete()
{
    const QString in = m_dir.filePath(QStringLiteral("two-comments.pcapng"));
    QVERIFY(writeCommented(in, {{3, {"first comment", "line one\nline two that is long enough to be cut at forty characters"}}}));
    MainWindow window{CaptureBackend{}};
    window.show();
    QVERIFY(window.openFile(in));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->state() == CaptureController::State::Loaded, 20000);
    QVERIFY(window.selectFrame(3));
    QTRY_COMPARE_WITH_TIMEOUT(commentLines(window).size(), 2, 20000);
    auto* actions = window.findChild<PacketCommentActions*>();
    QVERIFY(actions);
    actions->rebuildMenu();
    // Wireshark 4.0's entries: one line, at most 40 characters and "…".
    const QString second = QStringLiteral("line one line two that is long enough to…");
    QCOMPARE(menuTexts(actions->menu()),
             (QStringList{QStringLiteral("Add New Comment…"), QStringLiteral("--"),
                          QStringLiteral("Edit \"first comment\""), QStringLiteral("Edit \"%1\"").arg(second),
                          QStringLiteral("--"), QStringLiteral("Delete \"first comment\""),
                          QStringLiteral("Delete \"%1\"").arg(second), QStringLiteral("--"),
                          QStringLiteral("Delete All Comments")}));
    QCOMPARE(PacketCommentActions::menuText(QStringLiteral("  \n ")), QStringLiteral("(empty comment)"));

    // Edit opens the dialog with the comment's text and replaces it in place.
    QString shown;
    actions->setAsk([&](PacketCommentDialog& dialog) {
        shown = dialog.text();
        dialog.editor()->setPlainText(QStringLiteral("edited first"));
        return true;
    });
    QAction* edit0 = actions->menu()->findChild<QAction*>(QStringLiteral("actionEditPacketComment0"));
    QVERIFY(edit0);
    edit0->trigger();
    QCOMPARE(shown, QStringLiteral("first comment"));
    QCOMPARE(commentLines(window).size(), 2);
    QCOMPARE(commentLines(window).at(0), QStringLiteral("edited first"));
    QVERIFY(window.isWindowModified());
    // Cancel changes nothing.
    actions->rebuildMenu();
    actions->setAsk([](PacketCommentDialog&) { return false; });
    actions->menu()->findChild<QAction*>(QStringLiteral("actionEditPacketComment1"))->trigger();
    QCOMPARE(commentLines(window).size(), 2);

    // Delete takes that one comment only.
    actions->rebuildMenu();
    QCOMPARE(actions->menu()->actions().at(5)->text(), QStringLiteral("Delete \"edited first\""));
    actions->menu()->findChild<QAction*>(QStringLiteral("actionDeletePacketComment1"))->trigger();
    QCOMPARE(commentLines(window), QStringList{QStringLiteral("edited first")});
    actions->rebuildMenu();
    QCOMPARE(menuTexts(actions->menu()),
             (QStringList{QStringLiteral("Add New Comment…"), QStringLiteral("--"), QStringLiteral("Edit \"edited first\""),
                          QStringLiteral("--"), QStringLiteral("Delete \"edited first\""), QStringLiteral("--"),
                          QStringLiteral("Delete All Comments")}));

    // Exported, tshark reads what the window shows.
    const QString out = m_dir.filePath(QStringLiteral("edited.pcapng"));
    QString error;
    QVERIFY2(window.controller()->exportFrames(allFrames(window), out, FileFormat::PcapNg, error), qPrintable(error));
    RCVMON_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(), rcvmon::test::toolWhat("tshark"));
    QCOMPARE(tsharkComments(out).at(2), QStringLiteral("edited first"));
    window.setWindowModified(false);  // no question at the end
}

void TestPacketCommentsWindow::deleteAllFromEverySelectedPacket()
{
    const QString in = m_dir.filePath(QStringLiteral("three-commented.pcapng"));
    QVERIFY(writeCommented(in, {{2, {"on two"}}, {3, {"on three", "again"}}, {5, {"on five"}}}));
    MainWindow window{CaptureBackend{}};
    window.show();
    QVERIFY(window.openFile(in));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->state() == CaptureController::State::Loaded, 20000);
    // Frames 3, 4 and 5 selected (rows 2..4: no filter).
    QTableView* table = window.packetTable();
    table->selectionModel()->select(QItemSelection(table->model()->index(2, 0), table->model()->index(4, 0)),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    auto* actions = window.findChild<PacketCommentActions*>();
    actions->rebuildMenu();
    // Several packets: no per-comment entries, as in Wireshark.
    QCOMPARE(menuTexts(actions->menu()),
             (QStringList{QStringLiteral("Add New Comment…"), QStringLiteral("--"), QStringLiteral("Delete All Comments")}));
    QVERIFY(!actions->addComment());  // a comment goes to one packet
    window.findChild<QAction*>(QStringLiteral("actionDeletePacketComments"))->trigger();
    PacketComments* comments = window.controller()->packetComments();
    QVERIFY(comments->edited(3) && comments->edited(5));
    QVERIFY(!comments->edited(4));  // it had none: nothing to change
    QVERIFY(!comments->edited(2));  // not selected
    const QString out = m_dir.filePath(QStringLiteral("deleted-three.pcapng"));
    QString error;
    QVERIFY2(window.controller()->exportFrames(allFrames(window), out, FileFormat::PcapNg, error), qPrintable(error));
    RCVMON_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(), rcvmon::test::toolWhat("tshark"));
    const QStringList theirs = tsharkComments(out);
    QCOMPARE(theirs.at(1), QStringLiteral("on two"));
    QCOMPARE(theirs.count(QString()), theirs.size() - 1);
    window.setWindowModified(false);
    comments->markSaved();
}

void TestPacketCommentsWindow::contextMenuHoldsTheSubmenu()
{
    const QString in = m_dir.filePath(QStringLiteral("context.pcapng"));
    QVERIFY(writeCommented(in, {{4, {"Retransmission starts here", "Check the window size"}}}));
    MainWindow window{CaptureBackend{}};
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(in));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->state() == CaptureController::State::Loaded, 20000);
    QVERIFY(window.selectFrame(4));
    QTableView* table = window.packetTable();
    QCOMPARE(table->contextMenuPolicy(), Qt::CustomContextMenu);
    auto* actions = window.findChild<PacketCommentActions*>();
    const QRect row = table->visualRect(table->model()->index(3, 1));
    emit table->customContextMenuRequested(row.center());
    QMenu* context = actions->contextMenu();
    QTRY_VERIFY_WITH_TIMEOUT(context->isVisible(), 20000);
    QVERIFY(context->actions().contains(actions->menu()->menuAction()));
    QCOMPARE(actions->menu()->menuAction()->text(), QStringLiteral("Packet Comments"));
    // The submenu opened from the context menu lists the packet's comments.
    context->setActiveAction(actions->menu()->menuAction());
    actions->menu()->popup(context->geometry().topRight());
    QTRY_VERIFY_WITH_TIMEOUT(actions->menu()->isVisible(), 20000);
    QVERIFY(menuTexts(actions->menu()).contains(QStringLiteral("Delete \"Check the window size\"")));
    rcvmon::test::saveScreenshot(actions->menu(), QStringLiteral("packet_comments_menu.png"));
    actions->menu()->findChild<QAction*>(QStringLiteral("actionDeletePacketComment0"))->trigger();
    actions->menu()->close();
    context->close();
    QCOMPARE(commentLines(window), QStringList{QStringLiteral("Check the window size")});
    window.setWindowModified(false);
    window.controller()->packetComments()->markSaved();
}

void TestPacketCommentsWindow::liveCaptureSaveKeepsTheComments()
{
    RCVMON_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(), rcvmon::test::toolWhat("tshark"));
    QSettings().clear();
    QSettings().setValue(QStringLiteral("spool/directory"), m_dir.filePath(QStringLiteral("live-spool")));
    rcvmon::test::FakeCaptureSource::Shared shared;
    shared.framesPerPoll = 5;
    MainWindow window(rcvmon::test::fakeCaptureBackend(shared));
    window.show();
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QVERIFY(window.controller()->spool());
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->tableModel()->rowCount() >= 60, 30000);
    QVERIFY(addComment(window, 10, QStringLiteral("live ten")));
    QVERIFY(addComment(window, 20, QStringLiteral("a")));
    QVERIFY(addComment(window, 20, QStringLiteral("b")));
    QVERIFY(window.isWindowModified());

    // Save As while capturing: every packet so far, the comments on their packets.
    const QString during = m_dir.filePath(QStringLiteral("live-during.pcapng"));
    window.setFileChooser([&](MainWindow::FileChoice, bool* pcap) {
        *pcap = false;
        return during;
    });
    QVERIFY(window.saving()->saveAs());
    QCOMPARE(window.controller()->state(), CaptureController::State::Capturing);
    QVERIFY(!window.controller()->packetComments()->modified());
    QVERIFY(!window.isWindowModified());
    QStringList theirs = tsharkComments(during);
    QVERIFY(theirs.size() > 60);
    QCOMPARE(theirs.at(9), QStringLiteral("live ten"));
    QCOMPARE(theirs.at(19), QStringLiteral("a,b"));
    QCOMPARE(theirs.count(QString()), theirs.size() - 2);
    ReadBack ours = readBack(during);
    QCOMPARE(ours.comments.size(), std::size_t{2});
    QCOMPARE(ours.comments[10], QStringList{QStringLiteral("live ten")});
    QCOMPARE(ours.comments[20], (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(ours.sequence.at(9), std::uint64_t{10});  // the packet the user commented
    QCOMPARE(ours.sequence.at(19), std::uint64_t{20});

    // Stopped, a comment more and one deleted: File ▸ Save writes the same file again.
    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
    QVERIFY(addComment(window, 30, QStringLiteral("after the stop")));
    QVERIFY(window.selectFrame(10));
    auto* actions = window.findChild<PacketCommentActions*>();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->detailModel()->packetNumber() == 10, 20000);
    QVERIFY(actions->deleteComment(0));
    QVERIFY(window.isWindowModified());
    window.findChild<QAction*>(QStringLiteral("actionSave"))->trigger();
    QVERIFY2(window.messageText().isEmpty(), qPrintable(window.messageText()));
    QVERIFY(!window.isWindowModified());
    theirs = tsharkComments(during);
    QCOMPARE(theirs.at(9), QString());
    QCOMPARE(theirs.at(19), QStringLiteral("a,b"));
    QCOMPARE(theirs.at(29), QStringLiteral("after the stop"));
    QCOMPARE(qsizetype(theirs.size() - 1), qsizetype(window.controller()->tableModel()->rowCount()));
    ours = readBack(during);
    QCOMPARE(ours.comments.size(), std::size_t{2});
    QCOMPARE(ours.sequence.at(29), std::uint64_t{30});

    // Export Specified Packets of the stopped capture: frames 20 and 30 with their comments.
    const QString exported = m_dir.filePath(QStringLiteral("live-export.pcapng"));
    window.setFileChooser([&](MainWindow::FileChoice, bool* pcap) {
        *pcap = false;
        return exported;
    });
    QVERIFY(window.exportFrames({20, 30}));
    theirs = tsharkComments(exported);
    QCOMPARE(theirs, (QStringList{QStringLiteral("a,b"), QStringLiteral("after the stop"), QString()}));
    ours = readBack(exported);
    QCOMPARE(ours.sequence, (std::vector<std::uint64_t>{20, 30}));

    // pcap holds no comments: saved as pcap, the window still has unsaved comments.
    QVERIFY(addComment(window, 40, QStringLiteral("not in pcap")));
    const QString pcap = m_dir.filePath(QStringLiteral("live.pcap"));
    window.setFileChooser([&](MainWindow::FileChoice, bool* isPcap) {
        *isPcap = true;
        return pcap;
    });
    QVERIFY(window.saving()->saveAs());
    QVERIFY(window.isWindowModified());
    QVERIFY(window.controller()->packetComments()->modified());
    window.setWindowModified(false);
    window.controller()->packetComments()->markSaved();
}

void TestPacketCommentsWindow::expertInfoListsTheComments()
{
    const QString in = m_dir.filePath(QStringLiteral("expert-comments.pcapng"));
    QVERIFY(writeCommented(in, {{2, {"from the file"}}, {5, {"also from the file"}}}));
    MainWindow window{CaptureBackend{}};
    window.show();
    QVERIFY(window.openFile(in));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->state() == CaptureController::State::Loaded, 20000);
    ExpertScan* scan = window.expertInfo()->scan();
    QTRY_VERIFY_WITH_TIMEOUT(scan->hasResult() && !scan->running(), 30000);
    // Comment items: Comment severity and group, protocol Frame, the comment as summary.
    const auto commentItems = [&] {
        std::map<QString, std::vector<std::uint64_t>> items;
        for (const ExpertTally::Entry& e : scan->result()->entries())
            if (e.severity == ExpertSeverity::Comment && e.group == ExpertGroup::Comment && e.protocol == "Frame")
                items[QString::fromStdString(e.summary)] = e.frames;
        return items;
    };
    QCOMPARE(commentItems().size(), std::size_t{2});
    QCOMPARE(commentItems()[QStringLiteral("from the file")], std::vector<std::uint64_t>{2});
    // The dialog's model shows them under Comment.
    const ExpertInfoModel& model = *window.expertInfo()->model();
    bool shown = false;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, ExpertInfoModel::Summary).data().toString() == QStringLiteral("also from the file")) {
            QCOMPARE(model.index(r, ExpertInfoModel::Group).data().toString(), QStringLiteral("Comment"));
            QCOMPARE(model.index(r, ExpertInfoModel::Severity).data().toString(), QStringLiteral("Comment"));
            QCOMPARE(model.index(r, ExpertInfoModel::Protocol).data().toString(), QStringLiteral("Frame"));
            shown = true;
        }
    QVERIFY(shown);
    // A comment the user adds is scanned again into the list.
    QVERIFY(addComment(window, 7, QStringLiteral("the user's")));
    QTRY_VERIFY_WITH_TIMEOUT(!scan->running() && commentItems().count(QStringLiteral("the user's")), 30000);
    QCOMPARE(commentItems()[QStringLiteral("the user's")], std::vector<std::uint64_t>{7});
    // The tree shows the expert item beneath the comment, and the field filters.
    QVERIFY(window.applyDisplayFilter(QStringLiteral("frame.comment.expert")));
    QTRY_VERIFY_WITH_TIMEOUT(filterDone(window), 20000);
    QCOMPARE(window.controller()->tableModel()->rowCount(), 3);
    QVERIFY(window.applyDisplayFilter(QString()));
    window.setWindowModified(false);
    window.controller()->packetComments()->markSaved();
}

RCVMON_QTEST_MAIN(TestPacketCommentsWindow)
#include "tst_packet_comments_window.moc"
