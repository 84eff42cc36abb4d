// SPDX-License-Identifier: GPL-2.0-or-later
#include "io_graph_chart.h"
#include "palette_tone.h"

#include "io_graph_model.h"

#include <QAreaSeries>
#include <QChart>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rcvmon {

namespace {
constexpr int DragThreshold = 4;  // pixels a press may move and still be a click
constexpr double MinSpan = 0.001;  // the narrowest zoom: one 1 ms interval
constexpr double ZoomStep = 0.5;   // + and - halve and double the span
}

IoGraphChart::IoGraphChart(const IoGraphModel* model, QWidget* parent)
    : QChartView(new QChart, parent), m_model(model), m_axisX(new QValueAxis(this)), m_axisY(new QValueAxis(this)),
      m_logAxisY(new QLogValueAxis(this))
{
    m_logAxisY->setBase(10);
    m_logAxisY->setLabelFormat(QStringLiteral("%.6g"));
    m_logAxisY->setMinorTickCount(-1);
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    m_axisX->setTitleText(tr("Time (s)"));
    m_axisX->setLabelFormat(QStringLiteral("%.6g"));
    m_axisY->setLabelFormat(QStringLiteral("%.6g"));
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    followPalette(chart(), palette());
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(480, 260);
    setToolTip(tr("Wheel or +/- zoom (x/X, y/Y one axis), drag or arrow keys pan, right-drag zooms to a range, "
                  "0 or R resets; click a point to go to its first packet"));
}

void IoGraphChart::setLooks(std::vector<Look> looks)
{
    m_looks = std::move(looks);
    redraw();
}

double IoGraphChart::fullTo() const
{
    // The last interval is drawn whole: the axis ends where it ends.
    return std::max(m_model->spanSeconds() + double(m_model->intervalMs()) / 1000.0, MinSpan);
}

void IoGraphChart::refresh()
{
    if (!m_zoomed || m_from >= fullTo()) {
        m_zoomed = false;
        m_from = 0;
        m_to = fullTo();
    }
    m_to = std::min(m_to, fullTo());
    redraw();
}

void IoGraphChart::resetZoom()
{
    m_zoomed = false;
    m_yZoomed = false;
    refresh();
    emit rangeChanged();
}

QAbstractAxis* IoGraphChart::yAxis() const
{
    return m_log ? static_cast<QAbstractAxis*>(m_logAxisY) : static_cast<QAbstractAxis*>(m_axisY);
}

void IoGraphChart::setLogScale(bool on)
{
    if (on == m_log) return;
    chart()->removeAllSeries();
    QAbstractAxis* old = yAxis();
    chart()->removeAxis(old);
    old->setParent(this);  // removeAxis gives up the chart's ownership; keep it for the next switch
    m_log = on;
    yAxis()->setTitleText(old->titleText());
    chart()->addAxis(yAxis(), Qt::AlignLeft);
    followPalette(chart(), palette());
    m_yZoomed = false;
    redraw();
    emit rangeChanged();
}

void IoGraphChart::setYRange(double low, double high)
{
    if (m_log) {
        // A log axis needs positive bounds a little apart.
        low = std::max(low, 1e-12);
        high = std::max(high, low * 1.0001);
    } else if (high - low < 1e-12) {
        high = low + 1e-12;
    }
    m_yFrom = low;
    m_yTo = high;
    m_yZoomed = true;
    redraw();
    emit rangeChanged();
}

void IoGraphChart::zoomY(double factor, double aroundValue)
{
    if (m_log) {
        // Around the value in log space, so the axis keeps its decades.
        const double a = std::log10(std::max(aroundValue, 1e-12));
        const double lo = a - (a - std::log10(m_yFrom)) * factor, hi = a + (std::log10(m_yTo) - a) * factor;
        setYRange(std::pow(10.0, lo), std::pow(10.0, hi));
        return;
    }
    setYRange(aroundValue - (aroundValue - m_yFrom) * factor, aroundValue + (m_yTo - aroundValue) * factor);
}

void IoGraphChart::panY(double fraction)
{
    if (m_log) {
        const double shift = (std::log10(m_yTo) - std::log10(m_yFrom)) * fraction;
        setYRange(m_yFrom * std::pow(10.0, shift), m_yTo * std::pow(10.0, shift));
        return;
    }
    const double shift = (m_yTo - m_yFrom) * fraction;
    setYRange(m_yFrom + shift, m_yTo + shift);
}

