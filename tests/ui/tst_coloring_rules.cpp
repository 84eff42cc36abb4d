// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 12, colouring rules in the real window: View ▸ Colorize Packet List switches the
// table's colours and is remembered; View ▸ Coloring Rules… adds, edits, reorders, disables,
// exports and imports rules, and what it applies is what the packet list paints and what the
// next window loads. Leaves a screenshot of the dialog in <build>/screenshots/.
#include "capture_controller.h"
#include "coloring_rules_dialog.h"
#include "main_window.h"
#include "packet_colorizer.h"
#include "packet_coloring.h"
#include "packet_table_model.h"
#include "screenshot.h"
#include "qtest_main.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace rcvmon;
using rcvmon::test::saveScreenshot;

namespace {

// Rows of the bundled sample: frame 1 ARP, 3 a DNS query to port 53, 5 ICMP, 9 a TCP ACK.
constexpr int ArpRow = 0, DnsRow = 2, IcmpRow = 4, TcpRow = 8;

QColor defaultBackground(const char* name)
{
    for (const ColorFilter& r : defaultColorFilters())
        if (r.name == name) return toQColor(r.background);
    return {};
}

QVariant rowBackground(MainWindow& window, int row)
{
    QTableView* table = window.packetTable();
    return table->model()->index(row, PacketTableModel::Info).data(Qt::BackgroundRole);
}

QColor rowColor(MainWindow& window, int row)
{
    return rowBackground(window, row).value<QBrush>().color();
}

bool openSample(MainWindow& window)
{
    QSignalSpy loaded(window.controller(), &CaptureController::loadFinished);
    return window.openBundledSample() && (loaded.count() > 0 || loaded.wait(20000));
}

QPushButton* button(QWidget* dialog, const char* name)
{
    return dialog->findChild<QPushButton*>(QString::fromLatin1(name));
}


}  // namespace

class TestColoringRules : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void colorizeToggleRepaintsAndIsRemembered();
    void dialogEditsReordersDisablesExportsAndImports();
    void savedRulesAreWhatTheNextWindowLoads();
    void cancelKeepsTheRulesAndBadFilesSayWhy();
};

void TestColoringRules::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    // Each slot runs as its own process (one ctest entry per slot), in parallel: own settings.
    QCoreApplication::setApplicationName(QStringLiteral("tst_coloring_rules-%1").arg(QCoreApplication::applicationPid()));
}

void TestColoringRules::init()
{
    QSettings().clear();
    QFile::remove(PacketColoring::rulesPath());
}

void TestColoringRules::cleanupTestCase()
{
    QSettings().clear();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).removeRecursively();
    QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).removeRecursively();  // the sample's copy
}

void TestColoringRules::colorizeToggleRepaintsAndIsRemembered()
{
    {
        MainWindow window(CaptureBackend{});
        window.resize(1400, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openSample(window));
        // Wireshark's defaults, on by default.
        QAction* colorize = window.findChild<QAction*>(QStringLiteral("actionColorize"));
        QVERIFY(colorize);
        QVERIFY(colorize->isChecked());
        QVERIFY(colorize->shortcut().isEmpty());  // Wireshark has none either
        QCOMPARE(rowColor(window, ArpRow), defaultBackground("ARP"));
        QCOMPARE(rowColor(window, DnsRow), defaultBackground("UDP"));
        QCOMPARE(rowColor(window, IcmpRow), defaultBackground("ICMP"));
        QCOMPARE(rowColor(window, TcpRow), defaultBackground("TCP"));
        saveScreenshot(&window, QStringLiteral("main_window_colored.png"));

        QSignalSpy changed(window.packetTable()->model(), &QAbstractItemModel::dataChanged);
        colorize->trigger();
        QVERIFY(!colorize->isChecked());
        QVERIFY(changed.count() >= 1);
        QVERIFY(!rowBackground(window, ArpRow).isValid());
        QVERIFY(!rowBackground(window, TcpRow).isValid());
        window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("view/colorize")).toBool(), false);
    MainWindow again(CaptureBackend{});
    QVERIFY(openSample(again));
    QVERIFY(!again.findChild<QAction*>(QStringLiteral("actionColorize"))->isChecked());
    QVERIFY(!rowBackground(again, ArpRow).isValid());
    again.findChild<QAction*>(QStringLiteral("actionColorize"))->trigger();
    QCOMPARE(rowColor(again, ArpRow), defaultBackground("ARP"));
}

