// SPDX-License-Identifier: GPL-2.0-or-later
// The packet list's view bounds the stream replays one paint waits for: a jump to rows whose
// streams all need replaying paints with at most FrameReplay::PaintFrames frames replayed, and
// the rows past the budget get their in-order text (here a TCP retransmission) once their
// replays land on the timer. Its scroll bar is painted in bands the raster engine fills on the
// GUI thread, and a scroll step asks where the pointer is only when it is over the rows.
#include "banded_scroll_bar_style.h"
#include "capture_controller.h"
#include "dissector_decoder.h"
#include "fill_rows_recorder.h"
#include "frame_replay.h"
#include "packet_table_model.h"
#include "packet_table_view.h"
#include "qtest_main.h"
#include "stream_chain_index.h"
#include "stream_replay_captures.h"

#include <QAbstractItemModelTester>
#include <QCursor>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace rcvmon;
using namespace rcvmon::test;

class TestPacketTableView : public QObject {
    Q_OBJECT
private slots:
    void paintReplaysWithinItsBudget();
    void scrollBarIsPaintedInBandsFilledOnTheGuiThread();
    void scrollStepOverTheRowsHoversTheRowUnderThePointer();
    void scrollStepOutsideTheRowsLeavesThePointerAlone();
};

namespace {
// Rows that always have more to fetch, counting the fetches.
class EndlessRows : public QStandardItemModel {
public:
    EndlessRows() : QStandardItemModel(5000, 1) {}
    bool canFetchMore(const QModelIndex&) const override { return true; }
    void fetchMore(const QModelIndex&) override { ++fetches; }
    int fetches = 0;
};

// A view over `model`, shown and exposed.
std::unique_ptr<PacketTableView> shownView(QAbstractItemModel* model)
{
    auto view = std::make_unique<PacketTableView>(PacketTableView::ReplayLookup{});
    view->setModel(model);
    view->move(50, 50);
    view->resize(400, 600);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get())) return nullptr;
    return view;
}

// A point over the first column's cells, halfway down.
QPoint overTheRows(const QWidget& viewport)
{
    return {10, viewport.height() / 2};
}

// A shown view of model with the pointer over its rows, as the view's enter event told it.
std::unique_ptr<PacketTableView> shownViewUnderPointer(QAbstractItemModel* model)
{
    auto view = shownView(model);
    if (!view) return nullptr;
    QWidget& rows = *view->viewport();
    QCursor::setPos(rows.mapToGlobal(overTheRows(rows)));
    if (!QTest::qWaitFor([&] { return rows.underMouse(); })) return nullptr;
    return view;
}

int rowUnderPointer(const QTableView& view)
{
    return view.rowAt(view.viewport()->mapFromGlobal(QCursor::pos()).y());
}
}  // namespace

