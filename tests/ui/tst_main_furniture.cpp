// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 12 item 8 in the real window: the main toolbar (the window's own actions, themed
// icons with RcvMon's fallbacks), the Go menu, Set/Unset Time Reference, Wireshark's
// keyboard shortcuts, zoom and resize columns, and a dark palette that stays readable.
#include "capture_controller.h"
#include "furniture_test_window.h"
#include "go_menu.h"
#include "main_window.h"
#include "packet_coloring.h"
#include "packet_filter_scan.h"
#include "packet_store_view.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "screenshot.h"
#include "start_page.h"
#include "time_format.h"

#include <QAbstractAxis>
#include <QAction>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QMenuBar>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

#include <cmath>

using namespace rcvmon;
using rcvmon::test::openSampleWindow;

namespace {

QAction* action(MainWindow& window, const char* name)
{
    return window.findChild<QAction*>(QString::fromLatin1(name));
}

std::uint64_t selectedFrame(MainWindow& window)
{
    const QModelIndex current = window.packetTable()->currentIndex();
    return current.isValid() ? window.controller()->tableModel()->frameNumber(current.row()) : 0;
}

QString cell(MainWindow& window, std::uint64_t frame, int column)
{
    const PacketTableModel* model = window.controller()->tableModel();
    return model->index(model->rowForFrame(frame), column).data().toString();
}

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor& c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x28, 0x28, 0x28));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return p;
}

}  // namespace

class TestMainFurniture : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void toolbarHoldsTheWindowsActions();
    void toolbarButtonsTrigger();
    void goMenuMovesTheSelection();
    void conversationAndHistory();
    void timeReferenceChangesTheTimeColumn();
    void shortcutsAreWiresharks();
    void keyPressesReachTheActions();
    void chartsAndMessagesFollowADarkPalette();
    void zoomAndResizeColumns();
    void darkPaletteStaysReadable();

private:
    QTemporaryDir m_dir;
};

void TestMainFurniture::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_furniture-%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(m_dir.isValid());
}

void TestMainFurniture::toolbarHoldsTheWindowsActions()
{
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    auto* bar = window->findChild<QToolBar*>(QStringLiteral("mainToolbar"));
    QVERIFY(bar && bar->isVisible());
    const char* expected[] = {"actionStart", "actionStop", "actionRestart", "actionInterfaces", "actionOpen", "actionSave",
                              "actionClose", "actionReload", "actionFind", "actionGoPrevious", "actionGoNext",
                              "actionGoBack", "actionGoForward", "actionGoTo", "actionGoFirst", "actionGoLast",
                              "actionFollow", "actionColorize", "actionZoomIn", "actionZoomOut", "actionZoomNormal",
                              "actionResizeColumns"};
    for (const char* name : expected) {
        QAction* a = action(*window, name);
        QVERIFY2(a, name);
        QVERIFY2(bar->actions().contains(a), name);  // the menu's own action, not a copy
        QVERIFY2(!a->icon().isNull(), name);
        // Crisp at 200 %: a 48 px pixmap exists for the 24 px icon.
        QVERIFY2(a->icon().availableSizes().contains(QSize(48, 48)) || !QIcon::themeName().isEmpty(), name);
        QVERIFY2(bar->widgetForAction(a), name);
    }
    auto* toggle = action(*window, "actionMainToolbar");
    QVERIFY(toggle && toggle->isChecked());
    toggle->trigger();
    QVERIFY(!bar->isVisible());
    toggle->trigger();
    QVERIFY(bar->isVisible());
    rcvmon::test::saveScreenshot(window.get(), QStringLiteral("main_window_toolbar.png"), 8);
}

void TestMainFurniture::toolbarButtonsTrigger()
{
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    auto* bar = window->findChild<QToolBar*>(QStringLiteral("mainToolbar"));
    const auto click = [&](const char* name) {
        auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(action(*window, name)));
        QVERIFY2(button && button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
    };
    const int rows = window->controller()->tableModel()->rowCount();
    QVERIFY(rows > 10);
    click("actionGoLast");
    QCOMPARE(window->packetTable()->currentIndex().row(), rows - 1);
    QVERIFY(!window->following());  // going somewhere stops auto-scroll
    click("actionGoFirst");
    QCOMPARE(window->packetTable()->currentIndex().row(), 0);
    click("actionGoNext");
    QCOMPARE(window->packetTable()->currentIndex().row(), 1);
    click("actionFollow");
    QVERIFY(window->following());
    auto* colorize = action(*window, "actionColorize");
    const bool colorized = colorize->isChecked();
    click("actionColorize");
    QCOMPARE(colorize->isChecked(), !colorized);
    click("actionClose");
    QCOMPARE(window->controller()->state(), CaptureController::State::Empty);
    QVERIFY(window->startPage()->isVisible());
    QVERIFY(!action(*window, "actionClose")->isEnabled());
}