void TestColoringRules::dialogEditsReordersDisablesExportsAndImports()
{
    MainWindow window(CaptureBackend{});
    window.resize(1400, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openSample(window));
    window.findChild<QAction*>(QStringLiteral("actionColoringRules"))->trigger();
    ColoringRulesDialog* dialog = window.coloring()->dialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTreeWidget* list = dialog->ruleList();
    QCOMPARE(list->topLevelItemCount(), 20);
    QCOMPARE(dialog->rules(), defaultColorFilters());

    // The rules RcvMon cannot compile are listed, marked and named in the summary.
    QTreeWidgetItem* smb = list->findItems(QStringLiteral("SMB"), Qt::MatchExactly, 0).value(0);
    QVERIFY(smb);
    QVERIFY(smb->data(0, ColoringRulesDialog::ErrorRole).toString().contains(QStringLiteral("netbios")));
    QVERIFY(!smb->icon(1).isNull());
    QVERIFY(list->findItems(QStringLiteral("TCP"), Qt::MatchExactly, 0).value(0)->data(0, ColoringRulesDialog::ErrorRole).toString().isEmpty());
    QVERIFY(list->findItems(QStringLiteral("HTTP"), Qt::MatchExactly, 0).value(0)->data(0, ColoringRulesDialog::ErrorRole).toString().isEmpty());
    for (const char* name : {"SCTP ABORT", "TTL low or unexpected", "Checksum Errors", "SMB", "Routing", "System Event"})
        QVERIFY2(dialog->summaryText().contains(QString::fromLatin1(name)), name);
    // Each rule is drawn in its colours.
    QCOMPARE(list->topLevelItem(5)->background(0).color(), defaultBackground("ARP"));

    // Add a rule: it goes first; name it, give it a filter (checked as typed) and colours.
    button(dialog, "addRule")->click();
    QCOMPARE(list->topLevelItemCount(), 21);
    QCOMPARE(list->currentItem(), list->topLevelItem(0));
    dialog->nameEdit()->selectAll();
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("DNS queries"));
    dialog->filterEdit()->selectAll();
    QTest::keyClicks(dialog->filterEdit(), QStringLiteral("udp.dstport == 53 && udp.bogus"));
    auto* filterError = dialog->findChild<QLabel*>(QStringLiteral("ruleFilterError"));
    QVERIFY(filterError->isVisible());
    QVERIFY(filterError->text().contains(QStringLiteral("udp.bogus")));
    QVERIFY(!list->topLevelItem(0)->data(0, ColoringRulesDialog::ErrorRole).toString().isEmpty());
    for (int i = 0; i < 13; ++i) QTest::keyClick(dialog->filterEdit(), Qt::Key_Backspace);
    QCOMPARE(dialog->filterEdit()->text(), QStringLiteral("udp.dstport == 53"));
    QVERIFY(!filterError->isVisible());
    QVERIFY(list->topLevelItem(0)->data(0, ColoringRulesDialog::ErrorRole).toString().isEmpty());
    const QColor green(0x20, 0xc0, 0x40), navy(0, 0, 0x80);
    dialog->setColorChooser([&](const QColor&, const QString& title) {
        return title.startsWith(QStringLiteral("Background")) ? green : navy;
    });
    button(dialog, "backgroundColor")->click();
    button(dialog, "foregroundColor")->click();
    QCOMPARE(list->topLevelItem(0)->background(1).color(), green);
    QCOMPARE(dialog->rules().front(),
             (ColorFilter{"DNS queries", "udp.dstport == 53", toRgb16(green), toRgb16(navy), false}));

    // Apply: the table repaints the DNS query in the new rule's colours; the file is written.
    QVERIFY(rowColor(window, DnsRow) != green);
    dialog->buttons()->button(QDialogButtonBox::Apply)->click();
    QVERIFY(dialog->problemText().isEmpty());
    QCOMPARE(rowColor(window, DnsRow), green);
    QCOMPARE(window.packetTable()->model()->index(DnsRow, 0).data(Qt::ForegroundRole).value<QBrush>().color(), navy);
    QCOMPARE(rowColor(window, ArpRow), defaultBackground("ARP"));
    QFile stored(PacketColoring::rulesPath());
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(parseColorFilters(stored.readAll().toStdString()), dialog->rules());
    saveScreenshot(dialog, QStringLiteral("coloring_rules_dialog.png"));

    // Disable it: the DNS query falls through to "UDP".
    list->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
    dialog->buttons()->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(rowColor(window, DnsRow), defaultBackground("UDP"));
    list->topLevelItem(0)->setCheckState(0, Qt::Checked);
    dialog->buttons()->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(rowColor(window, DnsRow), green);

    // Move it below "UDP" (the 18th default): the first matching rule wins, so "UDP" does.
    list->setCurrentItem(list->topLevelItem(0));
    QVERIFY(!button(dialog, "moveUp")->isEnabled());
    for (int i = 0; i < 18; ++i) button(dialog, "moveDown")->click();
    QCOMPARE(list->topLevelItem(17)->text(0), QStringLiteral("UDP"));
    QCOMPARE(list->topLevelItem(18)->text(0), QStringLiteral("DNS queries"));
    dialog->buttons()->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(rowColor(window, DnsRow), defaultBackground("UDP"));
    button(dialog, "moveUp")->click();
    QCOMPARE(list->topLevelItem(17)->text(0), QStringLiteral("DNS queries"));
    dialog->buttons()->button(QDialogButtonBox::Apply)->click();
    QCOMPARE(rowColor(window, DnsRow), green);

    // Export, delete every rule, Import: the same rules come back.
    QTemporaryDir dir;
    const QString exported = dir.filePath(QStringLiteral("exported_colorfilters"));
    const std::vector<ColorFilter> before = dialog->rules();
    dialog->setFileChooser([&](ColoringRulesDialog::FileChoice) { return exported; });
    button(dialog, "exportRules")->click();
    QVERIFY2(dialog->problemText().isEmpty(), qPrintable(dialog->problemText()));
    QVERIFY(QFile::exists(exported));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("exported_colorfilters")});  // no temp left
    while (list->topLevelItemCount() > 0) button(dialog, "deleteRule")->click();
    QVERIFY(!button(dialog, "deleteRule")->isEnabled());
    dialog->buttons()->button(QDialogButtonBox::Apply)->click();
    QVERIFY(!rowBackground(window, ArpRow).isValid());  // no rules, no colours
    button(dialog, "importRules")->click();
    QCOMPARE(dialog->rules(), before);

    // OK applies and closes.
    QSignalSpy destroyed(dialog, &QObject::destroyed);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(destroyed.count() == 1 || destroyed.wait(20000));
    QCOMPARE(window.coloring()->colorizer()->rules(), before);
    QCOMPARE(rowColor(window, DnsRow), green);
    QCOMPARE(rowColor(window, ArpRow), defaultBackground("ARP"));
}

