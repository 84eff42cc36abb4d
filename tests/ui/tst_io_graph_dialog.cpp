// SPDX-License-Identifier: GPL-2.0-or-later
// Statistics ▸ I/O Graphs in the real window over captures built here (frames at known times
// and sizes): the x axis spans the whole capture, a graph added with a filter counts what the
// model counts by hand, a unit change re-reads nothing, a click on a point selects the first
// packet of its interval in the packet list, zoom and pan by wheel, keys and mouse, Save As
// PNG / SVG / CSV read back, the graphs come back from the settings, hiding the dialog cancels
// its count, a stopped live capture is graphed from its spool while the rolling charts stay;
// the y axis zooms and pans by wheel and keys as in Wireshark (y/Y, x/X, +/-, arrows, 0, R,
// Reset), turns logarithmic, and a graph's Y Axis, Y Field and SMA Period are set in its row;
// the dialog's screenshots are kept in <build>/screenshots/.
#include "bandwidth_chart_view.h"
#include "capture_controller.h"
#include "fake_capture_backend.h"
#include "fake_capture_source.h"
#include "io_graph_chart.h"
#include "io_graph_dialog.h"
#include "io_graph_list.h"
#include "io_graph_model.h"
#include "io_graph_scan.h"
#include "main_window.h"
#include "packet_table_model.h"
#include "qtest_main.h"
#include "screenshot.h"

#include "../models/io_graph_capture.h"

#include <QAction>
#include <QApplication>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QXYSeries>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QXmlStreamReader>
#include <QHeaderView>
#include <QLogValueAxis>
#include <QTableWidget>

#include <cmath>

using namespace rcvmon;
namespace t = rcvmon::test;

class TestIoGraphDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void axisSpansTheWholeCapture();
    void hourLongFileSpansTheHour();
    void addedGraphCountsItsFilterInItsUnit();
    void badFilterIsShownOnItsRow();
    void clickSelectsTheFirstPacketOfTheInterval();
    void wheelKeysAndMouseZoomAndPan();
    void savesPngSvgAndCsv();
    void graphsAndIntervalComeBackFromTheSettings();
    void hidingTheDialogCancelsTheCount();
    void liveCaptureIsGraphedFromItsSpoolWhenStopped();
    void screenshot();
    void yAxisZoomsWithWheelAndKeysAndResets();
    void logScaleSwapsTheYAxis();
    void yFieldUnitAndSmaComeFromTheList();
    void yFieldScreenshot();

private:
    IoGraphDialog* openDialog();
    bool openFile(const QString& path, int rows);
    // Where a value point is on the chart's viewport.
    QPoint viewPos(IoGraphDialog* dialog, QPointF value);

    QTemporaryDir m_dir;
    QString m_six;
    QString m_hour;
    QString m_many;
    MainWindow* m_window = nullptr;
};

void TestIoGraphDialog::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RcvMonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_io_graph_dialog-%1").arg(QCoreApplication::applicationPid()));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_six = m_dir.filePath(QStringLiteral("six.pcap"));
    QVERIFY(t::writeTimedPcap(m_six, t::sixFrames()));
    m_hour = m_dir.filePath(QStringLiteral("hour.pcap"));
    QVERIFY(t::writeTimedPcap(m_hour, {{0, t::udpFrame(10)}, {1800'000'000, t::tcpFrame(10)}, {3599'500'000, t::udpFrame(100)}}));
    std::vector<t::TimedFrame> many;
    for (int i = 0; i < 200'000; ++i) many.push_back({std::int64_t(i) * 100, t::udpFrame(10)});
    m_many = m_dir.filePath(QStringLiteral("many.pcap"));
    QVERIFY(t::writeTimedPcap(m_many, many));
}

void TestIoGraphDialog::init()
{
    QSettings().clear();
    m_window = new MainWindow(CaptureBackend{});
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(openFile(m_six, 6));
}

void TestIoGraphDialog::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

bool TestIoGraphDialog::openFile(const QString& path, int rows)
{
    QSignalSpy loaded(m_window->controller(), &CaptureController::loadFinished);
    if (!m_window->openFile(path)) return false;
    if (loaded.count() == 0 && !loaded.wait(20000)) return false;
    return QTest::qWaitFor([&] { return m_window->controller()->tableModel()->rowCount() == rows; }, 20000);
}

