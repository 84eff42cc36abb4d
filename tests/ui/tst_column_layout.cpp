// SPDX-License-Identifier: GPL-2.0-or-later
// The packet list's column layout in the real window: a built-in column renamed in the column
// editor shows its new title in the header and keeps it in the settings for the next window;
// Resolved (Wireshark's per-column name switch) changes what Source and a custom address
// column show while network names are on (a DNS answer in the capture names the server).
#include "capture_controller.h"
#include "column_editor_dialog.h"
#include "custom_columns_model.h"
#include "main_window.h"
#include "name_resolution.h"
#include "packet_builder.h"
#include "packet_columns.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "require.h"
#include "screenshot.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QHeaderView>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {

constexpr Ip4 kServer{198, 18, 7, 7};
constexpr Ip4 kClient{198, 18, 0, 1};
constexpr Ip4 kResolverAddress{198, 18, 0, 2};

// A standard query response naming kServer edge.example.test.
Bytes dnsAnswer()
{
    Bytes b;
    put16(b, 0x4242);
    put16(b, 0x8180);
    put16(b, 1);
    put16(b, 1);
    put16(b, 0);
    put16(b, 0);
    append(b, dnsName("edge.example.test"));
    put16(b, 1);
    put16(b, 1);
    put16(b, 0xc00c);
    put16(b, 1);
    put16(b, 1);
    put32(b, 60);
    put16(b, 4);
    append(b, kServer);
    return b;
}

bool writeCapture(const QString& path)
{
    const std::vector<Bytes> frames = {
        ethernet(0x0800, ipv4(6, tcp(443, 40001, 1, 1, 0x12), kServer, kClient)),
        ethernet(0x0800, ipv4(17, udp(53, 40000, dnsAnswer()), kResolverAddress, kClient)),
        ethernet(0x0800, ipv4(6, tcp(40001, 443, 1, 2, 0x10), kClient, kServer)),
    };
    Bytes file;
    auto le32 = [&](std::uint32_t v) { for (int i = 0; i < 4; ++i) put8(file, (v >> (8 * i)) & 0xff); };
    auto le16 = [&](std::uint32_t v) { put8(file, v & 0xff); put8(file, v >> 8); };
    le32(0xa1b2c3d4);
    le16(2);
    le16(4);
    le32(0);
    le32(0);
    le32(65535);
    le32(1);
    std::uint32_t second = 1700000000;
    for (const Bytes& f : frames) {
        le32(second++);
        le32(0);
        le32(std::uint32_t(f.size()));
        le32(std::uint32_t(f.size()));
        append(file, f);
    }
    QFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(reinterpret_cast<const char*>(file.data()), qint64(file.size())) == qint64(file.size());
}

QString cell(MainWindow& window, int row, int column)
{
    const QAbstractItemModel* model = window.packetTable()->model();
    return model->data(model->index(row, column)).toString();
}

}  // namespace

class TestColumnLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void renamedBuiltinColumnIsShownAndSaved();
    void resolvedChangesTheCellText();
    void resolvedPortColumnsShowServiceNamesAsTsharkDoes();
    void editorReordersAndHidesEveryColumn();

private:
    bool open(MainWindow& window);
    QTemporaryDir m_dir;
    QString m_capture;
};