void TestColoringRules::savedRulesAreWhatTheNextWindowLoads()
{
    std::vector<ColorFilter> rules = defaultColorFilters();
    rules.insert(rules.begin(), ColorFilter{"ARP replies", "arp.opcode == 2", {0, 0, 65535}, {65535, 65535, 65535}, false});
    rules[6].disabled = true;  // "ARP" itself
    {
        MainWindow window(CaptureBackend{});
        QString error;
        QVERIFY2(window.coloring()->setRules(rules, error), qPrintable(error));
    }
    MainWindow window(CaptureBackend{});
    QVERIFY(window.coloring()->loadProblem().isEmpty());
    QCOMPARE(window.coloring()->colorizer()->rules(), rules);
    QVERIFY(openSample(window));
    // Frame 1 is a broadcast ARP request: neither "ARP replies" nor the disabled "ARP" takes
    // it, so the next rule that matches, "Broadcast", does.
    QCOMPARE(rowColor(window, ArpRow), defaultBackground("Broadcast"));
    QCOMPARE(rowColor(window, 1), QColor(0, 0, 255));  // frame 2, the reply
    // The dialog opens on the stored rules.
    ColoringRulesDialog* dialog = window.coloring()->showRulesDialog();
    QCOMPARE(dialog->rules(), rules);
    QCOMPARE(dialog->ruleList()->topLevelItem(6)->checkState(0), Qt::Unchecked);
}