IoGraphDialog* TestIoGraphDialog::openDialog()
{
    auto* action = m_window->findChild<QAction*>(QStringLiteral("actionIoGraphs"));
    if (!action) return nullptr;
    action->trigger();
    auto* dialog = m_window->findChild<IoGraphDialog*>();
    if (!dialog || !QTest::qWaitFor([&] { return dialog->model()->hasResult(); }, 30000)) return nullptr;
    return dialog;
}

QPoint TestIoGraphDialog::viewPos(IoGraphDialog* dialog, QPointF value)
{
    QChart* chart = dialog->chart()->chart();
    const QPointF scene = chart->mapToScene(chart->mapToPosition(value, chart->series().first()));
    return dialog->chart()->mapFromScene(scene);
}

void TestIoGraphDialog::axisSpansTheWholeCapture()
{
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // Wireshark's default graph: every packet, per second.
    QCOMPARE(dialog->intervalBox()->currentText(), QStringLiteral("1 sec"));
    QCOMPARE(dialog->model()->columnCount(), 2);
    QCOMPARE(dialog->model()->rowCount(), 4);
    QCOMPARE(dialog->model()->value(0, 0), 3.0);
    QCOMPARE(dialog->chart()->axisX()->min(), 0.0);
    QCOMPARE(dialog->chart()->axisX()->max(), 4.0);
    QCOMPARE(dialog->chart()->chart()->series().size(), 1);
    QVERIFY2(dialog->statusText().contains(QStringLiteral("6 frames")), qPrintable(dialog->statusText()));
    // 100 ms: 31 intervals, the axis still ends with the capture.
    dialog->intervalBox()->setCurrentIndex(dialog->intervalBox()->findText(QStringLiteral("100 ms")));
    QCOMPARE(dialog->model()->rowCount(), 31);
    QCOMPARE(dialog->chart()->axisX()->max(), 3.1);
    QCOMPARE(dialog->chart()->axisY()->titleText(), QStringLiteral("Packets/100 ms"));
}

void TestIoGraphDialog::hourLongFileSpansTheHour()
{
    QVERIFY(openFile(m_hour, 3));
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    dialog->setIntervalMs(60'000);
    QCOMPARE(dialog->model()->rowCount(), 60);
    QCOMPARE(dialog->chart()->axisX()->min(), 0.0);
    QCOMPARE(dialog->chart()->axisX()->max(), 3600.0);
    // Three points above zero, at the start, the middle and the end of the hour.
    auto* series = qobject_cast<QXYSeries*>(dialog->chart()->chart()->series().first());
    QVERIFY(series);
    QList<qreal> at;
    for (const QPointF& p : series->points())
        if (p.y() > 0) at << p.x();
    QCOMPARE(at, (QList<qreal>{0, 1800, 3540}));
    // Opening another file while the dialog is shown graphs that one.
    QVERIFY(openFile(m_six, 6));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->model()->rowCount(), 1, 30000);
    QTRY_COMPARE(dialog->chart()->axisX()->max(), 60.0);
}