void TestMainFurniture::goMenuMovesTheSelection()
{
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    auto* goMenu = window->findChild<QAction*>(QStringLiteral("menuGo"));
    QVERIFY(goMenu && goMenu->menu());
    // Between View and Capture, as in Wireshark.
    QStringList titles;
    for (QAction* a : window->menuBar()->actions()) titles << a->text();
    QCOMPARE(titles.indexOf(QStringLiteral("&Go")), titles.indexOf(QStringLiteral("&View")) + 1);
    QVERIFY(goMenu->menu()->actions().contains(action(*window, "actionGoTo")));
    const int rows = window->controller()->tableModel()->rowCount();
    action(*window, "actionGoFirst")->trigger();
    QCOMPARE(window->packetTable()->currentIndex().row(), 0);
    action(*window, "actionGoNext")->trigger();
    action(*window, "actionGoNext")->trigger();
    QCOMPARE(window->packetTable()->currentIndex().row(), 2);
    action(*window, "actionGoPrevious")->trigger();
    QCOMPARE(window->packetTable()->currentIndex().row(), 1);
    action(*window, "actionGoLast")->trigger();
    QCOMPARE(window->packetTable()->currentIndex().row(), rows - 1);
    QVERIFY(!window->goMenu()->nextPacket());  // nowhere after the last
    QCOMPARE(window->packetTable()->currentIndex().row(), rows - 1);
    // The filter's rows are what Go walks.
    QVERIFY(window->applyDisplayFilter(QStringLiteral("dns")));
    QTRY_VERIFY_WITH_TIMEOUT(window->controller()->tableModel()->rowCount() > 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->controller()->filterScan()->running(), 10000);
    action(*window, "actionGoFirst")->trigger();
    action(*window, "actionGoNext")->trigger();
    QCOMPARE(cell(*window, selectedFrame(*window), PacketTableModel::Protocol), QStringLiteral("DNS"));
}

void TestMainFurniture::conversationAndHistory()
{
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    PacketTableModel* model = window->controller()->tableModel();
    // The first TCP packet, and by hand the next one between the same two ends.
    std::uint64_t first = 0;
    for (int row = 0; row < model->rowCount() && !first; ++row)
        if (model->index(row, PacketTableModel::Protocol).data().toString() == QStringLiteral("TCP") ||
            model->index(row, PacketTableModel::Protocol).data().toString() == QStringLiteral("TLS"))
            first = model->frameNumber(row);
    QVERIFY(first);
    const QSet<QString> ends = {cell(*window, first, PacketTableModel::Source), cell(*window, first, PacketTableModel::Destination)};
    QVERIFY(window->selectFrame(first));
    action(*window, "actionGoNextConversation")->trigger();
    const std::uint64_t next = selectedFrame(*window);
    QVERIFY(next > first);
    QCOMPARE((QSet<QString>{cell(*window, next, PacketTableModel::Source), cell(*window, next, PacketTableModel::Destination)}), ends);
    action(*window, "actionGoPreviousConversation")->trigger();
    QCOMPARE(selectedFrame(*window), first);
    // History: first, next, first; back twice and forward once.
    action(*window, "actionGoLast")->trigger();
    const std::uint64_t last = selectedFrame(*window);
    action(*window, "actionGoBack")->trigger();
    QCOMPARE(selectedFrame(*window), first);
    action(*window, "actionGoBack")->trigger();
    QCOMPARE(selectedFrame(*window), next);
    action(*window, "actionGoForward")->trigger();
    QCOMPARE(selectedFrame(*window), first);
    action(*window, "actionGoForward")->trigger();
    QCOMPARE(selectedFrame(*window), last);
    QVERIFY(!window->goMenu()->forward());
}

