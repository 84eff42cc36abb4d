// SPDX-License-Identifier: GPL-2.0-or-later
// The packet list's custom columns in the real window, over a capture built here: Apply as
// Column from the detail tree adds the field's column (its values as tshark prints them),
// cells are made only for the rows shown, an occurrence picks one value, the layout is
// kept in QSettings for the next window, and a custom column can be removed again.
#include "capture_controller.h"
#include "column_editor_dialog.h"
#include "custom_columns_model.h"
#include "main_window.h"
#include "packet_columns.h"
#include "packet_detail_model.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "screenshot.h"

#include "../capture/dissect/packet_builder.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QHeaderView>
#include <QPushButton>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace rcvmon;
namespace pb = rcvmon::test;

namespace {

constexpr int kFrames = 6000;

// Big-endian pcap (Ethernet): TCP from port 40000+i to 80; every third frame an ICMP port
// unreachable quoting a UDP datagram 5000 → 53, so its IP fields occur twice.
QByteArray capture()
{
    pb::Bytes f;
    pb::put32(f, 0xa1b2c3d4);
    pb::put16(f, 2);
    pb::put16(f, 4);
    pb::put32(f, 0);
    pb::put32(f, 0);
    pb::put32(f, 65535);
    pb::put32(f, 1);
    for (int i = 0; i < kFrames; ++i) {
        const pb::Bytes payload = {'x'};
        const auto quoted = pb::ipv4(17, pb::udp(5000, 53, payload), pb::kIpB, pb::kIpA);
        const auto frame = i % 3 == 2 ? pb::ethernet(0x0800, pb::ipv4(1, pb::icmpError(3, 3, quoted)))
                                      : pb::ethernet(0x0800, pb::ipv4(6, pb::tcp(std::uint16_t(40000 + i % 1000), 80, 1, 0, 0x10, payload)));
        pb::put32(f, 1700000000u + std::uint32_t(i));
        pb::put32(f, 0);
        pb::put32(f, std::uint32_t(frame.size()));
        pb::put32(f, std::uint32_t(frame.size()));
        pb::append(f, frame);
    }
    return QByteArray(reinterpret_cast<const char*>(f.data()), qsizetype(f.size()));
}

QModelIndex findField(const QAbstractItemModel& model, const QString& field, const QModelIndex& parent = {})
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        if (i.data(PacketDetailModel::FieldNameRole).toString() == field) return i;
        if (const QModelIndex found = findField(model, field, i); found.isValid()) return found;
    }
    return {};
}

}  // namespace

class TestPacketColumns : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void applyAsColumnFromTheDetailTree();
    void cellsAreMadeForShownRowsOnly();
    void occurrencePicksOneValue();
    void layoutIsKeptForTheNextWindow();
    void removeColumn();
    void editorRenamesReordersAndRejectsUnknownFields();

private:
    MainWindow* openWindow();

    QTemporaryDir m_dir;
    QString m_capture;
};

void TestPacketColumns::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_packet_columns-%1").arg(QCoreApplication::applicationPid()));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_capture = m_dir.filePath(QStringLiteral("columns.pcap"));
    QFile file(m_capture);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(capture()) > 0);
}

MainWindow* TestPacketColumns::openWindow()
{
    auto* window = new MainWindow(CaptureBackend{});
    window->resize(1400, 800);
    window->show();
    QSignalSpy loaded(window->controller(), &CaptureController::loadFinished);
    if (!window->openFile(m_capture)) return window;
    if (loaded.count() == 0) loaded.wait(30000);
    // Checked by the callers: a window whose rows did not all arrive fails their comparisons.
    (void)QTest::qWaitFor([window] { return window->controller()->tableModel()->rowCount() == kFrames; }, 30000);
    return window;
}