void TestColumnLayout::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    // Each slot runs as its own process (one ctest entry per slot), in parallel: own settings.
    QCoreApplication::setApplicationName(QStringLiteral("tst_column_layout-%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(m_dir.isValid());
    m_capture = m_dir.filePath(QStringLiteral("layout.pcap"));
    QVERIFY(writeCapture(m_capture));
}

void TestColumnLayout::init()
{
    QSettings().clear();
}

bool TestColumnLayout::open(MainWindow& window)
{
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    if (!window.openFile(m_capture)) return false;
    if (loaded.isEmpty() && !loaded.wait(20000)) return false;
    return window.packetTable()->model()->rowCount() == 3;
}

void TestColumnLayout::renamedBuiltinColumnIsShownAndSaved()
{
    using C = PacketTableModel;
    {
        MainWindow window(CaptureBackend{});
        window.resize(1200, 600);
        window.show();
        QVERIFY(open(window));
        QAbstractItemModel* model = window.packetTable()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->headerData(C::Source, Qt::Horizontal).toString(), QStringLiteral("Source"));

        auto* action = window.findChild<QAction*>(QStringLiteral("actionColumnEditor"));
        QVERIFY(action);
        action->trigger();
        auto* dialog = window.findChild<ColumnEditorDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTableWidget* table = dialog->table();
        QCOMPARE(table->item(C::Source, ColumnEditorDialog::TitleColumn)->text(), QStringLiteral("Source"));
        // The table's own columns: the title is editable, the field is not, and only
        // Source/Destination have a Resolved box.
        QVERIFY(table->item(C::Source, ColumnEditorDialog::TitleColumn)->flags() & Qt::ItemIsEditable);
        QVERIFY(!(table->item(C::Source, ColumnEditorDialog::FieldColumn)->flags() & Qt::ItemIsEditable));
        QVERIFY(table->item(C::Source, ColumnEditorDialog::ResolvedColumn)->flags() & Qt::ItemIsUserCheckable);
        QVERIFY(!(table->item(C::Protocol, ColumnEditorDialog::ResolvedColumn)->flags() & Qt::ItemIsUserCheckable));
        table->item(C::Source, ColumnEditorDialog::TitleColumn)->setText(QStringLiteral("From"));
        table->item(C::Info, ColumnEditorDialog::TitleColumn)->setText(QStringLiteral("Summary"));
        rcvmon::test::saveScreenshot(dialog, QStringLiteral("column_editor_builtin.png"));
        QVERIFY(dialog->apply());
        dialog->close();

        QCOMPARE(model->headerData(C::Source, Qt::Horizontal).toString(), QStringLiteral("From"));
        QCOMPARE(model->headerData(C::Info, Qt::Horizontal).toString(), QStringLiteral("Summary"));
        QCOMPARE(model->headerData(C::Destination, Qt::Horizontal).toString(), QStringLiteral("Destination"));
        // What the header paints comes from the same model.
        QCOMPARE(window.packetTable()->horizontalHeader()->model()->headerData(C::Source, Qt::Horizontal).toString(),
                 QStringLiteral("From"));
        QCOMPARE(cell(window, 0, C::Source), QStringLiteral("198.18.7.7"));  // only the title changed
    }
    // The next window reads the settings.
    {
        QSettings settings;
        QCOMPARE(settings.beginReadArray(QStringLiteral("packetList/builtinColumns")), int(PacketTableModel::ColumnCount));
        settings.setArrayIndex(C::Source);
        QCOMPARE(settings.value(QStringLiteral("title")).toString(), QStringLiteral("From"));
        settings.setArrayIndex(C::Time);
        QCOMPARE(settings.value(QStringLiteral("title")).toString(), QString());  // the table's own, not copied
        settings.endArray();
    }
    MainWindow window(CaptureBackend{});
    window.show();
    QVERIFY(open(window));
    QAbstractItemModel* model = window.packetTable()->model();
    QCOMPARE(model->headerData(C::Source, Qt::Horizontal).toString(), QStringLiteral("From"));
    QCOMPARE(model->headerData(C::Info, Qt::Horizontal).toString(), QStringLiteral("Summary"));
    // Renamed back to its own title through the same path the editor uses.
    window.packetColumns()->setTitle(C::Source, QString());
    QCOMPARE(model->headerData(C::Source, Qt::Horizontal).toString(), QStringLiteral("Source"));
}

