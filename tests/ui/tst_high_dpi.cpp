// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 12 item 8 at 200 % scale (QT_SCALE_FACTOR=2, set before the application exists): the
// toolbar draws its icons from the 48 px files rather than blowing up 24 px ones, the packet
// rows grow with the font, and the window and start page screenshots are kept at full size.
#include "capture_controller.h"
#include "furniture_test_window.h"
#include "main_toolbar.h"
#include "main_window.h"
#include "qtest_main.h"
#include "screenshot.h"

#include <QAction>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>

#include <cstdlib>

using namespace rcvmon;

class TestHighDpi : public QObject {
    Q_OBJECT
public:
    static void initMain() { qputenv("QT_SCALE_FACTOR", "2"); }

private slots:
    void initTestCase();
    void toolbarIconsUseTheirDoubleSizeFiles();
    void screenshotsAtTwiceTheSize();

private:
    QTemporaryDir m_dir;
};

void TestHighDpi::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_high_dpi-%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(m_dir.isValid());
}

void TestHighDpi::toolbarIconsUseTheirDoubleSizeFiles()
{
    auto window = rcvmon::test::openSampleWindow(m_dir.path());
    QVERIFY(window);
    QCOMPARE(window->devicePixelRatioF(), 2.0);
    auto* bar = window->findChild<QToolBar*>(QStringLiteral("mainToolbar"));
    QVERIFY(bar);
    const QSize logical = bar->iconSize();
    // RcvMon's own icon, whatever the desktop theme: the pixmap Qt paints at this scale.
    const QIcon icon = toolbarIcon(QStringLiteral("rcvmon-no-such-theme-icon"), QStringLiteral("go-last"));
    const QPixmap pixmap = icon.pixmap(logical, 2.0);
    QCOMPARE(pixmap.deviceIndependentSize().toSize(), logical);
    QCOMPARE(pixmap.size(), logical * 2);
    if (logical == QSize(24, 24)) {
        // Exactly the 48 px file's pixels: drawn for this size, not scaled up.
        const QImage file = QImage(QStringLiteral(":/rcvmon/icons/toolbar/go-last@2x.png")).convertToFormat(QImage::Format_ARGB32);
        const QImage shown = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(shown.size(), file.size());
        // Pixels that differ by more than premultiplied-alpha rounding.
        const auto differing = [](const QImage& a, const QImage& b) {
            int count = 0;
            for (int y = 0; y < a.height(); ++y)
                for (int x = 0; x < a.width(); ++x) {
                    const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
                    count += std::abs(qRed(p) - qRed(q)) > 3 || std::abs(qGreen(p) - qGreen(q)) > 3 ||
                             std::abs(qBlue(p) - qBlue(q)) > 3 || std::abs(qAlpha(p) - qAlpha(q)) > 3;
                }
            return count;
        };
        QCOMPARE(differing(shown, file), 0);
        // What a 24 px icon blown up would look like is far from it: the check can tell.
        const QImage blownUp = QImage(QStringLiteral(":/rcvmon/icons/toolbar/go-last.png"))
                                   .scaled(file.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                   .convertToFormat(QImage::Format_ARGB32);
        QVERIFY(differing(blownUp, file) > 50);
    }
    // Row height follows the font's metrics, so text is never clipped at this scale.
    QTableView* table = window->packetTable();
    QVERIFY(table->verticalHeader()->defaultSectionSize() >= table->fontMetrics().height());
}

void TestHighDpi::screenshotsAtTwiceTheSize()
{
    auto window = rcvmon::test::openSampleWindow(m_dir.path());
    QVERIFY(window);
    window->resize(800, 500);  // 1600 x 1000 device pixels: the virtual screen
    QCoreApplication::processEvents();
    const QImage image = window->grab().toImage();
    QCOMPARE(image.size(), window->size() * 2);
    rcvmon::test::saveScreenshot(window.get(), QStringLiteral("main_window_200.png"), 8);
    window->closeCapture();
    QCOMPARE(window->controller()->state(), CaptureController::State::Empty);
    rcvmon::test::saveScreenshot(window.get(), QStringLiteral("start_page_200.png"), 6);
}

RCVMON_QTEST_MAIN(TestHighDpi)
#include "tst_high_dpi.moc"