void TestPacketColumns::applyAsColumnFromTheDetailTree()
{
    std::unique_ptr<MainWindow> window(openWindow());
    QCOMPARE(window->controller()->tableModel()->rowCount(), kFrames);
    QAbstractItemModel* model = window->packetTable()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int ownColumns = PacketTableModel::ColumnCount;
    QCOMPARE(model->columnCount(), ownColumns);

    window->packetTable()->selectRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(findField(*window->detailTree()->model(), QStringLiteral("tcp.dstport")).isValid(), 10000);
    window->detailTree()->setCurrentIndex(findField(*window->detailTree()->model(), QStringLiteral("tcp.dstport")));
    auto* action = window->findChild<QAction*>(QStringLiteral("actionApplyAsColumn"));
    QVERIFY(action);
    action->trigger();

    QCOMPARE(model->columnCount(), ownColumns + 1);
    QCOMPARE(model->headerData(ownColumns, Qt::Horizontal).toString(), QStringLiteral("Destination Port"));
    QCOMPARE(model->index(0, ownColumns).data().toString(), QStringLiteral("80"));
    QCOMPARE(model->index(2, ownColumns).data().toString(), QString());  // ICMP: no TCP port
    // The table's own columns and the row's frame are unchanged behind the new one.
    QCOMPARE(model->index(1, PacketTableModel::Protocol).data().toString(), QStringLiteral("TCP"));
    QCOMPARE(model->index(1, ownColumns).data(PacketTableModel::FrameNumberRole).toULongLong(), 2u);
    // The same field twice is still one column.
    QVERIFY(window->packetColumns()->applyAsColumn(QStringLiteral("tcp.dstport")));
    QCOMPARE(model->columnCount(), ownColumns + 1);
    QVERIFY(!window->packetColumns()->applyAsColumn(QStringLiteral("no.such.field")));
    rcvmon::test::saveScreenshot(window.get(), QStringLiteral("packet_list_custom_column.png"));
}

void TestPacketColumns::cellsAreMadeForShownRowsOnly()
{
    std::unique_ptr<MainWindow> window(openWindow());
    CustomColumnsModel* model = window->packetColumns()->model();
    QVERIFY(window->packetColumns()->applyAsColumn(QStringLiteral("tcp.srcport")));
    const std::uint64_t before = model->cellBuilds();
    // The last row and the new column (right of the table's own) come into view.
    window->packetTable()->scrollTo(model->index(model->rowCount() - 1, model->firstCustomColumn()));
    window->packetTable()->viewport()->repaint();
    const std::uint64_t shown = model->cellBuilds() - before;
    QVERIFY2(shown > 0, "the visible rows' custom cells were made");
    QVERIFY2(shown < 200, qPrintable(QStringLiteral("%1 of %2 rows dissected").arg(shown).arg(kFrames)));
    // The column added last; frame 5999 (i = 5998) is TCP from 40000 + 998.
    const int column = model->firstCustomColumn() + int(model->columns().size()) - 1;
    QCOMPARE(model->index(model->rowCount() - 2, column).data().toString(), QStringLiteral("40998"));
}

void TestPacketColumns::occurrencePicksOneValue()
{
    std::unique_ptr<MainWindow> window(openWindow());
    CustomColumnsModel* model = window->packetColumns()->model();
    std::vector<CustomColumn> columns = {
        {QStringLiteral("Sources"), QStringLiteral("ip.src"), 0},
        {QStringLiteral("Outer source"), QStringLiteral("ip.src"), 1},
        {QStringLiteral("Quoted source"), QStringLiteral("ip.src"), -1},
        {QStringLiteral("Third source"), QStringLiteral("ip.src"), 3},
    };
    QVERIFY(model->setColumns(columns));
    const int c = model->firstCustomColumn();
    QCOMPARE(model->index(2, c).data().toString(), QStringLiteral("198.18.0.1,198.18.0.2"));
    QCOMPARE(model->index(2, c + 1).data().toString(), QStringLiteral("198.18.0.1"));
    QCOMPARE(model->index(2, c + 2).data().toString(), QStringLiteral("198.18.0.2"));
    QCOMPARE(model->index(2, c + 3).data().toString(), QString());
    QCOMPARE(model->index(0, c + 2).data().toString(), QStringLiteral("198.18.0.1"));
    QVERIFY(!model->setColumns({{QStringLiteral("x"), QStringLiteral("tcp.nonsense"), 0}}));
    QCOMPARE(model->columns().size(), columns.size());
}

void TestPacketColumns::layoutIsKeptForTheNextWindow()
{
    QSettings().remove(QStringLiteral("packetList/customColumns"));
    {
        std::unique_ptr<MainWindow> window(openWindow());
        QVERIFY(window->packetColumns()->applyAsColumn(QStringLiteral("ip.ttl")));
        QVERIFY(window->packetColumns()->applyAsColumn(QStringLiteral("udp.dstport")));
    }
    std::unique_ptr<MainWindow> window(openWindow());
    const auto& columns = window->packetColumns()->model()->columns();
    QCOMPARE(columns.size(), std::size_t(2));
    QCOMPARE(columns[0].field, QStringLiteral("ip.ttl"));
    QCOMPARE(columns[1].field, QStringLiteral("udp.dstport"));
    QAbstractItemModel* model = window->packetTable()->model();
    QCOMPARE(model->index(2, PacketTableModel::ColumnCount + 1).data().toString(), QStringLiteral("53"));
}