void TestIoGraphDialog::addedGraphCountsItsFilterInItsUnit()
{
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    IoGraphList* list = dialog->graphList();
    QCOMPARE(list->graphs().size(), 2u);  // All Packets, and TCP Errors (off)
    dialog->findChild<QPushButton*>(QStringLiteral("ioGraphAdd"))->click();
    QCOMPARE(list->graphs().size(), 3u);
    auto* filter = qobject_cast<QLineEdit*>(list->editor(2, IoGraphList::Filter));
    QVERIFY(filter);
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("udp"));
    QTest::keyClick(filter, Qt::Key_Return);
    QCOMPARE(list->graphs()[2].filter, QStringLiteral("udp"));
    QSignalSpy done(dialog->model(), &IoGraphModel::scanFinished);
    QVERIFY(done.count() > 0 || done.wait(30000));
    QCOMPARE(dialog->model()->columnCount(), 3);
    QCOMPARE(dialog->model()->value(0, 1), 2.0);
    QCOMPARE(dialog->model()->value(1, 1), 1.0);
    QCOMPARE(dialog->chart()->chart()->series().size(), 2);
    // Bytes, then bits/s: the same counts, no second pass over the file.
    auto* unit = qobject_cast<QComboBox*>(list->editor(2, IoGraphList::Unit));
    const auto counted = dialog->model()->scan()->result();
    unit->setCurrentIndex(int(IoGraphUnit::Bytes));
    QCOMPARE(dialog->model()->value(0, 1), 52.0 + 142);
    unit->setCurrentIndex(int(IoGraphUnit::BitsPerSecond));
    QCOMPARE(dialog->model()->value(0, 1), (52.0 + 142) * 8);
    QCOMPARE(dialog->model()->scan()->result(), counted);
    QVERIFY(!dialog->model()->scan()->running());
    // The y axis has no single unit to name any more.
    QCOMPARE(dialog->chart()->axisY()->titleText(), QString());
    QVERIFY(dialog->chart()->axisY()->max() >= 1552);
    QVERIFY(dialog->chart()->axisY()->max() <= 2000);
    // Style: bars are an area series.
    qobject_cast<QComboBox*>(list->editor(2, IoGraphList::Style))->setCurrentIndex(int(IoGraphStyle::Bar));
    QCOMPARE(dialog->chart()->chart()->series().last()->type(), QAbstractSeries::SeriesTypeArea);
    qobject_cast<QComboBox*>(list->editor(2, IoGraphList::Style))->setCurrentIndex(int(IoGraphStyle::Dots));
    QCOMPARE(dialog->chart()->chart()->series().last()->type(), QAbstractSeries::SeriesTypeScatter);
    // Disabling a graph drops its column.
    qobject_cast<QCheckBox*>(list->editor(0, IoGraphList::Enabled))->setChecked(false);
    QVERIFY(done.wait(30000));
    QCOMPARE(dialog->model()->columnCount(), 2);
    QCOMPARE(dialog->model()->value(0, 0), (52.0 + 142) * 8);
}

void TestIoGraphDialog::badFilterIsShownOnItsRow()
{
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    auto* filter = qobject_cast<QLineEdit*>(dialog->graphList()->editor(0, IoGraphList::Filter));
    filter->setText(QStringLiteral("udp.port =="));
    emit filter->editingFinished();
    QVERIFY(!filter->toolTip().isEmpty());
    QVERIFY(filter->styleSheet().contains(QStringLiteral("background")));
    QVERIFY(!dialog->model()->filterError(0).isEmpty());
    filter->setText(QStringLiteral("tcp"));
    emit filter->editingFinished();
    QVERIFY(filter->toolTip().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->hasResult(), 30000);
    QCOMPARE(dialog->model()->value(3, 0), 1.0);
}

void TestIoGraphDialog::clickSelectsTheFirstPacketOfTheInterval()
{
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    QSignalSpy requested(dialog, &IoGraphDialog::frameRequested);
    // The interval 1 … 2 s holds frames 4 and 5: its point goes to frame 4.
    QTest::mouseClick(dialog->chart()->viewport(), Qt::LeftButton, {}, viewPos(dialog, {1.0, 2.0}));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toULongLong(), 4u);
    QCOMPARE(m_window->selectedFrames(), (std::vector<std::uint64_t>{4}));
    // The last interval (3 s): frame 6.
    QTest::mouseClick(dialog->chart()->viewport(), Qt::LeftButton, {}, viewPos(dialog, {3.0, 1.0}));
    QCOMPARE(m_window->selectedFrames(), (std::vector<std::uint64_t>{6}));
    // An empty interval selects nothing new.
    QTest::mouseClick(dialog->chart()->viewport(), Qt::LeftButton, {}, viewPos(dialog, {2.2, 0.0}));
    QCOMPARE(requested.count(), 2);
    // A bar covers its interval: a click anywhere on it counts.
    auto* style = qobject_cast<QComboBox*>(dialog->graphList()->editor(0, IoGraphList::Style));
    style->setCurrentIndex(int(IoGraphStyle::Bar));
    QTest::mouseClick(dialog->chart()->viewport(), Qt::LeftButton, {}, viewPos(dialog, {1.9, 1.0}));
    QCOMPARE(m_window->selectedFrames(), (std::vector<std::uint64_t>{4}));
    // At 1 ms frames 1 and 2 share the first millisecond: frame 1.
    dialog->setIntervalMs(1);
    QCOMPARE(dialog->frameAt(0.0005, 2.0), 1u);
    QCOMPARE(dialog->frameAt(1.7005, 1.0), 5u);
}

