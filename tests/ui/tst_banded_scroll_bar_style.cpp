// SPDX-License-Identifier: GPL-2.0-or-later
// A scroll bar painted through BandedScrollBarStyle: none of its fills covers enough rows for
// Qt's raster engine to hand it to the GUI thread pool (at scale 1, 2 and 3), and its pixels are
// exactly the ones its base style paints, in a light and in a dark palette, at whole-number and
// fractional scales.
#include "banded_scroll_bar_style.h"
#include "fill_rows_recorder.h"
#include "qtest_main.h"

#include <QImage>
#include <QPalette>
#include <QScrollBar>
#include <QStyleFactory>
#include <QTest>

#include <memory>

using namespace rcvmon;
using namespace rcvmon::test;

namespace {
// The raster engine splits a fill of this many rows or more over its thread pool.
constexpr int PoolRows = 96;
constexpr QSize BarSize(16, 900);

std::unique_ptr<QScrollBar> tallBar(QStyle* style, const QPalette& palette)
{
    auto bar = std::make_unique<QScrollBar>(Qt::Vertical);
    bar->setStyle(style);
    bar->setPalette(palette);
    bar->setRange(0, 10'000'000);
    bar->setPageStep(40);
    bar->setValue(6'000'000);
    bar->resize(BarSize);
    return bar;
}

QImage painted(QScrollBar& bar, qreal ratio)
{
    QImage image(bar.size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::magenta);
    bar.render(&image, {}, {}, QWidget::DrawChildren);
    return image;
}

QPalette darkPalette()
{
    QPalette dark(QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Text, Qt::white);
    dark.setColor(QPalette::ButtonText, Qt::white);
    return dark;
}
}  // namespace

class TestBandedScrollBarStyle : public QObject {
    Q_OBJECT
private slots:
    void fillsStayOnTheGuiThread_data();
    void fillsStayOnTheGuiThread();
    void looksAsItsBaseStyleDrawsIt_data();
    void looksAsItsBaseStyleDrawsIt();
};

void TestBandedScrollBarStyle::fillsStayOnTheGuiThread_data()
{
    QTest::addColumn<qreal>("ratio");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("2x") << 2.0;
    QTest::newRow("3x") << 3.0;
}

void TestBandedScrollBarStyle::fillsStayOnTheGuiThread()
{
    QFETCH(qreal, ratio);
    const std::unique_ptr<QStyle> plainStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    BandedScrollBarStyle bandedStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette palette = plainStyle->standardPalette();

    // Painted plainly, the groove is one fill the height of the bar: the recorder sees it.
    FillRowsRecorder plainRows(BarSize, ratio);
    tallBar(plainStyle.get(), palette)->render(&plainRows, {}, {}, QWidget::DrawChildren);
    QVERIFY2(plainRows.tallestFill() >= PoolRows, qPrintable(QString::number(plainRows.tallestFill())));

    FillRowsRecorder bandedRows(BarSize, ratio);
    tallBar(&bandedStyle, palette)->render(&bandedRows, {}, {}, QWidget::DrawChildren);
    QVERIFY(bandedRows.tallestFill() > 0);
    QVERIFY2(bandedRows.tallestFill() <= BandedScrollBarStyle::FillRows, qPrintable(QString::number(bandedRows.tallestFill())));
}

void TestBandedScrollBarStyle::looksAsItsBaseStyleDrawsIt_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<qreal>("ratio");
    for (const bool dark : {false, true}) {
        for (const qreal ratio : {1.0, 1.25, 2.0}) {
            QTest::addRow("%s %gx", dark ? "dark" : "light", ratio) << dark << ratio;
        }
    }
}

void TestBandedScrollBarStyle::looksAsItsBaseStyleDrawsIt()
{
    QFETCH(bool, dark);
    QFETCH(qreal, ratio);
    const std::unique_ptr<QStyle> plainStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    BandedScrollBarStyle bandedStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette palette = dark ? darkPalette() : plainStyle->standardPalette();

    const QImage plain = painted(*tallBar(plainStyle.get(), palette), ratio);
    const QImage banded = painted(*tallBar(&bandedStyle, palette), ratio);
    QVERIFY(plain.pixel(0, 0) != QColor(Qt::magenta).rgb());  // the bar painted itself
    QCOMPARE(banded, plain);
}

RCVMON_QTEST_MAIN(TestBandedScrollBarStyle)
#include "tst_banded_scroll_bar_style.moc"