void IoGraphChart::setRange(double from, double to)
{
    const double full = fullTo();
    double span = std::clamp(to - from, MinSpan, full);
    from = std::clamp(from, 0.0, full - span);
    m_from = from;
    m_to = from + span;
    m_zoomed = m_from > 0 || m_to < full;
    redraw();
    emit rangeChanged();
}

void IoGraphChart::zoom(double factor, double aroundSeconds)
{
    const double from = aroundSeconds - (aroundSeconds - m_from) * factor;
    setRange(from, from + (m_to - m_from) * factor);
}

void IoGraphChart::pan(double seconds) { setRange(m_from + seconds, m_to + seconds); }

double IoGraphChart::secondsAt(const QPoint& viewPos) const
{
    return chart()->mapToValue(chart()->mapFromScene(mapToScene(viewPos))).x();
}

double IoGraphChart::valueAt(const QPoint& viewPos) const
{
    // From the plot area's geometry: mapToValue needs a series, which an empty graph lacks.
    const QRectF plot = chart()->plotArea();
    const QPointF at = chart()->mapFromScene(mapToScene(viewPos));
    const double f = plot.height() > 0 ? std::clamp((plot.bottom() - at.y()) / plot.height(), 0.0, 1.0) : 0.5;
    if (m_log) return std::pow(10.0, std::log10(m_yFrom) + f * (std::log10(m_yTo) - std::log10(m_yFrom)));
    return m_yFrom + f * (m_yTo - m_yFrom);
}

void IoGraphChart::redraw()
{
    chart()->removeAllSeries();
    const int columns = std::min<int>(int(m_looks.size()), m_model->columnCount() - 1);
    // One point per pixel column of the plot at most.
    const int maxPoints = std::max(64, int(chart()->plotArea().width()));
    m_pointSeconds = m_model->pointWidth(m_from, m_to, maxPoints);
    double top = 0;
    double bottom = std::numeric_limits<double>::max();
    // Bars on a log axis stand on its lower bound (there is no 0): the bound is needed first.
    if (m_log && !m_yZoomed) {
        for (int g = 0; g < columns; ++g)
            for (const QPointF& p : m_model->points(g, m_from, m_to, maxPoints))
                if (p.y() > 0) bottom = std::min(bottom, p.y());
    }
    const double floor = m_log ? (m_yZoomed ? m_yFrom : (bottom < std::numeric_limits<double>::max() ? bottom / 2 : 0.1)) : 0.0;
    for (int g = 0; g < columns; ++g) {
        const Look& look = m_looks[std::size_t(g)];
        QList<QPointF> points = m_model->points(g, m_from, m_to, maxPoints);
        if (m_log) points.removeIf([](const QPointF& p) { return p.y() <= 0; });
        for (const QPointF& p : points) {
            top = std::max(top, p.y());
            if (p.y() > 0) bottom = std::min(bottom, p.y());
        }
        QAbstractSeries* series = nullptr;
        switch (look.style) {
        case IoGraphStyle::Line: {
            auto* line = new QLineSeries;
            line->replace(points);
            line->setPen(QPen(look.color, 1.5));
            series = line;
            break;
        }
        case IoGraphStyle::Dots: {
            auto* dots = new QScatterSeries;
            QList<QPointF> nonZero;
            for (const QPointF& p : points)
                if (p.y() > 0) nonZero.append(p);
            dots->replace(nonZero);
            dots->setMarkerSize(6);
            dots->setColor(look.color);
            dots->setBorderColor(look.color);
            series = dots;
            break;
        }
        case IoGraphStyle::Bar: {
            // Each point as a bar as wide as the run it stands for: a step outline filled to 0.
            auto* upper = new QLineSeries;
            QList<QPointF> steps;
            steps.reserve(points.size() * 2);
            for (const QPointF& p : points) {
                steps.append(p);
                steps.append(QPointF(p.x() + m_pointSeconds, p.y()));
            }
            upper->replace(steps);
            QLineSeries* lower = nullptr;
            if (m_log) {
                lower = new QLineSeries;
                QList<QPointF> base;
                base.reserve(steps.size());
                for (const QPointF& p : steps) base.append(QPointF(p.x(), floor));
                lower->replace(base);
            }
            auto* area = new QAreaSeries(upper, lower);
            QColor fill = look.color;
            fill.setAlpha(170);
            area->setBrush(fill);
            area->setPen(QPen(look.color, 1));
            series = area;
            break;
        }
        }
        series->setName(look.name);
        chart()->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(yAxis());
    }
    m_axisX->setRange(m_from, m_to);
    if (!m_yZoomed) {
        if (m_log) {
            m_yFrom = floor;
            m_yTo = top > floor ? top * 2 : floor * 100;
        } else {
            m_axisY->setRange(0, top > 0 ? top * 1.05 : 1.0);
            m_axisY->applyNiceNumbers();  // ticks at round values: 0, 0.2, 0.4 … rather than 0.2625
            m_yFrom = m_axisY->min();
            m_yTo = m_axisY->max();
        }
    }
    if (m_log) m_logAxisY->setRange(m_yFrom, m_yTo);
    else m_axisY->setRange(m_yFrom, m_yTo);
}