void TestIoGraphDialog::wheelKeysAndMouseZoomAndPan()
{
    QVERIFY(openFile(m_hour, 3));
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    dialog->activateWindow();
    IoGraphChart* chart = dialog->chart();
    QCOMPARE(chart->visibleFrom(), 0.0);
    QCOMPARE(chart->visibleTo(), 3600.0);
    // The wheel zooms in around the pointer.
    const QPoint middle = viewPos(dialog, {1800, 0});
    QWheelEvent wheel(middle, chart->viewport()->mapToGlobal(middle), {}, {0, 120}, Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(chart->viewport(), &wheel);
    QVERIFY(chart->visibleTo() - chart->visibleFrom() < 3000);
    QVERIFY(chart->visibleFrom() < 1800 && chart->visibleTo() > 1800);
    QCOMPARE(chart->axisX()->min(), chart->visibleFrom());
    // Keys: + zooms, arrows pan, 0 resets.
    const double span = chart->visibleTo() - chart->visibleFrom();
    QTest::keyClick(chart, Qt::Key_Plus);
    QCOMPARE(chart->visibleTo() - chart->visibleFrom(), span / 2);
    const double from = chart->visibleFrom();
    QTest::keyClick(chart, Qt::Key_Right);
    QVERIFY(qFuzzyCompare(chart->visibleFrom(), from + span / 20));
    // A left drag pans: the content follows the pointer to the right (earlier times).
    const double before = chart->visibleFrom();
    const QPoint start = chart->viewport()->rect().center();
    QTest::mousePress(chart->viewport(), Qt::LeftButton, {}, start);
    QMouseEvent move(QEvent::MouseMove, start + QPoint(100, 0), chart->viewport()->mapToGlobal(start + QPoint(100, 0)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(chart->viewport(), &move);
    QTest::mouseRelease(chart->viewport(), Qt::LeftButton, {}, start + QPoint(100, 0));
    QVERIFY(chart->visibleFrom() < before);
    QTest::keyClick(chart, Qt::Key_0);
    QCOMPARE(chart->visibleFrom(), 0.0);
    QCOMPARE(chart->visibleTo(), 3600.0);
    // A rubber band drawn with the right button zooms to it.
    const QPoint a = viewPos(dialog, {600, 0}), b = viewPos(dialog, {1200, 0});
    QTest::mousePress(chart->viewport(), Qt::RightButton, {}, a);
    QMouseEvent drag(QEvent::MouseMove, b, chart->viewport()->mapToGlobal(b), Qt::NoButton, Qt::RightButton, Qt::NoModifier);
    QApplication::sendEvent(chart->viewport(), &drag);
    QTest::mouseRelease(chart->viewport(), Qt::RightButton, {}, b);
    QVERIFY2(qAbs(chart->visibleFrom() - 600) < 20 && qAbs(chart->visibleTo() - 1200) < 20,
             qPrintable(QStringLiteral("%1 … %2").arg(chart->visibleFrom()).arg(chart->visibleTo())));
    // Reset Zoom.
    dialog->findChild<QPushButton*>(QStringLiteral("ioGraphResetZoom"))->click();
    QCOMPARE(chart->visibleTo(), 3600.0);
}

void TestIoGraphDialog::savesPngSvgAndCsv()
{
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    dialog->graphList()->addGraph({true, QStringLiteral("TCP"), QStringLiteral("tcp"), Qt::darkGreen, IoGraphStyle::Bar,
                                   IoGraphUnit::Bytes});
    QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->hasResult() && dialog->model()->columnCount() == 3, 30000);
    const QString png = m_dir.filePath(QStringLiteral("graph.png"));
    const QString svg = m_dir.filePath(QStringLiteral("graph.svg"));
    const QString csv = m_dir.filePath(QStringLiteral("graph.csv"));
    QCOMPARE(dialog->saveAs(png), QString());
    QCOMPARE(dialog->saveAs(svg), QString());
    QCOMPARE(dialog->saveAs(csv), QString());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100 && image.height() > 100);
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QVERIFY(renderer.defaultSize().width() > 100);
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svgFile);
    while (!xml.atEnd()) xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("\"Interval start\",\"All Packets\",\"TCP\""));
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[1], QByteArray("0,3,64"));
    QCOMPARE(lines[2], QByteArray("1,2,154"));
    QCOMPARE(lines[3], QByteArray("2,0,0"));
    QCOMPARE(lines[4], QByteArray("3,1,74"));
    for (int row = 0; row < 4; ++row) {
        const QList<QByteArray> cells = lines[row + 1].split(',');
        QCOMPARE(cells[1].toDouble(), dialog->model()->value(row, 0));
        QCOMPARE(cells[2].toDouble(), dialog->model()->value(row, 1));
    }
    QVERIFY(!dialog->saveAs(m_dir.filePath(QStringLiteral("graph.txt"))).isEmpty());
    QVERIFY(!dialog->saveAs(m_dir.filePath(QStringLiteral("missing/graph.png"))).isEmpty());
}