void TestPacketColumns::removeColumn()
{
    std::unique_ptr<MainWindow> window(openWindow());
    CustomColumnsModel* model = window->packetColumns()->model();
    QVERIFY(window->packetColumns()->applyAsColumn(QStringLiteral("frame.len")));
    QVERIFY(window->packetColumns()->applyAsColumn(QStringLiteral("ip.id")));
    const std::size_t before = model->columns().size();
    QVERIFY(before >= 2);
    window->packetColumns()->removeColumn(model->firstCustomColumn());
    QCOMPARE(model->columns().size(), before - 1);
    window->packetColumns()->removeColumn(PacketTableModel::Info);  // the table's own: stays
    QCOMPARE(model->columnCount(), PacketTableModel::ColumnCount + int(before) - 1);
    QSettings settings;
    QCOMPARE(settings.beginReadArray(QStringLiteral("packetList/customColumns")), int(before) - 1);
    settings.endArray();
}

void TestPacketColumns::editorRenamesReordersAndRejectsUnknownFields()
{
    std::unique_ptr<MainWindow> window(openWindow());
    CustomColumnsModel* model = window->packetColumns()->model();
    QVERIFY(model->setColumns({{QStringLiteral("TTL"), QStringLiteral("ip.ttl"), 0},
                               {QStringLiteral("Dst"), QStringLiteral("ip.dst"), 1}}));
    auto* action = window->findChild<QAction*>(QStringLiteral("actionColumnEditor"));
    QVERIFY(action);
    action->trigger();
    auto* dialog = window->findChild<ColumnEditorDialog*>();
    QVERIFY(dialog);
    QTableWidget* table = dialog->table();
    // The table's own columns first, then the custom ones.
    const int b = dialog->builtinRows();
    QCOMPARE(b, PacketTableModel::ColumnCount);
    QCOMPARE(table->rowCount(), b + 2);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    rcvmon::test::saveScreenshot(dialog, QStringLiteral("column_editor_dialog.png"));
    // Rename the second, move it up, and try an unknown field first.
    table->item(b + 1, 0)->setText(QStringLiteral("Destination (outer)"));
    table->setCurrentCell(b + 1, 0);
    auto* up = dialog->findChild<QPushButton*>();
    for (QPushButton* button : dialog->findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("Move &Up")) up = button;
    up->click();
    QCOMPARE(table->item(b, 0)->text(), QStringLiteral("Destination (outer)"));
    up->click();  // above the table's last own column: every column moves
    QCOMPARE(table->item(b - 1, 0)->text(), QStringLiteral("Destination (outer)"));
    QCOMPARE(dialog->builtinSection(b), int(PacketTableModel::ColumnCount) - 1);
    table->item(b + 1, 1)->setText(QStringLiteral("ip.nonsense"));
    QVERIFY(!dialog->apply());
    QCOMPARE(model->columns()[0].title, QStringLiteral("TTL"));  // unchanged
    table->item(b + 1, 1)->setText(QStringLiteral("ip.ttl"));
    QVERIFY(dialog->apply());
    QCOMPARE(model->columns()[0].title, QStringLiteral("Destination (outer)"));
    QCOMPARE(model->columns()[1].field, QStringLiteral("ip.ttl"));
    const int c = model->firstCustomColumn();
    QCOMPARE(model->headerData(c, Qt::Horizontal).toString(), QStringLiteral("Destination (outer)"));
    QCOMPARE(model->index(0, c).data().toString(), QStringLiteral("198.18.0.2"));
    // Shown before the table's last own column, as the rows were.
    QHeaderView* header = window->packetTable()->horizontalHeader();
    QCOMPARE(header->visualIndex(c), header->visualIndex(c - 1) - 1);
    // Saved for the next window.
    QSettings settings;
    QCOMPARE(settings.beginReadArray(QStringLiteral("packetList/customColumns")), 2);
    settings.setArrayIndex(0);
    QCOMPARE(settings.value(QStringLiteral("title")).toString(), QStringLiteral("Destination (outer)"));
    settings.endArray();
}

RCVMON_QTEST_MAIN(TestPacketColumns)
#include "tst_packet_columns.moc"