void TestPacketTableView::paintReplaysWithinItsBudget()
{
    // The last rows are one retransmission per stream, each needing its stream's 40 segments:
    // a screen of them is several times the budget.
    constexpr std::uint32_t Streams = 60, Segments = 40;
    const std::vector<Bytes> frames = streamsWithRetransmittedEnds(Streams, Segments);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("streams.pcap"));
    QVERIFY(writePcap(path, frames));

    CaptureController controller([] { return makeDissectorDecoder(); });
    PacketTableView view([&controller] { return controller.frameReplay(); });
    view.setModel(controller.tableModel());
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 4);
    view.resize(900, 40 * (view.fontMetrics().height() + 4));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QString error;
    QVERIFY2(controller.openFile(path, error), qPrintable(error));
    PacketTableModel& table = *controller.tableModel();
    QVERIFY(QTest::qWaitFor([&] {
        return controller.state() == CaptureController::State::Loaded && controller.chainIndex()->caughtUp() &&
               table.rowCount() == int(frames.size());
    }, 60000));
    FrameReplay& replay = *controller.frameReplay();
    QVERIFY(QTest::qWaitFor([&] { return !replay.busy(); }, 60000));
    view.scrollToTop();
    QTest::qWait(0);

    // The jump: the retransmissions fill the screen.
    const FrameReplay::Counts before = replay.counts();
    view.scrollToBottom();
    view.viewport()->repaint();
    const int top = view.rowAt(0), bottom = view.rowAt(view.viewport()->height() - 1);
    QVERIFY(top >= int(frames.size() - Streams));
    QCOMPARE(bottom, table.rowCount() - 1);
    const std::uint64_t shown = std::uint64_t(bottom - top + 1);
    QVERIFY2(shown * Segments > 2 * FrameReplay::PaintFrames, qPrintable(QString::number(shown)));
    const std::uint64_t replayed = replay.counts().framesDissected - before.framesDissected;
    QVERIFY2(replayed <= FrameReplay::PaintFrames + shown, qPrintable(QString::number(replayed)));
    QVERIFY(replay.counts().deferred > before.deferred);

    // Soon after, every row shown reads as in file order.
    QVERIFY(QTest::qWaitFor([&] { return !replay.busy(); }, 60000));
    QTest::qWait(0);
    for (int row = top; row <= bottom; ++row) {
        const QString info = table.data(table.index(row, PacketTableModel::Info)).toString();
        QVERIFY2(info.startsWith(QLatin1String("[TCP Retransmission]")), qPrintable(QStringLiteral("row %1: %2").arg(row).arg(info)));
    }
}

void TestPacketTableView::scrollBarIsPaintedInBandsFilledOnTheGuiThread()
{
    QStandardItemModel model(5000, 1);
    QAbstractItemModelTester tester(&model);
    const std::unique_ptr<PacketTableView> view = shownView(&model);
    QVERIFY(view);
    QScrollBar& bar = *view->verticalScrollBar();
    QVERIFY(bar.isVisible());
    QVERIFY2(bar.height() > 2 * BandedScrollBarStyle::FillRows, qPrintable(QString::number(bar.height())));
    bar.setValue(bar.maximum() / 2);

    FillRowsRecorder rows(bar.size());
    bar.render(&rows, {}, {}, QWidget::DrawChildren);
    QVERIFY(rows.tallestFill() > 0);
    QVERIFY2(rows.tallestFill() <= BandedScrollBarStyle::FillRows, qPrintable(QString::number(rows.tallestFill())));
}

void TestPacketTableView::scrollStepOverTheRowsHoversTheRowUnderThePointer()
{
    EndlessRows model;
    QAbstractItemModelTester tester(&model);
    const std::unique_ptr<PacketTableView> view = shownViewUnderPointer(&model);
    QVERIFY(view);
    QSignalSpy entered(view.get(), &QAbstractItemView::entered);

    view->verticalScrollBar()->setValue(100);
    QVERIFY(!entered.isEmpty());
    QCOMPARE(entered.last().at(0).toModelIndex().row(), rowUnderPointer(*view));
}

void TestPacketTableView::scrollStepOutsideTheRowsLeavesThePointerAlone()
{
    EndlessRows model;
    QAbstractItemModelTester tester(&model);
    // The pointer is over the rows as the window system would answer a query, but the view was
    // told it left (the state enter and leave events keep): a scroll step must take the view's
    // word for it and not ask, so it hovers nothing.
    const std::unique_ptr<PacketTableView> view = shownViewUnderPointer(&model);
    QVERIFY(view);
    QWidget& rows = *view->viewport();
    rows.setAttribute(Qt::WA_UnderMouse, false);
    QSignalSpy entered(view.get(), &QAbstractItemView::entered);

    view->verticalScrollBar()->setValue(100);
    QVERIFY2(entered.isEmpty(), "the scroll step asked where the pointer is");

    // What the base class does besides the hover still happens: the last row asks for more.
    const int fetches = model.fetches;
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
    QVERIFY(model.fetches > fetches);
    QVERIFY(entered.isEmpty());
}

RCVMON_QTEST_MAIN(TestPacketTableView)
#include "tst_packet_table_view.moc"