void TestIoGraphDialog::graphsAndIntervalComeBackFromTheSettings()
{
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    dialog->graphList()->addGraph({true, QStringLiteral("UDP bits"), QStringLiteral("udp"), QColor(0x123456), IoGraphStyle::Dots,
                                   IoGraphUnit::BitsPerSecond});
    dialog->setIntervalMs(10);
    const auto graphs = dialog->graphList()->graphs();
    dialog->close();
    QTRY_VERIFY(!m_window->findChild<IoGraphDialog*>());  // deleted on close
    IoGraphDialog* again = openDialog();
    QVERIFY(again);
    QVERIFY(again->graphList()->graphs() == graphs);
    QCOMPARE(again->intervalBox()->currentText(), QStringLiteral("10 ms"));
    QCOMPARE(again->model()->intervalMs(), 10u);
    QCOMPARE(again->model()->rowCount(), 301);
}

void TestIoGraphDialog::hidingTheDialogCancelsTheCount()
{
    QVERIFY(openFile(m_many, 200'000));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("actionIoGraphs"));
    action->trigger();
    auto* dialog = m_window->findChild<IoGraphDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->capturePath(), m_many);
    QSignalSpy done(dialog->model(), &IoGraphModel::scanFinished);
    dialog->hide();
    QVERIFY(!dialog->model()->scan()->running());
    QVERIFY(!done.wait(500));
    QVERIFY(!dialog->model()->hasResult());
    // Shown again, it counts again.
    action->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->hasResult(), 30000);
    QCOMPARE(dialog->model()->rowCount(), 20);  // 200,000 frames 100 µs apart: 20 s
    QCOMPARE(dialog->model()->value(0, 0), 10'000.0);
}

void TestIoGraphDialog::liveCaptureIsGraphedFromItsSpoolWhenStopped()
{
    rcvmon::test::FakeCaptureSource::Shared shared;
    MainWindow window(rcvmon::test::fakeCaptureBackend(shared));
    window.show();
    QVERIFY(window.startCapture({QStringLiteral("fake0"), CaptureMode::IpLevel, QString(), false}));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->counters().captured > 300, 20000);
    // The rolling charts stay what a running capture shows.
    auto* rolling = window.findChild<BandwidthChartView*>();
    QVERIFY(rolling);
    QCOMPARE(rolling->windowSeconds(), 60);
    // Opened while capturing: the spool as far as it was written.
    window.findChild<QAction*>(QStringLiteral("actionIoGraphs"))->trigger();
    auto* dialog = window.findChild<IoGraphDialog*>();
    QVERIFY(dialog);
    QVERIFY(!dialog->model()->capturePath().isEmpty());
    window.findChild<QAction*>(QStringLiteral("actionStop"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->state() == CaptureController::State::Stopped, 20000);
    // Stopped: every frame captured is counted.
    const auto captured = window.controller()->counters().captured;
    QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->hasResult() && dialog->model()->scan()->framesScanned() == captured, 30000);
    double total = 0;
    for (int row = 0; row < dialog->model()->rowCount(); ++row) total += dialog->model()->value(row, 0);
    QCOMPARE(total, double(captured));
}