void TestColumnLayout::resolvedChangesTheCellText()
{
    using C = PacketTableModel;
    MainWindow window(CaptureBackend{});
    window.resize(1200, 600);
    window.show();
    QVERIFY(open(window));
    QAbstractItemModel* model = window.packetTable()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(window.packetColumns()->applyAsColumn(QStringLiteral("ip.src")));
    const int custom = window.packetColumns()->model()->firstCustomColumn();

    // Network names on: the DNS answer in frame 2 names the server in frame 1.
    names::ResolutionFlags flags;
    flags.network = true;
    flags.capturedDns = true;
    window.nameResolution()->setFlags(flags);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, C::Source), QStringLiteral("edge.example.test"), 20000);
    // A custom column is unresolved until its Resolved is ticked (Wireshark's default).
    QCOMPARE(cell(window, 0, custom), QStringLiteral("198.18.7.7"));
    window.packetColumns()->setResolved(custom, true);
    QCOMPARE(cell(window, 0, custom), QStringLiteral("edge.example.test"));
    QCOMPARE(cell(window, 2, custom), QStringLiteral("198.18.0.1"));  // never answered

    // Source unresolved: the plain address, while Destination keeps the name.
    window.packetColumns()->setResolved(C::Source, false);
    QCOMPARE(cell(window, 0, C::Source), QStringLiteral("198.18.7.7"));
    QCOMPARE(cell(window, 2, C::Destination), QStringLiteral("edge.example.test"));
    // The header's context menu offers the same switch, checked as the column is.
    window.packetColumns()->setResolved(C::Source, true);
    QCOMPARE(cell(window, 0, C::Source), QStringLiteral("edge.example.test"));

    // Kept for the next window.
    window.packetColumns()->setResolved(C::Destination, false);
    MainWindow next(CaptureBackend{});
    next.show();
    QVERIFY(open(next));
    next.nameResolution()->setFlags(flags);
    QTRY_COMPARE_WITH_TIMEOUT(cell(next, 0, C::Source), QStringLiteral("edge.example.test"), 20000);
    QCOMPARE(cell(next, 2, C::Destination), QStringLiteral("198.18.7.7"));
    QCOMPARE(cell(next, 0, custom), QStringLiteral("edge.example.test"));
}

void TestColumnLayout::resolvedPortColumnsShowServiceNamesAsTsharkDoes()
{
    RCVMON_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(), rcvmon::test::toolWhat("tshark"));
    MainWindow window(CaptureBackend{});
    window.show();
    QVERIFY(open(window));
    CustomColumnsModel* model = window.packetColumns()->model();
    QVERIFY(model->setColumns({{QStringLiteral("SP"), QStringLiteral("tcp.srcport"), 0, true},
                               {QStringLiteral("UDP"), QStringLiteral("udp.srcport"), 0, true},
                               {QStringLiteral("Ports"), QStringLiteral("tcp.port"), 0, true},
                               {QStringLiteral("Plain"), QStringLiteral("tcp.port"), 0, false},
                               {QStringLiteral("Second"), QStringLiteral("tcp.port"), 2, true}}));
    const int first = model->firstCustomColumn();
    const auto row = [&](int r) {
        QStringList cells;
        for (int c = first; c < first + 5; ++c) cells << cell(window, r, c);
        return cells.join(QLatin1Char('\t'));
    };
    // tshark's custom columns on the same file, Resolved (R) and not (U).
    const auto tshark = [&](bool transportNames) {
        QStringList args{QStringLiteral("-r"), m_capture, QStringLiteral("-o"),
                         QStringLiteral("gui.column.format:\"SP\",\"%Cus:tcp.srcport:0:R\",\"UDP\",\"%Cus:udp.srcport:0:R\","
                                        "\"Ports\",\"%Cus:tcp.port:0:R\",\"Plain\",\"%Cus:tcp.port:0:U\","
                                        "\"Second\",\"%Cus:tcp.port:2:R\""),
                         QStringLiteral("-T"), QStringLiteral("fields")};
        for (const char* c : {"SP", "UDP", "Ports", "Plain", "Second"}) args << QStringLiteral("-e") << QStringLiteral("_ws.col.%1").arg(QLatin1String(c));
        if (transportNames) args << QStringLiteral("-N") << QStringLiteral("t");
        QProcess p;
        p.start(QStringLiteral("tshark"), args);
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    };
    // Transport names off: numbers, as tshark without -N t.
    const QStringList plain = tshark(false);
    QCOMPARE(plain.size(), 3);
    for (int r = 0; r < 3; ++r) QCOMPARE(row(r), plain.at(r));
    QCOMPARE(cell(window, 0, first), QStringLiteral("443"));

    names::ResolutionFlags flags;
    flags.transport = true;
    window.nameResolution()->setFlags(flags);
    const QStringList named = tshark(true);
    QCOMPARE(named.size(), 3);
    for (int r = 0; r < 3; ++r) QCOMPARE(row(r), named.at(r));
    QCOMPARE(cell(window, 0, first), QStringLiteral("https (443)"));
    QCOMPARE(cell(window, 0, first + 2), QStringLiteral("https (443),40001 (40001)"));  // no name: the number twice
    QCOMPARE(cell(window, 0, first + 3), QStringLiteral("443,40001"));                  // unresolved column
    QCOMPARE(cell(window, 1, first + 1), QStringLiteral("domain (53)"));
}

