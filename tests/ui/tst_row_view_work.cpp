// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 11 item 6: the window's work per batch of a live capture does not grow with the rows
// it holds. Counted, not timed: a real QTableView (offscreen) follows the tail of a capture
// growing to a million rows through the real controller, model and dissector, and after every
// batch the view dissected text for the rows it shows and no others; each batch is one
// rowsInserted at the end; the model never resets.
#include "capture_controller.h"
#include "dissector_decoder.h"
#include "fake_capture_source.h"
#include "packet_table_model.h"
#include "qtest_main.h"

#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace rcvmon;
using rcvmon::test::FakeCaptureSource;

class TestRowViewWork : public QObject {
    Q_OBJECT
private slots:
    void followingTheTailDissectsOnlyTheShownRows();
};

void TestRowViewWork::followingTheTailDissectsOnlyTheShownRows()
{
    constexpr int Wanted = 1000000;
    QTemporaryDir spool;
    QVERIFY(spool.isValid());
    CaptureController controller([] { return makeDissectorDecoder(); });
    controller.setSpoolDirectory(spool.path());
    controller.setProcessMapFactory(nullptr);  // no Process column: only the rows' own text
    PacketTableModel* table = controller.tableModel();

    QTableView view;
    view.setModel(table);
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 4);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int shown = view.viewport()->height() / view.verticalHeader()->defaultSectionSize() + 2;

    struct Batch {
        int rowsBefore;
        int rowsAdded;
        std::uint64_t textBuildsBefore;  // what the view dissected for the batch before this one
    };
    std::vector<Batch> batches;
    int resets = 0;
    connect(table, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex&, int first, int last) {
        batches.push_back({first, last - first + 1, table->textBuilds()});
        view.scrollToBottom();  // following the tail, as the window does
    });

    FakeCaptureSource::Shared shared;
    QString error;
    QVERIFY2(controller.startCapture(std::make_unique<FakeCaptureSource>("fake0", CaptureMode::On, shared, 5000), error),
             qPrintable(error));
    // The one reset is the new store's, at the start.
    connect(table, &QAbstractItemModel::modelReset, this, [&] { ++resets; });
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= Wanted, 280000);
    controller.stop();
    QTest::qWait(0);

    QVERIFY2(batches.size() >= 10, qPrintable(QString::number(batches.size())));
    QCOMPARE(resets, 0);
    // Each batch: one insert of many rows at the end (never row by row), and between two
    // batches the view dissected a few screens of rows at most: the rows it shows, each alone
    // and again once the in-order pass reaches it (a refresh that can land in the next batch) —
    // at 5,000 rows as at 900,000.
    std::uint64_t mostPerBatch = 0;
    int bigListBatches = 0;
    for (std::size_t i = 1; i < batches.size(); ++i) {
        QCOMPARE(batches[i].rowsBefore, batches[i - 1].rowsBefore + batches[i - 1].rowsAdded);
        const std::uint64_t built = batches[i].textBuildsBefore - batches[i - 1].textBuildsBefore;
        QVERIFY2(built <= 4 * static_cast<std::uint64_t>(shown),
                 qPrintable(QStringLiteral("batch %1 at %2 rows: %3 rows dissected, %4 shown")
                                .arg(i).arg(batches[i].rowsBefore).arg(built).arg(shown)));
        mostPerBatch = std::max(mostPerBatch, built);
        if (batches[i].rowsBefore >= Wanted / 2) ++bigListBatches;
    }
    QVERIFY2(mostPerBatch > 0, "the view never showed the new rows");  // it did follow the tail
    QVERIFY(bigListBatches >= 3);
    // The whole capture: text for a few screens' worth of rows, not for the list; the same
    // bound per batch as above (each shown row alone, then again in order).
    QVERIFY2(table->textBuilds() <= static_cast<std::uint64_t>(batches.size() + 2) * 4 * static_cast<std::uint64_t>(shown),
             qPrintable(QStringLiteral("%1 rows dissected in %2 batches, %3 shown")
                            .arg(table->textBuilds()).arg(batches.size()).arg(shown)));
    QVERIFY(table->textBuilds() < static_cast<std::uint64_t>(table->rowCount()) / 100);
}

RCVMON_QTEST_MAIN(TestRowViewWork)
#include "tst_row_view_work.moc"