void IoGraphChart::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) return;
    const double factor = std::pow(0.8, steps);
    // As Wireshark's plot: both axes around the pointer; Shift only x, Ctrl only y.
    const bool onlyX = event->modifiers() & Qt::ShiftModifier;
    const bool onlyY = event->modifiers() & Qt::ControlModifier;
    if (!onlyY) zoom(factor, secondsAt(event->position().toPoint()));
    if (!onlyX) zoomY(factor, valueAt(event->position().toPoint()));
    event->accept();
}

void IoGraphChart::mousePressEvent(QMouseEvent* event)
{
    m_button = event->button();
    m_pressPos = event->position().toPoint();
    m_pressFrom = m_from;
    m_dragging = false;
    if (m_button == Qt::RightButton) {
        if (!m_band) m_band = new QRubberBand(QRubberBand::Rectangle, viewport());
        m_band->setGeometry(QRect(m_pressPos, QSize()));
        m_band->show();
    }
    setFocus();
    event->accept();
}

void IoGraphChart::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if ((pos - m_pressPos).manhattanLength() >= DragThreshold) m_dragging = true;
    if (!m_dragging) return;
    if (m_button == Qt::LeftButton) {
        const double perPixel = (m_to - m_from) / std::max(1.0, chart()->plotArea().width());
        const double span = m_to - m_from;
        const double from = m_pressFrom - (pos.x() - m_pressPos.x()) * perPixel;
        setRange(from, from + span);
    } else if (m_button == Qt::RightButton && m_band) {
        const QRect plot = mapFromScene(chart()->mapToScene(chart()->plotArea())).boundingRect();
        m_band->setGeometry(QRect(QPoint(m_pressPos.x(), plot.top()), QPoint(pos.x(), plot.bottom())).normalized());
    }
    event->accept();
}

void IoGraphChart::mouseReleaseEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_button == Qt::RightButton && m_band) {
        m_band->hide();
        if (m_dragging) {
            const double a = secondsAt(m_pressPos), b = secondsAt(pos);
            setRange(std::min(a, b), std::max(a, b));
        }
    } else if (m_button == Qt::LeftButton && !m_dragging) {
        const QPointF value = chart()->mapToValue(chart()->mapFromScene(mapToScene(pos)));
        emit clicked(value.x(), value.y());
    }
    m_button = Qt::NoButton;
    m_dragging = false;
    event->accept();
}

void IoGraphChart::keyPressEvent(QKeyEvent* event)
{
    const double span = m_to - m_from;
    const double middle = (m_from + m_to) / 2;
    const double yMiddle = m_log ? std::sqrt(m_yFrom * m_yTo) : (m_yFrom + m_yTo) / 2;
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    // Wireshark's keys; a shifted arrow moves a tenth as far (its 1-pixel step).
    const double step = shift ? 0.01 : 0.1;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_H: pan(-span * step); break;
    case Qt::Key_Right:
    case Qt::Key_L: pan(span * step); break;
    case Qt::Key_Up:
    case Qt::Key_K: panY(step); break;
    case Qt::Key_Down:
    case Qt::Key_J: panY(-step); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_I:
        zoom(ZoomStep, middle);
        zoomY(ZoomStep, yMiddle);
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
    case Qt::Key_O:
        zoom(1 / ZoomStep, middle);
        zoomY(1 / ZoomStep, yMiddle);
        break;
    case Qt::Key_X: zoom(shift ? 1 / ZoomStep : ZoomStep, middle); break;
    case Qt::Key_Y: zoomY(shift ? 1 / ZoomStep : ZoomStep, yMiddle); break;
    case Qt::Key_0:
    case Qt::Key_ParenRight:
    case Qt::Key_Home:
    case Qt::Key_R: resetZoom(); break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

void IoGraphChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    redraw();  // as many points as the new width has pixels
}

}  // namespace rcvmon
