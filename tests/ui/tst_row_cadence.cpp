// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 11 item 1: the event loop stays responsive while a live capture's list grows to
// millions of rows. QTableView's header does work in proportion to ALL rows after each insert
// or remove (it recomputes every row's position), so the packet list takes in new rows at a
// cadence that grows with the list (row_sync_cadence.h). Checked as an invariant on the real
// controller and model: consecutive inserts are never closer than the cadence for the rows
// shown — a slow machine only spaces them further, so this cannot fail from load.
#include "capture_controller.h"
#include "fake_capture_source.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "row_sync_cadence.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace rcvmon;
using rcvmon::test::FakeCaptureSource;

class TestRowCadence : public QObject {
    Q_OBJECT
private slots:
    void cadenceGrowsWithTheList();
    void insertsOfAGrowingCaptureFollowTheCadence();
};

void TestRowCadence::cadenceGrowsWithTheList()
{
    QCOMPARE(rowSyncIntervalMs(0), MinRowSyncMs);
    QCOMPARE(rowSyncIntervalMs(600000), MinRowSyncMs);  // a small list: every ingest tick
    QVERIFY(rowSyncIntervalMs(2000000) > MinRowSyncMs);
    QVERIFY(rowSyncIntervalMs(2000000) < rowSyncIntervalMs(10000000));
    QCOMPARE(rowSyncIntervalMs(1000000000), MaxRowSyncMs);  // the tail still moves
}

void TestRowCadence::insertsOfAGrowingCaptureFollowTheCadence()
{
    constexpr int Wanted = 1600000;  // past 680,000 rows the cadence is slower than the ingest tick
    QTemporaryDir spool;
    QVERIFY(spool.isValid());
    CaptureController controller(nullptr);
    controller.setSpoolDirectory(spool.path());
    PacketTableModel* table = controller.tableModel();
    struct Insert {
        qint64 atMs;
        int rowsBefore;
    };
    std::vector<Insert> inserts;
    QElapsedTimer clock;
    clock.start();
    connect(table, &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex&, int first, int) { inserts.push_back({clock.elapsed(), first}); });
    FakeCaptureSource::Shared shared;
    QString error;
    // 5,000 frames a poll, about 100 polls a second: far more than the list needs.
    QVERIFY2(controller.startCapture(std::make_unique<FakeCaptureSource>("fake0", CaptureMode::On, shared, 5000), error),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= Wanted, 280000);
    const std::size_t live = inserts.size();  // what stop() adds is the last drain, not the cadence
    controller.stop();

    int slowerThanTick = 0;
    for (std::size_t i = 1; i < live; ++i) {
        const qint64 gap = inserts[i].atMs - inserts[i - 1].atMs;
        const int due = rowSyncIntervalMs(static_cast<std::uint64_t>(inserts[i].rowsBefore));
        if (due == MinRowSyncMs) continue;  // a small list takes every ingest tick
        // 2 ms for the two clocks (the controller's and this one) reading apart.
        QVERIFY2(gap + 2 >= due, qPrintable(QStringLiteral("insert %1 at %2 rows came %3 ms after the one before; the cadence is %4 ms")
                                                .arg(i).arg(inserts[i].rowsBefore).arg(gap).arg(due)));
        ++slowerThanTick;
    }
    // The slower cadence was reached and held, not just the first few ticks.
    QVERIFY2(slowerThanTick >= 3, qPrintable(QString::number(slowerThanTick)));
    QVERIFY(table->rowCount() >= Wanted);
}

RCVMON_QTEST_MAIN(TestRowCadence)
#include "tst_row_cadence.moc"
