// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 12 item 7, the start page in the real window: it shows while nothing is open, lists the
// machine's real interfaces with their addresses, moves each sparkline with the counters it is
// given, starts a capture on a double-clicked interface with the chosen mode and filter, opens a
// double-clicked recent file, and comes back on File ▸ Close.
#include "capture_backend.h"
#include "capture_controller.h"
#include "fake_capture_backend.h"
#include "fake_capture_source.h"
#include "main_window.h"
#include "qtest_main.h"
#include "recent_files.h"
#include "screenshot.h"
#include "sparkline_delegate.h"
#include "start_page.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <map>

using namespace rcvmon;
using rcvmon::test::FakeCaptureSource;

namespace {

// The machine's own interfaces and counters, a fake capture behind them (no privilege needed),
// and the counters the test sets for `fake0` on top of the real ones.
struct TestBackend {
    FakeCaptureSource::Shared shared;
    std::vector<CaptureRequest> opened;
    std::map<std::string, std::uint64_t> counters;
    CaptureBackend backend;

    TestBackend()
    {
        backend = rcvmon::test::fakeCaptureBackend(shared);
        const CaptureBackend system = systemCaptureBackend();
        backend.interfaces = system.interfaces;
        auto open = backend.open;
        backend.open = [this, open](const CaptureRequest& request, QString& error) {
            opened.push_back(request);
            return open(request, error);
        };
        backend.traffic = [this](QString&) {
            std::vector<InterfaceTraffic> list;
            for (const auto& [name, bytes] : counters) list.push_back({name, bytes / 2, bytes - bytes / 2, 0, 0});
            return list;
        };
    }
};

QTreeWidgetItem* interfaceItem(StartPage* page, const QString& name)
{
    const QList<QTreeWidgetItem*> items = page->interfaceList()->findItems(name, Qt::MatchExactly, 0);
    return items.isEmpty() ? nullptr : items.first();
}

void doubleClick(QAbstractItemView* view, const QRect& rect)
{
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

}  // namespace

class TestStartPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void showsWhileNothingIsOpen();
    void listsInterfacesWithAddresses();
    void sparklineFollowsCounters();
    void doubleClickStartsCapture();
    void recentFileOpensAndCloseComesBack();
    void screenshot();

private:
    QTemporaryDir m_dir;
};

void TestStartPage::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_start_page-%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(m_dir.isValid());
}

void TestStartPage::init()
{
    QSettings().clear();
    QSettings().setValue(QStringLiteral("spool/directory"), m_dir.filePath(QStringLiteral("spool")));
}

void TestStartPage::showsWhileNothingIsOpen()
{
    TestBackend b;
    MainWindow window(b.backend);
    window.show();
    QVERIFY(window.startPage()->isVisible());
    QVERIFY(!window.packetTable()->isVisible());
}

void TestStartPage::listsInterfacesWithAddresses()
{
    TestBackend b;
    MainWindow window(b.backend);
    window.show();
    QTreeWidgetItem* lo = interfaceItem(window.startPage(), QStringLiteral("lo"));
    QVERIFY2(lo, "the loopback interface is listed");
    QVERIFY2(lo->text(1).contains(QStringLiteral("127.0.0.1/8")), qPrintable(lo->text(1)));
    // Every interface the platform lists is there, each with its addresses.
    QString error;
    const std::vector<NetworkInterface> real = systemCaptureBackend().interfaces(error);
    QCOMPARE(window.startPage()->interfaceList()->topLevelItemCount(), int(real.size()));
    for (const NetworkInterface& nif : real) {
        QTreeWidgetItem* item = interfaceItem(window.startPage(), QString::fromStdString(nif.name));
        QVERIFY(item);
        for (const std::string& a : nif.addresses) QVERIFY(item->text(1).contains(QString::fromStdString(a)));
    }
}

void TestStartPage::sparklineFollowsCounters()
{
    TestBackend b;
    b.counters["lo"] = 1000;
    MainWindow window(b.backend);
    window.show();
    StartPage* page = window.startPage();
    page->sample();  // the base, if showing did not take it already
    const qsizetype before = page->history(QStringLiteral("lo")).size();
    b.counters["lo"] = 5000;
    page->sample();
    QList<double> history = page->history(QStringLiteral("lo"));
    QCOMPARE(history.size(), before + 1);
    QCOMPARE(history.last(), 4000.0);
    b.counters["lo"] = 100;  // reset by the kernel: no negative spike
    page->sample();
    QCOMPARE(page->history(QStringLiteral("lo")).last(), 0.0);
    b.counters["lo"] = 100 + 2048;
    page->sample();
    history = page->history(QStringLiteral("lo"));
    QCOMPARE(history.last(), 2048.0);
    // The row carries the history to its delegate and shows the rate.
    QTreeWidgetItem* lo = interfaceItem(page, QStringLiteral("lo"));
    QVERIFY(lo);
    QCOMPARE(lo->data(2, SparklineDelegate::SparklineRole).value<QList<double>>(), history);
    QVERIFY2(lo->text(2).endsWith(QStringLiteral("/s")), qPrintable(lo->text(2)));
    // At most a minute of samples.
    for (int i = 0; i < StartPage::HistoryLength + 5; ++i) {
        b.counters["lo"] += 10;
        page->sample();
    }
    QCOMPARE(page->history(QStringLiteral("lo")).size(), qsizetype(StartPage::HistoryLength));
}