void TestMainFurniture::timeReferenceChangesTheTimeColumn()
{
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    PacketTableModel* model = window->controller()->tableModel();
    PacketStoreView* store = window->controller()->storeView();
    QCOMPARE(model->timeFormat(), TimeFormat::Relative);
    const QString before5 = cell(*window, 5, PacketTableModel::Time);
    const QString before2 = cell(*window, 2, PacketTableModel::Time);
    QVERIFY(window->selectFrame(3));
    action(*window, "actionTimeReference")->trigger();
    QCOMPARE(cell(*window, 3, PacketTableModel::Time), QStringLiteral("*REF*"));
    PacketMeta ref, later;
    QVERIFY(store->meta(3, ref) && store->meta(5, later));
    QCOMPARE(cell(*window, 5, PacketTableModel::Time), formatSince(later.ts, ref.ts));
    QVERIFY(cell(*window, 5, PacketTableModel::Time) != before5);
    QCOMPARE(cell(*window, 2, PacketTableModel::Time), before2);  // earlier rows keep the first packet's origin
    // A second reference: rows after it count from it.
    QVERIFY(window->selectFrame(4));
    action(*window, "actionTimeReference")->trigger();
    PacketMeta ref4;
    QVERIFY(store->meta(4, ref4));
    QCOMPARE(cell(*window, 5, PacketTableModel::Time), formatSince(later.ts, ref4.ts));
    // Toggled off again, then all unset.
    action(*window, "actionTimeReference")->trigger();
    QCOMPARE(cell(*window, 5, PacketTableModel::Time), formatSince(later.ts, ref.ts));
    action(*window, "actionUnsetTimeReferences")->trigger();
    QCOMPARE(cell(*window, 3, PacketTableModel::Time), cell(*window, 3, PacketTableModel::Time));
    QCOMPARE(cell(*window, 5, PacketTableModel::Time), before5);
    QVERIFY(model->timeReferences().empty());
}

void TestMainFurniture::shortcutsAreWiresharks()
{
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    // Wireshark's main_window.ui.
    const std::pair<const char*, const char*> keys[] = {
        {"actionGoTo", "Ctrl+G"},         {"actionGoPrevious", "Ctrl+Up"},   {"actionGoNext", "Ctrl+Down"},
        {"actionGoFirst", "Ctrl+Home"},   {"actionGoLast", "Ctrl+End"},      {"actionGoNextConversation", "Ctrl+."},
        {"actionGoPreviousConversation", "Ctrl+,"}, {"actionGoBack", "Alt+Left"}, {"actionGoForward", "Alt+Right"},
        {"actionStart", "Ctrl+E"},        {"actionStop", "Ctrl+E"},          {"actionRestart", "Ctrl+R"},
        {"actionReload", "Ctrl+R"},       {"actionInterfaces", "Ctrl+K"},    {"actionFind", "Ctrl+F"},
        {"actionMark", "Ctrl+M"},         {"actionZoomIn", "Ctrl++"},        {"actionZoomIn", "Ctrl+="},
        {"actionZoomOut", "Ctrl+-"},      {"actionZoomNormal", "Ctrl+0"},    {"actionResizeColumns", "Ctrl+Shift+R"},
        {"actionTimeReference", "Ctrl+T"}, {"actionUnsetTimeReferences", "Ctrl+Alt+T"}, {"actionClose", "Ctrl+W"},
        {"actionOpen", "Ctrl+O"},         {"actionSave", "Ctrl+S"},          {"actionQuit", "Ctrl+Q"},
    };
    for (const auto& [name, key] : keys) {
        QAction* a = action(*window, name);
        QVERIFY2(a, name);
        QVERIFY2(a->shortcuts().contains(QKeySequence(QString::fromLatin1(key))),
                 qPrintable(QStringLiteral("%1: %2 not in %3").arg(QString::fromLatin1(name), QString::fromLatin1(key),
                                                                    QKeySequence::listToString(a->shortcuts()))));
    }
    // Ctrl+E and Ctrl+R are shared: never both enabled at once, or the key would be ambiguous.
    QVERIFY(!(action(*window, "actionStart")->isEnabled() && action(*window, "actionStop")->isEnabled()));
    QVERIFY(!(action(*window, "actionRestart")->isEnabled() && action(*window, "actionReload")->isEnabled()));
    QVERIFY(action(*window, "actionReload")->isEnabled());  // a file is open
}

void TestMainFurniture::keyPressesReachTheActions()
{
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    window->activateWindow();
    window->packetTable()->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(window->isActiveWindow(), 20000);
    const int rows = window->controller()->tableModel()->rowCount();
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+End")));
    QTRY_COMPARE(window->packetTable()->currentIndex().row(), rows - 1);
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+Home")));
    QTRY_COMPARE(window->packetTable()->currentIndex().row(), 0);
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+Down")));
    QTRY_COMPARE(window->packetTable()->currentIndex().row(), 1);
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+T")));
    QTRY_COMPARE(cell(*window, selectedFrame(*window), PacketTableModel::Time), QStringLiteral("*REF*"));
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Alt+Left")));
    QTRY_COMPARE(window->packetTable()->currentIndex().row(), 0);
    QTest::keySequence(window.get(), QKeySequence(QStringLiteral("Ctrl+W")));
    QTRY_COMPARE(window->controller()->state(), CaptureController::State::Empty);
}