void TestIoGraphDialog::screenshot()
{
    QVERIFY(openFile(m_hour, 3));
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    dialog->graphList()->addGraph({true, QStringLiteral("UDP"), QStringLiteral("udp"), QColor(0x2ca02c), IoGraphStyle::Bar,
                                   IoGraphUnit::Packets});
    dialog->setIntervalMs(60'000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->hasResult() && dialog->model()->columnCount() == 3, 30000);
    dialog->resize(1000, 700);
    QTest::qWait(50);  // nothing to wait on: the layout settles in the event loop
    t::saveScreenshot(dialog, QStringLiteral("io_graph_dialog.png"), 4);
}

// Wireshark's plot interactions on the y axis: y / Y zoom it alone, + zooms both axes, Up
// and Down pan it, Ctrl+wheel zooms it alone and a plain wheel both, x / X the x axis alone;
// Reset (and 0) bring both back.
void TestIoGraphDialog::yAxisZoomsWithWheelAndKeysAndResets()
{
    QVERIFY(openFile(m_hour, 3));
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    dialog->activateWindow();
    IoGraphChart* chart = dialog->chart();
    QVERIFY(!chart->yZoomed());
    const double low = chart->visibleYFrom(), high = chart->visibleYTo();
    QCOMPARE(low, 0.0);
    QVERIFY(high >= 1.0);
    QCOMPARE(chart->axisY()->max(), high);
    // y: the y span halves around its middle, x untouched.
    QTest::keyClick(chart, Qt::Key_Y);
    QVERIFY(chart->yZoomed());
    QVERIFY(qFuzzyCompare(chart->visibleYTo() - chart->visibleYFrom(), (high - low) / 2));
    QVERIFY(qFuzzyCompare(chart->visibleYFrom() + chart->visibleYTo(), low + high));
    QCOMPARE(chart->visibleTo(), 3600.0);
    QCOMPARE(chart->axisY()->max(), chart->visibleYTo());
    // Y: back out.
    QTest::keyClick(chart, Qt::Key_Y, Qt::ShiftModifier);
    QVERIFY(qFuzzyCompare(chart->visibleYTo() - chart->visibleYFrom(), high - low));
    // Up pans the y range up by a tenth of its span.
    const double before = chart->visibleYFrom();
    QTest::keyClick(chart, Qt::Key_Up);
    QVERIFY(qFuzzyCompare(chart->visibleYFrom() - before, (high - low) / 10));
    QTest::keyClick(chart, Qt::Key_Down);
    QVERIFY(qAbs(chart->visibleYFrom() - before) < 1e-9);
    // x zooms the x axis alone.
    const double ySpan = chart->visibleYTo() - chart->visibleYFrom();
    QTest::keyClick(chart, Qt::Key_X);
    QCOMPARE(chart->visibleTo() - chart->visibleFrom(), 1800.0);
    QVERIFY(qFuzzyCompare(chart->visibleYTo() - chart->visibleYFrom(), ySpan));
    QTest::keyClick(chart, Qt::Key_X, Qt::ShiftModifier);
    QCOMPARE(chart->visibleTo() - chart->visibleFrom(), 3600.0);
    // + zooms both.
    QTest::keyClick(chart, Qt::Key_Plus);
    QCOMPARE(chart->visibleTo() - chart->visibleFrom(), 1800.0);
    QVERIFY(qFuzzyCompare(chart->visibleYTo() - chart->visibleYFrom(), ySpan / 2));
    QTest::keyClick(chart, Qt::Key_Minus);
    QVERIFY(qFuzzyCompare(chart->visibleYTo() - chart->visibleYFrom(), ySpan));
    // Ctrl+wheel zooms only y, around the value under the pointer; a plain wheel both.
    const QPoint middle = viewPos(dialog, {1800, (low + high) / 2});
    const auto wheel = [&](Qt::KeyboardModifiers modifiers) {
        QWheelEvent event(middle, chart->viewport()->mapToGlobal(middle), {}, {0, 120}, Qt::NoButton, modifiers,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(chart->viewport(), &event);
    };
    const double xSpan = chart->visibleTo() - chart->visibleFrom();
    wheel(Qt::ControlModifier);
    QCOMPARE(chart->visibleTo() - chart->visibleFrom(), xSpan);
    QVERIFY(qFuzzyCompare(chart->visibleYTo() - chart->visibleYFrom(), ySpan * 0.8));
    wheel(Qt::NoModifier);
    QVERIFY(qFuzzyCompare(chart->visibleTo() - chart->visibleFrom(), xSpan * 0.8));
    QVERIFY(qFuzzyCompare(chart->visibleYTo() - chart->visibleYFrom(), ySpan * 0.64));
    wheel(Qt::ShiftModifier);
    QVERIFY(qFuzzyCompare(chart->visibleYTo() - chart->visibleYFrom(), ySpan * 0.64));
    // Reset brings both axes back.
    auto* reset = dialog->findChild<QPushButton*>(QStringLiteral("ioGraphResetZoom"));
    QCOMPARE(reset->text(), QStringLiteral("&Reset"));
    reset->click();
    QVERIFY(!chart->yZoomed());
    QCOMPARE(chart->visibleYFrom(), low);
    QCOMPARE(chart->visibleYTo(), high);
    QCOMPARE(chart->visibleTo(), 3600.0);
    QTest::keyClick(chart, Qt::Key_Y);
    QTest::keyClick(chart, Qt::Key_0);
    QVERIFY(!chart->yZoomed());
    QCOMPARE(chart->visibleYTo(), high);
    QTest::keyClick(chart, Qt::Key_Y);
    QTest::keyClick(chart, Qt::Key_R);
    QVERIFY(!chart->yZoomed());
}

void TestIoGraphDialog::logScaleSwapsTheYAxis()
{
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    IoGraphChart* chart = dialog->chart();
    QCOMPARE(chart->yAxis()->type(), QAbstractAxis::AxisTypeValue);
    dialog->logScaleBox()->setChecked(true);
    QVERIFY(chart->logScale());
    QCOMPARE(chart->yAxis()->type(), QAbstractAxis::AxisTypeLogValue);
    QCOMPARE(chart->chart()->axes(Qt::Vertical).size(), 1);
    QCOMPARE(chart->chart()->axes(Qt::Vertical).first(), chart->yAxis());
    QVERIFY(chart->visibleYFrom() > 0);
    // The six frames' counts are 3, 2, (0), 1: the empty interval is left out, the rest drawn.
    auto* line = qobject_cast<QXYSeries*>(chart->chart()->series().first());
    QVERIFY(line);
    QCOMPARE(line->count(), 3);
    for (const QPointF& p : line->points()) QVERIFY(p.y() > 0);
    QVERIFY(chart->visibleYFrom() <= 1 && chart->visibleYTo() >= 3);
    QCOMPARE(chart->logAxisY()->titleText(), QStringLiteral("Packets/1 sec"));
    // y zooms in log space: the decades around the middle.
    const double ratio = chart->visibleYTo() / chart->visibleYFrom();
    QTest::keyClick(chart, Qt::Key_Y);
    QVERIFY(qFuzzyCompare(chart->visibleYTo() / chart->visibleYFrom(), std::sqrt(ratio)));
    // Kept in the settings, and switched back.
    QCOMPARE(QSettings().value(QStringLiteral("ioGraphs/logScale")).toBool(), true);
    dialog->logScaleBox()->setChecked(false);
    QCOMPARE(chart->yAxis()->type(), QAbstractAxis::AxisTypeValue);
    QCOMPARE(chart->chart()->axes(Qt::Vertical).size(), 1);
    QCOMPARE(qobject_cast<QXYSeries*>(chart->chart()->series().first())->count(), 4);
}

// A graph set up in the list as a Wireshark user does: the Y Axis combo to MAX(Y Field),
// the Y Field typed in, the SMA period chosen; a field the unit cannot use turns red.
void TestIoGraphDialog::yFieldUnitAndSmaComeFromTheList()
{
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    IoGraphList* list = dialog->graphList();
    QCOMPARE(list->table()->horizontalHeaderItem(IoGraphList::YField)->text(), QStringLiteral("Y Field"));
    QCOMPARE(list->table()->horizontalHeaderItem(IoGraphList::Sma)->text(), QStringLiteral("SMA Period"));
    auto* unit = qobject_cast<QComboBox*>(list->editor(0, IoGraphList::Unit));
    QCOMPARE(unit->count(), IoGraphUnitCount);
    QCOMPARE(unit->itemText(int(IoGraphUnit::Average)), QStringLiteral("AVG(Y Field)"));
    QSignalSpy done(dialog->model(), &IoGraphModel::scanFinished);
    unit->setCurrentIndex(int(IoGraphUnit::Max));
    // No field yet: Wireshark's complaint, on the Y Field cell.
    auto* field = qobject_cast<QLineEdit*>(list->editor(0, IoGraphList::YField));
    QVERIFY(field);
    QCOMPARE(field->toolTip(), QStringLiteral("You didn't specify a field name."));
    QVERIFY(field->styleSheet().contains(QStringLiteral("background")));
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("udp.length"));
    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(list->graphs()[0].yField, QStringLiteral("udp.length"));
    QVERIFY(field->styleSheet().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->hasResult(), 30000);
    QCOMPARE(dialog->model()->value(0, 0), 108.0);
    QCOMPARE(dialog->model()->value(1, 0), 37.0);
    QCOMPARE(dialog->model()->hasValue(2, 0), false);
    QCOMPARE(dialog->chart()->axisY()->titleText(), QStringLiteral("MAX(Y Field)/1 sec"));
    // Gaps: the intervals without udp.length are not drawn.
    QCOMPARE(qobject_cast<QXYSeries*>(dialog->chart()->chart()->series().first())->count(), 2);
    // AVG of the same field: no second pass.
    const auto counted = dialog->model()->scan()->result();
    unit->setCurrentIndex(int(IoGraphUnit::Average));
    QCOMPARE(dialog->model()->scan()->result(), counted);
    QCOMPARE(dialog->model()->value(0, 0), 63.0);
    // SMA period from its combo.
    auto* sma = qobject_cast<QComboBox*>(list->editor(0, IoGraphList::Sma));
    QCOMPARE(sma->itemText(1), QStringLiteral("10 interval SMA"));
    sma->setCurrentIndex(1);
    QCOMPARE(list->graphs()[0].smaPeriod, 10);
    QCOMPARE(dialog->model()->graphs()[0].smaPeriod, 10);
    // Interval 0 averages intervals 0 … 4: (63 + 37 + 0 + 0) / 4 over the four the capture has.
    const QList<QPointF> points = qobject_cast<QXYSeries*>(dialog->chart()->chart()->series().first())->points();
    QCOMPARE(points.size(), 2);
    QCOMPARE(points[0].y(), (63.0 + 37) / 4);
    // A field that has no numbers: refused, with Wireshark's reason.
    unit->setCurrentIndex(int(IoGraphUnit::Sum));
    field->setText(QStringLiteral("ip.src"));
    emit field->editingFinished();
    QVERIFY(field->toolTip().contains(QStringLiteral("doesn't have integral values")));
    QVERIFY(!dialog->model()->fieldError(0).isEmpty());
    // Kept in the settings.
    const std::vector<IoGraphDefinition> saved = loadIoGraphs();
    QCOMPARE(saved[0].unit, IoGraphUnit::Sum);
    QCOMPARE(saved[0].yField, QStringLiteral("ip.src"));
    QCOMPARE(saved[0].smaPeriod, 10);
    Q_UNUSED(done);
}

void TestIoGraphDialog::yFieldScreenshot()
{
    QVERIFY(openFile(m_hour, 3));
    IoGraphDialog* dialog = openDialog();
    QVERIFY(dialog);
    dialog->graphList()->addGraph({true, QStringLiteral("MAX frame.len"), {}, QColor(0xd62728), IoGraphStyle::Dots,
                                   IoGraphUnit::Max, QStringLiteral("frame.len")});
    dialog->graphList()->addGraph({true, QStringLiteral("AVG udp.length (SMA 10)"), QStringLiteral("udp"), QColor(0x2ca02c),
                                   IoGraphStyle::Line, IoGraphUnit::Average, QStringLiteral("udp.length"), 10});
    dialog->setIntervalMs(60'000);
    dialog->logScaleBox()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->hasResult() && dialog->model()->columnCount() == 4, 30000);
    QCOMPARE(dialog->model()->value(30, 1), 64.0);
    dialog->resize(1100, 700);
    QTest::qWait(50);  // nothing to wait on: the layout settles in the event loop
    t::saveScreenshot(dialog, QStringLiteral("io_graph_y_field.png"), 4);
}

RCVMON_QTEST_MAIN(TestIoGraphDialog)
#include "tst_io_graph_dialog.moc"