void TestStartPage::doubleClickStartsCapture()
{
    TestBackend b;
    MainWindow window(b.backend);
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    StartPage* page = window.startPage();
    page->filterEdit()->setText(QStringLiteral("udp port 53"));
    page->modeBox()->setCurrentIndex(page->modeBox()->findData(int(CaptureMode::On)));
    QTreeWidgetItem* lo = interfaceItem(page, QStringLiteral("lo"));
    QVERIFY(lo);
    doubleClick(page->interfaceList(), page->interfaceList()->visualItemRect(lo));
    QTRY_COMPARE_WITH_TIMEOUT(window.controller()->state(), CaptureController::State::Capturing, 10000);
    QCOMPARE(b.opened.size(), std::size_t(1));
    QCOMPARE(b.opened.front().interfaceName, QStringLiteral("lo"));
    QCOMPARE(b.opened.front().mode, CaptureMode::On);
    QCOMPARE(b.opened.front().filter, QStringLiteral("udp port 53"));
    QCOMPARE(window.controller()->sourceName(), QStringLiteral("lo"));
    QVERIFY(!page->isVisible());
    QVERIFY(window.packetTable()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->counters().captured > 0, 10000);
}

void TestStartPage::recentFileOpensAndCloseComesBack()
{
    const QString path = m_dir.filePath(QStringLiteral("recent.pcapng"));
    QFile::remove(path);
    QVERIFY(QFile::copy(QStringLiteral(RCVMON_SOURCE_DIR "/resources/sample.pcapng"), path));
    TestBackend b;
    MainWindow window(b.backend);
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.recentFiles()->add(path);
    QListWidget* list = window.startPage()->recentList();
    QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), path);
    doubleClick(list, list->visualItemRect(list->item(0)));
    QTRY_COMPARE_WITH_TIMEOUT(window.controller()->state(), CaptureController::State::Loaded, 10000);
    QCOMPARE(window.controller()->sourceName(), path);
    QVERIFY(!window.startPage()->isVisible());
    QVERIFY(window.packetTable()->model()->rowCount() > 0);
    // Opened files go to the top of the list that File ▸ Open Recent shows too.
    QCOMPARE(QSettings().value(QStringLiteral("file/recent")).toStringList().value(0), path);
    auto* recentMenu = window.findChild<QAction*>(QStringLiteral("menuOpenRecent"));
    QVERIFY(recentMenu && recentMenu->menu());
    QCOMPARE(recentMenu->menu()->actions().value(0)->text(), QDir::toNativeSeparators(path));

    auto* close = window.findChild<QAction*>(QStringLiteral("actionClose"));
    QVERIFY(close && close->isEnabled());
    QCOMPARE(close->shortcut(), QKeySequence(QKeySequence::Close));
    close->trigger();
    QCOMPARE(window.controller()->state(), CaptureController::State::Empty);
    QVERIFY(window.startPage()->isVisible());
    QCOMPARE(window.packetTable()->model()->rowCount(), 0);
    QVERIFY(!close->isEnabled());

    // File ▸ Open Recent opens it again.
    recentMenu->menu()->actions().value(0)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.controller()->state(), CaptureController::State::Loaded, 10000);
    QVERIFY(!window.startPage()->isVisible());
}

void TestStartPage::screenshot()
{
    const QString path = m_dir.filePath(QStringLiteral("shot.pcapng"));
    QFile::remove(path);
    QVERIFY(QFile::copy(QStringLiteral(RCVMON_SOURCE_DIR "/resources/sample.pcapng"), path));
    TestBackend b;
    b.counters["lo"] = 0;
    MainWindow window(b.backend);
    window.recentFiles()->add(path);
    window.resize(1200, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // A minute of varied loopback traffic for the sparkline.
    for (int i = 0; i < StartPage::HistoryLength; ++i) {
        b.counters["lo"] += std::uint64_t(2000 + (i * 7919) % 50000);
        window.startPage()->sample();
    }
    window.startPage()->interfaceList()->viewport()->update();
    rcvmon::test::saveScreenshot(&window, QStringLiteral("start_page.png"), 6);
}

RCVMON_QTEST_MAIN(TestStartPage)
#include "tst_start_page.moc"