void TestMainFurniture::zoomAndResizeColumns()
{
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    QTableView* table = window->packetTable();
    const qreal normal = table->font().pointSizeF();
    const int normalRow = table->verticalHeader()->defaultSectionSize();
    action(*window, "actionZoomIn")->trigger();
    action(*window, "actionZoomIn")->trigger();
    QCOMPARE(table->font().pointSizeF(), normal + 2);
    QVERIFY(table->verticalHeader()->defaultSectionSize() > normalRow);  // rows grow with the text
    QCOMPARE(window->detailTree()->font().pointSizeF(), QApplication::font(window->detailTree()).pointSizeF() + 2);
    action(*window, "actionZoomOut")->trigger();
    QCOMPARE(table->font().pointSizeF(), normal + 1);
    action(*window, "actionZoomNormal")->trigger();
    QCOMPARE(table->font().pointSizeF(), normal);
    QCOMPARE(table->verticalHeader()->defaultSectionSize(), normalRow);
    // Resize Columns fits the Protocol column to its text.
    table->setColumnWidth(PacketTableModel::Protocol, 8);
    action(*window, "actionResizeColumns")->trigger();
    QVERIFY(table->columnWidth(PacketTableModel::Protocol) >= table->fontMetrics().horizontalAdvance(QStringLiteral("DNS")));
}

void TestMainFurniture::darkPaletteStaysReadable()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette previous = QApplication::palette();
    QApplication::setPalette(darkPalette());
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    QTableView* table = window->packetTable();
    PacketTableModel* model = window->controller()->tableModel();
    if (!action(*window, "actionColorize")->isChecked()) action(*window, "actionColorize")->trigger();
    model->addSwitchMark(4, QStringLiteral("mode On"));
    model->setMarked(6, true);
    const QPalette palette = table->palette();
    QVERIFY(contrast(palette.color(QPalette::Text), palette.color(QPalette::Base)) >= 4.5);
    int coloured = 0;
    for (int row = 0; row < std::min(model->rowCount(), 200); ++row) {
        const QModelIndex index = model->index(row, PacketTableModel::Info);
        const QVariant bg = index.data(Qt::BackgroundRole);
        const QVariant fg = index.data(Qt::ForegroundRole);
        const QColor background = bg.isValid() ? bg.value<QBrush>().color()
                                               : palette.color(row % 2 ? QPalette::AlternateBase : QPalette::Base);
        const QColor text = fg.isValid() ? fg.value<QBrush>().color() : palette.color(QPalette::Text);
        if (bg.isValid()) ++coloured;
        QVERIFY2(contrast(text, background) >= 4.5,
                 qPrintable(QStringLiteral("row %1: %2 on %3").arg(row).arg(text.name(), background.name())));
    }
    QVERIFY(coloured > 0);  // the colouring rules and marks were checked, not only the palette
    // The start page reads in it too: its text against its base.
    rcvmon::test::saveScreenshot(window.get(), QStringLiteral("main_window_dark.png"), 8);
    window->closeCapture();
    const QPalette page = window->startPage()->palette();
    QVERIFY(contrast(page.color(QPalette::Text), page.color(QPalette::Base)) >= 4.5);
    rcvmon::test::saveScreenshot(window.get(), QStringLiteral("start_page_dark.png"), 6);
    window.reset();
    QApplication::setPalette(previous);
}

// The colours the window picks itself (error and hint labels, the charts, which Qt Charts
// draws white) read on a dark palette too.
void TestMainFurniture::chartsAndMessagesFollowADarkPalette()
{
    const QPalette previous = QApplication::palette();
    QApplication::setPalette(darkPalette());
    auto window = openSampleWindow(m_dir.path());
    QVERIFY(window);
    int labels = 0;
    for (const QLabel* label : window->findChildren<QLabel*>()) {
        const QString style = label->styleSheet();
        if (!style.startsWith(QStringLiteral("color:"))) continue;
        const QColor text(style.section(QLatin1Char(' '), 1).remove(QLatin1Char(';')));
        QVERIFY2(text.isValid(), qPrintable(style));
        QVERIFY2(contrast(text, label->palette().color(QPalette::Window)) >= 4.5, qPrintable(style));
        ++labels;
    }
    QVERIFY(labels >= 2);  // the filter bar's error and the status bar's hint at least
    const auto views = window->findChildren<QChartView*>();
    QVERIFY(!views.isEmpty());
    for (const QChartView* view : views) {
        const QChart* chart = view->chart();
        const QColor background = chart->backgroundBrush().color();
        QCOMPARE(background, view->palette().color(QPalette::Base));  // not Qt Charts' white
        QVERIFY(contrast(chart->legend()->labelColor(), background) >= 4.5);
        for (const QAbstractAxis* axis : chart->axes())
            QVERIFY(contrast(axis->labelsBrush().color(), background) >= 4.5);
    }
    window.reset();
    QApplication::setPalette(previous);
}

RCVMON_QTEST_MAIN(TestMainFurniture)
#include "tst_main_furniture.moc"