void TestColumnLayout::editorReordersAndHidesEveryColumn()
{
    using C = PacketTableModel;
    MainWindow window(CaptureBackend{});
    window.resize(1200, 600);
    window.show();
    QVERIFY(open(window));
    CustomColumnsModel* model = window.packetColumns()->model();
    QVERIFY(model->setColumns({{QStringLiteral("TTL"), QStringLiteral("ip.ttl"), 0, false}}));
    QHeaderView* header = window.packetTable()->horizontalHeader();
    const int ttl = model->firstCustomColumn();
    window.findChild<QAction*>(QStringLiteral("actionColumnEditor"))->trigger();
    auto* dialog = window.findChild<ColumnEditorDialog*>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTableWidget* table = dialog->table();
    QCOMPARE(table->rowCount(), ttl + 1);
    QPushButton* up = nullptr;
    for (QPushButton* b : dialog->findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Move &Up")) up = b;
    QVERIFY(up);
    // Info (built-in) to the top, the custom TTL above Source, Time hidden.
    table->setCurrentCell(C::Info, 0);
    for (int i = 0; i < C::Info; ++i) up->click();
    QCOMPARE(table->item(0, ColumnEditorDialog::TitleColumn)->text(), QStringLiteral("Info"));
    QCOMPARE(dialog->builtinSection(0), int(C::Info));
    table->setCurrentCell(ttl, 0);
    while (table->item(table->currentRow() - 1, 0)->text() != QStringLiteral("Source")) up->click();
    up->click();
    QCOMPARE(dialog->builtinSection(table->currentRow()), -1);
    for (int r = 0; r < table->rowCount(); ++r)
        if (dialog->builtinSection(r) == C::Time) table->item(r, ColumnEditorDialog::DisplayedColumn)->setCheckState(Qt::Unchecked);
    QStringList order;
    for (int r = 0; r < table->rowCount(); ++r) order << table->item(r, 0)->text();
    rcvmon::test::saveScreenshot(dialog, QStringLiteral("column_editor_reorder.png"));
    QVERIFY(dialog->apply());
    dialog->close();

    // The header shows the rows' order; Time is hidden, the others shown.
    QStringList shown;
    for (int v = 0; v < header->count(); ++v)
        shown << model->headerData(header->logicalIndex(v), Qt::Horizontal).toString();
    QCOMPARE(shown, order);
    QCOMPARE(header->visualIndex(C::Info), 0);
    QCOMPARE(header->visualIndex(ttl), header->visualIndex(C::Source) - 1);
    QVERIFY(header->isSectionHidden(C::Time));
    QVERIFY(!header->isSectionHidden(C::Info) && !header->isSectionHidden(ttl));

    // Opened again, the editor lists the columns in that order, Time unticked; showing it
    // again and moving Info back down undoes both.
    window.findChild<QAction*>(QStringLiteral("actionColumnEditor"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.findChildren<ColumnEditorDialog*>().size() == 1, 20000);
    dialog = window.findChild<ColumnEditorDialog*>();
    table = dialog->table();
    QStringList again;
    for (int r = 0; r < table->rowCount(); ++r) again << table->item(r, 0)->text();
    QCOMPARE(again, order);
    for (int r = 0; r < table->rowCount(); ++r) {
        const bool time = dialog->builtinSection(r) == C::Time;
        QCOMPARE(table->item(r, ColumnEditorDialog::DisplayedColumn)->checkState(), time ? Qt::Unchecked : Qt::Checked);
        if (time) table->item(r, ColumnEditorDialog::DisplayedColumn)->setCheckState(Qt::Checked);
    }
    QVERIFY(dialog->apply());
    dialog->close();
    QVERIFY(!header->isSectionHidden(C::Time));
    QCOMPARE(header->visualIndex(C::Info), 0);
}

RCVMON_QTEST_MAIN(TestColumnLayout)
#include "tst_column_layout.moc"
