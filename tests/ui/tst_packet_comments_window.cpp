// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 12 item 8, packet comments in the real window: Edit ▸ Packet Comments ▸ Add New
// Comment… puts the comment in the detail tree (above the Frame tree, as Wireshark 4.0), marks
// the window modified, filters see it, Export Specified Packets writes it as pcapng opt_comment
// that tshark reads, and reopening the export shows it from the file; Delete All Comments hides
// a file's comments. The dialog's screenshot goes to <build>/screenshots/.
#include "capture_controller.h"
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
#include "screenshot.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QProcess>
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

}  // namespace

class TestPacketCommentsWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("rcvmon-test-comments")); }
    void addShowSaveReopen();
    void deleteAllHidesTheFilesComments();
    void dialogScreenshot();

private:
    QTemporaryDir m_dir;
};

void TestPacketCommentsWindow::addShowSaveReopen()
{
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    QVERIFY(window->selectFrame(3));
    QTRY_VERIFY_WITH_TIMEOUT(window->controller()->detailModel()->packetNumber() == 3, 5000);
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
    QTRY_COMPARE_WITH_TIMEOUT(commentLines(*window), QStringList{QStringLiteral("hello from the window")}, 5000);

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
    QTRY_COMPARE_WITH_TIMEOUT(commentLines(window), QStringList{QStringLiteral("hello from the window")}, 5000);
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
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->detailModel()->packetNumber() == 3, 5000);
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

RCVMON_QTEST_MAIN(TestPacketCommentsWindow)
#include "tst_packet_comments_window.moc"