void TestColoringRules::cancelKeepsTheRulesAndBadFilesSayWhy()
{
    // A stored file with a broken line: the good rules are used and the bad line is named.
    QDir().mkpath(QFileInfo(PacketColoring::rulesPath()).absolutePath());
    QFile file(PacketColoring::rulesPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# mine\n@Only TCP@tcp@[0,65535,0][0,0,0]\n@Broken@udp@[1,2\n");
    file.close();
    MainWindow window(CaptureBackend{});
    QVERIFY(window.coloring()->loadProblem().contains(QStringLiteral("line 3")));
    QCOMPARE(window.coloring()->colorizer()->rules().size(), std::size_t{1});
    QVERIFY(openSample(window));
    QCOMPARE(rowColor(window, TcpRow), QColor(0, 255, 0));
    QVERIFY(!rowBackground(window, ArpRow).isValid());

    ColoringRulesDialog* dialog = window.coloring()->showRulesDialog();
    button(dialog, "restoreDefaults")->click();
    QCOMPARE(dialog->rules(), defaultColorFilters());
    // A name the format cannot hold is refused with a reason, and nothing is applied.
    dialog->ruleList()->setCurrentItem(dialog->ruleList()->topLevelItem(0));
    dialog->nameEdit()->setText(QStringLiteral("a@b"));
    QVERIFY(!dialog->apply());
    QVERIFY(dialog->problemText().contains(QStringLiteral("@")));
    QCOMPARE(window.coloring()->colorizer()->rules().size(), std::size_t{1});
    // Export to a folder that does not exist: one clear message.
    QVERIFY(!dialog->exportTo(QStringLiteral("/nonexistent-rcvmon-dir/colorfilters")));
    QVERIFY(dialog->problemText().contains(QStringLiteral("/nonexistent-rcvmon-dir/colorfilters")));
    // Import of something that is not a colorfilters file.
    QTemporaryDir dir;
    QFile junk(dir.filePath(QStringLiteral("junk")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("hello\nworld\n");
    junk.close();
    QVERIFY(!dialog->importFrom(junk.fileName()));
    QVERIFY(dialog->problemText().contains(QStringLiteral("no coloring rules")));
    // Cancel: the window keeps its rules.
    QSignalSpy destroyed(dialog, &QObject::destroyed);
    dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
    QVERIFY(destroyed.count() == 1 || destroyed.wait(20000));
    QCOMPARE(window.coloring()->colorizer()->rules().size(), std::size_t{1});
    QCOMPARE(rowColor(window, TcpRow), QColor(0, 255, 0));
}

RCVMON_QTEST_MAIN(TestColoringRules)
#include "tst_coloring_rules.moc"
